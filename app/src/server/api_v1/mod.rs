//! The external JSON API under `/api/v1`, for partner systems. Same services as the pages; JSON
//! errors with a stable `code`; described by the OpenAPI document at `/api/v1/openapi.json`.

mod admin;
mod auth;
mod error;
mod exercises;
mod openapi;

use axum::{
    Router,
    routing::{delete, get, post},
};

pub use error::{ApiError, ApiJson, ApiUser};

use super::state::AppState;

/// The exercise calendar's routes.
fn exercises_router() -> Router<AppState> {
    use exercises as x;
    Router::new()
        .route("/api/v1/exercises", get(x::list).post(x::create))
        .route("/api/v1/exercises/{id}", get(x::get).patch(x::update))
        .route("/api/v1/exercises/{id}/conflicts", get(x::conflicts_of))
        .route("/api/v1/exercises/{id}/ratings", post(x::rate))
        .route("/api/v1/conflicts", get(x::conflicts_in_range))
        .route(
            "/api/v1/blackouts",
            get(x::list_blackouts).post(x::create_blackout),
        )
        .route("/api/v1/scheduling/windows", post(x::windows))
        .route("/api/v1/calendar/feeds", post(x::create_feed))
        .route("/api/v1/calendar/feeds/{id}", delete(x::revoke_feed))
        .route("/api/v1/calendar/{token}", get(x::feed))
}

/// Every `/api/v1` route.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi::document))
        .route("/api/v1/auth/login", post(auth::login))
        .route("/api/v1/auth/logout", post(auth::logout))
        .route("/api/v1/me", get(auth::me))
        .route(
            "/api/v1/tokens",
            get(auth::list_tokens).post(auth::create_token),
        )
        .route("/api/v1/tokens/{id}", delete(auth::revoke_token))
        .route(
            "/api/v1/nations",
            get(admin::list_nations).post(admin::create_nation),
        )
        .route(
            "/api/v1/bases",
            get(admin::list_bases).post(admin::create_base),
        )
        .route(
            "/api/v1/units",
            get(admin::list_units).post(admin::create_unit),
        )
        .route(
            "/api/v1/users",
            get(admin::list_users).post(admin::create_user),
        )
        .route(
            "/api/v1/users/{id}",
            get(admin::get_user).patch(admin::update_user),
        )
        .route(
            "/api/v1/users/{id}/password-reset",
            post(admin::reset_password),
        )
        .route("/api/v1/audit", get(admin::list_audit))
        .merge(exercises_router())
        .fallback(error::not_found)
}
