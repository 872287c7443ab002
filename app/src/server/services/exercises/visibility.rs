//! Who may see an exercise: everyone when it is releasable to all, else the lead and host
//! nations, the nations on its releasability list, its individual participants and holders of
//! an alliance-wide grant.

use std::collections::{HashMap, HashSet};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use super::lookup::Lookup;
use crate::{
    domain::policy::Actor,
    server::{
        entities::calendar::{exercise, exercise_participant, exercise_releasability},
        error::ServiceError,
    },
};

/// The reader of calendar data, as visibility needs them.
#[derive(Clone, Debug)]
pub struct Viewer {
    pub user_id: Uuid,
    pub nation_id: Option<Uuid>,
    /// Holds an alliance-wide grant: sees every exercise.
    pub alliance: bool,
}

impl Viewer {
    pub fn of(actor: &Actor) -> Self {
        Self {
            user_id: actor.user_id,
            nation_id: actor.nation_id,
            alliance: actor.grants.iter().any(|g| g.alliance),
        }
    }
}

/// What visibility reads of an exercise: the stored row has it, and so does the lighter row a
/// list reads.
pub trait Releasable {
    fn id(&self) -> Uuid;
    fn releasable_to_all(&self) -> bool;
    fn lead_nation_id(&self) -> Uuid;
    fn host_base_id(&self) -> Uuid;
}

/// Implements [`Releasable`] for a row type with fields of the same names.
macro_rules! releasable_row {
    ($row:ty) => {
        impl $crate::server::services::exercises::visibility::Releasable for $row {
            fn id(&self) -> ::uuid::Uuid {
                self.id
            }
            fn releasable_to_all(&self) -> bool {
                self.releasable_to_all
            }
            fn lead_nation_id(&self) -> ::uuid::Uuid {
                self.lead_nation_id
            }
            fn host_base_id(&self) -> ::uuid::Uuid {
                self.host_base_id
            }
        }
    };
}
pub(super) use releasable_row;

releasable_row!(exercise::Model);

/// Releasability facts of a set of exercises, loaded once for a page of them.
pub struct Releasability {
    lists: HashMap<Uuid, Vec<Uuid>>,
    participating: HashSet<Uuid>,
}

/// Largest `IN (…)` list sent at once.
const CHUNK: usize = 500;

impl Releasability {
    /// Loads the lists of the restricted exercises among `models` and which of them `viewer`
    /// takes part in individually.
    pub async fn load<C: ConnectionTrait, E: Releasable>(
        db: &C,
        viewer: &Viewer,
        models: &[&E],
    ) -> Result<Self, ServiceError> {
        let restricted: Vec<Uuid> = models
            .iter()
            .filter(|m| !m.releasable_to_all())
            .map(|m| m.id())
            .collect();
        let mut lists: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
        let mut participating = HashSet::new();
        for ids in restricted.chunks(CHUNK) {
            let (rows, mine): (Vec<(Uuid, Uuid)>, Vec<Uuid>) = tokio::try_join!(
                exercise_releasability::Entity::find()
                    .select_only()
                    .column(exercise_releasability::Column::ExerciseId)
                    .column(exercise_releasability::Column::NationId)
                    .filter(exercise_releasability::Column::ExerciseId.is_in(ids.iter().copied()))
                    .into_tuple()
                    .all(db),
                exercise_participant::Entity::find()
                    .select_only()
                    .column(exercise_participant::Column::ExerciseId)
                    .filter(exercise_participant::Column::ExerciseId.is_in(ids.iter().copied()))
                    .filter(exercise_participant::Column::UserId.eq(viewer.user_id))
                    .into_tuple()
                    .all(db),
            )?;
            for (e, n) in rows {
                lists.entry(e).or_default().push(n);
            }
            participating.extend(mine);
        }
        Ok(Self {
            lists,
            participating,
        })
    }

    /// The nations an exercise is restricted to (`None`: all nations).
    pub fn list_of(&self, m: &impl Releasable) -> Option<Vec<Uuid>> {
        (!m.releasable_to_all()).then(|| self.lists.get(&m.id()).cloned().unwrap_or_default())
    }

    /// Whether `viewer` may see `m`.
    pub fn visible(&self, viewer: &Viewer, m: &impl Releasable, lookup: &Lookup) -> bool {
        if m.releasable_to_all() || viewer.alliance || self.participating.contains(&m.id()) {
            return true;
        }
        let Some(nation) = viewer.nation_id else {
            return false;
        };
        nation == m.lead_nation_id()
            || lookup.base_nation(m.host_base_id()) == Some(nation)
            || self
                .lists
                .get(&m.id())
                .is_some_and(|list| list.contains(&nation))
    }
}
