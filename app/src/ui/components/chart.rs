//! Server-rendered SVG charts with a text alternative: horizontal bar charts (stacked or
//! single) and sparklines. No script, no external library; styling comes from `main.css`.

use leptos::prelude::*;

/// One bar: a label and its segments as (value, CSS class) in drawing order.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub segments: Vec<(f64, &'static str)>,
}

/// A horizontal (stacked) bar chart. `max` is the value of a full-width bar; `summary` is the
/// text alternative read by screen readers (a table with the same figures should accompany it).
#[component]
pub fn BarChart(
    title: String,
    summary: String,
    bars: Vec<Bar>,
    max: f64,
    #[prop(optional, into)] testid: String,
) -> impl IntoView {
    const LABEL_W: f64 = 160.0;
    const BAR_W: f64 = 300.0;
    const ROW_H: f64 = 26.0;
    let height = (bars.len() as f64 * ROW_H + 8.0).max(ROW_H);
    let width = LABEL_W + BAR_W + 60.0;
    let max = if max > 0.0 { max } else { 1.0 };
    view! {
        <figure class="chart" data-testid=testid>
            <svg
                viewBox=format!("0 0 {width} {height}")
                role="img"
                aria-label=format!("{title}. {summary}")
                preserveAspectRatio="xMinYMin meet"
            >
                <title>{title.clone()}</title>
                {bars
                    .into_iter()
                    .enumerate()
                    .map(|(i, bar)| {
                        let y = i as f64 * ROW_H + 4.0;
                        let mut x = LABEL_W;
                        let total: f64 = bar.segments.iter().map(|s| s.0).sum();
                        let rects = bar
                            .segments
                            .into_iter()
                            .map(|(v, class)| {
                                let w = (v / max * BAR_W).max(0.0);
                                let r = view! { <rect x=x y=y width=w height=ROW_H - 8.0 class=class></rect> };
                                x += w;
                                r
                            })
                            .collect_view();
                        let label: String = bar.label.chars().take(24).collect();
                        view! {
                            <g>
                                <text x=LABEL_W - 6.0 y=y + ROW_H / 2.0 class="chart-label" text-anchor="end">{label}</text>
                                {rects}
                                <text x=x + 4.0 y=y + ROW_H / 2.0 class="chart-value">{format_value(total)}</text>
                            </g>
                        }
                    })
                    .collect_view()}
            </svg>
            <figcaption class="visually-hidden">{summary}</figcaption>
        </figure>
    }
}

fn format_value(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// A small trend line of `points` (oldest first) scaled to `0..=max`, with its text alternative.
#[component]
pub fn Sparkline(points: Vec<f64>, max: f64, label: String) -> impl IntoView {
    const W: f64 = 100.0;
    const H: f64 = 24.0;
    let max = if max > 0.0 { max } else { 1.0 };
    let n = points.len();
    let path = points
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let x = if n > 1 {
                i as f64 / (n - 1) as f64 * W
            } else {
                W / 2.0
            };
            let y = H - (v / max).clamp(0.0, 1.0) * (H - 2.0) - 1.0;
            format!("{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" })
        })
        .collect::<Vec<_>>()
        .join(" ");
    let aria = label.clone();
    view! {
        <svg class="sparkline" viewBox=format!("0 0 {W} {H}") role="img" aria-label=aria width="100" height="24">
            <title>{label}</title>
            <path d=path class="sparkline-path"></path>
        </svg>
    }
}
