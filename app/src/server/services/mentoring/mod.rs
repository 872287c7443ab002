//! Mentor pairing over the database: profiles, matching runs (executed off the request path,
//! progress persisted), pairings with their lifecycle, and check-ins. The optimum itself is the
//! pure `domain::matching`; this module gathers its input and stores its output.

pub mod pairings;
pub mod pool;
pub mod profiles;
pub mod runs;

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::{
    api::mentoring::PersonRef,
    server::{
        entities::{nation, user},
        error::ServiceError,
    },
};

/// Pairing statuses as stored.
pub const PROPOSED: &str = "proposed";
pub const ACTIVE: &str = "active";
pub const ENDED: &str = "ended";

/// Run statuses as stored.
pub const QUEUED: &str = "queued";
pub const RUNNING: &str = "running";
pub const DONE: &str = "done";
pub const FAILED: &str = "failed";

/// Training-module evidence of one person, for the specialty fit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonModules {
    /// Modules completed and not expired on the day.
    pub current: Vec<String>,
    /// Modules assigned to the person that are incomplete or expired on the day.
    pub gaps: Vec<String>,
}

/// Curriculum evidence for `people` on `on`, by module code: the modules each holds a valid
/// completion of, and the required modules (direct or unit enrolments) they lack or let expire.
/// The same facts the readiness model reads.
pub async fn module_evidence<C: ConnectionTrait>(
    db: &C,
    people: &[Uuid],
    on: NaiveDate,
) -> Result<HashMap<Uuid, PersonModules>, ServiceError> {
    let loaded = super::readiness::evidence::load(db, people).await?;
    let code = |m: &Uuid| loaded.module_codes.get(m).cloned().unwrap_or_default();
    Ok(loaded
        .people
        .iter()
        .map(|(id, (_, facts))| {
            let valid: std::collections::BTreeSet<Uuid> = facts
                .completions
                .iter()
                .filter(|c| c.completed_on <= on && c.expires_on.is_none_or(|x| on < x))
                .map(|c| c.module_id)
                .collect();
            let mut gaps: Vec<String> = facts
                .required_modules
                .iter()
                .filter(|m| !valid.contains(m))
                .map(code)
                .collect();
            gaps.sort();
            gaps.dedup();
            (
                *id,
                PersonModules {
                    current: valid.iter().map(code).collect(),
                    gaps,
                },
            )
        })
        .collect())
}

/// Names of people for views, keyed by id (unknown ids are absent).
pub(crate) async fn people_refs<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, PersonRef>, ServiceError> {
    let mut ids: Vec<Uuid> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    let codes: HashMap<Uuid, String> = nation::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|n| (n.id, n.code))
        .collect();
    let mut out = HashMap::new();
    for chunk in ids.chunks(500) {
        for u in user::Entity::find()
            .filter(user::Column::Id.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            out.insert(
                u.id,
                PersonRef {
                    id: u.id,
                    nation_code: u.nation_id.and_then(|n| codes.get(&n).cloned()),
                    username: u.username,
                    name: u.display_name,
                    rank: u.rank,
                },
            );
        }
    }
    Ok(out)
}

/// The view of `id`, or a placeholder for a person who no longer exists.
pub(crate) fn person(refs: &HashMap<Uuid, PersonRef>, id: Uuid) -> PersonRef {
    refs.get(&id).cloned().unwrap_or_else(|| PersonRef {
        id,
        username: String::new(),
        name: String::new(),
        nation_code: None,
        rank: String::new(),
    })
}

/// A stored comma-separated list.
pub(crate) fn list_of(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}
