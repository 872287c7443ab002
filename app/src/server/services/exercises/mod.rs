//! The exercise calendar (issue 4): planning with conflicts checked on every save, approval with
//! an override reason, releasability filtering of everything a reader sees (lists, details,
//! conflicts, feeds), blackouts, ratings, the scheduling assistant and calendar feeds. Must not
//! import pages or server functions.

mod blackouts;
mod calendar;
mod conflicts;
mod feeds;
mod ics;
mod listing;
mod lookup;
mod queries;
mod ratings;
mod save;
mod schedule;
mod validate;
mod visibility;

pub use blackouts::{create_blackout, list_blackouts};
pub use conflicts::{conflicts_in_range, conflicts_of_exercise};
pub use feeds::{create_feed, feed_ics, list_feeds, revoke_feed};
pub use listing::{MonthQuery, list, month, month_grid};
pub use queries::{choices, get};
pub use ratings::rate;
pub use save::{SaveOutcome, check, create, full_patch, resolve_form, update};
pub use schedule::windows;
pub use visibility::Viewer;
