//! `/readiness/people/:id`: why a person scores what they score — missing and expired modules
//! (naming when they expired), the ratings that counted and the low ones, mentor status, and
//! what lapses within 30/60/90 days.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_params_map};

use super::{AsOfForm, ComponentCells, ComponentHeads, LevelBadge, query, score_text};
use crate::{
    api::readiness::{ModuleLapse, PersonReadiness, RatingEvidence, readiness_person},
    ui::use_i18n,
};

#[component]
pub fn ReadinessPersonPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    let as_of = query("as_of");
    let data = Resource::new(
        move || (id.get(), as_of.get()),
        |(id, as_of)| readiness_person(id, as_of),
    );
    view! {
        <section class="page readiness">
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    data.await.map(|p| view! { <PersonView p as_of=as_of.get_untracked()/> })
                })}
            </Suspense>
        </section>
    }
}

fn module_list(
    items: Vec<ModuleLapse>,
    testid: &'static str,
    dated: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="plain-list">
            {items.into_iter().map(|m| {
                let when = dated.map(|key| i18n.t_with(key, &[("date", m.expires_on.to_string().into())]));
                let code = m.code.clone();
                view! { <li data-testid=testid data-module=code><strong>{m.code}</strong>{when.map(|w| view! { " — "{w} })}</li> }
            }).collect_view()}
        </ul>
    }
}

fn ratings(items: Vec<RatingEvidence>, testid: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="plain-list">
            {items.into_iter().map(|r| {
                let text = i18n.t_with("readiness-rating-line", &[
                    ("exercise", r.exercise_code.clone().into()),
                    ("objective", r.objective.clone().into()),
                    ("date", r.completed_on.to_string().into()),
                ]);
                let class = format!("rating rating-{}", r.rating.to_lowercase());
                view! { <li data-testid=testid><span class=class>{r.rating}</span>" "{text}</li> }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn PersonView(p: PersonReadiness, as_of: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let unit_href = p
        .person
        .unit_id
        .map(|u| format!("/readiness/units/{u}"))
        .unwrap_or_else(|| "/readiness".into());
    let mentor = match p.mentor.status.as_str() {
        "active" => i18n.t_with(
            "readiness-mentor-active",
            &[(
                "date",
                p.mentor
                    .since
                    .map(|d| d.to_string())
                    .unwrap_or_default()
                    .into(),
            )],
        ),
        "no_mentor" => i18n.t("readiness-mentor-none"),
        _ => i18n.t("readiness-mentor-na"),
    };
    view! {
        <p><A href=unit_href>{p.person.unit_name.clone()}</A></p>
        <h1 data-testid="person-name">{p.person.name.clone()}" "<span class="muted">{p.person.rank.clone()}</span></h1>
        <AsOfForm as_of=as_of/>
        <p class="big"><LevelBadge level=Some(p.person.level.clone()) testid="person-level"/>" "<span data-testid="person-score">{score_text(Some(p.person.score))}</span></p>
        <table class="table compact"><thead><tr><ComponentHeads/></tr></thead><tbody><tr><ComponentCells c=p.person.components.clone()/></tr></tbody></table>
        <section class="card" data-testid="training-evidence">
            <h2>{i18n.t("readiness-training")}</h2>
            <p>{i18n.t_with("readiness-training-count", &[("valid", p.valid_modules.to_string().into()), ("required", p.required_modules.to_string().into())])}</p>
            {(!p.expired.is_empty()).then(|| view! {
                <h3>{i18n.t("readiness-expired-modules")}</h3>
                {module_list(p.expired.clone(), "expired-module", Some("readiness-expired-on"))}
            })}
            {(!p.missing.is_empty()).then(|| view! {
                <h3>{i18n.t("readiness-missing-modules")}</h3>
                {module_list(p.missing.clone(), "missing-module", None)}
            })}
        </section>
        <section class="card" data-testid="exercise-evidence">
            <h2>{i18n.t("readiness-exercise")}</h2>
            <p>{i18n.t_with("readiness-ratings-count", &[("count", p.ratings_counted.len().into()), ("date", p.window_after.to_string().into())])}</p>
            {(!p.low_ratings.is_empty()).then(|| view! {
                <h3>{i18n.t("readiness-low-ratings")}</h3>
                {ratings(p.low_ratings.clone(), "low-rating")}
            })}
        </section>
        <section class="card" data-testid="mentor-evidence">
            <h2>{i18n.t("readiness-mentorship")}</h2>
            <p>{mentor}</p>
        </section>
        <section class="card">
            <h2>{i18n.t("readiness-projections")}</h2>
            <table class="table" data-testid="projections">
                <thead><tr>
                    <th scope="col">{i18n.t("readiness-horizon")}</th>
                    <th scope="col">{i18n.t("readiness-lapsing")}</th>
                    <th scope="col" class="num">{i18n.t("readiness-projected")}</th>
                </tr></thead>
                <tbody>
                    {p.projections.into_iter().map(|pr| view! {
                        <tr>
                            <th scope="row">{i18n.t_with("readiness-expiring-within", &[("days", pr.days.to_string().into())])}</th>
                            <td>{pr.lapsing.iter().map(|m| format!("{} ({})", m.code, m.expires_on)).collect::<Vec<_>>().join(", ")}</td>
                            <td class="num">{score_text(Some(pr.projected_score))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
