//! Use cases over the database, one module per aggregate. Order inside a service: authorize →
//! validate into domain values → apply the domain rule → persist → map to a DTO. A service that
//! writes owns its transaction and appends to the audit trail inside it.

pub mod audit;
pub mod curriculum;
pub mod mentoring;
pub mod org;
pub mod readiness;
pub mod tokens;
pub mod users;
