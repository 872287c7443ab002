//! `/api/v1/auth/*`, `/api/v1/me` and `/api/v1/tokens`.

use axum::{
    Json,
    extract::State,
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use uuid::Uuid;

use super::{ApiError, ApiJson, ApiPath, ApiUser};
use crate::{
    api::auth::{Me, NewToken, TokenView},
    server::{
        auth::{
            middleware::{Authenticated, cookie},
            session,
        },
        ctx,
        services::{tokens, users},
        state::AppState,
    },
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct LoginBody {
    pub username: String,
    pub password: String,
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct TokenBody {
    pub name: String,
}

/// Sign in with a username and password; answers the person and sets the session cookie.
#[utoipa::path(post, path = "/api/v1/auth/login", request_body = LoginBody,
    responses((status = 200, body = Me), (status = 401, description = "invalid_credentials"), (status = 429, description = "rate_limited")))]
pub async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<LoginBody>,
) -> Result<Response, ApiError> {
    let old = cookie(&headers, session::COOKIE);
    let (user, token) = users::login(
        &state.db,
        &body.username,
        body.password,
        old,
        state.settings.session_idle,
        ctx::now(),
    )
    .await?;
    let mut res = Json(users::me_of(&user)).into_response();
    if let Ok(v) = HeaderValue::from_str(&session::cookie(&token, state.settings.production)) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    Ok(res)
}

/// End the current session.
#[utoipa::path(post, path = "/api/v1/auth/logout", responses((status = 204), (status = 401)))]
pub async fn logout(
    State(state): State<AppState>,
    axum::Extension(auth): axum::Extension<Authenticated>,
) -> Result<Response, ApiError> {
    let user = auth
        .0
        .ok_or(ApiError(crate::error::AppError::Unauthenticated))?;
    users::logout(&state.db, &user, ctx::now()).await?;
    let mut res = StatusCode::NO_CONTENT.into_response();
    if let Ok(v) = HeaderValue::from_str(&session::clear_cookie(state.settings.production)) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    Ok(res)
}

/// The authenticated caller.
#[utoipa::path(get, path = "/api/v1/me", responses((status = 200, body = Me), (status = 401)))]
pub async fn me(ApiUser(user): ApiUser) -> Json<Me> {
    Json(users::me_of(&user))
}

/// The caller's personal API tokens.
#[utoipa::path(get, path = "/api/v1/tokens", responses((status = 200, body = Vec<TokenView>), (status = 401)))]
pub async fn list_tokens(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> Result<Json<Vec<TokenView>>, ApiError> {
    Ok(Json(tokens::list(&state.db, &user.actor).await?))
}

/// Create a personal API token; the secret is in this answer only.
#[utoipa::path(post, path = "/api/v1/tokens", request_body = TokenBody, responses((status = 201, body = NewToken), (status = 401), (status = 422)))]
pub async fn create_token(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<TokenBody>,
) -> Result<(StatusCode, Json<NewToken>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(tokens::create(&state.db, &user.actor, &body.name, ctx::now()).await?),
    ))
}

/// Revoke one of the caller's tokens.
#[utoipa::path(delete, path = "/api/v1/tokens/{id}", params(("id" = Uuid, Path)), responses((status = 204), (status = 401), (status = 404)))]
pub async fn revoke_token(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<StatusCode, ApiError> {
    tokens::revoke(&state.db, &user.actor, id, ctx::now()).await?;
    Ok(StatusCode::NO_CONTENT)
}
