//! Test-only oracle for the optimiser (compiled only under `cfg(test)`; must not be used by
//! production code): a feasibility checker, brute-force enumeration of every assignment, random
//! small pools and the property tests comparing `run` against them.

use std::collections::BTreeSet;

use proptest::prelude::*;
use uuid::Uuid;

use super::eligibility::tests::id;
use super::*;

pub(crate) fn solve(inp: &RunInput) -> MatchResult {
    run(inp, &mut |_, _| {}).expect("valid input")
}

pub(crate) fn pair_ids(r: &MatchResult) -> Vec<(Uuid, Uuid)> {
    r.pairs.iter().map(|p| (p.mentor_id, p.mentee_id)).collect()
}

/// Panics unless `r` is feasible for `inp`: eligible pairs only, capacities and pins kept,
/// every mentee either paired once or explained, totals consistent.
pub(crate) fn assert_feasible(inp: &RunInput, r: &MatchResult) {
    let eligible: BTreeSet<(Uuid, Uuid)> = eligible_pairs(inp)
        .unwrap()
        .iter()
        .map(|p| (p.mentor_id, p.mentee_id))
        .collect();
    let mut seen = BTreeSet::new();
    for p in &r.pairs {
        assert!(eligible.contains(&(p.mentor_id, p.mentee_id)), "{p:?}");
        assert!(seen.insert(p.mentee_id), "mentee paired twice");
        assert_eq!(p.pinned, inp.pins.contains(&(p.mentor_id, p.mentee_id)));
    }
    for m in &inp.mentors {
        let load = r
            .pairs
            .iter()
            .filter(|p| p.mentor_id == m.person_id)
            .count() as u32;
        assert!(
            load <= m.capacity.saturating_sub(m.active_mentees),
            "over capacity"
        );
    }
    for pin in &inp.pins {
        assert!(pair_ids(r).contains(pin), "pin missing");
    }
    for u in &r.unmatched {
        assert!(seen.insert(u.mentee_id), "unmatched mentee also paired");
        let n = eligible.iter().filter(|(_, b)| *b == u.mentee_id).count();
        match &u.reason {
            UnmatchedReason::CapacityTaken { eligible_mentors } => {
                assert_eq!(*eligible_mentors, n)
            }
            UnmatchedReason::NoEligibleMentor { nearest } => {
                assert_eq!(n, 0);
                assert!(nearest.len() <= NEAREST_LIMIT.min(inp.mentors.len()));
                assert!(nearest.iter().all(|m| !m.constraints.is_empty()));
            }
        }
    }
    assert_eq!(seen.len(), inp.mentees.len());
    assert_eq!(r.matched, r.pairs.len());
    let total: i64 = r.pairs.iter().map(|p| p.breakdown.total).sum();
    assert_eq!(r.total_score, total);
}

/// Best (count, score) over every assignment that keeps capacities and contains the pins.
pub(crate) fn brute_force(inp: &RunInput) -> (usize, i64) {
    let eligible = eligible_pairs(inp).unwrap();
    let mentees: Vec<Uuid> = inp.mentees.iter().map(|m| m.person_id).collect();
    let options: Vec<Vec<(Uuid, i64)>> = mentees
        .iter()
        .map(|b| {
            let pinned: Vec<Uuid> = inp.pins.iter().filter(|p| p.1 == *b).map(|p| p.0).collect();
            eligible
                .iter()
                .filter(|e| e.mentee_id == *b)
                .filter(|e| pinned.is_empty() || pinned.contains(&e.mentor_id))
                .map(|e| (e.mentor_id, e.breakdown.total))
                .collect()
        })
        .collect();
    let must: Vec<bool> = mentees
        .iter()
        .map(|b| inp.pins.iter().any(|p| p.1 == *b))
        .collect();
    fn go(
        i: usize,
        options: &[Vec<(Uuid, i64)>],
        must: &[bool],
        room: &mut Vec<(Uuid, u32)>,
    ) -> Option<(usize, i64)> {
        if i == options.len() {
            return Some((0, 0));
        }
        let mut best = if must[i] {
            None
        } else {
            go(i + 1, options, must, room)
        };
        for (m, s) in &options[i] {
            let k = room.iter().position(|r| r.0 == *m).unwrap();
            if room[k].1 > 0 {
                room[k].1 -= 1;
                if let Some((c, t)) = go(i + 1, options, must, room) {
                    best = best.max(Some((c + 1, t + s)));
                }
                room[k].1 += 1;
            }
        }
        best
    }
    let mut room: Vec<(Uuid, u32)> = inp
        .mentors
        .iter()
        .map(|m| (m.person_id, m.capacity.saturating_sub(m.active_mentees)))
        .collect();
    go(0, &options, &must, &mut room).expect("pins are feasible")
}

pub(crate) fn shuffled(inp: &RunInput) -> RunInput {
    let mut s = inp.clone();
    s.mentors.reverse();
    s.mentees.rotate_left(inp.mentees.len() / 2);
    s.mentees.reverse();
    for m in &mut s.mentors {
        m.languages.reverse();
        m.specialties.reverse();
    }
    for m in &mut s.mentees {
        m.unit_chain.reverse();
        m.languages.reverse();
    }
    s.pins.reverse();
    s.forbids.reverse();
    s
}

fn arb_mentor(n: u128) -> impl Strategy<Value = Mentor> {
    (
        (
            prop_oneof![1 => Just(0u32), 4 => 1u32..=2],
            prop::bool::weighted(0.25),
            prop::bool::weighted(0.85),
        ),
        (
            prop::sample::subsequence(vec!["en", "fr", "de"], 1..=2),
            0u8..3,
        ),
        prop::sample::subsequence(vec!["fuel", "ammo", "medical"], 0..=2),
        (
            0u32..25,
            1u8..=9,
            prop::bool::weighted(0.6),
            0u128..2,
            0u128..3,
        ),
        (
            prop::option::of(-120i32..=600),
            prop::option::weighted(0.25, 801u128..=803),
        ),
    )
        .prop_map(
            move |(
                (capacity, active, available),
                (langs, pref),
                specs,
                (years, grade, officer, nation, base),
                (offset, cmd),
            )| Mentor {
                person_id: id(n),
                capacity,
                active_mentees: u32::from(active),
                available,
                preferred_language: ["en", "fr", "de"]
                    .get(pref as usize)
                    .filter(|l| langs.contains(l))
                    .map(|l| l.to_string()),
                languages: langs.into_iter().map(String::from).collect(),
                specialties: specs.into_iter().map(String::from).collect(),
                current_modules: vec!["m1".into()],
                years,
                rank: if officer {
                    RankGrade::Of(grade)
                } else {
                    RankGrade::Or(grade)
                },
                nation_id: id(9000 + nation),
                base_id: (base > 0).then(|| id(7000 + base)),
                utc_offset_minutes: offset,
                commands_units: cmd.map(id).into_iter().collect(),
            },
        )
}

fn arb_mentee(n: u128) -> impl Strategy<Value = Mentee> {
    (
        (
            prop::sample::subsequence(vec!["en", "fr", "de"], 1..=2),
            0u8..4,
        ),
        prop::sample::subsequence(vec!["fuel", "ammo", "medical"], 0..=2),
        prop::sample::subsequence(vec!["m1", "m2"], 0..=2),
        (0u32..12, 1u8..=7, 0u128..2, 0u128..3),
        (prop::option::of(-120i32..=600), 801u128..=803),
    )
        .prop_map(
            move |((langs, pref), wanted, gaps, (years, grade, nation, base), (offset, unit))| {
                Mentee {
                    person_id: id(n),
                    preferred_language: ["en", "fr", "de"]
                        .get(pref as usize)
                        .map(|l| l.to_string()),
                    languages: langs.into_iter().map(String::from).collect(),
                    specialties_wanted: wanted.into_iter().map(String::from).collect(),
                    gap_modules: gaps.into_iter().map(String::from).collect(),
                    years,
                    rank: RankGrade::Or(grade),
                    nation_id: id(9000 + nation),
                    base_id: (base > 0).then(|| id(7000 + base)),
                    utc_offset_minutes: offset,
                    unit_chain: vec![id(unit), id(800)],
                }
            },
        )
}

/// ≤ 4 mentors (ids 1..=4) and ≤ 6 mentees (ids 3..=8, so some people are both), random
/// forbids, weights and seniority gap.
fn arb_input() -> impl Strategy<Value = RunInput> {
    // mostly non-empty pools; empty ones stay possible
    let sizes = prop_oneof![1 => (0usize..=4, 0usize..=6), 6 => (1usize..=4, 1usize..=6)];
    sizes.prop_flat_map(|(nm, nt)| {
        (
            (1..=nm as u128).map(arb_mentor).collect::<Vec<_>>(),
            (3..3 + nt as u128).map(arb_mentee).collect::<Vec<_>>(),
            prop::collection::vec((1u128..=4, 3u128..=8), 0..=3),
            (0u32..=100, 0u32..=100, 0u32..=100, 0u32..=100),
            0u32..=6,
        )
            .prop_map(|(mentors, mentees, forbids, (s, c, p, l), gap)| RunInput {
                mentors,
                mentees,
                weights: Weights {
                    specialty: s,
                    cross_nation: c,
                    proximity: p,
                    language: l,
                },
                min_years_gap: gap,
                pins: vec![],
                forbids: forbids.into_iter().map(|(a, b)| (id(a), id(b))).collect(),
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn the_optimum_equals_brute_force_enumeration(inp in arb_input()) {
        let r = solve(&inp);
        assert_feasible(&inp, &r);
        prop_assert_eq!((r.matched, r.total_score), brute_force(&inp));
        prop_assert_eq!(&r, &solve(&shuffled(&inp)));
    }

    #[test]
    fn the_optimum_with_a_pin_equals_brute_force_enumeration(
        inp in arb_input(),
        pick in any::<prop::sample::Index>(),
    ) {
        let eligible = eligible_pairs(&inp).unwrap();
        let mut inp = inp;
        if !eligible.is_empty() {
            let chosen = &eligible[pick.index(eligible.len())];
            inp.pins = vec![(chosen.mentor_id, chosen.mentee_id)];
        }
        let r = solve(&inp);
        assert_feasible(&inp, &r);
        prop_assert_eq!((r.matched, r.total_score), brute_force(&inp));
    }
}
