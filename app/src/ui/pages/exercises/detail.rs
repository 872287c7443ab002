//! `/exercises/:id`: one exercise with its current conflicts, units, participants and
//! objectives; after the exercise, the ratings form (objective × unit: T, P or U and a comment).

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_params_map};
use uuid::Uuid;

use super::{ConflictList, ExerciseTabs, StatusBadge, label, local_label};
use crate::{
    api::exercises::{
        ExerciseView, RATINGS, RateExercise, RatingsForm, exercise_conflicts, get_exercise,
    },
    error::AppError,
    ui::{
        components::form::{FormAlert, last_error},
        use_i18n,
    },
};

/// The exercise id in the route.
pub fn route_id() -> impl Fn() -> Option<Uuid> + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        params
            .with(|p| p.get("id"))
            .and_then(|s| Uuid::parse_str(&s).ok())
    }
}

#[component]
pub fn ExerciseDetailPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = route_id();
    let rate = ServerAction::<RateExercise>::new();
    let data = Resource::new(
        move || (id(), rate.version().get()),
        |(id, _)| async move {
            let id = id.ok_or(AppError::NotFound)?;
            Ok::<_, AppError>((get_exercise(id).await?, exercise_conflicts(id).await?))
        },
    );
    view! {
        <section class="page exercises">
            <ExerciseTabs/>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    data.await.map(|(e, conflicts)| view! {
                        <Detail e=e.clone()/>
                        <h2>{i18n.t("exercises-conflicts")}</h2>
                        <ConflictList conflicts/>
                        {e.can_rate.then(|| view! { <Ratings e=e.clone() rate/> })}
                    })
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Detail(e: ExerciseView) -> impl IntoView {
    let i18n = use_i18n();
    let list = |group: &'static str, codes: &[String]| {
        codes
            .iter()
            .map(|c| label(i18n, group, c))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let releasable = match &e.releasable_to {
        None => i18n.t("exercises-releasable-all"),
        Some(_) => i18n.t("exercises-releasable-restricted"),
    };
    view! {
        <h1 data-testid="exercise-title"><span class="code">{e.code.clone()}</span>" "{e.name.clone()}</h1>
        <p><StatusBadge status=e.status.clone()/>" "{label(i18n, "kind", &e.kind)}</p>
        {e.can_edit.then(|| view! {
            <p><A href=format!("/exercises/{}/edit", e.id) attr:class="button button-small" attr:data-testid="exercise-edit">{i18n.t("exercises-edit")}</A></p>
        })}
        <div class="card">
            <dl class="facts">
                <dt>{i18n.t("exercises-field-start")}</dt>
                <dd data-testid="exercise-start">{local_label(i18n, &e.start_local)}" ("{e.time_zone.clone()}")"</dd>
                <dt>{i18n.t("exercises-field-end")}</dt>
                <dd>{local_label(i18n, &e.end_local)}" ("{e.time_zone.clone()}")"</dd>
                <dt>{i18n.t("exercises-field-host-base")}</dt><dd>{e.host_base_name.clone()}</dd>
                <dt>{i18n.t("exercises-field-lead-nation")}</dt><dd>{e.lead_nation_code.clone()}</dd>
                <dt>{i18n.t("exercises-field-releasable-to")}</dt><dd>{releasable}</dd>
                <dt>{i18n.t("exercises-field-lines")}</dt><dd>{list("line", &e.lines_of_communication)}</dd>
                <dt>{i18n.t("exercises-field-themes")}</dt><dd>{list("theme", &e.themes)}</dd>
                <dt>{i18n.t("exercises-field-climate")}</dt><dd>{(!e.climate.is_empty()).then(|| label(i18n, "climate", &e.climate))}</dd>
                <dt>{i18n.t("exercises-field-terrain")}</dt><dd>{(!e.terrain.is_empty()).then(|| label(i18n, "terrain", &e.terrain))}</dd>
                {e.override_reason.clone().map(|r| view! {
                    <dt>{i18n.t("exercises-field-override-reason")}</dt><dd data-testid="override-reason">{r}</dd>
                })}
            </dl>
            {(!e.description.is_empty()).then(|| view! { <p class="description">{e.description.clone()}</p> })}
        </div>
        <h2>{i18n.t("exercises-field-units")}</h2>
        <ul class="plain-list" data-testid="exercise-units">
            {e.units.iter().map(|u| view! {
                <li>{format!("{} — {} ({})", u.nation_code, u.unit_name, i18n.number(u.headcount))}</li>
            }).collect_view()}
        </ul>
        <h2>{i18n.t("exercises-field-participants")}</h2>
        <ul class="plain-list" data-testid="exercise-participants">
            {e.participants.iter().map(|p| view! { <li>{p.display_name.clone()}</li> }).collect_view()}
        </ul>
        <h2>{i18n.t("exercises-field-objectives")}</h2>
        <ol data-testid="exercise-objectives">
            {e.objectives.iter().map(|o| view! { <li>{o.text.clone()}</li> }).collect_view()}
        </ol>
    }
}

#[component]
fn Ratings(e: ExerciseView, rate: ServerAction<RateExercise>) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(rate.value());
    let rows: Vec<_> = e
        .objectives
        .iter()
        .flat_map(|o| e.units.iter().map(move |u| (o.clone(), u.clone())))
        .map(|(o, u)| {
            let (rating, comment) = e
                .ratings
                .iter()
                .find(|r| r.objective_id == o.id && r.unit_id == u.unit_id)
                .map(|r| (r.rating.clone(), r.comment.clone()))
                .unwrap_or_default();
            (o, u, rating, comment)
        })
        .collect();
    view! {
        <h2>{i18n.t("exercises-ratings")}</h2>
        <ActionForm action=rate attr:class="card form" attr:data-testid="ratings-form">
            <FormAlert error/>
            {move || matches!(rate.value().get(), Some(Ok(_))).then(|| view! {
                <p class="alert alert-ok" role="status" data-testid="saved">{i18n.t("common-saved")}</p>
            })}
            <input type="hidden" name="id" value=e.id.to_string()/>
            <div class="table-scroll" tabindex="0" role="region" aria-label=i18n.t("exercises-ratings")>
                <table class="table">
                    <thead><tr>
                        <th scope="col">{i18n.t("exercises-field-objectives")}</th>
                        <th scope="col">{i18n.t("exercises-field-unit")}</th>
                        <th scope="col">{i18n.t("exercises-rating")}</th>
                        <th scope="col">{i18n.t("exercises-rating-comment")}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(o, u, rating, comment)| {
                            let r_name = format!("form[cells][{}]", RatingsForm::key("r", o.id, u.unit_id));
                            let c_name = format!("form[cells][{}]", RatingsForm::key("c", o.id, u.unit_id));
                            view! {
                                <tr data-testid="rating-row">
                                    <td>{o.text.clone()}</td>
                                    <td>{u.unit_name.clone()}</td>
                                    <td>
                                        <select name=r_name aria-label=i18n.t("exercises-rating") data-testid="rating-select">
                                            <option value="">"—"</option>
                                            {RATINGS.iter().map(|r| {
                                                let sel = rating == *r;
                                                view! { <option value=*r selected=sel>{label(i18n, "rating", r)}</option> }
                                            }).collect_view()}
                                        </select>
                                    </td>
                                    <td><input type="text" name=c_name value=comment aria-label=i18n.t("exercises-rating-comment")/></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <button type="submit" class="button" data-testid="ratings-save">{i18n.t("common-save")}</button>
        </ActionForm>
    }
}
