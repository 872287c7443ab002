//! What commanders read: the dashboard (a unit subtree with trends, assessments and expiring
//! modules), a unit, its people, a person's evidence and a unit's history. Every function
//! authorizes first; today's figures come from the cache, other days are recomputed in SQL.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, Statement, Value};
use uuid::Uuid;

use super::{
    access::Org,
    assess::latest_assessments,
    cache::{self, params},
    compute::{CHUNK, PersonLine, figures_on, own_aggregates, placeholders},
    evidence::{self, horizon, mentor_evidence, person_row},
};
use crate::{
    api::readiness::{
        Components, Dashboard, ExpiringRow, ExpiringSoon, History, HistoryPoint, PeoplePage,
        PersonReadiness, PersonRow, ProjectionView, TrendPoint, UnitReadiness,
    },
    domain::{
        policy::{Action, Actor, Scope, require},
        readiness::{
            HORIZONS, ModelParams, PersonFigures, UnitAggregate, level, person_score,
            projected_effect, subtree_aggregates,
        },
    },
    error::AppError,
    server::error::ServiceError,
};

/// How many levels below the root the dashboard's tree table shows.
const DASHBOARD_DEPTH: u32 = 2;
/// Days of trend behind each sparkline.
const TREND_DAYS: u64 = 90;
/// People shown per horizon in the expiring-soon lists.
const EXPIRING_ROWS: usize = 50;
/// Subtrees larger than this show the expiring-soon totals without the list of people (ranking
/// every person of a division on each dashboard view would cost more than the rest of the page;
/// the list appears on each smaller unit's dashboard).
pub const EXPIRING_LIST_MAX_PEOPLE: u64 = 5_000;

fn unit_readiness(
    org: &Org,
    unit: Uuid,
    depth: u32,
    on: NaiveDate,
    agg: Option<&UnitAggregate>,
    params: &ModelParams,
) -> UnitReadiness {
    let s = agg.copied().unwrap_or_default().finish(params);
    UnitReadiness {
        unit_id: unit,
        name: org.name(unit),
        parent_id: org.units.get(&unit).and_then(|u| u.parent_id),
        depth,
        as_of: on,
        people: s.people as u64,
        score: s.score,
        level: s.level.map(|l| l.to_string()),
        components: Components {
            training: s.training,
            exercise: s.exercise,
            mentorship: s.mentorship,
        },
        confidence: s.confidence,
        latest_assessment: None,
        trend: Vec::new(),
    }
}

/// The root and its descendants down to `max_depth`, depth-first, children by name.
fn tree_order(org: &Org, root: Uuid, max_depth: u32) -> Vec<(Uuid, u32)> {
    let mut children: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for (id, u) in &org.units {
        if let Some(p) = u.parent_id {
            children.entry(p).or_default().push(*id);
        }
    }
    for list in children.values_mut() {
        list.sort_by(|a, b| org.name(*a).cmp(&org.name(*b)).then(a.cmp(b)));
    }
    let mut out = Vec::new();
    let mut stack = vec![(root, 0u32)];
    while let Some((unit, depth)) = stack.pop() {
        out.push((unit, depth));
        if depth < max_depth {
            for c in children.get(&unit).into_iter().flatten().rev() {
                stack.push((*c, depth + 1));
            }
        }
    }
    out
}

async fn trends<C: ConnectionTrait>(
    db: &C,
    units: &[Uuid],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<HashMap<Uuid, Vec<TrendPoint>>, DbErr> {
    let mut out: HashMap<Uuid, Vec<TrendPoint>> = HashMap::new();
    for chunk in units.chunks(CHUNK) {
        let sql = format!(
            "SELECT unit_id, taken_on, score FROM readiness_snapshots
             WHERE taken_on >= $1 AND taken_on <= $2 AND unit_id IN ({}) ORDER BY taken_on",
            placeholders(3, chunk.len())
        );
        let mut values: Vec<Value> = vec![from.into(), to.into()];
        values.extend(chunk.iter().map(|u| Value::from(*u)));
        let stmt = Statement::from_sql_and_values(db.get_database_backend(), sql, values);
        for row in db.query_all_raw(stmt).await? {
            out.entry(row.try_get_by_index(0)?)
                .or_default()
                .push(TrendPoint {
                    on: row.try_get_by_index(1)?,
                    score: row.try_get_by_index(2)?,
                });
        }
    }
    Ok(out)
}

fn pick_root(org: &Org, actor: &Actor, root: Option<Uuid>) -> Result<Uuid, ServiceError> {
    match root {
        Some(u) => {
            org.require_unit(actor, Action::ViewReadiness, u)?;
            Ok(u)
        }
        None => org
            .roots(actor)
            .first()
            .map(|(u, _)| *u)
            .ok_or(ServiceError::App(AppError::Forbidden)),
    }
}

/// The commander dashboard for `root` (default: the first unit the actor may view) on `on`.
/// Fails with Forbidden outside the actor's reach, NotFound for an unknown unit.
pub async fn dashboard(
    db: &DatabaseConnection,
    actor: &Actor,
    root: Option<Uuid>,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<Dashboard, ServiceError> {
    let org = Org::load(db).await?;
    let root = pick_root(&org, actor, root)?;
    let params = params(db).await?;
    let (aggregates, lines) = if on == today {
        (cache::subtree_on(db, &org.tree, on, today).await?, None)
    } else {
        let lines = figures_on(db, on, None, &params).await?;
        (
            subtree_aggregates(&org.tree, &own_aggregates(&lines)),
            Some(lines),
        )
    };
    let order = tree_order(&org, root, DASHBOARD_DEPTH);
    let ids: Vec<Uuid> = order.iter().map(|(u, _)| *u).collect();
    let from = on.checked_sub_days(Days::new(TREND_DAYS)).unwrap_or(on);
    let mut trend = trends(db, &ids, from, on).await?;
    let mut assessed = latest_assessments(db, &ids).await?;
    let units = order
        .iter()
        .map(|(u, depth)| {
            let mut row = unit_readiness(&org, *u, *depth, on, aggregates.get(u), &params);
            row.trend = trend.remove(u).unwrap_or_default();
            row.latest_assessment = assessed.remove(u);
            row
        })
        .collect();
    let root_agg = aggregates.get(&root).copied().unwrap_or_default();
    let expiring = expiring(db, &org, root, on, &root_agg, lines.as_deref(), &params).await?;
    Ok(Dashboard {
        as_of: on,
        is_today: on == today,
        roots: org.roots(actor),
        units,
        expiring,
    })
}

async fn subtree_people<C: ConnectionTrait>(db: &C, units: &[Uuid]) -> Result<Vec<Uuid>, DbErr> {
    let mut out = Vec::new();
    for chunk in units.chunks(CHUNK) {
        let sql = format!(
            "SELECT id FROM users WHERE disabled = $1 AND unit_id IN ({})",
            placeholders(2, chunk.len())
        );
        let mut values = vec![Value::from(false)];
        values.extend(chunk.iter().map(|u| Value::from(*u)));
        let stmt = Statement::from_sql_and_values(db.get_database_backend(), sql, values);
        for row in db.query_all_raw(stmt).await? {
            out.push(row.try_get_by_index::<Uuid>(0)?);
        }
    }
    Ok(out)
}

/// The people of `units` with the largest projected drop at horizon `h` (index into
/// HORIZONS), from today's cache, as (person, drop).
async fn cached_drops<C: ConnectionTrait>(
    db: &C,
    units: &[Uuid],
    h: usize,
) -> Result<Vec<(Uuid, f64)>, DbErr> {
    let days = HORIZONS[h];
    let mut out = Vec::new();
    for chunk in units.chunks(CHUNK) {
        let sql = format!(
            "SELECT user_id, score - projected{days} FROM readiness_people
             WHERE lapse{days} > 0 AND unit_id IN ({}) ORDER BY score - projected{days} DESC LIMIT {EXPIRING_ROWS}",
            placeholders(1, chunk.len())
        );
        let stmt = Statement::from_sql_and_values(
            db.get_database_backend(),
            sql,
            chunk.iter().map(|u| Value::from(*u)).collect::<Vec<_>>(),
        );
        for row in db.query_all_raw(stmt).await? {
            out.push((row.try_get_by_index(0)?, row.try_get_by_index(1)?));
        }
    }
    Ok(out)
}

/// The largest drops first, at most [`EXPIRING_ROWS`].
fn top_drops(mut drops: Vec<(Uuid, f64)>) -> Vec<Uuid> {
    drops.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    drops
        .into_iter()
        .take(EXPIRING_ROWS)
        .map(|(u, _)| u)
        .collect()
}

/// What lapses within 30/60/90 days: the totals from the root's aggregate, the people with the
/// largest projected drop from the cache (today) or from `lines` (another day).
async fn expiring(
    db: &DatabaseConnection,
    org: &Org,
    root: Uuid,
    on: NaiveDate,
    agg: &UnitAggregate,
    lines: Option<&[PersonLine]>,
    params: &ModelParams,
) -> Result<Vec<ExpiringSoon>, ServiceError> {
    let units = org.tree.subtree(root);
    let listed = agg.people <= EXPIRING_LIST_MAX_PEOPLE;
    let mut chosen: Vec<Vec<Uuid>> = Vec::new();
    for h in 0..HORIZONS.len() {
        if !listed {
            chosen.push(Vec::new());
            continue;
        }
        let drops = match lines {
            Some(lines) => {
                let within: std::collections::HashSet<Uuid> = units.iter().copied().collect();
                lines
                    .iter()
                    .filter(|l| {
                        l.outlook.lapsing[h] > 0 && l.unit_id.is_some_and(|u| within.contains(&u))
                    })
                    .map(|l| (l.user_id, l.figures.score - l.outlook.projected[h]))
                    .collect()
            }
            None => cached_drops(db, &units, h).await?,
        };
        chosen.push(top_drops(drops));
    }
    let mut everyone: Vec<Uuid> = chosen.iter().flatten().copied().collect();
    everyone.sort();
    everyone.dedup();
    let loaded = evidence::load(db, &everyone).await?;
    let mut out = Vec::new();
    for (h, days) in HORIZONS.iter().enumerate() {
        let at = horizon(on, *days);
        let rows = chosen[h]
            .iter()
            .filter_map(|id| {
                loaded
                    .people
                    .get(id)
                    .map(|(person, facts)| (id, person, facts))
            })
            .map(|(id, person, facts)| {
                let p = projected_effect(facts, on, at, params);
                ExpiringRow {
                    person_id: *id,
                    name: person.name.clone(),
                    modules: p
                        .lapsing
                        .iter()
                        .map(|l| loaded.lapse(l.module_id, l.expires_on))
                        .collect(),
                    score: p.current_score,
                    projected_score: p.projected_score,
                }
            })
            .collect();
        out.push(ExpiringSoon {
            days: *days,
            people: agg.lapse_people[h],
            modules: agg.lapse_modules[h],
            projected_score: agg.projected(h),
            listed,
            rows,
        });
    }
    Ok(out)
}

/// One unit's figures on `on`, with its latest assessment.
pub async fn unit(
    db: &DatabaseConnection,
    actor: &Actor,
    unit_id: Uuid,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<UnitReadiness, ServiceError> {
    let org = Org::load(db).await?;
    org.require_unit(actor, Action::ViewReadiness, unit_id)?;
    let params = params(db).await?;
    let aggregates = cache::subtree_on(db, &org.tree, on, today).await?;
    let mut row = unit_readiness(&org, unit_id, 0, on, aggregates.get(&unit_id), &params);
    row.latest_assessment = latest_assessments(db, &[unit_id]).await?.remove(&unit_id);
    Ok(row)
}

/// The unit and its subtree, tree order to `max_depth`, for the CSV export.
pub async fn subtree_rows(
    db: &DatabaseConnection,
    actor: &Actor,
    unit_id: Uuid,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<Vec<UnitReadiness>, ServiceError> {
    let org = Org::load(db).await?;
    org.require_unit(actor, Action::ViewReadiness, unit_id)?;
    let params = params(db).await?;
    let aggregates = cache::subtree_on(db, &org.tree, on, today).await?;
    Ok(tree_order(&org, unit_id, u32::MAX)
        .into_iter()
        .map(|(u, d)| unit_readiness(&org, u, d, on, aggregates.get(&u), &params))
        .collect())
}

fn row_from(
    id: Uuid,
    name: String,
    rank: String,
    unit_id: Option<Uuid>,
    org: &Org,
    f: &PersonFigures,
    params: &ModelParams,
) -> PersonRow {
    PersonRow {
        person_id: id,
        name,
        rank,
        unit_id,
        unit_name: unit_id.map(|u| org.name(u)).unwrap_or_default(),
        score: f.score,
        level: level(f.score, params).to_string(),
        components: Components {
            training: f.training,
            exercise: Some(f.exercise),
            mentorship: f.mentorship,
        },
    }
}

/// The people of a unit's subtree on `on`, lowest score first, one page (1-based) at a time
/// (`per_page = u64::MAX` for everyone).
pub async fn people(
    db: &DatabaseConnection,
    actor: &Actor,
    unit_id: Uuid,
    on: NaiveDate,
    today: NaiveDate,
    page: u64,
    per_page: u64,
) -> Result<PeoplePage, ServiceError> {
    let org = Org::load(db).await?;
    org.require_unit(actor, Action::ViewReadiness, unit_id)?;
    let params = params(db).await?;
    let units = org.tree.subtree(unit_id);
    let members = subtree_people(db, &units).await?;
    let lines = if on == today {
        cache::ensure_current(db, today).await?;
        cache::cached_people(db, &units).await?
    } else {
        let set: std::collections::HashSet<Uuid> = members.iter().copied().collect();
        let mut all = figures_on(db, on, None, &params).await?;
        all.retain(|l| set.contains(&l.user_id));
        all
    };
    let names = names(db, &members).await?;
    let mut rows: Vec<PersonRow> = lines
        .iter()
        .map(|l| {
            let (name, rank) = names.get(&l.user_id).cloned().unwrap_or_default();
            row_from(l.user_id, name, rank, l.unit_id, &org, &l.figures, &params)
        })
        .collect();
    rows.sort_by(|a, b| a.score.total_cmp(&b.score).then(a.name.cmp(&b.name)));
    let total = rows.len() as u64;
    let per_page = per_page.max(1);
    let page = page.max(1);
    let start = usize::try_from((page - 1).saturating_mul(per_page)).unwrap_or(usize::MAX);
    let rows = rows
        .into_iter()
        .skip(start)
        .take(usize::try_from(per_page).unwrap_or(usize::MAX))
        .collect();
    Ok(PeoplePage {
        unit_id,
        unit_name: org.name(unit_id),
        as_of: on,
        total,
        page,
        per_page,
        rows,
    })
}

async fn names<C: ConnectionTrait>(
    db: &C,
    people: &[Uuid],
) -> Result<HashMap<Uuid, (String, String)>, DbErr> {
    let mut out = HashMap::new();
    for chunk in people.chunks(CHUNK) {
        let sql = format!(
            "SELECT id, display_name, rank FROM users WHERE id IN ({})",
            placeholders(1, chunk.len())
        );
        let stmt = Statement::from_sql_and_values(
            db.get_database_backend(),
            sql,
            chunk.iter().map(|u| Value::from(*u)).collect::<Vec<_>>(),
        );
        for row in db.query_all_raw(stmt).await? {
            out.insert(
                row.try_get_by_index(0)?,
                (row.try_get_by_index(1)?, row.try_get_by_index(2)?),
            );
        }
    }
    Ok(out)
}

/// A person's readiness on `on` with its evidence and the 30/60/90-day projections. Forbidden
/// unless the actor may view readiness in the person's unit.
pub async fn person(
    db: &DatabaseConnection,
    actor: &Actor,
    person_id: Uuid,
    on: NaiveDate,
) -> Result<PersonReadiness, ServiceError> {
    let org = Org::load(db).await?;
    let loaded = evidence::load(db, &[person_id]).await?;
    let (person, facts) = loaded.people.get(&person_id).ok_or(AppError::NotFound)?;
    let unit = person.unit_id.ok_or(AppError::NotFound)?;
    let info = org.units.get(&unit).ok_or(AppError::NotFound)?;
    let scope = Scope::person(
        person_id,
        Some(info.nation_id),
        org.tree.ancestors_and_self(unit),
        false,
    );
    require(actor, Action::ViewReadiness, &scope)?;
    let params = params(db).await?;
    let s = person_score(facts, on, &params);
    let projections = HORIZONS
        .iter()
        .map(|days| {
            let p = projected_effect(facts, on, horizon(on, *days), &params);
            ProjectionView {
                days: *days,
                horizon: p.horizon,
                lapsing: p
                    .lapsing
                    .iter()
                    .map(|l| loaded.lapse(l.module_id, l.expires_on))
                    .collect(),
                projected_score: p.projected_score,
            }
        })
        .collect();
    let required = s.evidence.valid_modules.len()
        + s.evidence.missing_modules.len()
        + s.evidence.expired_modules.len();
    Ok(PersonReadiness {
        person: person_row(person_id, person, org.name(unit), &s, &params),
        as_of: on,
        required_modules: required as u64,
        valid_modules: s.evidence.valid_modules.len() as u64,
        missing: s
            .evidence
            .missing_modules
            .iter()
            .map(|m| loaded.lapse(*m, on))
            .collect(),
        expired: s
            .evidence
            .expired_modules
            .iter()
            .map(|e| loaded.lapse(e.module_id, e.expires_on))
            .collect(),
        ratings_counted: s
            .evidence
            .ratings_counted
            .iter()
            .map(|r| loaded.rating(r))
            .collect(),
        low_ratings: s
            .evidence
            .low_ratings
            .iter()
            .map(|r| loaded.rating(r))
            .collect(),
        window_after: s.evidence.window_after,
        mentor: mentor_evidence(&s),
        projections,
    })
}

/// A unit's daily snapshots between `from` and `to` (inclusive) and every assessment.
pub async fn history(
    db: &DatabaseConnection,
    actor: &Actor,
    unit_id: Uuid,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<History, ServiceError> {
    if to < from {
        return Err(AppError::field("to", "readiness-date-order").into());
    }
    let org = Org::load(db).await?;
    org.require_unit(actor, Action::ViewReadiness, unit_id)?;
    let params = params(db).await?;
    let stmt = Statement::from_sql_and_values(
        db.get_database_backend(),
        "SELECT taken_on, people, score, training, exercise, mentorship, confidence
         FROM readiness_snapshots WHERE unit_id = $1 AND taken_on >= $2 AND taken_on <= $3
         ORDER BY taken_on",
        [unit_id.into(), from.into(), to.into()],
    );
    let mut points = Vec::new();
    for row in db.query_all_raw(stmt).await? {
        let score: Option<f64> = row.try_get_by_index(2)?;
        points.push(HistoryPoint {
            on: row.try_get_by_index(0)?,
            people: u64::try_from(row.try_get_by_index::<i64>(1)?).unwrap_or(0),
            score,
            level: score.map(|s| level(s, &params).to_string()),
            components: Components {
                training: row.try_get_by_index(3)?,
                exercise: row.try_get_by_index(4)?,
                mentorship: row.try_get_by_index(5)?,
            },
            confidence: row.try_get_by_index(6)?,
        });
    }
    Ok(History {
        unit_id,
        points,
        assessments: super::assess::all_assessments(db, unit_id).await?,
    })
}
