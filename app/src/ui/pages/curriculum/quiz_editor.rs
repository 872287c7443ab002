//! The module editor's quiz: questions with choices, single or multiple answer, the correct
//! choices ticked. Without JavaScript the form carries one spare question and spare choice
//! slots (blank rows are ignored) and a "remove" box per question; once hydrated, buttons add
//! more. Question and choice keys stay fixed, so translations of kept texts survive.

use leptos::prelude::*;

use crate::{
    api::curriculum::{ChoiceInput, QuestionInput},
    ui::{
        components::form::{LastError, field_message, ticked, typed},
        use_i18n,
    },
};

/// Choice slots a question offers at least (filled ones plus blank ones).
const SLOTS: usize = 4;

/// The first key `<prefix><n>` (n = 1, 2, …) not in `taken`; choices (no prefix) take a
/// free letter first, then `c<n>`.
pub fn spare_key(taken: &[String], prefix: &str) -> String {
    let free = |k: &String| !taken.contains(k);
    let letter = (b'a'..=b'z').map(|c| (c as char).to_string()).find(free);
    match (prefix.is_empty(), letter) {
        (true, Some(k)) => k,
        (true, None) => (1..)
            .map(|n| format!("c{n}"))
            .find(free)
            .unwrap_or_default(),
        (false, _) => (1..)
            .map(|n| format!("{prefix}{n}"))
            .find(free)
            .unwrap_or_default(),
    }
}

#[derive(Clone, Debug, PartialEq)]
struct ChoiceRow {
    slot: u32,
    key: String,
    text: String,
    correct: bool,
}

#[derive(Clone, Debug)]
struct QuestionRow {
    row: u32,
    key: String,
    prompt: String,
    multiple: bool,
    choices: RwSignal<Vec<ChoiceRow>>,
}

/// Pads `choices` with blank slots up to [`SLOTS`] (always at least one blank).
fn choice_rows(choices: &[ChoiceInput]) -> Vec<ChoiceRow> {
    let mut rows: Vec<ChoiceRow> = choices
        .iter()
        .enumerate()
        .map(|(i, c)| ChoiceRow {
            slot: i as u32,
            key: c.key.clone(),
            text: c.text.clone(),
            correct: c.correct,
        })
        .collect();
    while rows.len() < SLOTS.max(choices.len() + 1) {
        rows.push(blank_choice(&rows));
    }
    rows
}

fn blank_choice(rows: &[ChoiceRow]) -> ChoiceRow {
    let taken: Vec<String> = rows.iter().map(|r| r.key.clone()).collect();
    ChoiceRow {
        slot: rows.iter().map(|r| r.slot + 1).max().unwrap_or(0),
        key: spare_key(&taken, ""),
        text: String::new(),
        correct: false,
    }
}

fn blank_question(rows: &[QuestionRow]) -> QuestionRow {
    let taken: Vec<String> = rows.iter().map(|r| r.key.clone()).collect();
    QuestionRow {
        row: rows.iter().map(|r| r.row + 1).max().unwrap_or(0),
        key: spare_key(&taken, "q"),
        prompt: String::new(),
        multiple: false,
        choices: RwSignal::new(choice_rows(&[])),
    }
}

/// Whether the page is hydrated (buttons that need JavaScript appear only then).
fn hydrated() -> ReadSignal<bool> {
    let (on, set) = signal(false);
    Effect::new(move |_| set.set(true));
    on
}

#[component]
pub fn QuizEditor(questions: Vec<QuestionInput>, error: LastError) -> impl IntoView {
    let i18n = use_i18n();
    let mut initial: Vec<QuestionRow> = questions
        .iter()
        .enumerate()
        .map(|(i, q)| QuestionRow {
            row: i as u32,
            key: q.key.clone(),
            prompt: q.prompt.clone(),
            multiple: q.multiple,
            choices: RwSignal::new(choice_rows(&q.choices)),
        })
        .collect();
    initial.push(blank_question(&initial));
    let rows = RwSignal::new(initial);
    let js = hydrated();
    let add = move |_| rows.update(|r| r.push(blank_question(r)));
    view! {
        <fieldset class="cur-quiz-editor" data-testid="quiz-editor">
            <legend>{i18n.t("curriculum-quiz")}</legend>
            <p class="field-hint">{i18n.t("authoring-quiz-hint")}</p>
            {move || field_message(&error, "questions").map(|m| view! { <p class="field-error" data-testid="error-questions">{m}</p> })}
            <For each=move || rows.get() key=|q| q.row let:q>
                <QuestionEditor q error/>
            </For>
            {move || js.get().then(|| view! {
                <button type="button" class="button button-small" data-testid="add-question" on:click=add>{i18n.t("authoring-add-question")}</button>
            })}
        </fieldset>
    }
}

#[component]
fn QuestionEditor(q: QuestionRow, error: LastError) -> impl IntoView {
    let i18n = use_i18n();
    let p = format!("form[quiz][q{}_", q.row);
    let id = format!("quiz-q{}", q.row);
    let field = format!("questions.{}", q.key);
    let err_id = format!("{id}-error");
    let message = Signal::derive(move || field_message(&error, &field));
    let code = {
        let field = format!("questions.{}", q.key);
        Signal::derive(move || {
            error
                .get()
                .and_then(|e| e.field_code(&field).map(str::to_owned))
        })
    };
    let js = hydrated();
    let choices = q.choices;
    let choice_prefix = p.clone();
    let add = move |_| choices.update(|c| c.push(blank_choice(c)));
    let (prompt_id, multiple_id, remove_id) = (
        format!("{id}-prompt"),
        format!("{id}-multiple"),
        format!("{id}-remove"),
    );
    let described = {
        let err_id = err_id.clone();
        move || message.get().is_some().then(|| err_id.clone())
    };
    let (prompt_name, multiple_name, remove_name) = (
        format!("{p}prompt]"),
        format!("{p}multiple]"),
        format!("{p}remove]"),
    );
    let prompt = typed(&prompt_name, q.prompt.clone());
    let (multiple, remove) = (
        ticked(&multiple_name, q.multiple),
        ticked(&remove_name, false),
    );
    view! {
        <div class="card cur-question-editor" class:field-invalid=move || message.get().is_some() data-testid="quiz-question-editor" data-key=q.key.clone()>
            <input type="hidden" name=format!("{p}key]") value=q.key.clone()/>
            <div class="field">
                <label for=prompt_id.clone()>{i18n.t("authoring-question-prompt")}</label>
                <input id=prompt_id name=prompt_name value=prompt aria-invalid=move || message.get().is_some().then_some("true") aria-describedby=described data-testid="question-prompt"/>
            </div>
            <div class="check">
                <input type="checkbox" id=multiple_id.clone() name=multiple_name value="on" checked=multiple data-testid="question-multiple"/>
                <label for=multiple_id>{i18n.t("authoring-question-multiple")}</label>
            </div>
            <ol class="cur-choice-editor">
                <For each=move || choices.get() key=|c| c.slot let:c>
                    <ChoiceEditor c prefix=choice_prefix.clone() row_id=id.clone()/>
                </For>
            </ol>
            {move || js.get().then(|| view! {
                <button type="button" class="button button-small" data-testid="add-choice" on:click=add>{i18n.t("authoring-add-choice")}</button>
            })}
            <div class="check">
                <input type="checkbox" id=remove_id.clone() name=remove_name value="on" checked=remove data-testid="question-remove"/>
                <label for=remove_id>{i18n.t("authoring-question-remove")}</label>
            </div>
            {move || message.get().map(|m| view! { <p class="field-error" id=err_id.clone() data-testid="error-question" data-code=code.get()>{m}</p> })}
        </div>
    }
}

#[component]
fn ChoiceEditor(c: ChoiceRow, prefix: String, row_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let p = format!("{prefix}c{}_", c.slot);
    let text_id = format!("{row_id}-c{}", c.slot);
    let correct_id = format!("{text_id}-correct");
    let (text_name, correct_name) = (format!("{p}text]"), format!("{p}correct]"));
    let text = typed(&text_name, c.text.clone());
    let correct = ticked(&correct_name, c.correct);
    view! {
        <li class="cur-choice-row">
            <input type="hidden" name=format!("{p}key]") value=c.key.clone()/>
            <label for=text_id.clone() class="visually-hidden">{i18n.t_with("authoring-choice-n", &[("key", c.key.as_str().into())])}</label>
            <input id=text_id name=text_name value=text data-testid="choice-text"/>
            <span class="check">
                <input type="checkbox" id=correct_id.clone() name=correct_name value="on" checked=correct data-testid="choice-correct"/>
                <label for=correct_id>{i18n.t("authoring-choice-correct")}</label>
            </span>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spare_keys_skip_the_ones_taken() {
        let taken = vec!["q1".to_owned(), "q3".to_owned(), "a".to_owned()];
        assert_eq!(spare_key(&taken, "q"), "q2");
        assert_eq!(spare_key(&taken, ""), "b");
        let letters: Vec<String> = (b'a'..=b'z').map(|c| (c as char).to_string()).collect();
        assert_eq!(spare_key(&letters, ""), "c1");
    }
}
