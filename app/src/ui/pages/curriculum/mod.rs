//! Training pages: the trainee's dashboard and printable record, a curriculum and its modules,
//! reading a module and taking its quiz, and the officer's unit progress with enrolment,
//! imported completions and translation coverage, the side-by-side translation editor, and
//! the authors' pages: a new curriculum, the module editor and its quiz editor.

pub mod author;
pub mod dashboard;
pub mod editor;
pub mod module;
pub mod progress;
mod quiz_editor;
pub mod translate;

use leptos::prelude::*;

use crate::{
    api::curriculum::ResolvedText,
    domain::policy::Role,
    i18n::Locale,
    ui::{has_role, use_i18n, use_session},
};

/// Content shown to holders of any of `roles` only (the pages and services check access).
#[component]
pub fn ForRoles(roles: &'static [Role], children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    let me = match session {
                        Some(s) => s.0.await.ok().flatten(),
                        None => None,
                    };
                    me.filter(|m| roles.iter().any(|r| has_role(m, *r))).map(|_| children())
                })
            }}
        </Suspense>
    }
}

/// A progress bar with its figures as text (and as data for tests).
#[component]
pub fn ProgressBar(completed: u32, total: u32, #[prop(into)] label: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="cur-progress">
            <progress
                class="cur-progress-track"
                aria-label=label
                max=total.max(1)
                value=completed
                data-testid="curriculum-progress"
                data-completed=completed
            ></progress>
            <span class="cur-progress-text">
                {i18n.t_with("curriculum-progress-of", &[("done", (completed as i64).into()), ("total", (total as i64).into())])}
            </span>
        </div>
    }
}

/// The name of a locale in its own language, for "shown in …" notices.
pub fn endonym(code: &str) -> String {
    Locale::parse(code).map_or_else(|| code.to_owned(), |l| l.endonym().to_owned())
}

/// A marker after a text shown in another language than the reader's first (or outdated).
#[component]
pub fn LangMark(text: ResolvedText) -> impl IntoView {
    let i18n = use_i18n();
    (text.fell_back || text.outdated).then(|| {
        let title = if text.outdated {
            i18n.t("curriculum-outdated-short")
        } else {
            i18n.t("curriculum-fallback-short")
        };
        view! { <span class="cur-lang-mark" title=title lang=text.locale.clone()>{text.locale.to_uppercase()}</span> }
    })
}
