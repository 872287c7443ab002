//! `/readiness/units/:id`: a unit's computed figures beside the commander's assessed level (with
//! its history and the form to record one), its trend, and its people, lowest score first.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_params_map};

use super::{
    AsOfForm, ComponentCells, ComponentHeads, LevelBadge, as_of_suffix, query, score_text,
};
use crate::{
    api::readiness::{RecordAssessment, UnitDetail, readiness_unit},
    ui::{
        components::{
            chart::Sparkline,
            form::{FormAlert, SelectField, last_error},
        },
        use_i18n,
    },
};

#[component]
pub fn ReadinessUnitPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    let as_of = query("as_of");
    let page = query("page");
    let assess = ServerAction::<RecordAssessment>::new();
    let data = Resource::new(
        move || (id.get(), as_of.get(), page.get(), assess.version().get()),
        |(id, as_of, page, _)| readiness_unit(id, as_of, page.and_then(|p| p.parse().ok())),
    );
    view! {
        <section class="page readiness">
            <p><A href="/readiness">{i18n.t("readiness-back")}</A></p>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    data.await.map(|d| view! { <UnitView d as_of=as_of.get_untracked() assess/> })
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn UnitView(
    d: UnitDetail,
    as_of: Option<String>,
    assess: ServerAction<RecordAssessment>,
) -> impl IntoView {
    let i18n = use_i18n();
    let u = d.unit;
    let unit_id = u.unit_id.to_string();
    let err = last_error(assess.value());
    let suffix = as_of_suffix(as_of.as_deref(), true);
    let as_of_form = as_of.clone();
    let latest = u.latest_assessment.clone();
    let trend: Vec<f64> = d.history.points.iter().filter_map(|p| p.score).collect();
    let trend_label = i18n.t_with(
        "readiness-trend-label",
        &[
            ("unit", u.name.clone().into()),
            ("count", trend.len().into()),
        ],
    );
    let levels: Vec<(String, String)> = std::iter::once((String::new(), i18n.t("common-choose")))
        .chain(["R1", "R2", "R3", "R4"].iter().map(|l| {
            (
                (*l).to_owned(),
                i18n.t(&format!("readiness-level-{}", l.to_lowercase())),
            )
        }))
        .collect();
    let people_csv = format!(
        "/api/v1/readiness/units/{}/people?format=csv&as_of={}",
        u.unit_id, u.as_of
    );
    let pages = d.people.total.div_ceil(d.people.per_page.max(1));
    let page = d.people.page;
    let page_link = move |p: u64| {
        format!(
            "?page={p}{}",
            as_of
                .as_deref()
                .map(|a| format!("&as_of={a}"))
                .unwrap_or_default()
        )
    };
    let prev = (page > 1).then(|| page_link(page - 1));
    let next = (page < pages).then(|| page_link(page + 1));
    view! {
        <h1 data-testid="unit-name">{u.name.clone()}</h1>
        <AsOfForm as_of=as_of_form/>
        <div class="compare" data-testid="level-compare">
            <div class="card">
                <h2>{i18n.t("readiness-computed")}</h2>
                <p class="big"><LevelBadge level=u.level.clone() testid="computed-level"/>" "<span data-testid="computed-score">{score_text(u.score)}</span></p>
                <table class="table compact"><thead><tr><ComponentHeads/></tr></thead><tbody><tr><ComponentCells c=u.components.clone()/></tr></tbody></table>
                <p class="muted">{i18n.t_with("readiness-confidence-text", &[("share", format!("{:.0}", u.confidence * 100.0).into()), ("people", u.people.to_string().into())])}</p>
                {(trend.len() > 1).then(|| view! { <Sparkline points=trend max=100.0 label=trend_label/> })}
            </div>
            <div class="card">
                <h2>{i18n.t("readiness-assessed")}</h2>
                {match latest {
                    Some(a) => view! {
                        <p class="big"><LevelBadge level=Some(a.level.clone()) testid="assessed-level"/></p>
                        <blockquote data-testid="assessed-reason">{a.reason.clone()}</blockquote>
                        <p class="muted">{i18n.t_with("readiness-assessed-by", &[("name", a.assessed_by.clone().into()), ("date", a.assessed_at.format("%Y-%m-%d").to_string().into()), ("level", a.computed_level.clone().unwrap_or_else(|| "—".into()).into())])}</p>
                    }.into_any(),
                    None => view! { <p class="muted" data-testid="no-assessment">{i18n.t("readiness-no-assessment")}</p> }.into_any(),
                }}
                <details open=d.is_today>
                    <summary>{i18n.t("readiness-assess")}</summary>
                    <ActionForm action=assess attr:novalidate=true attr:class="form" attr:data-testid="assessment-form">
                        <FormAlert error=err/>
                        <input type="hidden" name="unit_id" value=unit_id/>
                        <SelectField name="level" field="level" label=i18n.t("readiness-level") error=err options=levels/>
                        <ReasonField err/>
                        <button type="submit" class="button" data-testid="assessment-submit">{i18n.t("readiness-assess-submit")}</button>
                    </ActionForm>
                </details>
            </div>
        </div>
        {(!d.history.assessments.is_empty()).then(|| view! {
            <h2>{i18n.t("readiness-assessment-history")}</h2>
            <table class="table" data-testid="assessment-history">
                <thead><tr>
                    <th scope="col">{i18n.t("readiness-date")}</th>
                    <th scope="col">{i18n.t("readiness-assessed")}</th>
                    <th scope="col">{i18n.t("readiness-computed")}</th>
                    <th scope="col">{i18n.t("readiness-reason")}</th>
                    <th scope="col">{i18n.t("readiness-by")}</th>
                </tr></thead>
                <tbody>
                    {d.history.assessments.iter().rev().map(|a| view! {
                        <tr>
                            <td>{a.assessed_at.format("%Y-%m-%d %H:%M").to_string()}</td>
                            <td><LevelBadge level=Some(a.level.clone())/></td>
                            <td><LevelBadge level=a.computed_level.clone()/>" "{score_text(a.computed_score)}</td>
                            <td>{a.reason.clone()}</td>
                            <td>{a.assessed_by.clone()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        })}
        <h2>{i18n.t_with("readiness-people-title", &[("count", d.people.total.to_string().into())])}</h2>
        <div class="table-scroll">
            <table class="table" data-testid="people-table">
                <thead><tr>
                    <th scope="col">{i18n.t("readiness-person")}</th>
                    <th scope="col">{i18n.t("readiness-rank")}</th>
                    <th scope="col">{i18n.t("readiness-unit")}</th>
                    <th scope="col" class="num">{i18n.t("readiness-score")}</th>
                    <th scope="col">{i18n.t("readiness-level")}</th>
                    <ComponentHeads/>
                </tr></thead>
                <tbody>
                    {d.people.rows.into_iter().map(|p| {
                        let href = format!("/readiness/people/{}{}", p.person_id, suffix);
                        view! {
                            <tr data-testid="person-row">
                                <th scope="row"><A href=href>{p.name}</A></th>
                                <td>{p.rank}</td>
                                <td>{p.unit_name}</td>
                                <td class="num">{score_text(Some(p.score))}</td>
                                <td><LevelBadge level=Some(p.level)/></td>
                                <ComponentCells c=p.components/>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <nav class="pager" aria-label=i18n.t("readiness-pages")>
            {prev.map(|h| view! { <a href=h rel="prev" data-testid="page-prev">{i18n.t("readiness-prev")}</a> })}
            <span>{i18n.t_with("readiness-page-of", &[("page", page.to_string().into()), ("pages", pages.max(1).to_string().into())])}</span>
            {next.map(|h| view! { <a href=h rel="next" data-testid="page-next">{i18n.t("readiness-next")}</a> })}
        </nav>
        <p><a class="button button-secondary" href=people_csv download="readiness-people.csv" data-testid="people-csv">{i18n.t("readiness-csv")}</a></p>
    }
}

/// The mandatory reason, with its localised error.
#[component]
fn ReasonField(err: crate::ui::components::form::LastError) -> impl IntoView {
    let i18n = use_i18n();
    let message = move || {
        err.get().and_then(|e| {
            e.field_code("reason")
                .map(|c| i18n.t(&format!("validation-{c}")))
        })
    };
    view! {
        <div class="field">
            <label for="f-reason">{i18n.t("readiness-reason")}</label>
            <textarea id="f-reason" name="reason" rows="3" required=true maxlength="2000"
                aria-invalid=move || message().is_some().then_some("true")
                aria-describedby=move || message().is_some().then_some("f-reason-error")
                data-testid="assessment-reason"></textarea>
            {move || message().map(|m| view! { <p class="field-error" id="f-reason-error">{m}</p> })}
        </div>
    }
}
