//! Pure rules and algorithms: std, serde, chrono, uuid, thiserror only. Compiles for wasm too;
//! must not import sea-orm, axum, tokio or anything under `crate::server`.

pub mod org;
pub mod text;
