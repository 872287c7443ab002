//! The exercise calendar through the API: exercises with their conflicts, the conflicts of a
//! range, blackouts, ratings, the scheduling assistant and calendar feeds.

use axum::{
    Json,
    extract::State,
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

use super::{ApiError, ApiJson, ApiPath, ApiQuery, ApiUser};
use crate::{
    api::exercises::{
        BlackoutView, ConflictView, ExerciseFilter, ExercisePatch, ExerciseSummary, ExerciseView,
        FeedView, NewBlackout, NewExercise, NewFeed, RatingView, RatingsInput, SavedExercise,
        WindowQuery, WindowView,
    },
    error::AppError,
    server::{
        ctx,
        services::exercises::{self as svc, SaveOutcome},
        state::AppState,
    },
};

#[derive(Deserialize, utoipa::IntoParams)]
pub struct RangeQuery {
    /// First day (UTC), inclusive.
    pub from: Option<NaiveDate>,
    /// Last day (UTC), exclusive.
    pub to: Option<NaiveDate>,
}

/// 200/201 with the exercise and its conflicts, or 409 with the conflicts when approval needs
/// an override reason.
fn saved(outcome: SaveOutcome, created: bool) -> Response {
    match outcome {
        SaveOutcome::Saved(s) => {
            let status = if created {
                StatusCode::CREATED
            } else {
                StatusCode::OK
            };
            (status, Json(*s)).into_response()
        }
        SaveOutcome::OverrideRequired(conflicts) => (
            StatusCode::CONFLICT,
            Json(json!({"code": "conflict", "kind": "override_required", "conflicts": conflicts})),
        )
            .into_response(),
    }
}

/// The exercises the caller may see, filtered.
#[utoipa::path(get, path = "/api/v1/exercises", params(ExerciseFilter), responses((status = 200, body = Vec<ExerciseSummary>), (status = 401), (status = 422)))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(filter): ApiQuery<ExerciseFilter>,
) -> Result<Json<Vec<ExerciseSummary>>, ApiError> {
    Ok(Json(
        svc::list(&state.db, &user.actor, &filter, user.locale).await?,
    ))
}

/// Plan an exercise; answers it with its conflicts.
#[utoipa::path(post, path = "/api/v1/exercises", request_body = NewExercise, responses((status = 201, body = SavedExercise), (status = 401), (status = 403), (status = 409, description = "approval needs an override reason; body lists the conflicts"), (status = 422)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<NewExercise>,
) -> Result<Response, ApiError> {
    let outcome = svc::create(&state.db, &user.actor, body, user.locale, ctx::now()).await?;
    Ok(saved(outcome, true))
}

/// One exercise (404 when not releasable to the caller).
#[utoipa::path(get, path = "/api/v1/exercises/{id}", params(("id" = Uuid, Path)), responses((status = 200, body = ExerciseView), (status = 401), (status = 404)))]
pub async fn get(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<ExerciseView>, ApiError> {
    Ok(Json(
        svc::get(&state.db, &user.actor, id, user.locale, ctx::now()).await?,
    ))
}

/// Change an exercise (status too); answers it with its conflicts.
#[utoipa::path(patch, path = "/api/v1/exercises/{id}", params(("id" = Uuid, Path)), request_body = ExercisePatch, responses((status = 200, body = SavedExercise), (status = 401), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn update(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<ExercisePatch>,
) -> Result<Response, ApiError> {
    let outcome = svc::update(&state.db, &user.actor, id, body, user.locale, ctx::now()).await?;
    Ok(saved(outcome, false))
}

/// The current conflicts of one exercise.
#[utoipa::path(get, path = "/api/v1/exercises/{id}/conflicts", params(("id" = Uuid, Path)), responses((status = 200, body = Vec<ConflictView>), (status = 401), (status = 404)))]
pub async fn conflicts_of(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<Vec<ConflictView>>, ApiError> {
    Ok(Json(
        svc::conflicts_of_exercise(&state.db, &user.actor, id).await?,
    ))
}

/// Every conflict in a range of days (at most two years).
#[utoipa::path(get, path = "/api/v1/conflicts", params(RangeQuery), responses((status = 200, body = Vec<ConflictView>), (status = 401), (status = 422)))]
pub async fn conflicts_in_range(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(q): ApiQuery<RangeQuery>,
) -> Result<Json<Vec<ConflictView>>, ApiError> {
    let (Some(from), Some(to)) = (q.from, q.to) else {
        return Err(
            AppError::field(if q.from.is_none() { "from" } else { "to" }, "required").into(),
        );
    };
    Ok(Json(
        svc::conflicts_in_range(&state.db, &user.actor, from, to).await?,
    ))
}

/// Rate objectives per participating unit after the exercise.
#[utoipa::path(post, path = "/api/v1/exercises/{id}/ratings", params(("id" = Uuid, Path)), request_body = RatingsInput, responses((status = 200, body = Vec<RatingView>), (status = 401), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn rate(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<RatingsInput>,
) -> Result<Json<Vec<RatingView>>, ApiError> {
    Ok(Json(
        svc::rate(&state.db, &user.actor, id, body.ratings, ctx::now()).await?,
    ))
}

/// Blackout periods overlapping a range, optionally of one nation.
#[utoipa::path(get, path = "/api/v1/blackouts", params(ExerciseFilter), responses((status = 200, body = Vec<BlackoutView>), (status = 401), (status = 422)))]
pub async fn list_blackouts(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(filter): ApiQuery<ExerciseFilter>,
) -> Result<Json<Vec<BlackoutView>>, ApiError> {
    Ok(Json(
        svc::list_blackouts(&state.db, &user.actor, &filter).await?,
    ))
}

/// Record a blackout period for a nation the caller plans for.
#[utoipa::path(post, path = "/api/v1/blackouts", request_body = NewBlackout, responses((status = 201, body = BlackoutView), (status = 401), (status = 403), (status = 422)))]
pub async fn create_blackout(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<NewBlackout>,
) -> Result<(StatusCode, Json<BlackoutView>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(svc::create_blackout(&state.db, &user.actor, body, ctx::now()).await?),
    ))
}

/// The earliest conflict-free windows for units at a base.
#[utoipa::path(post, path = "/api/v1/scheduling/windows", request_body = WindowQuery, responses((status = 200, body = Vec<WindowView>), (status = 401), (status = 422)))]
pub async fn windows(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<WindowQuery>,
) -> Result<Json<Vec<WindowView>>, ApiError> {
    Ok(Json(svc::windows(&state.db, &user.actor, body).await?))
}

/// Create a calendar feed; the answer's `url` holds the secret and is shown only now.
#[utoipa::path(post, path = "/api/v1/calendar/feeds", request_body = NewFeed, responses((status = 201, body = FeedView), (status = 401), (status = 403), (status = 422)))]
pub async fn create_feed(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<NewFeed>,
) -> Result<(StatusCode, Json<FeedView>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(svc::create_feed(&state.db, &user.actor, body, ctx::now()).await?),
    ))
}

/// Revoke a calendar feed.
#[utoipa::path(delete, path = "/api/v1/calendar/feeds/{id}", params(("id" = Uuid, Path)), responses((status = 204), (status = 401), (status = 404)))]
pub async fn revoke_feed(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<StatusCode, ApiError> {
    svc::revoke_feed(&state.db, &user.actor, id, ctx::now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The iCalendar feed (RFC 5545) behind a secret token; no other authentication.
#[utoipa::path(get, path = "/api/v1/calendar/{token}", params(("token" = String, Path, description = "the secret followed by `.ics`")), responses((status = 200, content_type = "text/calendar"), (status = 404)), security(()))]
pub async fn feed(
    State(state): State<AppState>,
    ApiPath(file): ApiPath<String>,
) -> Result<Response, ApiError> {
    let token = file.strip_suffix(".ics").ok_or(AppError::NotFound)?;
    let body = svc::feed_ics(&state.db, token).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "private, max-age=300"),
        ],
        body,
    )
        .into_response())
}
