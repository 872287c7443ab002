//! Sessions stored in the database, so several server instances share them. The browser holds a
//! random 256-bit token in an HttpOnly cookie; the database holds only its SHA-256.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};
use uuid::Uuid;

use super::secret::{random_hex, sha256_hex};
use crate::server::{entities::session, error::ServiceError};

/// The session cookie's name.
pub const COOKIE: &str = "muster_session";

/// Sessions are only written back when they have been idle this long, to spare the database.
const TOUCH_AFTER: Duration = Duration::seconds(60);

/// Opens a session for `user`, returning the token for the cookie.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    user: Uuid,
    now: DateTime<Utc>,
    idle: Duration,
) -> Result<String, ServiceError> {
    let token = random_hex(32).map_err(|e| anyhow::anyhow!("no randomness for a session: {e}"))?;
    session::ActiveModel {
        id_hash: Set(sha256_hex(&token)),
        user_id: Set(user),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(now + idle),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The user of a live session, extending its idle expiry; expired sessions are deleted.
pub async fn resolve<C: ConnectionTrait>(
    db: &C,
    token: &str,
    now: DateTime<Utc>,
    idle: Duration,
) -> Result<Option<Uuid>, ServiceError> {
    let Some(found) = session::Entity::find_by_id(sha256_hex(token))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if found.expires_at <= now {
        session::Entity::delete_by_id(found.id_hash)
            .exec(db)
            .await?;
        return Ok(None);
    }
    let user = found.user_id;
    if now - found.last_seen_at >= TOUCH_AFTER {
        let mut active: session::ActiveModel = found.into();
        active.last_seen_at = Set(now);
        active.expires_at = Set(now + idle);
        active.update(db).await?;
    }
    Ok(Some(user))
}

/// Ends one session.
pub async fn end<C: ConnectionTrait>(db: &C, token: &str) -> Result<(), ServiceError> {
    session::Entity::delete_by_id(sha256_hex(token))
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of `user` (password change, reset, disabling).
pub async fn end_all<C: ConnectionTrait>(db: &C, user: Uuid) -> Result<u64, ServiceError> {
    Ok(session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user))
        .exec(db)
        .await?
        .rows_affected)
}

/// The `Set-Cookie` value carrying a new session: HttpOnly, SameSite=Lax, Secure in production.
pub fn cookie(token: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax{secure}")
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clear_cookie(secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}")
}
