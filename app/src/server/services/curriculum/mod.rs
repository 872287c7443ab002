//! Curricula and training records, split by use case: `content` (reading curricula and
//! modules), `authoring` (writing them), `editor` (a module as its author edits it),
//! `translations` (the translation editor and coverage), `attempts` (quizzes and imported
//! completions), `enrolments`, and `progress` (transcripts, unit progress, mentoring gaps). This
//! file holds what they share: language chains, translated texts, raw SQL that runs on SQLite
//! and PostgreSQL alike, and scopes. Must not import pages.

pub mod attempts;
pub mod authoring;
pub mod content;
pub mod editor;
pub mod enrolments;
pub mod progress;
pub mod translations;
pub mod validity;

use std::collections::{BTreeMap, HashMap};

use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, Statement, Value,
};
use uuid::Uuid;

pub use progress::{PersonModules, module_gaps};

use super::org::unit_tree;
use crate::{
    api::curriculum::ResolvedText,
    domain::{
        curriculum::{TranslationStatus, Translations, resolve_field},
        policy::{Actor, Scope},
    },
    error::AppError,
    i18n::Locale,
    server::{
        entities::{content_text, user},
        error::ServiceError,
    },
};

/// Stored name of a translation status.
pub(crate) fn status_name(s: TranslationStatus) -> &'static str {
    match s {
        TranslationStatus::Draft => "draft",
        TranslationStatus::Current => "current",
        TranslationStatus::Outdated => "outdated",
    }
}

fn parse_status(s: &str) -> TranslationStatus {
    match s {
        "current" => TranslationStatus::Current,
        "outdated" => TranslationStatus::Outdated,
        _ => TranslationStatus::Draft,
    }
}

/// One field: the source text and its translations.
#[derive(Clone, Debug, Default)]
pub(crate) struct FieldTexts {
    pub source: String,
    pub translations: Translations,
}

/// Every field of one owner (curriculum or module), by field name.
pub(crate) type OwnerTexts = BTreeMap<String, FieldTexts>;

/// Loads the texts of `owners`, split into source and translations by `source_locale`.
pub(crate) async fn load_texts<C: ConnectionTrait>(
    db: &C,
    owners: &[Uuid],
    source_locale: &str,
) -> Result<HashMap<Uuid, OwnerTexts>, ServiceError> {
    let mut out: HashMap<Uuid, OwnerTexts> = HashMap::new();
    if owners.is_empty() {
        return Ok(out);
    }
    for chunk in owners.chunks(500) {
        let rows = content_text::Entity::find()
            .filter(content_text::Column::OwnerId.is_in(chunk.iter().copied()))
            .all(db)
            .await?;
        for r in rows {
            let field = out
                .entry(r.owner_id)
                .or_default()
                .entry(r.field)
                .or_default();
            if r.locale == source_locale {
                field.source = r.text;
            } else {
                field
                    .translations
                    .insert(r.locale, (r.text, parse_status(&r.status)));
            }
        }
    }
    Ok(out)
}

/// A reader's view of one field along `chain` (an absent field resolves to empty source text).
pub(crate) fn resolve(
    texts: Option<&OwnerTexts>,
    field: &str,
    chain: &[String],
    source_locale: &str,
) -> ResolvedText {
    let chain: Vec<&str> = chain.iter().map(String::as_str).collect();
    let empty = FieldTexts::default();
    let f = texts.and_then(|t| t.get(field)).unwrap_or(&empty);
    resolve_field(&chain, source_locale, &f.source, &f.translations).into()
}

/// A person's language chain: preferred locale, then their fallbacks, without repeats.
pub(crate) fn chain_of(u: &user::Model) -> Vec<String> {
    let mut chain = vec![u.preferred_locale.clone()];
    for l in u.fallback_locales.split([',', ' ']).map(str::trim) {
        if !l.is_empty() && !chain.iter().any(|c| c == l) {
            chain.push(l.to_owned());
        }
    }
    chain
}

/// The chain to resolve for `actor`: `lang` (comma-separated locales) first when given, then the
/// person's own chain. Unknown locales in `lang` are a 422.
pub(crate) async fn reader_chain<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    lang: Option<&str>,
) -> Result<Vec<String>, ServiceError> {
    let mut chain: Vec<String> = vec![];
    if let Some(lang) = lang.filter(|l| !l.trim().is_empty()) {
        for l in lang.split(',').map(str::trim).filter(|l| !l.is_empty()) {
            let loc = Locale::parse(l)
                .filter(|p| p.code() == l)
                .ok_or_else(|| AppError::field("lang", "locale"))?;
            chain.push(loc.code().to_owned());
        }
    }
    if let Some(u) = user::Entity::find_by_id(actor.user_id).one(db).await? {
        for l in chain_of(&u) {
            if !chain.contains(&l) {
                chain.push(l);
            }
        }
    }
    Ok(chain)
}

/// A statement with `$1 … $n` placeholders for either database (SQLite reads them as `?1 …`).
pub(crate) fn stmt(backend: DbBackend, sql: &str, values: Vec<Value>) -> Statement {
    let sql = if backend == DbBackend::Sqlite {
        sql.replace('$', "?")
    } else {
        sql.to_owned()
    };
    Statement::from_sql_and_values(backend, sql, values)
}

/// `$from, $from+1, …` for an `IN (…)` list of `n` values.
pub(crate) fn placeholders(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The scope of a person's record for the policy.
pub(crate) async fn person_scope<C: ConnectionTrait>(
    db: &C,
    person: &user::Model,
) -> Result<Scope, ServiceError> {
    let chain = match person.unit_id {
        Some(u) => unit_tree(db).await?.ancestors_and_self(u),
        None => vec![],
    };
    Ok(Scope::person(person.id, person.nation_id, chain, false))
}

/// The person `id`, or 404.
pub(crate) async fn find_person<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
) -> Result<user::Model, ServiceError> {
    Ok(user::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?)
}

/// The scope content authors act in: their nation, or the alliance.
pub(crate) fn author_scope(actor: &Actor) -> Scope {
    match actor.nation_id {
        Some(n) => Scope::nation(n),
        None => Scope::alliance(),
    }
}
