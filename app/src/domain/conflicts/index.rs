//! Overlap index of a calendar's bookings per unit, person and base; pure
//! std/chrono/uuid: must not import the database, the server, a clock or I/O.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Blackout, Booking, Conflict, Hits, Interval, sorted_ids};

/// Bookings that can conflict, indexed per unit, per person and per base for overlap queries in
/// O(log n + k). Build once from the calendar; cancelled and empty bookings are left out.
#[derive(Debug, Clone, Default)]
pub struct BookingIndex {
    bookings: Vec<Booking>,
    by_unit: KeyedIntervals,
    by_person: KeyedIntervals,
    by_base: KeyedIntervals,
}

impl BookingIndex {
    /// Indexes `bookings`, keeping those that can conflict.
    pub fn new(bookings: impl IntoIterator<Item = Booking>) -> Self {
        let bookings: Vec<Booking> = bookings
            .into_iter()
            .filter(Booking::occupies_calendar)
            .collect();
        let with = |keys: &dyn Fn(&Booking) -> Vec<Uuid>| {
            KeyedIntervals::new(
                bookings
                    .iter()
                    .enumerate()
                    .flat_map(|(i, b)| keys(b).into_iter().map(move |k| (k, b.interval, i))),
            )
        };
        let by_unit = with(&Booking::unit_ids);
        let by_person = with(&|b| sorted_ids(b.people.iter().copied()));
        let by_base = with(&|b| vec![b.base_id]);
        Self {
            bookings,
            by_unit,
            by_person,
            by_base,
        }
    }

    /// How many bookings are indexed.
    pub fn len(&self) -> usize {
        self.bookings.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.bookings.is_empty()
    }

    /// Indexed bookings of `unit_id` overlapping `within`.
    pub fn unit_bookings(&self, unit_id: Uuid, within: &Interval) -> Vec<&Booking> {
        self.query(&self.by_unit, unit_id, within)
    }

    /// Indexed bookings with `person_id` as an individual participant overlapping `within`.
    pub fn person_bookings(&self, person_id: Uuid, within: &Interval) -> Vec<&Booking> {
        self.query(&self.by_person, person_id, within)
    }

    /// Indexed bookings hosted at `base_id` overlapping `within`.
    pub fn base_bookings(&self, base_id: Uuid, within: &Interval) -> Vec<&Booking> {
        self.query(&self.by_base, base_id, within)
    }

    fn query(&self, lists: &KeyedIntervals, key: Uuid, within: &Interval) -> Vec<&Booking> {
        let mut found = Vec::new();
        lists.for_each_overlap(&key, within, &mut |i| found.push(&self.bookings[i]));
        found
    }

    /// The conflicts `candidate` takes part in against the indexed calendar; same rules and
    /// result as [`conflicts_of`](super::conflicts_of) over all indexed bookings.
    pub fn conflicts_of(
        &self,
        candidate: &Booking,
        blackouts: &[Blackout],
        capacities: &HashMap<Uuid, u32>,
    ) -> Vec<Conflict> {
        if !candidate.occupies_calendar() {
            return Vec::new();
        }
        let window = &candidate.interval;
        let not_self = |b: &&Booking| b.exercise_id != candidate.exercise_id;
        let mut hits = Hits::default();
        for unit in candidate.unit_ids() {
            let found = self.unit_bookings(unit, window);
            hits.units
                .extend(found.into_iter().filter(not_self).map(|b| (unit, b)));
        }
        for person in sorted_ids(candidate.people.iter().copied()) {
            let found = self.person_bookings(person, window);
            hits.people
                .extend(found.into_iter().filter(not_self).map(|b| (person, b)));
        }
        hits.base = self.base_bookings(candidate.base_id, window);
        hits.base.retain(not_self);
        hits.into_conflicts(candidate, blackouts, capacities)
    }
}

/// Intervals grouped by key; each group sorted by start and seen as an implicit balanced search
/// tree (the middle of each index range is its root) whose nodes know the latest end in their
/// subtree. An overlap query finds the group by binary search and skips every subtree that ends
/// too early or starts too late: O(log n + k).
#[derive(Debug, Clone, Default)]
struct KeyedIntervals {
    /// Sorted, as integers (cheaper to compare than bytes).
    keys: Vec<u128>,
    /// Group `g` holds the entries `bounds[g]..bounds[g + 1]`.
    bounds: Vec<usize>,
    starts: Vec<DateTime<Utc>>,
    ends: Vec<DateTime<Utc>>,
    max_end: Vec<DateTime<Utc>>,
    payloads: Vec<usize>,
}

impl KeyedIntervals {
    /// Indexes `(key, interval, payload)` triples; empty intervals are dropped.
    fn new(entries: impl Iterator<Item = (Uuid, Interval, usize)>) -> Self {
        let mut entries: Vec<(u128, Interval, usize)> = entries
            .filter(|e| !e.1.is_empty())
            .map(|(key, interval, payload)| (key.as_u128(), interval, payload))
            .collect();
        entries.sort_unstable_by_key(|&(key, interval, payload)| (key, interval.start, payload));
        let mut index = Self {
            keys: Vec::new(),
            bounds: vec![0],
            starts: entries.iter().map(|e| e.1.start).collect(),
            ends: entries.iter().map(|e| e.1.end).collect(),
            max_end: vec![DateTime::<Utc>::MIN_UTC; entries.len()],
            payloads: entries.iter().map(|e| e.2).collect(),
        };
        for group in entries.chunk_by(|a, b| a.0 == b.0) {
            let lo = index.bounds[index.keys.len()];
            index.keys.push(group[0].0);
            index.bounds.push(lo + group.len());
            index.fill_max_end(lo, lo + group.len());
        }
        index
    }

    fn fill_max_end(&mut self, lo: usize, hi: usize) -> DateTime<Utc> {
        if lo >= hi {
            return DateTime::<Utc>::MIN_UTC;
        }
        let mid = lo + (hi - lo) / 2;
        let left = self.fill_max_end(lo, mid);
        let right = self.fill_max_end(mid + 1, hi);
        let max = self.ends[mid].max(left).max(right);
        self.max_end[mid] = max;
        max
    }

    /// Calls `f` with the payload of every entry of `key` overlapping `within`.
    fn for_each_overlap(&self, key: &Uuid, within: &Interval, f: &mut impl FnMut(usize)) {
        if within.is_empty() {
            return;
        }
        if let Ok(g) = self.keys.binary_search(&key.as_u128()) {
            self.visit(self.bounds[g], self.bounds[g + 1], within, f);
        }
    }

    fn visit(&self, lo: usize, hi: usize, within: &Interval, f: &mut impl FnMut(usize)) {
        if lo >= hi {
            return;
        }
        let mid = lo + (hi - lo) / 2;
        if self.max_end[mid] <= within.start {
            return;
        }
        self.visit(lo, mid, within, f);
        if self.starts[mid] >= within.end {
            return;
        }
        if self.ends[mid] > within.start {
            f(self.payloads[mid]);
        }
        self.visit(mid + 1, hi, within, f);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::fixtures::*;
    use super::*;

    #[test]
    fn index_queries_find_overlapping_bookings_per_unit_person_and_base() {
        let mut a = exercise(1, 0, 10);
        a.units = vec![unit(10, HOST, 3)];
        a.people = vec![id(20)];
        let mut b = exercise(2, 10, 20);
        b.units = vec![unit(10, HOST, 3)];
        let index = BookingIndex::new([a, b]);
        assert_eq!(index.len(), 2);
        let ids = |found: Vec<&Booking>| found.iter().map(|b| b.exercise_id).collect::<Vec<_>>();
        assert_eq!(ids(index.unit_bookings(id(10), &span(9, 11))).len(), 2);
        assert_eq!(ids(index.unit_bookings(id(10), &span(10, 11))), vec![id(2)]);
        assert_eq!(
            ids(index.person_bookings(id(20), &span(5, 30))),
            vec![id(1)]
        );
        assert!(index.base_bookings(BASE, &span(20, 30)).is_empty());
        assert!(index.unit_bookings(id(11), &span(0, 30)).is_empty());
    }

    proptest! {
        #[test]
        fn keyed_intervals_find_exactly_the_overlapping_entries_of_a_key(
            raw in prop::collection::vec((0u128..3, 0i64..60, 1i64..20), 0..60),
            key in 0u128..4,
            from in 0i64..70,
            len in 1i64..15,
        ) {
            let entries: Vec<(Uuid, Interval, usize)> = raw
                .iter()
                .enumerate()
                .map(|(i, &(k, s, l))| (id(k), Interval::new(tick(s), tick(s + l)).expect("l > 0"), i))
                .collect();
            let query = Interval::new(tick(from), tick(from + len)).expect("len > 0");
            let index = KeyedIntervals::new(entries.iter().copied());
            let mut found = vec![];
            index.for_each_overlap(&id(key), &query, &mut |i| found.push(i));
            found.sort_unstable();
            let expected: Vec<usize> = entries
                .iter()
                .filter(|e| e.0 == id(key) && e.1.overlaps(&query))
                .map(|e| e.2)
                .collect();
            prop_assert_eq!(found, expected);
        }
    }
}
