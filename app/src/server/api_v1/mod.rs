//! The external JSON API under `/api/v1`, for partner systems. Same services as the pages; JSON
//! errors with a stable `code`; described by the OpenAPI document at `/api/v1/openapi.json`.

mod admin;
mod auth;
mod error;
mod openapi;
mod readiness;

use axum::{
    Router,
    routing::{delete, get, post},
};

pub use error::{ApiError, ApiJson, ApiUser};

use super::state::AppState;

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
        .route("/api/v1/readiness/units/{id}", get(readiness::get_unit))
        .route(
            "/api/v1/readiness/units/{id}/people",
            get(readiness::get_people),
        )
        .route(
            "/api/v1/readiness/units/{id}/history",
            get(readiness::get_history),
        )
        .route(
            "/api/v1/readiness/units/{id}/assessments",
            post(readiness::post_assessment),
        )
        .route("/api/v1/readiness/people/{id}", get(readiness::get_person))
        .route(
            "/api/v1/readiness/settings",
            get(readiness::get_settings).put(readiness::put_settings),
        )
        .fallback(error::not_found)
}
