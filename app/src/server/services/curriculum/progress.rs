//! Progress: a person's transcript and dashboard, a unit's progress in a curriculum (aggregated
//! in SQL, with CSV), and the specialty gaps mentoring matches on. Enrolment through a unit
//! covers everyone in that unit or any unit below it.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Days, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder, Value,
};
use uuid::Uuid;

use super::{
    content::{completion_row, list, valid_completions},
    find_person, load_texts, person_scope, placeholders, reader_chain, resolve, stmt,
};
use crate::{
    api::curriculum::{
        CurriculumProgress, Dashboard, OfficerChoices, ProgressRow, Transcript, UnitProgress,
    },
    domain::{
        csv::to_csv,
        curriculum::validity::{day_number, lapse_date},
        policy::{Action, Actor, Role, Scope, allows, require},
    },
    error::AppError,
    server::{
        entities::{completion, curriculum, module, unit},
        error::ServiceError,
        services::org::unit_tree,
    },
};

/// Rows per page of the unit progress view.
pub const PAGE_SIZE: usize = 100;
/// "Expiring soon" horizon for the officer's view, in days.
pub const EXPIRING_DAYS: u64 = 90;

/// `(person, curriculum, earliest due date)` for every curriculum each of `people` is enrolled
/// in, personally or through their unit or any unit above it. One query per 500 people.
pub async fn enrolled_curricula<C: ConnectionTrait>(
    db: &C,
    people: &[Uuid],
) -> Result<Vec<(Uuid, Uuid, Option<NaiveDate>)>, ServiceError> {
    let mut out = vec![];
    for chunk in people.chunks(500) {
        let p = placeholders(1, chunk.len());
        let sql = format!(
            "WITH RECURSIVE anc(user_id, unit_id) AS (
                SELECT id, unit_id FROM users WHERE id IN ({p}) AND unit_id IS NOT NULL
                UNION ALL
                SELECT a.user_id, u.parent_id FROM anc a JOIN units u ON u.id = a.unit_id
                WHERE u.parent_id IS NOT NULL
            ), req(user_id, curriculum_id, due_on) AS (
                SELECT a.user_id, e.curriculum_id, e.due_on FROM anc a
                JOIN enrolments e ON e.unit_id = a.unit_id
                UNION ALL
                SELECT e.user_id, e.curriculum_id, e.due_on FROM enrolments e WHERE e.user_id IN ({p})
            )
            SELECT user_id, curriculum_id, MIN(due_on) AS due_on FROM req
            GROUP BY user_id, curriculum_id"
        );
        let values: Vec<Value> = chunk.iter().map(|u| (*u).into()).collect();
        for row in db
            .query_all_raw(stmt(db.get_database_backend(), &sql, values))
            .await?
        {
            out.push((
                row.try_get::<Uuid>("", "user_id")?,
                row.try_get::<Uuid>("", "curriculum_id")?,
                row.try_get::<Option<NaiveDate>>("", "due_on")?,
            ));
        }
    }
    Ok(out)
}

/// A person's record: curricula with progress and due dates, and every completion. The person
/// themselves, and officers or commanders whose scope reaches them, may read it; others 403.
pub async fn transcript<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    person_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Transcript, ServiceError> {
    let person = find_person(db, person_id).await?;
    require(
        actor,
        Action::ViewProgress,
        &person_scope(db, &person).await?,
    )?;
    let today = now.date_naive();
    let chain = reader_chain(db, actor, None).await?;
    let enrolled = enrolled_curricula(db, &[person_id]).await?;
    let curricula = curriculum::Entity::find()
        .filter(curriculum::Column::Id.is_in(enrolled.iter().map(|e| e.1)))
        .order_by_asc(curriculum::Column::Code)
        .all(db)
        .await?;
    let all = completion::Entity::find()
        .filter(completion::Column::UserId.eq(person_id))
        .order_by_desc(completion::Column::CompletedOn)
        .all(db)
        .await?;
    let module_ids: BTreeSet<Uuid> = all.iter().map(|c| c.module_id).collect();
    let modules = module::Entity::find()
        .filter(
            module::Column::CurriculumId
                .is_in(curricula.iter().map(|c| c.id))
                .or(module::Column::Id.is_in(module_ids)),
        )
        .all(db)
        .await?;
    let valid = valid_completions(db, person_id, today).await?;
    let source_of: HashMap<Uuid, String> = curriculum::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.source_locale))
        .collect();
    let mut titles: HashMap<Uuid, (String, String)> = HashMap::new();
    for m in &modules {
        let src = source_of.get(&m.curriculum_id).cloned().unwrap_or_default();
        let texts = load_texts(db, &[m.id], &src).await?;
        titles.insert(
            m.id,
            (
                m.code.clone(),
                resolve(texts.get(&m.id), "title", &chain, &src).text,
            ),
        );
    }
    let mut progress = vec![];
    for c in &curricula {
        let texts = load_texts(db, &[c.id], &c.source_locale).await?;
        let own: Vec<&module::Model> = modules.iter().filter(|m| m.curriculum_id == c.id).collect();
        let completed = own.iter().filter(|m| valid.contains_key(&m.id)).count() as u32;
        let total = own.len() as u32;
        let due_on = enrolled.iter().find(|e| e.1 == c.id).and_then(|e| e.2);
        progress.push(CurriculumProgress {
            curriculum_id: c.id,
            code: c.code.clone(),
            title: resolve(texts.get(&c.id), "title", &chain, &c.source_locale),
            total,
            completed,
            due_on,
            overdue: completed < total && due_on.is_some_and(|d| d < today),
        });
    }
    Ok(Transcript {
        user_id: person.id,
        display_name: person.display_name,
        rank: person.rank,
        on: today,
        curricula: progress,
        completions: all
            .iter()
            .map(|c| {
                let (code, title) = titles.get(&c.module_id).cloned().unwrap_or_default();
                completion_row(c, &code, &title)
            })
            .collect(),
    })
}

/// The signed-in person's dashboard: their transcript and the curricula they may join.
pub async fn dashboard<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Dashboard, ServiceError> {
    let transcript = transcript(db, actor, actor.user_id, now).await?;
    let mine: BTreeSet<Uuid> = transcript
        .curricula
        .iter()
        .map(|c| c.curriculum_id)
        .collect();
    let open = list(db, actor)
        .await?
        .into_iter()
        .filter(|c| c.self_enrol && !mine.contains(&c.id))
        .collect();
    Ok(Dashboard { transcript, open })
}

/// The whole subtree's figures, counted in SQL next to the rows.
#[derive(Default)]
struct Totals {
    people: u32,
    complete: u32,
    overdue: u32,
    expiring: u32,
}

/// Enrolled people in the unit's subtree with their progress in the curriculum, sorted by name,
/// `limit` rows from `offset` (every row without a limit), and the totals over everyone: one SQL
/// query (recursive unit subtrees; the validity range of each module holding `on`, so no
/// completion is grouped; window sums for the totals, so only the page leaves the database).
async fn progress_rows<C: ConnectionTrait>(
    db: &C,
    unit_id: Uuid,
    curriculum_id: Uuid,
    on: NaiveDate,
    total: u32,
    limit: Option<usize>,
    offset: usize,
) -> Result<(Vec<ProgressRow>, Totals), ServiceError> {
    let soon = on.checked_add_days(Days::new(EXPIRING_DAYS)).unwrap_or(on);
    let page = match limit {
        Some(n) => format!("LIMIT {n} OFFSET {offset}"),
        None => String::new(),
    };
    let sql = format!(
        "WITH RECURSIVE sub(id) AS (
            SELECT id FROM units WHERE id = $1
            UNION ALL SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id
        ), covered(id, due_on) AS (
            SELECT unit_id, due_on FROM enrolments WHERE curriculum_id = $2 AND unit_id IS NOT NULL
            UNION ALL SELECT u.id, c.due_on FROM units u JOIN covered c ON u.parent_id = c.id
        ), people(user_id, due_on) AS (
            SELECT u.id, c.due_on FROM users u JOIN covered c ON c.id = u.unit_id
            WHERE u.unit_id IN (SELECT id FROM sub)
            UNION ALL
            SELECT e.user_id, e.due_on FROM enrolments e JOIN users u ON u.id = e.user_id
            WHERE e.curriculum_id = $2 AND u.unit_id IN (SELECT id FROM sub)
        ), enrolled(user_id, due_on) AS (
            SELECT user_id, MIN(due_on) FROM people GROUP BY user_id
        ), done(user_id, completed, next_lapse) AS (
            SELECT v.user_id, COUNT(*), MIN(v.lapses_on) FROM validity_spans v
            WHERE v.user_id IN (SELECT user_id FROM enrolled) AND v.curriculum_id = $2
              AND v.valid_from <= $3 AND v.valid_until > $3
            GROUP BY v.user_id
        )
        SELECT e.user_id AS user_id, u.username AS username, u.display_name AS display_name,
               un.name AS unit_name, e.due_on AS due_on,
               COALESCE(d.completed, 0) AS completed, d.next_lapse AS next_lapse,
               COUNT(*) OVER () AS n_people,
               SUM(CASE WHEN $4 > 0 AND COALESCE(d.completed, 0) >= $4 THEN 1 ELSE 0 END) OVER ()
                   AS n_complete,
               SUM(CASE WHEN COALESCE(d.completed, 0) < $4 AND e.due_on < $5 THEN 1 ELSE 0 END)
                   OVER () AS n_overdue,
               SUM(CASE WHEN d.next_lapse <= $6 THEN 1 ELSE 0 END) OVER () AS n_expiring
        FROM enrolled e JOIN users u ON u.id = e.user_id
        LEFT JOIN units un ON un.id = u.unit_id
        LEFT JOIN done d ON d.user_id = e.user_id
        ORDER BY u.display_name, u.username, e.user_id
        {page}"
    );
    let values: Vec<Value> = vec![
        unit_id.into(),
        curriculum_id.into(),
        day_number(on).into(),
        i64::from(total).into(),
        on.into(),
        day_number(soon).into(),
    ];
    let rows = db
        .query_all_raw(stmt(db.get_database_backend(), &sql, values))
        .await?;
    let count = |r: &sea_orm::QueryResult, col: &str| -> Result<u32, ServiceError> {
        let n: Option<i64> = r.try_get("", col)?;
        Ok(u32::try_from(n.unwrap_or(0)).unwrap_or(0))
    };
    let mut totals = Totals::default();
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        totals = Totals {
            people: count(&r, "n_people")?,
            complete: count(&r, "n_complete")?,
            overdue: count(&r, "n_overdue")?,
            expiring: count(&r, "n_expiring")?,
        };
        let completed = count(&r, "completed")?;
        let due_on = r.try_get::<Option<NaiveDate>>("", "due_on")?;
        out.push(ProgressRow {
            user_id: r.try_get("", "user_id")?,
            username: r.try_get("", "username")?,
            display_name: r.try_get("", "display_name")?,
            unit_name: r
                .try_get::<Option<String>>("", "unit_name")?
                .unwrap_or_default(),
            completed,
            total,
            due_on,
            overdue: completed < total && due_on.is_some_and(|d| d < on),
            next_expiry: r
                .try_get::<Option<i32>>("", "next_lapse")?
                .and_then(lapse_date),
        });
    }
    Ok((out, totals))
}

/// A unit's (and its subunits') progress in a curriculum, `page` (from 0; past the end, the
/// last page) of `PAGE_SIZE` people, or every person when `page` is `None`. Officers and
/// commanders whose scope reaches the unit; an unknown curriculum is 422.
pub async fn unit_progress<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    unit_id: Uuid,
    curriculum_id: Uuid,
    page: Option<u32>,
    now: DateTime<Utc>,
) -> Result<UnitProgress, ServiceError> {
    let u = unit::Entity::find_by_id(unit_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let chain = unit_tree(db).await?.ancestors_and_self(u.id);
    require(
        actor,
        Action::ViewProgress,
        &Scope::unit(u.nation_id, chain),
    )?;
    let c = curriculum::Entity::find_by_id(curriculum_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::field("curriculum", "unknown"))?;
    let on = now.date_naive();
    let total = module::Entity::find()
        .filter(module::Column::CurriculumId.eq(c.id))
        .all(db)
        .await?
        .len() as u32;
    let limit = page.map(|_| PAGE_SIZE);
    let mut at = page.unwrap_or(0) as usize;
    let (mut rows, mut totals) =
        progress_rows(db, u.id, c.id, on, total, limit, at * PAGE_SIZE).await?;
    if rows.is_empty() && at > 0 {
        // past the end: count everyone, then read the last page
        let (_, all) = progress_rows(db, u.id, c.id, on, total, Some(1), 0).await?;
        at = (all.people as usize).div_ceil(PAGE_SIZE).max(1) - 1;
        (rows, totals) = progress_rows(db, u.id, c.id, on, total, limit, at * PAGE_SIZE).await?;
    }
    let pages = match page {
        Some(_) => (totals.people as usize).div_ceil(PAGE_SIZE).max(1) as u32,
        None => 1,
    };
    Ok(UnitProgress {
        unit_id: u.id,
        unit_name: u.name,
        curriculum_id: c.id,
        curriculum_code: c.code,
        on,
        module_count: total,
        people: totals.people,
        complete: totals.complete,
        overdue: totals.overdue,
        expiring: totals.expiring,
        page: at as u32,
        pages,
        rows,
    })
}

/// The same as CSV (UTF-8 with BOM, formula-like cells neutralised), every person.
pub async fn unit_progress_csv<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    unit_id: Uuid,
    curriculum_id: Uuid,
    now: DateTime<Utc>,
) -> Result<String, ServiceError> {
    let all = unit_progress(db, actor, unit_id, curriculum_id, None, now).await?;
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    Ok(to_csv(
        &[
            "username",
            "name",
            "unit",
            "completed",
            "total",
            "due_on",
            "overdue",
            "next_expiry",
        ],
        all.rows.into_iter().map(|r| {
            vec![
                r.username,
                r.display_name,
                r.unit_name,
                r.completed.to_string(),
                r.total.to_string(),
                date(r.due_on),
                if r.overdue { "yes" } else { "no" }.to_owned(),
                date(r.next_expiry),
            ]
        }),
    ))
}

/// What the officer pages offer: curricula and the units the actor's scope reaches (people are
/// named by username in the forms: thousands of them do not fit a list).
pub async fn officer_choices<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
) -> Result<OfficerChoices, ServiceError> {
    if !actor.has_role(Role::TrainingOfficer) && !actor.has_role(Role::Commander) {
        return Err(AppError::Forbidden.into());
    }
    let tree = unit_tree(db).await?;
    let units: Vec<unit::Model> = unit::Entity::find()
        .order_by_asc(unit::Column::Name)
        .all(db)
        .await?;
    let unit_scope = |u: &unit::Model| Scope::unit(u.nation_id, tree.ancestors_and_self(u.id));
    let visible_units: Vec<(Uuid, String)> = units
        .iter()
        .filter(|u| allows(actor, Action::ViewProgress, &unit_scope(u)))
        .map(|u| (u.id, u.name.clone()))
        .collect();
    Ok(OfficerChoices {
        curricula: list(db, actor).await?,
        units: visible_units,
    })
}

/// What mentoring needs of a person's training.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonModules {
    /// Specialties of modules with a completion valid on the day asked (sorted, distinct).
    pub current_specialties: Vec<String>,
    /// Specialties of modules the person is required to take (through an enrolment) and holds
    /// no valid completion of (sorted, distinct).
    pub gap_specialties: Vec<String>,
}

/// Specialties each of `people` holds and lacks on `on`, in two grouped SQL queries per 500
/// people. People with neither appear with empty lists.
pub async fn module_gaps<C: ConnectionTrait>(
    db: &C,
    people: &[Uuid],
    on: NaiveDate,
) -> Result<HashMap<Uuid, PersonModules>, ServiceError> {
    let mut out: HashMap<Uuid, PersonModules> = people
        .iter()
        .map(|p| (*p, PersonModules::default()))
        .collect();
    let backend = db.get_database_backend();
    for chunk in people.chunks(500) {
        let n = chunk.len();
        let p = placeholders(1, n);
        let on_ph = format!("${}", n + 1);
        let valid = format!(
            "c.completed_on <= {on_ph} AND (c.expires_on IS NULL OR c.expires_on > {on_ph})"
        );
        let mut values: Vec<Value> = chunk.iter().map(|u| (*u).into()).collect();
        values.push(on.into());
        let current = format!(
            "SELECT DISTINCT c.user_id AS user_id, m.specialty AS specialty
             FROM completions c JOIN modules m ON m.id = c.module_id
             WHERE c.user_id IN ({p}) AND m.specialty IS NOT NULL AND {valid}
             ORDER BY m.specialty"
        );
        for r in db
            .query_all_raw(stmt(backend, &current, values.clone()))
            .await?
        {
            let u: Uuid = r.try_get("", "user_id")?;
            out.entry(u)
                .or_default()
                .current_specialties
                .push(r.try_get("", "specialty")?);
        }
        let gaps = format!(
            "WITH RECURSIVE anc(user_id, unit_id) AS (
                SELECT id, unit_id FROM users WHERE id IN ({p}) AND unit_id IS NOT NULL
                UNION ALL
                SELECT a.user_id, u.parent_id FROM anc a JOIN units u ON u.id = a.unit_id
                WHERE u.parent_id IS NOT NULL
            ), req(user_id, curriculum_id) AS (
                SELECT a.user_id, e.curriculum_id FROM anc a JOIN enrolments e ON e.unit_id = a.unit_id
                UNION
                SELECT e.user_id, e.curriculum_id FROM enrolments e WHERE e.user_id IN ({p})
            )
            SELECT DISTINCT r.user_id AS user_id, m.specialty AS specialty
            FROM req r JOIN modules m ON m.curriculum_id = r.curriculum_id
            WHERE m.specialty IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM completions c
                WHERE c.user_id = r.user_id AND c.module_id = m.id AND {valid}
            )
            ORDER BY m.specialty"
        );
        for r in db.query_all_raw(stmt(backend, &gaps, values)).await? {
            let u: Uuid = r.try_get("", "user_id")?;
            out.entry(u)
                .or_default()
                .gap_specialties
                .push(r.try_get("", "specialty")?);
        }
    }
    Ok(out)
}
