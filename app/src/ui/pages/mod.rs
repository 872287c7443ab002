//! One component per route, each named `*Page`.

pub mod home;
pub mod not_found;
