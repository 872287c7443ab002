//! Pure rules and algorithms: std, serde, chrono, uuid, thiserror (and pulldown-cmark for
//! Markdown) only. Compiles for wasm too; must not import sea-orm, axum, tokio or anything under
//! `crate::server`.

pub mod conflicts;
pub mod csv;
pub mod curriculum;
pub mod markdown;
pub mod matching;
pub mod org;
pub mod policy;
pub mod rank;
pub mod readiness;
pub mod scheduling;
pub mod text;
