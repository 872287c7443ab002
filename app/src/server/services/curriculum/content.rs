//! Reading curricula and modules, each field resolved along the reader's language chain. Any
//! signed-in person may read content; quiz answers are never sent to readers.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::{load_texts, reader_chain, resolve};
use crate::{
    api::curriculum::{
        ChoiceView, CompletionRow, CurriculumSummary, CurriculumView, ModuleSummary, ModuleView,
        PrerequisiteView, QuestionView,
    },
    domain::{curriculum::Question, markdown::render_markdown, policy::Actor},
    error::AppError,
    server::{
        entities::{
            completion, curriculum, module, module_prerequisite, quiz_choice, quiz_question,
        },
        error::ServiceError,
    },
};

/// The module `id` and its curriculum, or 404.
pub(crate) async fn find_module<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
) -> Result<(module::Model, curriculum::Model), ServiceError> {
    let m = module::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let c = curriculum::Entity::find_by_id(m.curriculum_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((m, c))
}

/// The curriculum `id`, or 404.
pub(crate) async fn find_curriculum<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
) -> Result<curriculum::Model, ServiceError> {
    Ok(curriculum::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?)
}

/// The ids of the modules `module_id` requires.
pub(crate) async fn prerequisite_ids<C: ConnectionTrait>(
    db: &C,
    module_id: Uuid,
) -> Result<Vec<Uuid>, ServiceError> {
    Ok(module_prerequisite::Entity::find()
        .filter(module_prerequisite::Column::ModuleId.eq(module_id))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.prerequisite_id)
        .collect())
}

/// A module's quiz as the scorer sees it (by keys), with its question ids.
pub(crate) async fn quiz_of<C: ConnectionTrait>(
    db: &C,
    module_id: Uuid,
) -> Result<Vec<(quiz_question::Model, Vec<quiz_choice::Model>, Question)>, ServiceError> {
    let questions = quiz_question::Entity::find()
        .filter(quiz_question::Column::ModuleId.eq(module_id))
        .order_by_asc(quiz_question::Column::Position)
        .all(db)
        .await?;
    let choices = quiz_choice::Entity::find()
        .filter(quiz_choice::Column::QuestionId.is_in(questions.iter().map(|q| q.id)))
        .order_by_asc(quiz_choice::Column::Position)
        .all(db)
        .await?;
    let mut by_question: HashMap<Uuid, Vec<quiz_choice::Model>> = HashMap::new();
    for c in choices {
        by_question.entry(c.question_id).or_default().push(c);
    }
    Ok(questions
        .into_iter()
        .map(|q| {
            let cs = by_question.remove(&q.id).unwrap_or_default();
            let domain = Question {
                id: q.key.clone(),
                multiple: q.multiple,
                choices: cs.iter().map(|c| c.key.clone()).collect(),
                correct: cs
                    .iter()
                    .filter(|c| c.correct)
                    .map(|c| c.key.clone())
                    .collect(),
            };
            (q, cs, domain)
        })
        .collect())
}

/// A person's completions valid on `on`, the latest per module.
pub(crate) async fn valid_completions<C: ConnectionTrait>(
    db: &C,
    user_id: Uuid,
    on: NaiveDate,
) -> Result<HashMap<Uuid, completion::Model>, ServiceError> {
    let rows = completion::Entity::find()
        .filter(completion::Column::UserId.eq(user_id))
        .filter(completion::Column::CompletedOn.lte(on))
        .order_by_asc(completion::Column::CompletedOn)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter(|c| c.expires_on.is_none_or(|e| e > on))
        .map(|c| (c.module_id, c))
        .collect())
}

/// A completion as a record line; the title is the module's, resolved by the caller.
pub(crate) fn completion_row(c: &completion::Model, code: &str, title: &str) -> CompletionRow {
    CompletionRow {
        id: c.id,
        module_id: c.module_id,
        module_code: code.to_owned(),
        module_title: title.to_owned(),
        completed_on: c.completed_on,
        expires_on: c.expires_on,
        score: c.score,
        locale: c.locale.clone(),
        content_version: c.content_version,
        source: c.source.clone(),
    }
}

/// Every curriculum, titles resolved for the reader.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
) -> Result<Vec<CurriculumSummary>, ServiceError> {
    let chain = reader_chain(db, actor, None).await?;
    let curricula = curriculum::Entity::find()
        .order_by_asc(curriculum::Column::Code)
        .all(db)
        .await?;
    let modules = module::Entity::find().all(db).await?;
    let mut counts: HashMap<Uuid, u32> = HashMap::new();
    for m in modules {
        *counts.entry(m.curriculum_id).or_default() += 1;
    }
    let mut out = vec![];
    for c in curricula {
        let texts = load_texts(db, &[c.id], &c.source_locale).await?;
        out.push(CurriculumSummary {
            id: c.id,
            code: c.code.clone(),
            title: resolve(texts.get(&c.id), "title", &chain, &c.source_locale),
            source_locale: c.source_locale.clone(),
            self_enrol: c.self_enrol,
            module_count: counts.get(&c.id).copied().unwrap_or(0),
        });
    }
    Ok(out)
}

/// A curriculum with its modules and the reader's completions; `lang` puts locales first.
pub async fn curriculum<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    lang: Option<&str>,
    now: DateTime<Utc>,
) -> Result<CurriculumView, ServiceError> {
    let c = find_curriculum(db, id).await?;
    let chain = reader_chain(db, actor, lang).await?;
    let modules = module::Entity::find()
        .filter(module::Column::CurriculumId.eq(id))
        .order_by_asc(module::Column::Position)
        .all(db)
        .await?;
    let owners: Vec<Uuid> = std::iter::once(c.id)
        .chain(modules.iter().map(|m| m.id))
        .collect();
    let texts = load_texts(db, &owners, &c.source_locale).await?;
    let done = valid_completions(db, actor.user_id, now.date_naive()).await?;
    let enrolled = super::progress::enrolled_curricula(db, &[actor.user_id])
        .await?
        .iter()
        .any(|(_, cid, _)| *cid == id);
    Ok(CurriculumView {
        id: c.id,
        code: c.code.clone(),
        source_locale: c.source_locale.clone(),
        self_enrol: c.self_enrol,
        title: resolve(texts.get(&c.id), "title", &chain, &c.source_locale),
        description: resolve(texts.get(&c.id), "description", &chain, &c.source_locale),
        enrolled,
        modules: modules
            .iter()
            .map(|m| {
                let completion = done.get(&m.id);
                ModuleSummary {
                    id: m.id,
                    code: m.code.clone(),
                    position: m.position,
                    title: resolve(texts.get(&m.id), "title", &chain, &c.source_locale),
                    estimated_minutes: m.estimated_minutes,
                    specialty: m.specialty.clone(),
                    completed_on: completion.map(|x| x.completed_on),
                    expires_on: completion.and_then(|x| x.expires_on),
                }
            })
            .collect(),
    })
}

/// A module resolved for the reader: texts, sanitised body, quiz without answers,
/// prerequisites and the reader's completion; `lang` puts locales first.
pub async fn module<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    lang: Option<&str>,
    now: DateTime<Utc>,
) -> Result<ModuleView, ServiceError> {
    let (m, c) = find_module(db, id).await?;
    let chain = reader_chain(db, actor, lang).await?;
    let src = c.source_locale.as_str();
    let prereq_ids = prerequisite_ids(db, id).await?;
    let prereqs = module::Entity::find()
        .filter(module::Column::Id.is_in(prereq_ids.iter().copied()))
        .order_by_asc(module::Column::Position)
        .all(db)
        .await?;
    let owners: Vec<Uuid> = std::iter::once(m.id)
        .chain(prereqs.iter().map(|p| p.id))
        .collect();
    let texts = load_texts(db, &owners, src).await?;
    let own = texts.get(&m.id);
    let done = valid_completions(db, actor.user_id, now.date_naive()).await?;
    let title = resolve(own, "title", &chain, src);
    let body = resolve(own, "body", &chain, src);
    let questions = quiz_of(db, id)
        .await?
        .into_iter()
        .map(|(q, choices, _)| QuestionView {
            prompt: resolve(own, &format!("questions.{}", q.key), &chain, src),
            choices: choices
                .iter()
                .map(|ch| ChoiceView {
                    key: ch.key.clone(),
                    text: resolve(own, &format!("questions.{}.{}", q.key, ch.key), &chain, src),
                })
                .collect(),
            key: q.key,
            multiple: q.multiple,
        })
        .collect();
    let done_ids: BTreeSet<Uuid> = done.keys().copied().collect();
    Ok(ModuleView {
        id: m.id,
        curriculum_id: m.curriculum_id,
        code: m.code.clone(),
        content_version: m.content_version,
        estimated_minutes: m.estimated_minutes,
        pass_mark: m.pass_mark,
        validity_months: m.validity_months,
        specialty: m.specialty.clone(),
        body_html: render_markdown(&body.text),
        completion: done
            .get(&m.id)
            .map(|x| completion_row(x, &m.code, &title.text)),
        title,
        body,
        questions,
        prerequisites: prereqs
            .iter()
            .map(|p| PrerequisiteView {
                id: p.id,
                code: p.code.clone(),
                title: resolve(texts.get(&p.id), "title", &chain, src),
                done: done_ids.contains(&p.id),
            })
            .collect(),
        requested_locale: chain.first().cloned().unwrap_or_else(|| src.to_owned()),
    })
}
