//! Readiness: what the commander dashboard, the drill-down pages and the API exchange, and the
//! server functions behind the pages. Levels travel as "R1".."R4".

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::AppError;

/// The three components (0..=100) of a person or the means of a unit; `None` = undefined.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Components {
    pub training: Option<f64>,
    pub exercise: Option<f64>,
    pub mentorship: Option<f64>,
}

/// A commander's own level for a unit, beside the computed one at the time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AssessmentView {
    pub id: Uuid,
    pub unit_id: Uuid,
    pub level: String,
    pub reason: String,
    pub computed_level: Option<String>,
    pub computed_score: Option<f64>,
    pub assessed_by: String,
    pub assessed_at: DateTime<Utc>,
}

/// A recorded assessment: a level R1..R4 and a reason (mandatory).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewAssessment {
    pub level: String,
    pub reason: String,
}

/// One day of a unit's trend.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TrendPoint {
    pub on: NaiveDate,
    pub score: Option<f64>,
}

/// A unit's readiness on a day, over everyone in its subtree.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UnitReadiness {
    pub unit_id: Uuid,
    pub name: String,
    pub parent_id: Option<Uuid>,
    /// 0 for the root of the view.
    pub depth: u32,
    pub as_of: NaiveDate,
    pub people: u64,
    pub score: Option<f64>,
    pub level: Option<String>,
    pub components: Components,
    /// Share (0..=1) of people whose training is defined and whose unit was rated in the window.
    pub confidence: f64,
    pub latest_assessment: Option<AssessmentView>,
    pub trend: Vec<TrendPoint>,
}

/// What lapses within a horizon if nobody renews, and what that does to the root's score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ExpiringSoon {
    pub days: u32,
    pub people: u64,
    pub modules: u64,
    pub projected_score: Option<f64>,
    /// Whether `rows` lists the people (false for very large subtrees: totals only).
    pub listed: bool,
    pub rows: Vec<ExpiringRow>,
}

/// One person's modules lapsing within a horizon.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ExpiringRow {
    pub person_id: Uuid,
    pub name: String,
    pub modules: Vec<ModuleLapse>,
    pub score: f64,
    pub projected_score: f64,
}

/// A module and the first day it is (or will be) no longer valid.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ModuleLapse {
    pub module_id: Uuid,
    pub code: String,
    pub expires_on: NaiveDate,
}

/// The dashboard: the root unit and its subtree, tree order, plus expiring-soon figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub as_of: NaiveDate,
    pub is_today: bool,
    /// Units the viewer may choose as the root.
    pub roots: Vec<(Uuid, String)>,
    pub units: Vec<UnitReadiness>,
    pub expiring: Vec<ExpiringSoon>,
}

/// A person's figures in a list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PersonRow {
    pub person_id: Uuid,
    pub name: String,
    pub rank: String,
    pub unit_id: Option<Uuid>,
    pub unit_name: String,
    pub score: f64,
    pub level: String,
    pub components: Components,
}

/// One page of the people of a unit's subtree, lowest score first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PeoplePage {
    pub unit_id: Uuid,
    pub unit_name: String,
    pub as_of: NaiveDate,
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
    pub rows: Vec<PersonRow>,
}

/// An exercise objective rating of the person's unit that counted (T, P or U).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RatingEvidence {
    pub exercise_id: Uuid,
    pub exercise_code: String,
    pub objective: String,
    pub completed_on: NaiveDate,
    pub rating: String,
}

/// Whether the mentorship component applies: `not_applicable`, `active` or `no_mentor`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MentorEvidence {
    pub status: String,
    pub since: Option<NaiveDate>,
}

/// The score at a horizon if nothing is renewed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProjectionView {
    pub days: u32,
    pub horizon: NaiveDate,
    pub lapsing: Vec<ModuleLapse>,
    pub projected_score: f64,
}

/// A person's readiness with the evidence behind every component.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PersonReadiness {
    pub person: PersonRow,
    pub as_of: NaiveDate,
    pub required_modules: u64,
    pub valid_modules: u64,
    /// Required modules never completed on or before the day.
    pub missing: Vec<ModuleLapse>,
    /// Required modules whose every completion has expired; `expires_on` is when.
    pub expired: Vec<ModuleLapse>,
    pub ratings_counted: Vec<RatingEvidence>,
    pub low_ratings: Vec<RatingEvidence>,
    pub window_after: NaiveDate,
    pub mentor: MentorEvidence,
    pub projections: Vec<ProjectionView>,
}

/// A unit's daily snapshots and its assessments, oldest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct History {
    pub unit_id: Uuid,
    pub points: Vec<HistoryPoint>,
    pub assessments: Vec<AssessmentView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct HistoryPoint {
    pub on: NaiveDate,
    pub people: u64,
    pub score: Option<f64>,
    pub level: Option<String>,
    pub components: Components,
    pub confidence: f64,
}

/// The readiness model's parameters as the admin form edits them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReadinessSettings {
    pub weight_training: f64,
    pub weight_exercise: f64,
    pub weight_mentorship: f64,
    pub r1: f64,
    pub r2: f64,
    pub r3: f64,
    pub window_months: u32,
}

/// `YYYY-MM-DD` from a form or query, or the server's today when empty; 422 when malformed.
#[cfg(feature = "ssr")]
fn as_of_day(raw: Option<String>, today: NaiveDate) -> Result<NaiveDate, AppError> {
    match raw.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(today),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map_err(|_| AppError::field("as_of", "readiness-date")),
    }
}

#[cfg(feature = "ssr")]
fn unit_id(raw: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(raw.trim()).map_err(|_| AppError::NotFound)
}

/// The dashboard for a root unit (empty = the first the viewer may see) on a day.
#[server(prefix = "/api", endpoint = "readiness/dashboard")]
pub async fn readiness_dashboard(
    root: Option<String>,
    as_of: Option<String>,
) -> Result<Dashboard, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        let today = now.date_naive();
        let on = as_of_day(as_of, today)?;
        let root = match root.as_deref().filter(|s| !s.trim().is_empty()) {
            Some(r) => Some(unit_id(r)?),
            None => None,
        };
        crate::server::services::readiness::views::dashboard(
            &state.db,
            &user.actor,
            root,
            on,
            today,
        )
        .await
    })
    .await
}

/// A unit, its people (one page), its history and assessments.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitDetail {
    pub unit: UnitReadiness,
    pub people: PeoplePage,
    pub history: History,
    pub is_today: bool,
}

#[server(prefix = "/api", endpoint = "readiness/unit")]
pub async fn readiness_unit(
    unit: String,
    as_of: Option<String>,
    page: Option<u64>,
) -> Result<UnitDetail, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        use crate::server::services::readiness::views;
        let today = now.date_naive();
        let on = as_of_day(as_of, today)?;
        let id = unit_id(&unit)?;
        let unit = views::unit(&state.db, &user.actor, id, on, today).await?;
        let people =
            views::people(&state.db, &user.actor, id, on, today, page.unwrap_or(1), 50).await?;
        let from = on.checked_sub_days(chrono::Days::new(180)).unwrap_or(on);
        let history = views::history(&state.db, &user.actor, id, from, on).await?;
        Ok(UnitDetail {
            unit,
            people,
            history,
            is_today: on == today,
        })
    })
    .await
}

#[server(prefix = "/api", endpoint = "readiness/person")]
pub async fn readiness_person(
    person: String,
    as_of: Option<String>,
) -> Result<PersonReadiness, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        let on = as_of_day(as_of, now.date_naive())?;
        let id = Uuid::parse_str(person.trim()).map_err(|_| AppError::NotFound)?;
        crate::server::services::readiness::views::person(&state.db, &user.actor, id, on).await
    })
    .await
}

/// Records an assessed level with its reason (form fields `unit_id`, `level`, `reason`).
#[server(prefix = "/api", endpoint = "readiness/assess")]
pub async fn record_assessment(
    unit_id: String,
    level: String,
    reason: String,
) -> Result<AssessmentView, AppError> {
    let back = format!("/readiness/units/{}", unit_id.trim());
    let result = crate::server::ctx::with_user(|state, user, now| async move {
        let id = self::unit_id(&unit_id)?;
        crate::server::services::readiness::assess::assess(
            &state.db,
            &user.actor,
            id,
            NewAssessment { level, reason },
            now,
        )
        .await
    })
    .await;
    if result.is_ok() {
        crate::server::ctx::redirect_plain_form(&back);
    }
    result
}

#[server(prefix = "/api", endpoint = "readiness/settings")]
pub async fn get_readiness_settings() -> Result<ReadinessSettings, AppError> {
    crate::server::ctx::with_user(|state, _user, _| async move {
        crate::server::services::readiness::assess::settings(&state.db).await
    })
    .await
}

/// The settings form: every number arrives as text and is parsed here (422 per field).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SettingsForm {
    pub weight_training: String,
    pub weight_exercise: String,
    pub weight_mentorship: String,
    pub r1: String,
    pub r2: String,
    pub r3: String,
    pub window_months: String,
}

impl SettingsForm {
    pub fn parse(&self) -> Result<ReadinessSettings, AppError> {
        let mut errors = Vec::new();
        let mut num = |field: &str, raw: &str| -> f64 {
            raw.trim()
                .replace(',', ".")
                .parse::<f64>()
                .unwrap_or_else(|_| {
                    errors.push(crate::error::FieldError::new(field, "readiness-number"));
                    0.0
                })
        };
        let s = ReadinessSettings {
            weight_training: num("weight_training", &self.weight_training),
            weight_exercise: num("weight_exercise", &self.weight_exercise),
            weight_mentorship: num("weight_mentorship", &self.weight_mentorship),
            r1: num("r1", &self.r1),
            r2: num("r2", &self.r2),
            r3: num("r3", &self.r3),
            window_months: 0,
        };
        let window = self.window_months.trim().parse::<u32>();
        if window.is_err() {
            errors.push(crate::error::FieldError::new(
                "window_months",
                "readiness-number",
            ));
        }
        if errors.is_empty() {
            Ok(ReadinessSettings {
                window_months: window.unwrap_or_default(),
                ..s
            })
        } else {
            Err(AppError::Validation(errors))
        }
    }
}

#[server(prefix = "/api", endpoint = "readiness/settings/update")]
pub async fn update_readiness_settings(form: SettingsForm) -> Result<ReadinessSettings, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        crate::server::services::readiness::assess::update_settings(
            &state.db,
            &user.actor,
            form.parse()?,
            now,
        )
        .await
    })
    .await
}
