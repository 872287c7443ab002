//! Today's figures, kept current: `readiness_people` holds each person's figures and
//! `readiness_units` each unit's own people's sums, so the dashboard reads a few thousand rows.
//! Changes mark people dirty inside the writer's transaction; the next read (or the scheduler)
//! recomputes just them, and everyone once a day. Also the settings row and daily snapshots.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, Statement, TransactionTrait, Value};
use uuid::Uuid;

use super::compute::{CHUNK, PersonLine, figures_on, own_aggregates, placeholders};
use crate::{
    domain::{
        org::UnitTree,
        readiness::{ModelParams, UnitAggregate, subtree_aggregates},
    },
    server::{db::begin_write, error::ServiceError, services::org},
};

async fn exec<C: ConnectionTrait>(db: &C, sql: &str, values: Vec<Value>) -> Result<u64, DbErr> {
    let stmt = Statement::from_sql_and_values(db.get_database_backend(), sql, values);
    Ok(db.execute_raw(stmt).await?.rows_affected())
}

/// Marks people for recomputation; idempotent.
pub async fn mark_dirty<C: ConnectionTrait>(db: &C, user_ids: &[Uuid]) -> Result<(), DbErr> {
    let ids: BTreeSet<Uuid> = user_ids.iter().copied().collect();
    let ids: Vec<Uuid> = ids.into_iter().collect();
    for chunk in ids.chunks(CHUNK) {
        let rows = (1..=chunk.len())
            .map(|i| format!("(${i})"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "INSERT INTO readiness_dirty (user_id) VALUES {rows} ON CONFLICT (user_id) DO NOTHING"
        );
        exec(db, &sql, chunk.iter().map(|u| Value::from(*u)).collect()).await?;
    }
    Ok(())
}

/// Everyone whose unit is one of `units` or below one of them.
pub async fn people_in_subtrees<C: ConnectionTrait>(
    db: &C,
    tree: &UnitTree,
    units: &[Uuid],
) -> Result<Vec<Uuid>, DbErr> {
    let all: BTreeSet<Uuid> = units.iter().flat_map(|u| tree.subtree(*u)).collect();
    let all: Vec<Uuid> = all.into_iter().collect();
    let mut out = Vec::new();
    for chunk in all.chunks(CHUNK) {
        let sql = format!(
            "SELECT id FROM users WHERE unit_id IN ({})",
            placeholders(1, chunk.len())
        );
        let stmt = Statement::from_sql_and_values(
            db.get_database_backend(),
            sql,
            chunk.iter().map(|u| Value::from(*u)).collect::<Vec<_>>(),
        );
        for row in db.query_all_raw(stmt).await? {
            out.push(row.try_get_by_index::<Uuid>(0)?);
        }
    }
    Ok(out)
}

/// The model's parameters as stored (the documented defaults until an admin changes them).
pub async fn params<C: ConnectionTrait>(db: &C) -> Result<ModelParams, DbErr> {
    let stmt = Statement::from_string(
        db.get_database_backend(),
        "SELECT params FROM readiness_settings WHERE id = 1",
    );
    Ok(match db.query_one_raw(stmt).await? {
        Some(row) => serde_json::from_str(&row.try_get_by_index::<String>(0)?)
            .ok()
            .filter(|p: &ModelParams| p.validate().is_ok())
            .unwrap_or_default(),
        None => ModelParams::default(),
    })
}

async fn cache_on<C: ConnectionTrait>(db: &C) -> Result<(Option<NaiveDate>, i64), DbErr> {
    let stmt = Statement::from_string(
        db.get_database_backend(),
        "SELECT (SELECT cache_on FROM readiness_cache WHERE id = 1),
                CAST((SELECT COUNT(*) FROM readiness_dirty) AS BIGINT)",
    );
    match db.query_one_raw(stmt).await? {
        Some(row) => Ok((row.try_get_by_index(0)?, row.try_get_by_index(1)?)),
        None => Ok((None, 0)),
    }
}

async fn set_cache_on<C: ConnectionTrait>(db: &C, on: Option<NaiveDate>) -> Result<(), DbErr> {
    exec(
        db,
        "INSERT INTO readiness_cache (id, cache_on) VALUES (1, $1)
         ON CONFLICT (id) DO UPDATE SET cache_on = excluded.cache_on",
        vec![on.into()],
    )
    .await
    .map(|_| ())
}

/// Forgets today's figures (after a parameter change): the next read recomputes everything.
pub async fn invalidate<C: ConnectionTrait>(db: &C) -> Result<(), DbErr> {
    set_cache_on(db, None).await
}

async fn write_people<C: ConnectionTrait>(
    db: &C,
    on: NaiveDate,
    lines: &[PersonLine],
) -> Result<(), DbErr> {
    const COLS: usize = 14;
    for chunk in lines.chunks(CHUNK / 4) {
        let rows = (0..chunk.len())
            .map(|r| format!("({})", placeholders(r * COLS + 1, COLS)))
            .collect::<Vec<_>>()
            .join(", ");
        let mut values: Vec<Value> = Vec::with_capacity(chunk.len() * COLS);
        for l in chunk {
            let f = &l.figures;
            values.extend([
                l.user_id.into(),
                l.unit_id.into(),
                on.into(),
                f.training.into(),
                f.exercise.into(),
                f.mentorship.into(),
                f.score.into(),
                f.recent_rating.into(),
            ]);
            let o = &l.outlook;
            values.extend(
                o.lapsing
                    .iter()
                    .map(|n| Value::from(i32::try_from(*n).unwrap_or(i32::MAX))),
            );
            values.extend(o.projected.iter().map(|p| Value::from(*p)));
        }
        let sql = format!(
            "INSERT INTO readiness_people
               (user_id, unit_id, computed_on, training, exercise, mentorship, score, recent_rating,
                lapse30, lapse60, lapse90, projected30, projected60, projected90)
             VALUES {rows}"
        );
        exec(db, &sql, values).await?;
    }
    Ok(())
}

/// Recomputes the own-people sums of `units` (all units when `None`) from `readiness_people`.
async fn write_units<C: ConnectionTrait>(db: &C, units: Option<&[Uuid]>) -> Result<(), DbErr> {
    const SUMS: &str = "SELECT unit_id, COUNT(*), SUM(score), SUM(COALESCE(training, 0)),
            COUNT(training), SUM(exercise), SUM(COALESCE(mentorship, 0)), COUNT(mentorship),
            SUM(CASE WHEN training IS NOT NULL AND recent_rating = $1 THEN 1 ELSE 0 END),
            SUM(CASE WHEN lapse30 > 0 THEN 1 ELSE 0 END), SUM(CASE WHEN lapse60 > 0 THEN 1 ELSE 0 END),
            SUM(CASE WHEN lapse90 > 0 THEN 1 ELSE 0 END), SUM(lapse30), SUM(lapse60), SUM(lapse90),
            SUM(projected30), SUM(projected60), SUM(projected90)
         FROM readiness_people WHERE unit_id IS NOT NULL";
    let insert =
        "INSERT INTO readiness_units (unit_id, people, score_sum, training_sum, training_n,
            exercise_sum, mentorship_sum, mentorship_n, confident, lapse_people30, lapse_people60,
            lapse_people90, lapse_modules30, lapse_modules60, lapse_modules90, projected_sum30,
            projected_sum60, projected_sum90)";
    match units {
        None => {
            exec(db, "DELETE FROM readiness_units", vec![]).await?;
            exec(
                db,
                &format!("{insert} {SUMS} GROUP BY unit_id"),
                vec![true.into()],
            )
            .await?;
        }
        Some(units) => {
            for chunk in units.chunks(CHUNK) {
                let list = placeholders(2, chunk.len());
                let ids: Vec<Value> = chunk.iter().map(|u| Value::from(*u)).collect();
                exec(
                    db,
                    &format!(
                        "DELETE FROM readiness_units WHERE unit_id IN ({})",
                        placeholders(1, chunk.len())
                    ),
                    ids.clone(),
                )
                .await?;
                let mut values = vec![Value::from(true)];
                values.extend(ids);
                exec(
                    db,
                    &format!("{insert} {SUMS} AND unit_id IN ({list}) GROUP BY unit_id"),
                    values,
                )
                .await?;
            }
        }
    }
    Ok(())
}

/// Makes today's figures current: everyone when the day changed (or never computed), otherwise
/// only the people marked dirty. Cheap when nothing changed.
pub async fn ensure_current(db: &DatabaseConnection, today: NaiveDate) -> Result<(), ServiceError> {
    let (on, dirty) = cache_on(db).await?;
    if on == Some(today) && dirty == 0 {
        return Ok(());
    }
    let txn = begin_write(db).await?;
    let (on, dirty) = cache_on(&txn).await?;
    let params = params(&txn).await?;
    if on != Some(today) {
        let lines = figures_on(&txn, today, None, &params).await?;
        exec(&txn, "DELETE FROM readiness_people", vec![]).await?;
        write_people(&txn, today, &lines).await?;
        write_units(&txn, None).await?;
        exec(&txn, "DELETE FROM readiness_dirty", vec![]).await?;
        set_cache_on(&txn, Some(today)).await?;
    } else if dirty > 0 {
        let stmt = Statement::from_string(
            txn.get_database_backend(),
            "SELECT d.user_id, rp.unit_id FROM readiness_dirty d
             LEFT JOIN readiness_people rp ON rp.user_id = d.user_id",
        );
        let mut people = Vec::new();
        let mut units: BTreeSet<Uuid> = BTreeSet::new();
        for row in txn.query_all_raw(stmt).await? {
            people.push(row.try_get_by_index::<Uuid>(0)?);
            if let Some(u) = row.try_get_by_index::<Option<Uuid>>(1)? {
                units.insert(u);
            }
        }
        let lines = figures_on(&txn, today, Some(&people), &params).await?;
        units.extend(lines.iter().filter_map(|l| l.unit_id));
        for chunk in people.chunks(CHUNK) {
            let list = placeholders(1, chunk.len());
            let ids: Vec<Value> = chunk.iter().map(|u| Value::from(*u)).collect();
            exec(
                &txn,
                &format!("DELETE FROM readiness_people WHERE user_id IN ({list})"),
                ids.clone(),
            )
            .await?;
            exec(
                &txn,
                &format!("DELETE FROM readiness_dirty WHERE user_id IN ({list})"),
                ids,
            )
            .await?;
        }
        write_people(&txn, today, &lines).await?;
        let units: Vec<Uuid> = units.into_iter().collect();
        write_units(&txn, Some(&units)).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Each unit's own people's sums as of today's cache (call [`ensure_current`] first).
pub async fn cached_own<C: ConnectionTrait>(db: &C) -> Result<HashMap<Uuid, UnitAggregate>, DbErr> {
    let stmt = Statement::from_string(
        db.get_database_backend(),
        "SELECT unit_id, people, score_sum, training_sum, training_n, exercise_sum,
                mentorship_sum, mentorship_n, confident, lapse_people30, lapse_people60,
                lapse_people90, lapse_modules30, lapse_modules60, lapse_modules90,
                projected_sum30, projected_sum60, projected_sum90 FROM readiness_units",
    );
    let mut out = HashMap::new();
    for row in db.query_all_raw(stmt).await? {
        let n = |i: usize| -> Result<u64, DbErr> {
            Ok(u64::try_from(row.try_get_by_index::<i64>(i)?).unwrap_or(0))
        };
        out.insert(
            row.try_get_by_index::<Uuid>(0)?,
            UnitAggregate {
                people: n(1)?,
                score_sum: row.try_get_by_index(2)?,
                training_sum: row.try_get_by_index(3)?,
                training_n: n(4)?,
                exercise_sum: row.try_get_by_index(5)?,
                mentorship_sum: row.try_get_by_index(6)?,
                mentorship_n: n(7)?,
                confident: n(8)?,
                lapse_people: [n(9)?, n(10)?, n(11)?],
                lapse_modules: [n(12)?, n(13)?, n(14)?],
                projected_sum: [
                    row.try_get_by_index(15)?,
                    row.try_get_by_index(16)?,
                    row.try_get_by_index(17)?,
                ],
            },
        );
    }
    Ok(out)
}

fn lapse(row: &sea_orm::QueryResult, i: usize) -> Result<u32, DbErr> {
    Ok(u32::try_from(row.try_get_by_index::<i32>(i)?).unwrap_or(0))
}

/// Today's cached figures of the people whose unit is one of `units`.
pub async fn cached_people<C: ConnectionTrait>(
    db: &C,
    units: &[Uuid],
) -> Result<Vec<PersonLine>, DbErr> {
    let mut out = Vec::new();
    for chunk in units.chunks(CHUNK) {
        let sql = format!(
            "SELECT user_id, unit_id, training, exercise, mentorship, score, recent_rating,
                    lapse30, lapse60, lapse90, projected30, projected60, projected90
             FROM readiness_people WHERE unit_id IN ({})",
            placeholders(1, chunk.len())
        );
        let stmt = Statement::from_sql_and_values(
            db.get_database_backend(),
            sql,
            chunk.iter().map(|u| Value::from(*u)).collect::<Vec<_>>(),
        );
        for row in db.query_all_raw(stmt).await? {
            out.push(PersonLine {
                user_id: row.try_get_by_index(0)?,
                unit_id: row.try_get_by_index(1)?,
                figures: crate::domain::readiness::PersonFigures {
                    training: row.try_get_by_index(2)?,
                    exercise: row.try_get_by_index(3)?,
                    mentorship: row.try_get_by_index(4)?,
                    score: row.try_get_by_index(5)?,
                    recent_rating: row.try_get_by_index(6)?,
                },
                outlook: crate::domain::readiness::Outlook {
                    lapsing: [lapse(&row, 7)?, lapse(&row, 8)?, lapse(&row, 9)?],
                    projected: [
                        row.try_get_by_index(10)?,
                        row.try_get_by_index(11)?,
                        row.try_get_by_index(12)?,
                    ],
                },
            });
        }
    }
    Ok(out)
}

/// Subtree aggregates of every unit on `on`: from the cache for `today`, else recomputed in SQL.
pub async fn subtree_on(
    db: &DatabaseConnection,
    tree: &UnitTree,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<HashMap<Uuid, UnitAggregate>, ServiceError> {
    let own = if on == today {
        ensure_current(db, today).await?;
        cached_own(db).await?
    } else {
        let params = params(db).await?;
        own_aggregates(&figures_on(db, on, None, &params).await?)
    };
    Ok(subtree_aggregates(tree, &own))
}

/// Stores every unit's figures on `on` as that day's snapshot (replacing one taken earlier).
pub async fn snapshot(
    db: &DatabaseConnection,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<usize, ServiceError> {
    let tree = org::unit_tree(db).await?;
    let aggregates = subtree_on(db, &tree, on, today).await?;
    let params = params(db).await?;
    let txn = db.begin().await?;
    exec(
        &txn,
        "DELETE FROM readiness_snapshots WHERE taken_on = $1",
        vec![on.into()],
    )
    .await?;
    let rows: Vec<(Uuid, UnitAggregate)> = aggregates.into_iter().collect();
    const COLS: usize = 8;
    for chunk in rows.chunks(CHUNK / 4) {
        let list = (0..chunk.len())
            .map(|r| format!("({})", placeholders(r * COLS + 1, COLS)))
            .collect::<Vec<_>>()
            .join(", ");
        let mut values: Vec<Value> = Vec::new();
        for (unit, agg) in chunk {
            let s = agg.finish(&params);
            values.extend([
                (*unit).into(),
                on.into(),
                i64::try_from(s.people).unwrap_or(i64::MAX).into(),
                s.score.into(),
                s.training.into(),
                s.exercise.into(),
                s.mentorship.into(),
                s.confidence.into(),
            ]);
        }
        exec(
            &txn,
            &format!(
                "INSERT INTO readiness_snapshots
                   (unit_id, taken_on, people, score, training, exercise, mentorship, confidence)
                 VALUES {list}"
            ),
            values,
        )
        .await?;
    }
    txn.commit().await?;
    Ok(rows.len())
}

/// Whether a snapshot exists for `on`.
pub async fn has_snapshot(db: &DatabaseConnection, on: NaiveDate) -> Result<bool, DbErr> {
    let stmt = Statement::from_sql_and_values(
        db.get_database_backend(),
        "SELECT 1 FROM readiness_snapshots WHERE taken_on = $1 LIMIT 1",
        [on.into()],
    );
    Ok(db.query_one_raw(stmt).await?.is_some())
}

/// The daily job: today's figures current and today's snapshot taken (once). Returns whether a
/// snapshot was taken now.
pub async fn daily(db: &DatabaseConnection, today: NaiveDate) -> Result<bool, ServiceError> {
    ensure_current(db, today).await?;
    if has_snapshot(db, today).await? {
        return Ok(false);
    }
    snapshot(db, today, today).await?;
    Ok(true)
}

/// Weekly snapshots for the last `weeks` weeks and today, so a first start shows trends.
pub async fn seed_history(
    db: &DatabaseConnection,
    today: NaiveDate,
    weeks: u64,
) -> Result<(), ServiceError> {
    for w in (1..=weeks).rev() {
        if let Some(on) = today.checked_sub_days(chrono::Days::new(7 * w)) {
            snapshot(db, on, today).await?;
        }
    }
    daily(db, today).await?;
    Ok(())
}
