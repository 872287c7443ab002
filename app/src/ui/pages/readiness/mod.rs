//! Readiness pages: the commander dashboard, a unit with its people and assessments, a person's
//! evidence, and the model settings. The services decide who may see what.

pub mod dashboard;
pub mod person;
pub mod settings;
pub mod unit;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{api::readiness::Components, domain::readiness::format_score, ui::use_i18n};

/// A score with one decimal, or a dash when undefined.
pub fn score_text(v: Option<f64>) -> String {
    v.map(format_score).unwrap_or_else(|| "—".to_owned())
}

/// A query parameter of the current URL.
pub fn query(name: &'static str) -> Memo<Option<String>> {
    let q = use_query_map();
    Memo::new(move |_| q.with(|q| q.get(name)).filter(|s| !s.is_empty()))
}

/// `?as_of=…` to carry the chosen day along links (empty for today).
pub fn as_of_suffix(as_of: Option<&str>, first: bool) -> String {
    match as_of {
        Some(d) => format!("{}as_of={d}", if first { "?" } else { "&" }),
        None => String::new(),
    }
}

/// A level badge (R1 best … R4), or a dash.
#[component]
pub fn LevelBadge(level: Option<String>, #[prop(optional, into)] testid: String) -> impl IntoView {
    match level {
        Some(l) => {
            let class = format!("level level-{}", l.to_lowercase());
            view! { <span class=class data-testid=testid>{l}</span> }.into_any()
        }
        None => view! { <span class="level level-none" data-testid=testid>"—"</span> }.into_any(),
    }
}

/// The three component cells of a table row.
#[component]
pub fn ComponentCells(c: Components) -> impl IntoView {
    view! {
        <td class="num">{score_text(c.training)}</td>
        <td class="num">{score_text(c.exercise)}</td>
        <td class="num">{score_text(c.mentorship)}</td>
    }
}

/// The header cells matching [`ComponentCells`].
#[component]
pub fn ComponentHeads() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <th scope="col" class="num">{i18n.t("readiness-training")}</th>
        <th scope="col" class="num">{i18n.t("readiness-exercise")}</th>
        <th scope="col" class="num">{i18n.t("readiness-mentorship")}</th>
    }
}

/// The day picker every readiness page carries (a plain GET form: works without JavaScript).
#[component]
pub fn AsOfForm(
    as_of: Option<String>,
    #[prop(optional)] hidden: Vec<(&'static str, String)>,
    #[prop(optional)] roots: Vec<(String, String)>,
    #[prop(default = None)] root: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let has_roots = roots.len() > 1;
    view! {
        <form method="get" class="form form-inline" data-testid="as-of-form">
            {hidden.into_iter().map(|(n, v)| view! { <input type="hidden" name=n value=v/> }).collect_view()}
            {has_roots.then(|| view! {
                <div class="field">
                    <label for="f-unit">{i18n.t("readiness-root")}</label>
                    <select id="f-unit" name="unit" data-testid="root-select">
                        {roots.into_iter().map(|(id, name)| {
                            let selected = root.as_deref() == Some(id.as_str());
                            view! { <option value=id selected=selected>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
            })}
            <div class="field">
                <label for="f-as-of">{i18n.t("readiness-as-of")}</label>
                <input type="date" id="f-as-of" name="as_of" value=as_of.unwrap_or_default() data-testid="as-of"/>
            </div>
            <button type="submit" class="button">{i18n.t("readiness-show")}</button>
        </form>
    }
}
