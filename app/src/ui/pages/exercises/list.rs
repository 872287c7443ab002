//! `/exercises`: every exercise the reader may see, filtered by nation, base, unit, kind,
//! status and dates (a plain GET form, so it works without JavaScript).

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};
use uuid::Uuid;

use super::{ExerciseTabs, StatusBadge, label, local_label};
use crate::{
    api::exercises::{
        ExerciseFilter, ExerciseSummary, KINDS, PlanningChoices, STATUSES, exercise_choices,
        list_exercises,
    },
    ui::use_i18n,
};

#[component]
pub fn ExercisesPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let get = move |k: &str| query.with(|q| q.get(k)).unwrap_or_default();
    let filter = move || ExerciseFilter {
        from: get("from").parse().ok(),
        to: get("to").parse().ok(),
        nation: Uuid::parse_str(&get("nation")).ok(),
        base: Uuid::parse_str(&get("base")).ok(),
        unit: Uuid::parse_str(&get("unit")).ok(),
        kind: Some(get("kind")).filter(|s| !s.is_empty()),
        status: Some(get("status")).filter(|s| !s.is_empty()),
        mine: false,
    };
    let list = Resource::new(filter, list_exercises);
    let choices = Resource::new(|| (), |_| exercise_choices());
    view! {
        <section class="page exercises">
            <h1>{i18n.t("exercises-title")}</h1>
            <ExerciseTabs/>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    choices.await.map(|c| view! { <Filters choices=c filter=filter()/> })
                })}
            </Suspense>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move { list.await.map(|list| view! { <ExerciseTable list/> }) })}
            </Suspense>
        </section>
    }
}

fn options(any: String, items: impl Iterator<Item = (String, String)>) -> Vec<(String, String)> {
    std::iter::once((String::new(), any)).chain(items).collect()
}

#[component]
fn Select(
    name: &'static str,
    label: String,
    options: Vec<(String, String)>,
    selected: String,
) -> impl IntoView {
    let id = format!("filter-{name}");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name data-testid=format!("filter-{name}")>
                {options.into_iter().map(|(v, l)| {
                    let sel = v == selected;
                    view! { <option value=v selected=sel>{l}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn Filters(choices: PlanningChoices, filter: ExerciseFilter) -> impl IntoView {
    let i18n = use_i18n();
    let any = i18n.t("exercises-any");
    let id = |v: Option<Uuid>| v.map(|x| x.to_string()).unwrap_or_default();
    let date = |d: Option<chrono::NaiveDate>| d.map(|x| x.to_string()).unwrap_or_default();
    view! {
        <form method="get" class="form filters card" role="search" data-testid="exercise-filters">
            <Select name="nation" label=i18n.t("exercises-field-nation") selected=id(filter.nation)
                options=options(any.clone(), choices.nations.iter().map(|n| (n.id.to_string(), format!("{} — {}", n.code, n.label))))/>
            <Select name="base" label=i18n.t("exercises-field-host-base") selected=id(filter.base)
                options=options(any.clone(), choices.bases.iter().map(|b| (b.id.to_string(), b.label.clone())))/>
            <Select name="unit" label=i18n.t("exercises-field-unit") selected=id(filter.unit)
                options=options(any.clone(), choices.units.iter().map(|u| (u.id.to_string(), u.label.clone())))/>
            <Select name="kind" label=i18n.t("exercises-field-kind") selected=filter.kind.clone().unwrap_or_default()
                options=options(any.clone(), KINDS.iter().map(|k| ((*k).to_owned(), label(i18n, "kind", k))))/>
            <Select name="status" label=i18n.t("exercises-field-status") selected=filter.status.clone().unwrap_or_default()
                options=options(any.clone(), STATUSES.iter().map(|s| ((*s).to_owned(), label(i18n, "status", s))))/>
            <div class="field">
                <label for="filter-from">{i18n.t("exercises-field-from")}</label>
                <input id="filter-from" type="date" name="from" value=date(filter.from) data-testid="filter-from"/>
            </div>
            <div class="field">
                <label for="filter-to">{i18n.t("exercises-field-to")}</label>
                <input id="filter-to" type="date" name="to" value=date(filter.to) data-testid="filter-to"/>
            </div>
            <button type="submit" class="button button-small" data-testid="filter-submit">{i18n.t("common-filter")}</button>
        </form>
    }
}

/// Exercises as a table (shared by the list and "my exercises").
#[component]
pub fn ExerciseTable(list: Vec<ExerciseSummary>) -> impl IntoView {
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <p class="empty" data-testid="exercises-none">{i18n.t("exercises-none")}</p> }.into_any();
    }
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=i18n.t("exercises-title")>
            <table class="table" data-testid="exercise-table">
                <thead><tr>
                    <th scope="col">{i18n.t("exercises-field-code")}</th>
                    <th scope="col">{i18n.t("exercises-field-name")}</th>
                    <th scope="col">{i18n.t("exercises-field-start")}</th>
                    <th scope="col">{i18n.t("exercises-field-end")}</th>
                    <th scope="col">{i18n.t("exercises-field-host-base")}</th>
                    <th scope="col">{i18n.t("exercises-field-lead-nation")}</th>
                    <th scope="col">{i18n.t("exercises-field-kind")}</th>
                    <th scope="col">{i18n.t("exercises-field-status")}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|e| { let code = e.code.clone(); view! {
                        <tr data-testid="exercise-row" data-code=code>
                            <td><A href=format!("/exercises/{}", e.id)>{e.code.clone()}</A></td>
                            <td>{e.name.clone()}</td>
                            <td>{local_label(i18n, &e.start_local)}</td>
                            <td>{local_label(i18n, &e.end_local)}</td>
                            <td>{e.host_base_name.clone()}</td>
                            <td>{e.lead_nation_code.clone()}</td>
                            <td>{label(i18n, "kind", &e.kind)}</td>
                            <td><StatusBadge status=e.status.clone()/></td>
                        </tr>
                    }}).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
