//! Mentor pairing through the API: profiles, runs (started in the background, polled), the
//! eligible candidates of a run, accepting proposals, pairings and check-ins.

use axum::{Json, extract::State, http::StatusCode};
use uuid::Uuid;

use super::{ApiError, ApiJson, ApiPath, ApiUser};
use crate::{
    api::mentoring::{
        AcceptReport, AcceptRequest, CandidateView, CheckinView, MenteeProfileInput,
        MenteeProfileView, MentorProfileInput, MentorProfileView, NewCheckin, NewRun, PairingView,
        RunCreated, RunView,
    },
    server::{
        ctx,
        services::mentoring::{pairings, profiles, runs},
        state::AppState,
    },
};

/// Create or replace a mentor profile (the person themselves, or an officer of their nation).
#[utoipa::path(put, path = "/api/v1/mentors/{person_id}", params(("person_id" = Uuid, Path)), request_body = MentorProfileInput, responses((status = 200, body = MentorProfileView), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn put_mentor(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(person_id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<MentorProfileInput>,
) -> Result<Json<MentorProfileView>, ApiError> {
    Ok(Json(
        profiles::put_mentor(&state.db, &user.actor, person_id, body, ctx::now()).await?,
    ))
}

/// Create or replace a mentee profile (the person themselves, or an officer of their nation).
#[utoipa::path(put, path = "/api/v1/mentees/{person_id}", params(("person_id" = Uuid, Path)), request_body = MenteeProfileInput, responses((status = 200, body = MenteeProfileView), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn put_mentee(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(person_id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<MenteeProfileInput>,
) -> Result<Json<MenteeProfileView>, ApiError> {
    Ok(Json(
        profiles::put_mentee(&state.db, &user.actor, person_id, body, ctx::now()).await?,
    ))
}

/// Start a matching run over a pool (officers of the pool's nation, or alliance officers). The
/// run is solved in the background: poll `GET /api/v1/mentoring/runs/{id}`.
#[utoipa::path(post, path = "/api/v1/mentoring/runs", request_body = NewRun, responses((status = 202, body = RunCreated), (status = 401), (status = 403), (status = 422)))]
pub async fn start_run(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<NewRun>,
) -> Result<(StatusCode, Json<RunCreated>), ApiError> {
    Ok((
        StatusCode::ACCEPTED,
        Json(runs::start(&state.db, &user.actor, body, ctx::now()).await?),
    ))
}

/// A run: status, progress, proposals with score breakdowns, unmatched mentees with reasons,
/// totals and the fairness summary.
#[utoipa::path(get, path = "/api/v1/mentoring/runs/{id}", params(("id" = Uuid, Path)), responses((status = 200, body = RunView), (status = 401), (status = 403), (status = 404)))]
pub async fn get_run(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<RunView>, ApiError> {
    Ok(Json(runs::get(&state.db, &user.actor, id).await?))
}

/// Every eligible pair of a finished run with its score, to audit the optimum independently.
#[utoipa::path(get, path = "/api/v1/mentoring/runs/{id}/candidates", params(("id" = Uuid, Path)), responses((status = 200, body = Vec<CandidateView>), (status = 401), (status = 403), (status = 404)))]
pub async fn candidates(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<Vec<CandidateView>>, ApiError> {
    Ok(Json(runs::candidates(&state.db, &user.actor, id).await?))
}

/// Accept listed proposals of a finished run, or all of them.
#[utoipa::path(post, path = "/api/v1/mentoring/runs/{id}/accept", params(("id" = Uuid, Path)), request_body = AcceptRequest, responses((status = 200, body = AcceptReport), (status = 401), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn accept(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<AcceptRequest>,
) -> Result<Json<AcceptReport>, ApiError> {
    Ok(Json(
        pairings::accept(&state.db, &user.actor, id, body, ctx::now()).await?,
    ))
}

/// The pairings the caller may see: their own, and for officers those in their scope.
#[utoipa::path(get, path = "/api/v1/pairings", responses((status = 200, body = Vec<PairingView>), (status = 401)))]
pub async fn list_pairings(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> Result<Json<Vec<PairingView>>, ApiError> {
    Ok(Json(pairings::list(&state.db, &user.actor).await?))
}

/// Log a check-in on an active pairing (its mentor or mentee).
#[utoipa::path(post, path = "/api/v1/pairings/{id}/checkins", params(("id" = Uuid, Path)), request_body = NewCheckin, responses((status = 201, body = CheckinView), (status = 401), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn add_checkin(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<NewCheckin>,
) -> Result<(StatusCode, Json<CheckinView>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(pairings::add_checkin(&state.db, &user.actor, id, body, ctx::now()).await?),
    ))
}

/// End an active pairing (its mentor or mentee, or an officer in scope).
#[utoipa::path(post, path = "/api/v1/pairings/{id}/end", params(("id" = Uuid, Path)), responses((status = 200, body = PairingView), (status = 401), (status = 403), (status = 404), (status = 409)))]
pub async fn end_pairing(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<PairingView>, ApiError> {
    Ok(Json(
        pairings::end(&state.db, &user.actor, id, ctx::now()).await?,
    ))
}

/// The mentoring routes, merged into the `/api/v1` router.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::{get, post, put};
    axum::Router::new()
        .route("/api/v1/mentors/{person_id}", put(put_mentor))
        .route("/api/v1/mentees/{person_id}", put(put_mentee))
        .route("/api/v1/mentoring/runs", post(start_run))
        .route("/api/v1/mentoring/runs/{id}", get(get_run))
        .route("/api/v1/mentoring/runs/{id}/candidates", get(candidates))
        .route("/api/v1/mentoring/runs/{id}/accept", post(accept))
        .route("/api/v1/pairings", get(list_pairings))
        .route("/api/v1/pairings/{id}/checkins", post(add_checkin))
        .route("/api/v1/pairings/{id}/end", post(end_pairing))
}
