//! The frame around every page: skip link, header with navigation and language switcher, the
//! page inside an error boundary, and a footer.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{error_view::ErrorList, lang_switcher::LangSwitcher, user_menu::UserMenu};
use crate::ui::use_i18n;
use crate::{
    domain::policy::Role,
    ui::{has_role, use_session},
};

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    // Set once the wasm bundle has taken over the page: CSS reveals client-only controls, and
    // browser tests wait for it before they click.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));

    view! {
        <div class="app" data-hydrated=move || if hydrated.get() { "true" } else { "false" }>
            <a class="skip-link" href="#main">{i18n.t("nav-skip-to-content")}</a>
            <header class="site-header">
                <A href="/" attr:class="brand" attr:data-testid="brand">
                    <span class="brand-mark" aria-hidden="true">"M"</span>
                    <span class="brand-name">{i18n.t("app-name")}</span>
                </A>
                <nav class="site-nav" aria-label=i18n.t("nav-label")>
                    <ul>
                        <li><A href="/" attr:data-testid="nav-home">{i18n.t("nav-home")}</A></li>
                        <li><A href="/training" attr:data-testid="nav-training">{i18n.t("curriculum-nav")}</A></li>
                        <li><A href="/mentoring" attr:data-testid="nav-mentoring">{i18n.t("nav-mentoring")}</A></li>
                        <li><A href="/exercises" attr:data-testid="nav-exercises">{i18n.t("nav-exercises")}</A></li>
                        <RoleLink href="/readiness" label="nav-readiness" testid="nav-readiness" roles=&[Role::Commander, Role::TrainingOfficer]/>
                        <RoleLink href="/admin" label="nav-admin" testid="nav-admin" roles=&[Role::Admin]/>
                    </ul>
                </nav>
                <LangSwitcher/>
                <UserMenu/>
            </header>
            <main id="main" class="site-main" tabindex="-1">
                <ErrorBoundary fallback=|errors| view! { <ErrorList errors/> }>
                    {children()}
                </ErrorBoundary>
            </main>
            <footer class="site-footer">
                <p>{i18n.t("footer-tagline")}</p>
            </footer>
        </div>
    }
}

/// A navigation link shown to holders of any of `roles` (the pages themselves check access).
#[component]
pub fn RoleLink(
    href: &'static str,
    /// Fluent key of the label.
    label: &'static str,
    testid: &'static str,
    roles: &'static [Role],
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let me = match session {
                    Some(s) => s.0.await.ok().flatten(),
                    None => None,
                };
                me.filter(|m| roles.iter().any(|r| has_role(m, *r))).map(|_| {
                    view! { <li><A href=href attr:data-testid=testid>{i18n.t(label)}</A></li> }
                })
            })}
        </Suspense>
    }
}
