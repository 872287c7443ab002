//! Gathers a run's input from the database: the pool's mentees (without an active mentor), every
//! available mentor of the alliance, ranks, nations, bases and time zones, chains of command and
//! curriculum evidence. Reads only.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Offset, TimeZone, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::{ACTIVE, list_of, module_evidence};
use crate::{
    api::mentoring::PoolSpec,
    domain::{
        matching::{Mentee, Mentor, RankGrade, RunInput, Weights},
        org::UnitTree,
        policy::Role,
    },
    server::{
        entities::{
            base, mentee_profile, mentor_profile, mentoring_pairing, unit, user, user_role,
        },
        error::ServiceError,
    },
};

/// What a run asks for besides the pool.
#[derive(Clone, Debug)]
pub struct Rules {
    pub weights: Weights,
    pub min_years_gap: u32,
    pub pins: Vec<(Uuid, Uuid)>,
    pub forbids: Vec<(Uuid, Uuid)>,
}

/// Where people sit: unit tree, home bases and their UTC offsets at one instant.
struct Places {
    tree: UnitTree,
    units: HashMap<Uuid, unit::Model>,
    offsets: HashMap<Uuid, i32>,
}

impl Places {
    async fn load<C: ConnectionTrait>(db: &C, now: DateTime<Utc>) -> Result<Self, ServiceError> {
        let units: HashMap<Uuid, unit::Model> = unit::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|u| (u.id, u))
            .collect();
        let tree = UnitTree::new(units.values().map(|u| (u.id, u.parent_id)));
        let offsets = base::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .filter_map(|b| {
                let tz: chrono_tz::Tz = b.time_zone.parse().ok()?;
                let offset = tz
                    .offset_from_utc_datetime(&now.naive_utc())
                    .fix()
                    .local_minus_utc();
                Some((b.id, offset / 60))
            })
            .collect();
        Ok(Self {
            tree,
            units,
            offsets,
        })
    }

    fn chain(&self, unit: Option<Uuid>) -> Vec<Uuid> {
        unit.map(|u| self.tree.ancestors_and_self(u))
            .unwrap_or_default()
    }

    /// The nearest home base up the unit chain.
    fn base(&self, unit: Option<Uuid>) -> Option<Uuid> {
        self.chain(unit)
            .into_iter()
            .find_map(|u| self.units.get(&u).and_then(|x| x.home_base_id))
    }

    fn offset(&self, base: Option<Uuid>) -> Option<i32> {
        base.and_then(|b| self.offsets.get(&b).copied())
    }
}

async fn users_by_id<C: ConnectionTrait>(
    db: &C,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, user::Model>, ServiceError> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(500) {
        for u in user::Entity::find()
            .filter(user::Column::Id.is_in(chunk.to_vec()))
            .filter(user::Column::Disabled.eq(false))
            .all(db)
            .await?
        {
            out.insert(u.id, u);
        }
    }
    Ok(out)
}

/// Whether `u` belongs to the pool (`scope_nation` limits `Everyone`).
fn in_pool(pool: &PoolSpec, scope_nation: Option<Uuid>, u: &user::Model, places: &Places) -> bool {
    match pool {
        PoolSpec::Nation { nation_id } => u.nation_id == Some(*nation_id),
        PoolSpec::Units { unit_ids } => {
            let chain = places.chain(u.unit_id);
            unit_ids.iter().any(|x| chain.contains(x))
        }
        PoolSpec::Everyone => scope_nation.is_none_or(|n| u.nation_id == Some(n)),
    }
}

/// The run input for `pool` as the database stands at `now`.
pub async fn build<C: ConnectionTrait>(
    db: &C,
    pool: &PoolSpec,
    scope_nation: Option<Uuid>,
    rules: Rules,
    now: DateTime<Utc>,
) -> Result<RunInput, ServiceError> {
    let places = Places::load(db, now).await?;
    let active: Vec<mentoring_pairing::Model> = mentoring_pairing::Entity::find()
        .filter(mentoring_pairing::Column::Status.eq(ACTIVE))
        .all(db)
        .await?;
    let paired: HashSet<Uuid> = active.iter().map(|p| p.mentee_id).collect();
    let mut load: HashMap<Uuid, u32> = HashMap::new();
    for p in &active {
        *load.entry(p.mentor_id).or_default() += 1;
    }
    let commanders: HashSet<Uuid> = user_role::Entity::find()
        .filter(user_role::Column::Role.eq(Role::Commander.as_str()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.user_id)
        .collect();

    let mentor_rows = mentor_profile::Entity::find().all(db).await?;
    let mentee_rows = mentee_profile::Entity::find().all(db).await?;
    let ids: Vec<Uuid> = mentor_rows
        .iter()
        .map(|m| m.user_id)
        .chain(mentee_rows.iter().map(|m| m.user_id))
        .collect();
    let users = users_by_id(db, &ids).await?;
    let evidence = module_evidence(db, &ids, now.date_naive()).await?;

    let mut mentors = vec![];
    for m in mentor_rows {
        let Some(u) = users.get(&m.user_id) else {
            continue;
        };
        let (Ok(rank), Some(nation_id)) = (RankGrade::parse(&u.rank), u.nation_id) else {
            continue;
        };
        let base_id = places.base(u.unit_id);
        mentors.push(Mentor {
            person_id: u.id,
            capacity: u32::try_from(m.capacity).unwrap_or(0),
            active_mentees: load.get(&u.id).copied().unwrap_or(0),
            available: m.available,
            languages: list_of(&m.languages),
            specialties: list_of(&m.specialties),
            current_modules: evidence
                .get(&u.id)
                .map(|e| e.current.clone())
                .unwrap_or_default(),
            years: u32::try_from(m.years_in_logistics).unwrap_or(0),
            rank,
            nation_id,
            base_id,
            utc_offset_minutes: places.offset(base_id),
            commands_units: match u.unit_id {
                Some(unit) if commanders.contains(&u.id) => vec![unit],
                _ => vec![],
            },
            preferred_language: Some(u.preferred_locale.clone()),
        });
    }
    let mut mentees = vec![];
    for m in mentee_rows {
        let Some(u) = users.get(&m.user_id) else {
            continue;
        };
        if paired.contains(&u.id) || !in_pool(pool, scope_nation, u, &places) {
            continue;
        }
        let (Ok(rank), Some(nation_id)) = (RankGrade::parse(&u.rank), u.nation_id) else {
            continue;
        };
        let base_id = places.base(u.unit_id);
        mentees.push(Mentee {
            person_id: u.id,
            languages: list_of(&m.languages),
            specialties_wanted: list_of(&m.specialties_wanted),
            gap_modules: evidence
                .get(&u.id)
                .map(|e| e.gaps.clone())
                .unwrap_or_default(),
            years: u32::try_from(m.years_in_logistics).unwrap_or(0),
            rank,
            nation_id,
            base_id,
            utc_offset_minutes: places.offset(base_id),
            unit_chain: places.chain(u.unit_id),
            preferred_language: Some(u.preferred_locale.clone()),
        });
    }
    mentors.sort_by_key(|m| m.person_id);
    mentees.sort_by_key(|m| m.person_id);
    Ok(RunInput {
        mentors,
        mentees,
        weights: rules.weights,
        min_years_gap: rules.min_years_gap,
        pins: rules.pins,
        forbids: rules.forbids,
    })
}
