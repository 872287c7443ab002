//! `/exercises/month?month=YYYY-MM`: a month grid, Monday first, each day listing the exercises
//! that overlap it (by UTC date). Previous/next are plain links.

use chrono::{Datelike, Duration, NaiveDate};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

use super::ExerciseTabs;
use crate::{
    api::exercises::{MonthChip, MonthGridView, month_grid},
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
    let data = Resource::new(args, |(month, nation)| month_grid(month, nation));
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
fn MonthGrid(m: MonthGridView) -> impl IntoView {
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
    let on_day = |d: NaiveDate| day_items_html(&m.exercises, d);
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
                                view! {
                                    <td class:outside=outside data-date=d.to_string()>
                                        <span class="day-number">{d.day()}</span>
                                        <ul class="day-items" inner_html=on_day(d)></ul>
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

/// The chips of one day as HTML: a busy month has a thousand of them, and a view per chip made
/// the page's render (and its hydration) the costliest part of the request. They are plain links,
/// which the router still follows without reloading; hydration keeps the server's HTML as is.
fn day_items_html(exercises: &[MonthChip], d: NaiveDate) -> String {
    let mut out = String::new();
    for e in exercises
        .iter()
        .filter(|e| e.first_day <= d && d <= e.last_day)
    {
        out.push_str("<li class=\"day-item status-");
        push_escaped(&mut out, &e.status);
        out.push_str("\"><a href=\"/exercises/");
        out.push_str(&e.id.to_string());
        out.push_str("\" title=\"");
        push_escaped(&mut out, &e.name);
        out.push_str("\">");
        push_escaped(&mut out, &e.code);
        out.push_str("</a></li>");
    }
    out
}

/// Appends `text` escaped for an HTML text node or a quoted attribute value.
fn push_escaped(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;

    fn chip(code: &str, name: &str, from: u32, to: u32) -> MonthChip {
        MonthChip {
            id: Uuid::nil(),
            code: code.into(),
            name: name.into(),
            status: "planned".into(),
            first_day: NaiveDate::from_ymd_opt(2027, 3, from).unwrap(),
            last_day: NaiveDate::from_ymd_opt(2027, 3, to).unwrap(),
        }
    }

    #[test]
    fn a_day_lists_the_exercises_overlapping_it_as_escaped_links() {
        let list = [
            chip("A<1>", "Supply \"chain\" & 'rail'", 2, 4),
            chip("B", "Later", 5, 6),
        ];
        let day = |n| NaiveDate::from_ymd_opt(2027, 3, n).unwrap();
        assert_eq!(day_items_html(&list, day(1)), "");
        let html = day_items_html(&list, day(4));
        assert_eq!(
            html,
            "<li class=\"day-item status-planned\"><a href=\"/exercises/00000000-0000-0000-0000-000000000000\" \
             title=\"Supply &quot;chain&quot; &amp; &#39;rail&#39;\">A&lt;1&gt;</a></li>"
        );
        assert_eq!(day_items_html(&list, day(5)).matches("<li").count(), 1);
    }
}
