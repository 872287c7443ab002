//! Reading the calendar: filtered lists (month grid, timeline, "my exercises"), one exercise in
//! full, and the choices the planning form offers. Only what the reader may see.

use std::collections::HashMap;

use chrono::{DateTime, NaiveTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DerivePartialModel, EntityTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use super::{
    calendar::Children,
    lookup::{self, Lookup, local},
    visibility::{Releasability, Viewer, releasable_row},
};
use crate::{
    api::exercises::{
        Choice, ChoiceBase, ExerciseFilter, ExerciseSummary, ExerciseText, ExerciseView, MonthView,
        ObjectiveView, ParticipantView, PlanningChoices, RatingView, UnitParticipation,
    },
    domain::policy::{Action, Actor, Scope, allows},
    error::AppError,
    i18n::Locale,
    server::{
        entities::calendar::{exercise, exercise_objective, exercise_rating, exercise_translation},
        error::ServiceError,
    },
};

/// Names in `locale` of some exercises that have a translation into it.
async fn names_in<C: ConnectionTrait>(
    db: &C,
    ids: &[Uuid],
    locale: Locale,
) -> Result<HashMap<Uuid, (String, String)>, ServiceError> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(500) {
        let rows = exercise_translation::Entity::find()
            .filter(exercise_translation::Column::ExerciseId.is_in(chunk.iter().copied()))
            .filter(exercise_translation::Column::Locale.eq(locale.code()))
            .all(db)
            .await?;
        out.extend(
            rows.into_iter()
                .map(|t| (t.exercise_id, (t.name, t.description))),
        );
    }
    Ok(out)
}

/// The columns a list shows of an exercise (its description and planning details stay behind).
#[derive(DerivePartialModel)]
#[sea_orm(entity = "exercise::Entity")]
struct ListRow {
    id: Uuid,
    code: String,
    kind: String,
    status: String,
    name: String,
    host_base_id: Uuid,
    lead_nation_id: Uuid,
    start_at: DateTime<Utc>,
    end_at: DateTime<Utc>,
    releasable_to_all: bool,
}

releasable_row!(ListRow);

/// The exercises matching `filter` that the actor may see, by start.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    filter: &ExerciseFilter,
    locale: Locale,
) -> Result<Vec<ExerciseSummary>, ServiceError> {
    let viewer = Viewer::of(actor);
    let mut q = exercise::Entity::find().order_by_asc(exercise::Column::StartAt);
    if let (Some(from), Some(to)) = (filter.from, filter.to)
        && to <= from
    {
        return Err(AppError::field("to", "end-before-start").into());
    }
    if let Some(from) = filter.from {
        q = q.filter(exercise::Column::EndAt.gt(from.and_time(NaiveTime::MIN).and_utc()));
    }
    if let Some(to) = filter.to {
        q = q.filter(exercise::Column::StartAt.lt(to.and_time(NaiveTime::MIN).and_utc()));
    }
    if let Some(base) = filter.base {
        q = q.filter(exercise::Column::HostBaseId.eq(base));
    }
    if let Some(kind) = filter.kind.as_deref().filter(|k| !k.is_empty()) {
        q = q.filter(exercise::Column::Kind.eq(kind.to_uppercase()));
    }
    if let Some(status) = filter.status.as_deref().filter(|s| !s.is_empty()) {
        q = q.filter(exercise::Column::Status.eq(status));
    }
    // Independent reads run side by side (each SQLite query waits for a worker thread; the
    // month page's latency is mostly these waits).
    let (lookup, models) =
        tokio::try_join!(Lookup::load_with(db, filter.nation.is_some()), async {
            q.into_partial_model::<ListRow>()
                .all(db)
                .await
                .map_err(ServiceError::from)
        })?;
    let refs: Vec<&ListRow> = models.iter().collect();
    let ids: Vec<Uuid> = models.iter().map(|m| m.id).collect();
    let (rel, children, names) = tokio::try_join!(
        Releasability::load(db, &viewer, &refs),
        Children::load(db, &ids),
        async {
            if locale == Locale::En {
                Ok(HashMap::new())
            } else {
                names_in(db, &ids, locale).await
            }
        },
    )?;
    let mut out = Vec::new();
    for m in models {
        if !rel.visible(&viewer, &m, &lookup) {
            continue;
        }
        let units: &[(Uuid, i32)] = children.units.get(&m.id).map_or(&[], Vec::as_slice);
        let people: &[Uuid] = children.people.get(&m.id).map_or(&[], Vec::as_slice);
        if let Some(unit) = filter.unit
            && !units.iter().any(|(u, _)| *u == unit)
        {
            continue;
        }
        if let Some(nation) = filter.nation {
            let unit_nation = units
                .iter()
                .any(|(u, _)| lookup.units.get(u).is_some_and(|x| x.nation_id == nation));
            if m.lead_nation_id != nation
                && lookup.base_nation(m.host_base_id) != Some(nation)
                && !unit_nation
            {
                continue;
            }
        }
        if filter.mine {
            let mine = people.contains(&actor.user_id)
                || actor
                    .unit_id
                    .is_some_and(|me| units.iter().any(|(u, _)| *u == me));
            if !mine {
                continue;
            }
        }
        let zone = lookup.zone(m.host_base_id);
        let headcount = units.iter().map(|(_, h)| i64::from(*h)).sum::<i64>()
            + i64::try_from(people.len()).unwrap_or(0);
        out.push(ExerciseSummary {
            id: m.id,
            code: m.code,
            name: m.name,
            kind: m.kind,
            status: m.status,
            host_base_id: m.host_base_id,
            host_base_name: lookup.base_name(m.host_base_id),
            lead_nation_id: m.lead_nation_id,
            lead_nation_code: lookup.nation_code(m.lead_nation_id),
            start_at: m.start_at,
            end_at: m.end_at,
            start_local: local(m.start_at, zone),
            end_local: local(m.end_at, zone),
            unit_ids: units.iter().map(|(u, _)| *u).collect(),
            headcount,
        });
    }
    for s in &mut out {
        if let Some((name, _)) = names.get(&s.id) {
            s.name = name.clone();
        }
    }
    Ok(out)
}

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

/// The first day of `YYYY-MM`, or of the current month.
fn month_start(raw: Option<&str>, now: DateTime<Utc>) -> chrono::NaiveDate {
    use chrono::Datelike;
    raw.and_then(|m| chrono::NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").ok())
        .unwrap_or_else(|| now.date_naive().with_day(1).unwrap_or(now.date_naive()))
}

/// One month of the calendar as the month grid shows it.
pub async fn month<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    raw: Option<&str>,
    nation: Option<Uuid>,
    locale: Locale,
    now: DateTime<Utc>,
) -> Result<MonthView, ServiceError> {
    use chrono::Datelike;
    let first = month_start(raw, now);
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .ok_or(AppError::field("month", "date"))?;
    let filter = ExerciseFilter {
        from: Some(first),
        to: Some(next),
        nation,
        ..ExerciseFilter::default()
    };
    Ok(MonthView {
        year: first.year(),
        month: first.month(),
        exercises: list(db, actor, &filter, locale).await?,
    })
}
