//! `/training/curricula/:id/modules/new` and `/training/modules/:id/edit`: the module editor —
//! code, source-language title and Markdown body, minutes, prerequisites, pass mark, validity
//! and the quiz. It posts to a server function, so it works without JavaScript; after a save
//! the page shows the content version and each locale's translation state, with links to the
//! translation editor.

use leptos::prelude::*;
use leptos_router::{
    components::A,
    hooks::{use_navigate, use_query_map},
};

use super::{endonym, module::param_id, quiz_editor::QuizEditor};
use crate::{
    api::curriculum::{
        LocaleCoverage, SPECIALTIES,
        authoring::{ModuleEditor, SaveModule, load_module_editor},
    },
    error::AppError,
    ui::{
        components::form::{
            FormAlert, LastError, SelectField, TextField, field_message, keep_typed_values,
            last_error, ticked,
        },
        use_i18n,
    },
};

#[component]
pub fn ModuleNewPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = param_id();
    let data = Resource::new(id, |id| async move {
        load_module_editor(Some(id.ok_or(AppError::NotFound)?), None).await
    });
    view! {
        <section class="page cur-page">
            <h1>{i18n.t("authoring-new-module")}</h1>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move { data.await.map(|e| view! { <EditorForm e/> }) })}
            </Suspense>
        </section>
    }
}

#[component]
pub fn ModuleEditPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = param_id();
    let query = use_query_map();
    let saved = move || {
        query
            .with(|q| q.get("saved"))
            .and_then(|s| s.parse::<i64>().ok())
    };
    let data = Resource::new(
        move || (id(), saved()),
        |(id, _)| async move { load_module_editor(None, Some(id.ok_or(AppError::NotFound)?)).await },
    );
    view! {
        <section class="page cur-page">
            <h1>{i18n.t("authoring-edit-module")}</h1>
            {move || saved().map(|v| view! {
                <p class="alert alert-ok" role="status" data-testid="module-saved" data-version=v>
                    {i18n.t_with("authoring-saved-version", &[("version", v.into())])}
                </p>
            })}
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    data.await.map(|e| view! { <Translations e=e.clone()/><EditorForm e/> })
                })}
            </Suspense>
        </section>
    }
}

/// The module's version and its translations per locale, each linked to the translation editor.
#[component]
fn Translations(e: ModuleEditor) -> impl IntoView {
    let i18n = use_i18n();
    let (curriculum_id, version) = (e.curriculum_id, e.content_version);
    let coverage = e.coverage;
    e.module_id.map(move |id| {
    let row = move |c: LocaleCoverage| {
        view! {
            <tr data-testid="module-locale" data-locale=c.locale.clone() data-outdated=c.outdated data-current=c.current>
                <th scope="row" lang=c.locale.clone()>{endonym(&c.locale)}</th>
                <td>{c.current}</td>
                <td class:cur-stale={c.outdated > 0}>{c.outdated}</td>
                <td>{c.missing}</td>
                <td><A href=format!("/training/translate/{id}?locale={}", c.locale) attr:data-testid="translate-locale-link">{i18n.t("curriculum-translate-link")}</A></td>
            </tr>
        }
    };
    view! {
        <p class="muted">
            <A href=format!("/training/curricula/{curriculum_id}")>{i18n.t("curriculum-back")}</A>
            " · "<A href=format!("/training/modules/{id}")>{i18n.t("authoring-view-module")}</A>
            " · "<span data-testid="module-version" data-version=version>{i18n.t_with("curriculum-version", &[("version", (version as i64).into())])}</span>
        </p>
        <div class="table-scroll">
            <table class="table" data-testid="module-translations">
                <caption>{i18n.t("authoring-translations-caption")}</caption>
                <thead><tr>
                    <th scope="col">{i18n.t("curriculum-col-language")}</th>
                    <th scope="col">{i18n.t("curriculum-status-current")}</th>
                    <th scope="col">{i18n.t("curriculum-status-outdated")}</th>
                    <th scope="col">{i18n.t("curriculum-status-missing")}</th>
                    <th scope="col">{i18n.t("common-actions")}</th>
                </tr></thead>
                <tbody>{coverage.into_iter().map(row).collect_view()}</tbody>
            </table>
        </div>
    }
    })
}

/// Ticks for the curriculum's other modules; an unknown one or a cycle is shown below them.
#[component]
fn Prerequisites(e: ModuleEditor, error: LastError) -> impl IntoView {
    let i18n = use_i18n();
    let message = move || field_message(&error, "prerequisites");
    let empty = e.siblings.is_empty();
    view! {
        <fieldset class="checks" class:field-invalid=move || message().is_some() data-testid="field-prerequisites">
            <legend>{i18n.t("authoring-field-prerequisites")}</legend>
            {empty.then(|| view! { <p class="field-hint">{i18n.t("authoring-no-other-modules")}</p> })}
            {e.siblings.into_iter().map(|(code, title)| {
                let id = format!("prereq-{code}");
                let name = format!("form[prerequisites][{code}]");
                let checked = ticked(&name, e.input.prerequisites.contains(&code));
                view! {
                    <div class="check">
                        <input type="checkbox" id=id.clone() name=name value="on" checked=checked data-testid=format!("prereq-{code}")/>
                        <label for=id>{title}" ("{code.clone()}")"</label>
                    </div>
                }
            }).collect_view()}
            {move || message().map(|m| view! { <p class="field-error" data-testid="error-prerequisites">{m}</p> })}
        </fieldset>
    }
}

#[component]
fn EditorForm(e: ModuleEditor) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveModule>::new();
    keep_typed_values::<SaveModule>();
    let error = last_error(save.value());
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(s)) = save.value().get() {
            navigate(
                &format!(
                    "/training/modules/{}/edit?saved={}",
                    s.id, s.content_version
                ),
                Default::default(),
            );
        }
    });
    let input = e.input.clone();
    let specialties: Vec<(String, String)> =
        std::iter::once((String::new(), i18n.t("curriculum-nobody")))
            .chain(
                SPECIALTIES
                    .iter()
                    .map(|s| ((*s).to_owned(), (*s).replace('_', " "))),
            )
            .collect();
    let hint = i18n.t_with(
        "authoring-source-hint",
        &[("lang", endonym(&e.source_locale).into())],
    );
    view! {
        <ActionForm action=save attr:novalidate=true attr:class="card form cur-module-form" attr:data-testid="module-form">
            <FormAlert error/>
            <p class="field-hint" data-testid="source-language">{hint}</p>
            <input type="hidden" name="curriculum_id" value=e.curriculum_id.to_string()/>
            <input type="hidden" name="module_id" value=e.module_id.map(|m| m.to_string()).unwrap_or_default()/>
            <TextField name="form[code]" field="code" label=i18n.t("authoring-field-code") error value=input.code.clone() required=true hint=i18n.t("authoring-code-hint")/>
            <TextField name="form[title]" field="title" label=i18n.t("authoring-field-title") error value=input.title.clone() required=true/>
            <TextField kind="textarea" name="form[body]" field="body" label=i18n.t("authoring-field-body") error value=input.body.clone() rows=10 hint=i18n.t("authoring-body-hint")/>
            <div class="form-grid">
                <TextField name="form[estimated_minutes]" field="estimated_minutes" kind="number" label=i18n.t("authoring-field-minutes") error value=input.estimated_minutes.to_string() required=true/>
                <TextField name="form[pass_mark]" field="pass_mark" kind="number" label=i18n.t("authoring-field-pass-mark") error value=input.pass_mark.to_string() required=true/>
                <TextField name="form[validity_months]" field="validity_months" kind="number" label=i18n.t("authoring-field-validity") error value=input.validity_months.to_string() required=true hint=i18n.t("authoring-validity-hint")/>
            </div>
            <SelectField name="form[specialty]" field="specialty" label=i18n.t("authoring-field-specialty") error options=specialties selected=input.specialty.clone().unwrap_or_default()/>
            <Prerequisites e=e.clone() error/>
            <QuizEditor questions=input.questions.clone() error/>
            <button type="submit" class="button" data-testid="module-save">{i18n.t("common-save")}</button>
        </ActionForm>
    }
}
