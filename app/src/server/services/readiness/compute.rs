//! The readiness model in SQL: one query aggregates, per person, the counts the model needs on a
//! day (required and valid modules, the unit's ratings in the window, an active mentor), so a
//! whole tree is recomputed without loading a row per completion. Valid modules come from
//! `validity_spans` (one disjoint day range per completion, see the curriculum service), so no
//! step groups completions per person and module. Must not import pages.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use sea_orm::{ConnectionTrait, DbErr, QueryResult, Statement, Value};
use uuid::Uuid;

use crate::domain::{
    curriculum::validity::day_number,
    readiness::{
        HORIZONS, ModelParams, Outlook, PersonFigures, RankGrade, UnitAggregate, add_months,
        outlook, person_figures,
    },
};

/// One person's figures on a day.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonLine {
    pub user_id: Uuid,
    pub unit_id: Option<Uuid>,
    pub figures: PersonFigures,
    pub outlook: Outlook,
}

/// The most ids bound into one statement (both databases accept far more).
pub const CHUNK: usize = 500;

/// `$first, $first+1, …` for `n` ids.
pub fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Midnight UTC at the start of `day`: the bound that turns instants into days.
pub fn start_of(day: NaiveDate) -> chrono::DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_time(NaiveTime::MIN))
}

/// Required modules of everyone (or of `filter` people): direct enrolments and enrolments of
/// their unit or any unit above it. `{people}` is replaced by the filter on `p.id`.
pub const ASSIGNED_CTE: &str = "
up(unit_id, ancestor_id) AS (
    SELECT id, id FROM units
    UNION ALL
    SELECT up.unit_id, u.parent_id FROM up JOIN units u ON u.id = up.ancestor_id
    WHERE u.parent_id IS NOT NULL
),
assigned(user_id, curriculum_id) AS (
    SELECT p.id, e.curriculum_id FROM users p JOIN enrolments e ON e.user_id = p.id
    WHERE {people}
    UNION
    SELECT p.id, e.curriculum_id FROM users p
    JOIN up ON up.unit_id = p.unit_id
    JOIN enrolments e ON e.unit_id = up.ancestor_id
    WHERE {people}
)";

const FIGURES_SQL: &str = "
WITH RECURSIVE {assigned},
sized(curriculum_id, n) AS (
    SELECT curriculum_id, COUNT(*) FROM modules GROUP BY curriculum_id
),
valid_uc(user_id, curriculum_id, n, l30, l60, l90) AS (
    SELECT s.user_id, s.curriculum_id, COUNT(*),
           COUNT(*) FILTER (WHERE s.lapses_on <= $5),
           COUNT(*) FILTER (WHERE s.lapses_on <= $6),
           COUNT(*) FILTER (WHERE s.lapses_on <= $7)
    FROM validity_spans s
    WHERE s.valid_from <= $1 AND s.valid_until > $1 AND {people_s}
    GROUP BY s.user_id, s.curriculum_id
),
trained(user_id, required, valid, l30, l60, l90) AS (
    SELECT a.user_id, SUM(sized.n), SUM(COALESCE(v.n, 0)), SUM(COALESCE(v.l30, 0)),
           SUM(COALESCE(v.l60, 0)), SUM(COALESCE(v.l90, 0))
    FROM assigned a JOIN sized ON sized.curriculum_id = a.curriculum_id
    LEFT JOIN valid_uc v ON v.user_id = a.user_id AND v.curriculum_id = a.curriculum_id
    GROUP BY a.user_id
),
rated(unit_id, points, n) AS (
    SELECT r.unit_id,
           SUM(CASE r.rating WHEN 'T' THEN 2 WHEN 'P' THEN 1 ELSE 0 END), COUNT(*)
    FROM exercise_ratings r JOIN exercises x ON x.id = r.exercise_id
    WHERE x.status = 'completed' AND x.end_at >= $2 AND x.end_at < $3
    GROUP BY r.unit_id
),
mentored(user_id) AS (
    SELECT DISTINCT mp.mentee_id FROM mentoring_pairings mp
    WHERE mp.accepted_at IS NOT NULL AND mp.accepted_at < $3
      AND (mp.ended_at IS NULL OR mp.ended_at >= $3)
)
SELECT p.id, p.unit_id, p.rank,
       CAST(COALESCE(trained.required, 0) AS BIGINT),
       CAST(COALESCE(trained.valid, 0) AS BIGINT),
       CAST(COALESCE(rated.points, 0) AS BIGINT),
       CAST(COALESCE(rated.n, 0) AS BIGINT),
       CAST(CASE WHEN mentored.user_id IS NULL THEN 0 ELSE 1 END AS BIGINT),
       CAST(COALESCE(trained.l30, 0) AS BIGINT),
       CAST(COALESCE(trained.l60, 0) AS BIGINT),
       CAST(COALESCE(trained.l90, 0) AS BIGINT)
FROM users p
LEFT JOIN trained ON trained.user_id = p.id
LEFT JOIN rated ON rated.unit_id = p.unit_id
LEFT JOIN mentored ON mentored.user_id = p.id
WHERE p.unit_id IS NOT NULL AND p.disabled = $4 AND {people}";

/// The first placeholder number of the id filter (after the seven fixed parameters).
const FIRST_ID: usize = 8;

fn figures_sql(filter_len: Option<usize>) -> String {
    let (people, people_s) = match filter_len {
        None => ("1 = 1".to_owned(), "1 = 1".to_owned()),
        Some(n) => {
            let list = placeholders(FIRST_ID, n);
            (
                format!("p.id IN ({list})"),
                format!("s.user_id IN ({list})"),
            )
        }
    };
    FIGURES_SQL
        .replace("{assigned}", ASSIGNED_CTE)
        .replace("{people_s}", &people_s)
        .replace("{people}", &people)
}

fn line(row: &QueryResult, params: &ModelParams) -> Result<PersonLine, DbErr> {
    let user_id: Uuid = row.try_get_by_index(0)?;
    let unit_id: Option<Uuid> = row.try_get_by_index(1)?;
    let rank: String = row.try_get_by_index(2)?;
    let count = |i: usize| -> Result<u32, DbErr> {
        let v: i64 = row.try_get_by_index(i)?;
        Ok(u32::try_from(v.max(0)).unwrap_or(u32::MAX))
    };
    let junior = RankGrade::parse(&rank).is_ok_and(|r| r.is_junior());
    let (required, valid, points, ratings, mentor) = (
        count(3)?,
        count(4)?,
        50.0 * f64::from(count(5)?),
        count(6)?,
        count(7)? == 1,
    );
    let lapsing = [count(8)?, count(9)?, count(10)?];
    Ok(PersonLine {
        user_id,
        unit_id,
        figures: person_figures(required, valid, points, ratings, junior, mentor, params),
        outlook: outlook(
            required, valid, lapsing, points, ratings, junior, mentor, params,
        ),
    })
}

/// Every active person's figures on `on` (or only `people`'s), computed in SQL.
pub async fn figures_on<C: ConnectionTrait>(
    db: &C,
    on: NaiveDate,
    people: Option<&[Uuid]>,
    params: &ModelParams,
) -> Result<Vec<PersonLine>, DbErr> {
    let window_after = add_months(on, -(params.window_months.min(i32::MAX as u32) as i32));
    let day = day_number(on);
    let horizon = |i: usize| day.saturating_add(i32::try_from(HORIZONS[i]).unwrap_or(i32::MAX));
    let base: Vec<Value> = vec![
        day.into(),
        start_of(window_after.succ_opt().unwrap_or(window_after)).into(),
        start_of(on.succ_opt().unwrap_or(on)).into(),
        false.into(),
        horizon(0).into(),
        horizon(1).into(),
        horizon(2).into(),
    ];
    let backend = db.get_database_backend();
    let mut out = Vec::new();
    match people {
        None => {
            let stmt = Statement::from_sql_and_values(backend, figures_sql(None), base);
            for row in db.query_all_raw(stmt).await? {
                out.push(line(&row, params)?);
            }
        }
        Some(ids) => {
            for chunk in ids.chunks(CHUNK) {
                let mut values = base.clone();
                values.extend(chunk.iter().map(|id| Value::from(*id)));
                let stmt =
                    Statement::from_sql_and_values(backend, figures_sql(Some(chunk.len())), values);
                for row in db.query_all_raw(stmt).await? {
                    out.push(line(&row, params)?);
                }
            }
        }
    }
    Ok(out)
}

/// Each unit's own people's aggregate (not its subtree).
pub fn own_aggregates(lines: &[PersonLine]) -> HashMap<Uuid, UnitAggregate> {
    let mut own: HashMap<Uuid, UnitAggregate> = HashMap::new();
    for l in lines {
        if let Some(unit) = l.unit_id {
            let agg = own.entry(unit).or_default();
            agg.add(&l.figures);
            agg.add_outlook(&l.outlook);
        }
    }
    own
}
