//! Plain HTTP handlers and middleware that sit beside the Leptos routes: locale negotiation,
//! the language switcher's form target, and the health check.

use axum::{
    Form,
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use super::{auth::middleware::Authenticated, ctx, services::users, state::AppState};
use crate::i18n::{LANG_COOKIE, Locale, RequestLocale, negotiate};

fn cookie_value<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The locale for a request: the remembered choice (cookie), else `Accept-Language`, else English.
pub fn locale_for(headers: &HeaderMap) -> Locale {
    cookie_value(headers, LANG_COOKIE)
        .and_then(Locale::parse)
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(negotiate)
        })
        .unwrap_or_default()
}

/// Middleware: decides the request's locale — the signed-in person's stored choice, else the
/// cookie, else `Accept-Language` — and records it in the request extensions.
pub async fn locale_layer(mut req: Request, next: Next) -> Response {
    let stored = req
        .extensions()
        .get::<Authenticated>()
        .and_then(|a| a.0.as_ref().map(|u| u.locale));
    let locale = stored.unwrap_or_else(|| locale_for(req.headers()));
    req.extensions_mut().insert(RequestLocale(locale));
    let mut res = next.run(req).await;
    res.headers_mut().append(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    res
}

#[derive(Debug, Deserialize)]
pub struct LanguageForm {
    pub lang: String,
    #[serde(default)]
    pub next: String,
}

/// Only same-site absolute paths are followed after a language change (no open redirect).
pub fn safe_next(next: &str) -> &str {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(char::is_control);
    if ok { next } else { "/" }
}

/// `POST /lang`: remembers the chosen language for a year (and, for a signed-in person, in
/// their profile) and returns to the page.
pub async fn set_language(
    State(state): State<AppState>,
    axum::Extension(auth): axum::Extension<Authenticated>,
    Form(form): Form<LanguageForm>,
) -> Response {
    let Some(locale) = Locale::parse(&form.lang) else {
        return (StatusCode::UNPROCESSABLE_ENTITY, "unsupported language").into_response();
    };
    if let Some(user) = auth.0
        && let Err(e) = users::set_language(&state.db, &user.actor, locale, ctx::now()).await
    {
        tracing::error!(error = %e, "could not store the language preference");
    }
    let secure = if state.settings.production {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}",
        locale.code()
    );
    let mut res = Redirect::to(safe_next(&form.next)).into_response();
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res
}

/// `GET /healthz`: 200 when the database answers, 503 otherwise.
pub async fn healthz(State(state): State<AppState>) -> Response {
    match state.db.ping().await {
        Ok(()) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            r#"{"status":"ok"}"#,
        )
            .into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "health check: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                [(header::CONTENT_TYPE, "application/json")],
                r#"{"status":"unavailable"}"#,
            )
                .into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn the_cookie_beats_accept_language_which_beats_english() {
        assert_eq!(locale_for(&headers(&[])), Locale::En);
        assert_eq!(
            locale_for(&headers(&[("accept-language", "de-DE,de;q=0.9")])),
            Locale::De
        );
        assert_eq!(
            locale_for(&headers(&[
                ("accept-language", "de"),
                ("cookie", "a=b; muster_lang=pl")
            ])),
            Locale::Pl
        );
        assert_eq!(
            locale_for(&headers(&[
                ("accept-language", "fr"),
                ("cookie", "muster_lang=xx")
            ])),
            Locale::Fr
        );
    }

    #[test]
    fn language_changes_only_return_to_local_paths() {
        assert_eq!(
            safe_next("/exercises?month=2026-11"),
            "/exercises?month=2026-11"
        );
        assert_eq!(safe_next("//evil.example"), "/");
        assert_eq!(safe_next("https://evil.example"), "/");
        assert_eq!(safe_next("/\\evil"), "/");
        assert_eq!(safe_next(""), "/");
    }
}
