//! The header's right side: who is signed in (with a sign-out button) or a sign-in link.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{
    api::auth::{Logout, Me},
    ui::{reload_to, use_i18n, use_session},
};

#[component]
pub fn UserMenu() -> impl IntoView {
    let i18n = use_i18n();
    let Some(session) = use_session() else {
        return ().into_any();
    };
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match session.0.await {
                    Ok(Some(me)) => view! { <SignedIn me/> }.into_any(),
                    _ => view! {
                        <A href="/login" attr:class="button button-small" attr:data-testid="sign-in-link">{i18n.t("auth-sign-in")}</A>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn SignedIn(me: Me) -> impl IntoView {
    let i18n = use_i18n();
    let logout = ServerAction::<Logout>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = logout.value().get() {
            reload_to("/");
        }
    });
    let roles = me
        .roles
        .iter()
        .map(|g| i18n.t(&format!("role-{}", g.role.as_str().replace('_', "-"))))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <div class="user-menu">
            <A href="/account" attr:class="user-name" attr:data-testid="user-name">{me.display_name}</A>
            <span class="user-roles" data-testid="user-roles">{roles}</span>
            <ActionForm action=logout attr:novalidate=true attr:class="inline-form">
                <button type="submit" class="button button-small button-ghost" data-testid="sign-out">
                    {i18n.t("auth-sign-out")}
                </button>
            </ActionForm>
        </div>
    }
}
