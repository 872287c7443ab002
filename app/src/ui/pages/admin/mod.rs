//! Administration pages (the services decide who may use them).

pub mod audit;
pub mod org;
pub mod user_edit;
pub mod users;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::use_i18n;

/// The tabs across the administration pages.
#[component]
pub fn AdminTabs() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="tabs" aria-label=i18n.t("admin-title")>
            <A href="/admin" exact=true attr:data-testid="tab-org">{i18n.t("admin-org")}</A>
            <A href="/admin/users" attr:data-testid="tab-users">{i18n.t("admin-users")}</A>
            <A href="/admin/audit" attr:data-testid="tab-audit">{i18n.t("admin-audit")}</A>
            <A href="/admin/readiness" attr:data-testid="tab-readiness">{i18n.t("readiness-settings-tab")}</A>
        </nav>
    }
}
