//! One matching run: validates the pins, builds the eligible graph, solves it to the optimum
//! and explains the result. Must not import I/O, clocks or randomness.

use uuid::Uuid;

use super::eligibility::Pool;
use super::model::{MatchError, MatchResult, Pair, RunInput, Unmatched};
use super::{explain, flow, score, validated_pool};

/// Solves one run to the proven optimum.
///
/// `progress(done, total)` is called at most about a hundred times, with `done` never
/// decreasing and a last call `done == total` (total = 2 × mentees: building the eligible graph,
/// then matching).
///
/// Fails before solving on invalid weights or ranks, duplicate people, or a pin that names an
/// unknown person, pins a mentee twice, breaks a hard constraint or overfills a mentor.
pub fn run(
    input: &RunInput,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<MatchResult, MatchError> {
    let pool = validated_pool(input)?;
    let (n_mentors, n_mentees) = (pool.mentors.len(), pool.mentees.len());
    let mut report = Progress::new(progress, 2 * n_mentees);
    let pinned = resolve_pins(&pool, &input.pins)?;

    let mut room: Vec<u32> = (0..n_mentors)
        .map(|a| {
            if pool.mentor_open(a) {
                pool.free_capacity(a)
            } else {
                0
            }
        })
        .collect();
    for a in pinned.iter().flatten() {
        room[*a] = room[*a].saturating_sub(1);
    }
    let open: Vec<usize> = (0..n_mentors).filter(|&a| pool.mentor_open(a)).collect();
    let mut eligible_count = vec![0usize; n_mentees];
    let mut graph = flow::Instance {
        caps: room,
        start: Vec::with_capacity(n_mentees + 1),
        right: Vec::new(),
        score: Vec::new(),
    };
    graph.start.push(0);
    for b in 0..n_mentees {
        if pinned[b].is_none() {
            for &a in &open {
                if pool.eligible(a, b) {
                    eligible_count[b] += 1;
                    if graph.caps[a] > 0 {
                        graph.right.push(a as u32);
                        let total = score::total(score::raws(&pool, a, b), &input.weights);
                        // validated weights keep a pair's total within 4 × 100 × 100
                        graph.score.push(u16::try_from(total).unwrap_or(u16::MAX));
                    }
                }
            }
        }
        graph.start.push(graph.right.len());
        report.at(b + 1);
    }

    let mates = flow::solve(&graph, &mut |settled| report.at(n_mentees + settled));

    let mut pairs: Vec<(usize, usize, bool)> = Vec::new();
    let mut unmatched = Vec::new();
    for b in 0..n_mentees {
        match (pinned[b], mates[b]) {
            (Some(a), _) => pairs.push((a, b, true)),
            (None, Some(a)) => pairs.push((a as usize, b, false)),
            (None, None) => unmatched.push(Unmatched {
                mentee_id: pool.mentees[b].person_id,
                reason: explain::reason(&pool, b, eligible_count[b]),
            }),
        }
    }
    pairs.sort_unstable();
    let pairs: Vec<Pair> = pairs
        .into_iter()
        .map(|(a, b, pinned)| Pair {
            mentor_id: pool.mentors[a].person_id,
            mentee_id: pool.mentees[b].person_id,
            pinned,
            breakdown: score::breakdown(score::raws(&pool, a, b), &input.weights),
        })
        .collect();
    report.at(2 * n_mentees);
    Ok(MatchResult {
        matched: pairs.len(),
        total_score: pairs.iter().map(|p| p.breakdown.total).sum(),
        pairs,
        unmatched,
    })
}

/// The pinned mentor of each mentee (by pool index), after checking every pin (identical
/// pins count once).
fn resolve_pins(pool: &Pool<'_>, pins: &[(Uuid, Uuid)]) -> Result<Vec<Option<usize>>, MatchError> {
    let mut pins = pins.to_vec();
    pins.sort_unstable();
    pins.dedup();
    let mut pinned = vec![None; pool.mentees.len()];
    let mut per_mentor = vec![0u32; pool.mentors.len()];
    for (mentor_id, mentee_id) in pins {
        let (Some(a), Some(b)) = (pool.mentor_index(mentor_id), pool.mentee_index(mentee_id))
        else {
            return Err(MatchError::UnknownPin {
                mentor_id,
                mentee_id,
            });
        };
        if pinned[b].is_some() {
            return Err(MatchError::MenteePinnedTwice { mentee_id });
        }
        let broken = pool.broken(a, b);
        if !broken.is_empty() {
            return Err(MatchError::PinBreaksConstraints {
                mentor_id,
                mentee_id,
                constraints: broken.to_vec(),
            });
        }
        pinned[b] = Some(a);
        per_mentor[a] += 1;
    }
    for (a, &pins) in per_mentor.iter().enumerate() {
        let free = pool.free_capacity(a);
        if pins > free {
            return Err(MatchError::PinsExceedCapacity {
                mentor_id: pool.mentors[a].person_id,
                pins,
                free,
            });
        }
    }
    Ok(pinned)
}

/// Forwards progress only when the whole percentage changes, so a caller sees ≤ 101 calls.
struct Progress<'a> {
    sink: &'a mut dyn FnMut(usize, usize),
    total: usize,
    last: Option<usize>,
}

impl<'a> Progress<'a> {
    fn new(sink: &'a mut dyn FnMut(usize, usize), total: usize) -> Self {
        let mut p = Progress {
            sink,
            total,
            last: None,
        };
        p.at(0);
        p
    }

    fn at(&mut self, done: usize) {
        let done = done.min(self.total);
        let pct = (done * 100).checked_div(self.total).unwrap_or(100);
        if self.last.is_none_or(|l| pct > l) {
            self.last = Some(pct);
            (self.sink)(done, self.total);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::eligibility::tests::{id, input, mentee, mentor};
    use super::super::oracle::{assert_feasible, brute_force, pair_ids, shuffled, solve};
    use super::super::*;

    #[test]
    fn pairing_never_exceeds_mentor_capacity() {
        let mut a = mentor(1);
        a.capacity = 3;
        a.active_mentees = 1;
        let inp = input(vec![a], (10..15).map(mentee).collect());
        let r = solve(&inp);
        assert_eq!(r.matched, 2);
        assert_feasible(&inp, &r);
        assert!(r.unmatched.iter().all(|u| u.reason
            == UnmatchedReason::CapacityTaken {
                eligible_mentors: 1
            }));
    }

    #[test]
    fn the_match_count_is_maximised_before_the_score() {
        // mentee 10 scores higher with mentor 1 (cross-nation) but only mentor 1 can take 11
        let mut a = mentor(1);
        a.capacity = 1;
        a.nation_id = id(9002);
        let mut b = mentor(2);
        b.capacity = 1;
        let mut only_a = mentee(11);
        only_a.languages = vec!["fr".into()];
        a.languages.push("fr".into());
        let inp = input(vec![a, b], vec![mentee(10), only_a]);
        let r = solve(&inp);
        assert_eq!(pair_ids(&r), vec![(id(1), id(11)), (id(2), id(10))]);
        assert_eq!(brute_force(&inp), (r.matched, r.total_score));
    }

    #[test]
    fn pins_are_honoured_and_count_against_capacity() {
        let mut a = mentor(1);
        a.capacity = 1;
        a.nation_id = id(9002);
        let mut inp = input(vec![a, mentor(2)], vec![mentee(10), mentee(11)]);
        inp.mentors[1].capacity = 1;
        let free = solve(&inp);
        let pin = (id(1), id(11));
        assert!(!pair_ids(&free).contains(&pin) || free.pairs.iter().all(|p| !p.pinned));
        inp.pins = vec![pin];
        let r = solve(&inp);
        assert_eq!(pair_ids(&r), vec![pin, (id(2), id(10))]);
        assert!(r.pairs[0].pinned && !r.pairs[1].pinned);
        assert_feasible(&inp, &r);
    }

    #[test]
    fn forbidden_pairs_never_appear() {
        let mut inp = input(vec![mentor(1), mentor(2)], vec![mentee(10)]);
        inp.mentors[0].nation_id = id(9002);
        assert_eq!(pair_ids(&solve(&inp)), vec![(id(1), id(10))]);
        inp.forbids = vec![(id(1), id(10))];
        assert_eq!(pair_ids(&solve(&inp)), vec![(id(2), id(10))]);
    }

    #[test]
    fn a_pin_breaking_a_hard_rule_refuses_the_run() {
        let mut a = mentor(1);
        a.languages = vec!["fr".into()];
        let mut inp = input(vec![a, mentor(2)], vec![mentee(10)]);
        inp.pins = vec![(id(1), id(10))];
        assert_eq!(
            run(&inp, &mut |_, _| {}),
            Err(MatchError::PinBreaksConstraints {
                mentor_id: id(1),
                mentee_id: id(10),
                constraints: vec![Constraint::NoSharedLanguage]
            })
        );
        inp.pins = vec![(id(2), id(10))];
        inp.forbids = vec![(id(2), id(10))];
        assert_eq!(
            run(&inp, &mut |_, _| {}),
            Err(MatchError::PinBreaksConstraints {
                mentor_id: id(2),
                mentee_id: id(10),
                constraints: vec![Constraint::Forbidden]
            }),
            "a pinned and forbidden pair is contradictory"
        );
    }

    #[test]
    fn malformed_pins_are_errors() {
        let mut inp = input(vec![mentor(1), mentor(2)], vec![mentee(10), mentee(11)]);
        inp.pins = vec![(id(1), id(99))];
        assert!(matches!(
            run(&inp, &mut |_, _| {}),
            Err(MatchError::UnknownPin { .. })
        ));
        inp.pins = vec![(id(1), id(10)), (id(2), id(10))];
        assert_eq!(
            run(&inp, &mut |_, _| {}),
            Err(MatchError::MenteePinnedTwice { mentee_id: id(10) })
        );
        inp.pins = vec![(id(1), id(10)), (id(1), id(10))];
        assert_eq!(solve(&inp).matched, 2, "an identical pin counts once");
        inp.mentors[0].capacity = 3;
        inp.mentors[0].active_mentees = 2;
        inp.pins = vec![(id(1), id(10)), (id(1), id(11))];
        assert_eq!(
            run(&inp, &mut |_, _| {}),
            Err(MatchError::PinsExceedCapacity {
                mentor_id: id(1),
                pins: 2,
                free: 1
            })
        );
    }

    #[test]
    fn invalid_input_is_refused_before_solving() {
        let mut inp = input(vec![mentor(1)], vec![mentee(10)]);
        inp.weights.proximity = 101;
        let err = MatchError::InvalidWeights {
            fields: vec!["weights.proximity".into()],
        };
        assert_eq!(run(&inp, &mut |_, _| {}), Err(err.clone()));
        assert_eq!(eligible_pairs(&inp), Err(err));
        let mut inp = input(vec![mentor(1)], vec![mentee(10)]);
        inp.mentees[0].rank = RankGrade::Or(10);
        assert_eq!(
            run(&inp, &mut |_, _| {}),
            Err(MatchError::InvalidRank { person_id: id(10) })
        );
        let inp = input(vec![mentor(1), mentor(1)], vec![mentee(10)]);
        assert_eq!(
            run(&inp, &mut |_, _| {}),
            Err(MatchError::DuplicateMentor { person_id: id(1) })
        );
        let inp = input(vec![mentor(1)], vec![mentee(10), mentee(10)]);
        assert_eq!(
            eligible_pairs(&inp),
            Err(MatchError::DuplicateMentee { person_id: id(10) })
        );
    }

    #[test]
    fn unmatched_mentees_carry_their_reason() {
        let mut a = mentor(1);
        a.capacity = 1;
        let mut stranger = mentee(12);
        stranger.languages = vec!["pl".into()];
        let inp = input(vec![a, mentor(2)], vec![mentee(10), mentee(11), stranger]);
        let mut inp = inp;
        inp.mentors[1].available = false;
        let r = solve(&inp);
        assert_feasible(&inp, &r);
        assert_eq!(r.matched, 1);
        let reasons: Vec<_> = r.unmatched.iter().map(|u| u.reason.clone()).collect();
        assert!(reasons.contains(&UnmatchedReason::CapacityTaken {
            eligible_mentors: 1
        }));
        assert_eq!(
            r.unmatched.last().map(|u| (u.mentee_id, u.reason.clone())),
            Some((
                id(12),
                UnmatchedReason::NoEligibleMentor {
                    nearest: vec![
                        NearMiss {
                            mentor_id: id(1),
                            constraints: vec![Constraint::NoSharedLanguage]
                        },
                        NearMiss {
                            mentor_id: id(2),
                            constraints: vec![
                                Constraint::Unavailable,
                                Constraint::NoSharedLanguage
                            ]
                        },
                    ]
                }
            ))
        );
    }

    #[test]
    fn every_pair_carries_the_breakdown_listed_for_auditing() {
        let mut a = mentor(1);
        a.nation_id = id(9002);
        a.specialties = vec!["fuel".into()];
        let mut b = mentee(10);
        b.specialties_wanted = vec!["fuel".into(), "medical".into()];
        let inp = input(vec![a, mentor(2)], vec![b, mentee(11)]);
        let r = solve(&inp);
        let audit = eligible_pairs(&inp).unwrap();
        assert_eq!(audit.len(), 4);
        for p in &r.pairs {
            let listed = audit
                .iter()
                .find(|e| e.mentor_id == p.mentor_id && e.mentee_id == p.mentee_id)
                .unwrap();
            assert_eq!(listed.breakdown, p.breakdown);
        }
        assert_eq!(r.pairs[0].breakdown.specialty.raw, 50);
        assert_eq!(r.pairs[0].breakdown.cross_nation.raw, 100);
    }

    #[test]
    fn progress_is_bounded_monotone_and_complete() {
        let mentors: Vec<Mentor> = (1..=30).map(mentor).collect();
        let mentees: Vec<Mentee> = (100..400).map(mentee).collect();
        let inp = input(mentors, mentees);
        let mut calls = vec![];
        run(&inp, &mut |d, t| calls.push((d, t))).unwrap();
        assert!(calls.len() <= 102, "{} calls", calls.len());
        assert!(calls.windows(2).all(|w| w[0].0 <= w[1].0));
        assert_eq!(calls.last(), Some(&(600, 600)));
    }

    #[test]
    fn equal_input_in_any_order_gives_the_same_result() {
        let mentors: Vec<Mentor> = (1..=6)
            .map(|n| {
                let mut m = mentor(n);
                m.nation_id = id(9000 + n % 3);
                m.capacity = 1 + (n % 2) as u32;
                m
            })
            .collect();
        let mentees: Vec<Mentee> = (100..120).map(mentee).collect();
        let mut inp = input(mentors, mentees);
        inp.forbids = vec![(id(1), id(100)), (id(2), id(101))];
        inp.pins = vec![(id(3), id(105))];
        let first = solve(&inp);
        assert_eq!(first, solve(&inp));
        assert_eq!(first, solve(&shuffled(&inp)));
        assert_feasible(&inp, &first);
    }
}
