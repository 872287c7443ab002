//! One component per route, each named `*Page`.

pub mod account;
pub mod admin;
pub mod curriculum;
pub mod exercises;
pub mod home;
pub mod login;
pub mod mentoring;
pub mod not_found;
pub mod readiness;
