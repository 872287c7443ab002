//! Readiness scores that explain themselves (training, exercise, mentorship); pure: must not import
//! I/O, a clock, the database, Leptos or anything under `crate::server`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

mod params;
mod rollup;

pub use params::{
    Level, ModelParams, ParamsError, RankGrade, RankParseError, add_months, format_score, level,
    round_one_decimal,
};
pub use rollup::{
    HORIZONS, Outlook, PersonFigures, UnitAggregate, outlook, person_figures, subtree_aggregates,
};

/// An exercise objective rating: T(rained) = 100, P(racticed) = 50, U(ntrained) = 0 points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Trained,
    Practiced,
    Untrained,
}

impl Rating {
    /// Points the rating is worth in the exercise component.
    pub fn points(self) -> f64 {
        match self {
            Self::Trained => 100.0,
            Self::Practiced => 50.0,
            Self::Untrained => 0.0,
        }
    }

    /// The letter shown on the evaluation sheet.
    pub fn letter(self) -> char {
        match self {
            Self::Trained => 'T',
            Self::Practiced => 'P',
            Self::Untrained => 'U',
        }
    }
}

/// One completion of a module; `expires_on` is the first day it is no longer valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompletionFact {
    pub module_id: Uuid,
    pub completed_on: NaiveDate,
    pub expires_on: Option<NaiveDate>,
}

/// One objective rating given to the person's unit; `completed_on` is the exercise's end date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingFact {
    pub exercise_id: Uuid,
    pub objective_id: Uuid,
    pub completed_on: NaiveDate,
    pub rating: Rating,
}

/// Everything the model needs about one person, loaded by the caller.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonFacts {
    pub person_id: Uuid,
    pub rank: RankGrade,
    /// Modules of every curriculum assigned to the person (duplicates are ignored).
    pub required_modules: Vec<Uuid>,
    pub completions: Vec<CompletionFact>,
    /// All ratings of the person's unit; the model keeps those in the window.
    pub unit_ratings: Vec<RatingFact>,
    /// Mentor pairing spans `[start, end)`; `None` = still running.
    pub mentor_since: Vec<(NaiveDate, Option<NaiveDate>)>,
}

/// A module and the day its (latest) completion stops or stopped being valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleExpiry {
    pub module_id: Uuid,
    pub expires_on: NaiveDate,
}

/// Whether the mentorship component applies and is met.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentorStatus {
    /// Not a junior: the component is undefined.
    NotApplicable,
    /// A junior with a running pairing; `since` is the start of the earliest running one.
    Active { since: NaiveDate },
    /// A junior without a mentor on the day.
    NoMentor,
}

/// Why a person scores what they score, for the commander's drill-down.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Required modules with a valid completion, sorted.
    pub valid_modules: Vec<Uuid>,
    /// Required modules never completed on or before the day, sorted.
    pub missing_modules: Vec<Uuid>,
    /// Required modules whose every completion has expired, with the latest expiry, sorted.
    pub expired_modules: Vec<ModuleExpiry>,
    /// First day of the exercise window is the day after this one.
    pub window_after: NaiveDate,
    /// Ratings inside the window, by date then exercise then objective.
    pub ratings_counted: Vec<RatingFact>,
    /// The P and U ratings among them.
    pub low_ratings: Vec<RatingFact>,
    pub mentor: MentorStatus,
}

/// A person's components (0..=100, `None` = undefined) and weighted score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonScore {
    pub person_id: Uuid,
    pub training: Option<f64>,
    pub exercise: f64,
    pub mentorship: Option<f64>,
    pub score: f64,
    pub evidence: Evidence,
}

impl PersonScore {
    /// Whether the person's unit was rated inside the window (half of the confidence test).
    pub fn has_recent_rating(&self) -> bool {
        !self.evidence.ratings_counted.is_empty()
    }
}

/// A unit subtree's aggregate: means over its people, `None` where nobody contributes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitScore {
    pub people: usize,
    pub score: Option<f64>,
    pub level: Option<Level>,
    pub training: Option<f64>,
    pub exercise: Option<f64>,
    pub mentorship: Option<f64>,
    /// Share (0..=1) of people with a defined training component and a recently rated unit.
    pub confidence: f64,
}

/// What a person's score becomes at `horizon` once the modules expiring by then have lapsed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Projection {
    pub person_id: Uuid,
    pub horizon: NaiveDate,
    /// Modules valid today and no longer valid at the horizon, by expiry then id.
    pub lapsing: Vec<ModuleExpiry>,
    pub current_score: f64,
    pub projected_training: Option<f64>,
    pub projected_score: f64,
}

struct TrainingCheck {
    required: usize,
    valid: Vec<Uuid>,
    missing: Vec<Uuid>,
    expired: Vec<ModuleExpiry>,
}

impl TrainingCheck {
    fn component(&self) -> Option<f64> {
        (self.required > 0).then(|| 100.0 * self.valid.len() as f64 / self.required as f64)
    }
}

/// Training as of `on`, counting only completions recorded on or before `recorded_by`.
fn check_training(facts: &PersonFacts, recorded_by: NaiveDate, on: NaiveDate) -> TrainingCheck {
    let required: BTreeSet<Uuid> = facts.required_modules.iter().copied().collect();
    let mut by_module: BTreeMap<Uuid, Vec<&CompletionFact>> = BTreeMap::new();
    for c in &facts.completions {
        if c.completed_on <= recorded_by && c.completed_on <= on {
            by_module.entry(c.module_id).or_default().push(c);
        }
    }
    let mut check = TrainingCheck {
        required: required.len(),
        valid: Vec::new(),
        missing: Vec::new(),
        expired: Vec::new(),
    };
    for module_id in required {
        let Some(done) = by_module.get(&module_id) else {
            check.missing.push(module_id);
            continue;
        };
        if done.iter().any(|c| c.expires_on.is_none_or(|x| on < x)) {
            check.valid.push(module_id);
        } else if let Some(expires_on) = done.iter().filter_map(|c| c.expires_on).max() {
            check.expired.push(ModuleExpiry {
                module_id,
                expires_on,
            });
        }
    }
    check
}

fn mentor_status(facts: &PersonFacts, on: NaiveDate) -> MentorStatus {
    if !facts.rank.is_junior() {
        return MentorStatus::NotApplicable;
    }
    facts
        .mentor_since
        .iter()
        .filter(|(start, end)| *start <= on && end.is_none_or(|e| on < e))
        .map(|(start, _)| *start)
        .min()
        .map_or(MentorStatus::NoMentor, |since| MentorStatus::Active {
            since,
        })
}

/// Weighted mean of the defined components, weights renormalised over them; if their weights sum
/// to zero (only possible with non-default parameters) the plain mean of the defined ones.
pub fn combine(
    training: Option<f64>,
    exercise: f64,
    mentorship: Option<f64>,
    p: &ModelParams,
) -> f64 {
    let parts: Vec<(f64, f64)> = [
        training.map(|t| (t, p.weight_training)),
        Some((exercise, p.weight_exercise)),
        mentorship.map(|m| (m, p.weight_mentorship)),
    ]
    .into_iter()
    .flatten()
    .collect();
    let total: f64 = parts.iter().map(|(_, w)| w).sum();
    if total > 0.0 {
        parts.iter().map(|(v, w)| v * w).sum::<f64>() / total
    } else {
        parts.iter().map(|(v, _)| v).sum::<f64>() / parts.len() as f64
    }
}

/// Scores one person on day `on`, with the evidence behind every component. Never fails;
/// expects parameters that passed [`ModelParams::validate`].
pub fn person_score(facts: &PersonFacts, on: NaiveDate, params: &ModelParams) -> PersonScore {
    let check = check_training(facts, on, on);
    let training = check.component();

    let window_after = add_months(on, -(params.window_months.min(i32::MAX as u32) as i32));
    let mut ratings_counted: Vec<RatingFact> = facts
        .unit_ratings
        .iter()
        .filter(|r| window_after < r.completed_on && r.completed_on <= on)
        .copied()
        .collect();
    ratings_counted.sort_by_key(|r| (r.completed_on, r.exercise_id, r.objective_id, r.rating));
    let exercise = if ratings_counted.is_empty() {
        0.0
    } else {
        ratings_counted
            .iter()
            .map(|r| r.rating.points())
            .sum::<f64>()
            / ratings_counted.len() as f64
    };
    let low_ratings = ratings_counted
        .iter()
        .filter(|r| r.rating != Rating::Trained)
        .copied()
        .collect();

    let mentor = mentor_status(facts, on);
    let mentorship = match mentor {
        MentorStatus::NotApplicable => None,
        MentorStatus::Active { .. } => Some(100.0),
        MentorStatus::NoMentor => Some(0.0),
    };

    PersonScore {
        person_id: facts.person_id,
        training,
        exercise,
        mentorship,
        score: combine(training, exercise, mentorship, params),
        evidence: Evidence {
            valid_modules: check.valid,
            missing_modules: check.missing,
            expired_modules: check.expired,
            window_after,
            ratings_counted,
            low_ratings,
            mentor,
        },
    }
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// Aggregates the scores of everyone in a unit's subtree. An empty slice gives no score, no
/// level and confidence 0.
pub fn unit_score(people: &[PersonScore], params: &ModelParams) -> UnitScore {
    let score = mean(people.iter().map(|p| p.score));
    let confident = people
        .iter()
        .filter(|p| p.training.is_some() && p.has_recent_rating())
        .count();
    UnitScore {
        people: people.len(),
        score,
        level: score.map(|s| level(s, params)),
        training: mean(people.iter().filter_map(|p| p.training)),
        exercise: mean(people.iter().map(|p| p.exercise)),
        mentorship: mean(people.iter().filter_map(|p| p.mentorship)),
        confidence: if people.is_empty() {
            0.0
        } else {
            confident as f64 / people.len() as f64
        },
    }
}

/// The score at `horizon` if nothing is renewed: completions recorded after `on` are ignored,
/// modules expiring on or before `horizon` lapse, exercise and mentorship stay as on `on`.
/// A horizon before `on` is treated as `on` (nothing lapses).
pub fn projected_effect(
    facts: &PersonFacts,
    on: NaiveDate,
    horizon: NaiveDate,
    params: &ModelParams,
) -> Projection {
    let horizon = horizon.max(on);
    let current = person_score(facts, on, params);
    let later = check_training(facts, on, horizon);
    let valid_now: BTreeSet<Uuid> = current.evidence.valid_modules.iter().copied().collect();
    let mut lapsing: Vec<ModuleExpiry> = later
        .expired
        .iter()
        .filter(|e| valid_now.contains(&e.module_id))
        .copied()
        .collect();
    lapsing.sort_by_key(|e| (e.expires_on, e.module_id));
    let projected_training = later.component();
    Projection {
        person_id: facts.person_id,
        horizon,
        lapsing,
        current_score: current.score,
        projected_training,
        projected_score: combine(
            projected_training,
            current.exercise,
            current.mentorship,
            params,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn facts(rank: &str) -> PersonFacts {
        PersonFacts {
            person_id: id(999),
            rank: RankGrade::parse(rank).unwrap(),
            required_modules: Vec::new(),
            completions: Vec::new(),
            unit_ratings: Vec::new(),
            mentor_since: Vec::new(),
        }
    }

    fn done(module: u128, on: NaiveDate, expires: Option<NaiveDate>) -> CompletionFact {
        CompletionFact {
            module_id: id(module),
            completed_on: on,
            expires_on: expires,
        }
    }

    fn rated(objective: u128, on: NaiveDate, rating: Rating) -> RatingFact {
        RatingFact {
            exercise_id: id(500),
            objective_id: id(objective),
            completed_on: on,
            rating,
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn score_on(f: &PersonFacts, on: NaiveDate) -> PersonScore {
        person_score(f, on, &ModelParams::default())
    }

    #[test]
    fn a_completion_is_expired_on_its_expiry_day_and_valid_the_day_before() {
        let mut f = facts("OF-4");
        f.required_modules = vec![id(1)];
        f.completions = vec![done(1, d(2024, 1, 1), Some(d(2025, 3, 1)))];
        assert_eq!(score_on(&f, d(2025, 2, 28)).training, Some(100.0));
        let s = score_on(&f, d(2025, 3, 1));
        assert_eq!(s.training, Some(0.0));
        assert_eq!(
            s.evidence.expired_modules,
            vec![ModuleExpiry {
                module_id: id(1),
                expires_on: d(2025, 3, 1)
            }]
        );
        assert!(s.evidence.missing_modules.is_empty());
    }

    #[test]
    fn a_completion_counts_on_its_own_day_but_not_before() {
        let mut f = facts("OF-4");
        f.required_modules = vec![id(1)];
        f.completions = vec![done(1, d(2025, 5, 10), None)];
        assert_eq!(score_on(&f, d(2025, 5, 10)).training, Some(100.0));
        let before = score_on(&f, d(2025, 5, 9));
        assert_eq!(before.training, Some(0.0));
        assert_eq!(before.evidence.missing_modules, vec![id(1)]);
    }

    #[test]
    fn any_valid_completion_of_a_module_makes_it_valid_and_no_expiry_never_expires() {
        let mut f = facts("OF-4");
        f.required_modules = vec![id(1), id(2)];
        f.completions = vec![
            done(1, d(2020, 1, 1), Some(d(2021, 1, 1))),
            done(1, d(2024, 1, 1), Some(d(2026, 1, 1))),
            done(2, d(1990, 1, 1), None),
        ];
        let s = score_on(&f, d(2025, 6, 1));
        assert_eq!(s.training, Some(100.0));
        assert_eq!(s.evidence.valid_modules, vec![id(1), id(2)]);
    }

    #[test]
    fn training_is_the_share_of_distinct_required_modules_and_lists_what_is_missing() {
        let mut f = facts("OF-4");
        f.required_modules = vec![id(4), id(1), id(2), id(3), id(1)];
        f.completions = vec![
            done(1, d(2025, 1, 1), None),
            done(2, d(2025, 1, 1), None),
            done(3, d(2024, 1, 1), Some(d(2025, 1, 1))),
            done(9, d(2025, 1, 1), None),
        ];
        let s = score_on(&f, d(2025, 6, 1));
        assert_eq!(s.training, Some(50.0));
        assert_eq!(s.evidence.missing_modules, vec![id(4)]);
        assert_eq!(s.evidence.expired_modules[0].module_id, id(3));
    }

    #[test]
    fn exactly_twelve_months_before_is_outside_the_window_and_the_day_itself_inside() {
        let on = d(2025, 3, 31);
        let mut f = facts("OF-4");
        f.unit_ratings = vec![
            rated(1, d(2024, 3, 31), Rating::Untrained),
            rated(2, d(2024, 4, 1), Rating::Trained),
            rated(3, d(2025, 4, 1), Rating::Untrained),
        ];
        let s = score_on(&f, on);
        assert_eq!(s.evidence.window_after, d(2024, 3, 31));
        assert_eq!(s.exercise, 100.0);
        f.unit_ratings.push(rated(4, on, Rating::Practiced));
        let s = score_on(&f, on);
        assert_eq!(s.exercise, 75.0);
        assert_eq!(s.evidence.ratings_counted.len(), 2);
        assert_eq!(
            s.evidence.low_ratings,
            vec![rated(4, on, Rating::Practiced)]
        );
    }

    #[test]
    fn on_a_leap_day_the_window_starts_after_the_clamped_month_end() {
        let mut f = facts("OF-4");
        f.unit_ratings = vec![
            rated(1, d(2023, 2, 28), Rating::Untrained),
            rated(2, d(2023, 3, 1), Rating::Practiced),
        ];
        let s = score_on(&f, d(2024, 2, 29));
        assert_eq!(s.evidence.window_after, d(2023, 2, 28));
        assert_eq!(s.exercise, 50.0);
    }

    #[test]
    fn an_unexercised_unit_scores_zero_and_ratings_average_their_points() {
        let mut f = facts("OF-4");
        assert_eq!(score_on(&f, d(2025, 1, 1)).exercise, 0.0);
        f.unit_ratings = vec![
            rated(1, d(2024, 6, 1), Rating::Trained),
            rated(2, d(2024, 6, 1), Rating::Practiced),
            rated(3, d(2024, 6, 1), Rating::Untrained),
        ];
        let s = score_on(&f, d(2025, 1, 1));
        assert_eq!(s.exercise, 50.0);
        assert_eq!(s.evidence.low_ratings.len(), 2);
    }

    #[test]
    fn a_junior_needs_a_mentor_active_on_the_day_within_start_inclusive_end_exclusive() {
        let mut f = facts("OR-3");
        f.mentor_since = vec![(d(2024, 1, 1), Some(d(2025, 1, 1)))];
        assert_eq!(score_on(&f, d(2024, 1, 1)).mentorship, Some(100.0));
        assert_eq!(score_on(&f, d(2023, 12, 31)).mentorship, Some(0.0));
        let ended = score_on(&f, d(2025, 1, 1));
        assert_eq!(ended.mentorship, Some(0.0));
        assert_eq!(ended.evidence.mentor, MentorStatus::NoMentor);
        f.mentor_since.push((d(2024, 6, 1), None));
        assert_eq!(
            score_on(&f, d(2030, 1, 1)).evidence.mentor,
            MentorStatus::Active {
                since: d(2024, 6, 1)
            }
        );
    }

    #[test]
    fn weights_are_renormalised_over_the_defined_components() {
        let on = d(2025, 6, 1);
        let mut junior = facts("OR-5");
        junior.unit_ratings = vec![rated(1, d(2025, 1, 1), Rating::Practiced)];
        junior.mentor_since = vec![(d(2025, 1, 1), None)];
        // T undefined: (30·50 + 10·100) / 40
        assert!(close(score_on(&junior, on).score, 62.5));

        let mut senior = facts("OR-6");
        senior.required_modules = vec![id(1)];
        senior.completions = vec![done(1, d(2025, 1, 1), None)];
        senior.unit_ratings = junior.unit_ratings.clone();
        let s = score_on(&senior, on);
        assert_eq!(s.mentorship, None);
        // M undefined: (60·100 + 30·50) / 90
        assert!(close(s.score, 7500.0 / 90.0));
        assert_eq!(format_score(s.score), "83.3");

        let mut all = junior.clone();
        all.required_modules = vec![id(1), id(2), id(3), id(4)];
        all.completions = vec![
            done(1, d(2025, 1, 1), None),
            done(2, d(2025, 1, 1), None),
            done(3, d(2025, 1, 1), None),
        ];
        all.mentor_since.clear();
        // (60·75 + 30·50 + 10·0) / 100
        assert!(close(score_on(&all, on).score, 60.0));
    }

    #[test]
    fn zero_weights_over_the_defined_components_fall_back_to_their_plain_mean() {
        let params = ModelParams {
            weight_exercise: 0.0,
            ..ModelParams::default()
        };
        let mut f = facts("OF-5");
        f.unit_ratings = vec![rated(1, d(2025, 1, 1), Rating::Practiced)];
        assert_eq!(person_score(&f, d(2025, 2, 1), &params).score, 50.0);
    }

    #[test]
    fn an_empty_unit_has_no_score_no_level_and_no_confidence() {
        let u = unit_score(&[], &ModelParams::default());
        assert_eq!(u.people, 0);
        assert_eq!((u.score, u.level, u.exercise), (None, None, None));
        assert_eq!(u.confidence, 0.0);
    }

    #[test]
    fn unit_components_average_only_the_people_they_are_defined_for() {
        let on = d(2025, 6, 1);
        let mut a = facts("OR-2");
        a.required_modules = vec![id(1)];
        a.completions = vec![done(1, d(2025, 1, 1), None)];
        a.unit_ratings = vec![rated(1, d(2025, 1, 1), Rating::Trained)];
        let mut b = facts("OF-6");
        b.unit_ratings = vec![rated(1, d(2025, 1, 1), Rating::Untrained)];
        let c = facts("OF-7");
        let scores: Vec<PersonScore> = [&a, &b, &c].iter().map(|f| score_on(f, on)).collect();
        let u = unit_score(&scores, &ModelParams::default());
        // a: (60·100 + 30·100 + 10·0)/100 = 90; b: 0; c: 0
        assert_eq!(u.people, 3);
        assert!(close(u.score.unwrap(), 30.0));
        assert_eq!(u.level, Some(Level::R4));
        assert_eq!(u.training, Some(100.0));
        assert_eq!(u.mentorship, Some(0.0));
        assert!(close(u.exercise.unwrap(), 100.0 / 3.0));
        assert!(close(u.confidence, 1.0 / 3.0));

        let seniors = unit_score(&scores[1..], &ModelParams::default());
        assert_eq!((seniors.training, seniors.mentorship), (None, None));
        assert_eq!(seniors.confidence, 0.0);
    }

    #[test]
    fn confidence_needs_both_defined_training_and_a_recent_unit_rating() {
        let on = d(2025, 6, 1);
        let recent = vec![rated(1, d(2025, 1, 1), Rating::Trained)];
        let stale = vec![rated(1, d(2024, 6, 1), Rating::Trained)];
        let people: Vec<PersonScore> = [
            (vec![id(1)], recent.clone()),
            (vec![id(1)], recent.clone()),
            (vec![], recent),
            (vec![id(1)], stale),
        ]
        .into_iter()
        .map(|(required, ratings)| {
            let mut f = facts("OF-4");
            f.required_modules = required;
            f.unit_ratings = ratings;
            score_on(&f, on)
        })
        .collect();
        assert!(close(
            unit_score(&people, &ModelParams::default()).confidence,
            0.5
        ));
    }

    #[test]
    fn the_projection_lapses_modules_expiring_by_the_horizon_inclusive() {
        let on = d(2025, 6, 1);
        let mut f = facts("OF-4");
        f.required_modules = vec![id(1), id(2), id(3), id(4)];
        f.completions = vec![
            done(1, d(2024, 1, 1), Some(d(2025, 6, 21))),
            done(2, d(2024, 1, 1), Some(d(2025, 7, 1))),
            done(3, d(2024, 1, 1), Some(d(2025, 7, 2))),
            done(4, d(2024, 1, 1), Some(d(2025, 5, 1))),
            done(1, d(2025, 6, 10), None),
        ];
        f.unit_ratings = vec![rated(1, d(2025, 1, 1), Rating::Trained)];
        let p = projected_effect(&f, on, d(2025, 7, 1), &ModelParams::default());
        let lapsing: Vec<Uuid> = p.lapsing.iter().map(|e| e.module_id).collect();
        assert_eq!(lapsing, vec![id(1), id(2)]);
        assert_eq!(p.projected_training, Some(25.0));
        // now T = 75: (60·75 + 30·100)/90; then T = 25: (60·25 + 30·100)/90
        assert!(close(p.current_score, 7500.0 / 90.0));
        assert!(close(p.projected_score, 4500.0 / 90.0));

        let back = projected_effect(&f, on, d(2025, 1, 1), &ModelParams::default());
        assert_eq!(back.horizon, on);
        assert!(back.lapsing.is_empty());
        assert!(close(back.projected_score, back.current_score));
    }

    proptest! {
        #[test]
        fn a_score_is_between_its_components_and_a_unit_of_one_equals_its_person(
            required in proptest::collection::vec(0u128..4, 0..4),
            completions in proptest::collection::vec((0u128..4, 0i64..60, proptest::option::of(0i64..60)), 0..6),
            ratings in proptest::collection::vec((0i64..500, 0usize..3), 0..5),
            rank in prop_oneof![Just("OR-2"), Just("OF-5")],
            mentor in proptest::option::of((0i64..60, proptest::option::of(0i64..60))),
        ) {
            let base = d(2025, 1, 1);
            let day = |n: i64| base + chrono::Days::new(n as u64);
            let on = day(30);
            let mut f = facts(rank);
            f.required_modules = required.iter().map(|&m| id(m)).collect();
            f.completions = completions.iter().map(|&(m, c, x)| done(m, day(c), x.map(day))).collect();
            let letters = [Rating::Trained, Rating::Practiced, Rating::Untrained];
            f.unit_ratings = ratings.iter().map(|&(ago, r)| rated(1, on - chrono::Days::new(ago as u64), letters[r])).collect();
            f.mentor_since = mentor.iter().map(|&(s, e)| (day(s), e.map(day))).collect();
            let s = score_on(&f, on);
            let parts: Vec<f64> = [s.training, Some(s.exercise), s.mentorship].into_iter().flatten().collect();
            let lo = parts.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = parts.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            prop_assert!(lo - 1e-9 <= s.score && s.score <= hi + 1e-9);
            let distinct: BTreeSet<Uuid> = f.required_modules.iter().copied().collect();
            prop_assert_eq!(
                s.evidence.valid_modules.len() + s.evidence.missing_modules.len() + s.evidence.expired_modules.len(),
                distinct.len()
            );
            let u = unit_score(std::slice::from_ref(&s), &ModelParams::default());
            prop_assert_eq!(u.score, Some(s.score));
            prop_assert_eq!(u.training, s.training);
        }
    }
}
