//! `/mentoring/runs`: a training officer starts a run over a pool with weights, and sees the
//! latest runs in their scope.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_navigate};

use super::{MentoringTabs, status_label};
use crate::{
    api::mentoring::{PoolSpec, RunsPage, StartRun, Weights, list_runs},
    domain::matching::DEFAULT_MIN_YEARS_GAP,
    ui::{
        components::form::{FormAlert, SelectField, TextField, keep_typed_values, last_error},
        use_i18n,
    },
};

#[component]
pub fn MentoringRunsPage() -> impl IntoView {
    let i18n = use_i18n();
    let start = ServerAction::<StartRun>::new();
    keep_typed_values::<StartRun>();
    let page = Resource::new(|| (), |_| list_runs());
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(created)) = start.value().get() {
            navigate(
                &format!("/mentoring/runs/{}", created.id),
                Default::default(),
            );
        }
    });
    view! {
        <section class="page">
            <h1>{i18n.t("mentoring-runs-title")}</h1>
            <MentoringTabs may_run=true/>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    page.await.map(|p| view! { <RunForm page=p.clone() start/><RunList page=p/> })
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn RunForm(page: RunsPage, start: ServerAction<StartRun>) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(start.value());
    let pools: Vec<(String, String)> =
        std::iter::once(("everyone".to_owned(), i18n.t("mentoring-pool-everyone")))
            .chain(
                page.nations
                    .iter()
                    .map(|(id, code)| (id.to_string(), code.clone())),
            )
            .collect();
    let selected = if page.alliance {
        "everyone".to_owned()
    } else {
        page.nations
            .first()
            .map(|n| n.0.to_string())
            .unwrap_or_default()
    };
    let w = Weights::default();
    view! {
        <h2>{i18n.t("mentoring-run-new")}</h2>
        <ActionForm action=start attr:novalidate=true attr:class="card form" attr:data-testid="run-form">
            <FormAlert error/>
            <SelectField name="form[pool]" field="pool" label=i18n.t("mentoring-pool") error options=pools selected=selected/>
            <fieldset class="mentoring-weights">
                <legend>{i18n.t("mentoring-weights")}</legend>
                <TextField name="form[specialty]" field="weights.specialty" kind="number" label=i18n.t("mentoring-weight-specialty") error value=w.specialty.to_string() required=true/>
                <TextField name="form[cross_nation]" field="weights.cross_nation" kind="number" label=i18n.t("mentoring-weight-cross-nation") error value=w.cross_nation.to_string() required=true/>
                <TextField name="form[proximity]" field="weights.proximity" kind="number" label=i18n.t("mentoring-weight-proximity") error value=w.proximity.to_string() required=true/>
                <TextField name="form[language]" field="weights.language" kind="number" label=i18n.t("mentoring-weight-language") error value=w.language.to_string() required=true/>
            </fieldset>
            <TextField name="form[min_years_gap]" field="min_years_gap" kind="number" label=i18n.t("mentoring-min-years-gap") error value=DEFAULT_MIN_YEARS_GAP.to_string() required=true/>
            <button type="submit" class="button" data-testid="run-submit">{i18n.t("mentoring-run-start")}</button>
        </ActionForm>
    }
}

/// A pool in a list: everyone, a nation's code, or a count of units.
pub fn pool_label(
    i18n: crate::i18n::I18n,
    pool: &PoolSpec,
    nations: &[(uuid::Uuid, String)],
) -> String {
    match pool {
        PoolSpec::Everyone => i18n.t("mentoring-pool-everyone"),
        PoolSpec::Nation { nation_id } => nations
            .iter()
            .find(|n| n.0 == *nation_id)
            .map(|n| n.1.clone())
            .unwrap_or_else(|| nation_id.to_string()),
        PoolSpec::Units { unit_ids } => i18n.t_with(
            "mentoring-pool-units",
            &[("count", crate::i18n::Arg::from(unit_ids.len()))],
        ),
    }
}

#[component]
fn RunList(page: RunsPage) -> impl IntoView {
    let i18n = use_i18n();
    if page.runs.is_empty() {
        return view! { <h2>{i18n.t("mentoring-runs-recent")}</h2><p class="empty">{i18n.t("mentoring-runs-none")}</p> }.into_any();
    }
    let nations = page.nations.clone();
    view! {
        <h2>{i18n.t("mentoring-runs-recent")}</h2>
        <div class="table-scroll" tabindex="0" role="region" aria-label=i18n.t("mentoring-runs-recent")>
            <table class="table" data-testid="run-list">
                <thead><tr>
                    <th scope="col">{i18n.t("mentoring-created")}</th>
                    <th scope="col">{i18n.t("mentoring-pool")}</th>
                    <th scope="col">{i18n.t("mentoring-run-status")}</th>
                    <th scope="col" class="num">{i18n.t("mentoring-proposals")}</th>
                </tr></thead>
                <tbody>
                    {page.runs.into_iter().map(|r| view! {
                        <tr data-testid="run-row">
                            <td><A href=format!("/mentoring/runs/{}", r.id)>{i18n.date_time(r.created_at)}</A></td>
                            <td>{pool_label(i18n, &r.pool, &nations)}</td>
                            <td>{status_label(i18n, "mentoring-run-status", &r.status)}</td>
                            <td class="num">{r.matched.map(|m| m.to_string()).unwrap_or_default()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
