//! The database schema as frozen history: one file per change, applied in order on SQLite and
//! PostgreSQL alike. Must not import the `app` crate — each migration owns its identifiers.

pub use sea_orm_migration::prelude::*;

mod m20261128_000001_organisation;
mod m20261128_000002_identity;
mod m20261128_000003_exercises;
mod m20261128_000004_curriculum;
mod m20261128_000005_mentoring;
mod m20261128_000006_readiness;
mod m20261128_000007_validity_spans;
mod m20261128_000008_form_drafts;

/// Every migration, oldest first.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261128_000001_organisation::Migration),
            Box::new(m20261128_000002_identity::Migration),
            Box::new(m20261128_000003_exercises::Migration),
            Box::new(m20261128_000004_curriculum::Migration),
            Box::new(m20261128_000005_mentoring::Migration),
            Box::new(m20261128_000006_readiness::Migration),
            Box::new(m20261128_000007_validity_spans::Migration),
            Box::new(m20261128_000008_form_drafts::Migration),
        ]
    }
}
