//! `/exercises/timeline?month=YYYY-MM&by=base|nation|unit`: one month as bars, one row per base,
//! lead nation or unit (an SVG, so it needs no inline styles and no JavaScript).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

use super::ExerciseTabs;
use crate::{
    api::exercises::{
        ExerciseSummary, MonthView, PlanningChoices, exercise_choices, month_calendar,
    },
    error::AppError,
    ui::use_i18n,
};

const LABEL: i64 = 230;
const DAY: i64 = 22;
const ROW: i64 = 26;

#[component]
pub fn TimelinePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let args = move || {
        query.with(|q| {
            (
                q.get("month").filter(|m| !m.is_empty()),
                q.get("by").unwrap_or_else(|| "base".into()),
            )
        })
    };
    let data = Resource::new(args, |(month, by)| async move {
        Ok::<_, AppError>((
            month_calendar(month, None).await?,
            exercise_choices().await?,
            by,
        ))
    });
    view! {
        <section class="page exercises">
            <h1>{i18n.t("exercises-timeline")}</h1>
            <ExerciseTabs/>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    data.await.map(|(m, choices, by)| view! { <Timeline m choices by/> })
                })}
            </Suspense>
        </section>
    }
}

fn groups(
    m: &MonthView,
    choices: &PlanningChoices,
    by: &str,
) -> BTreeMap<String, Vec<ExerciseSummary>> {
    let mut out: BTreeMap<String, Vec<ExerciseSummary>> = BTreeMap::new();
    for e in &m.exercises {
        let keys: Vec<String> = match by {
            "nation" => vec![e.lead_nation_code.clone()],
            "unit" => e
                .unit_ids
                .iter()
                .filter_map(|u| choices.units.iter().find(|c| c.id == *u))
                .map(|c| c.label.clone())
                .collect(),
            _ => vec![e.host_base_name.clone()],
        };
        for k in keys {
            out.entry(k).or_default().push(e.clone());
        }
    }
    out
}

#[component]
fn Timeline(m: MonthView, choices: PlanningChoices, by: String) -> impl IntoView {
    let i18n = use_i18n();
    let Some(first) = NaiveDate::from_ymd_opt(m.year, m.month, 1) else {
        return ().into_any();
    };
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(first);
    let days = (next - first).num_days();
    let rows = groups(&m, &choices, &by);
    let height = ROW * i64::try_from(rows.len()).unwrap_or(0) + ROW;
    let width = LABEL + DAY * days;
    let month = format!("{:04}-{:02}", m.year, m.month);
    let title = format!(
        "{} {}",
        i18n.t(&format!("exercises-month-name-{}", m.month)),
        m.year
    );
    let day_x = |d: NaiveDate| LABEL + DAY * (d - first).num_days().clamp(0, days);
    view! {
        <nav class="tabs" aria-label=i18n.t("exercises-timeline-by")>
            {["base", "nation", "unit"].into_iter().map(|b| view! {
                <A href=format!("/exercises/timeline?month={month}&by={b}") attr:data-testid=format!("timeline-by-{b}")>{i18n.t(&format!("exercises-timeline-by-{b}"))}</A>
            }).collect_view()}
        </nav>
        <h2>{title.clone()}</h2>
        <div class="table-scroll" tabindex="0" role="region" aria-label=i18n.t("exercises-timeline")>
            <svg class="timeline" data-testid="timeline" role="img" aria-label=title viewBox=format!("0 0 {width} {height}") width=width height=height>
                {(1..=days).map(|d| view! {
                    <text class="timeline-day" x=LABEL + DAY * (d - 1) + 4 y=16>{d}</text>
                }).collect_view()}
                {rows.into_iter().enumerate().map(|(i, (name, list))| {
                    let y = ROW * (i64::try_from(i).unwrap_or(0) + 1);
                    view! {
                        <text class="timeline-label" x=4 y=y + 17>{name}</text>
                        {list.into_iter().map(|e| {
                            let x = day_x(e.start_at.date_naive());
                            let end = day_x(e.end_at.date_naive() + chrono::Duration::days(1));
                            view! {
                                <a href=format!("/exercises/{}", e.id)>
                                    <rect class=format!("timeline-bar status-{}", e.status) x=x y=y + 4 width=(end - x).max(4) height=ROW - 8 rx=3>
                                        <title>{format!("{} — {}", e.code, e.name)}</title>
                                    </rect>
                                </a>
                            }
                        }).collect_view()}
                    }
                }).collect_view()}
            </svg>
        </div>
    }
    .into_any()
}
