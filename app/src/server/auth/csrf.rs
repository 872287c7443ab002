//! CSRF defence for every state-changing request: a browser request must come from our own
//! origin (`Sec-Fetch-Site`, else `Origin` against `Host`). Clients that send neither header
//! (API clients, scripts) carry no ambient browser credentials worth stealing by this route.

use axum::{
    extract::{Request, State},
    http::{HeaderMap, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use crate::server::state::AppState;

fn host_of_origin(origin: &str) -> Option<&str> {
    let rest = origin.split_once("://")?.1;
    Some(rest.split('/').next().unwrap_or(rest))
}

/// Whether a request with these headers may change state.
pub fn same_origin(headers: &HeaderMap, extra_origins: &[String]) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    if extra_origins.iter().any(|o| o == origin) {
        return true;
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    match (host_of_origin(origin), host) {
        (Some(o), Some(h)) => o.eq_ignore_ascii_case(h),
        _ => false,
    }
}

/// Middleware: refuses cross-site POST, PUT, PATCH and DELETE with 403.
pub async fn csrf_layer(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && !same_origin(req.headers(), &state.settings.trusted_origins) {
        tracing::warn!(path = %req.uri().path(), "cross-site request refused");
        return (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "application/json")],
            r#"{"code":"forbidden"}"#,
        )
            .into_response();
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn h(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut m = HeaderMap::new();
        for (k, v) in pairs {
            m.insert(*k, HeaderValue::from_static(v));
        }
        m
    }

    #[test]
    fn only_same_origin_browser_requests_may_change_state() {
        assert!(same_origin(
            &h(&[
                ("host", "muster.example"),
                ("origin", "https://muster.example")
            ]),
            &[]
        ));
        assert!(!same_origin(
            &h(&[
                ("host", "muster.example"),
                ("origin", "https://evil.example")
            ]),
            &[]
        ));
        assert!(!same_origin(
            &h(&[("host", "muster.example"), ("origin", "null")]),
            &[]
        ));
        assert!(same_origin(
            &h(&[("sec-fetch-site", "same-origin"), ("origin", "https://x")]),
            &[]
        ));
        assert!(!same_origin(&h(&[("sec-fetch-site", "cross-site")]), &[]));
        assert!(!same_origin(&h(&[("sec-fetch-site", "same-site")]), &[]));
        assert!(
            same_origin(&h(&[("host", "a")]), &[]),
            "no browser headers: not a browser"
        );
        assert!(same_origin(
            &h(&[
                ("host", "internal:3000"),
                ("origin", "https://muster.example")
            ]),
            &["https://muster.example".to_owned()]
        ));
    }
}
