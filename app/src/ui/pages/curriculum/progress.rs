//! `/training/progress`: an officer picks a unit and a curriculum and sees who completed, who is
//! overdue and whose training expires soon (with a CSV download); enrols people or units;
//! records completions made elsewhere; and sees the curriculum's translation coverage.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};
use uuid::Uuid;

use crate::{
    api::curriculum::{
        Enrol, LocaleCoverage, OfficerChoices, RecordCompletion, UnitProgress, curriculum_coverage,
        get_curriculum, load_officer_choices, load_unit_progress,
    },
    i18n::Locale,
    ui::{
        components::{
            chart::{Bar, BarChart},
            form::{FormAlert, SelectField, TextField, last_error},
        },
        use_i18n,
    },
};

fn query_id(key: &'static str) -> impl Fn() -> Option<Uuid> + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || {
        query
            .with(|q| q.get(key))
            .and_then(|s| Uuid::parse_str(&s).ok())
    }
}

#[component]
pub fn ProgressPage() -> impl IntoView {
    let i18n = use_i18n();
    let unit = query_id("unit");
    let curriculum = query_id("curriculum");
    let query = use_query_map();
    let page = move || {
        query
            .with(|q| q.get("page"))
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(0)
    };
    let choices = Resource::new(|| (), |_| load_officer_choices());
    let progress = Resource::new(
        move || (unit(), curriculum(), page()),
        |(u, c, p)| async move {
            match (u, c) {
                (Some(u), Some(c)) => load_unit_progress(u, c, p).await.map(Some),
                _ => Ok(None),
            }
        },
    );
    view! {
        <section class="page cur-page">
            <h1>{i18n.t("curriculum-progress-title")}</h1>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    choices.await.map(|ch| view! {
                        <PickForm ch=ch.clone() unit=unit().map(|u| u.to_string()).unwrap_or_default() curriculum=curriculum().map(|c| c.to_string()).unwrap_or_default()/>
                        <Suspense fallback=|| ()>
                            {move || Suspend::new(async move {
                                progress.await.map(|p| p.map(|p| view! { <ProgressView p/> }))
                            })}
                        </Suspense>
                        <EnrolForm ch=ch.clone()/>
                        {curriculum().map(|c| view! { <ImportForm curriculum=c/> <Coverage curriculum=c/> })}
                    })
                })}
            </Suspense>
        </section>
    }
}

fn curriculum_options(ch: &OfficerChoices) -> Vec<(String, String)> {
    ch.curricula
        .iter()
        .map(|c| (c.id.to_string(), c.title.text.clone()))
        .collect()
}

fn unit_options(ch: &OfficerChoices, blank: Option<String>) -> Vec<(String, String)> {
    blank
        .map(|b| (String::new(), b))
        .into_iter()
        .chain(ch.units.iter().map(|(id, n)| (id.to_string(), n.clone())))
        .collect()
}

#[component]
fn PickForm(ch: OfficerChoices, unit: String, curriculum: String) -> impl IntoView {
    let i18n = use_i18n();
    let none = Signal::derive(|| None);
    view! {
        <form method="get" class="card form form-inline" data-testid="progress-pick">
            <SelectField name="unit" field="unit" label=i18n.t("curriculum-unit") error=none options=unit_options(&ch, None) selected=unit/>
            <SelectField name="curriculum" field="curriculum" label=i18n.t("curriculum-curriculum") error=none options=curriculum_options(&ch) selected=curriculum/>
            <button type="submit" class="button" data-testid="progress-show">{i18n.t("curriculum-show")}</button>
        </form>
    }
}

#[component]
fn ProgressView(p: UnitProgress) -> impl IntoView {
    let i18n = use_i18n();
    let csv = format!(
        "/api/v1/units/{}/progress?curriculum={}&format=csv",
        p.unit_id, p.curriculum_id
    );
    let page_link = |n: u32| {
        format!(
            "/training/progress?unit={}&curriculum={}&page={n}",
            p.unit_id, p.curriculum_id
        )
    };
    let stat = |key: &str, n: u32, testid: &'static str| {
        view! { <div class="stat" data-testid=testid><span class="stat-value">{n}</span>" "<span class="stat-label">{i18n.t(key)}</span></div> }
    };
    view! {
        <h2>{p.unit_name.clone()}" — "{p.curriculum_code.clone()}</h2>
        <div class="stats">
            {stat("curriculum-stat-people", p.people, "stat-people")}
            {stat("curriculum-stat-complete", p.complete, "stat-complete")}
            {stat("curriculum-stat-overdue", p.overdue, "stat-overdue")}
            {stat("curriculum-stat-expiring", p.expiring, "stat-expiring")}
        </div>
        <p><a class="button button-small" href=csv download="unit-progress.csv" data-testid="progress-csv" rel="external">{i18n.t("curriculum-download-csv")}</a></p>
        <div class="table-scroll" tabindex="0" role="region" aria-label=i18n.t("curriculum-progress-title")>
            <table class="table" data-testid="progress-table">
                <thead><tr>
                    <th scope="col">{i18n.t("curriculum-col-person")}</th>
                    <th scope="col">{i18n.t("curriculum-unit")}</th>
                    <th scope="col">{i18n.t("curriculum-col-progress")}</th>
                    <th scope="col">{i18n.t("curriculum-col-due")}</th>
                    <th scope="col">{i18n.t("curriculum-col-next-expiry")}</th>
                </tr></thead>
                <tbody>
                    {p.rows.into_iter().map(|r| view! {
                        <tr data-testid="progress-row" data-username=r.username.clone() class:cur-overdue=r.overdue>
                            <td>{r.display_name.clone()}</td>
                            <td>{r.unit_name.clone()}</td>
                            <td>{format!("{} / {}", r.completed, r.total)}</td>
                            <td>{r.due_on.map(|d| i18n.date(d)).unwrap_or_default()}{r.overdue.then(|| view! { " "<span class="badge badge-bad">{i18n.t("curriculum-overdue")}</span> })}</td>
                            <td>{r.next_expiry.map(|d| i18n.date(d)).unwrap_or_default()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {(p.pages > 1).then(|| view! {
            <nav class="pager" aria-label=i18n.t("curriculum-pages")>
                {(p.page > 0).then(|| view! { <A href=page_link(p.page - 1)>{i18n.t("curriculum-previous")}</A> })}
                " "{format!("{} / {}", p.page + 1, p.pages)}" "
                {(p.page + 1 < p.pages).then(|| view! { <A href=page_link(p.page + 1)>{i18n.t("curriculum-next")}</A> })}
            </nav>
        })}
    }
}

#[component]
fn EnrolForm(ch: OfficerChoices) -> impl IntoView {
    let i18n = use_i18n();
    let enrol = ServerAction::<Enrol>::new();
    let error = last_error(enrol.value());
    view! {
        <h2>{i18n.t("curriculum-enrol-title")}</h2>
        <ActionForm action=enrol attr:class="card form" attr:data-testid="enrol-form" attr:novalidate=true>
            <FormAlert error/>
            {move || enrol.value().get().and_then(|r| r.ok()).map(|_| view! { <p class="alert alert-ok" role="status" data-testid="enrolled">{i18n.t("common-saved")}</p> })}
            <SelectField name="form[curriculum_id]" field="curriculum_id" label=i18n.t("curriculum-curriculum") error options=curriculum_options(&ch)/>
            <TextField name="form[user_id]" field="user_id" label=i18n.t("curriculum-person") error autocomplete="off" hint=i18n.t("curriculum-person-hint")/>
            <SelectField name="form[unit_id]" field="unit_id" label=i18n.t("curriculum-or-unit") error options=unit_options(&ch, Some(i18n.t("curriculum-nobody")))/>
            <TextField name="form[due_on]" field="due_on" kind="date" label=i18n.t("curriculum-col-due") error/>
            <button type="submit" class="button" data-testid="enrol-submit">{i18n.t("curriculum-enrol")}</button>
        </ActionForm>
    }
}

#[component]
fn ImportForm(curriculum: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let import = ServerAction::<RecordCompletion>::new();
    let error = last_error(import.value());
    let modules = Resource::new(move || curriculum, get_curriculum);
    let locales: Vec<(String, String)> = Locale::ALL
        .iter()
        .map(|l| (l.code().to_owned(), l.endonym().to_owned()))
        .collect();
    view! {
        <h2>{i18n.t("curriculum-import-title")}</h2>
        <Suspense fallback=|| ()>
            {move || {
                let locales = locales.clone();
                Suspend::new(async move {
                    modules.await.map(|c| {
                        let options: Vec<(String, String)> = c.modules.iter().map(|m| (m.id.to_string(), m.title.text.clone())).collect();
                        view! {
                            <ActionForm action=import attr:class="card form" attr:data-testid="import-form" attr:novalidate=true>
                                <FormAlert error/>
                                {move || import.value().get().and_then(|r| r.ok()).map(|_| view! { <p class="alert alert-ok" role="status" data-testid="imported">{i18n.t("common-saved")}</p> })}
                                <TextField name="form[person_id]" field="completions.0.user_id" label=i18n.t("curriculum-person") error autocomplete="off" hint=i18n.t("curriculum-person-hint")/>
                                <SelectField name="form[module_id]" field="completions.0.module_id" label=i18n.t("curriculum-col-module") error options=options/>
                                <TextField name="form[completed_on]" field="completions.0.completed_on" kind="date" label=i18n.t("curriculum-col-completed") error/>
                                <TextField name="form[score]" field="completions.0.score" kind="number" label=i18n.t("curriculum-col-score") error/>
                                <SelectField name="form[locale]" field="completions.0.locale" label=i18n.t("curriculum-col-language") error options=locales/>
                                <button type="submit" class="button" data-testid="import-submit">{i18n.t("curriculum-import")}</button>
                            </ActionForm>
                        }
                    })
                })
            }}
        </Suspense>
    }
}

/// Translation coverage per locale as a stacked bar chart with the figures in a table.
#[component]
fn Coverage(curriculum: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(move || curriculum, curriculum_coverage);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                // Commanders are not authors: no coverage for them, and no error either.
                data.await.ok().map(|cov: Vec<LocaleCoverage>| {
                    let max = cov.iter().map(|c| (c.current + c.outdated + c.missing) as f64).fold(0.0, f64::max);
                    let bars = cov.iter().map(|c| Bar {
                        label: super::endonym(&c.locale),
                        segments: vec![(c.current as f64, "seg-current"), (c.outdated as f64, "seg-outdated"), (c.missing as f64, "seg-missing")],
                    }).collect();
                    let summary = i18n.t("curriculum-coverage-summary");
                    view! {
                        <h2>{i18n.t("curriculum-coverage-title")}</h2>
                        <BarChart title=i18n.t("curriculum-coverage-title") summary bars max testid="coverage-chart"/>
                        <table class="table" data-testid="coverage-table">
                            <thead><tr>
                                <th scope="col">{i18n.t("curriculum-col-language")}</th>
                                <th scope="col">{i18n.t("curriculum-status-current")}</th>
                                <th scope="col">{i18n.t("curriculum-status-outdated")}</th>
                                <th scope="col">{i18n.t("curriculum-status-missing")}</th>
                            </tr></thead>
                            <tbody>
                                {cov.into_iter().map(|c| view! {
                                    <tr><td>{super::endonym(&c.locale)}</td><td>{c.current}</td><td>{c.outdated}</td><td>{c.missing}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }
                })
            })}
        </Suspense>
    }
}
