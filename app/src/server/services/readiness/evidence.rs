//! The evidence behind a person's score: their facts loaded with a handful of set queries (never
//! a query per row), scored by the domain model, and the expiring-soon projections of a subtree.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Days, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DbErr, Statement, Value};
use uuid::Uuid;

use super::compute::{ASSIGNED_CTE, CHUNK, placeholders};
use crate::{
    api::readiness::{Components, MentorEvidence, ModuleLapse, PersonRow, RatingEvidence},
    domain::readiness::{
        CompletionFact, ModelParams, PersonFacts, PersonScore, RankGrade, Rating, RatingFact, level,
    },
};

/// What a person is, beside their facts.
#[derive(Clone, Debug)]
pub struct Person {
    pub name: String,
    pub rank: String,
    pub unit_id: Option<Uuid>,
}

/// Facts of a set of people plus what the evidence names: module codes and rating labels.
#[derive(Default)]
pub struct Loaded {
    pub people: HashMap<Uuid, (Person, PersonFacts)>,
    pub module_codes: HashMap<Uuid, String>,
    /// (exercise, objective) → (exercise code, objective label)
    pub rating_labels: HashMap<(Uuid, Uuid), (String, String)>,
}

async fn rows<C: ConnectionTrait>(
    db: &C,
    sql: String,
    values: Vec<Value>,
) -> Result<Vec<sea_orm::QueryResult>, DbErr> {
    let stmt = Statement::from_sql_and_values(db.get_database_backend(), sql, values);
    db.query_all_raw(stmt).await
}

fn ids(chunk: &[Uuid]) -> Vec<Value> {
    chunk.iter().map(|u| Value::from(*u)).collect()
}

fn rating_of(code: &str) -> Rating {
    match code {
        "T" => Rating::Trained,
        "P" => Rating::Practiced,
        _ => Rating::Untrained,
    }
}

/// Loads the facts of `people` (unknown ids are skipped).
pub async fn load<C: ConnectionTrait>(db: &C, people: &[Uuid]) -> Result<Loaded, DbErr> {
    let mut out = Loaded::default();
    let mut units: BTreeSet<Uuid> = BTreeSet::new();
    for chunk in people.chunks(CHUNK) {
        let list = placeholders(1, chunk.len());
        for row in rows(
            db,
            format!("SELECT id, display_name, rank, unit_id FROM users WHERE id IN ({list})"),
            ids(chunk),
        )
        .await?
        {
            let id: Uuid = row.try_get_by_index(0)?;
            let rank: String = row.try_get_by_index(2)?;
            let unit_id: Option<Uuid> = row.try_get_by_index(3)?;
            units.extend(unit_id);
            out.people.insert(
                id,
                (
                    Person {
                        name: row.try_get_by_index(1)?,
                        rank: rank.clone(),
                        unit_id,
                    },
                    PersonFacts {
                        person_id: id,
                        rank: RankGrade::parse(&rank).unwrap_or(RankGrade::Of(10)),
                        required_modules: Vec::new(),
                        completions: Vec::new(),
                        unit_ratings: Vec::new(),
                        mentor_since: Vec::new(),
                    },
                ),
            );
        }
        let sql = format!(
            "WITH RECURSIVE {} SELECT a.user_id, m.id, m.code FROM assigned a
             JOIN modules m ON m.curriculum_id = a.curriculum_id",
            ASSIGNED_CTE.replace("{people}", &format!("p.id IN ({list})"))
        );
        for row in rows(db, sql, ids(chunk)).await? {
            let (user, module): (Uuid, Uuid) = (row.try_get_by_index(0)?, row.try_get_by_index(1)?);
            out.module_codes.insert(module, row.try_get_by_index(2)?);
            if let Some((_, f)) = out.people.get_mut(&user) {
                f.required_modules.push(module);
            }
        }
        let sql = format!(
            "SELECT c.user_id, c.module_id, c.completed_on, c.expires_on, m.code
             FROM completions c JOIN modules m ON m.id = c.module_id WHERE c.user_id IN ({list})"
        );
        for row in rows(db, sql, ids(chunk)).await? {
            let user: Uuid = row.try_get_by_index(0)?;
            let module: Uuid = row.try_get_by_index(1)?;
            out.module_codes.insert(module, row.try_get_by_index(4)?);
            if let Some((_, f)) = out.people.get_mut(&user) {
                f.completions.push(CompletionFact {
                    module_id: module,
                    completed_on: row.try_get_by_index(2)?,
                    expires_on: row.try_get_by_index(3)?,
                });
            }
        }
        let sql = format!(
            "SELECT mentee_id, accepted_at, ended_at FROM mentoring_pairings
             WHERE accepted_at IS NOT NULL AND mentee_id IN ({list})"
        );
        for row in rows(db, sql, ids(chunk)).await? {
            let user: Uuid = row.try_get_by_index(0)?;
            let start: DateTime<Utc> = row.try_get_by_index(1)?;
            let end: Option<DateTime<Utc>> = row.try_get_by_index(2)?;
            if let Some((_, f)) = out.people.get_mut(&user) {
                f.mentor_since
                    .push((start.date_naive(), end.map(|e| e.date_naive())));
            }
        }
    }
    let units: Vec<Uuid> = units.into_iter().collect();
    let mut by_unit: HashMap<Uuid, Vec<RatingFact>> = HashMap::new();
    for chunk in units.chunks(CHUNK) {
        let sql = format!(
            "SELECT r.unit_id, r.exercise_id, r.objective_id, x.end_at, r.rating, x.code, o.position
             FROM exercise_ratings r JOIN exercises x ON x.id = r.exercise_id
             JOIN exercise_objectives o ON o.id = r.objective_id
             WHERE x.status = 'completed' AND r.unit_id IN ({})",
            placeholders(1, chunk.len())
        );
        for row in rows(db, sql, ids(chunk)).await? {
            let unit: Uuid = row.try_get_by_index(0)?;
            let exercise_id: Uuid = row.try_get_by_index(1)?;
            let objective_id: Uuid = row.try_get_by_index(2)?;
            let end: DateTime<Utc> = row.try_get_by_index(3)?;
            let rating: String = row.try_get_by_index(4)?;
            let position: i32 = row.try_get_by_index(6)?;
            out.rating_labels.insert(
                (exercise_id, objective_id),
                (row.try_get_by_index(5)?, format!("{}", position + 1)),
            );
            by_unit.entry(unit).or_default().push(RatingFact {
                exercise_id,
                objective_id,
                completed_on: end.date_naive(),
                rating: rating_of(&rating),
            });
        }
    }
    for (person, facts) in out.people.values_mut() {
        if let Some(r) = person.unit_id.and_then(|u| by_unit.get(&u)) {
            facts.unit_ratings = r.clone();
        }
    }
    Ok(out)
}

impl Loaded {
    pub fn lapse(&self, module_id: Uuid, expires_on: NaiveDate) -> ModuleLapse {
        ModuleLapse {
            module_id,
            code: self
                .module_codes
                .get(&module_id)
                .cloned()
                .unwrap_or_default(),
            expires_on,
        }
    }

    pub fn rating(&self, r: &RatingFact) -> RatingEvidence {
        let (code, objective) = self
            .rating_labels
            .get(&(r.exercise_id, r.objective_id))
            .cloned()
            .unwrap_or_default();
        RatingEvidence {
            exercise_id: r.exercise_id,
            exercise_code: code,
            objective,
            completed_on: r.completed_on,
            rating: r.rating.letter().to_string(),
        }
    }
}

/// A person's row from their model score.
pub fn person_row(
    id: Uuid,
    person: &Person,
    unit_name: String,
    s: &PersonScore,
    params: &ModelParams,
) -> PersonRow {
    PersonRow {
        person_id: id,
        name: person.name.clone(),
        rank: person.rank.clone(),
        unit_id: person.unit_id,
        unit_name,
        score: s.score,
        level: level(s.score, params).to_string(),
        components: Components {
            training: s.training,
            exercise: Some(s.exercise),
            mentorship: s.mentorship,
        },
    }
}

/// The mentor part of the evidence.
pub fn mentor_evidence(s: &PersonScore) -> MentorEvidence {
    use crate::domain::readiness::MentorStatus;
    match s.evidence.mentor {
        MentorStatus::NotApplicable => MentorEvidence {
            status: "not_applicable".into(),
            since: None,
        },
        MentorStatus::Active { since } => MentorEvidence {
            status: "active".into(),
            since: Some(since),
        },
        MentorStatus::NoMentor => MentorEvidence {
            status: "no_mentor".into(),
            since: None,
        },
    }
}

pub use crate::domain::readiness::HORIZONS;

/// `on` plus `days`, saturating.
pub fn horizon(on: NaiveDate, days: u32) -> NaiveDate {
    on.checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(on)
}
