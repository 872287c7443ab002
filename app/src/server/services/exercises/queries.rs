//! Reading one exercise in full, and the choices the planning form offers. Only what the reader
//! may see; lists are in `listing`.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::{
    calendar::Children,
    lookup::{self, Lookup, local},
    visibility::{Releasability, Viewer},
};
use crate::{
    api::exercises::{
        Choice, ChoiceBase, ExerciseText, ExerciseView, ObjectiveView, ParticipantView,
        PlanningChoices, RatingView, UnitParticipation,
    },
    domain::policy::{Action, Actor, Scope, allows},
    error::AppError,
    i18n::Locale,
    server::{
        entities::calendar::{exercise, exercise_objective, exercise_rating, exercise_translation},
        error::ServiceError,
    },
};

/// One exercise in full (404 when it does not exist or is not releasable to the actor).
pub async fn get<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    locale: Locale,
    now: DateTime<Utc>,
) -> Result<ExerciseView, ServiceError> {
    let viewer = Viewer::of(actor);
    let lookup = Lookup::load(db).await?;
    let m = exercise::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let rel = Releasability::load(db, &viewer, &[&m]).await?;
    if !rel.visible(&viewer, &m, &lookup) {
        return Err(AppError::NotFound.into());
    }
    let children = Children::load(db, &[id]).await?;
    let translations = exercise_translation::Entity::find()
        .filter(exercise_translation::Column::ExerciseId.eq(id))
        .all(db)
        .await?;
    let objectives = exercise_objective::Entity::find()
        .filter(exercise_objective::Column::ExerciseId.eq(id))
        .order_by_asc(exercise_objective::Column::Position)
        .all(db)
        .await?;
    let ratings = exercise_rating::Entity::find()
        .filter(exercise_rating::Column::ExerciseId.eq(id))
        .all(db)
        .await?;
    let people_ids = children.people.get(&id).cloned().unwrap_or_default();
    let people = lookup::people(db, people_ids.iter().copied()).await?;
    let (name, description) = translations
        .iter()
        .find(|t| t.locale == locale.code())
        .map(|t| (t.name.clone(), t.description.clone()))
        .unwrap_or_else(|| (m.name.clone(), m.description.clone()));
    let zone = lookup.zone(m.host_base_id);
    let split = |s: &str| {
        s.split(',')
            .filter(|x| !x.is_empty())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let can_edit = allows(
        actor,
        Action::PlanExercises,
        &Scope::nation(m.lead_nation_id),
    );
    let finished = m.status == "completed" || m.end_at <= now;
    let can_rate = finished
        && m.status != "cancelled"
        && allows(
            actor,
            Action::RateExercises,
            &Scope::nation(m.lead_nation_id),
        );
    Ok(ExerciseView {
        id,
        code: m.code.clone(),
        kind: m.kind.clone(),
        status: m.status.clone(),
        name,
        description,
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
        host_base_id: m.host_base_id,
        host_base_name: lookup.base_name(m.host_base_id),
        host_nation_id: lookup.base_nation(m.host_base_id).unwrap_or_default(),
        time_zone: zone.name().to_owned(),
        lead_nation_id: m.lead_nation_id,
        lead_nation_code: lookup.nation_code(m.lead_nation_id),
        start_at: m.start_at,
        end_at: m.end_at,
        start_local: local(m.start_at, zone),
        end_local: local(m.end_at, zone),
        sequence: m.sequence,
        releasable_to: rel.list_of(&m),
        units: children
            .units
            .get(&id)
            .into_iter()
            .flatten()
            .map(|(unit_id, headcount)| {
                let nation_id = lookup
                    .units
                    .get(unit_id)
                    .map(|u| u.nation_id)
                    .unwrap_or_default();
                UnitParticipation {
                    unit_id: *unit_id,
                    unit_name: lookup.unit_name(*unit_id),
                    nation_id,
                    nation_code: lookup.nation_code(nation_id),
                    headcount: i64::from(*headcount),
                }
            })
            .collect(),
        participants: people_ids
            .iter()
            .filter_map(|p| people.get(p))
            .map(|u| ParticipantView {
                user_id: u.id,
                username: u.username.clone(),
                display_name: u.display_name.clone(),
            })
            .collect(),
        objectives: objectives
            .into_iter()
            .map(|o| ObjectiveView {
                id: o.id,
                position: o.position,
                text: o.text,
            })
            .collect(),
        ratings: ratings
            .into_iter()
            .map(|r| RatingView {
                objective_id: r.objective_id,
                unit_id: r.unit_id,
                rating: r.rating,
                comment: r.comment,
                rated_at: r.rated_at,
            })
            .collect(),
        override_reason: m.override_reason.clone(),
        can_edit,
        can_rate,
    })
}

/// Bases, nations and units for the planning form and filters.
pub async fn choices<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
) -> Result<PlanningChoices, ServiceError> {
    let lookup = Lookup::load(db).await?;
    let mut bases: Vec<ChoiceBase> = lookup
        .bases
        .values()
        .map(|b| ChoiceBase {
            id: b.id,
            label: format!("{} — {}", lookup.nation_code(b.nation_id), b.name),
            nation_id: b.nation_id,
            time_zone: b.time_zone.clone(),
        })
        .collect();
    bases.sort_by(|a, b| a.label.cmp(&b.label));
    let mut nations: Vec<Choice> = lookup
        .nations
        .values()
        .map(|n| Choice {
            id: n.id,
            label: n.name.clone(),
            code: n.code.clone(),
        })
        .collect();
    nations.sort_by(|a, b| a.code.cmp(&b.code));
    let mut units: Vec<Choice> = lookup
        .units
        .values()
        .map(|u| Choice {
            id: u.id,
            label: format!("{} — {}", lookup.nation_code(u.nation_id), u.name),
            code: lookup.nation_code(u.nation_id),
        })
        .collect();
    units.sort_by(|a, b| a.label.cmp(&b.label));
    let can_plan = nations
        .iter()
        .any(|n| allows(actor, Action::PlanExercises, &Scope::nation(n.id)));
    Ok(PlanningChoices {
        bases,
        nations,
        units,
        can_plan,
    })
}
