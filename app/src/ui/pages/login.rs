//! Signing in. A plain form: without JavaScript the server redirects; with it, the page reloads
//! at the destination so every part shows the signed-in person.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    api::auth::Login,
    ui::{
        components::form::{FormAlert, TextField, last_error},
        reload_to, use_i18n,
    },
};

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let next = move || {
        query
            .with_untracked(|q| q.get("next"))
            .unwrap_or_else(|| "/".into())
    };
    let login = ServerAction::<Login>::new();
    let error = last_error(login.value());
    Effect::new(move |_| {
        if let Some(Ok(me)) = login.value().get() {
            let to = if me.must_change_password {
                "/account/password".to_owned()
            } else {
                next()
            };
            let to = if to.starts_with('/') && !to.starts_with("//") {
                to
            } else {
                "/".into()
            };
            reload_to(&to);
        }
    });
    view! {
        <section class="page narrow">
            <h1>{i18n.t("auth-sign-in-title")}</h1>
            <p class="lead">{i18n.t("auth-sign-in-lead")}</p>
            <ActionForm action=login attr:novalidate=true attr:class="card form" attr:data-testid="login-form">
                <FormAlert error/>
                <input type="hidden" name="next" value=next()/>
                <TextField name="username" field="username" label=i18n.t("auth-username") error required=true autocomplete="username"/>
                <TextField name="password" field="password" kind="password" label=i18n.t("auth-password") error required=true autocomplete="current-password"/>
                <button type="submit" class="button" data-testid="login-submit" disabled=move || login.pending().get()>
                    {i18n.t("auth-sign-in")}
                </button>
            </ActionForm>
        </section>
    }
}
