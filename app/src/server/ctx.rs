//! The only code that reads Leptos context or the request: state, the signed-in person, locale,
//! clock, and the cookie/redirect side effects of signing in and out. Server functions and pages
//! call these instead of `use_context`.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use http::{HeaderValue, header};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

use super::{
    auth::{CurrentUser, middleware::Authenticated, session},
    http::safe_next,
    services::users,
    state::AppState,
};
use crate::{
    api::auth::Me,
    error::AppError,
    i18n::{Locale, RequestLocale},
};

fn parts() -> Option<http::request::Parts> {
    use_context::<http::request::Parts>()
}

/// The application state, provided to every render and server function by the router.
pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or(AppError::Internal)
}

/// The locale the server decided for this request (English when outside a request).
pub fn request_locale() -> Locale {
    parts()
        .and_then(|p| p.extensions.get::<RequestLocale>().copied())
        .map(|l| l.0)
        .unwrap_or_default()
}

/// The request's CSP nonce, if the security layer set one.
pub fn csp_nonce() -> Option<String> {
    parts().and_then(|p| {
        p.extensions
            .get::<super::auth::headers::CspNonce>()
            .map(|n| n.0.clone())
    })
}

/// The fields of a form this request's page shows the refusal of, when it was posted without
/// JavaScript (see [`super::form_drafts`]).
pub fn form_draft() -> Option<super::form_drafts::FormDraft> {
    parts().and_then(|p| p.extensions.get::<super::form_drafts::FormDraft>().cloned())
}

/// The signed-in person, if any (including one who still has to change their password).
pub fn current_user() -> Option<Arc<CurrentUser>> {
    parts().and_then(|p| {
        p.extensions
            .get::<Authenticated>()
            .and_then(|a| a.0.clone())
    })
}

/// The state and the signed-in person, for a server function that needs someone signed in who
/// has no pending password change.
pub fn state_and_user() -> Result<(AppState, Arc<CurrentUser>), AppError> {
    let user = current_user().ok_or(AppError::Unauthenticated)?;
    if user.must_change_password {
        return Err(AppError::PasswordChangeRequired);
    }
    Ok((state()?, user))
}

/// The current instant; services take it as a parameter so tests can fix it.
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

fn set_cookie(value: &str) {
    if let (Some(res), Ok(v)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(value),
    ) {
        res.append_header(header::SET_COOKIE, v);
    }
}

fn plain_form_post() -> bool {
    parts().is_some_and(|p| {
        p.headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    })
}

/// A plain HTML form post (no JavaScript) expects a redirect; a hydrated page navigates itself.
pub fn redirect_plain_form(to: &str) {
    if plain_form_post() {
        leptos_axum::redirect(to);
    }
}

/// The usual body of a server function: someone signed in (no password change pending) runs
/// one service with the state, themselves and the clock; the answer goes through [`reply`].
pub async fn with_user<T, F, Fut>(f: F) -> Result<T, AppError>
where
    F: FnOnce(AppState, Arc<CurrentUser>, DateTime<Utc>) -> Fut,
    Fut: std::future::Future<Output = Result<T, super::error::ServiceError>>,
{
    reply(
        async move {
            let (state, user) = state_and_user()?;
            Ok(f(state, user, now()).await?)
        }
        .await,
    )
}

/// Every server function's answer passes through here: an error gets its proper HTTP status
/// (422 for bad input, 403, 404 …) instead of a blanket 500. A plain form post keeps the
/// redirect back to its page, which carries the error to show.
pub fn reply<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(e) = &result
        && !plain_form_post()
        && let Some(res) = use_context::<ResponseOptions>()
    {
        res.set_status(super::error::status_of(e));
    }
    result
}

fn session_cookie_of_request() -> Option<String> {
    let p = parts()?;
    super::auth::middleware::cookie(&p.headers, session::COOKIE).map(str::to_owned)
}

/// Signs in, sets the session cookie and sends a form post on to `next` (or to the password
/// page when a change is due).
pub async fn login(
    username: String,
    password: String,
    next: Option<String>,
) -> Result<Me, AppError> {
    let state = state()?;
    let old = session_cookie_of_request();
    let (user, token) = users::login(
        &state.db,
        &username,
        password,
        old.as_deref(),
        state.settings.session_idle,
        now(),
    )
    .await?;
    set_cookie(&session::cookie(&token, state.settings.production));
    let target = if user.must_change_password {
        "/account/password".to_owned()
    } else {
        safe_next(next.as_deref().unwrap_or("/")).to_owned()
    };
    redirect_plain_form(&target);
    Ok(users::me_of(&user))
}

/// Signs out: the session ends and its cookie is cleared.
pub async fn logout() -> Result<(), AppError> {
    let state = state()?;
    if let Some(user) = current_user() {
        users::logout(&state.db, &user, now()).await?;
    }
    set_cookie(&session::clear_cookie(state.settings.production));
    redirect_plain_form("/");
    Ok(())
}

/// Changes the signed-in person's password and rotates their session.
pub async fn change_password(
    current: String,
    new: String,
    confirm: String,
) -> Result<(), AppError> {
    let state = state()?;
    let user = current_user().ok_or(AppError::Unauthenticated)?;
    let token = users::change_password(
        &state.db,
        &user,
        current,
        new,
        confirm,
        state.settings.session_idle,
        now(),
    )
    .await?;
    set_cookie(&session::cookie(&token, state.settings.production));
    redirect_plain_form("/account?changed=1");
    Ok(())
}
