//! The one integration test binary: real HTTP against a real server on 127.0.0.1:0, a fresh
//! database per test — SQLite by default, PostgreSQL when `TEST_DATABASE_URL` is set.

#[expect(
    clippy::expect_used,
    reason = "test set-up: a failed precondition must stop the test"
)]
mod helpers;

mod api;
mod auth;
mod curriculum;
mod curriculum_editor;
mod exercise_pages;
mod exercises;
mod foundation;
mod mentoring;
mod readiness;
