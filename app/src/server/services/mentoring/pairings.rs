//! Pairings: accepting a run's proposals (proposed → active), ending them (active → ended),
//! check-ins by the mentor or mentee, and who sees which pairing (people their own; officers
//! those of mentees in their scope). Every change is audited and tells readiness.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    QueryFilter, QueryOrder,
};
use uuid::Uuid;

use super::{
    ACTIVE, DONE, ENDED, PROPOSED, people_refs, person,
    profiles::{mentee_of, mentor_of},
};
use crate::{
    api::mentoring::{
        AcceptReport, AcceptRequest, CheckinView, MentoringOverview, NewCheckin, PairRef,
        PairingView, SkippedPair,
    },
    domain::policy::{Action, Actor, Role, Scope, allows},
    error::{AppError, FieldError},
    server::{
        db::begin_write,
        entities::{mentor_profile, mentoring_checkin, mentoring_pairing, mentoring_run, user},
        error::ServiceError,
        services::{
            audit::{self, Entry, Who},
            readiness,
        },
    },
};

/// The longest check-in note, in characters.
pub const MAX_NOTES: usize = 2000;

/// Accepts proposals of run `id`: the listed pairs, or every proposal with `all`. A proposal is
/// skipped (and reported) when its mentee already has an active mentor (`mentee-paired`) or its
/// mentor has no free place left (`mentor-full`). 403 outside the actor's scope, 404 for an
/// unknown run, 409 `run-not-done` before the run finished, 422 when a listed pair is not a
/// proposal of the run (nothing is written then).
pub async fn accept(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    request: AcceptRequest,
    now: DateTime<Utc>,
) -> Result<AcceptReport, ServiceError> {
    let run = mentoring_run::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let scope = run.nation_id.map_or_else(Scope::alliance, Scope::nation);
    crate::domain::policy::require(actor, Action::RunMatching, &scope)?;
    if run.status != DONE {
        return Err(AppError::Conflict("run-not-done".into()).into());
    }
    let txn = begin_write(db).await?;
    let of_run: Vec<mentoring_pairing::Model> = mentoring_pairing::Entity::find()
        .filter(mentoring_pairing::Column::RunId.eq(id))
        .order_by_asc(mentoring_pairing::Column::MenteeId)
        .all(&txn)
        .await?;
    let by_pair: HashMap<PairRef, &mentoring_pairing::Model> = of_run
        .iter()
        .map(|p| {
            (
                PairRef {
                    mentor_id: p.mentor_id,
                    mentee_id: p.mentee_id,
                },
                p,
            )
        })
        .collect();
    let chosen: Vec<&mentoring_pairing::Model> = if request.all {
        of_run.iter().filter(|p| p.status == PROPOSED).collect()
    } else {
        let mut out = vec![];
        for pair in &request.pairs {
            match by_pair.get(pair) {
                Some(p) => out.push(*p),
                None => return Err(AppError::field("pairs", "unknown").into()),
            }
        }
        out
    };
    let active: Vec<mentoring_pairing::Model> = mentoring_pairing::Entity::find()
        .filter(mentoring_pairing::Column::Status.eq(ACTIVE))
        .all(&txn)
        .await?;
    let mut paired: HashSet<Uuid> = active.iter().map(|p| p.mentee_id).collect();
    let mut load: HashMap<Uuid, i64> = HashMap::new();
    for p in &active {
        *load.entry(p.mentor_id).or_default() += 1;
    }
    let capacity: HashMap<Uuid, i64> = mentor_profile::Entity::find()
        .all(&txn)
        .await?
        .into_iter()
        .map(|m| (m.user_id, i64::from(m.capacity)))
        .collect();
    let mut report = AcceptReport::default();
    let who = Who::actor(actor);
    for p in chosen {
        let skip = if p.status != PROPOSED {
            Some("not-proposed")
        } else if paired.contains(&p.mentee_id) {
            Some("mentee-paired")
        } else if load.get(&p.mentor_id).copied().unwrap_or(0)
            >= capacity.get(&p.mentor_id).copied().unwrap_or(0)
        {
            Some("mentor-full")
        } else {
            None
        };
        if let Some(reason) = skip {
            report.skipped.push(SkippedPair {
                mentor_id: p.mentor_id,
                mentee_id: p.mentee_id,
                reason: reason.into(),
            });
            continue;
        }
        mentoring_pairing::Entity::update(mentoring_pairing::ActiveModel {
            id: Set(p.id),
            status: Set(ACTIVE.into()),
            accepted_at: Set(Some(now)),
            ..Default::default()
        })
        .exec(&txn)
        .await?;
        paired.insert(p.mentee_id);
        *load.entry(p.mentor_id).or_default() += 1;
        audit::record(
            &txn,
            &who,
            now,
            Entry::new("mentoring_pairing.accepted", "mentoring_pairing", p.id)
                .before(serde_json::json!({ "status": PROPOSED }))
                .after(serde_json::json!({
                    "status": ACTIVE, "run_id": id, "mentor_id": p.mentor_id,
                    "mentee_id": p.mentee_id, "score": p.score,
                })),
        )
        .await?;
        readiness::people_changed(&txn, &[p.mentee_id, p.mentor_id]).await?;
        report.accepted.push(p.id);
    }
    txn.commit().await?;
    Ok(report)
}

async fn pairing_scope<C: ConnectionTrait>(
    db: &C,
    p: &mentoring_pairing::Model,
) -> Result<Scope, ServiceError> {
    let nation = user::Entity::find_by_id(p.mentee_id)
        .one(db)
        .await?
        .and_then(|u| u.nation_id);
    Ok(nation.map_or_else(Scope::alliance, Scope::nation))
}

fn participant(actor: &Actor, p: &mentoring_pairing::Model) -> bool {
    actor.user_id == p.mentor_id || actor.user_id == p.mentee_id
}

/// Views of `pairings`; check-ins only for those the actor takes part in.
async fn views<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    pairings: Vec<mentoring_pairing::Model>,
) -> Result<Vec<PairingView>, ServiceError> {
    let own: Vec<Uuid> = pairings
        .iter()
        .filter(|p| participant(actor, p))
        .map(|p| p.id)
        .collect();
    let mut checkins: HashMap<Uuid, Vec<mentoring_checkin::Model>> = HashMap::new();
    for chunk in own.chunks(500) {
        for c in mentoring_checkin::Entity::find()
            .filter(mentoring_checkin::Column::PairingId.is_in(chunk.to_vec()))
            .order_by_desc(mentoring_checkin::Column::On)
            .order_by_desc(mentoring_checkin::Column::CreatedAt)
            .all(db)
            .await?
        {
            checkins.entry(c.pairing_id).or_default().push(c);
        }
    }
    let ids = pairings
        .iter()
        .flat_map(|p| [p.mentor_id, p.mentee_id])
        .chain(checkins.values().flatten().map(|c| c.author_id));
    let refs = people_refs(db, ids.collect::<Vec<_>>()).await?;
    Ok(pairings
        .into_iter()
        .map(|p| PairingView {
            checkins: checkins
                .remove(&p.id)
                .unwrap_or_default()
                .into_iter()
                .map(|c| CheckinView {
                    id: c.id,
                    author: person(&refs, c.author_id).name,
                    on: c.on,
                    notes: c.notes,
                })
                .collect(),
            id: p.id,
            run_id: p.run_id,
            mentor: person(&refs, p.mentor_id),
            mentee: person(&refs, p.mentee_id),
            status: p.status,
            score: p.score,
            accepted_at: p.accepted_at,
            ended_at: p.ended_at,
        })
        .collect())
}

fn accepted() -> Condition {
    Condition::any()
        .add(mentoring_pairing::Column::Status.eq(ACTIVE))
        .add(mentoring_pairing::Column::Status.eq(ENDED))
}

/// The pairings the actor may see: their own (as mentor or mentee) and, for training officers,
/// those of mentees of their nation (or every one with alliance scope). Proposals of runs are
/// not pairings yet and are read through the run.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
) -> Result<Vec<PairingView>, ServiceError> {
    let mut who = Condition::any()
        .add(mentoring_pairing::Column::MentorId.eq(actor.user_id))
        .add(mentoring_pairing::Column::MenteeId.eq(actor.user_id));
    let mut all = false;
    if actor.has_alliance(Role::TrainingOfficer) {
        all = true;
    } else if actor.has_role(Role::TrainingOfficer)
        && let Some(nation) = actor.nation_id
    {
        let mentees: Vec<Uuid> = user::Entity::find()
            .filter(user::Column::NationId.eq(nation))
            .all(db)
            .await?
            .into_iter()
            .map(|u| u.id)
            .collect();
        for chunk in mentees.chunks(500) {
            who = who.add(mentoring_pairing::Column::MenteeId.is_in(chunk.to_vec()));
        }
    }
    let mut q = mentoring_pairing::Entity::find()
        .filter(accepted())
        .order_by_desc(mentoring_pairing::Column::AcceptedAt)
        .order_by_asc(mentoring_pairing::Column::Id);
    if !all {
        q = q.filter(who);
    }
    let rows = q.all(db).await?;
    views(db, actor, rows).await
}

/// The signed-in person's mentoring: profiles, their mentees and their mentor (active and
/// ended), with check-ins.
pub async fn mine<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
) -> Result<MentoringOverview, ServiceError> {
    let rows = mentoring_pairing::Entity::find()
        .filter(accepted())
        .filter(
            Condition::any()
                .add(mentoring_pairing::Column::MentorId.eq(actor.user_id))
                .add(mentoring_pairing::Column::MenteeId.eq(actor.user_id)),
        )
        .order_by_asc(mentoring_pairing::Column::Status)
        .order_by_desc(mentoring_pairing::Column::AcceptedAt)
        .all(db)
        .await?;
    let all = views(db, actor, rows).await?;
    let (as_mentor, as_mentee) = all.into_iter().partition(|p| p.mentor.id == actor.user_id);
    Ok(MentoringOverview {
        mentor_profile: mentor_of(db, actor.user_id).await?,
        mentee_profile: mentee_of(db, actor.user_id).await?,
        as_mentor,
        as_mentee,
        may_mentor: actor.has_role(Role::Mentor),
        may_run: actor.has_role(Role::TrainingOfficer),
    })
}

async fn find_pairing<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
) -> Result<mentoring_pairing::Model, ServiceError> {
    mentoring_pairing::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|p| p.status != PROPOSED)
        .ok_or_else(|| AppError::NotFound.into())
}

/// Logs a check-in on an active pairing; only its mentor or mentee may. 404 for an unknown
/// pairing, 403 for anyone else, 409 `pairing-not-active`, 422 for empty or over-long notes or
/// a date before the pairing began or after tomorrow.
pub async fn add_checkin(
    db: &DatabaseConnection,
    actor: &Actor,
    pairing_id: Uuid,
    input: NewCheckin,
    now: DateTime<Utc>,
) -> Result<CheckinView, ServiceError> {
    let p = find_pairing(db, pairing_id).await?;
    if !participant(actor, &p) {
        return Err(AppError::Forbidden.into());
    }
    if p.status != ACTIVE {
        return Err(AppError::Conflict("pairing-not-active".into()).into());
    }
    let mut errors = vec![];
    let notes = input.notes.trim().to_owned();
    if notes.is_empty() {
        errors.push(FieldError::new("notes", "required"));
    } else if notes.chars().count() > MAX_NOTES {
        errors.push(FieldError::new("notes", "too-long"));
    } else if notes
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        errors.push(FieldError::new("notes", "invalid-characters"));
    }
    let began = p.accepted_at.unwrap_or(p.created_at).date_naive();
    if input.on < began || input.on > (now + Duration::days(1)).date_naive() {
        errors.push(FieldError::new("on", "out-of-range"));
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors).into());
    }
    let id = Uuid::new_v4();
    let txn = begin_write(db).await?;
    mentoring_checkin::Entity::insert(mentoring_checkin::ActiveModel {
        id: Set(id),
        pairing_id: Set(pairing_id),
        author_id: Set(actor.user_id),
        on: Set(input.on),
        notes: Set(notes.clone()),
        created_at: Set(now),
    })
    .exec(&txn)
    .await?;
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        // the notes are the participants' own words: the trail records that and when, not what
        Entry::new("mentoring_checkin.logged", "mentoring_checkin", id)
            .after(serde_json::json!({ "pairing_id": pairing_id, "on": input.on })),
    )
    .await?;
    txn.commit().await?;
    let author = people_refs(db, [actor.user_id]).await?;
    Ok(CheckinView {
        id,
        author: person(&author, actor.user_id).name,
        on: input.on,
        notes,
    })
}

/// Ends an active pairing; its mentor, its mentee or an officer whose scope reaches the mentee
/// may. 404 unknown, 403 otherwise, 409 `pairing-not-active`.
pub async fn end(
    db: &DatabaseConnection,
    actor: &Actor,
    pairing_id: Uuid,
    now: DateTime<Utc>,
) -> Result<PairingView, ServiceError> {
    let p = find_pairing(db, pairing_id).await?;
    if !participant(actor, &p) && !allows(actor, Action::RunMatching, &pairing_scope(db, &p).await?)
    {
        return Err(AppError::Forbidden.into());
    }
    if p.status != ACTIVE {
        return Err(AppError::Conflict("pairing-not-active".into()).into());
    }
    let txn = begin_write(db).await?;
    mentoring_pairing::Entity::update(mentoring_pairing::ActiveModel {
        id: Set(p.id),
        status: Set(ENDED.into()),
        ended_at: Set(Some(now)),
        ..Default::default()
    })
    .exec(&txn)
    .await?;
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("mentoring_pairing.ended", "mentoring_pairing", p.id)
            .before(serde_json::json!({ "status": ACTIVE }))
            .after(serde_json::json!({ "status": ENDED })),
    )
    .await?;
    readiness::people_changed(&txn, &[p.mentee_id, p.mentor_id]).await?;
    let ended = find_pairing(&txn, p.id).await?;
    let view = views(&txn, actor, vec![ended])
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    txn.commit().await?;
    Ok(view)
}
