//! The scheduling assistant: the earliest conflict-free windows for units at a base.

use chrono::Duration;
use sea_orm::ConnectionTrait;

use super::{
    calendar,
    lookup::{Lookup, local},
};
use crate::{
    api::exercises::{WindowQuery, WindowView},
    domain::policy::Actor,
    domain::{
        conflicts::{BookingIndex, Interval, UnitBooking},
        scheduling::{WindowError, WindowRequest, find_windows},
    },
    error::{AppError, FieldError},
    server::error::ServiceError,
};

/// Up to `max_results` (default 5, at most 50) windows of the asked length inside `[from, to)`
/// where the units, the base's capacity and the nations' blackouts leave room.
pub async fn windows<C: ConnectionTrait>(
    db: &C,
    _actor: &Actor,
    q: WindowQuery,
) -> Result<Vec<WindowView>, ServiceError> {
    let lookup = Lookup::load(db).await?;
    let mut errors = vec![];
    let base = match q.base_id {
        None => {
            errors.push(FieldError::new("base_id", "required"));
            None
        }
        Some(b) => lookup.bases.get(&b).or_else(|| {
            errors.push(FieldError::new("base_id", "unknown"));
            None
        }),
    };
    let mut units = vec![];
    for (i, u) in q.unit_ids.iter().enumerate() {
        match lookup.units.get(u) {
            Some(unit) => units.push(UnitBooking {
                unit_id: unit.id,
                nation_id: unit.nation_id,
                headcount: 0,
            }),
            None => errors.push(FieldError::new(format!("unit_ids[{i}]"), "unknown")),
        }
    }
    if q.headcount < 0 {
        errors.push(FieldError::new("headcount", "negative"));
    }
    if q.duration_hours <= 0 {
        errors.push(FieldError::new("duration_hours", "out-of-range"));
    }
    let search = match (q.from, q.to) {
        (Some(from), Some(to)) => Interval::new(from, to)
            .map_err(|_| errors.push(FieldError::new("to", "end-before-start")))
            .ok(),
        (from, to) => {
            if from.is_none() {
                errors.push(FieldError::new("from", "required"));
            }
            if to.is_none() {
                errors.push(FieldError::new("to", "required"));
            }
            None
        }
    };
    if let Some(s) = search
        && s.end - s.start > Duration::days(731)
    {
        errors.push(FieldError::new("to", "range-too-long"));
    }
    let max = q.max_results.unwrap_or(5);
    if !(1..=50).contains(&max) {
        errors.push(FieldError::new("max_results", "out-of-range"));
    }
    let (Some(base), Some(search)) = (base, search) else {
        return Err(AppError::Validation(errors).into());
    };
    if !errors.is_empty() {
        return Err(AppError::Validation(errors).into());
    }
    let cal = calendar::load(db, &lookup, search.start, search.end).await?;
    let req = WindowRequest {
        units,
        base_id: base.id,
        host_nation_id: base.nation_id,
        headcount: u32::try_from(q.headcount).unwrap_or(u32::MAX),
        duration: Duration::hours(q.duration_hours),
        search,
        max_results: usize::try_from(max).unwrap_or(5),
        exclude_exercise_id: None,
    };
    let index = BookingIndex::new(cal.bookings);
    let found =
        find_windows(&req, &index, &cal.blackouts, &lookup.capacities()).map_err(|e| match e {
            WindowError::NonPositiveDuration => AppError::field("duration_hours", "out-of-range"),
            WindowError::DurationExceedsSearch => AppError::field("duration_hours", "too-long"),
            WindowError::NoResultsRequested => AppError::field("max_results", "out-of-range"),
        })?;
    let zone = lookup.zone(base.id);
    Ok(found
        .into_iter()
        .map(|w| WindowView {
            start_at: w.start,
            end_at: w.end,
            start_local: local(w.start, zone),
            end_local: local(w.end, zone),
        })
        .collect())
}
