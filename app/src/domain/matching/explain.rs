//! Explanations for mentees left unmatched: either no mentor passes the hard constraints (then
//! the nearest misses and what excluded them) or the eligible mentors' capacity is taken.
//! Must not import the solver or I/O.

use super::eligibility::Pool;
use super::model::{NearMiss, UnmatchedReason};

/// How many near-miss mentors an explanation lists at most.
pub const NEAREST_LIMIT: usize = 3;

/// The reason for an unmatched mentee with `eligible_mentors` eligible mentors.
pub(crate) fn reason(pool: &Pool<'_>, mentee: usize, eligible_mentors: usize) -> UnmatchedReason {
    if eligible_mentors > 0 {
        UnmatchedReason::CapacityTaken { eligible_mentors }
    } else {
        UnmatchedReason::NoEligibleMentor {
            nearest: nearest(pool, mentee),
        }
    }
}

/// Up to [`NEAREST_LIMIT`] mentors breaking the fewest hard constraints, ties by mentor id.
fn nearest(pool: &Pool<'_>, mentee: usize) -> Vec<NearMiss> {
    let mut misses: Vec<(u32, usize, _)> = (0..pool.mentors.len())
        .map(|a| {
            let broken = pool.broken(a, mentee);
            (broken.count(), a, broken)
        })
        .collect();
    // mentors are sorted by id, so (count, index) orders ties by id
    misses.sort_by_key(|(count, a, _)| (*count, *a));
    misses
        .into_iter()
        .take(NEAREST_LIMIT)
        .map(|(_, a, broken)| NearMiss {
            mentor_id: pool.mentors[a].person_id,
            constraints: broken.to_vec(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::eligibility::tests::{id, input, mentee, mentor};
    use super::super::model::{Constraint, RankGrade};
    use super::*;

    #[test]
    fn nearest_misses_are_the_mentors_failing_fewest_rules_ties_by_id() {
        let mut far = mentor(10);
        far.available = false;
        far.languages = vec!["fr".into()];
        let mut lang = mentor(40);
        lang.languages = vec!["fr".into()];
        let mut junior = mentor(30);
        junior.rank = RankGrade::Or(1);
        junior.years = 0;
        let mut full = mentor(20);
        full.active_mentees = 2;
        let mut commander = mentor(50);
        commander.commands_units = vec![id(800)];
        let inp = input(vec![far, lang, junior, full, commander], vec![mentee(2)]);
        let pool = Pool::new(&inp);
        let UnmatchedReason::NoEligibleMentor { nearest } = reason(&pool, 0, 0) else {
            panic!("expected no eligible mentor");
        };
        assert_eq!(
            nearest,
            vec![
                NearMiss {
                    mentor_id: id(20),
                    constraints: vec![Constraint::NoFreeCapacity]
                },
                NearMiss {
                    mentor_id: id(30),
                    constraints: vec![Constraint::NotSenior]
                },
                NearMiss {
                    mentor_id: id(40),
                    constraints: vec![Constraint::NoSharedLanguage]
                },
            ]
        );
    }

    #[test]
    fn an_empty_mentor_pool_gives_no_near_misses() {
        let inp = input(vec![], vec![mentee(2)]);
        let pool = Pool::new(&inp);
        assert_eq!(
            reason(&pool, 0, 0),
            UnmatchedReason::NoEligibleMentor { nearest: vec![] }
        );
        assert_eq!(
            reason(&pool, 0, 4),
            UnmatchedReason::CapacityTaken {
                eligible_mentors: 4
            }
        );
    }
}
