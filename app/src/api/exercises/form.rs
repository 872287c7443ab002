//! HTML forms of the calendar: every field arrives as text (with or without JavaScript) and is
//! parsed here, so a malformed value becomes a field error instead of a transport failure.
//! Names (usernames, nation codes) are resolved by the service.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{LINES, NewBlackout, NewExercise, RatingInput, THEMES, UnitInput, WindowQuery};
use crate::error::{AppError, FieldError};

/// How many unit rows the plain form offers.
pub const UNIT_ROWS: usize = 4;

fn form_id(field: &str, raw: &str, errors: &mut Vec<FieldError>) -> Option<Uuid> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    Uuid::parse_str(raw)
        .map_err(|_| errors.push(FieldError::new(field, "unknown")))
        .ok()
}

fn form_number(field: &str, raw: &str, errors: &mut Vec<FieldError>) -> i64 {
    raw.trim().parse().unwrap_or_else(|_| {
        errors.push(FieldError::new(field, "number"));
        0
    })
}

fn form_date(field: &str, raw: &str, errors: &mut Vec<FieldError>) -> Option<DateTime<Utc>> {
    let raw = raw.trim();
    if raw.is_empty() {
        errors.push(FieldError::new(field, "required"));
        return None;
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .map(|d| d.and_time(NaiveTime::MIN).and_utc())
        .map_err(|_| errors.push(FieldError::new(field, "date")))
        .ok()
}

fn checked(v: &Option<String>) -> bool {
    v.as_deref().is_some_and(|s| !s.is_empty() && s != "false")
}

/// A comma- or space-separated list of names.
pub fn split_names(raw: &str) -> Vec<String> {
    raw.split([',', ' ', '\n', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The create/edit form. Checkboxes are named `loc_<line>` and `theme_<theme>`; units come in
/// [`UNIT_ROWS`] rows `unit_N` / `headcount_N`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExerciseForm {
    pub code: String,
    pub kind: String,
    pub name: String,
    pub description: String,
    pub climate: String,
    pub terrain: String,
    pub host_base_id: String,
    pub lead_nation_id: String,
    pub start_local: String,
    pub end_local: String,
    pub status: String,
    /// Nation codes, e.g. `POL, DEU`; empty for all nations.
    pub releasable_to: String,
    /// Usernames of individual participants.
    pub participants: String,
    /// One objective per line.
    pub objectives: String,
    pub override_reason: String,
    pub loc_air: Option<String>,
    pub loc_land: Option<String>,
    pub loc_maritime: Option<String>,
    pub loc_cyber: Option<String>,
    pub theme_supply_chain_disruption: Option<String>,
    pub theme_unconventional_routing: Option<String>,
    pub theme_emergency_replenishment: Option<String>,
    pub theme_rsom: Option<String>,
    pub theme_host_nation_support: Option<String>,
    pub theme_medical_logistics: Option<String>,
    pub unit_1: String,
    pub headcount_1: String,
    pub unit_2: String,
    pub headcount_2: String,
    pub unit_3: String,
    pub headcount_3: String,
    pub unit_4: String,
    pub headcount_4: String,
}

/// A parsed form: the input plus the names the service still has to resolve.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParsedExerciseForm {
    pub input: NewExercise,
    pub usernames: Vec<String>,
    pub nation_codes: Vec<String>,
}

impl ExerciseForm {
    fn lines(&self) -> Vec<String> {
        let ticks = [
            &self.loc_air,
            &self.loc_land,
            &self.loc_maritime,
            &self.loc_cyber,
        ];
        LINES
            .iter()
            .zip(ticks)
            .filter(|(_, v)| checked(v))
            .map(|(l, _)| (*l).to_owned())
            .collect()
    }

    fn themes(&self) -> Vec<String> {
        let ticks = [
            &self.theme_supply_chain_disruption,
            &self.theme_unconventional_routing,
            &self.theme_emergency_replenishment,
            &self.theme_rsom,
            &self.theme_host_nation_support,
            &self.theme_medical_logistics,
        ];
        THEMES
            .iter()
            .zip(ticks)
            .filter(|(_, v)| checked(v))
            .map(|(t, _)| (*t).to_owned())
            .collect()
    }

    fn unit_rows(&self) -> [(&str, &str); UNIT_ROWS] {
        [
            (&self.unit_1, &self.headcount_1),
            (&self.unit_2, &self.headcount_2),
            (&self.unit_3, &self.headcount_3),
            (&self.unit_4, &self.headcount_4),
        ]
    }

    /// Parses the text fields; names stay unresolved.
    pub fn parse(self) -> Result<ParsedExerciseForm, AppError> {
        let mut errors = vec![];
        let host_base_id = form_id("host_base_id", &self.host_base_id, &mut errors);
        let lead_nation_id = form_id("lead_nation_id", &self.lead_nation_id, &mut errors);
        let mut units = vec![];
        for (i, (unit, headcount)) in self.unit_rows().into_iter().enumerate() {
            let field = format!("units[{i}]");
            if let Some(unit_id) = form_id(&field, unit, &mut errors) {
                let headcount = if headcount.trim().is_empty() {
                    0
                } else {
                    form_number(&format!("units[{i}].headcount"), headcount, &mut errors)
                };
                units.push(UnitInput { unit_id, headcount });
            }
        }
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        let optional = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        Ok(ParsedExerciseForm {
            usernames: split_names(&self.participants),
            nation_codes: split_names(&self.releasable_to),
            input: NewExercise {
                lines_of_communication: self.lines(),
                themes: self.themes(),
                code: self.code,
                kind: self.kind,
                name: self.name,
                description: self.description,
                translations: vec![],
                climate: self.climate,
                terrain: self.terrain,
                host_base_id,
                lead_nation_id,
                start_at: None,
                end_at: None,
                start_local: Some(self.start_local),
                end_local: Some(self.end_local),
                status: optional(&self.status),
                releasable_to: None,
                units,
                participants: vec![],
                objectives: self
                    .objectives
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect(),
                override_reason: optional(&self.override_reason),
            },
        })
    }
}

/// The blackout form: dates (whole UTC days, end inclusive).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BlackoutForm {
    pub nation_id: String,
    pub start_on: String,
    pub end_on: String,
    pub reason: String,
}

impl BlackoutForm {
    pub fn parse(self) -> Result<NewBlackout, AppError> {
        let mut errors = vec![];
        let nation_id = form_id("nation_id", &self.nation_id, &mut errors);
        let start_at = form_date("start_on", &self.start_on, &mut errors);
        let end_at =
            form_date("end_on", &self.end_on, &mut errors).map(|d| d + chrono::Days::new(1));
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        Ok(NewBlackout {
            nation_id,
            start_at,
            end_at,
            reason: self.reason,
        })
    }
}

/// The scheduling assistant's form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WindowForm {
    pub base_id: String,
    pub unit_1: String,
    pub unit_2: String,
    pub unit_3: String,
    pub headcount: String,
    pub duration_days: String,
    pub from: String,
    pub to: String,
}

impl WindowForm {
    pub fn parse(self) -> Result<WindowQuery, AppError> {
        let mut errors = vec![];
        let base_id = form_id("base_id", &self.base_id, &mut errors);
        let unit_ids = [&self.unit_1, &self.unit_2, &self.unit_3]
            .into_iter()
            .enumerate()
            .filter_map(|(i, u)| form_id(&format!("unit_ids[{i}]"), u, &mut errors))
            .collect();
        let headcount = if self.headcount.trim().is_empty() {
            0
        } else {
            form_number("headcount", &self.headcount, &mut errors)
        };
        let days = form_number("duration_days", &self.duration_days, &mut errors);
        let from = form_date("from", &self.from, &mut errors);
        let to = form_date("to", &self.to, &mut errors);
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        Ok(WindowQuery {
            unit_ids,
            base_id,
            headcount,
            duration_hours: days.saturating_mul(24),
            from,
            to,
            max_results: Some(5),
        })
    }
}

/// The ratings form: per cell a `r_<objective>_<unit>` rating (`T`, `P`, `U` or empty) and a
/// `c_<objective>_<unit>` comment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RatingsForm {
    pub cells: BTreeMap<String, String>,
}

impl RatingsForm {
    /// The key of a cell's field, `r` (rating) or `c` (comment).
    pub fn key(prefix: &str, objective_id: Uuid, unit_id: Uuid) -> String {
        format!("{prefix}_{}_{}", objective_id.simple(), unit_id.simple())
    }

    /// Turns cells into ratings; cells without a rating are skipped.
    pub fn parse(self) -> Result<Vec<RatingInput>, AppError> {
        let mut errors = vec![];
        let mut out = vec![];
        for (key, rating) in &self.cells {
            let Some(rest) = key.strip_prefix("r_") else {
                continue;
            };
            if rating.trim().is_empty() {
                continue;
            }
            let ids = rest
                .split_once('_')
                .and_then(|(o, u)| Some((Uuid::parse_str(o).ok()?, Uuid::parse_str(u).ok()?)));
            let Some((objective_id, unit_id)) = ids else {
                errors.push(FieldError::new(key.clone(), "unknown"));
                continue;
            };
            out.push(RatingInput {
                objective_id,
                unit_id,
                rating: rating.trim().to_owned(),
                comment: self
                    .cells
                    .get(&format!("c_{rest}"))
                    .cloned()
                    .unwrap_or_default(),
            });
        }
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(AppError::Validation(errors))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_form_becomes_an_exercise_with_names_left_to_resolve() {
        let unit = Uuid::from_u128(7);
        let form = ExerciseForm {
            code: "X-1".into(),
            kind: "CPX".into(),
            name: "Test".into(),
            start_local: "2031-03-01T08:00".into(),
            end_local: "2031-03-02T08:00".into(),
            loc_land: Some("on".into()),
            theme_rsom: Some("on".into()),
            unit_2: unit.to_string(),
            headcount_2: "120".into(),
            participants: "trainee.pol, trainee.fra".into(),
            releasable_to: "POL DEU".into(),
            objectives: "One\n\n Two \n".into(),
            ..Default::default()
        };
        let parsed = form.parse().unwrap_or_default();
        assert_eq!(parsed.input.lines_of_communication, vec!["land"]);
        assert_eq!(parsed.input.themes, vec!["rsom"]);
        assert_eq!(
            parsed.input.units,
            vec![UnitInput {
                unit_id: unit,
                headcount: 120
            }]
        );
        assert_eq!(parsed.usernames, vec!["trainee.pol", "trainee.fra"]);
        assert_eq!(parsed.nation_codes, vec!["POL", "DEU"]);
        assert_eq!(parsed.input.objectives, vec!["One", "Two"]);
    }

    #[test]
    fn malformed_ids_and_numbers_are_field_errors() {
        let form = ExerciseForm {
            host_base_id: "nope".into(),
            unit_1: Uuid::from_u128(1).to_string(),
            headcount_1: "many".into(),
            ..Default::default()
        };
        let Err(e) = form.parse() else {
            panic!("must fail")
        };
        assert_eq!(e.field_code("host_base_id"), Some("unknown"));
        assert_eq!(e.field_code("units[0].headcount"), Some("number"));
    }
}
