//! `/exercises/month?month=YYYY-MM`: a month grid, Monday first, each day listing the exercises
//! that overlap it (by UTC date). Previous/next are plain links.

use chrono::{Datelike, Duration, NaiveDate};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

use super::ExerciseTabs;
use crate::{
    api::exercises::{ExerciseSummary, MonthView, month_calendar},
    ui::use_i18n,
};

#[component]
pub fn ExercisesMonthPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let args = move || {
        query.with(|q| {
            (
                q.get("month").filter(|m| !m.is_empty()),
                q.get("nation").filter(|m| !m.is_empty()),
            )
        })
    };
    let data = Resource::new(args, |(month, nation)| month_calendar(month, nation));
    view! {
        <section class="page exercises">
            <h1>{i18n.t("exercises-title")}</h1>
            <ExerciseTabs/>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move { data.await.map(|m| view! { <MonthGrid m/> }) })}
            </Suspense>
        </section>
    }
}

fn month_param(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

#[component]
fn MonthGrid(m: MonthView) -> impl IntoView {
    let i18n = use_i18n();
    let Some(first) = NaiveDate::from_ymd_opt(m.year, m.month, 1) else {
        return ().into_any();
    };
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(first);
    let prev = first
        .checked_sub_months(chrono::Months::new(1))
        .unwrap_or(first);
    let grid_start = first - Duration::days(i64::from(first.weekday().num_days_from_monday()));
    let title = format!(
        "{} {}",
        i18n.t(&format!("exercises-month-name-{}", m.month)),
        m.year
    );
    let weeks: Vec<Vec<NaiveDate>> = (0..6)
        .map(|w| {
            (0..7)
                .map(|d| grid_start + Duration::days(w * 7 + d))
                .collect()
        })
        .filter(|week: &Vec<NaiveDate>| week[0] < next)
        .collect();
    // Each day's chips are plain links (the router still handles them without reloading):
    // the router's `<A>` adds reactive state per link, and a busy month has a thousand chips.
    let on_day = |d: NaiveDate| {
        m.exercises
            .iter()
            .filter(|e| e.start_at.date_naive() <= d && d <= e.end_at.date_naive())
            .map(|e: &ExerciseSummary| {
                view! {
                    <li class=format!("day-item status-{}", e.status)>
                        <a href=format!("/exercises/{}", e.id) title=e.name.clone()>{e.code.clone()}</a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="month-head">
            <A href=format!("/exercises/month?month={}", month_param(prev)) attr:class="button button-small" attr:data-testid="month-prev">{i18n.t("common-previous")}</A>
            <h2 data-testid="month-title">{title}</h2>
            <A href=format!("/exercises/month?month={}", month_param(next)) attr:class="button button-small" attr:data-testid="month-next">{i18n.t("common-next")}</A>
        </div>
        <p class="month-count" data-testid="month-count">
            {i18n.t_with("exercises-month-count", &[("count", crate::i18n::Arg::Num(m.exercises.len() as f64))])}
        </p>
        <div class="table-scroll" tabindex="0" role="region" aria-label=i18n.t("exercises-month")>
            <table class="month-grid" data-testid="month-grid">
                <thead><tr>
                    {(1..=7).map(|d| view! { <th scope="col">{i18n.t(&format!("exercises-weekday-{d}"))}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {weeks.into_iter().map(|week| view! {
                        <tr>
                            {week.into_iter().map(|d| {
                                let outside = d.month() != m.month;
                                let items = on_day(d);
                                view! {
                                    <td class:outside=outside data-date=d.to_string()>
                                        <span class="day-number">{d.day()}</span>
                                        <ul class="day-items">{items}</ul>
                                    </td>
                                }
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
