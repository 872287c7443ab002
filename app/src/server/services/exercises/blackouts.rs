//! National blackout periods (holidays, leave): listed for everyone signed in, recorded by the
//! nation's training officers.

use chrono::{DateTime, NaiveTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder,
};
use uuid::Uuid;

use super::lookup::Lookup;
use crate::{
    api::exercises::{BlackoutView, ExerciseFilter, NewBlackout},
    domain::{
        policy::{Action, Actor, Scope, require},
        text,
    },
    error::{AppError, FieldError},
    server::{
        db::begin_write,
        entities::calendar::blackout,
        error::ServiceError,
        services::audit::{self, Entry, Who},
    },
};

fn view(b: blackout::Model, lookup: &Lookup) -> BlackoutView {
    BlackoutView {
        id: b.id,
        nation_code: lookup.nation_code(b.nation_id),
        nation_id: b.nation_id,
        start_at: b.start_at,
        end_at: b.end_at,
        reason: b.reason,
    }
}

/// Blackouts overlapping the filter's dates (all when none), optionally of one nation.
pub async fn list_blackouts<C: ConnectionTrait>(
    db: &C,
    _actor: &Actor,
    filter: &ExerciseFilter,
) -> Result<Vec<BlackoutView>, ServiceError> {
    let lookup = Lookup::load(db).await?;
    let mut q = blackout::Entity::find().order_by_asc(blackout::Column::StartAt);
    if let Some(from) = filter.from {
        q = q.filter(blackout::Column::EndAt.gt(from.and_time(NaiveTime::MIN).and_utc()));
    }
    if let Some(to) = filter.to {
        q = q.filter(blackout::Column::StartAt.lt(to.and_time(NaiveTime::MIN).and_utc()));
    }
    if let Some(n) = filter.nation {
        q = q.filter(blackout::Column::NationId.eq(n));
    }
    Ok(q.all(db)
        .await?
        .into_iter()
        .map(|b| view(b, &lookup))
        .collect())
}

/// Records a blackout for a nation the actor plans for.
pub async fn create_blackout(
    db: &DatabaseConnection,
    actor: &Actor,
    input: NewBlackout,
    now: DateTime<Utc>,
) -> Result<BlackoutView, ServiceError> {
    let lookup = Lookup::load(db).await?;
    let mut errors = vec![];
    let nation_id = match input.nation_id.or(actor.nation_id) {
        Some(n) if lookup.nations.contains_key(&n) => Some(n),
        Some(_) => {
            errors.push(FieldError::new("nation_id", "unknown"));
            None
        }
        None => {
            errors.push(FieldError::new("nation_id", "required"));
            None
        }
    };
    let reason = text::name("reason", &input.reason, 200)
        .map_err(|e| errors.push(e))
        .ok();
    if input.start_at.is_none() {
        errors.push(FieldError::new("start_at", "required"));
    }
    if input.end_at.is_none() {
        errors.push(FieldError::new("end_at", "required"));
    }
    if let (Some(s), Some(e)) = (input.start_at, input.end_at)
        && e <= s
    {
        errors.push(FieldError::new("end_at", "end-before-start"));
    }
    let (Some(nation_id), Some(reason), Some(start_at), Some(end_at)) =
        (nation_id, reason, input.start_at, input.end_at)
    else {
        return Err(AppError::Validation(errors).into());
    };
    if !errors.is_empty() {
        return Err(AppError::Validation(errors).into());
    }
    require(actor, Action::PlanExercises, &Scope::nation(nation_id))?;
    let model = blackout::Model {
        id: Uuid::new_v4(),
        nation_id,
        start_at,
        end_at,
        reason,
        created_at: now,
    };
    let txn = begin_write(db).await?;
    blackout::Entity::insert(blackout::ActiveModel {
        id: Set(model.id),
        nation_id: Set(nation_id),
        start_at: Set(start_at),
        end_at: Set(end_at),
        reason: Set(model.reason.clone()),
        created_at: Set(now),
    })
    .exec(&txn)
    .await?;
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("blackout.created", "blackout", model.id).after(serde_json::json!({
            "nation_id": nation_id, "start_at": start_at, "end_at": end_at, "reason": model.reason,
        })),
    )
    .await?;
    txn.commit().await?;
    Ok(view(model, &lookup))
}
