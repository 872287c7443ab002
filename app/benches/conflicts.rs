//! Benchmark of the conflict index, the full scan and the window search on a synthetic calendar;
//! run with `cargo run --release --example bench`. Prints medians (it is a report, hence stdout).

#![expect(
    clippy::print_stdout,
    reason = "a benchmark reports its figures on stdout"
)]

use std::collections::HashMap;
use std::hint::black_box;
use std::time::{Duration as StdDuration, Instant};

use app::domain::conflicts::{
    Blackout, Booking, BookingIndex, ExerciseStatus, Interval, UnitBooking, scan,
};
use app::domain::scheduling::{WindowRequest, find_windows};
use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

const BOOKINGS: usize = 100_000;
const UNITS: u64 = 2_000;
const BASES: u64 = 300;
const PEOPLE: u64 = 5_000;
const NATIONS: u64 = 30;
const DAYS: u64 = 548; // 18 months

/// SplitMix64: small, deterministic, good enough for synthetic data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn id(space: u128, n: u64) -> Uuid {
    // mix so that id order is unrelated to generation order
    Uuid::from_u128((space << 96) | u128::from(n.wrapping_mul(0x9E37_79B9_7F4A_7C15)))
}

fn epoch() -> DateTime<Utc> {
    DateTime::<Utc>::UNIX_EPOCH + Duration::days(20_514) // 2026-03-02
}

fn booking(rng: &mut Rng, n: u64) -> Booking {
    let start = epoch() + Duration::hours(rng.below(DAYS * 24) as i64);
    let end = start + Duration::hours(24 + rng.below(13 * 24) as i64);
    let base = rng.below(BASES);
    let units = (0..1 + rng.below(4))
        .map(|_| {
            let unit = rng.below(UNITS);
            UnitBooking {
                unit_id: id(1, unit),
                nation_id: id(4, unit % NATIONS),
                headcount: 20 + rng.below(130) as u32,
            }
        })
        .collect();
    let people = (0..rng.below(4))
        .map(|_| id(2, rng.below(PEOPLE)))
        .collect();
    Booking {
        exercise_id: id(0, n),
        interval: Interval { start, end },
        status: if rng.below(20) == 0 {
            ExerciseStatus::Cancelled
        } else {
            ExerciseStatus::Approved
        },
        base_id: id(3, base),
        host_nation_id: id(4, base % NATIONS),
        units,
        people,
    }
}

fn median(mut samples: Vec<StdDuration>) -> StdDuration {
    samples.sort_unstable();
    samples[samples.len() / 2]
}

fn percentile(mut samples: Vec<StdDuration>, p: usize) -> StdDuration {
    samples.sort_unstable();
    samples[(samples.len() * p / 100).min(samples.len() - 1)]
}

fn main() {
    let mut rng = Rng(0x5EED);
    let bookings: Vec<Booking> = (0..BOOKINGS as u64).map(|n| booking(&mut rng, n)).collect();
    let blackouts: Vec<Blackout> = (0..NATIONS * 15)
        .map(|n| {
            let start = epoch() + Duration::days(rng.below(DAYS) as i64);
            Blackout {
                id: id(5, n),
                nation_id: id(4, n % NATIONS),
                interval: Interval {
                    start,
                    end: start + Duration::days(1 + rng.below(3) as i64),
                },
            }
        })
        .collect();
    let capacities: HashMap<Uuid, u32> = (0..BASES)
        .map(|b| (id(3, b), 1_500 + rng.below(1_500) as u32))
        .collect();

    let built = Instant::now();
    let index = BookingIndex::new(bookings.iter().cloned());
    println!(
        "index of {} bookings built in {:?} (not part of the goal)",
        index.len(),
        built.elapsed()
    );

    let candidates: Vec<Booking> = (0..1_000)
        .map(|n| booking(&mut rng, BOOKINGS as u64 + n))
        .collect();
    let mut samples = Vec::with_capacity(candidates.len());
    let mut found = 0usize;
    for candidate in &candidates {
        let t = Instant::now();
        let conflicts = index.conflicts_of(black_box(candidate), &blackouts, &capacities);
        samples.push(t.elapsed());
        found += black_box(conflicts).len();
    }
    println!(
        "BookingIndex::conflicts_of vs 100k: median {:?}, p99 {:?} over 1,000 candidates ({:.1} conflicts each)",
        median(samples.clone()),
        percentile(samples, 99),
        found as f64 / 1_000.0
    );

    let ten_k = &bookings[..10_000];
    let mut samples = Vec::with_capacity(20);
    let mut count = 0;
    for _ in 0..20 {
        let t = Instant::now();
        count = black_box(scan(black_box(ten_k), &blackouts, &capacities)).len();
        samples.push(t.elapsed());
    }
    println!(
        "scan of 10,000 exercises: median {:?} over 20 runs ({count} conflicts)",
        median(samples)
    );

    let mut samples = Vec::with_capacity(200);
    let mut windows = 0;
    for candidate in candidates.iter().take(200) {
        let start = candidate.interval.start;
        let req = WindowRequest {
            units: candidate.units.clone(),
            base_id: candidate.base_id,
            host_nation_id: candidate.host_nation_id,
            headcount: candidate.headcount(),
            duration: Duration::days(5),
            search: Interval {
                start,
                end: start + Duration::days(90),
            },
            max_results: 5,
            exclude_exercise_id: None,
        };
        let t = Instant::now();
        let result = find_windows(black_box(&req), &index, &blackouts, &capacities);
        samples.push(t.elapsed());
        windows += result.map_or(0, |w| w.len());
    }
    println!(
        "find_windows (90-day search, 5-day windows, up to 5) vs 100k: median {:?} over 200 requests ({:.1} windows each)",
        median(samples),
        windows as f64 / 200.0
    );
}
