//! The full-calendar conflict scan: sweeps per unit, person, nation and base; pure
//! std/chrono/uuid: must not import the database, the server, a clock or I/O.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{
    Blackout, Booking, Conflict, ConflictKind, Interval, Load, blackout_conflict,
    capacity_conflict, double_booking, excesses, sort_conflicts, time_key,
};

/// Every conflict in `bookings`, each reported once, sorted:
/// - a double booking once per pair and unit (or person), with `exercise_id` the smaller id
///   (`Uuid` order) and the larger as the single `other_exercise_ids` entry;
/// - a capacity excess once per maximal interval of a base with a known capacity, with
///   `exercise_id` the smallest contributing id and the other contributors in
///   `other_exercise_ids`;
/// - a blackout once per exercise and blackout of its host nation or a unit's nation.
///
/// Exercise ids are expected to be unique: two bookings with the same id never double-book each
/// other (but both count towards their base). Sorts the n bookings and blackouts by start once,
/// groups them per key by hashing and sweeps each group: O(n log n + k log k) for k conflicts.
pub fn scan(
    bookings: &[Booking],
    blackouts: &[Blackout],
    capacities: &HashMap<Uuid, u32>,
) -> Vec<Conflict> {
    let mut keyed: Vec<(u128, Item)> = bookings
        .iter()
        .filter(|b| b.occupies_calendar())
        .map(Item::Booking)
        .chain(blackouts.iter().map(Item::Blackout))
        .map(|item| (time_key(item.interval().start), item))
        .collect();
    keyed.sort_unstable_by_key(|&(start, _)| start);
    let items: Vec<Item> = keyed.into_iter().map(|(_, item)| item).collect();

    let held = |count: fn(&Booking) -> usize| {
        Vec::with_capacity(items.iter().filter_map(Item::booking).map(count).sum())
    };
    let mut units = held(|b| b.units.len());
    let mut people = held(|b| b.people.len());
    let mut bases = held(|_| 1);
    let mut nations = held(|b| 1 + b.units.len());
    nations.reserve(blackouts.len());
    for (i, item) in items.iter().enumerate() {
        match item {
            Item::Booking(b) => {
                units.extend(b.units.iter().map(|u| (u.unit_id, i)));
                people.extend(b.people.iter().map(|p| (*p, i)));
                bases.push((b.base_id, i));
                nations.push((b.host_nation_id, i));
                nations.extend(b.units.iter().map(|u| (u.nation_id, i)));
            }
            Item::Blackout(blackout) => nations.push((blackout.nation_id, i)),
        }
    }

    let mut out = Vec::with_capacity(2 * items.len());
    for (kind, holders) in [
        (ConflictKind::UnitDoubleBooked, units),
        (ConflictKind::PersonDoubleBooked, people),
    ] {
        Groups::new(holders).sweep(&items, Pairs::SameSide, |key, a, b| {
            if let (Item::Booking(a), Item::Booking(b)) = (a, b) {
                let (first, second) = if a.exercise_id < b.exercise_id {
                    (a, b)
                } else {
                    (b, a)
                };
                if first.exercise_id != second.exercise_id {
                    out.extend(double_booking(kind, key, first, second));
                }
            }
        });
    }
    Groups::new(nations).sweep(&items, Pairs::BookingWithBlackout, |_, a, b| match (a, b) {
        (Item::Booking(booking), Item::Blackout(blackout))
        | (Item::Blackout(blackout), Item::Booking(booking)) => {
            out.extend(blackout_conflict(booking, blackout));
        }
        _ => {}
    });
    for (base, group) in Groups::new(bases).iter() {
        let Some(&capacity) = capacities.get(&base) else {
            continue;
        };
        let load: Vec<Load> = group
            .iter()
            .filter_map(|&i| items[i].booking())
            .map(Load::of)
            .collect();
        for (interval, peak, ids) in excesses(&load, capacity) {
            if let Some((&first, rest)) = ids.split_first() {
                out.push(capacity_conflict(
                    first,
                    base,
                    interval,
                    (peak, capacity),
                    rest.to_vec(),
                ));
            }
        }
    }
    sort_conflicts(out)
}

/// Something on the calendar that a sweep meets: a booking or a blackout.
#[derive(Clone, Copy)]
enum Item<'a> {
    Booking(&'a Booking),
    Blackout(&'a Blackout),
}

impl<'a> Item<'a> {
    fn interval(&self) -> &'a Interval {
        match self {
            Item::Booking(b) => &b.interval,
            Item::Blackout(b) => &b.interval,
        }
    }

    fn booking(&self) -> Option<&'a Booking> {
        match self {
            Item::Booking(b) => Some(b),
            Item::Blackout(_) => None,
        }
    }
}

/// Item indices grouped by key (unit, person, base, nation), each group ascending; built by a
/// stable counting sort over dense key numbers, so it costs O(n) and the group order is first
/// appearance (deterministic).
struct Groups {
    keys: Vec<Uuid>,
    /// Group `g` is `members[bounds[g]..bounds[g + 1]]`.
    bounds: Vec<usize>,
    members: Vec<usize>,
}

impl Groups {
    /// `pairs` of (key, item) must come with items ascending.
    fn new(pairs: Vec<(Uuid, usize)>) -> Self {
        let mut dense: HashMap<u128, usize, BuildHasherDefault<KeyHasher>> = HashMap::default();
        let mut keys = Vec::new();
        let numbered: Vec<(usize, usize)> = pairs
            .into_iter()
            .map(|(key, item)| {
                let g = *dense.entry(key.as_u128()).or_insert_with(|| {
                    keys.push(key);
                    keys.len() - 1
                });
                (g, item)
            })
            .collect();
        let mut bounds = vec![0; keys.len() + 1];
        for &(g, _) in &numbered {
            bounds[g + 1] += 1;
        }
        for g in 0..keys.len() {
            bounds[g + 1] += bounds[g];
        }
        let mut next = bounds.clone();
        let mut members = vec![0; numbered.len()];
        for (g, item) in numbered {
            members[next[g]] = item;
            next[g] += 1;
        }
        Self {
            keys,
            bounds,
            members,
        }
    }

    fn iter(&self) -> impl Iterator<Item = (Uuid, &[usize])> {
        self.keys
            .iter()
            .enumerate()
            .map(|(g, key)| (*key, &self.members[self.bounds[g]..self.bounds[g + 1]]))
    }

    /// Calls `meet(key, earlier, later)` once for every two time-overlapping items of a group
    /// (`items` is in start order; an item listed twice counts once) that `pairs` asks for,
    /// keeping per group and side (booking, blackout) the items still running.
    fn sweep<'a>(
        &self,
        items: &[Item<'a>],
        pairs: Pairs,
        mut meet: impl FnMut(Uuid, Item<'a>, Item<'a>),
    ) {
        let mut running: [Vec<(DateTime<Utc>, Item)>; 2] = [Vec::new(), Vec::new()];
        for (key, group) in self.iter() {
            running.iter_mut().for_each(Vec::clear);
            let mut previous = None;
            for &i in group {
                if previous.replace(i) == Some(i) {
                    continue;
                }
                let item = items[i];
                let side = usize::from(matches!(item, Item::Blackout(_)));
                let partner = match pairs {
                    Pairs::SameSide => side,
                    Pairs::BookingWithBlackout => 1 - side,
                };
                let interval = item.interval();
                running[partner].retain(|&(end, _)| end > interval.start);
                for &(_, earlier) in &running[partner] {
                    meet(key, earlier, item);
                }
                running[side].push((interval.end, item));
            }
        }
    }
}

/// Which overlapping items of a group a sweep reports.
#[derive(Clone, Copy)]
enum Pairs {
    SameSide,
    BookingWithBlackout,
}

/// Hashes UUID keys (as `u128`) with a SplitMix64 finaliser: they come from the database, not
/// from an adversary, and SipHash would dominate the scan.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = mix(self.0 ^ u64::from(byte));
        }
    }

    fn write_u128(&mut self, n: u128) {
        let (high, low) = ((n >> 64) as u64, n as u64);
        self.0 = mix(self.0 ^ low ^ high.rotate_left(32));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use proptest::prelude::*;

    use super::super::conflicts_of;
    use super::super::fixtures::*;
    use super::*;

    proptest! {
        #[test]
        fn scan_matches_the_brute_force_oracle((bookings, blackouts, caps) in arb_calendar()) {
            prop_assert_eq!(scan(&bookings, &blackouts, &caps), oracle_scan(&bookings, &blackouts, &caps));
        }

        #[test]
        fn scan_involves_exactly_the_exercises_that_see_a_conflict_of_their_own(
            (bookings, blackouts, caps) in arb_calendar(),
        ) {
            let from_scan: BTreeSet<Uuid> = scan(&bookings, &blackouts, &caps)
                .into_iter()
                .flat_map(|c| std::iter::once(c.exercise_id).chain(c.other_exercise_ids))
                .collect();
            let from_each: BTreeSet<Uuid> = bookings
                .iter()
                .filter(|b| !conflicts_of(b, &bookings, &blackouts, &caps).is_empty())
                .map(|b| b.exercise_id)
                .collect();
            prop_assert_eq!(from_scan, from_each);
        }
    }
}
