//! The shared application state handed to every handler, server function and page render.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;

/// Settings the application itself needs (the server binary reads them from the environment).
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// Production mode: secure cookies, HSTS behind https, no development conveniences.
    pub production: bool,
}

#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub settings: Arc<Settings>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
