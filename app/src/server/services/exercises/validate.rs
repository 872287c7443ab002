//! Turns an exercise input into validated values, collecting every field error at once (422,
//! nothing written). Ids must name existing nations, bases, units and people.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use super::lookup::{LocalError, Lookup, from_local};
use crate::{
    api::exercises::{
        CLIMATES, ExerciseText, KINDS, LINES, NewExercise, STATUSES, TERRAINS, THEMES,
    },
    domain::{conflicts::Booking, conflicts::Interval, conflicts::UnitBooking, text},
    error::{AppError, FieldError},
    i18n::Locale,
};

/// Longest exercise accepted.
const MAX_DAYS: i64 = 180;
/// Largest headcount of one unit.
const MAX_HEADCOUNT: i64 = 100_000;

/// An exercise input that passed every rule.
#[derive(Clone, Debug)]
pub struct Valid {
    pub code: String,
    pub kind: String,
    pub name: String,
    pub description: String,
    pub translations: Vec<ExerciseText>,
    pub lines: Vec<String>,
    pub themes: Vec<String>,
    pub climate: String,
    pub terrain: String,
    pub host_base_id: Uuid,
    pub host_nation_id: Uuid,
    pub lead_nation_id: Uuid,
    pub start_at: DateTime<Utc>,
    pub end_at: DateTime<Utc>,
    pub status: String,
    pub releasable_to: Option<Vec<Uuid>>,
    pub units: Vec<(Uuid, i32)>,
    pub participants: Vec<Uuid>,
    pub objectives: Vec<String>,
    pub override_reason: Option<String>,
}

impl Valid {
    /// The domain booking of this exercise under `id`.
    pub fn booking(&self, id: Uuid, lookup: &Lookup) -> Booking {
        Booking {
            exercise_id: id,
            interval: Interval {
                start: self.start_at,
                end: self.end_at,
            },
            status: super::calendar::status_of(&self.status),
            base_id: self.host_base_id,
            host_nation_id: self.host_nation_id,
            units: self
                .units
                .iter()
                .map(|(unit_id, headcount)| UnitBooking {
                    unit_id: *unit_id,
                    nation_id: lookup
                        .units
                        .get(unit_id)
                        .map(|u| u.nation_id)
                        .unwrap_or_default(),
                    headcount: u32::try_from(*headcount).unwrap_or(0),
                })
                .collect(),
            people: self.participants.clone(),
        }
    }
}

fn one_of(field: &str, raw: &str, allowed: &[&str], errors: &mut Vec<FieldError>) -> String {
    let v = raw.trim();
    if allowed.contains(&v) {
        v.to_owned()
    } else {
        errors.push(FieldError::new(
            field,
            if v.is_empty() { "required" } else { "unknown" },
        ));
        String::new()
    }
}

fn optional_one_of(
    field: &str,
    raw: &str,
    allowed: &[&str],
    errors: &mut Vec<FieldError>,
) -> String {
    if raw.trim().is_empty() {
        String::new()
    } else {
        one_of(field, raw, allowed, errors)
    }
}

fn code(raw: &str) -> Result<String, FieldError> {
    let c = raw.trim().to_uppercase();
    if c.is_empty() {
        return Err(FieldError::new("code", "required"));
    }
    if c.chars().count() > 32 {
        return Err(FieldError::new("code", "too-long"));
    }
    if !c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-') {
        return Err(FieldError::new("code", "exercise-code"));
    }
    Ok(c)
}

fn long_text(field: &str, raw: &str, max: usize, errors: &mut Vec<FieldError>) -> String {
    let t = raw.trim();
    if t.chars().count() > max {
        errors.push(FieldError::new(field, "too-long"));
    }
    t.to_owned()
}

fn instant(
    field: &str,
    at: Option<DateTime<Utc>>,
    local: Option<&str>,
    zone: Option<chrono_tz::Tz>,
    errors: &mut Vec<FieldError>,
) -> Option<DateTime<Utc>> {
    if let Some(at) = at {
        return Some(at);
    }
    let raw = local.map(str::trim).filter(|s| !s.is_empty());
    let Some(raw) = raw else {
        errors.push(FieldError::new(field, "required"));
        return None;
    };
    // Without a known base the wall-clock time cannot be placed; the base error says why.
    let zone = zone?;
    match from_local(raw, zone) {
        Ok(t) => Some(t),
        Err(LocalError::Malformed) => {
            errors.push(FieldError::new(field, "date-time"));
            None
        }
        Err(LocalError::Nonexistent) => {
            errors.push(FieldError::new(field, "local-time-nonexistent"));
            None
        }
    }
}

/// Validates `input`; `known_people` are the participant ids that exist.
pub fn validate(
    input: &NewExercise,
    lookup: &Lookup,
    known_people: &HashSet<Uuid>,
    default_nation: Option<Uuid>,
) -> Result<Valid, AppError> {
    let mut errors = vec![];
    let code = code(&input.code).map_err(|e| errors.push(e)).ok();
    let kind = one_of("kind", &input.kind.to_uppercase(), &KINDS, &mut errors);
    let name = text::name("name", &input.name, 200)
        .map_err(|e| errors.push(e))
        .ok();
    let description = long_text("description", &input.description, 4000, &mut errors);
    let mut translations = vec![];
    for (i, t) in input.translations.iter().enumerate() {
        let Some(locale) = Locale::parse(&t.locale).filter(|l| l.code() == t.locale.trim()) else {
            errors.push(FieldError::new(
                format!("translations[{i}].locale"),
                "locale",
            ));
            continue;
        };
        let Ok(name) = text::name(&format!("translations[{i}].name"), &t.name, 200)
            .map_err(|e| errors.push(e))
        else {
            continue;
        };
        let description = long_text(
            &format!("translations[{i}].description"),
            &t.description,
            4000,
            &mut errors,
        );
        translations.push(ExerciseText {
            locale: locale.code().to_owned(),
            name,
            description,
        });
    }
    let mut lines = vec![];
    for (i, l) in input.lines_of_communication.iter().enumerate() {
        let l = one_of(
            &format!("lines_of_communication[{i}]"),
            l,
            &LINES,
            &mut errors,
        );
        if !l.is_empty() && !lines.contains(&l) {
            lines.push(l);
        }
    }
    let mut themes = vec![];
    for (i, t) in input.themes.iter().enumerate() {
        let t = one_of(&format!("themes[{i}]"), t, &THEMES, &mut errors);
        if !t.is_empty() && !themes.contains(&t) {
            themes.push(t);
        }
    }
    let climate = optional_one_of("climate", &input.climate, &CLIMATES, &mut errors);
    let terrain = optional_one_of("terrain", &input.terrain, &TERRAINS, &mut errors);
    let base = match input.host_base_id {
        None => {
            errors.push(FieldError::new("host_base_id", "required"));
            None
        }
        Some(id) => lookup.bases.get(&id).or_else(|| {
            errors.push(FieldError::new("host_base_id", "unknown"));
            None
        }),
    };
    let lead_nation_id = match input.lead_nation_id.or(default_nation) {
        None => {
            errors.push(FieldError::new("lead_nation_id", "required"));
            None
        }
        Some(id) if lookup.nations.contains_key(&id) => Some(id),
        Some(_) => {
            errors.push(FieldError::new("lead_nation_id", "unknown"));
            None
        }
    };
    let zone = base.map(|b| lookup.zone(b.id));
    let start_at = instant(
        "start_at",
        input.start_at,
        input.start_local.as_deref(),
        zone,
        &mut errors,
    );
    let end_at = instant(
        "end_at",
        input.end_at,
        input.end_local.as_deref(),
        zone,
        &mut errors,
    );
    if let (Some(s), Some(e)) = (start_at, end_at) {
        if e <= s {
            errors.push(FieldError::new("end_at", "end-before-start"));
        } else if e - s > Duration::days(MAX_DAYS) {
            errors.push(FieldError::new("end_at", "too-long"));
        }
    }
    let status = one_of(
        "status",
        input.status.as_deref().unwrap_or("draft"),
        &STATUSES,
        &mut errors,
    );
    let releasable_to = input.releasable_to.as_ref().map(|list| {
        let mut out: Vec<Uuid> = vec![];
        for (i, n) in list.iter().enumerate() {
            if !lookup.nations.contains_key(n) {
                errors.push(FieldError::new(format!("releasable_to[{i}]"), "unknown"));
            } else if !out.contains(n) {
                out.push(*n);
            }
        }
        out
    });
    let mut units: Vec<(Uuid, i32)> = vec![];
    for (i, u) in input.units.iter().enumerate() {
        if !lookup.units.contains_key(&u.unit_id) {
            errors.push(FieldError::new(format!("units[{i}].unit_id"), "unknown"));
        } else if units.iter().any(|(id, _)| *id == u.unit_id) {
            errors.push(FieldError::new(format!("units[{i}].unit_id"), "duplicate"));
        }
        if u.headcount < 0 {
            errors.push(FieldError::new(format!("units[{i}].headcount"), "negative"));
        } else if u.headcount > MAX_HEADCOUNT {
            errors.push(FieldError::new(
                format!("units[{i}].headcount"),
                "out-of-range",
            ));
        }
        units.push((u.unit_id, i32::try_from(u.headcount).unwrap_or(0)));
    }
    let mut participants: Vec<Uuid> = vec![];
    for (i, p) in input.participants.iter().enumerate() {
        if !known_people.contains(p) {
            errors.push(FieldError::new(format!("participants[{i}]"), "unknown"));
        } else if !participants.contains(p) {
            participants.push(*p);
        }
    }
    if input.objectives.len() > 50 {
        errors.push(FieldError::new("objectives", "too-many"));
    }
    let objectives: Vec<String> = input
        .objectives
        .iter()
        .enumerate()
        .map(|(i, o)| long_text(&format!("objectives[{i}]"), o, 1000, &mut errors))
        .filter(|o| !o.is_empty())
        .collect();
    let override_reason = input
        .override_reason
        .as_deref()
        .map(|r| long_text("override_reason", r, 1000, &mut errors))
        .filter(|r| !r.is_empty());
    match (code, name, base, lead_nation_id, start_at, end_at) {
        (
            Some(code),
            Some(name),
            Some(base),
            Some(lead_nation_id),
            Some(start_at),
            Some(end_at),
        ) if errors.is_empty() => Ok(Valid {
            code,
            kind,
            name,
            description,
            translations,
            lines,
            themes,
            climate,
            terrain,
            host_base_id: base.id,
            host_nation_id: base.nation_id,
            lead_nation_id,
            start_at,
            end_at,
            status,
            releasable_to,
            units,
            participants,
            objectives,
            override_reason,
        }),
        _ => Err(AppError::Validation(errors)),
    }
}
