//! The audit trail: every mutation appends a row (who, when, what, before, after) whose SHA-256
//! hash chains to the previous row, so editing or deleting history is detectable. Append-only:
//! nothing here updates or deletes a row.

use chrono::{DateTime, SubsecRound, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, sea_query::Expr,
};
use serde_json::Value;
use uuid::Uuid;

use crate::{
    api::admin::{AuditFilter, AuditPage, AuditRowView},
    domain::policy::{Action, Actor, Scope, require},
    server::{
        auth::secret::sha256_hex,
        entities::{audit_head, audit_log},
        error::ServiceError,
    },
};

/// The hash the first row chains to (the migration seeds the head with it).
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Who did it, as the trail records it.
#[derive(Clone, Debug)]
pub struct Who {
    pub id: Option<Uuid>,
    pub name: String,
}

impl Who {
    pub fn actor(actor: &Actor) -> Self {
        Self {
            id: Some(actor.user_id),
            name: actor.username.clone(),
        }
    }

    /// The server itself (command line, seeding).
    pub fn system() -> Self {
        Self {
            id: None,
            name: "system".into(),
        }
    }

    /// Someone not signed in.
    pub fn anonymous() -> Self {
        Self {
            id: None,
            name: "anonymous".into(),
        }
    }
}

/// One change to record.
#[derive(Clone, Debug)]
pub struct Entry {
    pub action: &'static str,
    pub entity_type: &'static str,
    pub entity_id: Option<String>,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

impl Entry {
    pub fn new(action: &'static str, entity_type: &'static str, entity_id: impl ToString) -> Self {
        Self {
            action,
            entity_type,
            entity_id: Some(entity_id.to_string()),
            before: None,
            after: None,
        }
    }

    pub fn before(mut self, v: impl serde::Serialize) -> Self {
        self.before = serde_json::to_value(v).ok();
        self
    }

    pub fn after(mut self, v: impl serde::Serialize) -> Self {
        self.after = serde_json::to_value(v).ok();
        self
    }
}

fn canonical_time(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

/// The hash of a row: every recorded field, in a fixed order, and the previous hash.
fn row_hash(row: &audit_log::Model) -> String {
    let fields = [
        row.seq.to_string(),
        canonical_time(row.at),
        row.actor_id.map(|u| u.to_string()).unwrap_or_default(),
        row.actor_name.clone(),
        row.action.clone(),
        row.entity_type.clone(),
        row.entity_id.clone().unwrap_or_default(),
        row.before.clone().unwrap_or_default(),
        row.after.clone().unwrap_or_default(),
        row.prev_hash.clone(),
    ];
    let mut text = String::new();
    for f in fields {
        text.push_str(&f.len().to_string());
        text.push(':');
        text.push_str(&f);
        text.push('\n');
    }
    sha256_hex(&text)
}

/// Appends `entry` to the trail inside the caller's transaction. Taking the chain head with an
/// UPDATE first serialises appends across connections and server instances.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    who: &Who,
    now: DateTime<Utc>,
    entry: Entry,
) -> Result<(), ServiceError> {
    audit_head::Entity::update_many()
        .col_expr(
            audit_head::Column::Seq,
            Expr::col(audit_head::Column::Seq).add(1),
        )
        .filter(audit_head::Column::Id.eq(1))
        .exec(db)
        .await?;
    let head = audit_head::Entity::find_by_id(1)
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the audit chain head is missing"))?;
    let mut row = audit_log::Model {
        seq: head.seq,
        at: now.trunc_subsecs(6),
        actor_id: who.id,
        actor_name: who.name.chars().take(64).collect(),
        action: entry.action.to_owned(),
        entity_type: entry.entity_type.to_owned(),
        entity_id: entry.entity_id,
        before: entry.before.map(|v| v.to_string()),
        after: entry.after.map(|v| v.to_string()),
        prev_hash: head.hash,
        hash: String::new(),
    };
    row.hash = row_hash(&row);
    let hash = row.hash.clone();
    audit_log::Entity::insert(audit_log::ActiveModel {
        seq: Set(row.seq),
        at: Set(row.at),
        actor_id: Set(row.actor_id),
        actor_name: Set(row.actor_name),
        action: Set(row.action),
        entity_type: Set(row.entity_type),
        entity_id: Set(row.entity_id),
        before: Set(row.before),
        after: Set(row.after),
        prev_hash: Set(row.prev_hash),
        hash: Set(row.hash),
    })
    .exec(db)
    .await?;
    audit_head::Entity::update_many()
        .col_expr(audit_head::Column::Hash, Expr::value(hash))
        .filter(audit_head::Column::Id.eq(1))
        .exec(db)
        .await?;
    Ok(())
}

/// The outcome of checking the chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verification {
    pub rows: u64,
    /// The first row that does not verify, and why; `None` when the chain is intact.
    pub first_broken: Option<(i64, &'static str)>,
}

/// Recomputes every hash and link, and checks the head points at the last row (so a deleted
/// tail is caught too).
pub async fn verify<C: ConnectionTrait>(db: &C) -> Result<Verification, ServiceError> {
    let mut prev_hash = GENESIS.to_owned();
    let mut expected_seq = 1i64;
    let mut rows = 0u64;
    let mut pages = audit_log::Entity::find()
        .order_by_asc(audit_log::Column::Seq)
        .paginate(db, 1000);
    while let Some(page) = pages.fetch_and_next().await? {
        for row in page {
            rows += 1;
            let broken = if row.seq != expected_seq {
                Some("sequence-gap")
            } else if row.prev_hash != prev_hash {
                Some("broken-link")
            } else if row_hash(&row) != row.hash {
                Some("content-changed")
            } else {
                None
            };
            if let Some(reason) = broken {
                return Ok(Verification {
                    rows,
                    first_broken: Some((row.seq, reason)),
                });
            }
            prev_hash = row.hash;
            expected_seq += 1;
        }
    }
    let head = audit_head::Entity::find_by_id(1)
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the audit chain head is missing"))?;
    if head.seq != expected_seq - 1 || head.hash != prev_hash {
        return Ok(Verification {
            rows,
            first_broken: Some((expected_seq, "rows-missing")),
        });
    }
    Ok(Verification {
        rows,
        first_broken: None,
    })
}

/// One page of the trail, newest first, for administrators.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    filter: &AuditFilter,
) -> Result<AuditPage, ServiceError> {
    require(actor, Action::ViewAudit, &Scope::alliance())?;
    let mut q = audit_log::Entity::find();
    if let Some(a) = filter.action.as_deref().filter(|s| !s.is_empty()) {
        q = q.filter(audit_log::Column::Action.starts_with(a.trim()));
    }
    if let Some(a) = filter.actor.as_deref().filter(|s| !s.is_empty()) {
        q = q.filter(audit_log::Column::ActorName.eq(a.trim().to_lowercase()));
    }
    if let Some(t) = filter.entity_type.as_deref().filter(|s| !s.is_empty()) {
        q = q.filter(audit_log::Column::EntityType.eq(t.trim()));
    }
    if let Some(id) = filter.entity_id.as_deref().filter(|s| !s.is_empty()) {
        q = q.filter(audit_log::Column::EntityId.eq(id.trim()));
    }
    if let Some(from) = filter.from {
        q = q.filter(audit_log::Column::At.gte(from.and_hms_opt(0, 0, 0).map(|d| d.and_utc())));
    }
    if let Some(to) = filter.to {
        let end = to
            .succ_opt()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| d.and_utc());
        q = q.filter(audit_log::Column::At.lt(end));
    }
    let per_page = filter.per_page.clamp(1, 200);
    let total = q.clone().count(db).await?;
    let rows = q
        .order_by_desc(audit_log::Column::Seq)
        .offset(filter.page.saturating_mul(per_page))
        .limit(per_page)
        .all(db)
        .await?;
    Ok(AuditPage {
        total,
        page: filter.page,
        per_page,
        rows: rows
            .into_iter()
            .map(|r| AuditRowView {
                seq: r.seq,
                at: r.at,
                actor: r.actor_name,
                action: r.action,
                entity_type: r.entity_type,
                entity_id: r.entity_id,
                before: r.before,
                after: r.after,
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::testing::test_db;
    use sea_orm::TransactionTrait;

    #[tokio::test]
    async fn the_chain_verifies_and_detects_an_edited_or_deleted_row() {
        let db = test_db().await;
        let now = Utc::now();
        for i in 0..5 {
            let txn = db.conn.begin().await.unwrap();
            record(
                &txn,
                &Who::system(),
                now,
                Entry::new("test.event", "thing", i).after(serde_json::json!({"i": i})),
            )
            .await
            .unwrap();
            txn.commit().await.unwrap();
        }
        let ok = verify(&db.conn).await.unwrap();
        assert_eq!(
            ok,
            Verification {
                rows: 5,
                first_broken: None
            }
        );

        // tamper with row 3's content
        db.conn
            .execute_unprepared("UPDATE audit_log SET after = '{\"i\":99}' WHERE seq = 3")
            .await
            .unwrap();
        let bad = verify(&db.conn).await.unwrap();
        assert_eq!(bad.first_broken, Some((3, "content-changed")));
        db.conn
            .execute_unprepared("UPDATE audit_log SET after = '{\"i\":2}' WHERE seq = 3")
            .await
            .unwrap();
        assert_eq!(verify(&db.conn).await.unwrap().first_broken, None);

        // delete the newest row
        db.conn
            .execute_unprepared("DELETE FROM audit_log WHERE seq = 5")
            .await
            .unwrap();
        assert_eq!(
            verify(&db.conn).await.unwrap().first_broken,
            Some((5, "rows-missing"))
        );
        db.close().await;
    }
}
