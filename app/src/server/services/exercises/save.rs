//! Creating and changing exercises: validate, check conflicts against the stored calendar,
//! refuse an approval with conflicts and no override reason (nothing written), then write the
//! exercise and its child rows in one transaction with the audit entry and readiness hook.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder,
};
use serde_json::json;
use uuid::Uuid;

use super::{
    calendar::Children,
    conflicts::check_booking,
    lookup::Lookup,
    queries,
    validate::{Valid, validate},
    visibility::{Releasability, Viewer},
};
use crate::{
    api::exercises::{
        ConflictView, ExercisePatch, ExerciseText, NewExercise, SavedExercise, UnitInput,
        form::ParsedExerciseForm,
    },
    domain::policy::{Action, Actor, Scope, require},
    error::{AppError, FieldError},
    i18n::Locale,
    server::{
        db::begin_write,
        entities::{
            calendar::{
                exercise, exercise_objective, exercise_participant, exercise_releasability,
                exercise_translation, exercise_unit,
            },
            nation, user,
        },
        error::ServiceError,
        services::{
            audit::{self, Entry, Who},
            readiness,
        },
    },
};

/// What a save did.
#[derive(Debug)]
pub enum SaveOutcome {
    Saved(Box<SavedExercise>),
    /// Approval refused: conflicts remain and no override reason was given. Nothing written.
    OverrideRequired(Vec<ConflictView>),
}

async fn known_people<C: ConnectionTrait>(
    db: &C,
    ids: &[Uuid],
) -> Result<HashSet<Uuid>, ServiceError> {
    if ids.is_empty() {
        return Ok(HashSet::new());
    }
    let rows = user::Entity::find()
        .filter(user::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|u| u.id).collect())
}

async fn validated<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    input: &NewExercise,
    lookup: &Lookup,
) -> Result<Valid, ServiceError> {
    let people = known_people(db, &input.participants).await?;
    Ok(validate(input, lookup, &people, actor.nation_id)?)
}

fn needs_override(v: &Valid, was: Option<&str>, conflicts: &[ConflictView]) -> bool {
    v.status == "approved"
        && was != Some("approved")
        && !conflicts.is_empty()
        && v.override_reason.is_none()
}

/// Creates an exercise led by a nation the actor plans for.
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    input: NewExercise,
    locale: Locale,
    now: DateTime<Utc>,
) -> Result<SaveOutcome, ServiceError> {
    let lookup = Lookup::load(db).await?;
    let v = validated(db, actor, &input, &lookup).await?;
    require(
        actor,
        Action::PlanExercises,
        &Scope::nation(v.lead_nation_id),
    )?;
    let id = Uuid::new_v4();
    let conflicts = check_booking(
        db,
        &Viewer::of(actor),
        &lookup,
        &v.booking(id, &lookup),
        &v.code,
    )
    .await?;
    if needs_override(&v, None, &conflicts) {
        return Ok(SaveOutcome::OverrideRequired(conflicts));
    }
    let txn = begin_write(db).await?;
    exercise::Entity::insert(exercise::ActiveModel {
        id: Set(id),
        sequence: Set(0),
        created_by: Set(Some(actor.user_id)),
        created_at: Set(now),
        ..row(&v, now)
    })
    .exec(&txn)
    .await
    .map_err(|e| taken(e.into()))?;
    write_children(&txn, id, &v, true).await?;
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("exercise.created", "exercise", id).after(summary(&v, conflicts.len())),
    )
    .await?;
    if v.status == "completed" {
        let units: Vec<Uuid> = v.units.iter().map(|(u, _)| *u).collect();
        readiness::units_changed(&txn, &units).await?;
    }
    txn.commit().await?;
    let exercise = queries::get(db, actor, id, locale, now).await?;
    Ok(SaveOutcome::Saved(Box::new(SavedExercise {
        exercise,
        conflicts,
    })))
}

fn taken(e: ServiceError) -> ServiceError {
    if e.is_unique_violation() {
        AppError::field("code", "taken").into()
    } else {
        e
    }
}

fn summary(v: &Valid, conflicts: usize) -> serde_json::Value {
    json!({
        "code": v.code, "status": v.status, "host_base_id": v.host_base_id,
        "lead_nation_id": v.lead_nation_id, "start_at": v.start_at, "end_at": v.end_at,
        "units": v.units.len(), "participants": v.participants.len(), "conflicts": conflicts,
        "override_reason": v.override_reason,
    })
}

/// The stored columns of `v` (id, sequence and creation fields left to the caller).
fn row(v: &Valid, now: DateTime<Utc>) -> exercise::ActiveModel {
    exercise::ActiveModel {
        code: Set(v.code.clone()),
        kind: Set(v.kind.clone()),
        status: Set(v.status.clone()),
        name: Set(v.name.clone()),
        description: Set(v.description.clone()),
        lines_of_communication: Set(v.lines.join(",")),
        themes: Set(v.themes.join(",")),
        climate: Set(v.climate.clone()),
        terrain: Set(v.terrain.clone()),
        host_base_id: Set(v.host_base_id),
        lead_nation_id: Set(v.lead_nation_id),
        start_at: Set(v.start_at),
        end_at: Set(v.end_at),
        releasable_to_all: Set(v.releasable_to.is_none()),
        override_reason: Set(v.override_reason.clone()),
        updated_at: Set(now),
        ..Default::default()
    }
}

/// Writes translations, releasability, units and participants (replacing what was there) and,
/// when `objectives` is set, the objectives by position: existing positions keep their id (and
/// so their ratings), extra ones are removed.
async fn write_children<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    v: &Valid,
    fresh: bool,
) -> Result<(), ServiceError> {
    if !fresh {
        exercise_translation::Entity::delete_many()
            .filter(exercise_translation::Column::ExerciseId.eq(id))
            .exec(db)
            .await?;
        exercise_releasability::Entity::delete_many()
            .filter(exercise_releasability::Column::ExerciseId.eq(id))
            .exec(db)
            .await?;
        exercise_unit::Entity::delete_many()
            .filter(exercise_unit::Column::ExerciseId.eq(id))
            .exec(db)
            .await?;
        exercise_participant::Entity::delete_many()
            .filter(exercise_participant::Column::ExerciseId.eq(id))
            .exec(db)
            .await?;
    }
    for t in &v.translations {
        exercise_translation::Entity::insert(exercise_translation::ActiveModel {
            exercise_id: Set(id),
            locale: Set(t.locale.clone()),
            name: Set(t.name.clone()),
            description: Set(t.description.clone()),
        })
        .exec(db)
        .await?;
    }
    for n in v.releasable_to.iter().flatten() {
        exercise_releasability::Entity::insert(exercise_releasability::ActiveModel {
            exercise_id: Set(id),
            nation_id: Set(*n),
        })
        .exec(db)
        .await?;
    }
    for (unit_id, headcount) in &v.units {
        exercise_unit::Entity::insert(exercise_unit::ActiveModel {
            exercise_id: Set(id),
            unit_id: Set(*unit_id),
            headcount: Set(*headcount),
        })
        .exec(db)
        .await?;
    }
    for p in &v.participants {
        exercise_participant::Entity::insert(exercise_participant::ActiveModel {
            exercise_id: Set(id),
            user_id: Set(*p),
        })
        .exec(db)
        .await?;
    }
    let existing = exercise_objective::Entity::find()
        .filter(exercise_objective::Column::ExerciseId.eq(id))
        .order_by_asc(exercise_objective::Column::Position)
        .all(db)
        .await?;
    for (i, text) in v.objectives.iter().enumerate() {
        let position = i32::try_from(i).unwrap_or(i32::MAX);
        match existing.get(i) {
            Some(o) if o.text == *text => {}
            Some(o) => {
                exercise_objective::Entity::update(exercise_objective::ActiveModel {
                    id: Set(o.id),
                    text: Set(text.clone()),
                    ..Default::default()
                })
                .exec(db)
                .await?;
            }
            None => {
                exercise_objective::Entity::insert(exercise_objective::ActiveModel {
                    id: Set(Uuid::new_v4()),
                    exercise_id: Set(id),
                    position: Set(position),
                    text: Set(text.clone()),
                })
                .exec(db)
                .await?;
            }
        }
    }
    let extra: Vec<Uuid> = existing
        .iter()
        .skip(v.objectives.len())
        .map(|o| o.id)
        .collect();
    if !extra.is_empty() {
        exercise_objective::Entity::delete_many()
            .filter(exercise_objective::Column::Id.is_in(extra))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// The stored exercise as an input, so a patch can be applied and validated as a whole.
pub(super) async fn current_input<C: ConnectionTrait>(
    db: &C,
    m: &exercise::Model,
) -> Result<NewExercise, ServiceError> {
    let children = Children::load(db, &[m.id]).await?;
    let translations = exercise_translation::Entity::find()
        .filter(exercise_translation::Column::ExerciseId.eq(m.id))
        .all(db)
        .await?;
    let releasable_to = if m.releasable_to_all {
        None
    } else {
        Some(
            exercise_releasability::Entity::find()
                .filter(exercise_releasability::Column::ExerciseId.eq(m.id))
                .all(db)
                .await?
                .into_iter()
                .map(|r| r.nation_id)
                .collect(),
        )
    };
    let objectives = exercise_objective::Entity::find()
        .filter(exercise_objective::Column::ExerciseId.eq(m.id))
        .order_by_asc(exercise_objective::Column::Position)
        .all(db)
        .await?;
    let split = |s: &str| {
        s.split(',')
            .filter(|x| !x.is_empty())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    Ok(NewExercise {
        code: m.code.clone(),
        kind: m.kind.clone(),
        name: m.name.clone(),
        description: m.description.clone(),
        translations: translations
            .into_iter()
            .map(|t| ExerciseText {
                locale: t.locale,
                name: t.name,
                description: t.description,
            })
            .collect(),
        lines_of_communication: split(&m.lines_of_communication),
        themes: split(&m.themes),
        climate: m.climate.clone(),
        terrain: m.terrain.clone(),
        host_base_id: Some(m.host_base_id),
        lead_nation_id: Some(m.lead_nation_id),
        start_at: Some(m.start_at),
        end_at: Some(m.end_at),
        start_local: None,
        end_local: None,
        status: Some(m.status.clone()),
        releasable_to,
        units: children
            .units
            .get(&m.id)
            .into_iter()
            .flatten()
            .map(|(unit_id, headcount)| UnitInput {
                unit_id: *unit_id,
                headcount: i64::from(*headcount),
            })
            .collect(),
        participants: children.people.get(&m.id).cloned().unwrap_or_default(),
        objectives: objectives.into_iter().map(|o| o.text).collect(),
        override_reason: None,
    })
}

/// `patch` applied over `base`. Wall-clock times replace instants (and the other way round).
fn apply(mut base: NewExercise, p: ExercisePatch) -> NewExercise {
    macro_rules! set {
        ($($f:ident),*) => { $( if let Some(v) = p.$f { base.$f = v; } )* };
    }
    set!(
        code,
        kind,
        name,
        description,
        translations,
        lines_of_communication,
        themes,
        climate,
        terrain,
        units,
        participants,
        objectives
    );
    if p.host_base_id.is_some() {
        base.host_base_id = p.host_base_id;
    }
    if p.lead_nation_id.is_some() {
        base.lead_nation_id = p.lead_nation_id;
    }
    if p.start_at.is_some() || p.start_local.is_some() {
        base.start_at = p.start_at;
        base.start_local = p.start_local;
    }
    if p.end_at.is_some() || p.end_local.is_some() {
        base.end_at = p.end_at;
        base.end_local = p.end_local;
    }
    if p.status.is_some() {
        base.status = p.status;
    }
    if let Some(r) = p.releasable_to {
        base.releasable_to = r;
    }
    base.override_reason = p.override_reason;
    base
}

/// A whole form's input as a patch that replaces every field.
pub fn full_patch(n: NewExercise) -> ExercisePatch {
    ExercisePatch {
        code: Some(n.code),
        kind: Some(n.kind),
        name: Some(n.name),
        description: Some(n.description),
        translations: None,
        lines_of_communication: Some(n.lines_of_communication),
        themes: Some(n.themes),
        climate: Some(n.climate),
        terrain: Some(n.terrain),
        host_base_id: n.host_base_id,
        lead_nation_id: n.lead_nation_id,
        start_at: n.start_at,
        end_at: n.end_at,
        start_local: n.start_local,
        end_local: n.end_local,
        status: n.status,
        releasable_to: Some(n.releasable_to),
        units: Some(n.units),
        participants: Some(n.participants),
        objectives: Some(n.objectives),
        override_reason: n.override_reason,
    }
}

/// Loads an exercise the actor may see and plan (404 when invisible, 403 when not theirs).
async fn editable<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    lookup: &Lookup,
) -> Result<exercise::Model, ServiceError> {
    let m = exercise::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let viewer = Viewer::of(actor);
    let rel = Releasability::load(db, &viewer, &[&m]).await?;
    if !rel.visible(&viewer, &m, lookup) {
        return Err(AppError::NotFound.into());
    }
    require(
        actor,
        Action::PlanExercises,
        &Scope::nation(m.lead_nation_id),
    )?;
    Ok(m)
}

/// Changes an exercise; every change bumps its calendar SEQUENCE.
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    patch: ExercisePatch,
    locale: Locale,
    now: DateTime<Utc>,
) -> Result<SaveOutcome, ServiceError> {
    let lookup = Lookup::load(db).await?;
    let old = editable(db, actor, id, &lookup).await?;
    let before = current_input(db, &old).await?;
    let input = apply(before.clone(), patch);
    let v = validated(db, actor, &input, &lookup).await?;
    require(
        actor,
        Action::PlanExercises,
        &Scope::nation(v.lead_nation_id),
    )?;
    let conflicts = check_booking(
        db,
        &Viewer::of(actor),
        &lookup,
        &v.booking(id, &lookup),
        &v.code,
    )
    .await?;
    if needs_override(&v, Some(&old.status), &conflicts) {
        return Ok(SaveOutcome::OverrideRequired(conflicts));
    }
    let txn = begin_write(db).await?;
    let override_reason = v.override_reason.clone().or(old.override_reason.clone());
    exercise::Entity::update(exercise::ActiveModel {
        id: Set(id),
        sequence: Set(old.sequence.saturating_add(1)),
        override_reason: Set(override_reason),
        ..row(&v, now)
    })
    .exec(&txn)
    .await
    .map_err(|e| taken(e.into()))?;
    write_children(&txn, id, &v, false).await?;
    let action = if v.status == "approved" && old.status != "approved" {
        "exercise.approved"
    } else {
        "exercise.updated"
    };
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new(action, "exercise", id)
            .before(json!({"code": old.code, "status": old.status, "start_at": old.start_at, "end_at": old.end_at}))
            .after(summary(&v, conflicts.len())),
    )
    .await?;
    let completed_changed = (old.status == "completed") != (v.status == "completed");
    if completed_changed || v.status == "completed" {
        let mut units: Vec<Uuid> = v.units.iter().map(|(u, _)| *u).collect();
        units.extend(before.units.iter().map(|u| u.unit_id));
        units.sort_unstable();
        units.dedup();
        readiness::units_changed(&txn, &units).await?;
    }
    txn.commit().await?;
    let exercise = queries::get(db, actor, id, locale, now).await?;
    Ok(SaveOutcome::Saved(Box::new(SavedExercise {
        exercise,
        conflicts,
    })))
}

/// The conflicts an exercise would have if saved as `input` (the live list of the form):
/// nothing is written. `id` is the exercise being edited, if any.
pub async fn check(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Option<Uuid>,
    mut input: NewExercise,
) -> Result<Vec<ConflictView>, ServiceError> {
    let lookup = Lookup::load(db).await?;
    if let Some(id) = id {
        editable(db, actor, id, &lookup).await?;
    }
    // Only what decides conflicts matters here; fill the rest so a half-typed form still checks.
    if input.code.trim().is_empty() {
        input.code = "CHECK".into();
    }
    if input.name.trim().is_empty() {
        input.name = "-".into();
    }
    if input.kind.trim().is_empty() {
        input.kind = "CPX".into();
    }
    let v = validated(db, actor, &input, &lookup).await?;
    require(
        actor,
        Action::PlanExercises,
        &Scope::nation(v.lead_nation_id),
    )?;
    let id = id.unwrap_or_else(Uuid::new_v4);
    check_booking(
        db,
        &Viewer::of(actor),
        &lookup,
        &v.booking(id, &lookup),
        &v.code,
    )
    .await
}

/// Resolves a form's usernames and nation codes into ids (422 naming the unknown ones).
pub async fn resolve_form<C: ConnectionTrait>(
    db: &C,
    parsed: ParsedExerciseForm,
) -> Result<NewExercise, ServiceError> {
    let mut input = parsed.input;
    let mut errors = vec![];
    if !parsed.usernames.is_empty() {
        let lower: Vec<String> = parsed.usernames.iter().map(|u| u.to_lowercase()).collect();
        let rows = user::Entity::find()
            .filter(user::Column::Username.is_in(lower.clone()))
            .all(db)
            .await?;
        for name in &lower {
            match rows.iter().find(|u| u.username == *name) {
                Some(u) => input.participants.push(u.id),
                None => errors.push(FieldError::new("participants", "unknown-username")),
            }
        }
    }
    if !parsed.nation_codes.is_empty() {
        let upper: Vec<String> = parsed
            .nation_codes
            .iter()
            .map(|c| c.to_uppercase())
            .collect();
        let rows = nation::Entity::find()
            .filter(nation::Column::Code.is_in(upper.clone()))
            .all(db)
            .await?;
        let mut ids = vec![];
        for code in &upper {
            match rows.iter().find(|n| n.code == *code) {
                Some(n) => ids.push(n.id),
                None => errors.push(FieldError::new("releasable_to", "unknown-nation")),
            }
        }
        input.releasable_to = Some(ids);
    }
    if errors.is_empty() {
        Ok(input)
    } else {
        errors.dedup();
        Err(AppError::Validation(errors).into())
    }
}
