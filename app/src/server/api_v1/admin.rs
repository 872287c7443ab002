//! Administration through the API: nations, bases, units, users and the audit trail.

use axum::{Json, extract::State, http::StatusCode};
use serde::Deserialize;
use uuid::Uuid;

use super::{ApiError, ApiJson, ApiPath, ApiQuery, ApiUser};
use crate::{
    api::admin::{
        AuditFilter, AuditPage, BaseRow, NationRow, NewBase, NewNation, NewUnit, NewUser, UnitRow,
        UserPatch, UserRow,
    },
    server::{
        ctx,
        services::{audit, org, users},
        state::AppState,
    },
};

#[derive(Deserialize, utoipa::IntoParams)]
pub struct UserQuery {
    /// Matches username, display name or e-mail.
    pub q: Option<String>,
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct ResetBody {
    /// A temporary password the person must change at next sign-in.
    pub password: String,
}

/// Every nation (any authenticated caller).
#[utoipa::path(get, path = "/api/v1/nations", responses((status = 200, body = Vec<NationRow>), (status = 401)))]
pub async fn list_nations(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> Result<Json<Vec<NationRow>>, ApiError> {
    Ok(Json(org::list_nations(&state.db, &user.actor).await?))
}

/// Create a nation (alliance administrators).
#[utoipa::path(post, path = "/api/v1/nations", request_body = NewNation, responses((status = 201, body = NationRow), (status = 401), (status = 403), (status = 422)))]
pub async fn create_nation(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<NewNation>,
) -> Result<(StatusCode, Json<NationRow>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(org::create_nation(&state.db, &user.actor, body, ctx::now()).await?),
    ))
}

/// Every base (any authenticated caller).
#[utoipa::path(get, path = "/api/v1/bases", responses((status = 200, body = Vec<BaseRow>), (status = 401)))]
pub async fn list_bases(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> Result<Json<Vec<BaseRow>>, ApiError> {
    Ok(Json(org::list_bases(&state.db, &user.actor).await?))
}

/// Create a base (administrators of its nation).
#[utoipa::path(post, path = "/api/v1/bases", request_body = NewBase, responses((status = 201, body = BaseRow), (status = 401), (status = 403), (status = 422)))]
pub async fn create_base(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<NewBase>,
) -> Result<(StatusCode, Json<BaseRow>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(org::create_base(&state.db, &user.actor, body, ctx::now()).await?),
    ))
}

/// Every unit, tree order (any authenticated caller).
#[utoipa::path(get, path = "/api/v1/units", responses((status = 200, body = Vec<UnitRow>), (status = 401)))]
pub async fn list_units(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> Result<Json<Vec<UnitRow>>, ApiError> {
    Ok(Json(org::list_units(&state.db, &user.actor).await?))
}

/// Create a unit (administrators of its nation).
#[utoipa::path(post, path = "/api/v1/units", request_body = NewUnit, responses((status = 201, body = UnitRow), (status = 401), (status = 403), (status = 422)))]
pub async fn create_unit(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<NewUnit>,
) -> Result<(StatusCode, Json<UnitRow>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(org::create_unit(&state.db, &user.actor, body, ctx::now()).await?),
    ))
}

/// The people the caller administers.
#[utoipa::path(get, path = "/api/v1/users", params(UserQuery), responses((status = 200, body = Vec<UserRow>), (status = 401), (status = 403), (status = 422)))]
pub async fn list_users(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(q): ApiQuery<UserQuery>,
) -> Result<Json<Vec<UserRow>>, ApiError> {
    Ok(Json(
        users::list(&state.db, &user.actor, q.q.as_deref()).await?,
    ))
}

/// One person the caller administers.
#[utoipa::path(get, path = "/api/v1/users/{id}", params(("id" = Uuid, Path)), responses((status = 200, body = UserRow), (status = 401), (status = 403), (status = 404)))]
pub async fn get_user(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<UserRow>, ApiError> {
    Ok(Json(users::get(&state.db, &user.actor, id).await?))
}

/// Create a person with roles and an initial password.
#[utoipa::path(post, path = "/api/v1/users", request_body = NewUser, responses((status = 201, body = UserRow), (status = 401), (status = 403), (status = 422)))]
pub async fn create_user(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<NewUser>,
) -> Result<(StatusCode, Json<UserRow>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(users::create(&state.db, &user.actor, body, ctx::now()).await?),
    ))
}

/// Change a person's profile, roles, scope or disabled state.
#[utoipa::path(patch, path = "/api/v1/users/{id}", params(("id" = Uuid, Path)), request_body = UserPatch, responses((status = 200, body = UserRow), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn update_user(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<UserPatch>,
) -> Result<Json<UserRow>, ApiError> {
    Ok(Json(
        users::update(&state.db, &user.actor, id, body, ctx::now()).await?,
    ))
}

/// Set a temporary password; the person must change it at next sign-in.
#[utoipa::path(post, path = "/api/v1/users/{id}/password-reset", params(("id" = Uuid, Path)), request_body = ResetBody, responses((status = 204), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn reset_password(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<ResetBody>,
) -> Result<StatusCode, ApiError> {
    users::reset_password(&state.db, &user.actor, id, body.password, ctx::now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Browse the audit trail (alliance administrators).
#[utoipa::path(get, path = "/api/v1/audit", params(AuditFilter), responses((status = 200, body = AuditPage), (status = 401), (status = 403), (status = 422)))]
pub async fn list_audit(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(filter): ApiQuery<AuditFilter>,
) -> Result<Json<AuditPage>, ApiError> {
    Ok(Json(audit::list(&state.db, &user.actor, &filter).await?))
}
