//! Personal API tokens of the signed-in person: create (the secret is shown once), list, revoke.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use super::audit::{self, Entry, Who};
use crate::{
    api::auth::{NewToken, TokenView},
    domain::{policy::Actor, text},
    error::AppError,
    server::{
        auth::{secret::sha256_hex, token},
        db::begin_write,
        entities::api_token,
        error::ServiceError,
    },
};

/// The person's tokens, newest first.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
) -> Result<Vec<TokenView>, ServiceError> {
    Ok(api_token::Entity::find()
        .filter(api_token::Column::UserId.eq(actor.user_id))
        .order_by_desc(api_token::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|t| TokenView {
            id: t.id,
            name: t.name,
            created_at: t.created_at,
            last_used_at: t.last_used_at,
            revoked: t.revoked_at.is_some(),
        })
        .collect())
}

/// Creates a token named `name` for the actor.
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    name: &str,
    now: DateTime<Utc>,
) -> Result<NewToken, ServiceError> {
    let name = text::name("name", name, 120)?;
    let secret = token::generate()?;
    let id = Uuid::new_v4();
    let txn = begin_write(db).await?;
    api_token::Entity::insert(api_token::ActiveModel {
        id: Set(id),
        user_id: Set(actor.user_id),
        name: Set(name.clone()),
        token_hash: Set(sha256_hex(&secret)),
        created_at: Set(now),
        last_used_at: Set(None),
        revoked_at: Set(None),
    })
    .exec(&txn)
    .await?;
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("token.created", "api_token", id).after(serde_json::json!({ "name": name })),
    )
    .await?;
    txn.commit().await?;
    Ok(NewToken {
        id,
        name,
        token: secret,
    })
}

/// Revokes one of the actor's tokens; another person's token is "not found".
pub async fn revoke(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let txn = begin_write(db).await?;
    let found = api_token::Entity::find_by_id(id)
        .filter(api_token::Column::UserId.eq(actor.user_id))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if found.revoked_at.is_some() {
        return Ok(());
    }
    let name = found.name.clone();
    let mut active: api_token::ActiveModel = found.into();
    active.revoked_at = Set(Some(now));
    active.update(&txn).await?;
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("token.revoked", "api_token", id).after(serde_json::json!({ "name": name })),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
