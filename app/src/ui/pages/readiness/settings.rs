//! `/admin/readiness`: the readiness model's weights, level thresholds and exercise window
//! (alliance administrators change them; everyone may read them, they explain the scores).

use leptos::prelude::*;

use crate::{
    api::readiness::{ReadinessSettings, UpdateReadinessSettings, get_readiness_settings},
    domain::readiness::format_score,
    ui::{
        components::form::{FormAlert, TextField, keep_typed_values, last_error},
        pages::admin::AdminTabs,
        use_i18n,
    },
};

#[component]
pub fn ReadinessSettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let update = ServerAction::<UpdateReadinessSettings>::new();
    keep_typed_values::<UpdateReadinessSettings>();
    let data = Resource::new(move || update.version().get(), |_| get_readiness_settings());
    view! {
        <section class="page">
            <h1>{i18n.t("admin-title")}</h1>
            <AdminTabs/>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move { data.await.map(|s| view! { <SettingsForm s update/> }) })}
            </Suspense>
        </section>
    }
}

#[component]
fn SettingsForm(
    s: ReadinessSettings,
    update: ServerAction<UpdateReadinessSettings>,
) -> impl IntoView {
    let i18n = use_i18n();
    let err = last_error(update.value());
    let saved = move || {
        matches!(update.value().get(), Some(Ok(_)))
            .then(|| view! { <p class="alert alert-ok" role="status" data-testid="saved">{i18n.t("common-saved")}</p> })
    };
    view! {
        <h2>{i18n.t("readiness-settings-title")}</h2>
        <p class="lead">{i18n.t("readiness-settings-lead")}</p>
        <ActionForm action=update attr:novalidate=true attr:class="form" attr:data-testid="readiness-settings-form">
            <FormAlert error=err/>
            {saved}
            <TextField name="form[weight_training]" field="weight_training" kind="number" label=i18n.t("readiness-weight-training") error=err value=format_score(s.weight_training) required=true/>
            <TextField name="form[weight_exercise]" field="weight_exercise" kind="number" label=i18n.t("readiness-weight-exercise") error=err value=format_score(s.weight_exercise) required=true/>
            <TextField name="form[weight_mentorship]" field="weight_mentorship" kind="number" label=i18n.t("readiness-weight-mentorship") error=err value=format_score(s.weight_mentorship) required=true hint=i18n.t("readiness-weights-hint")/>
            <TextField name="form[r1]" field="r1" kind="number" label=i18n.t("readiness-threshold-r1") error=err value=format_score(s.r1) required=true/>
            <TextField name="form[r2]" field="r2" kind="number" label=i18n.t("readiness-threshold-r2") error=err value=format_score(s.r2) required=true/>
            <TextField name="form[r3]" field="r3" kind="number" label=i18n.t("readiness-threshold-r3") error=err value=format_score(s.r3) required=true/>
            <TextField name="form[window_months]" field="window_months" kind="number" label=i18n.t("readiness-window-months") error=err value=s.window_months.to_string() required=true/>
            <button type="submit" class="button" data-testid="readiness-settings-submit">{i18n.t("common-save")}</button>
        </ActionForm>
    }
}
