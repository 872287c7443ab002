//! Conflicts as a reader may see them: computed by the domain rules over the loaded calendar,
//! then stripped of every exercise the reader may not see ("busy" with the unit or base and the
//! time, nothing else).

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use super::{
    calendar::{self, Calendar},
    lookup::{self, Lookup},
    visibility::{Releasability, Viewer},
};
use crate::{
    api::exercises::ConflictView,
    domain::{
        conflicts::{Booking, Conflict, ConflictKind, conflicts_of, scan},
        policy::Actor,
    },
    error::AppError,
    server::{entities::calendar::exercise, error::ServiceError},
};

/// The wire name of a conflict kind.
pub fn kind_name(kind: ConflictKind) -> &'static str {
    match kind {
        ConflictKind::UnitDoubleBooked => "unit_double_booked",
        ConflictKind::PersonDoubleBooked => "person_double_booked",
        ConflictKind::BaseOverCapacity => "base_over_capacity",
        ConflictKind::Blackout => "blackout",
    }
}

/// The candidate being checked (not necessarily stored yet): always visible to its editor.
pub struct Candidate<'a> {
    pub id: Uuid,
    pub code: &'a str,
}

/// Maps domain conflicts to what `viewer` may see of them.
pub async fn views<C: ConnectionTrait>(
    db: &C,
    viewer: &Viewer,
    lookup: &Lookup,
    cal: &Calendar,
    conflicts: Vec<Conflict>,
    candidate: Option<Candidate<'_>>,
) -> Result<Vec<ConflictView>, ServiceError> {
    let involved: HashSet<Uuid> = conflicts
        .iter()
        .flat_map(|c| std::iter::once(c.exercise_id).chain(c.other_exercise_ids.iter().copied()))
        .collect();
    let models: Vec<&exercise::Model> = involved
        .iter()
        .filter_map(|id| cal.models.get(id))
        .collect();
    let rel = Releasability::load(db, viewer, &models).await?;
    let cand_id = candidate.as_ref().map(|c| c.id);
    let sees = |id: &Uuid| {
        Some(*id) == cand_id
            || cal
                .models
                .get(id)
                .is_some_and(|m| rel.visible(viewer, m, lookup))
    };
    let code_of = |id: &Uuid| match &candidate {
        Some(c) if c.id == *id => c.code.to_owned(),
        _ => cal
            .models
            .get(id)
            .map(|m| m.code.clone())
            .unwrap_or_default(),
    };
    let people = lookup::people(db, conflicts.iter().filter_map(|c| c.person_id)).await?;
    let mut out = Vec::new();
    for c in conflicts {
        let all: Vec<Uuid> = std::iter::once(c.exercise_id)
            .chain(c.other_exercise_ids.iter().copied())
            .collect();
        let visible: Vec<Uuid> = all.iter().copied().filter(|id| sees(id)).collect();
        let Some((&main, others)) = visible.split_first() else {
            continue;
        };
        out.push(ConflictView {
            kind: kind_name(c.kind).to_owned(),
            exercise_id: main,
            exercise_code: code_of(&main),
            other_exercise_ids: others.to_vec(),
            other_codes: others.iter().map(code_of).collect(),
            busy: visible.len() < all.len(),
            unit_id: c.unit_id,
            unit_name: c.unit_id.map(|u| lookup.unit_name(u)),
            person_id: c.person_id,
            person_name: c
                .person_id
                .and_then(|p| people.get(&p).map(|u| u.display_name.clone())),
            base_id: c.base_id,
            base_name: c.base_id.map(|b| lookup.base_name(b)),
            nation_id: c.nation_id,
            nation_code: c.nation_id.map(|n| lookup.nation_code(n)),
            blackout_id: c.blackout_id,
            blackout_reason: c
                .blackout_id
                .and_then(|b| cal.blackout_reasons.get(&b).cloned()),
            start_at: c.interval.start,
            end_at: c.interval.end,
            peak: c.peak,
            capacity: c.capacity,
        });
    }
    Ok(out)
}

/// The conflicts `booking` would have against the stored calendar, as `viewer` may see them.
pub async fn check_booking<C: ConnectionTrait>(
    db: &C,
    viewer: &Viewer,
    lookup: &Lookup,
    booking: &Booking,
    code: &str,
) -> Result<Vec<ConflictView>, ServiceError> {
    if !booking.occupies_calendar() {
        return Ok(Vec::new());
    }
    let cal = calendar::load(db, lookup, booking.interval.start, booking.interval.end).await?;
    let found = conflicts_of(booking, &cal.bookings, &cal.blackouts, &lookup.capacities());
    let candidate = Candidate {
        id: booking.exercise_id,
        code,
    };
    views(db, viewer, lookup, &cal, found, Some(candidate)).await
}

/// The current conflicts of a stored exercise the actor may see (404 otherwise).
pub async fn conflicts_of_exercise<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> Result<Vec<ConflictView>, ServiceError> {
    let viewer = Viewer::of(actor);
    let lookup = Lookup::load(db).await?;
    let m = exercise::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let rel = Releasability::load(db, &viewer, &[&m]).await?;
    if !rel.visible(&viewer, &m, &lookup) {
        return Err(AppError::NotFound.into());
    }
    let cal = calendar::load(db, &lookup, m.start_at, m.end_at).await?;
    let Some(booking) = cal.bookings.iter().find(|b| b.exercise_id == id) else {
        return Ok(Vec::new());
    };
    let found = conflicts_of(booking, &cal.bookings, &cal.blackouts, &lookup.capacities());
    views(db, &viewer, &lookup, &cal, found, None).await
}

/// Every conflict overlapping `[from, to)` (dates, UTC) that involves an exercise the actor
/// may see.
pub async fn conflicts_in_range<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<ConflictView>, ServiceError> {
    let (from, to) = day_range(from, to)?;
    let viewer = Viewer::of(actor);
    let lookup = Lookup::load(db).await?;
    let cal = calendar::load(db, &lookup, from, to).await?;
    let mut found = scan(&cal.bookings, &cal.blackouts, &lookup.capacities());
    found.retain(|c| c.interval.start < to && c.interval.end > from);
    views(db, &viewer, &lookup, &cal, found, None).await
}

/// `[from, to)` as instants; `to` must be after `from` and at most two years later.
pub fn day_range(
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(DateTime<Utc>, DateTime<Utc>), ServiceError> {
    if to <= from {
        return Err(AppError::field("to", "end-before-start").into());
    }
    if (to - from).num_days() > 731 {
        return Err(AppError::field("to", "range-too-long").into());
    }
    Ok((
        from.and_time(NaiveTime::MIN).and_utc(),
        to.and_time(NaiveTime::MIN).and_utc(),
    ))
}
