//! Reusable widgets.

pub mod chart;
pub mod error_view;
pub mod form;
pub mod lang_switcher;
pub mod layout;
pub mod unit_tree;
pub mod user_menu;
