//! Ratings after an exercise: per objective and participating unit, T (trained), P (partially
//! trained) or U (untrained) with a comment. Saving re-rates (one rating per cell) and tells
//! readiness that the units changed, inside the same transaction.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::{
    calendar::Children,
    lookup::Lookup,
    visibility::{Releasability, Viewer},
};
use crate::{
    api::exercises::{RATINGS, RatingInput, RatingView},
    domain::policy::{Action, Actor, Scope, require},
    error::{AppError, FieldError},
    server::{
        db::begin_write,
        entities::calendar::{exercise, exercise_objective, exercise_rating},
        error::ServiceError,
        services::{
            audit::{self, Entry, Who},
            readiness,
        },
    },
};

/// Records ratings for a finished exercise the actor plans for; answers every rating now held.
pub async fn rate(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    ratings: Vec<RatingInput>,
    now: DateTime<Utc>,
) -> Result<Vec<RatingView>, ServiceError> {
    let lookup = Lookup::load(db).await?;
    let m = exercise::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let viewer = Viewer::of(actor);
    let rel = Releasability::load(db, &viewer, &[&m]).await?;
    if !rel.visible(&viewer, &m, &lookup) {
        return Err(AppError::NotFound.into());
    }
    require(
        actor,
        Action::RateExercises,
        &Scope::nation(m.lead_nation_id),
    )?;
    if m.status == "cancelled" || (m.status != "completed" && m.end_at > now) {
        return Err(AppError::Conflict("exercise-not-finished".into()).into());
    }
    let objectives: HashSet<Uuid> = exercise_objective::Entity::find()
        .filter(exercise_objective::Column::ExerciseId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|o| o.id)
        .collect();
    let children = Children::load(db, &[id]).await?;
    let units: HashSet<Uuid> = children
        .units
        .get(&id)
        .into_iter()
        .flatten()
        .map(|(u, _)| *u)
        .collect();
    let mut errors = vec![];
    for (i, r) in ratings.iter().enumerate() {
        if !objectives.contains(&r.objective_id) {
            errors.push(FieldError::new(
                format!("ratings[{i}].objective_id"),
                "unknown",
            ));
        }
        if !units.contains(&r.unit_id) {
            errors.push(FieldError::new(format!("ratings[{i}].unit_id"), "unknown"));
        }
        if !RATINGS.contains(&r.rating.as_str()) {
            errors.push(FieldError::new(format!("ratings[{i}].rating"), "rating"));
        }
        if r.comment.chars().count() > 2000 {
            errors.push(FieldError::new(format!("ratings[{i}].comment"), "too-long"));
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors).into());
    }
    let txn = begin_write(db).await?;
    for r in &ratings {
        exercise_rating::Entity::delete_many()
            .filter(exercise_rating::Column::ObjectiveId.eq(r.objective_id))
            .filter(exercise_rating::Column::UnitId.eq(r.unit_id))
            .exec(&txn)
            .await?;
        exercise_rating::Entity::insert(exercise_rating::ActiveModel {
            id: Set(Uuid::new_v4()),
            exercise_id: Set(id),
            objective_id: Set(r.objective_id),
            unit_id: Set(r.unit_id),
            rating: Set(r.rating.clone()),
            comment: Set(r.comment.trim().to_owned()),
            rated_by: Set(Some(actor.user_id)),
            rated_at: Set(now),
        })
        .exec(&txn)
        .await?;
    }
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("exercise.rated", "exercise", id).after(serde_json::json!({
            "ratings": ratings.iter().map(|r| serde_json::json!({
                "objective_id": r.objective_id, "unit_id": r.unit_id, "rating": r.rating,
            })).collect::<Vec<_>>(),
        })),
    )
    .await?;
    let mut rated: Vec<Uuid> = ratings.iter().map(|r| r.unit_id).collect();
    rated.sort_unstable();
    rated.dedup();
    readiness::units_changed(&txn, &rated).await?;
    txn.commit().await?;
    let rows = exercise_rating::Entity::find()
        .filter(exercise_rating::Column::ExerciseId.eq(id))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| RatingView {
            objective_id: r.objective_id,
            unit_id: r.unit_id,
            rating: r.rating,
            comment: r.comment,
            rated_at: r.rated_at,
        })
        .collect())
}
