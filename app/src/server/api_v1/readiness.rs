//! Readiness through the API: a unit, its people, a person's evidence, a unit's history, the
//! commander's assessments and the model's settings. Every read takes `as_of=YYYY-MM-DD`
//! (default today); the unit and people reads answer CSV to `Accept: text/csv` (or `format=csv`).

use axum::{
    Json,
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};
use chrono::NaiveDate;
use serde::Deserialize;
use uuid::Uuid;

use super::{ApiError, ApiJson, ApiPath, ApiQuery, ApiUser};
use crate::{
    api::readiness::{
        AssessmentView, History, NewAssessment, PeoplePage, PersonReadiness, ReadinessSettings,
        UnitReadiness,
    },
    domain::{csv::to_csv, readiness::format_score},
    error::AppError,
    server::{
        ctx,
        services::readiness::{assess, views},
        state::AppState,
    },
};

#[derive(Deserialize, utoipa::IntoParams)]
pub struct AsOf {
    /// The day to compute for, `YYYY-MM-DD`; default today (UTC).
    pub as_of: Option<String>,
    /// `csv` answers CSV like `Accept: text/csv`.
    pub format: Option<String>,
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct PeopleQuery {
    pub as_of: Option<String>,
    pub format: Option<String>,
    /// 1-based page (default 1).
    pub page: Option<u64>,
    /// Rows per page, 1..=500 (default 50).
    pub per_page: Option<u64>,
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct Range {
    /// First day, `YYYY-MM-DD` (default 90 days before `to`).
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD` (default today).
    pub to: Option<String>,
}

/// Parses an optional `YYYY-MM-DD` query value; a bad one is a 422 naming `field`.
fn day(field: &str, raw: Option<&str>, default: NaiveDate) -> Result<NaiveDate, AppError> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(default),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map_err(|_| AppError::field(field, "readiness-date")),
    }
}

fn wants_csv(headers: &HeaderMap, format: Option<&str>) -> bool {
    format == Some("csv")
        || headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/csv"))
}

fn csv_response(name: &str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

fn opt(v: Option<f64>) -> String {
    v.map(format_score).unwrap_or_default()
}

/// Unit readiness rows as CSV (the unit and its subtree, tree order).
pub fn units_csv(rows: &[UnitReadiness]) -> String {
    to_csv(
        &[
            "unit",
            "depth",
            "as_of",
            "people",
            "score",
            "level",
            "training",
            "exercise",
            "mentorship",
            "confidence",
            "assessed_level",
        ],
        rows.iter().map(|u| {
            vec![
                u.name.clone(),
                u.depth.to_string(),
                u.as_of.to_string(),
                u.people.to_string(),
                opt(u.score),
                u.level.clone().unwrap_or_default(),
                opt(u.components.training),
                opt(u.components.exercise),
                opt(u.components.mentorship),
                format!("{:.2}", u.confidence),
                u.latest_assessment
                    .as_ref()
                    .map(|a| a.level.clone())
                    .unwrap_or_default(),
            ]
        }),
    )
}

/// People rows as CSV.
pub fn people_csv(page: &PeoplePage) -> String {
    to_csv(
        &[
            "name",
            "rank",
            "unit",
            "as_of",
            "score",
            "level",
            "training",
            "exercise",
            "mentorship",
        ],
        page.rows.iter().map(|p| {
            vec![
                p.name.clone(),
                p.rank.clone(),
                p.unit_name.clone(),
                page.as_of.to_string(),
                format_score(p.score),
                p.level.clone(),
                opt(p.components.training),
                opt(p.components.exercise),
                opt(p.components.mentorship),
            ]
        }),
    )
}

/// A unit's readiness over its subtree (commanders of the subtree, officers of the nation).
#[utoipa::path(get, path = "/api/v1/readiness/units/{id}", params(("id" = Uuid, Path), AsOf),
    responses((status = 200, body = UnitReadiness, description = "JSON, or CSV of the subtree with Accept: text/csv"), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn get_unit(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(q): ApiQuery<AsOf>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let today = ctx::now().date_naive();
    let on = day("as_of", q.as_of.as_deref(), today)?;
    if wants_csv(&headers, q.format.as_deref()) {
        let rows = views::subtree_rows(&state.db, &user.actor, id, on, today).await?;
        return Ok(csv_response("readiness-units.csv", units_csv(&rows)));
    }
    Ok(Json(views::unit(&state.db, &user.actor, id, on, today).await?).into_response())
}

/// The people of a unit's subtree, lowest score first, paginated.
#[utoipa::path(get, path = "/api/v1/readiness/units/{id}/people", params(("id" = Uuid, Path), PeopleQuery),
    responses((status = 200, body = PeoplePage, description = "JSON, or CSV with Accept: text/csv"), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn get_people(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(q): ApiQuery<PeopleQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let today = ctx::now().date_naive();
    let on = day("as_of", q.as_of.as_deref(), today)?;
    if wants_csv(&headers, q.format.as_deref()) {
        let all = views::people(&state.db, &user.actor, id, on, today, 1, u64::MAX).await?;
        return Ok(csv_response("readiness-people.csv", people_csv(&all)));
    }
    let (page, per_page) = (q.page.unwrap_or(1), q.per_page.unwrap_or(50).clamp(1, 500));
    Ok(
        Json(views::people(&state.db, &user.actor, id, on, today, page, per_page).await?)
            .into_response(),
    )
}

/// A person's readiness with the evidence behind each component and 30/60/90-day projections.
#[utoipa::path(get, path = "/api/v1/readiness/people/{id}", params(("id" = Uuid, Path), AsOf),
    responses((status = 200, body = PersonReadiness), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn get_person(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(q): ApiQuery<AsOf>,
) -> Result<Json<PersonReadiness>, ApiError> {
    let on = day("as_of", q.as_of.as_deref(), ctx::now().date_naive())?;
    Ok(Json(views::person(&state.db, &user.actor, id, on).await?))
}

/// A unit's daily snapshots and every assessment.
#[utoipa::path(get, path = "/api/v1/readiness/units/{id}/history", params(("id" = Uuid, Path), Range),
    responses((status = 200, body = History), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn get_history(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(q): ApiQuery<Range>,
) -> Result<Json<History>, ApiError> {
    let to = day("to", q.to.as_deref(), ctx::now().date_naive())?;
    let default_from = to.checked_sub_days(chrono::Days::new(90)).unwrap_or(to);
    let from = day("from", q.from.as_deref(), default_from)?;
    Ok(Json(
        views::history(&state.db, &user.actor, id, from, to).await?,
    ))
}

/// Records a commander's own level for a unit; the reason is mandatory (422 without).
#[utoipa::path(post, path = "/api/v1/readiness/units/{id}/assessments", params(("id" = Uuid, Path)), request_body = NewAssessment,
    responses((status = 201, body = AssessmentView), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn post_assessment(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<NewAssessment>,
) -> Result<(StatusCode, Json<AssessmentView>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(assess::assess(&state.db, &user.actor, id, body, ctx::now()).await?),
    ))
}

/// The readiness model's weights, level thresholds and exercise window.
#[utoipa::path(get, path = "/api/v1/readiness/settings", responses((status = 200, body = ReadinessSettings), (status = 401)))]
pub async fn get_settings(
    State(state): State<AppState>,
    ApiUser(_user): ApiUser,
) -> Result<Json<ReadinessSettings>, ApiError> {
    Ok(Json(assess::settings(&state.db).await?))
}

/// Changes the model's parameters (alliance administrators).
#[utoipa::path(put, path = "/api/v1/readiness/settings", request_body = ReadinessSettings,
    responses((status = 200, body = ReadinessSettings), (status = 401), (status = 403), (status = 422)))]
pub async fn put_settings(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<ReadinessSettings>,
) -> Result<Json<ReadinessSettings>, ApiError> {
    Ok(Json(
        assess::update_settings(&state.db, &user.actor, body, ctx::now()).await?,
    ))
}
