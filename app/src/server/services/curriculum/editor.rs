//! A module as its author edits it: settings, source-language texts, prerequisites by code, the
//! quiz with its correct choices, the curriculum's other modules to choose prerequisites from,
//! and the module's translation state per locale. Authors only (it reveals the answers).

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::{
    author_scope,
    content::{find_curriculum, find_module, prerequisite_ids, quiz_of},
    load_texts,
    translations::count_coverage,
};
use crate::{
    api::curriculum::{ChoiceInput, ModuleInput, QuestionInput, authoring::ModuleEditor},
    domain::policy::{Action, Actor, require},
    server::{
        entities::{curriculum, module},
        error::ServiceError,
    },
};

/// What a new module starts with in the editor.
const NEW_MINUTES: i64 = 15;
const NEW_PASS_MARK: i64 = 70;

/// The curriculum's modules but `except`, as `(id, code, source title)` in curriculum order.
async fn siblings<C: ConnectionTrait>(
    db: &C,
    c: &curriculum::Model,
    except: Option<Uuid>,
) -> Result<Vec<(Uuid, String, String)>, ServiceError> {
    let modules: Vec<module::Model> = module::Entity::find()
        .filter(module::Column::CurriculumId.eq(c.id))
        .order_by_asc(module::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .filter(|m| Some(m.id) != except)
        .collect();
    let ids: Vec<Uuid> = modules.iter().map(|m| m.id).collect();
    let texts = load_texts(db, &ids, &c.source_locale).await?;
    Ok(modules
        .into_iter()
        .map(|m| {
            let title = texts
                .get(&m.id)
                .and_then(|t| t.get("title"))
                .map(|f| f.source.clone())
                .unwrap_or_default();
            (m.id, m.code, title)
        })
        .collect())
}

/// The editor of a module not yet written, in curriculum `curriculum_id`.
pub async fn new_module_editor<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    curriculum_id: Uuid,
) -> Result<ModuleEditor, ServiceError> {
    require(actor, Action::AuthorContent, &author_scope(actor))?;
    let c = find_curriculum(db, curriculum_id).await?;
    let siblings = siblings(db, &c, None).await?;
    Ok(ModuleEditor {
        curriculum_id: c.id,
        curriculum_code: c.code,
        source_locale: c.source_locale,
        module_id: None,
        content_version: 0,
        input: ModuleInput {
            estimated_minutes: NEW_MINUTES,
            pass_mark: NEW_PASS_MARK,
            ..Default::default()
        },
        siblings: siblings.into_iter().map(|(_, c, t)| (c, t)).collect(),
        coverage: vec![],
    })
}

/// The editor of module `id`: everything as authored, in the curriculum's source language.
pub async fn module_editor<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> Result<ModuleEditor, ServiceError> {
    require(actor, Action::AuthorContent, &author_scope(actor))?;
    let (m, c) = find_module(db, id).await?;
    let texts = load_texts(db, &[id], &c.source_locale)
        .await?
        .remove(&id)
        .unwrap_or_default();
    let source = |field: &str| {
        texts
            .get(field)
            .map(|f| f.source.clone())
            .unwrap_or_default()
    };
    let questions = quiz_of(db, id)
        .await?
        .into_iter()
        .map(|(q, choices, _)| QuestionInput {
            prompt: source(&format!("questions.{}", q.key)),
            choices: choices
                .into_iter()
                .map(|ch| ChoiceInput {
                    text: source(&format!("questions.{}.{}", q.key, ch.key)),
                    key: ch.key,
                    correct: ch.correct,
                })
                .collect(),
            key: q.key,
            multiple: q.multiple,
        })
        .collect();
    let required = prerequisite_ids(db, id).await?;
    let siblings = siblings(db, &c, Some(id)).await?;
    Ok(ModuleEditor {
        curriculum_id: c.id,
        curriculum_code: c.code.clone(),
        coverage: count_coverage(texts.values(), &c.source_locale),
        source_locale: c.source_locale,
        module_id: Some(id),
        content_version: m.content_version,
        input: ModuleInput {
            title: source("title"),
            body: source("body"),
            code: m.code,
            estimated_minutes: m.estimated_minutes.into(),
            pass_mark: m.pass_mark.into(),
            validity_months: m.validity_months.into(),
            specialty: m.specialty,
            prerequisites: siblings
                .iter()
                .filter(|(sid, _, _)| required.contains(sid))
                .map(|(_, code, _)| code.clone())
                .collect(),
            questions,
        },
        siblings: siblings.into_iter().map(|(_, c, t)| (c, t)).collect(),
    })
}
