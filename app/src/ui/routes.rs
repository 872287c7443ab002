//! The route table and the application frame.

use leptos::prelude::*;
use leptos_meta::{Stylesheet, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

use super::{
    SessionCtx,
    components::layout::Layout,
    initial_locale,
    pages::{
        account::{AccountPage, PasswordPage},
        admin::{
            audit::AdminAuditPage, org::AdminOrgPage, user_edit::AdminUserPage,
            users::AdminUsersPage,
        },
        curriculum::{
            dashboard::{RecordPage, TrainingPage},
            module::{CurriculumPage, ModulePage},
            progress::ProgressPage,
            translate::TranslatePage,
        },
        home::HomePage,
        login::LoginPage,
        not_found::NotFoundPage,
    },
};
use crate::{api::auth::current_user, i18n::I18n};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = I18n::new(initial_locale());
    provide_context(i18n);
    provide_context(SessionCtx(Resource::new(|| (), |_| current_user())));

    view! {
        <Stylesheet id="leptos" href="/pkg/muster.css"/>
        <Title text=i18n.t("app-title")/>
        <Router>
            <Layout>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/password") view=PasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin") view=AdminOrgPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/users") view=AdminUsersPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/users/:id") view=AdminUserPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/audit") view=AdminAuditPage ssr=SsrMode::Async/>
                    <Route path=path!("/training") view=TrainingPage ssr=SsrMode::Async/>
                    <Route path=path!("/training/record") view=RecordPage ssr=SsrMode::Async/>
                    <Route path=path!("/training/progress") view=ProgressPage ssr=SsrMode::Async/>
                    <Route path=path!("/training/curricula/:id") view=CurriculumPage ssr=SsrMode::Async/>
                    <Route path=path!("/training/modules/:id") view=ModulePage ssr=SsrMode::Async/>
                    <Route path=path!("/training/translate/:id") view=TranslatePage ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}
