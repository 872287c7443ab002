//! Mentor matching data: profiles, run input, weights, hard constraints, score breakdowns,
//! results and errors. Plain data only; must not import I/O, clocks, randomness or the solver.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use crate::domain::rank::{RankGrade, RankParseError};

/// A mentor's profile joined with the person's rank, nation, base and commands.
/// The preferred language counts as one of the working languages; languages, specialties and
/// modules compare trimmed and case-insensitively.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mentor {
    pub person_id: Uuid,
    /// Maximum number of active mentees.
    pub capacity: u32,
    /// Mentees already paired outside this run.
    pub active_mentees: u32,
    pub available: bool,
    pub languages: Vec<String>,
    pub specialties: Vec<String>,
    /// Training modules the mentor currently holds (completed, not expired).
    pub current_modules: Vec<String>,
    /// Years in logistics.
    pub years: u32,
    pub rank: RankGrade,
    pub nation_id: Uuid,
    pub base_id: Option<Uuid>,
    pub utc_offset_minutes: Option<i32>,
    /// Units this person commands.
    pub commands_units: Vec<Uuid>,
    pub preferred_language: Option<String>,
}

/// A mentee's profile joined with the person's rank, nation, base and unit chain.
/// The preferred language counts as one of the working languages; languages, specialties and
/// modules compare trimmed and case-insensitively.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mentee {
    pub person_id: Uuid,
    pub languages: Vec<String>,
    pub specialties_wanted: Vec<String>,
    /// Training modules the mentee has not completed or whose completion expired.
    pub gap_modules: Vec<String>,
    /// Years in logistics.
    pub years: u32,
    pub rank: RankGrade,
    pub nation_id: Uuid,
    pub base_id: Option<Uuid>,
    pub utc_offset_minutes: Option<i32>,
    /// The mentee's own unit and every unit above it.
    pub unit_chain: Vec<Uuid>,
    pub preferred_language: Option<String>,
}

/// Per-run weights of the soft score components; each must lie in 0..=100.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Weights {
    pub specialty: u32,
    pub cross_nation: u32,
    pub proximity: u32,
    pub language: u32,
}

/// The largest accepted weight.
pub const MAX_WEIGHT: u32 = 100;

/// The default extra years in logistics that make a mentor senior without a higher rank.
pub const DEFAULT_MIN_YEARS_GAP: u32 = 5;

impl Default for Weights {
    /// Specialty fit 50, cross-nation 20, proximity 15, preferred language 15.
    fn default() -> Self {
        Weights {
            specialty: 50,
            cross_nation: 20,
            proximity: 15,
            language: 15,
        }
    }
}

impl Weights {
    /// Checks every weight is in 0..=100. Fails with [`MatchError::InvalidWeights`] naming every
    /// offending field as `weights.<name>`.
    pub fn validate(&self) -> Result<(), MatchError> {
        let fields: Vec<String> = [
            ("weights.specialty", self.specialty),
            ("weights.cross_nation", self.cross_nation),
            ("weights.proximity", self.proximity),
            ("weights.language", self.language),
        ]
        .into_iter()
        .filter(|(_, w)| *w > MAX_WEIGHT)
        .map(|(name, _)| name.to_string())
        .collect();
        if fields.is_empty() {
            Ok(())
        } else {
            Err(MatchError::InvalidWeights { fields })
        }
    }
}

/// Everything one matching run needs: the pool, the weights and the operator's rules.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunInput {
    pub mentors: Vec<Mentor>,
    pub mentees: Vec<Mentee>,
    pub weights: Weights,
    /// Extra years in logistics that make a mentor senior without a higher rank.
    pub min_years_gap: u32,
    /// `(mentor, mentee)` pairs that must appear in the result.
    pub pins: Vec<(Uuid, Uuid)>,
    /// `(mentor, mentee)` pairs that must not be proposed.
    pub forbids: Vec<(Uuid, Uuid)>,
}

/// A hard rule; a pair breaking any of them is not eligible. Listed in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Constraint {
    SamePerson,
    Unavailable,
    NoFreeCapacity,
    NoSharedLanguage,
    NotSenior,
    ChainOfCommand,
    Forbidden,
}

impl Constraint {
    /// Every constraint, in reporting order.
    pub const ALL: [Constraint; 7] = [
        Constraint::SamePerson,
        Constraint::Unavailable,
        Constraint::NoFreeCapacity,
        Constraint::NoSharedLanguage,
        Constraint::NotSenior,
        Constraint::ChainOfCommand,
        Constraint::Forbidden,
    ];
}

/// One soft-score component: `contribution = raw × weight`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreComponent {
    /// 0..=100.
    pub raw: u32,
    pub weight: u32,
    pub contribution: i64,
}

/// Why a pair scores what it scores; `total` is the sum of the four contributions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreBreakdown {
    pub specialty: ScoreComponent,
    pub cross_nation: ScoreComponent,
    pub proximity: ScoreComponent,
    pub language: ScoreComponent,
    pub total: i64,
}

/// A proposed (or pinned) mentor–mentee pair with its score explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pair {
    pub mentor_id: Uuid,
    pub mentee_id: Uuid,
    pub pinned: bool,
    pub breakdown: ScoreBreakdown,
}

/// An eligible pair as listed for auditing the optimum.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EligiblePair {
    pub mentor_id: Uuid,
    pub mentee_id: Uuid,
    pub breakdown: ScoreBreakdown,
}

/// A mentor that nearly qualified, with the hard constraints that excluded it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NearMiss {
    pub mentor_id: Uuid,
    pub constraints: Vec<Constraint>,
}

/// Why a mentee got no mentor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum UnmatchedReason {
    /// No mentor passes every hard constraint; `nearest` holds up to three mentors that failed
    /// the fewest constraints (ties broken by mentor id).
    NoEligibleMentor { nearest: Vec<NearMiss> },
    /// Eligible mentors exist, but all their capacity went to pins or to pairs that the
    /// optimum needs for a larger match count or a higher total score.
    CapacityTaken { eligible_mentors: usize },
}

/// A mentee left without a mentor, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unmatched {
    pub mentee_id: Uuid,
    pub reason: UnmatchedReason,
}

/// The optimum: pairs sorted by (mentor, mentee), unmatched mentees sorted by id.
/// `matched` and `total_score` include pinned pairs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchResult {
    pub pairs: Vec<Pair>,
    pub unmatched: Vec<Unmatched>,
    pub matched: usize,
    pub total_score: i64,
}

/// A run refused before solving; nothing partial is returned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "code")]
pub enum MatchError {
    /// One or more weights exceed 100; `fields` are `weights.<name>` (answer 422).
    #[error("weights out of range: {fields:?}")]
    InvalidWeights { fields: Vec<String> },
    /// A rank grade number is out of range (`OR-1..=9`, `OF-1..=10`).
    #[error("invalid rank grade for person {person_id}")]
    InvalidRank { person_id: Uuid },
    #[error("mentor {person_id} appears twice")]
    DuplicateMentor { person_id: Uuid },
    #[error("mentee {person_id} appears twice")]
    DuplicateMentee { person_id: Uuid },
    /// A pin names a mentor or mentee that is not in the pool.
    #[error("pin {mentor_id} → {mentee_id} names someone outside the pool")]
    UnknownPin { mentor_id: Uuid, mentee_id: Uuid },
    /// A mentee is pinned more than once (a mentee has at most one mentor).
    #[error("mentee {mentee_id} is pinned more than once")]
    MenteePinnedTwice { mentee_id: Uuid },
    /// A pin breaks hard constraints (including a forbid of the same pair); pins are never
    /// honoured silently against the rules.
    #[error("pin {mentor_id} → {mentee_id} breaks {constraints:?}")]
    PinBreaksConstraints {
        mentor_id: Uuid,
        mentee_id: Uuid,
        constraints: Vec<Constraint>,
    },
    /// More pins on one mentor than its free capacity.
    #[error("mentor {mentor_id} has {pins} pins but only {free} free places")]
    PinsExceedCapacity {
        mentor_id: Uuid,
        pins: u32,
        free: u32,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_and_errors_cross_the_wire_as_tagged_snake_case() {
        let reason = UnmatchedReason::CapacityTaken {
            eligible_mentors: 2,
        };
        assert_eq!(
            serde_json::to_value(&reason).unwrap(),
            serde_json::json!({"kind": "capacity_taken", "eligible_mentors": 2})
        );
        let err = MatchError::InvalidWeights {
            fields: vec!["weights.language".into()],
        };
        assert_eq!(
            serde_json::to_value(&err).unwrap(),
            serde_json::json!({"code": "invalid_weights", "fields": ["weights.language"]})
        );
        let near = NearMiss {
            mentor_id: Uuid::nil(),
            constraints: vec![Constraint::ChainOfCommand],
        };
        let back: NearMiss = serde_json::from_value(serde_json::to_value(&near).unwrap()).unwrap();
        assert_eq!(back, near);
        assert_eq!(
            serde_json::to_value(Constraint::NoSharedLanguage).unwrap(),
            serde_json::json!("no_shared_language")
        );
    }

    #[test]
    fn weights_above_one_hundred_are_named_in_the_error() {
        assert_eq!(Weights::default().validate(), Ok(()));
        let w = Weights {
            specialty: 100,
            cross_nation: 101,
            proximity: 0,
            language: 500,
        };
        assert_eq!(
            w.validate(),
            Err(MatchError::InvalidWeights {
                fields: vec!["weights.cross_nation".into(), "weights.language".into()]
            })
        );
    }
}
