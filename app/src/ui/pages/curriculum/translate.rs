//! `/training/translate/:id?locale=pl`: the translation editor — each field's source text beside
//! the target locale's translation and its status (draft, current, outdated).

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use uuid::Uuid;

use crate::{
    api::curriculum::{SaveTranslations, TranslationSheet, load_translation_sheet},
    domain::curriculum::TranslationStatus,
    error::AppError,
    i18n::Locale,
    ui::{
        components::form::{FormAlert, last_error, textarea_text},
        use_i18n,
    },
};

#[component]
pub fn TranslatePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let id = move || {
        params
            .with(|p| p.get("id"))
            .and_then(|s| Uuid::parse_str(&s).ok())
    };
    let locale = move || {
        query
            .with(|q| q.get("locale"))
            .unwrap_or_else(|| "pl".into())
    };
    let save = ServerAction::<SaveTranslations>::new();
    let data = Resource::new(
        move || (id(), locale(), save.version().get()),
        |(id, locale, _)| async move {
            load_translation_sheet(id.ok_or(AppError::NotFound)?, locale).await
        },
    );
    let error = last_error(save.value());
    view! {
        <section class="page cur-page">
            <h1>{i18n.t("curriculum-translate-title")}</h1>
            <form method="get" class="form form-inline">
                <label for="translate-locale">{i18n.t("curriculum-col-language")}</label>
                <select id="translate-locale" name="locale" data-testid="translate-locale">
                    {Locale::ALL.iter().map(|l| view! { <option value=l.code() selected=l.code() == locale()>{l.endonym()}</option> }).collect_view()}
                </select>
                <button type="submit" class="button button-small">{i18n.t("curriculum-show")}</button>
            </form>
            <FormAlert error/>
            {move || save.value().get().and_then(|r| r.ok()).map(|_| view! { <p class="alert alert-ok" role="status" data-testid="saved">{i18n.t("common-saved")}</p> })}
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move { data.await.map(|s| view! { <Sheet s save/> }) })}
            </Suspense>
        </section>
    }
}

#[component]
fn Sheet(s: TranslationSheet, save: ServerAction<SaveTranslations>) -> impl IntoView {
    let i18n = use_i18n();
    let statuses = [
        (TranslationStatus::Draft, "draft", "curriculum-status-draft"),
        (
            TranslationStatus::Current,
            "current",
            "curriculum-status-current",
        ),
        (
            TranslationStatus::Outdated,
            "outdated",
            "curriculum-status-outdated",
        ),
    ];
    view! {
        <p class="muted">{s.module_code.clone()}" · "{i18n.t_with("curriculum-version", &[("version", (s.content_version as i64).into())])}</p>
        <ActionForm action=save attr:class="cur-translate" attr:data-testid="translate-form">
            <input type="hidden" name="form[module_id]" value=s.module_id.to_string()/>
            <input type="hidden" name="form[locale]" value=s.locale.clone()/>
            {s.fields.into_iter().enumerate().map(|(i, f)| {
                let text_id = format!("t-{i}");
                let status_id = format!("s-{i}");
                let current = f.status.unwrap_or(TranslationStatus::Draft);
                let badge = match f.status {
                    None => i18n.t("curriculum-status-missing"),
                    Some(TranslationStatus::Draft) => i18n.t("curriculum-status-draft"),
                    Some(TranslationStatus::Current) => i18n.t("curriculum-status-current"),
                    Some(TranslationStatus::Outdated) => i18n.t("curriculum-status-outdated"),
                };
                view! {
                    <div class="card cur-translate-row" data-testid="translate-field" data-field=f.field.clone()>
                        <h2 class="cur-translate-field">{f.field.clone()}" "<span class="badge" class:badge-bad=f.status != Some(TranslationStatus::Current)>{badge}</span></h2>
                        <div class="cur-translate-cols">
                            <div lang=s.source_locale.clone()>
                                <p class="muted">{i18n.t("curriculum-source-text")}</p>
                                <pre class="cur-source">{f.source.clone()}</pre>
                            </div>
                            <div>
                                <label for=text_id.clone()>{i18n.t("curriculum-translation")}</label>
                                <textarea id=text_id name=format!("form[text][{}]", f.field) rows="4" lang=s.locale.clone()>{textarea_text(f.text.clone().unwrap_or_default())}</textarea>
                                <label for=status_id.clone()>{i18n.t("curriculum-status")}</label>
                                <select id=status_id name=format!("form[status][{}]", f.field)>
                                    {statuses.iter().map(|(st, value, key)| view! { <option value=*value selected=*st == current>{i18n.t(key)}</option> }).collect_view()}
                                </select>
                            </div>
                        </div>
                    </div>
                }
            }).collect_view()}
            <button type="submit" class="button" data-testid="translate-submit">{i18n.t("curriculum-save-translations")}</button>
        </ActionForm>
    }
}
