//! `/training/curricula/new`: a training officer creates a curriculum — code, source language,
//! title and description in that language, and whether trainees may enrol themselves. Posts as a
//! plain form without JavaScript; the service decides who may.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_navigate};

use crate::{
    api::curriculum::authoring::{CreateCurriculum, list_curricula},
    i18n::Locale,
    ui::{
        components::form::{
            CheckField, FormAlert, SelectField, TextField, keep_typed_values, last_error,
        },
        use_i18n,
    },
};

#[component]
pub fn CurriculumNewPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateCurriculum>::new();
    keep_typed_values::<CreateCurriculum>();
    let error = last_error(create.value());
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(c)) = create.value().get() {
            navigate(&format!("/training/curricula/{}", c.id), Default::default());
        }
    });
    let locales: Vec<(String, String)> = Locale::ALL
        .iter()
        .map(|l| (l.code().to_owned(), l.endonym().to_owned()))
        .collect();
    view! {
        <section class="page cur-page">
            <h1>{i18n.t("authoring-new-curriculum")}</h1>
            <ActionForm action=create attr:novalidate=true attr:class="card form" attr:data-testid="curriculum-form">
                <FormAlert error/>
                <TextField name="form[code]" field="code" label=i18n.t("authoring-field-code") error required=true hint=i18n.t("authoring-code-hint")/>
                <SelectField name="form[source_locale]" field="source_locale" label=i18n.t("authoring-field-source-locale") error options=locales selected=i18n.locale.code()/>
                <TextField name="form[title]" field="title" label=i18n.t("authoring-field-title") error required=true/>
                <TextField kind="textarea" name="form[description]" field="description" label=i18n.t("authoring-field-description") error rows=3/>
                <CheckField name="form[self_enrol]" label=i18n.t("authoring-field-self-enrol") testid="field-self_enrol"/>
                <button type="submit" class="button" data-testid="curriculum-save">{i18n.t("authoring-create")}</button>
            </ActionForm>
        </section>
    }
}

/// The authors' corner of `/training`: every curriculum, and a link to create one.
#[component]
pub fn AuthorPanel() -> impl IntoView {
    let i18n = use_i18n();
    let all = Resource::new(|| (), |_| list_curricula());
    view! {
        <section class="card cur-authoring" data-testid="authoring-panel">
            <h2>{i18n.t("authoring-title")}</h2>
            <p><A href="/training/curricula/new" attr:class="button button-small" attr:data-testid="new-curriculum-link">{i18n.t("authoring-new-curriculum")}</A></p>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    all.await.map(|list| view! {
                        <ul class="cur-author-list">
                            {list.into_iter().map(|c| view! {
                                <li data-testid="authored-curriculum" data-code=c.code.clone()>
                                    <A href=format!("/training/curricula/{}", c.id)>{c.title.text.clone()}</A>
                                    <span class="muted">" · "{c.code.clone()}" · "{i18n.t_with("curriculum-module-count", &[("count", (c.module_count as i64).into())])}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    })
                })}
            </Suspense>
        </section>
    }
}
