//! Base capacity sweep: where the exercises a base hosts together exceed its capacity; pure
//! std/serde/chrono/uuid: must not import the database, the server, a clock or I/O.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Booking, Interval};

/// A maximal interval during which a base holds more people than its capacity.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CapacityExcess {
    pub base_id: Uuid,
    pub interval: Interval,
    /// The largest summed headcount inside `interval`.
    pub peak: u32,
    pub capacity: u32,
    /// Exercises with people present during `interval`, sorted.
    pub exercise_ids: Vec<Uuid>,
}

/// The maximal intervals where the bookings at `base_id` together exceed `capacity`, in time
/// order. Bookings at other bases, cancelled ones and ones without people are ignored.
pub fn capacity_excesses(
    base_id: Uuid,
    capacity: u32,
    bookings: &[Booking],
) -> Vec<CapacityExcess> {
    let load: Vec<Load> = bookings
        .iter()
        .filter(|b| b.base_id == base_id && b.occupies_calendar())
        .map(Load::of)
        .collect();
    excesses(&load, capacity)
        .into_iter()
        .map(|(interval, peak, exercise_ids)| CapacityExcess {
            base_id,
            interval,
            peak,
            capacity,
            exercise_ids,
        })
        .collect()
}

/// One exercise's contribution to a base's head count.
pub(super) struct Load {
    pub(super) interval: Interval,
    pub(super) headcount: u32,
    pub(super) exercise_id: Uuid,
}

impl Load {
    pub(super) fn of(booking: &Booking) -> Self {
        Self {
            interval: booking.interval,
            headcount: booking.headcount(),
            exercise_id: booking.exercise_id,
        }
    }
}

/// The maximal intervals where the summed headcount exceeds `threshold`, in time order and
/// separated by gaps, each with its peak. The level is constant between event points, so a
/// sweep that applies every event at an instant before reading the level sees exactly the
/// half-open intervals.
pub(crate) fn excess_runs(
    loads: impl Iterator<Item = (Interval, u32)>,
    threshold: u32,
) -> Vec<(Interval, u64)> {
    let mut events: Vec<(DateTime<Utc>, i64)> = loads
        .filter(|(interval, headcount)| *headcount > 0 && !interval.is_empty())
        .flat_map(|(interval, h)| {
            [
                (interval.start, i64::from(h)),
                (interval.end, -i64::from(h)),
            ]
        })
        .collect();
    events.sort_unstable_by_key(|e| e.0);
    let threshold = i64::from(threshold);
    let mut runs = Vec::new();
    let mut open: Option<(DateTime<Utc>, i64)> = None;
    let mut level = 0i64;
    for group in events.chunk_by(|a, b| a.0 == b.0) {
        let at = group[0].0;
        level += group.iter().map(|e| e.1).sum::<i64>();
        if level > threshold {
            let start = open.map_or(at, |(start, _)| start);
            let peak = open.map_or(level, |(_, peak)| peak.max(level));
            open = Some((start, peak));
        } else if let Some((start, peak)) = open.take() {
            runs.push((Interval { start, end: at }, peak.unsigned_abs()));
        }
    }
    runs
}

/// Excess runs over `capacity` with the exercises present during each.
pub(super) fn excesses(loads: &[Load], capacity: u32) -> Vec<(Interval, u32, Vec<Uuid>)> {
    let runs = excess_runs(loads.iter().map(|l| (l.interval, l.headcount)), capacity);
    let mut ids: Vec<Vec<Uuid>> = vec![Vec::new(); runs.len()];
    for load in loads
        .iter()
        .filter(|l| l.headcount > 0 && !l.interval.is_empty())
    {
        let first = runs.partition_point(|(run, _)| run.end <= load.interval.start);
        for (k, (run, _)) in runs.iter().enumerate().skip(first) {
            if run.start >= load.interval.end {
                break;
            }
            ids[k].push(load.exercise_id);
        }
    }
    runs.into_iter()
        .zip(ids)
        .map(|((interval, peak), mut ids)| {
            ids.sort_unstable();
            ids.dedup();
            (interval, u32::try_from(peak).unwrap_or(u32::MAX), ids)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::super::fixtures::*;
    use super::super::{ConflictKind, ExerciseStatus, conflicts_of, scan};
    use super::*;

    fn hosting(n: u128, from: i64, to: i64, headcount: u32) -> Booking {
        let mut b = exercise(n, from, to);
        b.units = vec![unit(100 + n, HOST, headcount)];
        b
    }

    /// Capacity 10. Levels: [0,2) 6, [2,3) 11, [3,4) 13, [4,5) 8, [5,6) 6, [6,7) 11, [7,8) 12,
    /// [8,9) 7, [9,10) 6.
    fn calendar() -> Vec<Booking> {
        vec![
            hosting(1, 0, 10, 6),
            hosting(2, 2, 4, 5),
            hosting(3, 3, 5, 2),
            hosting(4, 6, 8, 5),
            hosting(5, 7, 9, 1),
        ]
    }

    #[test]
    fn overlapping_exercises_produce_two_separate_excess_intervals_with_their_peaks() {
        let found = capacity_excesses(BASE, 10, &calendar());
        let summary: Vec<(Interval, u32, Vec<Uuid>)> = found
            .iter()
            .map(|e| (e.interval, e.peak, e.exercise_ids.clone()))
            .collect();
        assert_eq!(
            summary,
            vec![
                (span(2, 4), 13, vec![id(1), id(2), id(3)]),
                (span(6, 8), 12, vec![id(1), id(4), id(5)]),
            ]
        );
        assert!(found.iter().all(|e| e.base_id == BASE && e.capacity == 10));
    }

    #[test]
    fn scan_reports_each_excess_once_under_its_smallest_contributor() {
        let caps = HashMap::from([(BASE, 10)]);
        let found = scan(&calendar(), &[], &caps);
        let summary: Vec<_> = found
            .iter()
            .map(|c| {
                (
                    c.kind,
                    c.exercise_id,
                    c.other_exercise_ids.clone(),
                    c.interval,
                    c.peak,
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                (
                    ConflictKind::BaseOverCapacity,
                    id(1),
                    vec![id(2), id(3)],
                    span(2, 4),
                    Some(13)
                ),
                (
                    ConflictKind::BaseOverCapacity,
                    id(1),
                    vec![id(4), id(5)],
                    span(6, 8),
                    Some(12)
                ),
            ]
        );
        let long = conflicts_of(&calendar()[0], &calendar(), &[], &caps);
        assert_eq!(long.len(), 2);
    }

    #[test]
    fn exactly_full_is_not_over_capacity_and_other_bases_and_cancellations_do_not_count() {
        assert!(capacity_excesses(BASE, 13, &calendar()).is_empty());
        let mut bookings = calendar();
        bookings[1].status = ExerciseStatus::Cancelled;
        bookings[3].base_id = id(3001);
        assert!(capacity_excesses(BASE, 10, &bookings).is_empty());
        // left: 1 [0,10) 6, 3 [3,5) 2, 5 [7,9) 1
        let found = capacity_excesses(BASE, 7, &bookings);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].interval, found[0].peak), (span(3, 5), 8));
        assert_eq!(found[0].exercise_ids, vec![id(1), id(3)]);
    }

    #[test]
    fn excess_runs_merge_adjacent_segments_and_ignore_people_free_bookings() {
        let loads = [
            (span(0, 2), 3),
            (span(2, 4), 5),
            (span(1, 3), 0),
            (span(4, 5), 1),
        ];
        let runs = excess_runs(loads.into_iter(), 2);
        assert_eq!(runs, vec![(span(0, 4), 5)]);
    }
}
