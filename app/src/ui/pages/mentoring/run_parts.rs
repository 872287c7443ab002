//! The parts of a run page: the sortable proposals table with breakdowns and per-row actions,
//! the unmatched mentees with their reasons, and the fairness chart with its table.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

use crate::{
    api::mentoring::{
        AcceptProposals, Constraint, FairnessRow, PersonRef, ProposalView, Rerun, ScoreBreakdown,
        UnmatchedView,
    },
    i18n::{Arg, I18n},
    ui::{
        components::chart::{Bar, BarChart},
        use_i18n,
    },
};

/// The columns a proposals table sorts by; scores sort highest first, names alphabetically.
const SORTS: [&str; 7] = [
    "mentee",
    "mentor",
    "score",
    "specialty",
    "cross_nation",
    "proximity",
    "language",
];

fn sort(list: &mut [ProposalView], by: &str) {
    let key = |p: &ProposalView| -> i64 {
        let b = &p.breakdown;
        match by {
            "specialty" => b.specialty.contribution,
            "cross_nation" => b.cross_nation.contribution,
            "proximity" => b.proximity.contribution,
            "language" => b.language.contribution,
            _ => b.total,
        }
    };
    match by {
        "mentor" => {
            list.sort_by(|a, b| (&a.mentor.name, a.mentor.id).cmp(&(&b.mentor.name, b.mentor.id)))
        }
        "mentee" | "" => {
            list.sort_by(|a, b| (&a.mentee.name, a.mentee.id).cmp(&(&b.mentee.name, b.mentee.id)))
        }
        _ => list.sort_by(|a, b| key(b).cmp(&key(a)).then(a.mentee.id.cmp(&b.mentee.id))),
    }
}

fn who(p: &PersonRef) -> String {
    match &p.nation_code {
        Some(code) => format!("{} ({code}, {})", p.name, p.rank),
        None => format!("{} ({})", p.name, p.rank),
    }
}

fn constraint_label(i18n: I18n, c: Constraint) -> String {
    let key = serde_json::to_value(c)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', "-")))
        .unwrap_or_default();
    i18n.t(&format!("mentoring-constraint-{key}"))
}

/// The score explanation: each component as raw × weight = contribution.
#[component]
fn Breakdown(b: ScoreBreakdown) -> impl IntoView {
    let i18n = use_i18n();
    let rows = [
        ("mentoring-weight-specialty", b.specialty),
        ("mentoring-weight-cross-nation", b.cross_nation),
        ("mentoring-weight-proximity", b.proximity),
        ("mentoring-weight-language", b.language),
    ];
    view! {
        <details class="mentoring-breakdown" data-testid="breakdown">
            <summary data-testid="breakdown-toggle">{i18n.number(b.total)}</summary>
            <dl data-testid="breakdown-detail">
                {rows.into_iter().map(|(key, c)| view! {
                    <dt>{i18n.t(key)}</dt>
                    <dd>{i18n.t_with("mentoring-component", &[
                        ("raw", Arg::from(i64::from(c.raw))),
                        ("weight", Arg::from(i64::from(c.weight))),
                        ("contribution", Arg::from(c.contribution)),
                    ])}</dd>
                }).collect_view()}
            </dl>
        </details>
    }
}

#[component]
fn SortHeader(run_id: Uuid, column: &'static str, label: String, numeric: bool) -> impl IntoView {
    let query = use_query_map();
    let current = move || {
        query
            .with(|q| q.get("sort"))
            .unwrap_or_else(|| "mentee".into())
    };
    let sorted =
        move || (current() == column).then_some(if numeric { "descending" } else { "ascending" });
    let href = format!("/mentoring/runs/{run_id}?sort={column}");
    view! {
        <th scope="col" class:num=numeric aria-sort=sorted>
            <a href=href data-testid=format!("sort-{column}")>{label}</a>
        </th>
    }
}

/// Pin / forbid (re-run) and accept buttons of one proposal.
#[component]
fn RowActions(
    run_id: Uuid,
    p: ProposalView,
    accept: ServerAction<AcceptProposals>,
    rerun: ServerAction<Rerun>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (mentor, mentee, id) = (
        p.mentor.id.to_string(),
        p.mentee.id.to_string(),
        run_id.to_string(),
    );
    let rule_form = |rule: &'static str, key: &'static str| {
        let (mentor, mentee, id) = (mentor.clone(), mentee.clone(), id.clone());
        view! {
            <ActionForm action=rerun attr:class="inline-form">
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="rule" value=rule/>
                <input type="hidden" name="mentor_id" value=mentor/>
                <input type="hidden" name="mentee_id" value=mentee/>
                <button type="submit" class="button button-small button-ghost" data-testid=rule>{i18n.t(key)}</button>
            </ActionForm>
        }
    };
    let proposed = p.status == "proposed";
    view! {
        {(!p.pinned && proposed).then(|| rule_form("pin", "mentoring-pin"))}
        {proposed.then(|| rule_form("forbid", "mentoring-forbid"))}
        {proposed.then(|| view! {
            <ActionForm action=accept attr:class="inline-form">
                <input type="hidden" name="id" value=id.clone()/>
                <input type="hidden" name="mentor_id" value=mentor.clone()/>
                <input type="hidden" name="mentee_id" value=mentee.clone()/>
                <button type="submit" class="button button-small" data-testid="accept">{i18n.t("mentoring-accept")}</button>
            </ActionForm>
        })}
    }
}

#[component]
pub fn Proposals(
    run_id: Uuid,
    proposals: Vec<ProposalView>,
    accept: ServerAction<AcceptProposals>,
    rerun: ServerAction<Rerun>,
) -> impl IntoView {
    let i18n = use_i18n();
    if proposals.is_empty() {
        return view! { <p class="empty">{i18n.t("mentoring-proposals-none")}</p> }.into_any();
    }
    let query = use_query_map();
    let rows = move || {
        let by = query.with(|q| q.get("sort")).unwrap_or_default();
        let by = if SORTS.contains(&by.as_str()) {
            by
        } else {
            String::new()
        };
        let mut list = proposals.clone();
        sort(&mut list, &by);
        list.into_iter()
            .map(|p| {
                let status = super::status_label(i18n, "mentoring-status", &p.status);
                let (mentee_name, mentor_name, state) =
                    (p.mentee.username.clone(), p.mentor.username.clone(), p.status.clone());
                let (mentee, mentor, pinned, b) = (who(&p.mentee), who(&p.mentor), p.pinned, p.breakdown);
                view! {
                    <tr data-testid="proposal-row" data-mentee=mentee_name data-mentor=mentor_name data-status=state>
                        <td>{mentee}</td>
                        <td>{mentor}{pinned.then(|| view! { " "<span class="badge">{i18n.t("mentoring-pinned")}</span> })}</td>
                        <td class="num"><Breakdown b/></td>
                        <td>{status}</td>
                        <td class="mentoring-actions"><RowActions run_id p accept rerun/></td>
                    </tr>
                }
            })
            .collect_view()
    };
    // the table is assembled from type-erased parts: one nested view type is too deep for the
    // optimised wasm build
    let head = view! {
        <thead><tr>
            <SortHeader run_id column="mentee" label=i18n.t("mentoring-mentee") numeric=false/>
            <SortHeader run_id column="mentor" label=i18n.t("mentoring-mentor") numeric=false/>
            <SortHeader run_id column="score" label=i18n.t("mentoring-score") numeric=true/>
            <th scope="col">{i18n.t("mentoring-status")}</th>
            <th scope="col">{i18n.t("common-actions")}</th>
        </tr></thead>
    }
    .into_any();
    let body = view! { <tbody>{rows}</tbody> }.into_any();
    let more = view! {
        <p class="mentoring-sort-more">
            {i18n.t("mentoring-sort-by")}" "
            {SORTS[3..].iter().map(|c| view! {
                <a href=format!("/mentoring/runs/{run_id}?sort={c}") data-testid=format!("sort-{c}")>{i18n.t(&format!("mentoring-weight-{}", c.replace('_', "-")))}</a>" "
            }).collect_view()}
        </p>
    }
    .into_any();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=i18n.t("mentoring-proposals")>
            <table class="table" data-testid="proposals">{head}{body}</table>
        </div>
        {more}
    }
    .into_any()
}

#[component]
pub fn Unmatched(list: Vec<UnmatchedView>) -> impl IntoView {
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <p class="empty">{i18n.t("mentoring-unmatched-none")}</p> }.into_any();
    }
    view! {
        <ul class="mentoring-unmatched" data-testid="unmatched">
            {list.into_iter().map(|u| {
                let reason = if u.reason == "capacity_taken" {
                    i18n.t_with("mentoring-reason-capacity", &[("count", Arg::from(u.eligible_mentors))])
                } else {
                    i18n.t("mentoring-reason-no-eligible")
                };
                let nearest = (!u.nearest.is_empty()).then(|| view! {
                    <ul>
                        {u.nearest.iter().map(|n| {
                            let rules = n.constraints.iter().map(|c| constraint_label(i18n, *c)).collect::<Vec<_>>().join(", ");
                            view! { <li>{who(&n.mentor)}": "{rules}</li> }
                        }).collect_view()}
                    </ul>
                });
                view! {
                    <li data-testid="unmatched-row" data-reason=u.reason.clone()>
                        <strong>{who(&u.mentee)}</strong>" — "{reason}
                        {nearest.map(|n| view! { <br/>{i18n.t("mentoring-nearest")}{n} })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// Mentees per mentor by nation and by rank grade: a bar chart each, and the table.
#[component]
pub fn Fairness(rows: Vec<FairnessRow>) -> impl IntoView {
    let i18n = use_i18n();
    let per = |r: &FairnessRow| {
        if r.mentors == 0 {
            0.0
        } else {
            r.mentees as f64 / r.mentors as f64
        }
    };
    let max = rows.iter().map(per).fold(0.0, f64::max);
    let chart = |group: &str, title: String| {
        let bars: Vec<Bar> = rows
            .iter()
            .filter(|r| r.group == group)
            .map(|r| Bar {
                label: r.label.clone(),
                segments: vec![(per(r), "seg-1")],
            })
            .collect();
        let summary = i18n.t_with(
            "mentoring-fairness-summary",
            &[("groups", Arg::from(bars.len()))],
        );
        view! { <BarChart title summary bars max testid=format!("fairness-{group}")/> }
    };
    view! {
        {chart("nation", i18n.t("mentoring-fairness-by-nation"))}
        {chart("rank", i18n.t("mentoring-fairness-by-rank"))}
        <div class="table-scroll" tabindex="0" role="region" aria-label=i18n.t("mentoring-fairness")>
            <table class="table" data-testid="fairness-table">
                <thead><tr>
                    <th scope="col">{i18n.t("mentoring-group")}</th>
                    <th scope="col" class="num">{i18n.t("mentoring-mentors")}</th>
                    <th scope="col" class="num">{i18n.t("mentoring-mentees")}</th>
                    <th scope="col" class="num">{i18n.t("mentoring-per-mentor")}</th>
                </tr></thead>
                <tbody>
                    {rows.iter().map(|r| view! {
                        <tr>
                            <td>{r.label.clone()}</td>
                            <td class="num">{r.mentors}</td>
                            <td class="num">{r.mentees}</td>
                            <td class="num">{format!("{:.2}", per(r))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
