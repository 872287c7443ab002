//! The route table and the application frame.

use leptos::prelude::*;
use leptos_meta::{Stylesheet, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

use super::{
    components::layout::Layout,
    initial_locale,
    pages::{home::HomePage, not_found::NotFoundPage},
};
use crate::i18n::I18n;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = I18n::new(initial_locale());
    provide_context(i18n);

    view! {
        <Stylesheet id="leptos" href="/pkg/muster.css"/>
        <Title text=i18n.t("app-title")/>
        <Router>
            <Layout>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}
