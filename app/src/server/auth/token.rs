//! Personal API tokens: `mst_` + 256 random bits, shown once, stored as SHA-256, revocable.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};
use uuid::Uuid;

use super::secret::{random_hex, sha256_hex};
use crate::server::{entities::api_token, error::ServiceError};

pub const PREFIX: &str = "mst_";

/// A fresh token text.
pub fn generate() -> Result<String, ServiceError> {
    Ok(format!(
        "{PREFIX}{}",
        random_hex(32).map_err(|e| anyhow::anyhow!("no randomness for a token: {e}"))?
    ))
}

/// The user a live (not revoked) token belongs to; records its use.
pub async fn resolve<C: ConnectionTrait>(
    db: &C,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<Uuid>, ServiceError> {
    if !token.starts_with(PREFIX) {
        return Ok(None);
    }
    let found = api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(sha256_hex(token)))
        .filter(api_token::Column::RevokedAt.is_null())
        .one(db)
        .await?;
    let Some(found) = found else {
        return Ok(None);
    };
    let user = found.user_id;
    let stale = found
        .last_used_at
        .is_none_or(|t| now - t >= chrono::Duration::minutes(5));
    if stale {
        let mut active: api_token::ActiveModel = found.into();
        active.last_used_at = Set(Some(now));
        active.update(db).await?;
    }
    Ok(Some(user))
}
