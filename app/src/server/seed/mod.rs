//! Demo data for a first start: a realistic multinational organisation. Idempotent: seeding a
//! database that already has nations changes nothing.

mod org;

use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait, TransactionTrait};

use super::{entities::nation, error::ServiceError};

/// What a seeding run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SeedReport {
    pub seeded: bool,
    pub nations: usize,
    pub bases: usize,
    pub units: usize,
}

/// Seeds the demo data unless the database already holds an organisation.
pub async fn demo(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<SeedReport, ServiceError> {
    if nation::Entity::find().count(db).await? > 0 {
        return Ok(SeedReport::default());
    }
    let txn = db.begin().await?;
    let mut report = org::seed(&txn, now).await?;
    txn.commit().await?;
    report.seeded = true;
    Ok(report)
}

/// A stable id for a demo record, so ids survive re-seeding a fresh database.
pub(crate) fn demo_id(kind: &str, key: &str) -> uuid::Uuid {
    const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6d75_7374_6572_4000_8000_6465_6d6f_0001);
    uuid::Uuid::new_v5(&NAMESPACE, format!("{kind}:{key}").as_bytes())
}
