//! The only code that reads Leptos context or the request: state, locale, clock. Server functions
//! and pages call these instead of `use_context` so access rules live in one place.

use chrono::{DateTime, Utc};
use leptos::prelude::use_context;

use super::state::AppState;
use crate::{
    error::AppError,
    i18n::{Locale, RequestLocale},
};

/// The application state, provided to every render and server function by the router.
pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or(AppError::Internal)
}

/// The locale the server decided for this request (English when outside a request).
pub fn request_locale() -> Locale {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<RequestLocale>().copied())
        .map(|l| l.0)
        .unwrap_or_default()
}

/// The current instant; services take it as a parameter so tests can fix it.
pub fn now() -> DateTime<Utc> {
    Utc::now()
}
