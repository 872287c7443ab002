//! The shared application state handed to every handler, server function and page render.

use std::sync::Arc;

use axum::extract::FromRef;
use chrono::Duration;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;

use super::auth::rate_limit::RateLimiter;

/// Settings the application itself needs (the server binary reads them from the environment).
#[derive(Clone, Debug)]
pub struct Settings {
    /// Production mode: secure cookies, HSTS, no development conveniences.
    pub production: bool,
    /// A session ends after this long without a request.
    pub session_idle: Duration,
    /// Origins besides the request's own `Host` that may post to us (e.g. behind a proxy).
    pub trusted_origins: Vec<String>,
    /// Sign-in attempts per minute and burst, per client address.
    pub login_per_minute: u32,
    pub login_burst: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            production: false,
            session_idle: Duration::hours(2),
            trusted_origins: vec![],
            login_per_minute: 10,
            login_burst: 10,
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub settings: Arc<Settings>,
    pub login_limiter: Arc<RateLimiter>,
}

impl AppState {
    pub fn new(leptos_options: LeptosOptions, db: DatabaseConnection, settings: Settings) -> Self {
        let login_limiter = Arc::new(RateLimiter::new(
            settings.login_per_minute,
            settings.login_burst,
        ));
        Self {
            leptos_options,
            db,
            settings: Arc::new(settings),
            login_limiter,
        }
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
