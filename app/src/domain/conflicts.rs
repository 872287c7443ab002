//! Exercise calendar conflicts (double bookings, base over capacity, national blackouts); pure
//! std/serde/chrono/uuid/thiserror: must not import the database, the server, a clock or I/O.

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

mod capacity;
mod index;
mod scan;

pub(crate) use capacity::excess_runs;
pub use capacity::{CapacityExcess, capacity_excesses};
use capacity::{Load, excesses};
pub use index::BookingIndex;
pub use scan::scan;

/// Why an [`Interval`] could not be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum IntervalError {
    #[error("interval end must be after its start")]
    EndNotAfterStart,
}

/// A half-open span `[start, end)` in UTC, so touching intervals do not overlap. Built by
/// [`Interval::new`] or deserialised it is never empty; one written as a struct literal with
/// `start >= end` counts as empty and overlaps nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "RawInterval")]
pub struct Interval {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

#[derive(Deserialize)]
struct RawInterval {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
}

impl TryFrom<RawInterval> for Interval {
    type Error = IntervalError;
    fn try_from(raw: RawInterval) -> Result<Self, IntervalError> {
        Interval::new(raw.start, raw.end)
    }
}

impl Interval {
    /// `[start, end)`; fails unless `start < end`.
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> Result<Self, IntervalError> {
        if start < end {
            Ok(Self { start, end })
        } else {
            Err(IntervalError::EndNotAfterStart)
        }
    }

    /// Whether no instant lies inside (only possible for struct literals).
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// Whether some instant lies in both; touching intervals do not overlap.
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.start.max(other.start) < self.end.min(other.end)
    }

    /// The common part, if the two overlap.
    pub fn intersection(&self, other: &Interval) -> Option<Interval> {
        Interval::new(self.start.max(other.start), self.end.min(other.end)).ok()
    }
}

/// Where an exercise stands in its life cycle: draft → planned → approved → in progress →
/// completed, or cancelled at any point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExerciseStatus {
    Draft,
    Planned,
    Approved,
    InProgress,
    Completed,
    Cancelled,
}

impl ExerciseStatus {
    /// Whether an exercise in this status holds its people, units and base: all but cancelled.
    pub fn can_conflict(self) -> bool {
        self != ExerciseStatus::Cancelled
    }
}

/// A unit taking part in an exercise with the people it brings.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UnitBooking {
    pub unit_id: Uuid,
    pub nation_id: Uuid,
    pub headcount: u32,
}

/// What an exercise occupies on the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Booking {
    pub exercise_id: Uuid,
    pub interval: Interval,
    pub status: ExerciseStatus,
    pub base_id: Uuid,
    pub host_nation_id: Uuid,
    pub units: Vec<UnitBooking>,
    /// Individual participants (not counted in any unit's headcount).
    pub people: Vec<Uuid>,
}

impl Booking {
    /// People present at the base: unit headcounts plus individual participants, as listed
    /// (saturates at `u32::MAX`).
    pub fn headcount(&self) -> u32 {
        let people = u32::try_from(self.people.len()).unwrap_or(u32::MAX);
        self.units
            .iter()
            .fold(people, |sum, u| sum.saturating_add(u.headcount))
    }

    /// Whether this booking can conflict at all: not cancelled and not empty.
    pub fn occupies_calendar(&self) -> bool {
        self.status.can_conflict() && !self.interval.is_empty()
    }

    /// The nations whose blackouts bind this exercise: the host and every unit's nation, sorted.
    pub fn nations(&self) -> Vec<Uuid> {
        sorted_ids(
            std::iter::once(self.host_nation_id).chain(self.units.iter().map(|u| u.nation_id)),
        )
    }

    fn unit_ids(&self) -> Vec<Uuid> {
        sorted_ids(self.units.iter().map(|u| u.unit_id))
    }
}

/// A period when a nation's people are unavailable (national holiday, leave); the reason text
/// stays in the database under `id`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Blackout {
    pub id: Uuid,
    pub nation_id: Uuid,
    pub interval: Interval,
}

/// The rule a conflict breaks; declaration order is the report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    UnitDoubleBooked,
    PersonDoubleBooked,
    BaseOverCapacity,
    Blackout,
}

/// One broken rule. `interval` is where it is broken: the overlap of the two exercises, the
/// excess interval, or the overlap with the blackout. `other_exercise_ids` is sorted: the one
/// other exercise of a double booking, the other contributors to a capacity excess, empty for a
/// blackout. Conflicts order by kind, interval start, then ids.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Conflict {
    pub kind: ConflictKind,
    pub exercise_id: Uuid,
    pub other_exercise_ids: Vec<Uuid>,
    pub unit_id: Option<Uuid>,
    pub person_id: Option<Uuid>,
    pub base_id: Option<Uuid>,
    pub nation_id: Option<Uuid>,
    pub blackout_id: Option<Uuid>,
    pub interval: Interval,
    pub peak: Option<u32>,
    pub capacity: Option<u32>,
}

impl Conflict {
    fn new(kind: ConflictKind, exercise_id: Uuid, interval: Interval) -> Self {
        Self {
            kind,
            exercise_id,
            other_exercise_ids: Vec::new(),
            unit_id: None,
            person_id: None,
            base_id: None,
            nation_id: None,
            blackout_id: None,
            interval,
            peak: None,
            capacity: None,
        }
    }
}

impl Ord for Conflict {
    fn cmp(&self, other: &Self) -> Ordering {
        self.kind
            .cmp(&other.kind)
            .then_with(|| self.interval.start.cmp(&other.interval.start))
            .then_with(|| self.exercise_id.cmp(&other.exercise_id))
            .then_with(|| self.other_exercise_ids.cmp(&other.other_exercise_ids))
            .then_with(|| self.unit_id.cmp(&other.unit_id))
            .then_with(|| self.person_id.cmp(&other.person_id))
            .then_with(|| self.base_id.cmp(&other.base_id))
            .then_with(|| self.nation_id.cmp(&other.nation_id))
            .then_with(|| self.blackout_id.cmp(&other.blackout_id))
            .then_with(|| self.interval.end.cmp(&other.interval.end))
            .then_with(|| self.peak.cmp(&other.peak))
            .then_with(|| self.capacity.cmp(&other.capacity))
    }
}

impl PartialOrd for Conflict {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The conflicts `candidate` takes part in against `others` (typically the exercises the server
/// loaded because they overlap the candidate). Entries of `others` with the candidate's own
/// exercise id are ignored, so an update re-checks cleanly; a cancelled candidate has none.
/// Each conflict has `exercise_id == candidate.exercise_id`. Capacity excesses are clipped to
/// the candidate's interval (the part it takes part in) and reported only when the candidate
/// brings people and its base has a known capacity. Linear in `others` and `blackouts`; use
/// [`BookingIndex::conflicts_of`] against a large calendar.
pub fn conflicts_of(
    candidate: &Booking,
    others: &[Booking],
    blackouts: &[Blackout],
    capacities: &HashMap<Uuid, u32>,
) -> Vec<Conflict> {
    if !candidate.occupies_calendar() {
        return Vec::new();
    }
    let units = candidate.unit_ids();
    let people = sorted_ids(candidate.people.iter().copied());
    let mut hits = Hits::default();
    let peers = others.iter().filter(|o| {
        o.exercise_id != candidate.exercise_id
            && o.occupies_calendar()
            && o.interval.overlaps(&candidate.interval)
    });
    for other in peers {
        for unit in other.unit_ids() {
            if units.binary_search(&unit).is_ok() {
                hits.units.push((unit, other));
            }
        }
        for person in sorted_ids(other.people.iter().copied()) {
            if people.binary_search(&person).is_ok() {
                hits.people.push((person, other));
            }
        }
        if other.base_id == candidate.base_id {
            hits.base.push(other);
        }
    }
    hits.into_conflicts(candidate, blackouts, capacities)
}

/// The other bookings that share something with a candidate and overlap it in time.
#[derive(Default)]
struct Hits<'a> {
    units: Vec<(Uuid, &'a Booking)>,
    people: Vec<(Uuid, &'a Booking)>,
    base: Vec<&'a Booking>,
}

impl Hits<'_> {
    fn into_conflicts(
        self,
        candidate: &Booking,
        blackouts: &[Blackout],
        capacities: &HashMap<Uuid, u32>,
    ) -> Vec<Conflict> {
        let mut out = Vec::new();
        for (unit, other) in self.units {
            out.extend(double_booking(
                ConflictKind::UnitDoubleBooked,
                unit,
                candidate,
                other,
            ));
        }
        for (person, other) in self.people {
            out.extend(double_booking(
                ConflictKind::PersonDoubleBooked,
                person,
                candidate,
                other,
            ));
        }
        if let Some(&capacity) = capacities.get(&candidate.base_id)
            && candidate.headcount() > 0
        {
            let window = candidate.interval;
            let load: Vec<Load> = std::iter::once(candidate)
                .chain(self.base)
                .filter_map(|b| {
                    let interval = b.interval.intersection(&window)?;
                    Some(Load {
                        interval,
                        ..Load::of(b)
                    })
                })
                .collect();
            for (interval, peak, mut ids) in excesses(&load, capacity) {
                ids.retain(|id| *id != candidate.exercise_id);
                out.push(capacity_conflict(
                    candidate.exercise_id,
                    candidate.base_id,
                    interval,
                    (peak, capacity),
                    ids,
                ));
            }
        }
        let nations = candidate.nations();
        out.extend(
            blackouts
                .iter()
                .filter(|b| nations.binary_search(&b.nation_id).is_ok())
                .filter_map(|b| blackout_conflict(candidate, b)),
        );
        sort_conflicts(out)
    }
}

/// `first` and `second` both hold `key` (a unit or a person) during their overlap.
fn double_booking(
    kind: ConflictKind,
    key: Uuid,
    first: &Booking,
    second: &Booking,
) -> Option<Conflict> {
    let interval = first.interval.intersection(&second.interval)?;
    let mut c = Conflict::new(kind, first.exercise_id, interval);
    c.other_exercise_ids = vec![second.exercise_id];
    if kind == ConflictKind::UnitDoubleBooked {
        c.unit_id = Some(key);
    } else {
        c.person_id = Some(key);
    }
    Some(c)
}

fn capacity_conflict(
    exercise_id: Uuid,
    base_id: Uuid,
    interval: Interval,
    (peak, capacity): (u32, u32),
    others: Vec<Uuid>,
) -> Conflict {
    let mut c = Conflict::new(ConflictKind::BaseOverCapacity, exercise_id, interval);
    c.other_exercise_ids = others;
    c.base_id = Some(base_id);
    c.peak = Some(peak);
    c.capacity = Some(capacity);
    c
}

/// `booking` overlaps `blackout` (whose nation the caller has matched).
fn blackout_conflict(booking: &Booking, blackout: &Blackout) -> Option<Conflict> {
    let interval = booking.interval.intersection(&blackout.interval)?;
    let mut c = Conflict::new(ConflictKind::Blackout, booking.exercise_id, interval);
    c.nation_id = Some(blackout.nation_id);
    c.blackout_id = Some(blackout.id);
    Some(c)
}

/// Sorts into the report order and drops repeats. Conflicts are large to move, so small keys are
/// sorted first (whole conflicts compared only on ties) and the result applied in place.
fn sort_conflicts(mut conflicts: Vec<Conflict>) -> Vec<Conflict> {
    let mut order: Vec<(u128, usize)> = conflicts
        .iter()
        .enumerate()
        .map(|(i, c)| (kind_and_start(c), i))
        .collect();
    order.sort_unstable_by_key(|&(key, _)| key);
    for ties in order.chunk_by_mut(|a, b| a.0 == b.0) {
        ties.sort_unstable_by(|a, b| conflicts[a.1].cmp(&conflicts[b.1]));
    }
    // target[i]: where the conflict now at i belongs; each swap settles one conflict
    let mut target = vec![0; order.len()];
    for (to, key) in order.iter().enumerate() {
        target[key.1] = to;
    }
    for i in 0..target.len() {
        while target[i] != i {
            let j = target[i];
            conflicts.swap(i, j);
            target.swap(i, j);
        }
    }
    conflicts.dedup();
    conflicts
}

/// `(kind, interval start)` packed into one integer with the same order.
fn kind_and_start(c: &Conflict) -> u128 {
    (u128::from(c.kind as u8) << 96) | time_key(c.interval.start)
}

/// An instant as a 96-bit integer with the same order (cheaper to compare).
fn time_key(t: DateTime<Utc>) -> u128 {
    let seconds = t.timestamp().cast_unsigned() ^ (1 << 63);
    (u128::from(seconds) << 32) | u128::from(t.timestamp_subsec_nanos())
}

fn sorted_ids(ids: impl Iterator<Item = Uuid>) -> Vec<Uuid> {
    let mut ids: Vec<Uuid> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Builders, random calendars and brute-force oracles for the tests here and in scheduling.
#[cfg(test)]
pub(crate) mod fixtures;

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::fixtures::*;
    use super::*;

    const ALLY: Uuid = Uuid::from_u128(4001);
    const THIRD: Uuid = Uuid::from_u128(4002);

    fn with_units(mut b: Booking, units: &[(u128, Uuid, u32)]) -> Booking {
        b.units = units
            .iter()
            .map(|&(n, nation, h)| unit(n, nation, h))
            .collect();
        b
    }

    fn with_people(mut b: Booking, people: &[u128]) -> Booking {
        b.people = people.iter().map(|&n| id(n)).collect();
        b
    }

    fn kinds(conflicts: &[Conflict]) -> Vec<ConflictKind> {
        conflicts.iter().map(|c| c.kind).collect()
    }

    fn no_caps() -> HashMap<Uuid, u32> {
        HashMap::new()
    }

    #[test]
    fn intervals_must_end_after_they_start() {
        assert_eq!(
            Interval::new(at(2), at(2)),
            Err(IntervalError::EndNotAfterStart)
        );
        assert_eq!(
            Interval::new(at(3), at(2)),
            Err(IntervalError::EndNotAfterStart)
        );
        let raw = RawInterval {
            start: at(3),
            end: at(1),
        };
        assert_eq!(
            Interval::try_from(raw),
            Err(IntervalError::EndNotAfterStart)
        );
        assert!(span(0, 2).overlaps(&span(1, 3)));
        assert!(!span(0, 2).overlaps(&span(2, 3)));
        assert_eq!(span(0, 4).intersection(&span(2, 6)), Some(span(2, 4)));
    }

    #[test]
    fn headcount_adds_unit_headcounts_and_individual_people() {
        let b = with_people(
            with_units(exercise(1, 0, 1), &[(10, HOST, 30), (11, ALLY, 12)]),
            &[20, 21],
        );
        assert_eq!(b.headcount(), 44);
    }

    #[test]
    fn a_unit_in_two_overlapping_exercises_is_double_booked() {
        let a = with_units(exercise(1, 0, 10), &[(10, HOST, 5), (11, HOST, 5)]);
        let b = with_units(exercise(2, 8, 12), &[(10, HOST, 5)]);
        let found = conflicts_of(&b, std::slice::from_ref(&a), &[], &no_caps());
        assert_eq!(found.len(), 1);
        let c = &found[0];
        assert_eq!(c.kind, ConflictKind::UnitDoubleBooked);
        assert_eq!(
            (c.exercise_id, c.other_exercise_ids.clone()),
            (id(2), vec![id(1)])
        );
        assert_eq!(c.unit_id, Some(id(10)));
        assert_eq!(c.interval, span(8, 10));
        assert_eq!(scan(&[b, a], &[], &no_caps())[0].exercise_id, id(1));
    }

    #[test]
    fn a_person_in_two_overlapping_exercises_is_double_booked() {
        let a = with_people(exercise(1, 0, 10), &[20, 21]);
        let b = with_people(exercise(2, 5, 6), &[21, 22]);
        let found = scan(&[a, b], &[], &no_caps());
        assert_eq!(kinds(&found), vec![ConflictKind::PersonDoubleBooked]);
        assert_eq!(found[0].person_id, Some(id(21)));
        assert_eq!(found[0].other_exercise_ids, vec![id(2)]);
        assert_eq!(found[0].interval, span(5, 6));
    }

    #[test]
    fn touching_intervals_never_conflict() {
        let caps = HashMap::from([(BASE, 6)]);
        let a = with_people(with_units(exercise(1, 0, 4), &[(10, HOST, 5)]), &[20]);
        let b = with_people(with_units(exercise(2, 4, 8), &[(10, HOST, 5)]), &[20]);
        let holiday = blackout(50, HOST, 8, 10);
        assert!(
            conflicts_of(
                &b,
                std::slice::from_ref(&a),
                std::slice::from_ref(&holiday),
                &caps
            )
            .is_empty()
        );
        assert!(scan(&[a, b], &[holiday], &caps).is_empty());
    }

    #[test]
    fn cancelled_exercises_never_conflict() {
        let caps = HashMap::from([(BASE, 1)]);
        let mut a = with_units(exercise(1, 0, 10), &[(10, HOST, 5)]);
        let b = with_units(exercise(2, 0, 10), &[(10, HOST, 5)]);
        let holiday = [blackout(50, HOST, 0, 10)];
        assert_eq!(
            conflicts_of(&b, std::slice::from_ref(&a), &[], &no_caps()).len(),
            1
        );
        a.status = ExerciseStatus::Cancelled;
        let only_b = conflicts_of(&b, std::slice::from_ref(&a), &holiday, &caps);
        assert_eq!(
            kinds(&only_b),
            vec![ConflictKind::BaseOverCapacity, ConflictKind::Blackout]
        );
        assert!(conflicts_of(&a, std::slice::from_ref(&b), &holiday, &caps).is_empty());
        assert!(scan(std::slice::from_ref(&a), &holiday, &caps).is_empty());
        assert!(BookingIndex::new([a.clone()]).is_empty());
        assert!(
            BookingIndex::new([b])
                .conflicts_of(&a, &holiday, &caps)
                .is_empty()
        );
    }

    #[test]
    fn the_candidates_own_id_among_the_others_is_ignored() {
        let caps = HashMap::from([(BASE, 8)]);
        let stored = with_people(with_units(exercise(1, 0, 10), &[(10, HOST, 5)]), &[20]);
        let mut updated = stored.clone();
        updated.interval = span(2, 12);
        assert!(conflicts_of(&updated, std::slice::from_ref(&stored), &[], &caps).is_empty());
        let index = BookingIndex::new([stored.clone()]);
        assert!(index.conflicts_of(&updated, &[], &caps).is_empty());
        updated.exercise_id = id(2);
        assert_eq!(index.conflicts_of(&updated, &[], &caps).len(), 3);
    }

    #[test]
    fn a_blackout_of_a_participating_units_nation_conflicts() {
        let b = with_units(exercise(1, 0, 48), &[(10, HOST, 5), (11, ALLY, 5)]);
        let holidays = [blackout(50, ALLY, 24, 72), blackout(51, THIRD, 0, 48)];
        let found = conflicts_of(&b, &[], &holidays, &no_caps());
        assert_eq!(kinds(&found), vec![ConflictKind::Blackout]);
        let c = &found[0];
        assert_eq!((c.blackout_id, c.nation_id), (Some(id(50)), Some(ALLY)));
        assert_eq!(c.interval, span(24, 48));
        assert!(c.other_exercise_ids.is_empty());
        assert_eq!(scan(&[b], &holidays, &no_caps()), found);
    }

    #[test]
    fn a_blackout_of_the_host_nation_conflicts_without_units() {
        let b = exercise(1, 0, 10);
        let found = conflicts_of(&b, &[], &[blackout(50, HOST, 9, 11)], &no_caps());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].nation_id, Some(HOST));
    }

    #[test]
    fn a_base_over_capacity_reports_the_clipped_excess_for_the_candidate() {
        let caps = HashMap::from([(BASE, 10)]);
        let a = with_units(exercise(1, 0, 10), &[(10, HOST, 6)]);
        let b = with_units(exercise(2, 2, 4), &[(11, HOST, 5)]);
        let c = with_units(exercise(3, 3, 20), &[(12, HOST, 2)]);
        let found = conflicts_of(&b, &[a.clone(), c.clone()], &[], &caps);
        assert_eq!(kinds(&found), vec![ConflictKind::BaseOverCapacity]);
        let excess = &found[0];
        assert_eq!(excess.interval, span(2, 4));
        assert_eq!((excess.peak, excess.capacity), (Some(13), Some(10)));
        assert_eq!(excess.other_exercise_ids, vec![id(1), id(3)]);
        assert_eq!(excess.base_id, Some(BASE));
        // from c's side the same excess is only [3, 4)
        let from_c = conflicts_of(&c, &[a.clone(), b.clone()], &[], &caps);
        assert_eq!(from_c[0].interval, span(3, 4));
        // unknown capacity is never exceeded
        assert!(conflicts_of(&b, &[a, c], &[], &no_caps()).is_empty());
    }

    #[test]
    fn conflicts_are_sorted_by_kind_then_start() {
        let caps = HashMap::from([(BASE, 4)]);
        let a = with_units(exercise(1, 0, 10), &[(10, HOST, 5)]);
        let b = with_units(exercise(2, 5, 15), &[(10, HOST, 5)]);
        let found = scan(
            &[b, a],
            &[blackout(50, HOST, 12, 13), blackout(51, HOST, 1, 2)],
            &caps,
        );
        let order: Vec<(ConflictKind, DateTime<Utc>)> =
            found.iter().map(|c| (c.kind, c.interval.start)).collect();
        assert_eq!(
            order,
            vec![
                (ConflictKind::UnitDoubleBooked, at(5)),
                (ConflictKind::BaseOverCapacity, at(0)),
                (ConflictKind::Blackout, at(1)),
                (ConflictKind::Blackout, at(12)),
            ]
        );
    }

    proptest! {
        #[test]
        fn conflicts_of_matches_the_brute_force_oracle_with_and_without_index(
            (bookings, blackouts, caps) in arb_calendar(),
            mut candidate in arb_booking(),
            own in 1u128..14,
        ) {
            candidate.exercise_id = id(own);
            let expected = oracle_conflicts_of(&candidate, &bookings, &blackouts, &caps);
            prop_assert_eq!(&conflicts_of(&candidate, &bookings, &blackouts, &caps), &expected);
            let index = BookingIndex::new(bookings.iter().cloned());
            prop_assert_eq!(&index.conflicts_of(&candidate, &blackouts, &caps), &expected);
        }
    }
}
