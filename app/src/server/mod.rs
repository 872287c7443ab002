//! Everything that runs only on the server (`ssr` feature): state, context access, entities,
//! services, HTTP glue. Never reaches the wasm bundle.

pub mod api_v1;
pub mod auth;
pub mod ctx;
pub mod db;
pub mod entities;
pub mod error;
pub mod form_drafts;
pub mod http;
pub mod seed;
pub mod services;
pub mod state;
pub mod testing;

pub use error::ServiceError;
pub use state::{AppState, Settings};
