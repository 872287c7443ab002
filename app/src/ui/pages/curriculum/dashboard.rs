//! `/training`: the signed-in person's curricula with progress bars, what is due and what
//! expires within 30/60/90 days, curricula open to self-enrolment; `/training/record`: the
//! printable record of completions.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

use super::{ForRoles, LangMark, ProgressBar, author::AuthorPanel, endonym};
use crate::{
    api::curriculum::{CompletionRow, Dashboard, SelfEnrol, my_dashboard},
    domain::policy::Role,
    ui::{
        components::form::{FormAlert, last_error},
        use_i18n,
    },
};

#[component]
pub fn TrainingPage() -> impl IntoView {
    let i18n = use_i18n();
    let enrol = ServerAction::<SelfEnrol>::new();
    let data = Resource::new(move || enrol.version().get(), |_| my_dashboard());
    let error = last_error(enrol.value());
    view! {
        <section class="page cur-page">
            <h1>{i18n.t("curriculum-my-title")}</h1>
            <p class="lead">
                <A href="/training/record" attr:data-testid="record-link">{i18n.t("curriculum-record-link")}</A>
                <OfficerLink/>
            </p>
            <FormAlert error/>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move { data.await.map(|d| view! { <DashboardView d enrol/> }) })}
            </Suspense>
            <ForRoles roles=&[Role::TrainingOfficer]><AuthorPanel/></ForRoles>
        </section>
    }
}

/// The unit progress link, for training officers and commanders (the page checks access).
#[component]
fn OfficerLink() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ForRoles roles=&[Role::TrainingOfficer, Role::Commander]>
            " · "<A href="/training/progress" attr:data-testid="progress-link">{i18n.t("curriculum-progress-title")}</A>
        </ForRoles>
    }
}

fn expiring_within(c: &CompletionRow, today: NaiveDate, days: i64) -> bool {
    c.expires_on
        .is_some_and(|e| e > today && (e - today).num_days() <= days)
}

#[component]
fn DashboardView(d: Dashboard, enrol: ServerAction<SelfEnrol>) -> impl IntoView {
    let i18n = use_i18n();
    let today = d.transcript.on;
    let mut expiring: Vec<(CompletionRow, i64)> = d
        .transcript
        .completions
        .iter()
        .filter(|c| expiring_within(c, today, 90))
        .map(|c| {
            (
                c.clone(),
                c.expires_on.map(|e| (e - today).num_days()).unwrap_or(0),
            )
        })
        .collect();
    expiring.sort_by_key(|(_, days)| *days);
    let mine = d.transcript.curricula.clone();
    view! {
        <h2>{i18n.t("curriculum-my-curricula")}</h2>
        {mine.is_empty().then(|| view! { <p class="empty">{i18n.t("curriculum-none-enrolled")}</p> })}
        <ul class="cur-cards">
            {mine.into_iter().map(|c| {
                let due = c.due_on.map(|d| {
                    let text = i18n.t_with("curriculum-due-on", &[("date", i18n.date(d).as_str().into())]);
                    view! { <span class="badge" class:badge-bad=c.overdue data-testid="curriculum-due">{text}{c.overdue.then(|| format!(" — {}", i18n.t("curriculum-overdue")))}</span> }
                });
                let (title, label, text) = (c.title.clone(), c.title.text.clone(), c.title.text.clone());
                view! {
                    <li class="card cur-card" data-testid="my-curriculum" data-code=c.code.clone()>
                        <h3><A href=format!("/training/curricula/{}", c.curriculum_id)>{text}</A><LangMark text=title/></h3>
                        <ProgressBar completed=c.completed total=c.total label=label/>
                        {due}
                    </li>
                }
            }).collect_view()}
        </ul>
        <h2>{i18n.t("curriculum-expiring-title")}</h2>
        {if expiring.is_empty() {
            view! { <p class="empty">{i18n.t("curriculum-expiring-none")}</p> }.into_any()
        } else {
            view! {
                <ul class="cur-expiring" data-testid="expiring-list">
                    {expiring.into_iter().map(|(c, days)| {
                        let window = if days <= 30 { 30 } else if days <= 60 { 60 } else { 90 };
                        view! {
                            <li data-window=window>
                                <span class="badge" class:badge-bad=window == 30>{i18n.t_with("curriculum-within-days", &[("days", (window as i64).into())])}</span>
                                " "<A href=format!("/training/modules/{}", c.module_id)>{c.module_title.clone()}</A>
                                " — "{i18n.t_with("curriculum-expires-on", &[("date", c.expires_on.map(|e| i18n.date(e)).unwrap_or_default().as_str().into())])}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {(!d.open.is_empty()).then(|| view! {
            <h2>{i18n.t("curriculum-open-title")}</h2>
            <ul class="cur-cards">
                {d.open.into_iter().map(|c| view! {
                    <li class="card cur-card" data-testid="open-curriculum">
                        <h3><A href=format!("/training/curricula/{}", c.id)>{c.title.text.clone()}</A></h3>
                        <p>{i18n.t_with("curriculum-module-count", &[("count", (c.module_count as i64).into())])}</p>
                        <ActionForm action=enrol>
                            <input type="hidden" name="curriculum_id" value=c.id.to_string()/>
                            <button type="submit" class="button button-small" data-testid="self-enrol">{i18n.t("curriculum-self-enrol")}</button>
                        </ActionForm>
                    </li>
                }).collect_view()}
            </ul>
        })}
        <p class="muted">{i18n.t_with("curriculum-languages-note", &[("lang", endonym(i18n.locale.code()).as_str().into())])}</p>
    }
}

/// The printable record of completions.
#[component]
pub fn RecordPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(|| (), |_| my_dashboard());
    view! {
        <section class="page cur-page cur-record">
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    data.await.map(|d| {
                        let t = d.transcript;
                        view! {
                            <h1>{i18n.t("curriculum-record-title")}</h1>
                            <p class="lead">{t.rank.clone()}" "{t.display_name.clone()}" — "{i18n.t_with("curriculum-record-on", &[("date", i18n.date(t.on).as_str().into())])}</p>
                            <p class="muted no-print">{i18n.t("curriculum-record-print")}</p>
                            <div class="table-scroll" tabindex="0" role="region" aria-label=i18n.t("curriculum-record-title")>
                                <table class="table" data-testid="record-table">
                                    <thead><tr>
                                        <th scope="col">{i18n.t("curriculum-col-module")}</th>
                                        <th scope="col">{i18n.t("curriculum-col-completed")}</th>
                                        <th scope="col">{i18n.t("curriculum-col-expires")}</th>
                                        <th scope="col">{i18n.t("curriculum-col-score")}</th>
                                        <th scope="col">{i18n.t("curriculum-col-language")}</th>
                                        <th scope="col">{i18n.t("curriculum-col-source")}</th>
                                    </tr></thead>
                                    <tbody>
                                        {t.completions.into_iter().map(|c| {
                                            let expired = c.expires_on.is_some_and(|e| e <= t.on);
                                            view! {
                                                <tr class:cur-expired=expired>
                                                    <td>{c.module_title.clone()}" "<span class="muted">"("{c.module_code.clone()}")"</span></td>
                                                    <td>{i18n.date(c.completed_on)}</td>
                                                    <td>{c.expires_on.map(|e| i18n.date(e)).unwrap_or_else(|| i18n.t("curriculum-never"))}</td>
                                                    <td>{format!("{} %", c.score)}</td>
                                                    <td>{endonym(&c.locale)}</td>
                                                    <td>{i18n.t(&format!("curriculum-source-{}", c.source))}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }
                    })
                })}
            </Suspense>
        </section>
    }
}
