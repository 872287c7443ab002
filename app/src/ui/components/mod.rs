//! Reusable widgets.

pub mod error_view;
pub mod lang_switcher;
pub mod layout;
pub mod unit_tree;
