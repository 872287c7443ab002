//! The exercise calendar's pages (issue 4): list with filters, month grid, timeline, "my
//! exercises" with calendar feeds, detail with conflicts and ratings, the planning form, the
//! blackouts and the scheduling assistant. Shared widgets live here.

pub mod blackouts;
pub mod detail;
pub mod edit;
pub mod list;
pub mod mine;
pub mod month;
pub mod schedule;
pub mod timeline;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::{
    api::exercises::{ConflictView, key_of},
    i18n::{Arg, I18n},
    ui::use_i18n,
};

/// The tabs across the calendar pages.
#[component]
pub fn ExerciseTabs() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="tabs" aria-label=i18n.t("exercises-title")>
            <A href="/exercises" exact=true attr:data-testid="tab-exercises">{i18n.t("exercises-list")}</A>
            <A href="/exercises/month" attr:data-testid="tab-month">{i18n.t("exercises-month")}</A>
            <A href="/exercises/timeline" attr:data-testid="tab-timeline">{i18n.t("exercises-timeline")}</A>
            <A href="/exercises/mine" attr:data-testid="tab-mine">{i18n.t("exercises-mine")}</A>
            <A href="/exercises/new" attr:data-testid="tab-new">{i18n.t("exercises-new")}</A>
            <A href="/exercises/schedule" attr:data-testid="tab-schedule">{i18n.t("exercises-schedule")}</A>
            <A href="/exercises/blackouts" attr:data-testid="tab-blackouts">{i18n.t("exercises-blackouts")}</A>
        </nav>
    }
}

/// A vocabulary code in the reader's language, e.g. `status` + `in_progress`.
pub fn label(i18n: I18n, group: &str, code: &str) -> String {
    i18n.t_or(&format!("exercises-{group}-{}", key_of(code)), code)
}

/// `2031-05-01T08:00` as the reader writes dates, with the time.
pub fn local_label(i18n: I18n, local: &str) -> String {
    match chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M") {
        Ok(t) => format!("{} {}", i18n.date(t.date()), t.format("%H:%M")),
        Err(_) => local.to_owned(),
    }
}

fn when(i18n: I18n, t: DateTime<Utc>) -> Arg {
    Arg::Str(i18n.date_time(t))
}

/// One conflict explained in a sentence; exercises the reader may not see are only "busy".
pub fn conflict_sentence(i18n: I18n, c: &ConflictView) -> String {
    let from = ("from", when(i18n, c.start_at));
    let to = ("to", when(i18n, c.end_at));
    let other = ("other", Arg::Str(c.other_codes.join(", ")));
    let s = |v: &Option<String>| Arg::Str(v.clone().unwrap_or_default());
    match c.kind.as_str() {
        "unit_double_booked" if c.other_codes.is_empty() => i18n.t_with(
            "exercises-conflict-unit-busy",
            &[("unit", s(&c.unit_name)), from, to],
        ),
        "unit_double_booked" => i18n.t_with(
            "exercises-conflict-unit-double-booked",
            &[("unit", s(&c.unit_name)), other, from, to],
        ),
        "person_double_booked" if c.other_codes.is_empty() => i18n.t_with(
            "exercises-conflict-person-busy",
            &[("person", s(&c.person_name)), from, to],
        ),
        "person_double_booked" => i18n.t_with(
            "exercises-conflict-person-double-booked",
            &[("person", s(&c.person_name)), other, from, to],
        ),
        "base_over_capacity" => i18n.t_with(
            "exercises-conflict-base-over-capacity",
            &[
                ("base", s(&c.base_name)),
                ("peak", Arg::Num(f64::from(c.peak.unwrap_or(0)))),
                ("capacity", Arg::Num(f64::from(c.capacity.unwrap_or(0)))),
                from,
                to,
            ],
        ),
        _ => i18n.t_with(
            "exercises-conflict-blackout",
            &[
                ("nation", s(&c.nation_code)),
                ("reason", s(&c.blackout_reason)),
                from,
                to,
            ],
        ),
    }
}

/// The conflicts of an exercise as a list of sentences (or a note that there are none).
#[component]
pub fn ConflictList(conflicts: Vec<ConflictView>) -> impl IntoView {
    let i18n = use_i18n();
    if conflicts.is_empty() {
        return view! { <p class="conflicts-none" data-testid="conflicts-none">{i18n.t("exercises-conflicts-none")}</p> }
            .into_any();
    }
    view! {
        <ul class="conflicts" data-testid="conflicts">
            {conflicts
                .iter()
                .map(|c| {
                    let text = conflict_sentence(i18n, c);
                    view! {
                        <li class="conflict" data-testid="conflict" data-kind=c.kind.clone() data-busy=c.busy.to_string()>
                            {text}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// A status badge.
#[component]
pub fn StatusBadge(status: String) -> impl IntoView {
    let i18n = use_i18n();
    let text = label(i18n, "status", &status);
    view! { <span class=format!("badge status-{status}") data-testid="status" data-status=status.clone()>{text}</span> }
}
