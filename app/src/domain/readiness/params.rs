//! Readiness model parameters and display: NATO rank grades, weights and level thresholds,
//! month arithmetic; pure: must not import I/O, a clock, the database or Leptos.

use std::fmt;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

pub use crate::domain::rank::{RankGrade, RankParseError};

/// Weights and level thresholds of the model; `Default` is the documented model.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelParams {
    pub weight_training: f64,
    pub weight_exercise: f64,
    pub weight_mentorship: f64,
    /// Lowest score of level R1 (inclusive); R2 and R3 likewise.
    pub r1: f64,
    pub r2: f64,
    pub r3: f64,
    /// Length of the exercise window `(D − window_months, D]`.
    pub window_months: u32,
}

impl Default for ModelParams {
    fn default() -> Self {
        Self {
            weight_training: 60.0,
            weight_exercise: 30.0,
            weight_mentorship: 10.0,
            r1: 85.0,
            r2: 70.0,
            r3: 50.0,
            window_months: 12,
        }
    }
}

/// A rejected model parameter: `field` names it, `code` says which rule it broke.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("invalid readiness parameter `{field}`: {code}")]
pub struct ParamsError {
    pub field: String,
    pub code: String,
}

impl ParamsError {
    fn new(field: &str, code: &str) -> Self {
        Self {
            field: field.to_owned(),
            code: code.to_owned(),
        }
    }
}

impl ModelParams {
    /// Checks the first broken rule: weights finite and ≥ 0 (`negative`), not all zero
    /// (field `weights`, `all-zero`), thresholds in 0..=100 (`out-of-range`) and strictly
    /// descending r1 > r2 > r3 (`not-descending`, naming the lower one), window 1..=120 months.
    pub fn validate(&self) -> Result<(), ParamsError> {
        let weights = [
            ("weight_training", self.weight_training),
            ("weight_exercise", self.weight_exercise),
            ("weight_mentorship", self.weight_mentorship),
        ];
        for (field, w) in weights {
            if !w.is_finite() || w < 0.0 {
                return Err(ParamsError::new(field, "negative"));
            }
        }
        if weights.iter().all(|(_, w)| *w == 0.0) {
            return Err(ParamsError::new("weights", "all-zero"));
        }
        for (field, r) in [("r1", self.r1), ("r2", self.r2), ("r3", self.r3)] {
            if !(0.0..=100.0).contains(&r) {
                return Err(ParamsError::new(field, "out-of-range"));
            }
        }
        if self.r2 >= self.r1 {
            return Err(ParamsError::new("r2", "not-descending"));
        }
        if self.r3 >= self.r2 {
            return Err(ParamsError::new("r3", "not-descending"));
        }
        if !(1..=120).contains(&self.window_months) {
            return Err(ParamsError::new("window_months", "out-of-range"));
        }
        Ok(())
    }
}

/// Readiness level; R1 is the best.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    R1,
    R2,
    R3,
    R4,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::R1 => "R1",
            Self::R2 => "R2",
            Self::R3 => "R3",
            Self::R4 => "R4",
        })
    }
}

/// Adds `n` months (negative subtracts), clamping the day to the month end (Jan 31 + 1 = Feb
/// 28/29) and the result to chrono's representable range instead of failing.
pub fn add_months(date: NaiveDate, n: i32) -> NaiveDate {
    let months = Months::new(n.unsigned_abs());
    if n >= 0 {
        date.checked_add_months(months).unwrap_or(NaiveDate::MAX)
    } else {
        date.checked_sub_months(months).unwrap_or(NaiveDate::MIN)
    }
}

/// The level of a score (unrounded): R1 ≥ r1, R2 ≥ r2, R3 ≥ r3, else R4 (NaN → R4).
pub fn level(score: f64, params: &ModelParams) -> Level {
    if score >= params.r1 {
        Level::R1
    } else if score >= params.r2 {
        Level::R2
    } else if score >= params.r3 {
        Level::R3
    } else {
        Level::R4
    }
}

/// A score rounded half away from zero to one decimal, for display only.
pub fn round_one_decimal(score: f64) -> f64 {
    (score * 10.0).round() / 10.0
}

/// A score as display text with one decimal, e.g. `83.3`.
pub fn format_score(score: f64) -> String {
    format!("{:.1}", round_one_decimal(score))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn month_arithmetic_clamps_to_month_ends_and_to_the_calendar_range() {
        assert_eq!(add_months(d(2024, 1, 31), 1), d(2024, 2, 29));
        assert_eq!(add_months(d(2023, 1, 31), 1), d(2023, 2, 28));
        assert_eq!(add_months(d(2025, 3, 31), -12), d(2024, 3, 31));
        assert_eq!(add_months(d(2024, 2, 29), -12), d(2023, 2, 28));
        assert_eq!(add_months(d(2024, 2, 29), 12), d(2025, 2, 28));
        assert_eq!(add_months(d(2024, 5, 31), -1), d(2024, 4, 30));
        assert_eq!(add_months(NaiveDate::MAX, 1), NaiveDate::MAX);
        assert_eq!(add_months(NaiveDate::MIN, -1), NaiveDate::MIN);
    }

    #[test]
    fn levels_start_exactly_at_their_thresholds() {
        let p = ModelParams::default();
        assert_eq!(level(100.0, &p), Level::R1);
        assert_eq!(level(85.0, &p), Level::R1);
        assert_eq!(level(84.999, &p), Level::R2);
        assert_eq!(level(70.0, &p), Level::R2);
        assert_eq!(level(69.999, &p), Level::R3);
        assert_eq!(level(50.0, &p), Level::R3);
        assert_eq!(level(49.999, &p), Level::R4);
        assert_eq!(level(0.0, &p), Level::R4);
        assert_eq!(level(f64::NAN, &p), Level::R4);
    }

    #[test]
    fn display_rounds_to_one_decimal_only() {
        assert_eq!(format_score(0.0), "0.0");
        assert_eq!(format_score(100.0), "100.0");
        assert_eq!(format_score(200.0 / 3.0), "66.7");
        assert_eq!(round_one_decimal(84.96), 85.0);
        assert_eq!(level(84.96, &ModelParams::default()), Level::R2);
    }

    #[test]
    fn params_validation_names_the_offending_field() {
        let ok = ModelParams::default();
        assert_eq!(ok.validate(), Ok(()));
        let field = |p: ModelParams| p.validate().unwrap_err().field;
        let neg = ModelParams {
            weight_exercise: -1.0,
            ..ok
        };
        assert_eq!(field(neg), "weight_exercise");
        let zero = ModelParams {
            weight_training: 0.0,
            weight_exercise: 0.0,
            weight_mentorship: 0.0,
            ..ok
        };
        assert_eq!(field(zero), "weights");
        assert_eq!(field(ModelParams { r1: 100.5, ..ok }), "r1");
        assert_eq!(field(ModelParams { r2: 85.0, ..ok }), "r2");
        assert_eq!(field(ModelParams { r3: 70.0, ..ok }), "r3");
        assert_eq!(field(ModelParams { r3: f64::NAN, ..ok }), "r3");
        let w = ModelParams {
            window_months: 0,
            ..ok
        };
        assert_eq!(field(w), "window_months");
    }
}
