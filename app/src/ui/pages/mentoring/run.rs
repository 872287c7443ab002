//! `/mentoring/runs/:id`: one run — progress while it is solved (the page polls once hydrated;
//! without JavaScript a refresh link), then totals, the proposals (sortable, each with its
//! breakdown, pin / forbid and re-run, accept one or all), unmatched mentees with reasons, and
//! the fairness chart.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use uuid::Uuid;

use super::{
    MentoringTabs,
    run_parts::{Fairness, Proposals, Unmatched},
    status_label,
};
use crate::{
    api::mentoring::{AcceptProposals, Rerun, RunView, get_run},
    error::AppError,
    i18n::Arg,
    ui::{components::form::FormAlert, components::form::last_error, use_i18n},
};

fn unfinished(status: &str) -> bool {
    matches!(status, "queued" | "running")
}

#[component]
pub fn MentoringRunPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .with(|p| p.get("id"))
            .and_then(|s| Uuid::parse_str(&s).ok())
    };
    let accept = ServerAction::<AcceptProposals>::new();
    let rerun = ServerAction::<Rerun>::new();
    let tick = RwSignal::new(0u32);
    let run = Resource::new(
        move || (id(), tick.get(), accept.version().get()),
        |(id, _, _)| async move { get_run(id.ok_or(AppError::NotFound)?).await },
    );
    // poll while the run is solved (client only: effects do not run on the server)
    Effect::new(move |_| {
        if let Some(Ok(r)) = run.get()
            && unfinished(&r.status)
        {
            set_timeout(
                move || tick.update(|t| *t += 1),
                std::time::Duration::from_millis(400),
            );
        }
    });
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(created)) = rerun.value().get() {
            navigate(
                &format!("/mentoring/runs/{}", created.id),
                Default::default(),
            );
        }
    });
    let accept_error = last_error(accept.value());
    let rerun_error = last_error(rerun.value());
    view! {
        <section class="page">
            <h1>{i18n.t("mentoring-run-title")}</h1>
            <MentoringTabs may_run=true/>
            <FormAlert error=accept_error/>
            <FormAlert error=rerun_error/>
            {move || accept.value().get().and_then(|r| r.ok()).map(|r| view! {
                <p class="alert alert-ok" role="status" data-testid="accept-report">
                    {i18n.t_with("mentoring-accepted", &[("count", Arg::from(r.accepted.len()))])}
                    {(!r.skipped.is_empty()).then(|| format!(" {}", i18n.t_with("mentoring-skipped", &[("count", Arg::from(r.skipped.len()))])))}
                </p>
            })}
            <Transition fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    run.await.map(|r| view! { <RunBody r accept rerun/> })
                })}
            </Transition>
        </section>
    }
}

#[component]
fn RunBody(
    r: RunView,
    accept: ServerAction<AcceptProposals>,
    rerun: ServerAction<Rerun>,
) -> impl IntoView {
    let i18n = use_i18n();
    let status = status_label(i18n, "mentoring-run-status", &r.status);
    let header = view! {
        <p class="mentoring-run-meta">
            <span class="badge" data-testid="run-status" data-status=r.status.clone()>{status}</span>
            " "{i18n.date_time(r.created_at)}
            " · "{i18n.t_with("mentoring-pins-count", &[("pins", Arg::from(r.pins.len())), ("forbids", Arg::from(r.forbids.len()))])}
        </p>
    };
    if unfinished(&r.status) {
        let href = format!("/mentoring/runs/{}", r.id);
        return view! {
            {header}
            <p>
                <label for="run-progress">{i18n.t("mentoring-run-progress")}</label>" "
                <progress id="run-progress" max="100" value=r.progress data-testid="run-progress">{format!("{} %", r.progress)}</progress>
                " "<a href=href data-testid="run-refresh">{i18n.t("mentoring-refresh")}</a>
            </p>
        }
        .into_any();
    }
    if r.status == "failed" {
        let code = r.error.clone().unwrap_or_else(|| "internal".into());
        return view! {
            {header}
            <div class="alert alert-error" role="alert" data-testid="run-error" data-code=code.clone()>
                {i18n.t(&format!("mentoring-run-error-{}", code.replace('_', "-")))}
            </div>
        }
        .into_any();
    }
    let run_id = r.id;
    let any_proposed = r.proposals.iter().any(|p| p.status == "proposed");
    view! {
        {header}
        <div class="stats">
            <div class="stat"><span class="stat-value" data-testid="run-matched">{r.matched}</span>
                <span class="stat-label">{i18n.t_with("mentoring-matched", &[("matched", Arg::from(r.matched)), ("mentees", Arg::from(r.mentees_in_pool))])}</span></div>
            <div class="stat"><span class="stat-value">{i18n.number(r.total_score)}</span>
                <span class="stat-label">{i18n.t("mentoring-total-score")}</span></div>
            <div class="stat"><span class="stat-value">{r.mentors_in_pool}</span>
                <span class="stat-label">{i18n.t("mentoring-mentors-in-pool")}</span></div>
        </div>
        <h2>{i18n.t("mentoring-proposals")}</h2>
        {any_proposed.then(|| view! {
            <ActionForm action=accept attr:class="form-inline">
                <input type="hidden" name="id" value=run_id.to_string()/>
                <input type="hidden" name="all" value="on"/>
                <button type="submit" class="button" data-testid="accept-all">{i18n.t("mentoring-accept-all")}</button>
            </ActionForm>
        })}
        <Proposals run_id proposals=r.proposals.clone() accept rerun/>
        <h2>{i18n.t("mentoring-unmatched")}</h2>
        <Unmatched list=r.unmatched.clone()/>
        <h2>{i18n.t("mentoring-fairness")}</h2>
        <Fairness rows=r.fairness.clone()/>
    }
    .into_any()
}
