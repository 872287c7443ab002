//! The signed-in person's own page: who they are, their password, and their API tokens.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{
    api::auth::{
        ChangePassword, CreateToken, Me, RevokeToken, TokenView, current_user, list_tokens,
    },
    error::AppError,
    i18n::Locale,
    ui::{
        components::form::{FormAlert, TextField, last_error},
        reload_to, use_i18n,
    },
};

#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let me = Resource::new(|| (), |_| current_user());
    view! {
        <section class="page">
            <h1>{i18n.t("account-title")}</h1>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(Some(me)) if me.must_change_password => {
                            Ok(view! { <PasswordForm forced=true/> }.into_any())
                        }
                        Ok(Some(me)) => Ok(view! { <Account me/> }.into_any()),
                        Ok(None) => Err(AppError::Unauthenticated),
                        Err(e) => Err(e),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Account(me: Me) -> impl IntoView {
    let i18n = use_i18n();
    let roles = me
        .roles
        .iter()
        .map(|g| {
            let name = i18n.t(&format!("role-{}", g.role.as_str().replace('_', "-")));
            if g.alliance {
                format!("{name} ({})", i18n.t("role-alliance-scope"))
            } else {
                name
            }
        })
        .collect::<Vec<_>>();
    let language = Locale::parse(&me.preferred_locale)
        .unwrap_or_default()
        .endonym();
    view! {
        <div class="card">
            <dl class="facts">
                <dt>{i18n.t("account-name")}</dt><dd data-testid="account-name">{me.display_name.clone()}</dd>
                <dt>{i18n.t("auth-username")}</dt><dd>{me.username.clone()}</dd>
                <dt>{i18n.t("account-roles")}</dt>
                <dd data-testid="account-roles">
                    {if roles.is_empty() { i18n.t("account-no-roles") } else { roles.join(", ") }}
                </dd>
                <dt>{i18n.t("account-language")}</dt><dd>{language}</dd>
            </dl>
        </div>
        <h2>{i18n.t("account-password-title")}</h2>
        <PasswordForm forced=false/>
        <h2>{i18n.t("account-tokens-title")}</h2>
        <Tokens/>
    }
}

/// The password change form; `forced` after an administrator's reset.
#[component]
pub fn PasswordForm(forced: bool) -> impl IntoView {
    let i18n = use_i18n();
    let change = ServerAction::<ChangePassword>::new();
    let error = last_error(change.value());
    Effect::new(move |_| {
        if let Some(Ok(())) = change.value().get() {
            reload_to("/account?changed=1");
        }
    });
    view! {
        {forced.then(|| view! { <div class="alert alert-warning" role="status" data-testid="password-forced">{i18n.t("account-password-forced")}</div> })}
        <ActionForm action=change attr:novalidate=true attr:class="card form" attr:data-testid="password-form">
            <FormAlert error/>
            <TextField name="current" field="current" kind="password" label=i18n.t("account-password-current") error required=true autocomplete="current-password"/>
            <TextField name="new" field="new" kind="password" label=i18n.t("account-password-new") error required=true autocomplete="new-password" hint=i18n.t("account-password-rule")/>
            <TextField name="confirm" field="confirm" kind="password" label=i18n.t("account-password-confirm") error required=true autocomplete="new-password"/>
            <button type="submit" class="button" data-testid="password-submit">{i18n.t("account-password-submit")}</button>
        </ActionForm>
    }
}

/// `/account/password`: where a forced change sends people.
#[component]
pub fn PasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page narrow">
            <h1>{i18n.t("account-password-title")}</h1>
            <PasswordForm forced=true/>
            <p><A href="/account">{i18n.t("account-title")}</A></p>
        </section>
    }
}

#[component]
fn Tokens() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateToken>::new();
    let revoke = ServerAction::<RevokeToken>::new();
    let tokens = Resource::new(
        move || (create.version().get(), revoke.version().get()),
        |_| list_tokens(),
    );
    let error = last_error(create.value());
    view! {
        <div class="card">
            <p>{i18n.t("account-tokens-lead")}</p>
            {move || {
                create.value().get().and_then(|r| r.ok()).map(|t| {
                    view! {
                        <div class="alert alert-ok" role="status">
                            <p>{i18n.t("account-token-created")}</p>
                            <code class="secret" data-testid="new-token">{t.token}</code>
                        </div>
                    }
                })
            }}
            <ActionForm action=create attr:novalidate=true attr:class="form form-inline">
                <FormAlert error/>
                <TextField name="name" field="name" label=i18n.t("account-token-name") error required=true/>
                <button type="submit" class="button" data-testid="token-create">{i18n.t("account-token-create")}</button>
            </ActionForm>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    tokens.await.map(|list| view! { <TokenTable list revoke/> })
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn TokenTable(list: Vec<TokenView>, revoke: ServerAction<RevokeToken>) -> impl IntoView {
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <p class="empty">{i18n.t("account-tokens-none")}</p> }.into_any();
    }
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=i18n.t("account-tokens-title")>
            <table class="table">
                <thead><tr>
                    <th scope="col">{i18n.t("account-token-name")}</th>
                    <th scope="col">{i18n.t("account-token-created-at")}</th>
                    <th scope="col">{i18n.t("account-token-last-used")}</th>
                    <th scope="col"><span class="visually-hidden">{i18n.t("common-actions")}</span></th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|t| view! {
                        <tr>
                            <td>{t.name}</td>
                            <td>{i18n.date_time(t.created_at)}</td>
                            <td>{t.last_used_at.map(|d| i18n.date_time(d)).unwrap_or_else(|| "—".into())}</td>
                            <td>
                                {if t.revoked {
                                    view! { <span class="badge">{i18n.t("account-token-revoked")}</span> }.into_any()
                                } else {
                                    view! {
                                        <ActionForm action=revoke attr:novalidate=true attr:class="inline-form">
                                            <input type="hidden" name="id" value=t.id.to_string()/>
                                            <button type="submit" class="button button-small button-ghost">{i18n.t("account-token-revoke")}</button>
                                        </ActionForm>
                                    }.into_any()
                                }}
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
