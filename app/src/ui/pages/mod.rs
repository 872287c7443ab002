//! One component per route, each named `*Page`.

pub mod account;
pub mod admin;
pub mod home;
pub mod login;
pub mod not_found;
pub mod readiness;
