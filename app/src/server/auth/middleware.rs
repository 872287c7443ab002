//! Establishes who is making a request — from the session cookie, or on `/api/v1` from an
//! `Authorization: Bearer` token — and records it in the request's extensions.

use std::sync::Arc;

use axum::{
    extract::{Request, State},
    http::{HeaderMap, header},
    middleware::Next,
    response::Response,
};

use super::{session, token};
use crate::{
    domain::policy::Actor,
    i18n::Locale,
    server::{error::ServiceError, services::users, state::AppState},
};

/// The signed-in person of a request.
#[derive(Clone, Debug)]
pub struct CurrentUser {
    pub actor: Actor,
    pub display_name: String,
    pub locale: Locale,
    pub must_change_password: bool,
    /// The session cookie's token, when the request came with one.
    pub session_token: Option<String>,
    /// Whether a personal API token authenticated the request.
    pub via_api_token: bool,
}

/// The request extension set by [`auth_layer`]: `None` for anonymous requests.
#[derive(Clone, Debug, Default)]
pub struct Authenticated(pub Option<Arc<CurrentUser>>);

/// The value of cookie `name`.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, v)| *k == name && !v.is_empty())
        .map(|(_, v)| v)
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

async fn authenticate(
    state: &AppState,
    path: &str,
    headers: &HeaderMap,
) -> Result<Option<CurrentUser>, ServiceError> {
    let now = chrono::Utc::now();
    if path.starts_with("/api/v1/")
        && let Some(t) = bearer(headers)
    {
        let Some(user) = token::resolve(&state.db, t, now).await? else {
            return Ok(None);
        };
        return Ok(users::find_current(&state.db, user).await?.map(|mut u| {
            u.via_api_token = true;
            u
        }));
    }
    let Some(t) = cookie(headers, session::COOKIE) else {
        return Ok(None);
    };
    let Some(user) = session::resolve(&state.db, t, now, state.settings.session_idle).await? else {
        return Ok(None);
    };
    Ok(users::find_current(&state.db, user).await?.map(|mut u| {
        u.session_token = Some(t.to_owned());
        u
    }))
}

/// Middleware: resolves the current user (or nobody) before any handler runs.
pub async fn auth_layer(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let headers = req.headers().clone();
    let current = match authenticate(&state, &path, &headers).await {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e, "could not resolve the session");
            None
        }
    };
    req.extensions_mut()
        .insert(Authenticated(current.map(Arc::new)));
    next.run(req).await
}
