//! Benchmark: 2,000 mentees × 500 mentors solved to the optimum, against a dense Hungarian
//! baseline (`pathfinding::kuhn_munkres`) on the capacity-expanded matrix.
//! Run: `cargo bench -p app --features ssr --bench matching [-- --no-full-hungarian]` (the full-size
//! Hungarian run takes ~10 s).

#![expect(
    unsafe_code,
    reason = "a counting global allocator measures peak memory"
)]
#![expect(
    clippy::print_stdout,
    clippy::unwrap_used,
    reason = "a benchmark: it reports on stdout and a failed set-up should stop it"
)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

use app::domain::matching::{self, Mentee, Mentor, RankGrade, RunInput, Weights};
use pathfinding::kuhn_munkres::kuhn_munkres;
use pathfinding::matrix::Matrix;
use uuid::Uuid;

struct Counting;
static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<'a>(&mut self, xs: &'a [&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
    fn some<'a>(&mut self, xs: &'a [&'a str], lo: u64, hi: u64) -> Vec<String> {
        let mut out: Vec<String> = vec![];
        for _ in 0..self.range(lo, hi) {
            let x = self.pick(xs).to_string();
            if !out.contains(&x) {
                out.push(x);
            }
        }
        out
    }
}

const LANGS: [&str; 6] = ["en", "fr", "de", "es", "it", "pl"];
const SPECS: [&str; 8] = [
    "fuel",
    "ammunition",
    "maintenance",
    "movement control",
    "warehousing",
    "medical logistics",
    "procurement",
    "transport",
];

fn uid(kind: u128, n: u128) -> Uuid {
    // scrambled so that id order is unrelated to generation order
    Uuid::from_u128((kind << 120) ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C835))
}

/// How crowded the pool is.
#[derive(Clone, Copy)]
struct Mix {
    english_mentor: f64,
    english_mentee: f64,
    max_active: u64,
    available: f64,
}

/// Realistic: English 85 % / 80 %, 0–2 active mentees, 92 % available.
const REALISTIC: Mix = Mix {
    english_mentor: 0.85,
    english_mentee: 0.8,
    max_active: 2,
    available: 0.92,
};

/// Stress: nearly everyone speaks English, nobody has active mentees, all available.
const STRESS: Mix = Mix {
    english_mentor: 0.97,
    english_mentee: 0.97,
    max_active: 0,
    available: 1.0,
};

/// `mentees` × `mentors` with ~12 nations, ~30 bases, 6 languages (English common), 8
/// specialties, 20 modules, a unit tree of 3 levels per nation.
fn generate(mentees: usize, mentors: usize, seed: u64, mix: Mix) -> RunInput {
    let mut r = XorShift(seed);
    let modules: Vec<String> = (0..20).map(|i| format!("LOG-{}", 100 + i)).collect();
    let modules: Vec<&str> = modules.iter().map(String::as_str).collect();
    let nations = 12u64;
    let native = |n: u64| LANGS[(n % 6) as usize];
    let offset = |n: u64| 60 * ((n % 4) as i32) - if n == 11 { 360 } else { 0 };
    let base_nation = |b: u64| b % nations;
    // units: nation root 0, brigades 1..=3, battalions per brigade 4 → ids (nation, brig, bn)
    let unit = |n: u64, brig: u64, bn: u64| uid(7, u128::from(n * 100 + brig * 10 + bn));
    let mentors_v = (0..mentors)
        .map(|i| {
            let base = r.below(30);
            let nation = base_nation(base);
            let mut languages = vec![native(nation).to_string()];
            if r.chance(mix.english_mentor) {
                languages.push("en".into());
            }
            if r.chance(0.2) {
                languages.push(r.pick(&LANGS).to_string());
            }
            languages.dedup();
            let officer = r.chance(0.4);
            let rank = if officer {
                RankGrade::Of(r.range(2, 5) as u8)
            } else {
                RankGrade::Or(r.range(6, 9) as u8)
            };
            let capacity = r.range(1, 6) as u32;
            let commands_units = if r.chance(0.15) {
                let (brig, bn) = (r.range(1, 3), r.range(0, 4));
                vec![unit(nation, brig, if r.chance(0.5) { 0 } else { bn })]
            } else {
                vec![]
            };
            Mentor {
                person_id: uid(1, i as u128),
                capacity,
                active_mentees: (r.range(0, mix.max_active) as u32).min(capacity),
                available: r.chance(mix.available),
                preferred_language: r.chance(0.6).then(|| native(nation).to_string()),
                languages,
                specialties: r.some(&SPECS, 1, 3),
                current_modules: r.some(&modules, 3, 8),
                years: r.range(8, 30) as u32,
                rank,
                nation_id: uid(5, u128::from(nation)),
                base_id: Some(uid(6, u128::from(base))),
                utc_offset_minutes: Some(offset(nation)),
                commands_units,
            }
        })
        .collect();
    let mentees_v = (0..mentees)
        .map(|i| {
            let base = r.below(30);
            let nation = base_nation(base);
            let mut languages = vec![native(nation).to_string()];
            if r.chance(mix.english_mentee) {
                languages.push("en".into());
            }
            if r.chance(0.1) {
                languages.push(r.pick(&LANGS).to_string());
            }
            languages.dedup();
            let rank = if r.chance(0.2) {
                RankGrade::Of(r.range(1, 3) as u8)
            } else {
                RankGrade::Or(r.range(2, 6) as u8)
            };
            let (brig, bn) = (r.range(1, 3), r.range(1, 4));
            Mentee {
                person_id: uid(2, i as u128),
                preferred_language: r.chance(0.6).then(|| native(nation).to_string()),
                languages,
                specialties_wanted: r.some(&SPECS, 1, 3),
                gap_modules: r.some(&modules, 0, 4),
                years: r.range(0, 12) as u32,
                rank,
                nation_id: uid(5, u128::from(nation)),
                base_id: Some(uid(6, u128::from(base))),
                utc_offset_minutes: Some(offset(nation)),
                unit_chain: vec![
                    unit(nation, brig, bn),
                    unit(nation, brig, 0),
                    unit(nation, 0, 0),
                ],
            }
        })
        .collect();
    RunInput {
        mentors: mentors_v,
        mentees: mentees_v,
        weights: Weights::default(),
        min_years_gap: 5,
        pins: vec![],
        forbids: vec![],
    }
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

/// Dense Hungarian on the capacity-expanded matrix; returns (matched, score, time, matrix size).
fn hungarian(input: &RunInput) -> (usize, i64, Duration, (usize, usize)) {
    let pairs = matching::eligible_pairs(input).unwrap();
    let row_of: HashMap<Uuid, usize> = input
        .mentees
        .iter()
        .enumerate()
        .map(|(i, m)| (m.person_id, i))
        .collect();
    let mut slots_of: HashMap<Uuid, Vec<usize>> = HashMap::new();
    let mut slots = 0;
    for m in &input.mentors {
        let free = m.capacity.saturating_sub(m.active_mentees) as usize;
        if m.available && free > 0 {
            slots_of.insert(m.person_id, (slots..slots + free).collect());
            slots += free;
        }
    }
    let rows = input.mentees.len();
    let cols = slots.max(rows); // extra columns are "unmatched" dummies worth 0
    let max_score = pairs.iter().map(|p| p.breakdown.total).max().unwrap_or(0);
    let big = max_score * rows as i64 + 1;
    let mut w = Matrix::new(rows, cols, -big);
    for c in slots..cols {
        for r in 0..rows {
            w[(r, c)] = 0;
        }
    }
    let mut score_of = HashMap::new();
    for p in &pairs {
        let r = row_of[&p.mentee_id];
        score_of.insert((r, p.mentor_id), p.breakdown.total);
        for &c in &slots_of[&p.mentor_id] {
            w[(r, c)] = big + p.breakdown.total;
        }
    }
    let mut col_mentor = vec![None; cols];
    for (m, cs) in &slots_of {
        for &c in cs {
            col_mentor[c] = Some(*m);
        }
    }
    let t = Instant::now();
    let (_, assignment) = kuhn_munkres(&w);
    let took = t.elapsed();
    let (mut matched, mut score) = (0, 0);
    for (r, &c) in assignment.iter().enumerate() {
        if let Some(m) = col_mentor[c]
            && let Some(s) = score_of.get(&(r, m))
        {
            matched += 1;
            score += s;
        }
    }
    (matched, score, took, (rows, cols))
}

fn ours(input: &RunInput, runs: usize) -> (usize, i64, Duration, Duration, usize) {
    let mut times = vec![];
    let mut graph_times = vec![];
    let mut peak = 0;
    let mut last = (0, 0);
    for _ in 0..runs {
        let before = CURRENT.load(Relaxed);
        PEAK.store(before, Relaxed);
        let t = Instant::now();
        let half = input.mentees.len();
        let mut graph_done = None;
        let r = matching::run(input, &mut |d, _| {
            if graph_done.is_none() && d >= half {
                graph_done = Some(t.elapsed());
            }
        })
        .unwrap();
        times.push(t.elapsed());
        graph_times.push(graph_done.unwrap_or_default());
        peak = peak.max(PEAK.load(Relaxed) - before);
        last = (r.matched, r.total_score);
        drop(r);
    }
    (last.0, last.1, median(times), median(graph_times), peak)
}

fn describe(name: &str, input: &RunInput) {
    let edges = matching::eligible_pairs(input).unwrap().len();
    let slots: u32 = input
        .mentors
        .iter()
        .filter(|m| m.available)
        .map(|m| m.capacity.saturating_sub(m.active_mentees))
        .sum();
    let cells = input.mentors.len() * input.mentees.len();
    println!(
        "{name}: {} mentees × {} mentors, {slots} free mentor slots, {edges} eligible edges ({:.1}% of pairs)",
        input.mentees.len(),
        input.mentors.len(),
        100.0 * edges as f64 / cells as f64
    );
    let (matched, score, t, tg, peak) = ours(input, 5);
    println!(
        "  muster: matched {matched}, total score {score}; median of 5 = {:.1} ms (of which eligible graph {:.1} ms); peak heap during run {:.1} MiB",
        t.as_secs_f64() * 1e3,
        tg.as_secs_f64() * 1e3,
        peak as f64 / (1 << 20) as f64
    );
}

fn compare(name: &str, input: &RunInput) {
    let (m1, s1, t1, _, _) = ours(input, 5);
    let (m2, s2, t2, (r, c)) = hungarian(input);
    println!(
        "  {name}: muster {:.1} ms → ({m1}, {s1}); kuhn_munkres on {r}×{c} {:.1} ms → ({m2}, {s2}); {}",
        t1.as_secs_f64() * 1e3,
        t2.as_secs_f64() * 1e3,
        if (m1, s1) == (m2, s2) {
            "SAME optimum"
        } else {
            "MISMATCH"
        }
    );
}

fn main() {
    let skip_full_hungarian = std::env::args().any(|a| a == "--no-full-hungarian");
    let input = generate(2000, 500, 0x5EED_2026, REALISTIC);
    describe("realistic", &input);
    let stress = generate(2000, 500, 0x5EED_2027, STRESS);
    describe("stress", &stress);
    println!("baseline (dense Hungarian, capacity-expanded, single run):");
    compare("realistic 400×100", &generate(400, 100, 7, REALISTIC));
    compare("realistic 1000×250", &generate(1000, 250, 8, REALISTIC));
    compare("stress 1000×250", &generate(1000, 250, 9, STRESS));
    if !skip_full_hungarian {
        compare("realistic 2000×500", &input);
    }
}
