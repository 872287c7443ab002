//! The OpenAPI 3 document of `/api/v1`.

use axum::Json;
use utoipa::{
    Modify, OpenApi,
    openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme},
};

use super::{admin, auth, curriculum, exercises, mentoring, readiness};

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new("muster_session"))),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Muster API", version = "1", description = "Allied logistics training: the integration API. Authenticate with `Authorization: Bearer <personal token>` or the session cookie. Errors are JSON with a stable `code`."),
    paths(
        auth::login, auth::logout, auth::me, auth::list_tokens, auth::create_token, auth::revoke_token,
        admin::list_nations, admin::create_nation, admin::list_bases, admin::create_base,
        admin::list_units, admin::create_unit, admin::list_users, admin::create_user,
        admin::get_user, admin::update_user, admin::reset_password, admin::list_audit,
        curriculum::list_curricula, curriculum::create_curriculum, curriculum::get_curriculum, curriculum::create_module, curriculum::coverage, curriculum::get_module, curriculum::update_module, curriculum::get_translations, curriculum::put_translations, curriculum::create_attempt, curriculum::create_enrolment, curriculum::import_completions, curriculum::transcript, curriculum::unit_progress,
        mentoring::put_mentor, mentoring::put_mentee, mentoring::start_run, mentoring::get_run, mentoring::candidates, mentoring::accept, mentoring::list_pairings, mentoring::add_checkin, mentoring::end_pairing,
        exercises::list, exercises::create, exercises::get, exercises::update, exercises::conflicts_of, exercises::conflicts_in_range, exercises::rate, exercises::list_blackouts, exercises::create_blackout, exercises::windows, exercises::create_feed, exercises::revoke_feed, exercises::feed,
        readiness::get_unit, readiness::get_people, readiness::get_person, readiness::get_history,
        readiness::post_assessment, readiness::get_settings, readiness::put_settings,
    ),
    modifiers(&Security),
    security(("bearer" = []), ("session" = []))
)]
pub struct ApiDoc;

/// `GET /api/v1/openapi.json`.
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
