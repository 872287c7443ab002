//! Readiness figures kept current: other services call these hooks inside their own transaction
//! whenever something a readiness score depends on changes (a completion, an exercise rating, a
//! mentoring pairing). Must not import pages or server functions.

use sea_orm::{ConnectionTrait, DbErr};
use uuid::Uuid;

/// People whose completions, enrolments or mentoring changed; call inside the writing transaction.
/// Fails only when the database does.
pub async fn people_changed<C: ConnectionTrait>(db: &C, user_ids: &[Uuid]) -> Result<(), DbErr> {
    // Issue 7 fills this in; callers are wired now so nothing is missed later.
    let _ = (db, user_ids);
    Ok(())
}

/// Units whose exercise ratings or enrolments changed (everyone in them is affected); call inside
/// the writing transaction. Fails only when the database does.
pub async fn units_changed<C: ConnectionTrait>(db: &C, unit_ids: &[Uuid]) -> Result<(), DbErr> {
    let _ = (db, unit_ids);
    Ok(())
}
