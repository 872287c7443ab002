//! Taking a quiz (every attempt kept; a pass records a completion with its expiry) and officers
//! importing completions made elsewhere. Both tell readiness who changed, in the transaction.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
};
use uuid::Uuid;

use super::{
    content::{completion_row, find_module, quiz_of, valid_completions},
    load_texts, person_scope, reader_chain, resolve, validity,
};
use crate::{
    api::curriculum::{AttemptInput, AttemptResult, CompletionRow, ImportBatch},
    domain::{
        curriculum::{expiry_date, missing_prerequisites, passed, score},
        policy::{Action, Actor, Role, allows},
    },
    error::{AppError, FieldError},
    i18n::Locale,
    server::{
        db::begin_write,
        entities::{completion, module, module_prerequisite, quiz_attempt, user},
        error::ServiceError,
        services::{
            audit::{self, Entry, Who},
            readiness,
        },
    },
};

/// A completion ready to insert.
struct NewCompletion {
    user_id: Uuid,
    module: module::Model,
    on: NaiveDate,
    score: i32,
    locale: String,
    source: &'static str,
    recorded_by: Option<Uuid>,
}

async fn insert_completion<C: ConnectionTrait>(
    db: &C,
    c: NewCompletion,
    now: DateTime<Utc>,
) -> Result<completion::Model, ServiceError> {
    let model = completion::Model {
        id: Uuid::new_v4(),
        user_id: c.user_id,
        module_id: c.module.id,
        completed_on: c.on,
        expires_on: expiry_date(c.on, u32::try_from(c.module.validity_months).unwrap_or(0)),
        score: c.score,
        locale: c.locale,
        content_version: c.module.content_version,
        source: c.source.to_owned(),
        recorded_by: c.recorded_by,
        created_at: now,
    };
    completion::Entity::insert(completion::ActiveModel::from(model.clone()))
        .exec_without_returning(db)
        .await?;
    validity::rebuild(db, model.user_id, model.module_id).await?;
    Ok(model)
}

/// Scores a quiz submission for the signed-in person. Bad answers (unknown question or choice,
/// missing answer, several choices for a single-answer question) are 422 and write nothing;
/// missing prerequisites are `Conflict("prerequisites")`. A pass records a completion.
pub async fn attempt(
    db: &DatabaseConnection,
    actor: &Actor,
    module_id: Uuid,
    input: AttemptInput,
    now: DateTime<Utc>,
) -> Result<AttemptResult, ServiceError> {
    let (m, c) = find_module(db, module_id).await?;
    let today = now.date_naive();
    let quiz: Vec<_> = quiz_of(db, module_id)
        .await?
        .into_iter()
        .map(|(_, _, q)| q)
        .collect();
    if quiz.is_empty() {
        return Err(AppError::field("answers", "no-quiz").into());
    }
    let result = score(&quiz, &input.answers).map_err(|e| {
        let i = e.field_issue();
        AppError::field(i.field, i.code)
    })?;
    let edges: Vec<(Uuid, Uuid)> = module_prerequisite::Entity::find()
        .filter(module_prerequisite::Column::ModuleId.eq(module_id))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.module_id, p.prerequisite_id))
        .collect();
    let done: BTreeSet<Uuid> = valid_completions(db, actor.user_id, today)
        .await?
        .into_keys()
        .collect();
    if !missing_prerequisites(module_id, &edges, &done).is_empty() {
        return Err(AppError::Conflict("prerequisites".into()).into());
    }
    let lang = match input.locale.as_deref().filter(|l| !l.is_empty()) {
        Some(l) => Some(
            Locale::parse(l)
                .filter(|p| p.code() == l)
                .ok_or_else(|| AppError::field("locale", "locale"))?
                .code(),
        ),
        None => None,
    };
    let chain = reader_chain(db, actor, lang).await?;
    let texts = load_texts(db, &[m.id], &c.source_locale).await?;
    let shown = resolve(texts.get(&m.id), "body", &chain, &c.source_locale);
    let ok = passed(&result, u32::try_from(m.pass_mark).unwrap_or(100));
    let percent = i32::try_from(result.percent).unwrap_or(0);
    let attempt_id = Uuid::new_v4();
    let txn = begin_write(db).await?;
    quiz_attempt::Entity::insert(quiz_attempt::ActiveModel {
        id: Set(attempt_id),
        user_id: Set(actor.user_id),
        module_id: Set(m.id),
        answers: Set(serde_json::to_string(&input.answers).unwrap_or_default()),
        score: Set(percent),
        passed: Set(ok),
        locale: Set(shown.locale.clone()),
        attempted_at: Set(now),
    })
    .exec_without_returning(&txn)
    .await?;
    let mut completion: Option<CompletionRow> = None;
    if ok {
        let title = resolve(texts.get(&m.id), "title", &chain, &c.source_locale).text;
        let code = m.code.clone();
        let saved = insert_completion(
            &txn,
            NewCompletion {
                user_id: actor.user_id,
                module: m.clone(),
                on: today,
                score: percent,
                locale: shown.locale.clone(),
                source: "quiz",
                recorded_by: None,
            },
            now,
        )
        .await?;
        readiness::people_changed(&txn, &[actor.user_id]).await?;
        completion = Some(completion_row(&saved, &code, &title));
    }
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("quiz.attempted", "module", m.id).after(serde_json::json!({
            "attempt_id": attempt_id, "score": percent, "passed": ok, "locale": shown.locale,
            "content_version": m.content_version,
        })),
    )
    .await?;
    txn.commit().await?;
    Ok(AttemptResult {
        attempt_id,
        correct: result.correct,
        total: result.total,
        percent: result.percent,
        pass_mark: m.pass_mark,
        passed: ok,
        completion,
    })
}

/// Records completions made elsewhere (training officers and commanders, for people in their
/// scope). Every row is checked first — fields `completions.<i>.<field>` — and any problem
/// writes nothing; a person out of scope is 403. Each row is audited.
pub async fn import(
    db: &DatabaseConnection,
    actor: &Actor,
    batch: ImportBatch,
    now: DateTime<Utc>,
) -> Result<Vec<CompletionRow>, ServiceError> {
    if !actor.has_role(Role::TrainingOfficer) && !actor.has_role(Role::Commander) {
        return Err(AppError::Forbidden.into());
    }
    let today = now.date_naive();
    let mut errors = vec![];
    let mut ready = vec![];
    if batch.completions.is_empty() {
        errors.push(FieldError::new("completions", "required"));
    }
    for (i, row) in batch.completions.iter().enumerate() {
        let field = |f: &str| format!("completions.{i}.{f}");
        let person = match row.user_id {
            None => {
                errors.push(FieldError::new(field("user_id"), "required"));
                None
            }
            Some(id) => match user::Entity::find_by_id(id).one(db).await? {
                None => {
                    errors.push(FieldError::new(field("user_id"), "unknown"));
                    None
                }
                Some(p) => {
                    if !allows(actor, Action::ViewProgress, &person_scope(db, &p).await?)
                        || p.id == actor.user_id
                    {
                        return Err(AppError::Forbidden.into());
                    }
                    Some(p)
                }
            },
        };
        let module = match row.module_id {
            None => {
                errors.push(FieldError::new(field("module_id"), "required"));
                None
            }
            Some(id) => {
                let m = module::Entity::find_by_id(id).one(db).await?;
                if m.is_none() {
                    errors.push(FieldError::new(field("module_id"), "unknown"));
                }
                m
            }
        };
        match row.completed_on {
            None => errors.push(FieldError::new(field("completed_on"), "required")),
            Some(d) if d > today => errors.push(FieldError::new(field("completed_on"), "future")),
            Some(_) => {}
        }
        if !(0..=100).contains(&row.score) {
            errors.push(FieldError::new(field("score"), "out-of-range"));
        }
        if Locale::parse(&row.locale)
            .filter(|l| l.code() == row.locale)
            .is_none()
        {
            errors.push(FieldError::new(field("locale"), "locale"));
        }
        if let (Some(p), Some(m), Some(on)) = (person, module, row.completed_on) {
            ready.push(NewCompletion {
                user_id: p.id,
                module: m,
                on,
                score: i32::try_from(row.score).unwrap_or(0),
                locale: row.locale.clone(),
                source: "import",
                recorded_by: Some(actor.user_id),
            });
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors).into());
    }
    let txn = begin_write(db).await?;
    let mut out = vec![];
    let mut people = vec![];
    for c in ready {
        let code = c.module.code.clone();
        people.push(c.user_id);
        let saved = insert_completion(&txn, c, now).await?;
        audit::record(
            &txn,
            &Who::actor(actor),
            now,
            Entry::new("completion.imported", "completion", saved.id).after(serde_json::json!({
                "user_id": saved.user_id, "module_id": saved.module_id,
                "completed_on": saved.completed_on, "score": saved.score, "locale": saved.locale,
            })),
        )
        .await?;
        out.push(completion_row(&saved, &code, &code));
    }
    people.sort();
    people.dedup();
    readiness::people_changed(&txn, &people).await?;
    txn.commit().await?;
    Ok(out)
}
