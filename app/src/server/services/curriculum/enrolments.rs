//! Enrolling a person or a unit (everyone in it and below it) in a curriculum, with a due date;
//! trainees may enrol themselves where the curriculum allows it. Audited; readiness is told.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::{content::find_curriculum, person_scope};
use crate::{
    api::curriculum::{EnrolmentRow, NewEnrolment},
    domain::policy::{Action, Actor, Role, Scope, require},
    error::{AppError, FieldError},
    server::{
        db::begin_write,
        entities::{enrolment, unit, user},
        error::ServiceError,
        services::{
            audit::{self, Entry, Who},
            org::unit_tree,
            readiness,
        },
    },
};

/// Enrols exactly one of a person or a unit. Bad or missing ids are 422; a target outside the
/// actor's scope is 403; self-enrolment needs a curriculum that allows it; enrolling the same
/// target twice is `Conflict("duplicate")`.
pub async fn enrol(
    db: &DatabaseConnection,
    actor: &Actor,
    input: NewEnrolment,
    now: DateTime<Utc>,
) -> Result<EnrolmentRow, ServiceError> {
    let mut errors = vec![];
    let Some(curriculum_id) = input.curriculum_id else {
        return Err(AppError::field("curriculum_id", "required").into());
    };
    let curriculum = match find_curriculum(db, curriculum_id).await {
        Ok(c) => Some(c),
        Err(ServiceError::App(AppError::NotFound)) => {
            errors.push(FieldError::new("curriculum_id", "unknown"));
            None
        }
        Err(e) => return Err(e),
    };
    match (input.user_id, input.unit_id) {
        (Some(person), None) => {
            let Some(p) = user::Entity::find_by_id(person).one(db).await? else {
                errors.push(FieldError::new("user_id", "unknown"));
                return Err(AppError::Validation(errors).into());
            };
            require(actor, Action::AssignCurricula, &person_scope(db, &p).await?)?;
            let officer = actor.has_role(Role::TrainingOfficer) || actor.has_role(Role::Commander);
            if p.id == actor.user_id
                && !officer
                && curriculum.as_ref().is_some_and(|c| !c.self_enrol)
            {
                return Err(AppError::Forbidden.into());
            }
        }
        (None, Some(unit_id)) => {
            let Some(u) = unit::Entity::find_by_id(unit_id).one(db).await? else {
                errors.push(FieldError::new("unit_id", "unknown"));
                return Err(AppError::Validation(errors).into());
            };
            let chain = unit_tree(db).await?.ancestors_and_self(u.id);
            require(
                actor,
                Action::AssignCurricula,
                &Scope::unit(u.nation_id, chain),
            )?;
        }
        _ => errors.push(FieldError::new("user_id", "one-of")),
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors).into());
    }
    let mut existing =
        enrolment::Entity::find().filter(enrolment::Column::CurriculumId.eq(curriculum_id));
    existing = match (input.user_id, input.unit_id) {
        (Some(p), _) => existing.filter(enrolment::Column::UserId.eq(p)),
        (_, Some(u)) => existing.filter(enrolment::Column::UnitId.eq(u)),
        _ => existing,
    };
    let txn = begin_write(db).await?;
    if existing.one(&txn).await?.is_some() {
        return Err(AppError::Conflict("duplicate".into()).into());
    }
    let row = EnrolmentRow {
        id: Uuid::new_v4(),
        curriculum_id,
        user_id: input.user_id,
        unit_id: input.unit_id,
        due_on: input.due_on,
    };
    enrolment::Entity::insert(enrolment::ActiveModel {
        id: Set(row.id),
        curriculum_id: Set(curriculum_id),
        user_id: Set(row.user_id),
        unit_id: Set(row.unit_id),
        due_on: Set(row.due_on),
        created_by: Set(actor.user_id),
        created_at: Set(now),
    })
    .exec_without_returning(&txn)
    .await?;
    if let Some(p) = row.user_id {
        readiness::people_changed(&txn, &[p]).await?;
    }
    if let Some(u) = row.unit_id {
        readiness::units_changed(&txn, &[u]).await?;
    }
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("enrolment.created", "enrolment", row.id).after(&row),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// The officer's forms name a person by username (a select of every person in scope does not
/// scale to thousands) or, from older pages and scripts, by id. Returns the id as the form
/// carries it: blank stays blank, an id is kept, a known username (any case) becomes its id,
/// anything else is 422 `unknown-person` on `field`. Only training officers look names up (no
/// one else may enrol or import, and nobody else learns which usernames exist).
pub async fn person_field(
    db: &DatabaseConnection,
    actor: &Actor,
    raw: &str,
    field: &str,
) -> Result<String, ServiceError> {
    let raw = raw.trim();
    if raw.is_empty() || Uuid::parse_str(raw).is_ok() {
        return Ok(raw.to_owned());
    }
    if !actor.has_role(Role::TrainingOfficer) {
        return Err(AppError::Forbidden.into());
    }
    let found = user::Entity::find()
        .filter(user::Column::Username.eq(raw.to_lowercase()))
        .one(db)
        .await?;
    match found {
        Some(u) => Ok(u.id.to_string()),
        None => Err(AppError::field(field, "unknown-person").into()),
    }
}
