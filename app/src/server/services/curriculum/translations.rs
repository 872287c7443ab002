//! Translating modules: the side-by-side sheet of one locale, saving translated fields with
//! their status (audited), and coverage per locale for a curriculum.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::{
    FieldTexts, author_scope,
    authoring::put_text,
    content::{find_curriculum, find_module},
    load_texts,
};
use crate::{
    api::curriculum::{LocaleCoverage, TranslationField, TranslationSheet, TranslationUpdate},
    domain::{
        curriculum::TranslationStatus,
        policy::{Action, Actor, require},
    },
    error::{AppError, FieldError},
    i18n::Locale,
    server::{
        db::begin_write,
        entities::module,
        error::ServiceError,
        services::audit::{self, Entry, Who},
    },
};

fn target_locale(raw: &str, source: &str) -> Result<Locale, ServiceError> {
    match Locale::parse(raw).filter(|l| l.code() == raw) {
        Some(l) if l.code() != source => Ok(l),
        _ => Err(AppError::field("locale", "locale").into()),
    }
}

/// Orders fields as a reader meets them: title, body, then the quiz.
fn field_rank(field: &str) -> (u8, &str) {
    match field {
        "title" => (0, field),
        "description" => (1, field),
        "body" => (2, field),
        _ => (3, field),
    }
}

/// A module's fields in the source and in `locale`, side by side (authors only).
pub async fn sheet<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    module_id: Uuid,
    locale: &str,
) -> Result<TranslationSheet, ServiceError> {
    require(actor, Action::AuthorContent, &author_scope(actor))?;
    let (m, c) = find_module(db, module_id).await?;
    let locale = target_locale(locale, &c.source_locale)?;
    let texts = load_texts(db, &[m.id], &c.source_locale)
        .await?
        .remove(&m.id)
        .unwrap_or_default();
    let mut fields: Vec<TranslationField> = texts
        .into_iter()
        .map(|(field, f)| {
            let t = f.translations.get(locale.code());
            TranslationField {
                source: f.source,
                text: t.map(|(text, _)| text.clone()),
                status: t.map(|(_, s)| *s),
                field,
            }
        })
        .collect();
    fields.sort_by(|a, b| field_rank(&a.field).cmp(&field_rank(&b.field)));
    Ok(TranslationSheet {
        module_id: m.id,
        module_code: m.code,
        source_locale: c.source_locale,
        locale: locale.code().to_owned(),
        content_version: m.content_version,
        fields,
    })
}

/// Saves translated fields of a module in `locale` with their status. Unknown fields, the source
/// locale, or an empty text that is not a draft are 422 and nothing is written.
pub async fn save(
    db: &DatabaseConnection,
    actor: &Actor,
    module_id: Uuid,
    locale: &str,
    update: TranslationUpdate,
    now: DateTime<Utc>,
) -> Result<TranslationSheet, ServiceError> {
    require(actor, Action::AuthorContent, &author_scope(actor))?;
    let (m, c) = find_module(db, module_id).await?;
    let locale = target_locale(locale, &c.source_locale)?;
    let known = load_texts(db, &[m.id], &c.source_locale)
        .await?
        .remove(&m.id)
        .unwrap_or_default();
    let mut errors = vec![];
    for (field, input) in &update.fields {
        if !known.contains_key(field) {
            errors.push(FieldError::new(format!("fields.{field}"), "unknown"));
        } else if input.text.trim().is_empty() && input.status != TranslationStatus::Draft {
            errors.push(FieldError::new(format!("fields.{field}"), "required"));
        } else if input.text.chars().count() > 100_000 {
            errors.push(FieldError::new(format!("fields.{field}"), "too-long"));
        }
    }
    if update.fields.is_empty() {
        errors.push(FieldError::new("fields", "required"));
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors).into());
    }
    let txn = begin_write(db).await?;
    for (field, input) in &update.fields {
        put_text(
            &txn,
            m.id,
            field,
            locale.code(),
            &input.text,
            input.status,
            now,
        )
        .await?;
    }
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("module.translated", "module", m.id).after(serde_json::json!({
            "locale": locale.code(),
            "fields": update.fields.iter().map(|(f, i)| (f.clone(), i.status)).collect::<std::collections::BTreeMap<_, _>>(),
        })),
    )
    .await?;
    txn.commit().await?;
    sheet(db, actor, module_id, locale.code()).await
}

/// Translation coverage of a curriculum (its own and its modules' fields) in every locale but
/// the source, counted in fields (authors only).
pub async fn coverage<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    curriculum_id: Uuid,
) -> Result<Vec<LocaleCoverage>, ServiceError> {
    require(actor, Action::AuthorContent, &author_scope(actor))?;
    let c = find_curriculum(db, curriculum_id).await?;
    let owners: Vec<Uuid> = std::iter::once(c.id)
        .chain(
            module::Entity::find()
                .filter(module::Column::CurriculumId.eq(c.id))
                .all(db)
                .await?
                .into_iter()
                .map(|m| m.id),
        )
        .collect();
    let texts = load_texts(db, &owners, &c.source_locale).await?;
    Ok(count_coverage(
        texts.values().flat_map(|t| t.values()),
        &c.source_locale,
    ))
}

/// Counts `fields` per locale but `source_locale`: current, outdated, and missing (draft or
/// absent).
pub(crate) fn count_coverage<'a>(
    fields: impl Iterator<Item = &'a FieldTexts> + Clone,
    source_locale: &str,
) -> Vec<LocaleCoverage> {
    Locale::ALL
        .iter()
        .filter(|l| l.code() != source_locale)
        .map(|l| {
            let mut cov = LocaleCoverage {
                locale: l.code().to_owned(),
                current: 0,
                outdated: 0,
                missing: 0,
            };
            for f in fields.clone() {
                match f.translations.get(l.code()).map(|(_, s)| *s) {
                    Some(TranslationStatus::Current) => cov.current += 1,
                    Some(TranslationStatus::Outdated) => cov.outdated += 1,
                    _ => cov.missing += 1,
                }
            }
            cov
        })
        .collect()
}
