//! NATO rank grades (STANAG 2116), shared by mentoring (seniority) and readiness (juniors).
//! Pure: must not import anything outside std, serde and thiserror.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};

/// A NATO rank grade: `OR-1`…`OR-9` for other ranks, `OF-1`…`OF-10` for officers; officers rank
/// above every enlisted grade. Travels as its canonical text, e.g. `"OR-4"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum RankGrade {
    Or(u8),
    Of(u8),
}

/// The text was not a rank grade of the form `OR-n` (1..=9) or `OF-n` (1..=10).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("not a NATO rank grade: {0:?}")]
pub struct RankParseError(pub String);

impl RankGrade {
    /// Every grade, most junior first (for pickers).
    pub fn all() -> impl Iterator<Item = RankGrade> {
        (1..=9)
            .map(RankGrade::Or)
            .chain((1..=10).map(RankGrade::Of))
    }

    /// Parses `OR-4`, `of-2`, ` OR-9 ` (case and surrounding spaces ignored, no leading zeros);
    /// fails on anything else.
    pub fn parse(raw: &str) -> Result<Self, RankParseError> {
        let fail = || RankParseError(raw.to_owned());
        let upper = raw.trim().to_ascii_uppercase();
        let (kind, num) = upper.split_once('-').ok_or_else(fail)?;
        if num.is_empty() || num.starts_with('0') || !num.bytes().all(|b| b.is_ascii_digit()) {
            return Err(fail());
        }
        let n: u8 = num.parse().map_err(|_| fail())?;
        match kind {
            "OR" if (1..=9).contains(&n) => Ok(Self::Or(n)),
            "OF" if (1..=10).contains(&n) => Ok(Self::Of(n)),
            _ => Err(fail()),
        }
    }

    /// The seniority ordinal: `OR-n` → n, `OF-n` → 10 + n.
    pub fn ordinal(self) -> u8 {
        match self {
            RankGrade::Or(n) => n,
            RankGrade::Of(n) => 10u8.saturating_add(n),
        }
    }

    /// Whether the grade number is in range (`OR-1..=9`, `OF-1..=10`).
    pub fn is_valid(self) -> bool {
        match self {
            RankGrade::Or(n) => (1..=9).contains(&n),
            RankGrade::Of(n) => (1..=10).contains(&n),
        }
    }

    /// Juniors (OR-1…OR-5, OF-1…OF-2) are expected to have a mentor.
    pub fn is_junior(self) -> bool {
        matches!(self, Self::Or(1..=5) | Self::Of(1..=2))
    }
}

impl fmt::Display for RankGrade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Or(n) => write!(f, "OR-{n}"),
            Self::Of(n) => write!(f, "OF-{n}"),
        }
    }
}

impl FromStr for RankGrade {
    type Err = RankParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for RankGrade {
    type Error = RankParseError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<RankGrade> for String {
    fn from(r: RankGrade) -> Self {
        r.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn officers_rank_above_every_enlisted_grade() {
        assert!(RankGrade::Of(1).ordinal() > RankGrade::Or(9).ordinal());
        assert!(RankGrade::Of(1) > RankGrade::Or(9));
        assert!(RankGrade::Or(5) > RankGrade::Or(4));
        assert_eq!(RankGrade::Of(3).ordinal(), 13);
        assert_eq!(RankGrade::all().count(), 19);
        assert!(RankGrade::all().all(RankGrade::is_valid));
    }

    #[test]
    fn rank_grades_parse_display_round_trip_and_know_juniors() {
        assert_eq!(RankGrade::parse("OR-4"), Ok(RankGrade::Or(4)));
        assert_eq!(RankGrade::parse(" of-10 "), Ok(RankGrade::Of(10)));
        for bad in [
            "OR-0", "OR-10", "OF-11", "XX-1", "OR-", "OR--1", "O", "", "OR-+1", "OR-04", "OF2",
        ] {
            assert!(RankGrade::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(RankGrade::Of(2).to_string(), "OF-2");
        let json = serde_json::to_string(&RankGrade::Or(7)).unwrap();
        assert_eq!(json, "\"OR-7\"");
        assert_eq!(
            serde_json::from_str::<RankGrade>(&json).unwrap(),
            RankGrade::Or(7)
        );
        assert!(serde_json::from_str::<RankGrade>("\"OF-12\"").is_err());
        assert!(RankGrade::Or(1).is_junior() && RankGrade::Or(5).is_junior());
        assert!(!RankGrade::Or(6).is_junior());
        assert!(RankGrade::Of(2).is_junior() && !RankGrade::Of(3).is_junior());
    }
}
