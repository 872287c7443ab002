//! The authoring pages' forms and server functions: creating a curriculum, and the module editor
//! (settings, source texts, prerequisites, quiz). Forms arrive as plain strings, with or
//! without JavaScript, and are parsed here, so a malformed value is a field error, never a
//! transport failure.

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{
    ChoiceInput, CurriculumSummary, LocaleCoverage, ModuleInput, NewCurriculum, QuestionInput,
};
use crate::error::{AppError, FieldError};

/// The module editor's data: the module as authored (blank for a new one), the other modules
/// of its curriculum to choose prerequisites from, and its translations' state per locale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModuleEditor {
    pub curriculum_id: Uuid,
    pub curriculum_code: String,
    pub source_locale: String,
    /// `None` for a module not yet created.
    pub module_id: Option<Uuid>,
    pub content_version: i32,
    pub input: ModuleInput,
    /// The curriculum's other modules, `(code, source title)`, in curriculum order.
    pub siblings: Vec<(String, String)>,
    /// This module's translations per locale (empty for a new module).
    pub coverage: Vec<LocaleCoverage>,
}

/// A saved module and its content version after the save.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedModule {
    pub id: Uuid,
    pub content_version: i32,
}

fn ticked(v: Option<&String>) -> bool {
    v.is_some_and(|s| !s.is_empty() && s != "false")
}

/// The new-curriculum form as posted.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CurriculumForm {
    pub code: String,
    pub source_locale: String,
    pub title: String,
    pub description: String,
    pub self_enrol: Option<String>,
}

impl CurriculumForm {
    /// The input the service validates (browsers send line breaks as CRLF).
    pub fn into_new(self) -> NewCurriculum {
        NewCurriculum {
            code: self.code.trim().to_owned(),
            source_locale: self.source_locale.trim().to_owned(),
            self_enrol: ticked(self.self_enrol.as_ref()),
            title: self.title,
            description: self.description.replace("\r\n", "\n"),
        }
    }
}

/// The module editor as posted. Prerequisites are ticked boxes `prerequisites[<code>]`; the
/// quiz is flat cells `q<n>_key`, `q<n>_prompt`, `q<n>_multiple`, `q<n>_remove`,
/// `q<n>_c<m>_key`, `q<n>_c<m>_text`, `q<n>_c<m>_correct`, ordered by `n` and `m`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ModuleForm {
    pub code: String,
    pub title: String,
    pub body: String,
    pub estimated_minutes: String,
    pub pass_mark: String,
    pub validity_months: String,
    pub specialty: String,
    pub prerequisites: BTreeMap<String, String>,
    pub quiz: BTreeMap<String, String>,
}

fn number(field: &str, raw: &str, errors: &mut Vec<FieldError>) -> i64 {
    let raw = raw.trim();
    if raw.is_empty() {
        errors.push(FieldError::new(field, "required"));
        return 0;
    }
    raw.parse().unwrap_or_else(|_| {
        errors.push(FieldError::new(field, "number"));
        0
    })
}

/// The numeric indices `n` of cells named `<prefix><n>_…`, in numeric order.
fn indices<'a>(cells: impl Iterator<Item = &'a String>, prefix: &str) -> Vec<u32> {
    let mut out: Vec<u32> = cells
        .filter_map(|k| k.strip_prefix(prefix)?.split_once('_')?.0.parse().ok())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

impl ModuleForm {
    fn cell(&self, name: &str) -> &str {
        self.quiz.get(name).map_or("", |s| s.trim())
    }

    fn question(&self, n: u32) -> Option<QuestionInput> {
        let q = format!("q{n}_");
        if ticked(self.quiz.get(&format!("{q}remove"))) {
            return None;
        }
        let own: Vec<&String> = self.quiz.keys().filter(|k| k.starts_with(&q)).collect();
        let choices: Vec<ChoiceInput> = indices(own.into_iter(), &format!("{q}c"))
            .into_iter()
            .filter_map(|m| {
                let c = format!("{q}c{m}_");
                let text = self.cell(&format!("{c}text"));
                (!text.is_empty()).then(|| ChoiceInput {
                    key: self.cell(&format!("{c}key")).to_owned(),
                    text: text.to_owned(),
                    correct: ticked(self.quiz.get(&format!("{c}correct"))),
                })
            })
            .collect();
        let prompt = self.cell(&format!("{q}prompt"));
        // A row left blank (the spare rows of the plain form) is no question.
        (!prompt.is_empty() || !choices.is_empty()).then(|| QuestionInput {
            key: self.cell(&format!("{q}key")).to_owned(),
            prompt: prompt.to_owned(),
            multiple: ticked(self.quiz.get(&format!("{q}multiple"))),
            choices,
        })
    }

    /// Parses the numbers and the quiz; everything else is checked by the service.
    pub fn parse(self) -> Result<ModuleInput, AppError> {
        let mut errors = vec![];
        let estimated_minutes = number("estimated_minutes", &self.estimated_minutes, &mut errors);
        let pass_mark = number("pass_mark", &self.pass_mark, &mut errors);
        let validity_months = number("validity_months", &self.validity_months, &mut errors);
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        let questions = indices(self.quiz.keys(), "q")
            .into_iter()
            .filter_map(|n| self.question(n))
            .collect();
        let specialty = Some(self.specialty.trim().to_owned()).filter(|s| !s.is_empty());
        Ok(ModuleInput {
            code: self.code.trim().to_owned(),
            title: self.title,
            body: self.body.replace("\r\n", "\n"),
            estimated_minutes,
            pass_mark,
            validity_months,
            specialty,
            prerequisites: self
                .prerequisites
                .iter()
                .filter(|(_, v)| ticked(Some(v)))
                .map(|(code, _)| code.clone())
                .collect(),
            questions,
        })
    }
}

/// An id from a hidden form field: empty means none.
#[cfg(feature = "ssr")]
fn hidden_id(raw: &str) -> Result<Option<Uuid>, AppError> {
    match raw.trim() {
        "" => Ok(None),
        s => Uuid::parse_str(s)
            .map(Some)
            .map_err(|_| AppError::field("id", "unknown")),
    }
}

// ---- server functions ---------------------------------------------------------------------

/// Every curriculum, titles resolved for the signed-in person (the authors' list).
#[server(prefix = "/api", endpoint = "curriculum/list")]
pub async fn list_curricula() -> Result<Vec<CurriculumSummary>, AppError> {
    crate::server::ctx::with_user(|state, user, _now| async move {
        crate::server::services::curriculum::content::list(&state.db, &user.actor).await
    })
    .await
}

/// Creates a curriculum from the form (training officers); a plain post goes on to it.
#[server(prefix = "/api", endpoint = "curriculum/create")]
pub async fn create_curriculum(form: CurriculumForm) -> Result<CurriculumSummary, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        let created = crate::server::services::curriculum::authoring::create_curriculum(
            &state.db,
            &user.actor,
            form.into_new(),
            now,
        )
        .await?;
        crate::server::ctx::redirect_plain_form(&format!("/training/curricula/{}", created.id));
        Ok(created)
    })
    .await
}

/// The editor of module `module`, or of a new module of `curriculum` (authors only).
#[server(prefix = "/api", endpoint = "curriculum/module-editor")]
pub async fn load_module_editor(
    curriculum: Option<Uuid>,
    module: Option<Uuid>,
) -> Result<ModuleEditor, AppError> {
    crate::server::ctx::with_user(|state, user, _now| async move {
        use crate::server::services::curriculum::editor;
        match (module, curriculum) {
            (Some(m), _) => editor::module_editor(&state.db, &user.actor, m).await,
            (None, Some(c)) => editor::new_module_editor(&state.db, &user.actor, c).await,
            (None, None) => Err(AppError::NotFound.into()),
        }
    })
    .await
}

/// Saves the module editor: creates a module of `curriculum_id` when `module_id` is empty,
/// otherwise updates that module. A plain post goes on to the module's editor.
#[server(prefix = "/api", endpoint = "curriculum/save-module")]
pub async fn save_module(
    curriculum_id: String,
    module_id: String,
    form: ModuleForm,
) -> Result<SavedModule, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        use crate::server::services::curriculum::authoring;
        let input = form.parse()?;
        let saved = match (hidden_id(&module_id)?, hidden_id(&curriculum_id)?) {
            (Some(id), _) => SavedModule {
                id,
                content_version: authoring::update_module(&state.db, &user.actor, id, input, now)
                    .await?,
            },
            (None, Some(c)) => SavedModule {
                id: authoring::create_module(&state.db, &user.actor, c, input, now).await?,
                content_version: 1,
            },
            (None, None) => return Err(AppError::NotFound.into()),
        };
        crate::server::ctx::redirect_plain_form(&format!(
            "/training/modules/{}/edit?saved={}",
            saved.id, saved.content_version
        ));
        Ok(saved)
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn the_quiz_cells_become_ordered_questions_and_blank_rows_are_dropped() {
        let form = ModuleForm {
            code: " fuel-1 ".into(),
            title: "Fuel".into(),
            body: "a\r\nb".into(),
            estimated_minutes: "20".into(),
            pass_mark: "80".into(),
            validity_months: "0".into(),
            prerequisites: cells(&[("basics", "on"), ("other", "")]),
            quiz: cells(&[
                ("q10_key", "q10"),
                ("q10_prompt", "Second"),
                ("q10_c0_key", "a"),
                ("q10_c0_text", "Yes"),
                ("q10_c0_correct", "on"),
                ("q2_key", "q2"),
                ("q2_prompt", "First"),
                ("q2_multiple", "on"),
                ("q2_c11_key", "b"),
                ("q2_c11_text", "B"),
                ("q2_c11_correct", "on"),
                ("q2_c3_key", "a"),
                ("q2_c3_text", " A "),
                ("q2_c4_key", "c"),
                ("q2_c4_text", ""),
                ("q3_key", "q3"),
                ("q3_prompt", ""),
                ("q3_c0_key", "a"),
                ("q4_key", "q4"),
                ("q4_prompt", "Removed"),
                ("q4_remove", "on"),
            ]),
            ..Default::default()
        };
        let input = form.parse().unwrap_or_default();
        assert_eq!(input.code, "fuel-1");
        assert_eq!(input.body, "a\nb");
        assert_eq!(input.prerequisites, vec!["basics"]);
        let keys: Vec<&str> = input.questions.iter().map(|q| q.key.as_str()).collect();
        assert_eq!(keys, vec!["q2", "q10"]);
        let first = &input.questions[0];
        assert!(first.multiple);
        let choices: Vec<(&str, &str, bool)> = first
            .choices
            .iter()
            .map(|c| (c.key.as_str(), c.text.as_str(), c.correct))
            .collect();
        assert_eq!(choices, vec![("a", "A", false), ("b", "B", true)]);
    }

    #[test]
    fn numbers_that_are_blank_or_not_numbers_are_field_errors() {
        let form = ModuleForm {
            estimated_minutes: "".into(),
            pass_mark: "eighty".into(),
            validity_months: "-1".into(),
            ..Default::default()
        };
        let Err(e) = form.parse() else {
            panic!("must fail")
        };
        assert_eq!(e.field_code("estimated_minutes"), Some("required"));
        assert_eq!(e.field_code("pass_mark"), Some("number"));
        assert_eq!(
            e.field_code("validity_months"),
            None,
            "range is the service's"
        );
    }

    #[test]
    fn a_ticked_box_enables_self_enrolment() {
        let new = CurriculumForm {
            code: " c-1 ".into(),
            self_enrol: Some("on".into()),
            ..Default::default()
        }
        .into_new();
        assert_eq!(new.code, "c-1");
        assert!(new.self_enrol);
        assert!(!CurriculumForm::default().into_new().self_enrol);
    }
}
