//! Entities of the exercise calendar (issue 4): exercises and their child rows, national
//! blackouts and calendar feed tokens. They never leave `server/`.

pub mod blackout;
pub mod calendar_feed;
pub mod exercise;
pub mod exercise_objective;
pub mod exercise_participant;
pub mod exercise_rating;
pub mod exercise_releasability;
pub mod exercise_translation;
pub mod exercise_unit;
