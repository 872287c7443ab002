//! Calendar feeds per user, unit or nation: a secret token in the URL (only its SHA-256 kept),
//! revocable, and filtered by what the feed's owner may see at the time it is read.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder,
};
use uuid::Uuid;

use super::{ics, listing, lookup::Lookup};
use crate::{
    api::exercises::{ExerciseFilter, FeedView, NewFeed},
    domain::policy::{Action, Actor, Scope, allows},
    error::AppError,
    server::{
        auth::secret::{random_hex, sha256_hex},
        db::begin_write,
        entities::calendar::{calendar_feed, exercise},
        error::ServiceError,
        services::{
            audit::{self, Entry, Who},
            users,
        },
    },
};

/// The path of a feed with its secret.
fn path_of(token: &str) -> String {
    format!("/api/v1/calendar/{token}.ics")
}

fn view(f: calendar_feed::Model, url: Option<String>) -> FeedView {
    FeedView {
        id: f.id,
        scope: f.scope,
        subject_id: f.subject_id,
        created_at: f.created_at,
        url,
    }
}

/// The actor's live feeds (without their secrets).
pub async fn list_feeds<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
) -> Result<Vec<FeedView>, ServiceError> {
    Ok(calendar_feed::Entity::find()
        .filter(calendar_feed::Column::OwnerId.eq(actor.user_id))
        .filter(calendar_feed::Column::RevokedAt.is_null())
        .order_by_asc(calendar_feed::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|f| view(f, None))
        .collect())
}

/// Creates a feed of the actor's own exercises, of a unit (their own, or one of a nation they
/// plan for) or of a nation (their own, or any with an alliance grant). The answer carries the
/// URL, shown this once.
pub async fn create_feed(
    db: &DatabaseConnection,
    actor: &Actor,
    input: NewFeed,
    now: DateTime<Utc>,
) -> Result<FeedView, ServiceError> {
    let lookup = Lookup::load(db).await?;
    let alliance = actor.grants.iter().any(|g| g.alliance);
    let subject = match input.scope.as_str() {
        "user" => {
            let id = input.id.unwrap_or(actor.user_id);
            if id != actor.user_id {
                return Err(AppError::Forbidden.into());
            }
            id
        }
        "unit" => {
            let id = input
                .id
                .or(actor.unit_id)
                .ok_or(AppError::field("id", "required"))?;
            let unit = lookup
                .units
                .get(&id)
                .ok_or(AppError::field("id", "unknown"))?;
            let ok = actor.unit_id == Some(id)
                || allows(actor, Action::PlanExercises, &Scope::nation(unit.nation_id));
            if !ok {
                return Err(AppError::Forbidden.into());
            }
            id
        }
        "nation" => {
            let id = input
                .id
                .or(actor.nation_id)
                .ok_or(AppError::field("id", "required"))?;
            if !lookup.nations.contains_key(&id) {
                return Err(AppError::field("id", "unknown").into());
            }
            if actor.nation_id != Some(id) && !alliance {
                return Err(AppError::Forbidden.into());
            }
            id
        }
        _ => return Err(AppError::field("scope", "unknown").into()),
    };
    let token = random_hex(32).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    let model = calendar_feed::Model {
        id: Uuid::new_v4(),
        owner_id: actor.user_id,
        scope: input.scope.clone(),
        subject_id: subject,
        token_hash: sha256_hex(&token),
        created_at: now,
        revoked_at: None,
    };
    let txn = begin_write(db).await?;
    calendar_feed::Entity::insert(calendar_feed::ActiveModel {
        id: Set(model.id),
        owner_id: Set(model.owner_id),
        scope: Set(model.scope.clone()),
        subject_id: Set(subject),
        token_hash: Set(model.token_hash.clone()),
        created_at: Set(now),
        revoked_at: Set(None),
    })
    .exec(&txn)
    .await?;
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("calendar_feed.created", "calendar_feed", model.id)
            .after(serde_json::json!({"scope": model.scope, "subject_id": subject})),
    )
    .await?;
    txn.commit().await?;
    Ok(view(model, Some(path_of(&token))))
}

/// Revokes one of the actor's feeds; its URL stops working at once.
pub async fn revoke_feed(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let feed = calendar_feed::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|f| f.owner_id == actor.user_id && f.revoked_at.is_none())
        .ok_or(AppError::NotFound)?;
    let txn = begin_write(db).await?;
    calendar_feed::Entity::update(calendar_feed::ActiveModel {
        id: Set(feed.id),
        revoked_at: Set(Some(now)),
        ..Default::default()
    })
    .exec(&txn)
    .await?;
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("calendar_feed.revoked", "calendar_feed", feed.id),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The iCalendar text of the feed with `token` (404 for unknown or revoked tokens and for
/// owners who can no longer sign in). Holds only what the owner may see now.
pub async fn feed_ics<C: ConnectionTrait>(db: &C, token: &str) -> Result<String, ServiceError> {
    let feed = calendar_feed::Entity::find()
        .filter(calendar_feed::Column::TokenHash.eq(sha256_hex(token)))
        .filter(calendar_feed::Column::RevokedAt.is_null())
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let owner = users::find_current(db, feed.owner_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut filter = ExerciseFilter::default();
    match feed.scope.as_str() {
        "unit" => filter.unit = Some(feed.subject_id),
        "nation" => filter.nation = Some(feed.subject_id),
        _ => filter.mine = true,
    }
    let list = listing::list(db, &owner.actor, &filter, owner.locale).await?;
    let ids: Vec<Uuid> = list.iter().map(|s| s.id).collect();
    let mut meta: HashMap<Uuid, (i32, DateTime<Utc>)> = HashMap::new();
    for chunk in ids.chunks(500) {
        for m in exercise::Entity::find()
            .filter(exercise::Column::Id.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            meta.insert(m.id, (m.sequence, m.updated_at));
        }
    }
    let summaries: Vec<String> = list
        .iter()
        .map(|s| format!("{} — {}", s.code, s.name))
        .collect();
    let events: Vec<ics::Event<'_>> = list
        .iter()
        .zip(&summaries)
        .map(|(s, summary)| {
            let (sequence, stamp) = meta.get(&s.id).copied().unwrap_or((0, s.start_at));
            ics::Event {
                id: s.id,
                sequence,
                stamp,
                start: s.start_at,
                end: s.end_at,
                summary,
                location: &s.host_base_name,
                status: &s.status,
            }
        })
        .collect();
    Ok(ics::calendar("Muster", &events))
}
