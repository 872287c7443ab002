//! Curricula, modules, translations, quiz attempts, enrolments and progress: the DTOs shared by
//! the pages, the external API and the services, and the pages' server functions. The
//! authoring forms live in `authoring`.

pub mod authoring;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{
    domain::curriculum::{Answers, Resolved, TranslationStatus},
    error::AppError,
};

/// The specialties mentoring knows; a module may train one of them.
pub const SPECIALTIES: [&str; 10] = [
    "fuel",
    "ammunition",
    "maintenance",
    "movement_control",
    "warehousing",
    "medical_logistics",
    "procurement",
    "host_nation_support",
    "codification",
    "cyber",
];

/// A translated text as a reader sees it: where it came from and whether it is stale.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ResolvedText {
    pub text: String,
    /// The locale actually shown.
    pub locale: String,
    /// Not in the reader's first language.
    pub fell_back: bool,
    /// A translation of an older source text.
    pub outdated: bool,
}

impl From<Resolved> for ResolvedText {
    fn from(r: Resolved) -> Self {
        Self {
            text: r.text,
            locale: r.locale,
            fell_back: r.fell_back,
            outdated: r.outdated,
        }
    }
}

/// A new curriculum, written in `source_locale`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewCurriculum {
    pub code: String,
    pub source_locale: String,
    #[serde(default)]
    pub self_enrol: bool,
    pub title: String,
    #[serde(default)]
    pub description: String,
}

/// A curriculum in a list, with the reader's own progress when enrolled.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CurriculumSummary {
    pub id: Uuid,
    pub code: String,
    pub title: ResolvedText,
    pub source_locale: String,
    pub self_enrol: bool,
    pub module_count: u32,
}

/// One quiz choice as authored (source language).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChoiceInput {
    pub key: String,
    pub text: String,
    #[serde(default)]
    pub correct: bool,
}

/// One quiz question as authored (source language).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct QuestionInput {
    pub key: String,
    pub prompt: String,
    #[serde(default)]
    pub multiple: bool,
    pub choices: Vec<ChoiceInput>,
}

/// A module as authored: settings and the source-language texts. Saving a changed text bumps
/// the content version and marks that field's translations outdated.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ModuleInput {
    pub code: String,
    pub title: String,
    /// Markdown.
    pub body: String,
    pub estimated_minutes: i64,
    pub pass_mark: i64,
    pub validity_months: i64,
    #[serde(default)]
    pub specialty: Option<String>,
    /// Codes of modules of the same curriculum that must be completed first.
    #[serde(default)]
    pub prerequisites: Vec<String>,
    #[serde(default)]
    pub questions: Vec<QuestionInput>,
}

/// A module in its curriculum's list, with the reader's completion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ModuleSummary {
    pub id: Uuid,
    pub code: String,
    pub position: i32,
    pub title: ResolvedText,
    pub estimated_minutes: i32,
    pub specialty: Option<String>,
    /// The reader's latest valid completion.
    pub completed_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
}

/// A curriculum with its modules, resolved for the reader.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CurriculumView {
    pub id: Uuid,
    pub code: String,
    pub source_locale: String,
    pub self_enrol: bool,
    pub title: ResolvedText,
    pub description: ResolvedText,
    /// Whether the reader is enrolled (personally or through their unit).
    pub enrolled: bool,
    pub modules: Vec<ModuleSummary>,
}

/// A quiz choice as the reader sees it (no hint of which is correct).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChoiceView {
    pub key: String,
    pub text: ResolvedText,
}

/// A quiz question as the reader sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct QuestionView {
    pub key: String,
    pub multiple: bool,
    pub prompt: ResolvedText,
    pub choices: Vec<ChoiceView>,
}

/// A prerequisite and whether the reader holds a valid completion of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PrerequisiteView {
    pub id: Uuid,
    pub code: String,
    pub title: ResolvedText,
    pub done: bool,
}

/// A module resolved along the reader's language chain.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ModuleView {
    pub id: Uuid,
    pub curriculum_id: Uuid,
    pub code: String,
    pub content_version: i32,
    pub estimated_minutes: i32,
    pub pass_mark: i32,
    pub validity_months: i32,
    pub specialty: Option<String>,
    pub title: ResolvedText,
    /// The body's Markdown source as resolved.
    pub body: ResolvedText,
    /// The body rendered to sanitised HTML.
    pub body_html: String,
    pub questions: Vec<QuestionView>,
    pub prerequisites: Vec<PrerequisiteView>,
    /// The reader's latest valid completion.
    pub completion: Option<CompletionRow>,
    /// The reader's first language, against which `fell_back` is judged.
    pub requested_locale: String,
}

impl ModuleView {
    /// Whether any field fell back from the reader's first language.
    pub fn fell_back(&self) -> bool {
        self.title.fell_back
            || self.body.fell_back
            || self
                .questions
                .iter()
                .any(|q| q.prompt.fell_back || q.choices.iter().any(|c| c.text.fell_back))
    }

    /// Whether any field shown is an outdated translation.
    pub fn outdated(&self) -> bool {
        self.title.outdated
            || self.body.outdated
            || self
                .questions
                .iter()
                .any(|q| q.prompt.outdated || q.choices.iter().any(|c| c.text.outdated))
    }

    /// Whether every prerequisite is done.
    pub fn unlocked(&self) -> bool {
        self.prerequisites.iter().all(|p| p.done)
    }
}

/// One translated field as the translator edits it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TranslationInput {
    pub text: String,
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "current"))]
    pub status: TranslationStatus,
}

/// `PUT /modules/{id}/translations/{locale}`: fields by name (`title`, `body`,
/// `questions.<q>`, `questions.<q>.<choice>`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TranslationUpdate {
    pub fields: BTreeMap<String, TranslationInput>,
}

/// A field side by side: source and the target locale's translation with its status.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TranslationField {
    pub field: String,
    pub source: String,
    pub text: Option<String>,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>))]
    pub status: Option<TranslationStatus>,
}

/// Every translatable field of a module in one target locale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TranslationSheet {
    pub module_id: Uuid,
    pub module_code: String,
    pub source_locale: String,
    pub locale: String,
    pub content_version: i32,
    pub fields: Vec<TranslationField>,
}

/// Translation coverage of a curriculum in one locale, counted in fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LocaleCoverage {
    pub locale: String,
    pub current: u32,
    pub outdated: u32,
    /// Draft or absent.
    pub missing: u32,
}

/// A quiz submission: question key → chosen choice keys.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AttemptInput {
    #[cfg_attr(feature = "ssr", schema(value_type = BTreeMap<String, Vec<String>>))]
    pub answers: Answers,
    /// The locale the trainee read the quiz in (recorded; scoring ignores it).
    #[serde(default)]
    pub locale: Option<String>,
}

/// A completion on a record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CompletionRow {
    pub id: Uuid,
    pub module_id: Uuid,
    pub module_code: String,
    pub module_title: String,
    pub completed_on: NaiveDate,
    /// The first day it no longer counts; `None` = never expires.
    pub expires_on: Option<NaiveDate>,
    pub score: i32,
    pub locale: String,
    pub content_version: i32,
    /// `quiz` or `import`.
    pub source: String,
}

/// The outcome of a quiz attempt.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AttemptResult {
    pub attempt_id: Uuid,
    pub correct: u32,
    pub total: u32,
    pub percent: u32,
    pub pass_mark: i32,
    pub passed: bool,
    /// The completion recorded when passed.
    pub completion: Option<CompletionRow>,
}

/// An enrolment of a person or (exclusively) a unit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewEnrolment {
    pub curriculum_id: Option<Uuid>,
    #[serde(default)]
    pub user_id: Option<Uuid>,
    #[serde(default)]
    pub unit_id: Option<Uuid>,
    #[serde(default)]
    pub due_on: Option<NaiveDate>,
}

/// A stored enrolment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct EnrolmentRow {
    pub id: Uuid,
    pub curriculum_id: Uuid,
    pub user_id: Option<Uuid>,
    pub unit_id: Option<Uuid>,
    pub due_on: Option<NaiveDate>,
}

/// A completion made elsewhere, recorded by an officer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ImportCompletion {
    pub user_id: Option<Uuid>,
    pub module_id: Option<Uuid>,
    pub completed_on: Option<NaiveDate>,
    pub score: i64,
    pub locale: String,
}

/// `POST /completions`: all rows are checked first; any problem writes nothing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ImportBatch {
    pub completions: Vec<ImportCompletion>,
}

/// A person's progress in one curriculum they are enrolled in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CurriculumProgress {
    pub curriculum_id: Uuid,
    pub code: String,
    pub title: ResolvedText,
    pub total: u32,
    /// Modules with a completion valid today.
    pub completed: u32,
    /// The earliest due date of the enrolments covering the person.
    pub due_on: Option<NaiveDate>,
    pub overdue: bool,
}

/// A person's training record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Transcript {
    pub user_id: Uuid,
    pub display_name: String,
    pub rank: String,
    pub on: NaiveDate,
    pub curricula: Vec<CurriculumProgress>,
    /// Every completion, newest first (expired ones included).
    pub completions: Vec<CompletionRow>,
}

/// One person's line of a unit's progress in a curriculum.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProgressRow {
    pub user_id: Uuid,
    pub username: String,
    pub display_name: String,
    pub unit_name: String,
    pub completed: u32,
    pub total: u32,
    pub due_on: Option<NaiveDate>,
    pub overdue: bool,
    /// The earliest expiry among the person's valid completions of the curriculum.
    pub next_expiry: Option<NaiveDate>,
}

/// A unit's (and its subunits') progress in one curriculum.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UnitProgress {
    pub unit_id: Uuid,
    pub unit_name: String,
    pub curriculum_id: Uuid,
    pub curriculum_code: String,
    pub on: NaiveDate,
    pub module_count: u32,
    /// Enrolled people in the unit's subtree.
    pub people: u32,
    pub complete: u32,
    pub overdue: u32,
    /// People with a completion expiring within 90 days.
    pub expiring: u32,
    pub rows: Vec<ProgressRow>,
    /// Rows are paged; `page` counts from 0.
    pub page: u32,
    pub pages: u32,
}

/// The signed-in trainee's dashboard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub transcript: Transcript,
    /// Curricula open to self-enrolment that the person is not enrolled in.
    pub open: Vec<CurriculumSummary>,
}

/// The choices an officer picks from when enrolling, importing or viewing progress.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfficerChoices {
    pub curricula: Vec<CurriculumSummary>,
    /// Units the officer may see, `(id, indented name)`.
    pub units: Vec<(Uuid, String)>,
}

/// A form field that may be blank: an id or nothing.
fn form_uuid(raw: &str, field: &str, errors: &mut Vec<crate::error::FieldError>) -> Option<Uuid> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    Uuid::parse_str(raw)
        .map_err(|_| errors.push(crate::error::FieldError::new(field, "unknown")))
        .ok()
}

fn form_date(
    raw: &str,
    field: &str,
    errors: &mut Vec<crate::error::FieldError>,
) -> Option<NaiveDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .map_err(|_| errors.push(crate::error::FieldError::new(field, "date")))
        .ok()
}

/// The enrolment form as posted (plain strings, so a form without JavaScript works).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EnrolmentForm {
    pub curriculum_id: String,
    #[serde(default)]
    pub user_id: String,
    #[serde(default)]
    pub unit_id: String,
    #[serde(default)]
    pub due_on: String,
}

impl EnrolmentForm {
    /// Parses the form; bad ids or dates are field errors.
    pub fn into_new(self) -> Result<NewEnrolment, AppError> {
        let mut errors = vec![];
        let new = NewEnrolment {
            curriculum_id: form_uuid(&self.curriculum_id, "curriculum_id", &mut errors),
            user_id: form_uuid(&self.user_id, "user_id", &mut errors),
            unit_id: form_uuid(&self.unit_id, "unit_id", &mut errors),
            due_on: form_date(&self.due_on, "due_on", &mut errors),
        };
        if errors.is_empty() {
            Ok(new)
        } else {
            Err(AppError::Validation(errors))
        }
    }
}

/// The import form as posted: one completion.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportForm {
    /// The person (named apart from the enrolment form's `user_id` on the same page).
    pub person_id: String,
    pub module_id: String,
    pub completed_on: String,
    pub score: String,
    pub locale: String,
}

impl ImportForm {
    /// Parses the form into a batch of one.
    pub fn into_batch(self) -> Result<ImportBatch, AppError> {
        let mut errors = vec![];
        let row = ImportCompletion {
            user_id: form_uuid(&self.person_id, "completions.0.user_id", &mut errors),
            module_id: form_uuid(&self.module_id, "completions.0.module_id", &mut errors),
            completed_on: form_date(
                &self.completed_on,
                "completions.0.completed_on",
                &mut errors,
            ),
            score: self.score.trim().parse().unwrap_or(-1),
            locale: self.locale,
        };
        if errors.is_empty() {
            Ok(ImportBatch {
                completions: vec![row],
            })
        } else {
            Err(AppError::Validation(errors))
        }
    }
}

/// A quiz as posted by the page: `answers[<question>]` = choice key for a single-answer
/// question, `answers[<question>~<choice>]` = choice key for each ticked box of a multiple one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuizForm {
    pub module_id: Uuid,
    #[serde(default)]
    pub locale: String,
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
}

impl QuizForm {
    /// The submission as the scorer takes it.
    pub fn into_input(self) -> (Uuid, AttemptInput) {
        let mut answers = Answers::new();
        for (name, choice) in self.answers {
            let question = name.split_once('~').map_or(name.as_str(), |(q, _)| q);
            answers
                .entry(question.to_owned())
                .or_default()
                .insert(choice);
        }
        let locale = (!self.locale.is_empty()).then_some(self.locale);
        (self.module_id, AttemptInput { answers, locale })
    }
}

// ---- server functions ---------------------------------------------------------------------

/// The signed-in person's dashboard: enrolled curricula with progress, open curricula, record.
#[server(prefix = "/api", endpoint = "curriculum/dashboard")]
pub async fn my_dashboard() -> Result<Dashboard, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        crate::server::services::curriculum::progress::dashboard(&state.db, &user.actor, now).await
    })
    .await
}

/// A curriculum with its modules, resolved for the signed-in person.
#[server(prefix = "/api", endpoint = "curriculum/get")]
pub async fn get_curriculum(id: Uuid) -> Result<CurriculumView, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        crate::server::services::curriculum::content::curriculum(
            &state.db,
            &user.actor,
            id,
            None,
            now,
        )
        .await
    })
    .await
}

/// A module resolved along the signed-in person's language chain.
#[server(prefix = "/api", endpoint = "curriculum/module")]
pub async fn get_module(id: Uuid) -> Result<ModuleView, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        crate::server::services::curriculum::content::module(&state.db, &user.actor, id, None, now)
            .await
    })
    .await
}

/// Submits a quiz (see [`QuizForm`]).
#[server(prefix = "/api", endpoint = "curriculum/attempt")]
pub async fn submit_quiz(form: QuizForm) -> Result<AttemptResult, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        let (module_id, input) = form.into_input();
        let r = crate::server::services::curriculum::attempts::attempt(
            &state.db,
            &user.actor,
            module_id,
            input,
            now,
        )
        .await?;
        crate::server::ctx::redirect_plain_form(&format!(
            "/training/modules/{module_id}?score={}&passed={}&mark={}",
            r.percent, r.passed, r.pass_mark
        ));
        Ok(r)
    })
    .await
}

/// Enrols the signed-in person in a self-enrolment curriculum.
#[server(prefix = "/api", endpoint = "curriculum/self-enrol")]
pub async fn self_enrol(curriculum_id: Uuid) -> Result<EnrolmentRow, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        let row = crate::server::services::curriculum::enrolments::enrol(
            &state.db,
            &user.actor,
            NewEnrolment {
                curriculum_id: Some(curriculum_id),
                user_id: Some(user.actor.user_id),
                unit_id: None,
                due_on: None,
            },
            now,
        )
        .await?;
        crate::server::ctx::redirect_plain_form("/training");
        Ok(row)
    })
    .await
}

/// What the officer pages offer: curricula, units and people in the officer's scope.
#[server(prefix = "/api", endpoint = "curriculum/officer-choices")]
pub async fn load_officer_choices() -> Result<OfficerChoices, AppError> {
    crate::server::ctx::with_user(|state, user, _now| async move {
        crate::server::services::curriculum::progress::officer_choices(&state.db, &user.actor).await
    })
    .await
}

/// One page of a unit's progress in a curriculum.
#[server(prefix = "/api", endpoint = "curriculum/unit-progress")]
pub async fn load_unit_progress(
    unit: Uuid,
    curriculum: Uuid,
    page: u32,
) -> Result<UnitProgress, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        crate::server::services::curriculum::progress::unit_progress(
            &state.db,
            &user.actor,
            unit,
            curriculum,
            Some(page),
            now,
        )
        .await
    })
    .await
}

/// Enrols a person or a unit (the officer's form).
#[server(prefix = "/api", endpoint = "curriculum/enrol")]
pub async fn enrol(form: EnrolmentForm) -> Result<EnrolmentRow, AppError> {
    use crate::server::services::curriculum::enrolments::person_field;
    crate::server::ctx::with_user(|state, user, now| async move {
        let mut form = form;
        form.user_id = person_field(&state.db, &user.actor, &form.user_id, "user_id").await?;
        let row = crate::server::services::curriculum::enrolments::enrol(
            &state.db,
            &user.actor,
            form.into_new()?,
            now,
        )
        .await?;
        crate::server::ctx::redirect_plain_form("/training/progress?enrolled=1");
        Ok(row)
    })
    .await
}

/// Records one completion made elsewhere (the officer's form).
#[server(prefix = "/api", endpoint = "curriculum/import")]
pub async fn record_completion(form: ImportForm) -> Result<Vec<CompletionRow>, AppError> {
    use crate::server::services::curriculum::enrolments::person_field;
    crate::server::ctx::with_user(|state, user, now| async move {
        let mut form = form;
        form.person_id = person_field(
            &state.db,
            &user.actor,
            &form.person_id,
            "completions.0.user_id",
        )
        .await?;
        let rows = crate::server::services::curriculum::attempts::import(
            &state.db,
            &user.actor,
            form.into_batch()?,
            now,
        )
        .await?;
        crate::server::ctx::redirect_plain_form("/training/progress?imported=1");
        Ok(rows)
    })
    .await
}

/// Translation coverage of a curriculum per locale (authors).
#[server(prefix = "/api", endpoint = "curriculum/coverage")]
pub async fn curriculum_coverage(curriculum: Uuid) -> Result<Vec<LocaleCoverage>, AppError> {
    crate::server::ctx::with_user(|state, user, _now| async move {
        crate::server::services::curriculum::translations::coverage(
            &state.db,
            &user.actor,
            curriculum,
        )
        .await
    })
    .await
}

/// The translation editor as posted: `text[<field>]` and `status[<field>]` per field; fields
/// left empty are not saved.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TranslationForm {
    pub module_id: Uuid,
    pub locale: String,
    #[serde(default)]
    pub text: BTreeMap<String, String>,
    #[serde(default)]
    pub status: BTreeMap<String, String>,
}

impl TranslationForm {
    /// The update the service takes; an unknown status is a draft.
    pub fn into_update(self) -> (Uuid, String, TranslationUpdate) {
        let fields = self
            .text
            .into_iter()
            .filter(|(_, t)| !t.trim().is_empty())
            .map(|(field, text)| {
                let status = match self.status.get(&field).map(String::as_str) {
                    Some("current") => TranslationStatus::Current,
                    Some("outdated") => TranslationStatus::Outdated,
                    _ => TranslationStatus::Draft,
                };
                (field, TranslationInput { text, status })
            })
            .collect();
        (self.module_id, self.locale, TranslationUpdate { fields })
    }
}

/// A module's fields in the source and in `locale`, side by side (authors).
#[server(prefix = "/api", endpoint = "curriculum/translation-sheet")]
pub async fn load_translation_sheet(
    module: Uuid,
    locale: String,
) -> Result<TranslationSheet, AppError> {
    crate::server::ctx::with_user(|state, user, _now| async move {
        crate::server::services::curriculum::translations::sheet(
            &state.db,
            &user.actor,
            module,
            &locale,
        )
        .await
    })
    .await
}

/// Saves the translation editor.
#[server(prefix = "/api", endpoint = "curriculum/translations")]
pub async fn save_translations(form: TranslationForm) -> Result<TranslationSheet, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        let (module, locale, update) = form.into_update();
        let sheet = crate::server::services::curriculum::translations::save(
            &state.db,
            &user.actor,
            module,
            &locale,
            update,
            now,
        )
        .await?;
        crate::server::ctx::redirect_plain_form(&format!(
            "/training/translate/{module}?locale={locale}&saved=1"
        ));
        Ok(sheet)
    })
    .await
}
