//! Mentoring pages: the signed-in person's mentoring (`/mentoring`), the officer's matching runs
//! (`/mentoring/runs`) and one run's proposals (`/mentoring/runs/:id`). The services decide who
//! may see what; these pages only show it.

pub mod mine;
pub mod profiles;
pub mod run;
pub mod run_parts;
pub mod runs;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::use_i18n;

/// The tabs across the mentoring pages; the runs tab only for those who may run matching.
#[component]
pub fn MentoringTabs(may_run: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="tabs" aria-label=i18n.t("nav-mentoring")>
            <A href="/mentoring" exact=true attr:data-testid="tab-mine">{i18n.t("mentoring-title")}</A>
            {may_run.then(|| view! {
                <A href="/mentoring/runs" attr:data-testid="tab-runs">{i18n.t("mentoring-runs-title")}</A>
            })}
        </nav>
    }
}

/// The localised status of a pairing or a run.
pub fn status_label(i18n: crate::i18n::I18n, prefix: &str, status: &str) -> String {
    i18n.t(&format!("{prefix}-{status}"))
}
