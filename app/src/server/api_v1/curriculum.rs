//! Curricula through the API: content, translations, quiz attempts, enrolments, imported
//! completions, transcripts and unit progress (JSON, or CSV with `Accept: text/csv`).

use axum::{
    Json,
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use uuid::Uuid;

use super::{ApiError, ApiJson, ApiPath, ApiQuery, ApiUser};
use crate::{
    api::curriculum::{
        AttemptInput, AttemptResult, CompletionRow, CurriculumSummary, CurriculumView,
        EnrolmentRow, ImportBatch, LocaleCoverage, ModuleInput, ModuleView, NewCurriculum,
        NewEnrolment, Transcript, TranslationSheet, TranslationUpdate, UnitProgress,
    },
    server::{
        ctx,
        services::curriculum::{attempts, authoring, content, enrolments, progress, translations},
        state::AppState,
    },
};

#[derive(Deserialize, utoipa::IntoParams)]
pub struct LangQuery {
    /// Locales to prefer, comma-separated (e.g. `pl` or `uk,pl`); the caller's own chain follows.
    pub lang: Option<String>,
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct ProgressQuery {
    /// The curriculum whose progress to show.
    pub curriculum: Uuid,
    /// Page of people, from 0 (JSON only; CSV has everyone).
    pub page: Option<u32>,
    /// `csv` for a CSV download where the `Accept` header cannot be set (a link).
    pub format: Option<String>,
}

/// The id of a created module.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Created {
    pub id: Uuid,
}

/// Every curriculum, titles resolved for the caller.
#[utoipa::path(get, path = "/api/v1/curricula", responses((status = 200, body = Vec<CurriculumSummary>), (status = 401)))]
pub async fn list_curricula(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> Result<Json<Vec<CurriculumSummary>>, ApiError> {
    Ok(Json(content::list(&state.db, &user.actor).await?))
}

/// Create a curriculum (training officers).
#[utoipa::path(post, path = "/api/v1/curricula", request_body = NewCurriculum, responses((status = 201, body = CurriculumSummary), (status = 401), (status = 403), (status = 422)))]
pub async fn create_curriculum(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<NewCurriculum>,
) -> Result<(StatusCode, Json<CurriculumSummary>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(authoring::create_curriculum(&state.db, &user.actor, body, ctx::now()).await?),
    ))
}

/// A curriculum with its modules, resolved for the caller (or `lang` first).
#[utoipa::path(get, path = "/api/v1/curricula/{id}", params(("id" = Uuid, Path), LangQuery), responses((status = 200, body = CurriculumView), (status = 401), (status = 404), (status = 422)))]
pub async fn get_curriculum(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(q): ApiQuery<LangQuery>,
) -> Result<Json<CurriculumView>, ApiError> {
    Ok(Json(
        content::curriculum(&state.db, &user.actor, id, q.lang.as_deref(), ctx::now()).await?,
    ))
}

/// Add a module at the end of a curriculum (training officers).
#[utoipa::path(post, path = "/api/v1/curricula/{id}/modules", params(("id" = Uuid, Path)), request_body = ModuleInput, responses((status = 201, body = Created), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn create_module(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<ModuleInput>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let id = authoring::create_module(&state.db, &user.actor, id, body, ctx::now()).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// Translation coverage of a curriculum per locale (training officers).
#[utoipa::path(get, path = "/api/v1/curricula/{id}/coverage", params(("id" = Uuid, Path)), responses((status = 200, body = Vec<LocaleCoverage>), (status = 401), (status = 403), (status = 404)))]
pub async fn coverage(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<Vec<LocaleCoverage>>, ApiError> {
    Ok(Json(
        translations::coverage(&state.db, &user.actor, id).await?,
    ))
}

/// A module with each field resolved along `lang` then the caller's chain: the locale used and
/// whether it fell back or is outdated, per field. Quiz answers are not included.
#[utoipa::path(get, path = "/api/v1/modules/{id}", params(("id" = Uuid, Path), LangQuery), responses((status = 200, body = ModuleView), (status = 401), (status = 404), (status = 422)))]
pub async fn get_module(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(q): ApiQuery<LangQuery>,
) -> Result<Json<ModuleView>, ApiError> {
    Ok(Json(
        content::module(&state.db, &user.actor, id, q.lang.as_deref(), ctx::now()).await?,
    ))
}

/// Save a module's settings and source texts; changed texts bump the content version and mark
/// their translations outdated (training officers). Answers the new content version.
#[utoipa::path(put, path = "/api/v1/modules/{id}", params(("id" = Uuid, Path)), request_body = ModuleInput, responses((status = 200, body = i32), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn update_module(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<ModuleInput>,
) -> Result<Json<i32>, ApiError> {
    Ok(Json(
        authoring::update_module(&state.db, &user.actor, id, body, ctx::now()).await?,
    ))
}

/// A module's fields in the source and in `locale`, with each translation's status.
#[utoipa::path(get, path = "/api/v1/modules/{id}/translations/{locale}", params(("id" = Uuid, Path), ("locale" = String, Path)), responses((status = 200, body = TranslationSheet), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn get_translations(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath((id, locale)): ApiPath<(Uuid, String)>,
) -> Result<Json<TranslationSheet>, ApiError> {
    Ok(Json(
        translations::sheet(&state.db, &user.actor, id, &locale).await?,
    ))
}

/// Save translated fields of a module in `locale`, each with its status (training officers).
#[utoipa::path(put, path = "/api/v1/modules/{id}/translations/{locale}", params(("id" = Uuid, Path), ("locale" = String, Path)), request_body = TranslationUpdate, responses((status = 200, body = TranslationSheet), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn put_translations(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath((id, locale)): ApiPath<(Uuid, String)>,
    ApiJson(body): ApiJson<TranslationUpdate>,
) -> Result<Json<TranslationSheet>, ApiError> {
    Ok(Json(
        translations::save(&state.db, &user.actor, id, &locale, body, ctx::now()).await?,
    ))
}

/// Submit the caller's quiz answers: score, pass, and the completion recorded on a pass. Bad
/// answers are 422 and record nothing; missing prerequisites are 409.
#[utoipa::path(post, path = "/api/v1/modules/{id}/attempts", params(("id" = Uuid, Path)), request_body = AttemptInput, responses((status = 201, body = AttemptResult), (status = 401), (status = 404), (status = 409), (status = 422)))]
pub async fn create_attempt(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<AttemptInput>,
) -> Result<(StatusCode, Json<AttemptResult>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(attempts::attempt(&state.db, &user.actor, id, body, ctx::now()).await?),
    ))
}

/// Enrol a person or a unit (with everyone below it) in a curriculum.
#[utoipa::path(post, path = "/api/v1/enrolments", request_body = NewEnrolment, responses((status = 201, body = EnrolmentRow), (status = 401), (status = 403), (status = 409), (status = 422)))]
pub async fn create_enrolment(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<NewEnrolment>,
) -> Result<(StatusCode, Json<EnrolmentRow>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(enrolments::enrol(&state.db, &user.actor, body, ctx::now()).await?),
    ))
}

/// Record completions made elsewhere (officers, for people in their scope; audited). Every row
/// is checked first; any problem is 422 and records nothing.
#[utoipa::path(post, path = "/api/v1/completions", request_body = ImportBatch, responses((status = 201, body = Vec<CompletionRow>), (status = 401), (status = 403), (status = 422)))]
pub async fn import_completions(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<ImportBatch>,
) -> Result<(StatusCode, Json<Vec<CompletionRow>>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(attempts::import(&state.db, &user.actor, body, ctx::now()).await?),
    ))
}

/// A person's training record (themselves, or officers whose scope reaches them).
#[utoipa::path(get, path = "/api/v1/people/{id}/transcript", params(("id" = Uuid, Path)), responses((status = 200, body = Transcript), (status = 401), (status = 403), (status = 404)))]
pub async fn transcript(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<Transcript>, ApiError> {
    Ok(Json(
        progress::transcript(&state.db, &user.actor, id, ctx::now()).await?,
    ))
}

fn wants_csv(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/csv"))
}

/// A CSV download response.
pub fn csv_response(body: String, filename: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// A unit's (and its subunits') progress in a curriculum: JSON by page, or every person as CSV
/// (UTF-8 with BOM) with `Accept: text/csv`.
#[utoipa::path(get, path = "/api/v1/units/{id}/progress", params(("id" = Uuid, Path), ProgressQuery), responses((status = 200, body = UnitProgress, content_type = "application/json"), (status = 200, body = String, content_type = "text/csv"), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn unit_progress(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(q): ApiQuery<ProgressQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if wants_csv(&headers) || q.format.as_deref() == Some("csv") {
        let body =
            progress::unit_progress_csv(&state.db, &user.actor, id, q.curriculum, ctx::now())
                .await?;
        return Ok(csv_response(body, "unit-progress.csv"));
    }
    Ok(Json(
        progress::unit_progress(
            &state.db,
            &user.actor,
            id,
            q.curriculum,
            Some(q.page.unwrap_or(0)),
            ctx::now(),
        )
        .await?,
    )
    .into_response())
}
