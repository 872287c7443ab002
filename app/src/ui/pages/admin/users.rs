//! `/admin/users`: the people an administrator manages, a search, and the form to add one.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

use super::AdminTabs;
use crate::{
    api::admin::{CreateUser, OrgAdminView, UserRow, admin_org, list_users},
    domain::{policy::Role, rank::RankGrade},
    i18n::Locale,
    ui::{
        components::form::{
            CheckField, FormAlert, LastError, SelectField, TextField, keep_typed_values, last_error,
        },
        use_i18n,
    },
};

#[component]
pub fn AdminUsersPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let q = move || query.with(|q| q.get("q")).unwrap_or_default();
    let create = ServerAction::<CreateUser>::new();
    keep_typed_values::<CreateUser>();
    let users = Resource::new(
        move || (q(), create.version().get()),
        |(q, _)| list_users(Some(q)),
    );
    let org = Resource::new(|| (), |_| admin_org());
    let error = last_error(create.value());
    view! {
        <section class="page">
            <h1>{i18n.t("admin-title")}</h1>
            <AdminTabs/>
            <form method="get" class="form form-inline search" role="search">
                <label for="user-search">{i18n.t("admin-user-search")}</label>
                <input id="user-search" type="search" name="q" value=q() data-testid="user-search"/>
                <button type="submit" class="button button-small">{i18n.t("common-search")}</button>
            </form>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move { users.await.map(|list| view! { <UserTable list/> }) })}
            </Suspense>
            <h2>{i18n.t("admin-user-add")}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    org.await.map(|org| view! {
                        <ActionForm action=create attr:novalidate=true attr:class="card form" attr:data-testid="user-form">
                            <FormAlert error/>
                            {move || create.value().get().and_then(|r| r.ok()).map(|u| view! {
                                <p class="alert alert-ok" role="status" data-testid="saved">
                                    {i18n.t("common-saved")}" "<A href=format!("/admin/users/{}", u.id)>{u.username}</A>
                                </p>
                            })}
                            <TextField name="form[username]" field="username" label=i18n.t("auth-username") error required=true/>
                            <UserFields org user=None error/>
                            <TextField name="form[password]" field="password" kind="password" label=i18n.t("admin-user-initial-password") error required=true autocomplete="new-password" hint=i18n.t("account-password-rule")/>
                            <button type="submit" class="button" data-testid="user-submit">{i18n.t("common-add")}</button>
                        </ActionForm>
                    })
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn UserTable(list: Vec<UserRow>) -> impl IntoView {
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <p class="empty">{i18n.t("admin-users-none")}</p> }.into_any();
    }
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=i18n.t("admin-users")>
            <table class="table" data-testid="user-table">
                <thead><tr>
                    <th scope="col">{i18n.t("auth-username")}</th>
                    <th scope="col">{i18n.t("account-name")}</th>
                    <th scope="col">{i18n.t("admin-nation")}</th>
                    <th scope="col">{i18n.t("admin-unit")}</th>
                    <th scope="col">{i18n.t("account-roles")}</th>
                    <th scope="col">{i18n.t("admin-user-state")}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|u| {
                        let roles = u.roles.iter().map(|g| i18n.t(&format!("role-{}", g.role.as_str().replace('_', "-")))).collect::<Vec<_>>().join(", ");
                        let state = if u.disabled { i18n.t("admin-user-disabled") } else if u.locked { i18n.t("admin-user-locked") } else { i18n.t("admin-user-active") };
                        view! {
                            <tr data-testid="user-row">
                                <td><A href=format!("/admin/users/{}", u.id)>{u.username}</A></td>
                                <td>{u.display_name}</td>
                                <td>{u.nation_code.unwrap_or_else(|| i18n.t("admin-alliance"))}</td>
                                <td>{u.unit_name.unwrap_or_default()}</td>
                                <td>{roles}</td>
                                <td>{state}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The profile, scope and role fields shared by the create and edit forms.
#[component]
pub fn UserFields(org: OrgAdminView, user: Option<UserRow>, error: LastError) -> impl IntoView {
    let i18n = use_i18n();
    let u = user.clone().unwrap_or(UserRow {
        id: uuid::Uuid::nil(),
        username: String::new(),
        display_name: String::new(),
        email: String::new(),
        nation_id: None,
        nation_code: None,
        unit_id: None,
        unit_name: None,
        rank: "OR-4".into(),
        preferred_locale: i18n.locale.code().into(),
        fallback_locales: vec!["en".into()],
        roles: vec![],
        disabled: false,
        must_change_password: false,
        locked: false,
    });
    let alliance_option = org
        .alliance
        .then(|| (String::new(), i18n.t("admin-alliance")));
    let default_nation = if org.alliance {
        None
    } else {
        org.nations.first().map(|n| n.id)
    };
    let nation_options: Vec<(String, String)> = alliance_option
        .into_iter()
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
    let unit_options: Vec<(String, String)> =
        std::iter::once((String::new(), i18n.t("admin-user-no-unit")))
            .chain(org.units.iter().map(|x| {
                (
                    x.id.to_string(),
                    format!(
                        "{} {}{}",
                        x.nation_code,
                        "· ".repeat(x.depth as usize),
                        x.name
                    ),
                )
            }))
            .collect();
    let rank_options: Vec<(String, String)> = RankGrade::all()
        .map(|r| (r.to_string(), r.to_string()))
        .collect();
    let locale_options: Vec<(String, String)> = Locale::ALL
        .iter()
        .map(|l| (l.code().to_owned(), l.endonym().to_owned()))
        .collect();
    let has = |role: Role| u.roles.iter().any(|g| g.role == role);
    let alliance = u.roles.iter().any(|g| g.alliance);
    view! {
        <TextField name="form[display_name]" field="display_name" label=i18n.t("account-name") error value=u.display_name.clone() required=true/>
        <TextField name="form[email]" field="email" kind="email" label=i18n.t("admin-email") error value=u.email.clone() required=true/>
        <SelectField name="form[nation_id]" field="nation_id" label=i18n.t("admin-nation") error options=nation_options selected=u.nation_id.or(default_nation).map(|n| n.to_string()).unwrap_or_default()/>
        <SelectField name="form[unit_id]" field="unit_id" label=i18n.t("admin-unit") error options=unit_options selected=u.unit_id.map(|n| n.to_string()).unwrap_or_default()/>
        <SelectField name="form[rank]" field="rank" label=i18n.t("admin-rank") error options=rank_options selected=u.rank.clone()/>
        <SelectField name="form[preferred_locale]" field="preferred_locale" label=i18n.t("admin-preferred-locale") error options=locale_options selected=u.preferred_locale.clone()/>
        <TextField name="form[fallback_locales]" field="fallback_locales" label=i18n.t("admin-fallback-locales") error value=u.fallback_locales.join(", ") hint=i18n.t("admin-fallback-hint")/>
        <fieldset class="checks">
            <legend>{i18n.t("account-roles")}</legend>
            <CheckField name="form[trainee]" label=i18n.t("role-trainee") checked=has(Role::Trainee) testid="role-trainee"/>
            <CheckField name="form[mentor]" label=i18n.t("role-mentor") checked=has(Role::Mentor) testid="role-mentor"/>
            <CheckField name="form[training_officer]" label=i18n.t("role-training-officer") checked=has(Role::TrainingOfficer) testid="role-training-officer"/>
            <CheckField name="form[commander]" label=i18n.t("role-commander") checked=has(Role::Commander) testid="role-commander"/>
            <CheckField name="form[admin]" label=i18n.t("role-admin") checked=has(Role::Admin) testid="role-admin"/>
            <CheckField name="form[alliance]" label=i18n.t("admin-alliance-scope") checked=alliance testid="role-alliance"/>
        </fieldset>
        {user.map(|u| view! {
            <CheckField name="form[disabled]" label=i18n.t("admin-user-disable") checked=u.disabled testid="user-disabled"/>
        })}
    }
}
