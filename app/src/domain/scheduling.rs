//! Scheduling assistant: the earliest conflict-free windows for a new exercise; pure
//! std/serde/chrono/uuid/thiserror: must not import the database, the server, a clock or I/O.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::conflicts::{Blackout, Booking, BookingIndex, Interval, UnitBooking, excess_runs};

/// What a planner asks for: where, who, how many, how long, and when at the earliest/latest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WindowRequest {
    pub units: Vec<UnitBooking>,
    pub base_id: Uuid,
    pub host_nation_id: Uuid,
    /// People the exercise brings to the base, counted against its capacity (normally the unit
    /// headcounts plus individual participants, as in [`Booking::headcount`]).
    pub headcount: u32,
    /// Length of each window; on the wire, whole seconds.
    #[serde(with = "whole_seconds")]
    pub duration: Duration,
    /// Every window lies inside this interval.
    pub search: Interval,
    pub max_results: usize,
    /// An existing exercise being moved: its own booking does not block.
    #[serde(default)]
    pub exclude_exercise_id: Option<Uuid>,
}

/// Why a [`WindowRequest`] cannot be answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum WindowError {
    #[error("duration must be positive")]
    NonPositiveDuration,
    #[error("duration is longer than the search interval")]
    DurationExceedsSearch,
    #[error("at least one result must be asked for")]
    NoResultsRequested,
}

impl WindowRequest {
    /// Checks that the request can be answered: positive duration that fits in the search
    /// interval, and at least one result asked for.
    pub fn validate(&self) -> Result<(), WindowError> {
        if self.duration <= Duration::zero() {
            return Err(WindowError::NonPositiveDuration);
        }
        if self.search.is_empty() || self.search.end - self.search.start < self.duration {
            return Err(WindowError::DurationExceedsSearch);
        }
        if self.max_results == 0 {
            return Err(WindowError::NoResultsRequested);
        }
        Ok(())
    }
}

/// Up to `req.max_results` windows of `req.duration` inside `req.search`, sorted by start and
/// pairwise non-overlapping (they may touch), in which a new exercise would have no conflict: no
/// requested unit booked elsewhere, no blackout of the host nation or of a unit's nation, and
/// (when the base's capacity is known) never more than the capacity once `req.headcount` is
/// added. Fails only on an invalid request.
///
/// A window `[t, t + d)` is conflict-free iff it meets no *blocking interval*: the indexed
/// bookings of the requested units, the relevant blackouts, and the runs where the base already
/// holds more than `capacity - headcount` (the level is constant between events, and the new
/// exercise adds its headcount everywhere in the window). Hence the feasible starts form the
/// union, over the gaps `[g0, g1)` between merged blocking intervals inside the search, of
/// `[g0, g1 - d]`, and every `g0` is the search start or the end of a blocking interval. The
/// windows are chosen greedily: each is the earliest feasible start at or after the previous
/// window's end (the search start for the first). That start is either the lower bound itself
/// (when inside a gap with room) or the start of the next gap with room, so the candidate starts
/// (the search start, the ends of blocking intervals and the previous window's end) suffice,
/// and packing each gap from its start in steps of `d` yields exactly the greedy sequence.
pub fn find_windows(
    req: &WindowRequest,
    index: &BookingIndex,
    blackouts: &[Blackout],
    capacities: &HashMap<Uuid, u32>,
) -> Result<Vec<Interval>, WindowError> {
    req.validate()?;
    let search = &req.search;
    let mut blocking: Vec<Interval> = Vec::new();
    let mut units: Vec<Uuid> = req.units.iter().map(|u| u.unit_id).collect();
    units.sort_unstable();
    units.dedup();
    let counts = |b: &&Booking| Some(b.exercise_id) != req.exclude_exercise_id;
    for unit in units {
        let found = index.unit_bookings(unit, search);
        blocking.extend(found.into_iter().filter(counts).map(|b| b.interval));
    }
    let mut nations: Vec<Uuid> = req.units.iter().map(|u| u.nation_id).collect();
    nations.push(req.host_nation_id);
    nations.sort_unstable();
    nations.dedup();
    blocking.extend(
        blackouts
            .iter()
            .filter(|b| nations.binary_search(&b.nation_id).is_ok() && b.interval.overlaps(search))
            .map(|b| b.interval),
    );
    if let Some(&capacity) = capacities.get(&req.base_id)
        && req.headcount > 0
    {
        let Some(room) = capacity.checked_sub(req.headcount) else {
            return Ok(Vec::new());
        };
        let at_base = index.base_bookings(req.base_id, search);
        let loads = at_base
            .into_iter()
            .filter(counts)
            .map(|b| (b.interval, b.headcount()));
        blocking.extend(excess_runs(loads, room).into_iter().map(|(run, _)| run));
    }
    Ok(pack(search, req.duration, blocking, req.max_results))
}

/// Greedy earliest packing of `duration`-long windows into the gaps `blocking` leaves in `search`.
fn pack(
    search: &Interval,
    duration: Duration,
    mut blocking: Vec<Interval>,
    max: usize,
) -> Vec<Interval> {
    blocking.retain(|b| b.overlaps(search));
    blocking.sort_unstable();
    let mut gaps: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::new();
    let mut free_from = search.start;
    for block in &blocking {
        if block.start > free_from {
            gaps.push((free_from, block.start));
        }
        free_from = free_from.max(block.end);
    }
    if free_from < search.end {
        gaps.push((free_from, search.end));
    }
    let mut windows = Vec::new();
    for (mut start, gap_end) in gaps {
        while windows.len() < max {
            let Some(end) = start
                .checked_add_signed(duration)
                .filter(|end| *end <= gap_end)
            else {
                break;
            };
            windows.push(Interval { start, end });
            start = end;
        }
    }
    windows
}

/// Serde for a `Duration` as whole seconds.
mod whole_seconds {
    use chrono::Duration;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(duration: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(duration.num_seconds())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        let seconds = i64::deserialize(d)?;
        Duration::try_seconds(seconds).ok_or_else(|| D::Error::custom("duration out of range"))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::conflicts::ExerciseStatus;
    use super::super::conflicts::fixtures::*;
    use super::*;

    const ALLY: Uuid = Uuid::from_u128(4001);
    const THIRD: Uuid = Uuid::from_u128(4002);

    fn request(units: Vec<UnitBooking>, hours: i64, search: Interval, max: usize) -> WindowRequest {
        let headcount = units.iter().map(|u| u.headcount).sum();
        WindowRequest {
            units,
            base_id: BASE,
            host_nation_id: HOST,
            headcount,
            duration: Duration::hours(hours),
            search,
            max_results: max,
            exclude_exercise_id: None,
        }
    }

    fn booked(n: u128, from: i64, to: i64, units: Vec<UnitBooking>) -> Booking {
        Booking {
            units,
            ..exercise(n, from, to)
        }
    }

    fn windows(
        req: &WindowRequest,
        bookings: Vec<Booking>,
        blackouts: &[Blackout],
        caps: &HashMap<Uuid, u32>,
    ) -> Vec<Interval> {
        find_windows(req, &BookingIndex::new(bookings), blackouts, caps).expect("valid request")
    }

    #[test]
    fn an_empty_calendar_yields_back_to_back_windows_from_the_search_start() {
        let req = request(vec![unit(10, HOST, 5)], 4, span(0, 48), 3);
        let found = windows(&req, vec![], &[], &HashMap::new());
        assert_eq!(found, vec![span(0, 4), span(4, 8), span(8, 12)]);
    }

    #[test]
    fn windows_skip_the_periods_a_requested_unit_is_busy() {
        let req = request(vec![unit(10, HOST, 5)], 3, span(0, 30), 3);
        let mut cancelled = booked(4, 14, 30, vec![unit(10, HOST, 5)]);
        cancelled.status = ExerciseStatus::Cancelled;
        let calendar = vec![
            booked(1, 2, 10, vec![unit(10, HOST, 5)]),
            booked(2, 12, 14, vec![unit(10, HOST, 5)]),
            booked(3, 0, 30, vec![unit(11, HOST, 5)]),
            cancelled,
        ];
        let found = windows(&req, calendar, &[], &HashMap::new());
        assert_eq!(found, vec![span(14, 17), span(17, 20), span(20, 23)]);
    }

    #[test]
    fn a_window_may_end_where_a_busy_period_starts() {
        let req = request(vec![unit(10, HOST, 5)], 5, span(0, 30), 2);
        let calendar = vec![booked(1, 5, 10, vec![unit(10, HOST, 5)])];
        let found = windows(&req, calendar, &[], &HashMap::new());
        assert_eq!(found, vec![span(0, 5), span(10, 15)]);
    }

    #[test]
    fn an_exercise_being_moved_is_not_blocked_by_its_own_booking() {
        let caps = HashMap::from([(BASE, 10)]);
        let calendar = || vec![booked(1, 0, 10, vec![unit(10, HOST, 8)])];
        let req = request(vec![unit(10, HOST, 8)], 4, span(0, 30), 1);
        assert_eq!(windows(&req, calendar(), &[], &caps), vec![span(10, 14)]);
        let moving = WindowRequest {
            exclude_exercise_id: Some(id(1)),
            ..req
        };
        assert_eq!(windows(&moving, calendar(), &[], &caps), vec![span(0, 4)]);
    }

    #[test]
    fn windows_avoid_blackouts_of_the_host_and_of_every_units_nation() {
        let req = request(
            vec![unit(10, HOST, 5), unit(11, ALLY, 5)],
            24,
            span(0, 24 * 7),
            2,
        );
        let holidays = [
            blackout(50, ALLY, 0, 24),
            blackout(51, HOST, 30, 40),
            blackout(52, THIRD, 40, 100),
        ];
        let found = windows(&req, vec![], &holidays, &HashMap::new());
        assert_eq!(found, vec![span(40, 64), span(64, 88)]);
    }

    #[test]
    fn windows_keep_the_base_within_capacity_counting_the_new_headcount() {
        let caps = HashMap::from([(BASE, 10)]);
        let calendar = || vec![booked(1, 0, 10, vec![unit(20, HOST, 6)])];
        let five = request(vec![unit(10, HOST, 5)], 4, span(0, 30), 1);
        assert_eq!(windows(&five, calendar(), &[], &caps), vec![span(10, 14)]);
        let four = request(vec![unit(10, HOST, 4)], 4, span(0, 30), 1);
        assert_eq!(windows(&four, calendar(), &[], &caps), vec![span(0, 4)]);
        let eleven = request(vec![unit(10, HOST, 11)], 4, span(0, 30), 1);
        assert!(windows(&eleven, vec![], &[], &caps).is_empty());
        let elsewhere = WindowRequest {
            base_id: id(3001),
            ..five
        };
        assert_eq!(
            windows(&elsewhere, calendar(), &[], &caps),
            vec![span(0, 4)]
        );
    }

    #[test]
    fn fewer_windows_than_asked_come_back_when_the_search_runs_out() {
        let req = request(vec![], 4, span(0, 10), 5);
        assert_eq!(
            windows(&req, vec![], &[], &HashMap::new()),
            vec![span(0, 4), span(4, 8)]
        );
    }

    #[test]
    fn invalid_requests_are_rejected() {
        let index = BookingIndex::default();
        let caps = HashMap::new();
        let check = |req: WindowRequest| find_windows(&req, &index, &[], &caps);
        let ok = request(vec![], 4, span(0, 10), 1);
        assert_eq!(
            check(WindowRequest {
                duration: Duration::zero(),
                ..ok.clone()
            }),
            Err(WindowError::NonPositiveDuration)
        );
        assert_eq!(
            check(WindowRequest {
                duration: Duration::hours(-1),
                ..ok.clone()
            }),
            Err(WindowError::NonPositiveDuration)
        );
        assert_eq!(
            check(WindowRequest {
                duration: Duration::hours(11),
                ..ok.clone()
            }),
            Err(WindowError::DurationExceedsSearch)
        );
        assert_eq!(
            check(WindowRequest {
                max_results: 0,
                ..ok.clone()
            }),
            Err(WindowError::NoResultsRequested)
        );
        assert_eq!(
            check(WindowRequest {
                duration: Duration::hours(10),
                ..ok
            })
            .map(|w| w.len()),
            Ok(1)
        );
    }

    fn minutes(t: DateTime<Utc>) -> i64 {
        (t - tick(0)).num_minutes()
    }

    /// Whether minute `m` is free for the request, judged from the raw calendar.
    fn minute_is_free(
        m: i64,
        req: &WindowRequest,
        bookings: &[Booking],
        blackouts: &[Blackout],
        caps: &HashMap<Uuid, u32>,
    ) -> bool {
        let covers = |iv: &Interval| minutes(iv.start) <= m && m < minutes(iv.end);
        let live = |b: &&Booking| {
            b.status != ExerciseStatus::Cancelled
                && Some(b.exercise_id) != req.exclude_exercise_id
                && covers(&b.interval)
        };
        let unit_busy = bookings.iter().filter(live).any(|b| {
            b.units
                .iter()
                .any(|u| req.units.iter().any(|r| r.unit_id == u.unit_id))
        });
        let blacked_out = blackouts.iter().any(|bo| {
            covers(&bo.interval)
                && (bo.nation_id == req.host_nation_id
                    || req.units.iter().any(|u| u.nation_id == bo.nation_id))
        });
        let over = caps.get(&req.base_id).is_some_and(|&cap| {
            let level: u32 = bookings
                .iter()
                .filter(live)
                .filter(|b| b.base_id == req.base_id)
                .map(|b| b.headcount())
                .sum();
            req.headcount > 0 && level + req.headcount > cap
        });
        !unit_busy && !blacked_out && !over
    }

    fn brute_force_windows(
        req: &WindowRequest,
        bookings: &[Booking],
        blackouts: &[Blackout],
        caps: &HashMap<Uuid, u32>,
    ) -> Vec<Interval> {
        let d = req.duration.num_minutes();
        let (mut t, end) = (minutes(req.search.start), minutes(req.search.end));
        let mut out = vec![];
        while t + d <= end && out.len() < req.max_results {
            if (t..t + d).all(|m| minute_is_free(m, req, bookings, blackouts, caps)) {
                out.push(Interval {
                    start: tick(t),
                    end: tick(t + d),
                });
                t += d;
            } else {
                t += 1;
            }
        }
        out
    }

    fn arb_request() -> impl Strategy<Value = WindowRequest> {
        (
            prop::collection::vec((0u128..4, 0u32..4), 0..3),
            (0u128..2, 0u128..3, 0u32..8, 1i64..15),
            (0i64..30, 0i64..50, 1usize..5, prop::option::of(1u128..14)),
        )
            .prop_map(
                |(units, (base, host, headcount, d), (from, extra, max, moved))| WindowRequest {
                    units: units
                        .into_iter()
                        .map(|(u, h)| unit(1000 + u, id(4000 + u % 3), h))
                        .collect(),
                    base_id: id(3000 + base),
                    host_nation_id: id(4000 + host),
                    headcount,
                    duration: Duration::minutes(d),
                    search: Interval::new(tick(from), tick(from + d + extra)).expect("d > 0"),
                    max_results: max,
                    exclude_exercise_id: moved.map(id),
                },
            )
    }

    proptest! {
        #[test]
        fn find_windows_matches_a_minute_grid_brute_force(
            (bookings, blackouts, caps) in arb_calendar(),
            req in arb_request(),
        ) {
            let index = BookingIndex::new(bookings.iter().cloned());
            let found = find_windows(&req, &index, &blackouts, &caps).expect("valid request");
            prop_assert_eq!(&found, &brute_force_windows(&req, &bookings, &blackouts, &caps));
            for window in found {
                let candidate = Booking {
                    exercise_id: req.exclude_exercise_id.unwrap_or(id(999)),
                    interval: window,
                    status: ExerciseStatus::Planned,
                    base_id: req.base_id,
                    host_nation_id: req.host_nation_id,
                    units: req.units.iter().map(|u| UnitBooking { headcount: 0, ..u.clone() }).collect(),
                    people: (0..req.headcount).map(|k| id(9000 + u128::from(k))).collect(),
                };
                prop_assert_eq!(index.conflicts_of(&candidate, &blackouts, &caps), vec![]);
            }
        }
    }
}
