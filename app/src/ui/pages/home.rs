//! The home page: the alliance at a glance — every nation with its bases and unit tree, read
//! from the database.

use leptos::prelude::*;

use crate::{
    api::org::{NationView, UnitNode, org_overview},
    i18n::{Arg, I18n},
    ui::{components::unit_tree::UnitTree, use_i18n},
};

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let overview = Resource::new(|| (), |_| org_overview());
    view! {
        <section class="page home">
            <h1>{i18n.t("home-title")}</h1>
            <p class="lead">{i18n.t("home-lead")}</p>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    overview.await.map(|nations| view! { <Overview nations/> })
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Overview(nations: Vec<NationView>) -> impl IntoView {
    let i18n = use_i18n();
    let bases: usize = nations.iter().map(|n| n.bases.len()).sum();
    let units: usize = nations
        .iter()
        .flat_map(|n| &n.units)
        .map(UnitNode::count)
        .sum();
    let stat = |key: &str, n: usize, testid: &'static str| {
        view! {
            <div class="stat" data-testid=testid>
                <span class="stat-value">{i18n.number(n as i64)}</span>
                <span class="stat-label">{i18n.t_with(key, &[("count", Arg::from(n))])}</span>
            </div>
        }
    };
    let empty = nations
        .is_empty()
        .then(|| view! { <p class="empty">{i18n.t("home-empty")}</p> });
    view! {
        <div class="stats">
            {stat("home-stat-nations", nations.len(), "stat-nations")}
            {stat("home-stat-bases", bases, "stat-bases")}
            {stat("home-stat-units", units, "stat-units")}
        </div>
        {empty}
        <div class="nation-grid">
            {nations.into_iter().map(|n| view! { <NationCard nation=n i18n/> }).collect_view()}
        </div>
    }
}

#[component]
fn NationCard(nation: NationView, i18n: I18n) -> impl IntoView {
    let name = i18n.t_or(
        &format!("nation-{}", nation.code.to_lowercase()),
        &nation.name,
    );
    let heading_id = format!("nation-{}", nation.code);
    let labelled_by = heading_id.clone();
    view! {
        <article class="card nation" aria-labelledby=labelled_by data-testid="nation" data-code=nation.code.clone()>
            <header class="card-header">
                <h2 id=heading_id>{name}</h2>
                <span class="badge" title=i18n.t("home-nation-code")>{nation.code.clone()}</span>
            </header>
            <h3>{i18n.t("home-bases")}</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-label=i18n.t("home-bases")>
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("home-base-name")}</th>
                            <th scope="col">{i18n.t("home-base-time-zone")}</th>
                            <th scope="col" class="num">{i18n.t("home-base-capacity")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {nation
                            .bases
                            .into_iter()
                            .map(|b| {
                                view! {
                                    <tr>
                                        <td>{b.name}</td>
                                        <td>{b.time_zone}</td>
                                        <td class="num">{i18n.number(i64::from(b.capacity))}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>{i18n.t("home-units")}</h3>
            <UnitTree units=nation.units/>
        </article>
    }
}
