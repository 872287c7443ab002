//! `/readiness`: the commander's unit subtree as a tree table with trends and assessments, the
//! scores of the subordinate units as a chart, and what expires within 30/60/90 days.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{
    AsOfForm, ComponentCells, ComponentHeads, LevelBadge, as_of_suffix, query, score_text,
};
use crate::{
    api::readiness::{Dashboard, ExpiringSoon, readiness_dashboard},
    ui::{
        components::chart::{Bar, BarChart, Sparkline},
        use_i18n,
    },
};

#[component]
pub fn ReadinessPage() -> impl IntoView {
    let i18n = use_i18n();
    let unit = query("unit");
    let as_of = query("as_of");
    let data = Resource::new(
        move || (unit.get(), as_of.get()),
        |(unit, as_of)| readiness_dashboard(unit, as_of),
    );
    view! {
        <section class="page readiness">
            <h1>{i18n.t("readiness-title")}</h1>
            <p class="lead">{i18n.t("readiness-lead")}</p>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    data.await.map(|d| view! { <DashboardView d as_of=as_of.get_untracked()/> })
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn DashboardView(d: Dashboard, as_of: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let root = d.units.first().cloned();
    let root_id = root.as_ref().map(|r| r.unit_id.to_string());
    let roots: Vec<(String, String)> = d
        .roots
        .iter()
        .map(|(id, n)| (id.to_string(), n.clone()))
        .collect();
    let suffix = as_of_suffix(as_of.as_deref(), true);
    let csv = root_id
        .as_ref()
        .map(|id| format!("/api/v1/readiness/units/{id}?format=csv&as_of={}", d.as_of));
    let children: Vec<Bar> = d
        .units
        .iter()
        .filter(|u| u.depth == 1 || (u.depth == 0 && d.units.len() == 1))
        .map(|u| Bar {
            label: u.name.clone(),
            segments: vec![(u.score.unwrap_or(0.0), "bar-score")],
        })
        .collect();
    let chart_summary = d
        .units
        .iter()
        .filter(|u| u.depth == 1)
        .map(|u| format!("{}: {}", u.name, score_text(u.score)))
        .collect::<Vec<_>>()
        .join("; ");
    let rows = d.units.into_iter().map(|u| {
        let href = format!("/readiness/units/{}{}", u.unit_id, suffix);
        let indent = format!("depth-{}", u.depth.min(4));
        let trend: Vec<f64> = u.trend.iter().filter_map(|t| t.score).collect();
        let trend_label = i18n.t_with("readiness-trend-label", &[("unit", u.name.clone().into()), ("count", trend.len().into())]);
        let assessed = u.latest_assessment.as_ref().map(|a| a.level.clone());
        view! {
            <tr data-testid="readiness-unit-row" data-unit=u.unit_id.to_string()>
                <th scope="row" class=indent><A href=href>{u.name}</A></th>
                <td class="num">{u.people}</td>
                <td class="num" data-testid="unit-score">{score_text(u.score)}</td>
                <td><LevelBadge level=u.level/></td>
                <td><LevelBadge level=assessed/></td>
                <ComponentCells c=u.components/>
                <td class="num">{format!("{:.0} %", u.confidence * 100.0)}</td>
                <td>{(trend.len() > 1).then(|| view! { <Sparkline points=trend max=100.0 label=trend_label/> })}</td>
            </tr>
        }
    }).collect_view();
    view! {
        <AsOfForm as_of=as_of.clone() roots=roots root=root_id/>
        <p class="muted" data-testid="as-of-note">
            {if d.is_today { i18n.t("readiness-today-note") } else { i18n.t_with("readiness-past-note", &[("date", d.as_of.to_string().into())]) }}
        </p>
        <div class="table-scroll">
            <table class="table readiness-tree" data-testid="readiness-tree">
                <caption class="visually-hidden">{i18n.t("readiness-tree-caption")}</caption>
                <thead><tr>
                    <th scope="col">{i18n.t("readiness-unit")}</th>
                    <th scope="col" class="num">{i18n.t("readiness-people")}</th>
                    <th scope="col" class="num">{i18n.t("readiness-score")}</th>
                    <th scope="col">{i18n.t("readiness-level")}</th>
                    <th scope="col">{i18n.t("readiness-assessed")}</th>
                    <ComponentHeads/>
                    <th scope="col" class="num">{i18n.t("readiness-confidence")}</th>
                    <th scope="col">{i18n.t("readiness-trend")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {csv.map(|href| view! { <p><a class="button button-secondary" href=href download="readiness-units.csv" data-testid="readiness-csv">{i18n.t("readiness-csv")}</a></p> })}
        {(!children.is_empty()).then(|| view! {
            <BarChart title=i18n.t("readiness-chart-title") summary=chart_summary bars=children max=100.0 testid="readiness-chart"/>
        })}
        <h2>{i18n.t("readiness-expiring-title")}</h2>
        <p class="muted">{i18n.t_with("readiness-expiring-now", &[("score", score_text(root.and_then(|r| r.score)).into())])}</p>
        <div class="expiring-grid">
            {d.expiring.into_iter().map(|e| view! { <Expiring e suffix=suffix.clone()/> }).collect_view()}
        </div>
    }
}

#[component]
fn Expiring(e: ExpiringSoon, suffix: String) -> impl IntoView {
    let i18n = use_i18n();
    let title = i18n.t_with(
        "readiness-expiring-within",
        &[("days", e.days.to_string().into())],
    );
    let summary = i18n.t_with(
        "readiness-expiring-summary",
        &[
            ("people", e.people.to_string().into()),
            ("modules", e.modules.to_string().into()),
            ("score", score_text(e.projected_score).into()),
        ],
    );
    view! {
        <section class="card" data-testid="expiring" data-days=e.days.to_string()>
            <h3>{title}</h3>
            <p>{summary}</p>
            {(!e.listed).then(|| view! { <p class="muted" data-testid="expiring-not-listed">{i18n.t("readiness-expiring-too-many")}</p> })}
            {(!e.rows.is_empty()).then(|| view! {
                <ul class="plain-list">
                    {e.rows.into_iter().map(|r| {
                        let href = format!("/readiness/people/{}{}", r.person_id, suffix);
                        let modules = r.modules.iter().map(|m| format!("{} ({})", m.code, m.expires_on)).collect::<Vec<_>>().join(", ");
                        view! { <li><A href=href>{r.name}</A>" — "{modules}" · "{score_text(Some(r.score))}" → "{score_text(Some(r.projected_score))}</li> }
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}
