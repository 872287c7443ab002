//! sea-orm entities, one per table. They never leave `server/`: services map them to DTOs.

pub mod base;
pub mod nation;
pub mod unit;
