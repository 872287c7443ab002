//! The 404 page; on the server it also sets the status code.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::use_i18n;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    let i18n = use_i18n();
    view! {
        <section class="page not-found" data-testid="not-found">
            <h1>{i18n.t("not-found-title")}</h1>
            <p>{i18n.t("not-found-body")}</p>
            <p><A href="/">{i18n.t("not-found-home")}</A></p>
        </section>
    }
}
