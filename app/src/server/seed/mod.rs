//! Demo data for a first start: a realistic multinational organisation. Idempotent: seeding a
//! database that already has nations changes nothing.

mod curriculum;
mod exercises;
mod mentoring;
mod org;
mod people;
mod readiness;

use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

pub use people::accounts;

use super::{
    auth::{password, secret::random_hex},
    db::begin_write,
    entities::nation,
    error::ServiceError,
    services::audit::{self, Entry, Who},
};

/// The environment variable holding the demo accounts' shared password.
pub const DEMO_PASSWORD_VAR: &str = "MUSTER_DEMO_PASSWORD";

/// What a seeding run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SeedReport {
    pub seeded: bool,
    pub nations: usize,
    pub bases: usize,
    pub units: usize,
    pub people: usize,
    /// The generated demo password, when none was given (to be shown once).
    pub generated_password: Option<String>,
}

/// Seeds the demo data unless the database already holds an organisation. The demo accounts
/// share `password`, or a random password returned in the report.
pub async fn demo_with_password(
    db: &DatabaseConnection,
    password_text: Option<String>,
    now: DateTime<Utc>,
) -> Result<SeedReport, ServiceError> {
    if nation::Entity::find().count(db).await? > 0 {
        return Ok(SeedReport::default());
    }
    let (password_text, generated) = match password_text.filter(|p| !p.is_empty()) {
        Some(p) => {
            crate::domain::text::password(DEMO_PASSWORD_VAR, &p)?;
            (p, None)
        }
        None => {
            let p = random_hex(9).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
            (p.clone(), Some(p))
        }
    };
    let hash = password::hash(password_text).await?;
    let txn = begin_write(db).await?;
    let mut report = org::seed(&txn, now).await?;
    report.people = people::seed(&txn, &hash, now).await?;
    curriculum::seed(&txn, now).await?;
    report.people += mentoring::seed(&txn, &hash, now).await?;
    exercises::seed(&txn, now).await?;
    // last: builds on the curriculum seed
    readiness::seed(&txn, &hash, now).await?;
    // the seeds write completions directly: derive their validity ranges once
    crate::server::services::curriculum::validity::rebuild_all(&txn).await?;
    audit::record(
        &txn,
        &Who::system(),
        now,
        Entry {
            action: "demo.seeded",
            entity_type: "database",
            entity_id: None,
            before: None,
            after: Some(serde_json::json!({
                "nations": report.nations, "bases": report.bases, "units": report.units, "people": report.people,
            })),
        },
    )
    .await?;
    txn.commit().await?;
    // readiness trends need a history: recomputed from the records as they stood each week
    super::services::readiness::cache::seed_history(db, now.date_naive(), 12).await?;
    report.seeded = true;
    report.generated_password = generated;
    Ok(report)
}

/// Seeds with the password from `MUSTER_DEMO_PASSWORD`, else a generated one.
pub async fn demo(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<SeedReport, ServiceError> {
    demo_with_password(db, std::env::var(DEMO_PASSWORD_VAR).ok(), now).await
}

/// A stable id for a demo record, so ids survive re-seeding a fresh database.
pub fn demo_id(kind: &str, key: &str) -> uuid::Uuid {
    const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6d75_7374_6572_4000_8000_6465_6d6f_0001);
    uuid::Uuid::new_v5(&NAMESPACE, format!("{kind}:{key}").as_bytes())
}
