//! The language switcher: a plain form (works without JavaScript) posting to `/lang`, which
//! remembers the choice in a cookie and returns to the same page.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::{i18n::Locale, ui::use_i18n};

#[component]
pub fn LangSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let next = move || {
        let search = location.search.get();
        if search.is_empty() {
            location.pathname.get()
        } else {
            format!("{}?{}", location.pathname.get(), search)
        }
    };
    view! {
        <form class="lang-switcher" method="post" action="/lang" data-testid="lang-form">
            <label for="lang-select">{i18n.t("lang-label")}</label>
            <select id="lang-select" name="lang" data-testid="lang-select">
                {Locale::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <option value=l.code() lang=l.code() selected=l == i18n.locale>
                                {l.endonym()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <input type="hidden" name="next" prop:value=next value=next/>
            <button type="submit" class="button button-small" data-testid="lang-submit">
                {i18n.t("lang-apply")}
            </button>
        </form>
    }
}
