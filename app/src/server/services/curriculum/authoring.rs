//! Writing curricula and modules (training officers): settings, source texts, prerequisites and
//! quizzes. Saving a changed source text bumps the module's content version and marks that
//! field's current translations outdated, in the same transaction, audited.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QuerySelect, sea_query::OnConflict,
};
use uuid::Uuid;

use super::{
    author_scope,
    content::{find_curriculum, find_module},
    load_texts, status_name,
};
use crate::{
    api::curriculum::{ModuleInput, NewCurriculum, SPECIALTIES},
    domain::{
        curriculum::{
            FieldIssue, Question, TranslationStatus, bump_on_change, find_prerequisite_cycle,
            mark_outdated, module_settings_issues, quiz_issues,
        },
        policy::{Action, Actor, require},
    },
    error::{AppError, FieldError},
    i18n::Locale,
    server::{
        db::begin_write,
        entities::{
            content_text, curriculum, module, module_prerequisite, quiz_choice, quiz_question,
        },
        error::ServiceError,
        services::audit::{self, Entry, Who},
    },
};

fn issue(i: FieldIssue) -> FieldError {
    FieldError::new(i.field, i.code)
}

fn code_issue(raw: &str) -> Option<FieldError> {
    let ok = !raw.is_empty()
        && raw.len() <= 64
        && raw
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    (!ok).then(|| FieldError::new("code", "code"))
}

/// A unique violation on insert or update is a code already in use.
fn code_taken(e: sea_orm::DbErr) -> ServiceError {
    let e: ServiceError = e.into();
    if e.is_unique_violation() {
        AppError::field("code", "taken").into()
    } else {
        e
    }
}

fn required(field: &str, text: &str, max: usize, errors: &mut Vec<FieldError>) {
    if text.trim().is_empty() {
        errors.push(FieldError::new(field, "required"));
    } else if text.chars().count() > max {
        errors.push(FieldError::new(field, "too-long"));
    }
}

/// Inserts or replaces one field's text in one locale.
pub(crate) async fn put_text<C: ConnectionTrait>(
    db: &C,
    owner: Uuid,
    field: &str,
    locale: &str,
    text: &str,
    status: TranslationStatus,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    content_text::Entity::insert(content_text::ActiveModel {
        owner_id: Set(owner),
        field: Set(field.to_owned()),
        locale: Set(locale.to_owned()),
        text: Set(text.to_owned()),
        status: Set(status_name(status).to_owned()),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([
            content_text::Column::OwnerId,
            content_text::Column::Field,
            content_text::Column::Locale,
        ])
        .update_columns([
            content_text::Column::Text,
            content_text::Column::Status,
            content_text::Column::UpdatedAt,
        ])
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Creates a curriculum with its source title and description.
pub async fn create_curriculum(
    db: &DatabaseConnection,
    actor: &Actor,
    input: NewCurriculum,
    now: DateTime<Utc>,
) -> Result<crate::api::curriculum::CurriculumSummary, ServiceError> {
    require(actor, Action::AuthorContent, &author_scope(actor))?;
    let mut errors: Vec<FieldError> = code_issue(input.code.trim()).into_iter().collect();
    let locale = Locale::parse(&input.source_locale).filter(|l| l.code() == input.source_locale);
    if locale.is_none() {
        errors.push(FieldError::new("source_locale", "locale"));
    }
    required("title", &input.title, 200, &mut errors);
    if input.description.chars().count() > 4000 {
        errors.push(FieldError::new("description", "too-long"));
    }
    let (Some(locale), true) = (locale, errors.is_empty()) else {
        return Err(AppError::Validation(errors).into());
    };
    let id = Uuid::new_v4();
    let txn = begin_write(db).await?;
    curriculum::Entity::insert(curriculum::ActiveModel {
        id: Set(id),
        code: Set(input.code.trim().to_owned()),
        source_locale: Set(locale.code().to_owned()),
        self_enrol: Set(input.self_enrol),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec_without_returning(&txn)
    .await
    .map_err(code_taken)?;
    let current = TranslationStatus::Current;
    put_text(
        &txn,
        id,
        "title",
        locale.code(),
        input.title.trim(),
        current,
        now,
    )
    .await?;
    put_text(
        &txn,
        id,
        "description",
        locale.code(),
        &input.description,
        current,
        now,
    )
    .await?;
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("curriculum.created", "curriculum", id).after(serde_json::json!({
            "code": input.code.trim(), "source_locale": locale.code(), "self_enrol": input.self_enrol,
        })),
    )
    .await?;
    txn.commit().await?;
    Ok(crate::api::curriculum::CurriculumSummary {
        id,
        code: input.code.trim().to_owned(),
        title: crate::api::curriculum::ResolvedText {
            text: input.title.trim().to_owned(),
            locale: locale.code().to_owned(),
            fell_back: false,
            outdated: false,
        },
        source_locale: locale.code().to_owned(),
        self_enrol: input.self_enrol,
        module_count: 0,
    })
}

/// Every source field of a module input: `title`, `body`, `questions.<q>`, `questions.<q>.<c>`.
fn source_fields(input: &ModuleInput) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    out.insert("title".to_owned(), input.title.trim().to_owned());
    out.insert("body".to_owned(), input.body.clone());
    for q in &input.questions {
        out.insert(format!("questions.{}", q.key), q.prompt.trim().to_owned());
        for c in &q.choices {
            out.insert(
                format!("questions.{}.{}", q.key, c.key),
                c.text.trim().to_owned(),
            );
        }
    }
    out
}

/// Validated module settings, and the prerequisite ids resolved from codes.
struct Checked {
    minutes: i32,
    pass: i32,
    validity: i32,
    prerequisites: Vec<Uuid>,
}

async fn check_module<C: ConnectionTrait>(
    db: &C,
    curriculum_id: Uuid,
    self_id: Uuid,
    input: &ModuleInput,
) -> Result<Checked, ServiceError> {
    let mut errors: Vec<FieldError> = code_issue(input.code.trim()).into_iter().collect();
    required("title", &input.title, 200, &mut errors);
    if input.body.chars().count() > 100_000 {
        errors.push(FieldError::new("body", "too-long"));
    }
    errors.extend(
        module_settings_issues(
            input.pass_mark,
            input.estimated_minutes,
            input.validity_months,
        )
        .into_iter()
        .map(issue),
    );
    if let Some(s) = &input.specialty
        && !SPECIALTIES.contains(&s.as_str())
    {
        errors.push(FieldError::new("specialty", "unknown"));
    }
    let questions: Vec<Question> = input
        .questions
        .iter()
        .map(|q| Question {
            id: q.key.trim().to_owned(),
            multiple: q.multiple,
            choices: q.choices.iter().map(|c| c.key.trim().to_owned()).collect(),
            correct: q
                .choices
                .iter()
                .filter(|c| c.correct)
                .map(|c| c.key.trim().to_owned())
                .collect(),
        })
        .collect();
    errors.extend(quiz_issues(&questions).into_iter().map(issue));
    for q in &input.questions {
        let key_ok = |k: &str| {
            !k.is_empty()
                && k.len() <= 32
                && k.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        };
        if !key_ok(&q.key) || q.choices.iter().any(|c| !key_ok(&c.key)) {
            errors.push(FieldError::new(format!("questions.{}", q.key), "key"));
        }
        if q.prompt.trim().is_empty() || q.choices.iter().any(|c| c.text.trim().is_empty()) {
            errors.push(FieldError::new(format!("questions.{}", q.key), "required"));
        }
    }
    let siblings: Vec<(Uuid, String)> = module::Entity::find()
        .select_only()
        .column(module::Column::Id)
        .column(module::Column::Code)
        .filter(module::Column::CurriculumId.eq(curriculum_id))
        .into_tuple()
        .all(db)
        .await?;
    let mut prerequisites = vec![];
    for code in &input.prerequisites {
        match siblings.iter().find(|(id, c)| c == code && *id != self_id) {
            Some((id, _)) => prerequisites.push(*id),
            None => errors.push(FieldError::new("prerequisites", "unknown")),
        }
    }
    let mut edges: Vec<(Uuid, Uuid)> = module_prerequisite::Entity::find()
        .filter(module_prerequisite::Column::ModuleId.is_in(siblings.iter().map(|s| s.0)))
        .filter(module_prerequisite::Column::ModuleId.ne(self_id))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.module_id, p.prerequisite_id))
        .collect();
    edges.extend(prerequisites.iter().map(|p| (self_id, *p)));
    if find_prerequisite_cycle(&edges).is_some() {
        errors.push(FieldError::new("prerequisites", "cycle"));
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors).into());
    }
    let int = |v: i64| i32::try_from(v).unwrap_or(i32::MAX);
    Ok(Checked {
        minutes: int(input.estimated_minutes),
        pass: int(input.pass_mark),
        validity: int(input.validity_months),
        prerequisites,
    })
}

/// Replaces a module's prerequisites and quiz structure (texts are keyed by question and choice
/// keys, so translations of unchanged keys survive).
async fn write_structure<C: ConnectionTrait>(
    db: &C,
    module_id: Uuid,
    input: &ModuleInput,
    prerequisites: &[Uuid],
) -> Result<(), ServiceError> {
    module_prerequisite::Entity::delete_many()
        .filter(module_prerequisite::Column::ModuleId.eq(module_id))
        .exec(db)
        .await?;
    for p in prerequisites {
        module_prerequisite::Entity::insert(module_prerequisite::ActiveModel {
            module_id: Set(module_id),
            prerequisite_id: Set(*p),
        })
        .exec_without_returning(db)
        .await?;
    }
    let old: Vec<Uuid> = quiz_question::Entity::find()
        .select_only()
        .column(quiz_question::Column::Id)
        .filter(quiz_question::Column::ModuleId.eq(module_id))
        .into_tuple()
        .all(db)
        .await?;
    quiz_choice::Entity::delete_many()
        .filter(quiz_choice::Column::QuestionId.is_in(old))
        .exec(db)
        .await?;
    quiz_question::Entity::delete_many()
        .filter(quiz_question::Column::ModuleId.eq(module_id))
        .exec(db)
        .await?;
    for (qi, q) in input.questions.iter().enumerate() {
        let qid = Uuid::new_v4();
        quiz_question::Entity::insert(quiz_question::ActiveModel {
            id: Set(qid),
            module_id: Set(module_id),
            key: Set(q.key.trim().to_owned()),
            position: Set(qi as i32),
            multiple: Set(q.multiple),
        })
        .exec_without_returning(db)
        .await?;
        for (ci, c) in q.choices.iter().enumerate() {
            quiz_choice::Entity::insert(quiz_choice::ActiveModel {
                id: Set(Uuid::new_v4()),
                question_id: Set(qid),
                key: Set(c.key.trim().to_owned()),
                position: Set(ci as i32),
                correct: Set(c.correct),
            })
            .exec_without_returning(db)
            .await?;
        }
    }
    Ok(())
}

/// Adds a module at the end of a curriculum. Fails with 422 on invalid settings, quiz, unknown
/// prerequisites or a prerequisite cycle; nothing is written then.
pub async fn create_module(
    db: &DatabaseConnection,
    actor: &Actor,
    curriculum_id: Uuid,
    input: ModuleInput,
    now: DateTime<Utc>,
) -> Result<Uuid, ServiceError> {
    require(actor, Action::AuthorContent, &author_scope(actor))?;
    let c = find_curriculum(db, curriculum_id).await?;
    let id = Uuid::new_v4();
    let checked = check_module(db, curriculum_id, id, &input).await?;
    let txn = begin_write(db).await?;
    let position = module::Entity::find()
        .filter(module::Column::CurriculumId.eq(curriculum_id))
        .all(&txn)
        .await?
        .len() as i32;
    module::Entity::insert(module::ActiveModel {
        id: Set(id),
        curriculum_id: Set(curriculum_id),
        position: Set(position),
        code: Set(input.code.trim().to_owned()),
        estimated_minutes: Set(checked.minutes),
        pass_mark: Set(checked.pass),
        validity_months: Set(checked.validity),
        content_version: Set(1),
        specialty: Set(input.specialty.clone()),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec_without_returning(&txn)
    .await
    .map_err(code_taken)?;
    write_structure(&txn, id, &input, &checked.prerequisites).await?;
    for (field, text) in source_fields(&input) {
        put_text(
            &txn,
            id,
            &field,
            &c.source_locale,
            &text,
            TranslationStatus::Current,
            now,
        )
        .await?;
    }
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("module.created", "module", id).after(serde_json::json!({
            "curriculum_id": curriculum_id, "code": input.code.trim(), "pass_mark": checked.pass,
            "validity_months": checked.validity, "questions": input.questions.len(),
        })),
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}

/// Saves a module's settings and source texts. Each changed source field marks its current
/// translations outdated; any change bumps the content version once. Returns the new version.
pub async fn update_module(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    input: ModuleInput,
    now: DateTime<Utc>,
) -> Result<i32, ServiceError> {
    require(actor, Action::AuthorContent, &author_scope(actor))?;
    let (m, c) = find_module(db, id).await?;
    let checked = check_module(db, m.curriculum_id, id, &input).await?;
    let src = c.source_locale.as_str();
    let txn = begin_write(db).await?;
    let mut texts = load_texts(&txn, &[id], src)
        .await?
        .remove(&id)
        .unwrap_or_default();
    let fields = source_fields(&input);
    let version = u32::try_from(m.content_version).unwrap_or(0);
    let mut outdated: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (field, text) in &fields {
        let stored = texts.remove(field).unwrap_or_default();
        let (_, changed) = bump_on_change(&stored.source, text, version);
        if !changed {
            continue;
        }
        let mut translations = stored.translations;
        let marked = mark_outdated(changed, &mut translations);
        for locale in &marked {
            if let Some((t, s)) = translations.get(locale) {
                put_text(&txn, id, field, locale, t, *s, now).await?;
            }
        }
        put_text(&txn, id, field, src, text, TranslationStatus::Current, now).await?;
        outdated.insert(field.clone(), marked);
    }
    // A field no longer in the module (a removed question) loses its texts in every locale.
    for gone in texts.keys() {
        content_text::Entity::delete_many()
            .filter(content_text::Column::OwnerId.eq(id))
            .filter(content_text::Column::Field.eq(gone.as_str()))
            .exec(&txn)
            .await?;
    }
    let changed_any = !outdated.is_empty() || !texts.is_empty();
    // Several changed fields are one new version of the module.
    let new_version = if changed_any {
        m.content_version.saturating_add(1)
    } else {
        m.content_version
    };
    write_structure(&txn, id, &input, &checked.prerequisites).await?;
    let mut active: module::ActiveModel = m.clone().into();
    active.code = Set(input.code.trim().to_owned());
    active.estimated_minutes = Set(checked.minutes);
    active.pass_mark = Set(checked.pass);
    active.validity_months = Set(checked.validity);
    active.specialty = Set(input.specialty.clone());
    active.content_version = Set(new_version);
    active.updated_at = Set(now);
    module::Entity::update(active)
        .exec(&txn)
        .await
        .map_err(code_taken)?;
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("module.updated", "module", id)
            .before(serde_json::json!({ "content_version": m.content_version, "pass_mark": m.pass_mark }))
            .after(serde_json::json!({
                "content_version": new_version, "pass_mark": checked.pass,
                "changed_fields": outdated.keys().collect::<Vec<_>>(), "outdated": outdated,
            })),
    )
    .await?;
    txn.commit().await?;
    Ok(new_version)
}
