//! sea-orm entities, one per table. They never leave `server/`: services map them to DTOs.

pub mod api_token;
pub mod audit_head;
pub mod audit_log;
pub mod base;
pub mod calendar;
pub mod nation;
pub mod session;
pub mod unit;
pub mod user;
pub mod user_role;
