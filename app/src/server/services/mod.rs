//! Use cases over the database, one module per aggregate. Order inside a service: authorize →
//! validate into domain values → apply the domain rule → persist → map to a DTO.

pub mod org;
