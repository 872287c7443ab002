//! The external JSON API under `/api/v1`, for partner systems. Same services as the pages; JSON
//! errors with a stable `code`; described by the OpenAPI document at `/api/v1/openapi.json`.

mod admin;
mod auth;
mod curriculum;
mod error;
mod exercises;
mod mentoring;
mod openapi;
mod readiness;

use axum::{
    Router,
    routing::{delete, get, post},
};

pub use error::{ApiError, ApiJson, ApiPath, ApiQuery, ApiUser};

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
        .merge(curriculum_routes())
        .merge(mentoring::routes())
        .merge(exercises_router())
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

/// The curriculum routes.
fn curriculum_routes() -> Router<AppState> {
    use curriculum as c;
    Router::new()
        .route(
            "/api/v1/curricula",
            get(c::list_curricula).post(c::create_curriculum),
        )
        .route("/api/v1/curricula/{id}", get(c::get_curriculum))
        .route("/api/v1/curricula/{id}/modules", post(c::create_module))
        .route("/api/v1/curricula/{id}/coverage", get(c::coverage))
        .route(
            "/api/v1/modules/{id}",
            get(c::get_module).put(c::update_module),
        )
        .route(
            "/api/v1/modules/{id}/translations/{locale}",
            get(c::get_translations).put(c::put_translations),
        )
        .route("/api/v1/modules/{id}/attempts", post(c::create_attempt))
        .route("/api/v1/enrolments", post(c::create_enrolment))
        .route("/api/v1/completions", post(c::import_completions))
        .route("/api/v1/people/{id}/transcript", get(c::transcript))
        .route("/api/v1/units/{id}/progress", get(c::unit_progress))
}
