//! Loads the part of the calendar a conflict question needs: the exercises overlapping a window
//! as domain bookings, the blackouts overlapping it and the bases' capacities.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::lookup::Lookup;
use crate::{
    domain::conflicts::{Blackout, Booking, ExerciseStatus, Interval, UnitBooking},
    server::{
        entities::calendar::{blackout, exercise, exercise_participant, exercise_unit},
        error::ServiceError,
    },
};

/// Largest `IN (…)` list sent at once.
const CHUNK: usize = 500;

/// The stored status as the domain knows it (unknown text counts as a draft).
pub fn status_of(raw: &str) -> ExerciseStatus {
    match raw {
        "planned" => ExerciseStatus::Planned,
        "approved" => ExerciseStatus::Approved,
        "in_progress" => ExerciseStatus::InProgress,
        "completed" => ExerciseStatus::Completed,
        "cancelled" => ExerciseStatus::Cancelled,
        _ => ExerciseStatus::Draft,
    }
}

/// The calendar around a window.
pub struct Calendar {
    pub models: HashMap<Uuid, exercise::Model>,
    pub bookings: Vec<Booking>,
    pub blackouts: Vec<Blackout>,
    pub blackout_reasons: HashMap<Uuid, String>,
}

/// Child rows of some exercises: units with headcounts and individual participants.
#[derive(Default)]
pub struct Children {
    pub units: HashMap<Uuid, Vec<(Uuid, i32)>>,
    pub people: HashMap<Uuid, Vec<Uuid>>,
}

impl Children {
    pub async fn load<C: ConnectionTrait>(db: &C, ids: &[Uuid]) -> Result<Self, ServiceError> {
        let mut units: HashMap<Uuid, Vec<(Uuid, i32)>> = HashMap::new();
        let mut people: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
        for chunk in ids.chunks(CHUNK) {
            let (unit_rows, people_rows) = tokio::try_join!(
                exercise_unit::Entity::find()
                    .filter(exercise_unit::Column::ExerciseId.is_in(chunk.iter().copied()))
                    .all(db),
                exercise_participant::Entity::find()
                    .filter(exercise_participant::Column::ExerciseId.is_in(chunk.iter().copied()))
                    .all(db),
            )?;
            for u in unit_rows {
                units
                    .entry(u.exercise_id)
                    .or_default()
                    .push((u.unit_id, u.headcount));
            }
            for p in people_rows {
                people.entry(p.exercise_id).or_default().push(p.user_id);
            }
        }
        Ok(Self { units, people })
    }
}

/// The domain booking of a stored exercise.
pub fn booking_of(m: &exercise::Model, children: &Children, lookup: &Lookup) -> Booking {
    let units = children
        .units
        .get(&m.id)
        .map(|list| {
            list.iter()
                .map(|(unit_id, headcount)| UnitBooking {
                    unit_id: *unit_id,
                    nation_id: lookup
                        .units
                        .get(unit_id)
                        .map(|u| u.nation_id)
                        .unwrap_or_default(),
                    headcount: u32::try_from(*headcount).unwrap_or(0),
                })
                .collect()
        })
        .unwrap_or_default();
    Booking {
        exercise_id: m.id,
        interval: Interval {
            start: m.start_at,
            end: m.end_at,
        },
        status: status_of(&m.status),
        base_id: m.host_base_id,
        host_nation_id: lookup.base_nation(m.host_base_id).unwrap_or_default(),
        units,
        people: children.people.get(&m.id).cloned().unwrap_or_default(),
    }
}

/// Every exercise (cancelled ones left out) and blackout overlapping `[from, to)`.
pub async fn load<C: ConnectionTrait>(
    db: &C,
    lookup: &Lookup,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Calendar, ServiceError> {
    let models = exercise::Entity::find()
        .filter(exercise::Column::StartAt.lt(to))
        .filter(exercise::Column::EndAt.gt(from))
        .filter(exercise::Column::Status.ne("cancelled"))
        .all(db)
        .await?;
    let ids: Vec<Uuid> = models.iter().map(|m| m.id).collect();
    let children = Children::load(db, &ids).await?;
    let bookings = models
        .iter()
        .map(|m| booking_of(m, &children, lookup))
        .collect();
    let rows = blackout::Entity::find()
        .filter(blackout::Column::StartAt.lt(to))
        .filter(blackout::Column::EndAt.gt(from))
        .all(db)
        .await?;
    let blackouts = rows
        .iter()
        .map(|b| Blackout {
            id: b.id,
            nation_id: b.nation_id,
            interval: Interval {
                start: b.start_at,
                end: b.end_at,
            },
        })
        .collect();
    Ok(Calendar {
        models: models.into_iter().map(|m| (m.id, m)).collect(),
        bookings,
        blackouts,
        blackout_reasons: rows.into_iter().map(|b| (b.id, b.reason)).collect(),
    })
}
