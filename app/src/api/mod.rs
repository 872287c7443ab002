//! Shared DTOs and `#[server]` functions, one file per area. A server function is glue: read the
//! context, call one service, return a DTO.

pub mod admin;
pub mod auth;
pub mod curriculum;
pub mod exercises;
pub mod mentoring;
pub mod org;
pub mod readiness;
