//! Matching runs: an officer (of the pool's nation, or with alliance scope) starts a run; it is
//! stored as a row and solved off the request path (`tokio::spawn` + `spawn_blocking`) with its
//! progress persisted; its result is read back with names, reasons and a fairness summary.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use uuid::Uuid;

use super::{
    DONE, FAILED, PROPOSED, QUEUED, RUNNING, people_refs, person,
    pool::{self, Rules},
};
use crate::{
    api::mentoring::{
        CandidateView, FairnessRow, NearMissView, NewRun, PairRef, PoolSpec, ProposalView,
        RunCreated, RunSummary, RunView, RunsPage, UnmatchedView,
    },
    domain::{
        matching::{
            self, DEFAULT_MIN_YEARS_GAP, MatchError, MatchResult, RunInput, UnmatchedReason,
            Weights,
        },
        policy::{Action, Actor, Role, Scope, require},
    },
    error::{AppError, FieldError},
    server::{
        db::begin_write,
        entities::{mentoring_pairing, mentoring_run, nation, unit},
        error::ServiceError,
        services::audit::{self, Entry, Who},
    },
};

/// The largest accepted years gap for seniority.
pub const MAX_YEARS_GAP: u32 = 60;
/// The most pins or forbids one run may carry.
pub const MAX_RULES: usize = 1000;

/// Checks the actor may run matching over `pool` and returns the nation the run belongs to
/// (`None`: the alliance). 403 outside the actor's scope; 422 for unknown units or nations.
async fn authorize_pool<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    pool: &PoolSpec,
) -> Result<Option<Uuid>, ServiceError> {
    match pool {
        PoolSpec::Nation { nation_id } => {
            require(actor, Action::RunMatching, &Scope::nation(*nation_id))?;
            if nation::Entity::find_by_id(*nation_id)
                .one(db)
                .await?
                .is_none()
            {
                return Err(AppError::field("pool.nation_id", "unknown").into());
            }
            Ok(Some(*nation_id))
        }
        PoolSpec::Units { unit_ids } => {
            if unit_ids.is_empty() {
                return Err(AppError::field("pool.unit_ids", "required").into());
            }
            let mut nations: Vec<Uuid> = vec![];
            for id in unit_ids {
                let Some(u) = unit::Entity::find_by_id(*id).one(db).await? else {
                    return Err(AppError::field("pool.unit_ids", "unknown").into());
                };
                require(actor, Action::RunMatching, &Scope::nation(u.nation_id))?;
                if !nations.contains(&u.nation_id) {
                    nations.push(u.nation_id);
                }
            }
            Ok(if nations.len() == 1 {
                nations.first().copied()
            } else {
                None
            })
        }
        PoolSpec::Everyone => {
            if actor.has_alliance(Role::TrainingOfficer) {
                return Ok(None);
            }
            let nation = actor.nation_id.ok_or(AppError::Forbidden)?;
            require(actor, Action::RunMatching, &Scope::nation(nation))?;
            Ok(Some(nation))
        }
    }
}

/// Officers of the run's nation, or alliance officers, may read it.
fn authorize_read(actor: &Actor, run: &mentoring_run::Model) -> Result<(), ServiceError> {
    let scope = run.nation_id.map_or_else(Scope::alliance, Scope::nation);
    Ok(require(actor, Action::RunMatching, &scope)?)
}

async fn find_readable<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> Result<mentoring_run::Model, ServiceError> {
    let run = mentoring_run::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    authorize_read(actor, &run)?;
    Ok(run)
}

fn validate(input: &NewRun) -> Result<u32, ServiceError> {
    let mut errors: Vec<FieldError> = vec![];
    if let Err(MatchError::InvalidWeights { fields }) = input.weights.validate() {
        errors.extend(
            fields
                .into_iter()
                .map(|f| FieldError::new(f, "out-of-range")),
        );
    }
    let gap = input.min_years_gap.unwrap_or(DEFAULT_MIN_YEARS_GAP);
    if gap > MAX_YEARS_GAP {
        errors.push(FieldError::new("min_years_gap", "out-of-range"));
    }
    if input.pins.len() > MAX_RULES {
        errors.push(FieldError::new("pins", "too-long"));
    }
    if input.forbids.len() > MAX_RULES {
        errors.push(FieldError::new("forbids", "too-long"));
    }
    if errors.is_empty() {
        Ok(gap)
    } else {
        Err(AppError::Validation(errors).into())
    }
}

fn json<T: serde::Serialize>(v: &T) -> Result<String, ServiceError> {
    serde_json::to_string(v).map_err(|e| anyhow::anyhow!("serialise: {e}").into())
}

fn parse<T: serde::de::DeserializeOwned>(s: &str) -> Result<T, ServiceError> {
    serde_json::from_str(s).map_err(|e| anyhow::anyhow!("stored run: {e}").into())
}

/// Validates, authorizes and stores a queued run (audited); [`execute`] solves it. 403 outside
/// the actor's scope; 422 for weights outside 0..=100, a years gap above 60, too many pins or
/// forbids, or an unknown nation or unit.
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    input: NewRun,
    now: DateTime<Utc>,
) -> Result<Uuid, ServiceError> {
    let nation_id = authorize_pool(db, actor, &input.pool).await?;
    let gap = validate(&input)?;
    let id = Uuid::new_v4();
    let txn = begin_write(db).await?;
    mentoring_run::Entity::insert(mentoring_run::ActiveModel {
        id: Set(id),
        created_by: Set(actor.user_id),
        nation_id: Set(nation_id),
        pool: Set(json(&input.pool)?),
        weights: Set(json(&input.weights)?),
        min_years_gap: Set(gap as i32),
        pins: Set(json(&input.pins)?),
        forbids: Set(json(&input.forbids)?),
        status: Set(QUEUED.into()),
        progress: Set(0),
        input: Set(None),
        result: Set(None),
        error: Set(None),
        created_at: Set(now),
        finished_at: Set(None),
    })
    .exec(&txn)
    .await?;
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("mentoring_run.started", "mentoring_run", id).after(serde_json::json!({
            "pool": input.pool, "weights": input.weights, "min_years_gap": gap,
            "pins": input.pins, "forbids": input.forbids,
        })),
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}

/// Starts a run: [`create`], then [`execute`] in the background. Answers at once.
pub async fn start(
    db: &DatabaseConnection,
    actor: &Actor,
    input: NewRun,
    now: DateTime<Utc>,
) -> Result<RunCreated, ServiceError> {
    let id = create(db, actor, input, now).await?;
    tokio::spawn(execute(db.clone(), id, Utc::now));
    Ok(RunCreated {
        id,
        status: QUEUED.into(),
    })
}

/// Re-runs `id` with the same pool and weights plus one more pin or forbid (`action` is `pin`
/// or `forbid`; the pair leaves the other list). 422 for any other action.
pub async fn rerun(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    action: &str,
    pair: PairRef,
    now: DateTime<Utc>,
) -> Result<RunCreated, ServiceError> {
    let run = find_readable(db, actor, id).await?;
    let mut pins: Vec<PairRef> = parse(&run.pins)?;
    let mut forbids: Vec<PairRef> = parse(&run.forbids)?;
    pins.retain(|p| *p != pair);
    forbids.retain(|p| *p != pair);
    match action {
        "pin" => pins.push(pair),
        "forbid" => forbids.push(pair),
        _ => return Err(AppError::field("action", "unknown").into()),
    }
    let input = NewRun {
        pool: parse(&run.pool)?,
        weights: parse(&run.weights)?,
        min_years_gap: u32::try_from(run.min_years_gap).ok(),
        pins,
        forbids,
    };
    start(db, actor, input, now).await
}

async fn set_status<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    status: &str,
    progress: i32,
) -> Result<(), ServiceError> {
    mentoring_run::Entity::update_many()
        .col_expr(mentoring_run::Column::Status, status.into())
        .col_expr(mentoring_run::Column::Progress, progress.into())
        .filter(mentoring_run::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Solves run `id`: gathers the input, solves it on a blocking thread while persisting the
/// percentage, then stores the result and the proposals (or the refusal) in one transaction.
/// Never panics; an internal failure marks the run `failed` with the code `internal`.
pub async fn execute(db: DatabaseConnection, id: Uuid, clock: fn() -> DateTime<Utc>) {
    if let Err(e) = solve(&db, id, clock).await {
        tracing::error!(run = %id, error = %e, "mentoring run failed");
        let done = mentoring_run::Entity::update_many()
            .col_expr(mentoring_run::Column::Status, FAILED.into())
            .col_expr(
                mentoring_run::Column::Error,
                Some(r#"{"code":"internal"}"#.to_owned()).into(),
            )
            .col_expr(mentoring_run::Column::FinishedAt, Some(clock()).into())
            .filter(mentoring_run::Column::Id.eq(id))
            .exec(&db)
            .await;
        if let Err(e) = done {
            tracing::error!(run = %id, error = %e, "could not mark the run failed");
        }
    }
}

async fn solve(
    db: &DatabaseConnection,
    id: Uuid,
    clock: fn() -> DateTime<Utc>,
) -> Result<(), ServiceError> {
    let run = mentoring_run::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    set_status(db, id, RUNNING, 0).await?;
    let pins: Vec<PairRef> = parse(&run.pins)?;
    let forbids: Vec<PairRef> = parse(&run.forbids)?;
    let rules = Rules {
        weights: parse::<Weights>(&run.weights)?,
        min_years_gap: u32::try_from(run.min_years_gap).unwrap_or(DEFAULT_MIN_YEARS_GAP),
        pins: pins.iter().map(|p| (p.mentor_id, p.mentee_id)).collect(),
        forbids: forbids.iter().map(|p| (p.mentor_id, p.mentee_id)).collect(),
    };
    let pool_spec: PoolSpec = parse(&run.pool)?;
    let input = pool::build(db, &pool_spec, run.nation_id, rules, clock()).await?;
    let frozen = json(&input)?;

    let (tx, mut rx) = tokio::sync::watch::channel(0i32);
    let solver = tokio::task::spawn_blocking(move || {
        let result = matching::run(&input, &mut |done, total| {
            let pct = (done * 100).checked_div(total).unwrap_or(100);
            let _ = tx.send(i32::try_from(pct).unwrap_or(100));
        });
        drop(input);
        result
    });
    while rx.changed().await.is_ok() {
        let pct = *rx.borrow_and_update();
        set_status(db, id, RUNNING, pct.min(99)).await?;
    }
    let outcome = solver
        .await
        .map_err(|e| anyhow::anyhow!("solver task: {e}"))?;

    let now = clock();
    let txn = begin_write(db).await?;
    let mut update = mentoring_run::ActiveModel {
        id: Set(id),
        input: Set(Some(frozen)),
        finished_at: Set(Some(now)),
        progress: Set(100),
        ..Default::default()
    };
    let summary = match outcome {
        Ok(result) => {
            let rows: Vec<mentoring_pairing::ActiveModel> = result
                .pairs
                .iter()
                .map(|p| mentoring_pairing::ActiveModel {
                    id: Set(Uuid::new_v4()),
                    run_id: Set(Some(id)),
                    mentor_id: Set(p.mentor_id),
                    mentee_id: Set(p.mentee_id),
                    status: Set(PROPOSED.into()),
                    score: Set(i32::try_from(p.breakdown.total).ok()),
                    breakdown: Set(serde_json::to_string(&p.breakdown).ok()),
                    accepted_at: Set(None),
                    ended_at: Set(None),
                    created_at: Set(now),
                })
                .collect();
            for chunk in rows.chunks(200) {
                mentoring_pairing::Entity::insert_many(chunk.to_vec())
                    .exec(&txn)
                    .await?;
            }
            update.status = Set(DONE.into());
            update.result = Set(Some(json(&result)?));
            serde_json::json!({ "status": DONE, "matched": result.matched, "total_score": result.total_score })
        }
        Err(refusal) => {
            update.status = Set(FAILED.into());
            update.error = Set(Some(json(&refusal)?));
            serde_json::json!({ "status": FAILED, "error": refusal })
        }
    };
    mentoring_run::Entity::update(update).exec(&txn).await?;
    audit::record(
        &txn,
        &Who::system(),
        now,
        Entry::new("mentoring_run.finished", "mentoring_run", id).after(summary),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// A run with its proposals, unmatched mentees and their reasons, totals and fairness. 404 for
/// an unknown run, 403 outside the actor's scope.
pub async fn get<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> Result<RunView, ServiceError> {
    let run = find_readable(db, actor, id).await?;
    let mut view = RunView {
        id: run.id,
        status: run.status.clone(),
        progress: run.progress,
        created_at: run.created_at,
        finished_at: run.finished_at,
        pool: parse(&run.pool)?,
        weights: parse(&run.weights)?,
        min_years_gap: u32::try_from(run.min_years_gap).unwrap_or(DEFAULT_MIN_YEARS_GAP),
        pins: parse(&run.pins)?,
        forbids: parse(&run.forbids)?,
        mentors_in_pool: 0,
        mentees_in_pool: 0,
        matched: 0,
        total_score: 0,
        proposals: vec![],
        unmatched: vec![],
        fairness: vec![],
        error: run
            .error
            .as_deref()
            .and_then(|e| serde_json::from_str::<serde_json::Value>(e).ok())
            .and_then(|v| v["code"].as_str().map(str::to_owned)),
    };
    let (Some(result), Some(input)) = (run.result.as_deref(), run.input.as_deref()) else {
        return Ok(view);
    };
    let result: MatchResult = parse(result)?;
    let input: RunInput = parse(input)?;
    let stored: HashMap<(Uuid, Uuid), (Uuid, String)> = mentoring_pairing::Entity::find()
        .filter(mentoring_pairing::Column::RunId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|p| ((p.mentor_id, p.mentee_id), (p.id, p.status)))
        .collect();
    let mut ids: Vec<Uuid> = vec![];
    for p in &result.pairs {
        ids.extend([p.mentor_id, p.mentee_id]);
    }
    for u in &result.unmatched {
        ids.push(u.mentee_id);
        if let UnmatchedReason::NoEligibleMentor { nearest } = &u.reason {
            ids.extend(nearest.iter().map(|n| n.mentor_id));
        }
    }
    let refs = people_refs(db, ids).await?;
    view.mentors_in_pool = input.mentors.len();
    view.mentees_in_pool = input.mentees.len();
    view.matched = result.matched;
    view.total_score = result.total_score;
    view.proposals = result
        .pairs
        .iter()
        .map(|p| {
            let stored = stored.get(&(p.mentor_id, p.mentee_id));
            ProposalView {
                mentor: person(&refs, p.mentor_id),
                mentee: person(&refs, p.mentee_id),
                pinned: p.pinned,
                breakdown: p.breakdown,
                pairing_id: stored.map(|s| s.0),
                status: stored.map_or_else(|| PROPOSED.to_owned(), |s| s.1.clone()),
            }
        })
        .collect();
    view.proposals
        .sort_by(|a, b| (&a.mentee.name, a.mentee.id).cmp(&(&b.mentee.name, b.mentee.id)));
    view.unmatched = result
        .unmatched
        .iter()
        .map(|u| {
            let (reason, eligible, nearest) = match &u.reason {
                UnmatchedReason::NoEligibleMentor { nearest } => {
                    ("no_eligible_mentor", 0, nearest.clone())
                }
                UnmatchedReason::CapacityTaken { eligible_mentors } => {
                    ("capacity_taken", *eligible_mentors, vec![])
                }
            };
            UnmatchedView {
                mentee: person(&refs, u.mentee_id),
                reason: reason.into(),
                eligible_mentors: eligible,
                nearest: nearest
                    .into_iter()
                    .map(|n| NearMissView {
                        mentor: person(&refs, n.mentor_id),
                        constraints: n.constraints,
                    })
                    .collect(),
            }
        })
        .collect();
    view.fairness = fairness(db, &input, &result).await?;
    Ok(view)
}

/// Mentees per mentor grouped by the mentor's nation and by rank grade.
async fn fairness<C: ConnectionTrait>(
    db: &C,
    input: &RunInput,
    result: &MatchResult,
) -> Result<Vec<FairnessRow>, ServiceError> {
    let codes: HashMap<Uuid, String> = nation::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|n| (n.id, n.code))
        .collect();
    let mut taken: HashMap<Uuid, usize> = HashMap::new();
    for p in &result.pairs {
        *taken.entry(p.mentor_id).or_default() += 1;
    }
    let mut by_nation: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut by_rank: BTreeMap<(u8, String), (usize, usize)> = BTreeMap::new();
    for m in &input.mentors {
        let n = taken.get(&m.person_id).copied().unwrap_or(0);
        let code = codes.get(&m.nation_id).cloned().unwrap_or_default();
        let e = by_nation.entry(code).or_default();
        e.0 += 1;
        e.1 += n;
        let r = by_rank
            .entry((m.rank.ordinal(), m.rank.to_string()))
            .or_default();
        r.0 += 1;
        r.1 += n;
    }
    let row = |group: &str, label: String, (mentors, mentees): (usize, usize)| FairnessRow {
        group: group.into(),
        label,
        mentors,
        mentees,
    };
    Ok(by_nation
        .into_iter()
        .map(|(label, v)| row("nation", label, v))
        .chain(
            by_rank
                .into_iter()
                .map(|((_, label), v)| row("rank", label, v)),
        )
        .collect())
}

/// Every eligible pair of a finished run with its score (pins ignored, forbids applied), for
/// auditing the optimum. Empty while the run is not done.
pub async fn candidates<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> Result<Vec<CandidateView>, ServiceError> {
    let run = find_readable(db, actor, id).await?;
    let Some(input) = run.input.as_deref() else {
        return Ok(vec![]);
    };
    let input: RunInput = parse(input)?;
    let pairs = matching::eligible_pairs(&input)
        .map_err(|e| anyhow::anyhow!("stored input refused: {e}"))?;
    Ok(pairs
        .into_iter()
        .map(|p| CandidateView {
            mentor_id: p.mentor_id,
            mentee_id: p.mentee_id,
            score: p.breakdown.total,
            breakdown: p.breakdown,
        })
        .collect())
}

/// The runs page of a training officer: the nations they may pool and the latest runs they may
/// read. 403 for anyone else.
pub async fn page<C: ConnectionTrait>(db: &C, actor: &Actor) -> Result<RunsPage, ServiceError> {
    if !actor.has_role(Role::TrainingOfficer) {
        return Err(AppError::Forbidden.into());
    }
    let alliance = actor.has_alliance(Role::TrainingOfficer);
    let mut nations: Vec<(Uuid, String)> = nation::Entity::find()
        .order_by_asc(nation::Column::Code)
        .all(db)
        .await?
        .into_iter()
        .filter(|n| alliance || actor.nation_id == Some(n.id))
        .map(|n| (n.id, n.code))
        .collect();
    nations.sort_by(|a, b| a.1.cmp(&b.1));
    let mut q = mentoring_run::Entity::find()
        .select_only()
        .columns([
            mentoring_run::Column::Id,
            mentoring_run::Column::Status,
            mentoring_run::Column::Progress,
            mentoring_run::Column::CreatedAt,
            mentoring_run::Column::Pool,
            mentoring_run::Column::NationId,
        ])
        .order_by_desc(mentoring_run::Column::CreatedAt)
        .limit(20);
    if !alliance {
        q = q.filter(mentoring_run::Column::NationId.eq(actor.nation_id));
    }
    type Row = (Uuid, String, i32, DateTime<Utc>, String, Option<Uuid>);
    let rows: Vec<Row> = q.into_tuple().all(db).await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.0).collect();
    let mut matched: HashMap<Uuid, usize> = HashMap::new();
    for (run_id,) in mentoring_pairing::Entity::find()
        .select_only()
        .column(mentoring_pairing::Column::RunId)
        .filter(mentoring_pairing::Column::RunId.is_in(ids))
        .into_tuple::<(Option<Uuid>,)>()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(r,)| r.map(|r| (r,)))
    {
        *matched.entry(run_id).or_default() += 1;
    }
    let runs = rows
        .into_iter()
        .map(|(id, status, progress, created_at, pool, _)| {
            Ok(RunSummary {
                matched: (status == DONE).then(|| matched.get(&id).copied().unwrap_or(0)),
                id,
                status,
                progress,
                created_at,
                pool: parse(&pool)?,
            })
        })
        .collect::<Result<Vec<_>, ServiceError>>()?;
    Ok(RunsPage {
        alliance,
        nations,
        runs,
    })
}
