//! Readiness at scale: a person's figures from counts that SQL aggregates (no per-row facts),
//! and unit aggregates that add up the unit tree. Must agree exactly with `person_score` and
//! `unit_score`; pure: must not import I/O, a clock, the database or Leptos.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{ModelParams, PersonScore, UnitScore, combine, level};
use crate::domain::org::UnitTree;

/// The four numbers of one person that unit figures are built from.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonFigures {
    pub training: Option<f64>,
    pub exercise: f64,
    pub mentorship: Option<f64>,
    pub score: f64,
    /// Whether the person's unit was rated inside the window.
    pub recent_rating: bool,
}

impl From<&PersonScore> for PersonFigures {
    fn from(p: &PersonScore) -> Self {
        Self {
            training: p.training,
            exercise: p.exercise,
            mentorship: p.mentorship,
            score: p.score,
            recent_rating: p.has_recent_rating(),
        }
    }
}

/// A person's figures from counts: `required` modules of which `valid` have a valid completion,
/// the points sum and count of the unit's ratings inside the window, whether the person is a
/// junior and whether they had an active mentor. Same result as [`super::person_score`].
pub fn person_figures(
    required: u32,
    valid: u32,
    rating_points: f64,
    ratings: u32,
    junior: bool,
    mentor_active: bool,
    params: &ModelParams,
) -> PersonFigures {
    let training =
        (required > 0).then(|| 100.0 * f64::from(valid.min(required)) / f64::from(required));
    let exercise = if ratings == 0 {
        0.0
    } else {
        rating_points / f64::from(ratings)
    };
    let mentorship = junior.then_some(if mentor_active { 100.0 } else { 0.0 });
    PersonFigures {
        training,
        exercise,
        mentorship,
        score: combine(training, exercise, mentorship, params),
        recent_rating: ratings > 0,
    }
}

/// The horizons, in days, of the expiring-soon figures.
pub const HORIZONS: [u32; 3] = [30, 60, 90];

/// What happens to a person's score at each horizon if nothing is renewed: how many of their
/// currently valid required modules lapse by then, and the score that leaves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Outlook {
    pub lapsing: [u32; 3],
    pub projected: [f64; 3],
}

/// The outlook from counts: as [`person_figures`] with `lapsing[h]` of the valid modules gone.
/// Same result as [`super::projected_effect`] at each horizon.
#[expect(
    clippy::too_many_arguments,
    reason = "the counts SQL aggregates, one per argument"
)]
pub fn outlook(
    required: u32,
    valid: u32,
    lapsing: [u32; 3],
    rating_points: f64,
    ratings: u32,
    junior: bool,
    mentor_active: bool,
    params: &ModelParams,
) -> Outlook {
    let mut o = Outlook {
        lapsing,
        projected: [0.0; 3],
    };
    for (i, lapse) in lapsing.iter().enumerate() {
        let left = valid.saturating_sub(*lapse);
        o.projected[i] = person_figures(
            required,
            left,
            rating_points,
            ratings,
            junior,
            mentor_active,
            params,
        )
        .score;
    }
    o
}

/// Sums over a set of people; adding and merging are associative, so a unit's subtree figure
/// is the merge of its own people's and its children's aggregates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UnitAggregate {
    pub people: u64,
    pub score_sum: f64,
    pub training_sum: f64,
    pub training_n: u64,
    pub exercise_sum: f64,
    pub mentorship_sum: f64,
    pub mentorship_n: u64,
    /// People with a defined training component and a recently rated unit.
    pub confident: u64,
    /// Per horizon: people with a module lapsing, modules lapsing, sum of projected scores.
    pub lapse_people: [u64; 3],
    pub lapse_modules: [u64; 3],
    pub projected_sum: [f64; 3],
}

fn mean(sum: f64, n: u64) -> Option<f64> {
    (n > 0).then(|| sum / n as f64)
}

impl UnitAggregate {
    pub fn add(&mut self, p: &PersonFigures) {
        self.people += 1;
        self.score_sum += p.score;
        self.exercise_sum += p.exercise;
        if let Some(t) = p.training {
            self.training_sum += t;
            self.training_n += 1;
        }
        if let Some(m) = p.mentorship {
            self.mentorship_sum += m;
            self.mentorship_n += 1;
        }
        if p.training.is_some() && p.recent_rating {
            self.confident += 1;
        }
    }

    /// Adds a person's outlook (call once per person, beside [`UnitAggregate::add`]).
    pub fn add_outlook(&mut self, o: &Outlook) {
        for i in 0..HORIZONS.len() {
            if o.lapsing[i] > 0 {
                self.lapse_people[i] += 1;
            }
            self.lapse_modules[i] += u64::from(o.lapsing[i]);
            self.projected_sum[i] += o.projected[i];
        }
    }

    /// The mean projected score at horizon `i` (an index into [`HORIZONS`]).
    pub fn projected(&self, i: usize) -> Option<f64> {
        mean(
            self.projected_sum.get(i).copied().unwrap_or(0.0),
            self.people,
        )
    }

    pub fn merge(&mut self, o: &UnitAggregate) {
        self.people += o.people;
        self.score_sum += o.score_sum;
        self.training_sum += o.training_sum;
        self.training_n += o.training_n;
        self.exercise_sum += o.exercise_sum;
        self.mentorship_sum += o.mentorship_sum;
        self.mentorship_n += o.mentorship_n;
        self.confident += o.confident;
        for i in 0..HORIZONS.len() {
            self.lapse_people[i] += o.lapse_people[i];
            self.lapse_modules[i] += o.lapse_modules[i];
            self.projected_sum[i] += o.projected_sum[i];
        }
    }

    /// The unit figures these sums stand for; equals [`super::unit_score`] of the same people.
    pub fn finish(&self, params: &ModelParams) -> UnitScore {
        let score = mean(self.score_sum, self.people);
        UnitScore {
            people: self.people as usize,
            score,
            level: score.map(|s| level(s, params)),
            training: mean(self.training_sum, self.training_n),
            exercise: mean(self.exercise_sum, self.people),
            mentorship: mean(self.mentorship_sum, self.mentorship_n),
            confidence: if self.people == 0 {
                0.0
            } else {
                self.confident as f64 / self.people as f64
            },
        }
    }
}

/// Every unit's subtree aggregate from each unit's own people's aggregate (units without people
/// may be absent from `own`). Units not in `tree` are ignored.
pub fn subtree_aggregates(
    tree: &UnitTree,
    own: &HashMap<Uuid, UnitAggregate>,
) -> HashMap<Uuid, UnitAggregate> {
    let mut out: HashMap<Uuid, UnitAggregate> = HashMap::new();
    for (unit, agg) in own {
        if !tree.contains(*unit) {
            continue;
        }
        for ancestor in tree.ancestors_and_self(*unit) {
            out.entry(ancestor).or_default().merge(agg);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use proptest::prelude::*;

    use super::*;
    use crate::domain::readiness::{
        CompletionFact, PersonFacts, RankGrade, Rating, RatingFact, person_score, unit_score,
    };

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    /// A person built from small random choices, as facts for the model and as counts.
    fn facts(
        n: u128,
        required: u8,
        valid: u8,
        ratings: &[u8],
        junior: bool,
        mentor: bool,
    ) -> PersonFacts {
        let on = day("2026-06-15");
        let required_modules: Vec<Uuid> = (0..u128::from(required)).map(|m| id(1000 + m)).collect();
        let completions = required_modules
            .iter()
            .take(valid as usize)
            .map(|m| CompletionFact {
                module_id: *m,
                completed_on: day("2026-01-10"),
                expires_on: None,
            })
            .collect();
        let unit_ratings = ratings
            .iter()
            .enumerate()
            .map(|(i, r)| RatingFact {
                exercise_id: id(5000),
                objective_id: id(6000 + i as u128),
                completed_on: day("2026-03-01"),
                rating: [Rating::Trained, Rating::Practiced, Rating::Untrained][*r as usize % 3],
            })
            .collect();
        PersonFacts {
            person_id: id(n),
            rank: if junior {
                RankGrade::Or(3)
            } else {
                RankGrade::Of(4)
            },
            required_modules,
            completions,
            unit_ratings,
            mentor_since: if mentor { vec![(on, None)] } else { Vec::new() },
        }
    }

    fn close(a: Option<f64>, b: Option<f64>) -> bool {
        match (a, b) {
            (None, None) => true,
            (Some(x), Some(y)) => (x - y).abs() < 1e-9,
            _ => false,
        }
    }

    proptest! {
        #[test]
        fn figures_from_counts_equal_the_model(
            required in 0u8..6, valid in 0u8..6, ratings in prop::collection::vec(0u8..3, 0..5),
            junior: bool, mentor: bool,
        ) {
            let params = ModelParams::default();
            let on = day("2026-06-15");
            let f = facts(1, required, valid.min(required), &ratings, junior, mentor);
            let model = person_score(&f, on, &params);
            let points: f64 = f.unit_ratings.iter().map(|r| r.rating.points()).sum();
            let counted = person_figures(
                u32::from(required), u32::from(valid.min(required)), points, ratings.len() as u32,
                junior, mentor, &params,
            );
            prop_assert_eq!(counted, PersonFigures::from(&model));
        }

        #[test]
        fn aggregates_equal_unit_score(people in prop::collection::vec(
            (0u8..5, 0u8..5, prop::collection::vec(0u8..3, 0..3), any::<bool>(), any::<bool>()), 0..12)
        ) {
            let params = ModelParams::default();
            let on = day("2026-06-15");
            let scores: Vec<PersonScore> = people.iter().enumerate().map(|(i, (r, v, rt, j, m))| {
                person_score(&facts(i as u128, *r, (*v).min(*r), rt, *j, *m), on, &params)
            }).collect();
            let expected = unit_score(&scores, &params);
            let mut agg = UnitAggregate::default();
            for s in &scores {
                agg.add(&PersonFigures::from(s));
            }
            let got = agg.finish(&params);
            prop_assert_eq!(got.people, expected.people);
            prop_assert_eq!(got.level, expected.level);
            prop_assert!(close(got.score, expected.score));
            prop_assert!(close(got.training, expected.training));
            prop_assert!(close(got.exercise, expected.exercise));
            prop_assert!(close(got.mentorship, expected.mentorship));
            prop_assert!((got.confidence - expected.confidence).abs() < 1e-12);
        }
    }

    #[test]
    fn outlook_from_counts_equals_the_projection() {
        let params = ModelParams::default();
        let on = day("2026-06-15");
        let (m1, m2, m3) = (id(1), id(2), id(3));
        let facts = PersonFacts {
            person_id: id(9),
            rank: RankGrade::Or(2),
            required_modules: vec![m1, m2, m3],
            completions: vec![
                // lapses in 20 days, renewed by nothing
                CompletionFact {
                    module_id: m1,
                    completed_on: day("2025-07-05"),
                    expires_on: Some(day("2026-07-05")),
                },
                // lapses in 50 days but a later completion holds until 2027
                CompletionFact {
                    module_id: m2,
                    completed_on: day("2025-08-04"),
                    expires_on: Some(day("2026-08-04")),
                },
                CompletionFact {
                    module_id: m2,
                    completed_on: day("2026-06-01"),
                    expires_on: Some(day("2027-06-01")),
                },
                // lapses exactly on day 90
                CompletionFact {
                    module_id: m3,
                    completed_on: day("2025-09-13"),
                    expires_on: Some(day("2026-09-13")),
                },
            ],
            unit_ratings: vec![],
            mentor_since: vec![],
        };
        let o = outlook(3, 3, [1, 1, 2], 0.0, 0, true, false, &params);
        for (i, days) in HORIZONS.iter().enumerate() {
            let horizon = on + chrono::Days::new(u64::from(*days));
            let p = crate::domain::readiness::projected_effect(&facts, on, horizon, &params);
            assert_eq!(p.lapsing.len() as u32, o.lapsing[i], "{days} days");
            assert!(
                (p.projected_score - o.projected[i]).abs() < 1e-9,
                "{days} days"
            );
        }
        let mut agg = UnitAggregate::default();
        agg.add_outlook(&o);
        assert_eq!(agg.lapse_people, [1, 1, 1]);
        assert_eq!(agg.lapse_modules, [1, 1, 2]);
    }

    #[test]
    fn subtree_aggregates_add_children_into_every_ancestor() {
        let (brigade, battalion, company, other) = (id(1), id(2), id(3), id(4));
        let tree = UnitTree::new([
            (brigade, None),
            (battalion, Some(brigade)),
            (company, Some(battalion)),
            (other, None),
        ]);
        let params = ModelParams::default();
        let person = |score: f64| PersonFigures {
            training: Some(score),
            exercise: score,
            mentorship: None,
            score,
            recent_rating: true,
        };
        let mut own = HashMap::new();
        let mut a = UnitAggregate::default();
        a.add(&person(80.0));
        own.insert(company, a);
        let mut b = UnitAggregate::default();
        b.add(&person(40.0));
        own.insert(brigade, b);
        own.insert(id(99), a); // not in the tree: ignored
        let sub = subtree_aggregates(&tree, &own);
        assert_eq!(sub[&company].people, 1);
        assert_eq!(sub[&battalion].people, 1);
        assert_eq!(sub[&brigade].people, 2);
        assert_eq!(sub[&brigade].finish(&params).score, Some(60.0));
        assert!(!sub.contains_key(&other));
        assert_eq!(UnitAggregate::default().finish(&params).score, None);
    }
}
