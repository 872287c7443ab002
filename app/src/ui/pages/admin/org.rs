//! `/admin`: nations, bases and units, each with a form to add one.

use leptos::prelude::*;

use super::AdminTabs;
use crate::{
    api::admin::{CreateBase, CreateNation, CreateUnit, OrgAdminView, admin_org},
    i18n::Locale,
    ui::{
        components::form::{FormAlert, SelectField, TextField, last_error},
        use_i18n,
    },
};

#[component]
pub fn AdminOrgPage() -> impl IntoView {
    let i18n = use_i18n();
    let nation = ServerAction::<CreateNation>::new();
    let base = ServerAction::<CreateBase>::new();
    let unit = ServerAction::<CreateUnit>::new();
    let org = Resource::new(
        move || {
            (
                nation.version().get(),
                base.version().get(),
                unit.version().get(),
            )
        },
        |_| admin_org(),
    );
    view! {
        <section class="page">
            <h1>{i18n.t("admin-title")}</h1>
            <AdminTabs/>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    org.await.map(|org| view! { <OrgAdmin org nation base unit/> })
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn OrgAdmin(
    org: OrgAdminView,
    nation: ServerAction<CreateNation>,
    base: ServerAction<CreateBase>,
    unit: ServerAction<CreateUnit>,
) -> impl IntoView {
    let i18n = use_i18n();
    let nation_err = last_error(nation.value());
    let base_err = last_error(base.value());
    let unit_err = last_error(unit.value());
    let nation_options: Vec<(String, String)> =
        std::iter::once((String::new(), i18n.t("common-choose")))
            .chain(org.nations.iter().map(|n| {
                (
                    n.id.to_string(),
                    format!(
                        "{} — {}",
                        n.code,
                        i18n.t_or(&format!("nation-{}", n.code.to_lowercase()), &n.name)
                    ),
                )
            }))
            .collect();
    let locale_options: Vec<(String, String)> = Locale::ALL
        .iter()
        .map(|l| (l.code().to_owned(), l.endonym().to_owned()))
        .collect();
    let unit_options: Vec<(String, String)> =
        std::iter::once((String::new(), i18n.t("admin-unit-no-parent")))
            .chain(org.units.iter().map(|u| {
                (
                    u.id.to_string(),
                    format!(
                        "{} {}{}",
                        u.nation_code,
                        "· ".repeat(u.depth as usize),
                        u.name
                    ),
                )
            }))
            .collect();
    let base_options: Vec<(String, String)> =
        std::iter::once((String::new(), i18n.t("admin-unit-no-base")))
            .chain(
                org.bases
                    .iter()
                    .map(|b| (b.id.to_string(), format!("{} {}", b.nation_code, b.name))),
            )
            .collect();
    let nation_options_unit = nation_options.clone();
    let ok = move |done: bool| {
        done.then(|| view! { <p class="alert alert-ok" role="status" data-testid="saved">{i18n.t("common-saved")}</p> })
    };
    view! {
        <div class="admin-grid">
            <section class="card" aria-labelledby="h-nations">
                <h2 id="h-nations">{i18n.t("admin-nations")}</h2>
                <ul class="plain-list" data-testid="nation-list">
                    {org.nations.iter().map(|n| view! { <li><span class="badge">{n.code.clone()}</span>" "{n.name.clone()}</li> }).collect_view()}
                </ul>
                <h3>{i18n.t("admin-nation-add")}</h3>
                <ActionForm action=nation attr:novalidate=true attr:class="form" attr:data-testid="nation-form">
                    <FormAlert error=nation_err/>
                    {move || ok(matches!(nation.value().get(), Some(Ok(_))))}
                    <TextField name="form[code]" field="code" label=i18n.t("admin-nation-code") error=nation_err required=true/>
                    <TextField name="form[name]" field="name" label=i18n.t("admin-name") error=nation_err required=true/>
                    <SelectField name="form[default_locale]" field="default_locale" label=i18n.t("admin-default-locale") error=nation_err options=locale_options/>
                    <button type="submit" class="button">{i18n.t("common-add")}</button>
                </ActionForm>
            </section>
            <section class="card" aria-labelledby="h-bases">
                <h2 id="h-bases">{i18n.t("admin-bases")}</h2>
                <p class="muted">{i18n.t_with("admin-count", &[("count", org.bases.len().into())])}</p>
                <h3>{i18n.t("admin-base-add")}</h3>
                <ActionForm action=base attr:novalidate=true attr:class="form" attr:data-testid="base-form">
                    <FormAlert error=base_err/>
                    {move || ok(matches!(base.value().get(), Some(Ok(_))))}
                    <SelectField name="form[nation_id]" field="nation_id" label=i18n.t("admin-nation") error=base_err options=nation_options/>
                    <TextField name="form[name]" field="name" label=i18n.t("admin-name") error=base_err required=true/>
                    <TextField name="form[time_zone]" field="time_zone" label=i18n.t("admin-time-zone") error=base_err required=true hint=i18n.t("admin-time-zone-hint")/>
                    <TextField name="form[capacity]" field="capacity" kind="number" label=i18n.t("admin-capacity") error=base_err required=true/>
                    <button type="submit" class="button">{i18n.t("common-add")}</button>
                </ActionForm>
            </section>
            <section class="card" aria-labelledby="h-units">
                <h2 id="h-units">{i18n.t("admin-units")}</h2>
                <ul class="plain-list unit-list" data-testid="unit-list">
                    {org.units.iter().map(|u| {
                        let indent = format!("depth-{}", u.depth.min(4));
                        view! { <li class=indent data-testid="unit-row"><span class="badge">{u.nation_code.clone()}</span>" "{u.name.clone()}</li> }
                    }).collect_view()}
                </ul>
                <h3>{i18n.t("admin-unit-add")}</h3>
                <ActionForm action=unit attr:novalidate=true attr:class="form" attr:data-testid="unit-form">
                    <FormAlert error=unit_err/>
                    {move || ok(matches!(unit.value().get(), Some(Ok(_))))}
                    <SelectField name="form[nation_id]" field="nation_id" label=i18n.t("admin-nation") error=unit_err options=nation_options_unit/>
                    <SelectField name="form[parent_id]" field="parent_id" label=i18n.t("admin-unit-parent") error=unit_err options=unit_options/>
                    <SelectField name="form[home_base_id]" field="home_base_id" label=i18n.t("admin-unit-home-base") error=unit_err options=base_options/>
                    <TextField name="form[name]" field="name" label=i18n.t("admin-name") error=unit_err required=true/>
                    <button type="submit" class="button" data-testid="unit-submit">{i18n.t("common-add")}</button>
                </ActionForm>
            </section>
        </div>
    }
}
