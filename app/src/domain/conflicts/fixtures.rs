//! Test-only support for the conflict rules: builders, random calendars on a small grid and a
//! brute-force oracle (pairwise overlap checks, capacity evaluated at every event point); must
//! not import anything beyond std, chrono, uuid and proptest.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use uuid::Uuid;

use super::{Blackout, Booking, Conflict, ConflictKind, ExerciseStatus, Interval, UnitBooking};

pub const BASE: Uuid = Uuid::from_u128(3000);
pub const HOST: Uuid = Uuid::from_u128(4000);

pub fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

/// `minutes` after 2026-03-02T00:00Z.
pub fn tick(minutes: i64) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(1_772_409_600 + minutes * 60, 0).expect("in range")
}

/// `hours` after 2026-03-02T00:00Z.
pub fn at(hours: i64) -> DateTime<Utc> {
    tick(hours * 60)
}

/// `[from, to)` in hours.
pub fn span(from: i64, to: i64) -> Interval {
    Interval::new(at(from), at(to)).expect("valid span")
}

/// A planned exercise at `BASE` hosted by `HOST`, with nobody yet.
pub fn exercise(n: u128, from: i64, to: i64) -> Booking {
    Booking {
        exercise_id: id(n),
        interval: span(from, to),
        status: ExerciseStatus::Planned,
        base_id: BASE,
        host_nation_id: HOST,
        units: vec![],
        people: vec![],
    }
}

pub fn unit(n: u128, nation: Uuid, headcount: u32) -> UnitBooking {
    UnitBooking {
        unit_id: id(n),
        nation_id: nation,
        headcount,
    }
}

pub fn blackout(n: u128, nation: Uuid, from: i64, to: i64) -> Blackout {
    Blackout {
        id: id(n),
        nation_id: nation,
        interval: span(from, to),
    }
}

const STATUSES: [ExerciseStatus; 6] = [
    ExerciseStatus::Draft,
    ExerciseStatus::Planned,
    ExerciseStatus::Approved,
    ExerciseStatus::InProgress,
    ExerciseStatus::Completed,
    ExerciseStatus::Cancelled,
];

/// A booking on a minute grid of 0..50 with id 0: 2 bases, 3 nations, 4 units (unit k
/// belongs to nation k mod 3), 4 people, so overlaps and shared resources are frequent.
pub fn arb_booking() -> impl Strategy<Value = Booking> {
    (
        (0i64..40, 1i64..12, 0usize..6, 0u128..2, 0u128..3),
        prop::collection::vec((0u128..4, 0u32..5), 0..3),
        prop::collection::vec(0u128..4, 0..3),
    )
        .prop_map(
            |((start, len, status, base, host), units, people)| Booking {
                exercise_id: Uuid::nil(),
                interval: Interval::new(tick(start), tick(start + len)).expect("len > 0"),
                status: STATUSES[status],
                base_id: id(3000 + base),
                host_nation_id: id(4000 + host),
                units: units
                    .into_iter()
                    .map(|(u, h)| unit(1000 + u, id(4000 + u % 3), h))
                    .collect(),
                people: people.into_iter().map(|p| id(2000 + p)).collect(),
            },
        )
}

/// Bookings with ids 1..=n, blackouts of the 3 nations, and capacities of the 2 bases (each
/// possibly unknown).
pub fn arb_calendar() -> impl Strategy<Value = (Vec<Booking>, Vec<Blackout>, HashMap<Uuid, u32>)> {
    (
        prop::collection::vec(arb_booking(), 0..12),
        prop::collection::vec((0u128..3, 0i64..45, 1i64..8), 0..4),
        prop::collection::vec(prop::option::of(0u32..12), 2),
    )
        .prop_map(|(mut bookings, blackouts, caps)| {
            for (n, b) in bookings.iter_mut().enumerate() {
                b.exercise_id = id(n as u128 + 1);
            }
            let blackouts = blackouts
                .into_iter()
                .enumerate()
                .map(|(n, (nation, start, len))| Blackout {
                    id: id(5000 + n as u128),
                    nation_id: id(4000 + nation),
                    interval: Interval::new(tick(start), tick(start + len)).expect("len > 0"),
                })
                .collect();
            let capacities = caps
                .into_iter()
                .enumerate()
                .filter_map(|(n, cap)| Some((id(3000 + n as u128), cap?)))
                .collect();
            (bookings, blackouts, capacities)
        })
}

// ---- brute-force oracle ----

fn live(b: &Booking) -> bool {
    b.status != ExerciseStatus::Cancelled
}

fn heads(b: &Booking) -> u32 {
    b.units.iter().map(|u| u.headcount).sum::<u32>() + b.people.len() as u32
}

fn overlap(a: &Interval, b: &Interval) -> Option<Interval> {
    let (start, end) = (a.start.max(b.start), a.end.min(b.end));
    (start < end).then_some(Interval { start, end })
}

/// The double bookings between `a` (reported as the exercise) and `b`.
fn oracle_pairs(a: &Booking, b: &Booking) -> Vec<Conflict> {
    let Some(interval) = overlap(&a.interval, &b.interval) else {
        return vec![];
    };
    if a.exercise_id == b.exercise_id || !live(a) || !live(b) {
        return vec![];
    }
    let units = |x: &Booking| x.units.iter().map(|u| u.unit_id).collect::<BTreeSet<_>>();
    let people = |x: &Booking| x.people.iter().copied().collect::<BTreeSet<_>>();
    let mut out = vec![];
    for (kind, shared) in [
        (ConflictKind::UnitDoubleBooked, &units(a) & &units(b)),
        (ConflictKind::PersonDoubleBooked, &people(a) & &people(b)),
    ] {
        for key in shared {
            let mut c = Conflict::new(kind, a.exercise_id, interval);
            c.other_exercise_ids = vec![b.exercise_id];
            if kind == ConflictKind::UnitDoubleBooked {
                c.unit_id = Some(key);
            } else {
                c.person_id = Some(key);
            }
            out.push(c);
        }
    }
    out
}

/// Excess intervals by evaluating the level at every event point.
fn oracle_excess(loads: &[(Interval, u32, Uuid)], cap: u32) -> Vec<(Interval, u32, Vec<Uuid>)> {
    let mut points: Vec<DateTime<Utc>> = loads.iter().flat_map(|l| [l.0.start, l.0.end]).collect();
    points.sort();
    points.dedup();
    let mut runs: Vec<(Interval, u32)> = vec![];
    for w in points.windows(2) {
        let level: u32 = loads
            .iter()
            .filter(|l| l.0.start <= w[0] && w[0] < l.0.end)
            .map(|l| l.1)
            .sum();
        if level <= cap {
            continue;
        }
        match runs.last_mut() {
            Some((run, peak)) if run.end == w[0] => {
                run.end = w[1];
                *peak = (*peak).max(level);
            }
            _ => runs.push((
                Interval {
                    start: w[0],
                    end: w[1],
                },
                level,
            )),
        }
    }
    runs.into_iter()
        .map(|(run, peak)| {
            let ids: BTreeSet<Uuid> = loads
                .iter()
                .filter(|l| l.1 > 0 && overlap(&l.0, &run).is_some())
                .map(|l| l.2)
                .collect();
            (run, peak, ids.into_iter().collect())
        })
        .collect()
}

fn oracle_blackouts(b: &Booking, blackouts: &[Blackout]) -> Vec<Conflict> {
    if !live(b) {
        return vec![];
    }
    blackouts
        .iter()
        .filter(|bo| {
            bo.nation_id == b.host_nation_id || b.units.iter().any(|u| u.nation_id == bo.nation_id)
        })
        .filter_map(|bo| {
            let mut c = Conflict::new(
                ConflictKind::Blackout,
                b.exercise_id,
                overlap(&b.interval, &bo.interval)?,
            );
            c.nation_id = Some(bo.nation_id);
            c.blackout_id = Some(bo.id);
            Some(c)
        })
        .collect()
}

fn excess_conflict(
    ex: Uuid,
    others: Vec<Uuid>,
    base: Uuid,
    (run, peak): (Interval, u32),
    cap: u32,
) -> Conflict {
    let mut c = Conflict::new(ConflictKind::BaseOverCapacity, ex, run);
    c.other_exercise_ids = others;
    c.base_id = Some(base);
    c.peak = Some(peak);
    c.capacity = Some(cap);
    c
}

pub fn oracle_scan(
    bookings: &[Booking],
    blackouts: &[Blackout],
    caps: &HashMap<Uuid, u32>,
) -> Vec<Conflict> {
    let mut out = vec![];
    for (i, a) in bookings.iter().enumerate() {
        for b in &bookings[i + 1..] {
            let (first, second) = if a.exercise_id < b.exercise_id {
                (a, b)
            } else {
                (b, a)
            };
            out.extend(oracle_pairs(first, second));
        }
        out.extend(oracle_blackouts(a, blackouts));
    }
    for (&base, &cap) in caps {
        let loads: Vec<_> = bookings
            .iter()
            .filter(|b| live(b) && b.base_id == base)
            .map(|b| (b.interval, heads(b), b.exercise_id))
            .collect();
        for (run, peak, ids) in oracle_excess(&loads, cap) {
            out.push(excess_conflict(
                ids[0],
                ids[1..].to_vec(),
                base,
                (run, peak),
                cap,
            ));
        }
    }
    out.sort();
    out
}

pub fn oracle_conflicts_of(
    c: &Booking,
    others: &[Booking],
    blackouts: &[Blackout],
    caps: &HashMap<Uuid, u32>,
) -> Vec<Conflict> {
    let mut out: Vec<Conflict> = others.iter().flat_map(|o| oracle_pairs(c, o)).collect();
    out.extend(oracle_blackouts(c, blackouts));
    if let Some(&cap) = caps.get(&c.base_id)
        && live(c)
        && heads(c) > 0
    {
        let loads: Vec<_> =
            std::iter::once(c)
                .chain(others.iter().filter(|o| {
                    live(o) && o.exercise_id != c.exercise_id && o.base_id == c.base_id
                }))
                .filter_map(|b| Some((overlap(&b.interval, &c.interval)?, heads(b), b.exercise_id)))
                .collect();
        for (run, peak, ids) in oracle_excess(&loads, cap) {
            let others = ids.into_iter().filter(|i| *i != c.exercise_id).collect();
            out.push(excess_conflict(
                c.exercise_id,
                others,
                c.base_id,
                (run, peak),
                cap,
            ));
        }
    }
    out.sort();
    out
}
