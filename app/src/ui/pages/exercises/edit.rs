//! `/exercises/new` and `/exercises/:id/edit`: the planning form. It posts to a server function
//! (so it works without JavaScript); once hydrated, every change re-checks the conflicts and
//! lists them, explained, before saving.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{ConflictList, ExerciseTabs, detail::route_id, label};
use crate::{
    api::exercises::{
        CLIMATES, CheckExercise, ExerciseView, KINDS, LINES, PlanningChoices, STATUSES,
        SaveExercise, TERRAINS, THEMES, exercise_choices, get_exercise,
    },
    error::AppError,
    ui::{
        components::form::{
            CheckField, FormAlert, LastError, SelectField, TextField, keep_typed_values,
            last_error, textarea_text, typed,
        },
        use_i18n,
    },
};

#[component]
pub fn ExerciseNewPage() -> impl IntoView {
    let i18n = use_i18n();
    let choices = Resource::new(|| (), |_| exercise_choices());
    view! {
        <section class="page exercises">
            <h1>{i18n.t("exercises-new")}</h1>
            <ExerciseTabs/>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    choices.await.map(|choices| view! { <PlanningForm choices existing=None/> })
                })}
            </Suspense>
        </section>
    }
}

#[component]
pub fn ExerciseEditPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = route_id();
    let data = Resource::new(id, |id| async move {
        let id = id.ok_or(AppError::NotFound)?;
        Ok::<_, AppError>((exercise_choices().await?, get_exercise(id).await?))
    });
    view! {
        <section class="page exercises">
            <h1>{i18n.t("exercises-edit")}</h1>
            <ExerciseTabs/>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    data.await.map(|(choices, e)| view! { <PlanningForm choices existing=Some(e)/> })
                })}
            </Suspense>
        </section>
    }
}

const LINE_NAMES: [&str; 4] = [
    "form[loc_air]",
    "form[loc_land]",
    "form[loc_maritime]",
    "form[loc_cyber]",
];
const THEME_NAMES: [&str; 6] = [
    "form[theme_supply_chain_disruption]",
    "form[theme_unconventional_routing]",
    "form[theme_emergency_replenishment]",
    "form[theme_rsom]",
    "form[theme_host_nation_support]",
    "form[theme_medical_logistics]",
];
const UNIT_NAMES: [(&str, &str, &str); 4] = [
    ("form[unit_1]", "form[headcount_1]", "units[0].headcount"),
    ("form[unit_2]", "form[headcount_2]", "units[1].headcount"),
    ("form[unit_3]", "form[headcount_3]", "units[2].headcount"),
    ("form[unit_4]", "form[headcount_4]", "units[3].headcount"),
];

/// Re-checks conflicts from the whole form after any change (only in the browser).
fn recheck(ev: &leptos::ev::Event, check: ServerAction<CheckExercise>) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::{form::FromFormData, wasm_bindgen::JsCast, web_sys};
        let form = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("form").ok().flatten())
            .and_then(|f| f.dyn_into::<web_sys::HtmlFormElement>().ok());
        if let Some(form) = form
            && let Ok(data) = web_sys::FormData::new_with_form(&form)
            && let Ok(args) = CheckExercise::from_form_data(&data)
        {
            check.dispatch(args);
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (ev, check);
}

fn choice_options(
    none: Option<String>,
    items: impl Iterator<Item = (String, String)>,
) -> Vec<(String, String)> {
    none.map(|n| (String::new(), n))
        .into_iter()
        .chain(items)
        .collect()
}

#[component]
fn PlanningForm(choices: PlanningChoices, existing: Option<ExerciseView>) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveExercise>::new();
    keep_typed_values::<SaveExercise>();
    let check = ServerAction::<CheckExercise>::new();
    let error: LastError = last_error(save.value());
    let e = existing;
    let id = e.as_ref().map(|e| e.id.to_string()).unwrap_or_default();
    let get = |f: fn(&ExerciseView) -> String| e.as_ref().map(f).unwrap_or_default();
    let line_ticks: Vec<bool> = LINES
        .iter()
        .map(|l| {
            e.as_ref()
                .is_some_and(|e| e.lines_of_communication.iter().any(|x| x == l))
        })
        .collect();
    let theme_ticks: Vec<bool> = THEMES
        .iter()
        .map(|t| e.as_ref().is_some_and(|e| e.themes.iter().any(|x| x == t)))
        .collect();
    let code = get(|e| e.code.clone());
    let name = get(|e| e.name.clone());
    let kind = get(|e| e.kind.clone());
    let status = e
        .as_ref()
        .map(|e| e.status.clone())
        .unwrap_or_else(|| "draft".into());
    let base = get(|e| e.host_base_id.to_string());
    let lead = get(|e| e.lead_nation_id.to_string());
    let start = get(|e| e.start_local.clone());
    let end = get(|e| e.end_local.clone());
    let climate = get(|e| e.climate.clone());
    let terrain = get(|e| e.terrain.clone());
    let description = typed("form[description]", get(|e| e.description.clone()));
    let base_options = choice_options(
        Some(i18n.t("common-choose")),
        choices
            .bases
            .iter()
            .map(|b| (b.id.to_string(), format!("{} ({})", b.label, b.time_zone))),
    );
    let nation_options = choice_options(
        Some(i18n.t("exercises-own-nation")),
        choices
            .nations
            .iter()
            .map(|n| (n.id.to_string(), format!("{} — {}", n.code, n.label))),
    );
    let unit_options = choice_options(
        Some(i18n.t("exercises-no-unit")),
        choices
            .units
            .iter()
            .map(|u| (u.id.to_string(), u.label.clone())),
    );
    let vocab = move |group: &'static str, codes: &[&str], none: bool| {
        choice_options(
            none.then(|| i18n.t("exercises-unspecified")),
            codes
                .iter()
                .map(|c| ((*c).to_owned(), label(i18n, group, c))),
        )
    };
    let kind_options = vocab("kind", &KINDS, false);
    let status_options = vocab("status", &STATUSES, false);
    let climate_options = vocab("climate", &CLIMATES, true);
    let terrain_options = vocab("terrain", &TERRAINS, true);
    let units: Vec<(String, String)> = (0..4)
        .map(|i| {
            e.as_ref()
                .and_then(|e| e.units.get(i))
                .map(|u| (u.unit_id.to_string(), u.headcount.to_string()))
                .unwrap_or_default()
        })
        .collect();
    let releasable = e
        .as_ref()
        .and_then(|e| e.releasable_to.clone())
        .map(|ids| {
            ids.iter()
                .filter_map(|id| choices.nations.iter().find(|n| n.id == *id))
                .map(|n| n.code.clone())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    let participants = e
        .as_ref()
        .map(|e| {
            e.participants
                .iter()
                .map(|p| p.username.clone())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    let objectives = e
        .as_ref()
        .map(|e| {
            e.objectives
                .iter()
                .map(|o| o.text.clone())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default();
    let objectives = typed("form[objectives]", objectives);
    view! {
        <div on:change=move |ev| recheck(&ev, check) on:input=move |ev| recheck(&ev, check)>
        <ActionForm action=save attr:novalidate=true attr:class="card form exercise-form" attr:data-testid="exercise-form">
            <FormAlert error/>
            {move || save.value().get().and_then(|r| r.ok()).map(|s| view! {
                <div class="alert alert-ok" role="status" data-testid="saved">
                    <p>{i18n.t("common-saved")}" "<A href=format!("/exercises/{}", s.exercise.id) attr:data-testid="saved-link">{s.exercise.code.clone()}</A></p>
                    <ConflictList conflicts=s.conflicts.clone()/>
                </div>
            })}
            <input type="hidden" name="id" value=id/>
            <TextField name="form[code]" field="code" label=i18n.t("exercises-field-code") error value=code required=true/>
            <TextField name="form[name]" field="name" label=i18n.t("exercises-field-name") error value=name required=true/>
            <SelectField name="form[kind]" field="kind" label=i18n.t("exercises-field-kind") error options=kind_options selected=kind/>
            <SelectField name="form[status]" field="status" label=i18n.t("exercises-field-status") error options=status_options selected=status/>
            <SelectField name="form[host_base_id]" field="host_base_id" label=i18n.t("exercises-field-host-base") error options=base_options selected=base required=true/>
            <SelectField name="form[lead_nation_id]" field="lead_nation_id" label=i18n.t("exercises-field-lead-nation") error options=nation_options selected=lead/>
            <TextField name="form[start_local]" field="start_at" kind="datetime-local" label=i18n.t("exercises-field-start") error value=start required=true hint=i18n.t("exercises-local-time-hint")/>
            <TextField name="form[end_local]" field="end_at" kind="datetime-local" label=i18n.t("exercises-field-end") error value=end required=true/>
            <fieldset class="unit-rows">
                <legend>{i18n.t("exercises-field-units")}</legend>
                {UNIT_NAMES.iter().zip(units).enumerate().map(|(i, ((unit, headcount, field), (uid, hc)))| view! {
                    <div class="exercise-unit-row">
                        <SelectField name=unit field="units" label=i18n.t_with("exercises-unit-n", &[("n", crate::i18n::Arg::Num((i + 1) as f64))]) error options=unit_options.clone() selected=uid/>
                        <TextField name=headcount field=field kind="number" label=i18n.t("exercises-field-headcount") error value=hc/>
                    </div>
                }).collect_view()}
            </fieldset>
            <TextField name="form[participants]" field="participants" label=i18n.t("exercises-field-participants") error value=participants hint=i18n.t("exercises-participants-hint")/>
            <TextField name="form[releasable_to]" field="releasable_to" label=i18n.t("exercises-field-releasable-to") error value=releasable hint=i18n.t("exercises-releasable-hint")/>
            <fieldset class="checks">
                <legend>{i18n.t("exercises-field-lines")}</legend>
                {LINES.iter().zip(LINE_NAMES).zip(line_ticks).map(|((l, name), ticked)| view! {
                    <CheckField name=name label=label(i18n, "line", l) checked=ticked testid=format!("line-{l}")/>
                }).collect_view()}
            </fieldset>
            <fieldset class="checks">
                <legend>{i18n.t("exercises-field-themes")}</legend>
                {THEMES.iter().zip(THEME_NAMES).zip(theme_ticks).map(|((t, name), ticked)| view! {
                    <CheckField name=name label=label(i18n, "theme", t) checked=ticked testid=format!("theme-{t}")/>
                }).collect_view()}
            </fieldset>
            <SelectField name="form[climate]" field="climate" label=i18n.t("exercises-field-climate") error options=climate_options selected=climate/>
            <SelectField name="form[terrain]" field="terrain" label=i18n.t("exercises-field-terrain") error options=terrain_options selected=terrain/>
            <div class="field">
                <label for="f-description">{i18n.t("exercises-field-description")}</label>
                <textarea id="f-description" name="form[description]" rows="3">{textarea_text(description)}</textarea>
            </div>
            <div class="field">
                <label for="f-objectives">{i18n.t("exercises-field-objectives")}</label>
                <p class="field-hint">{i18n.t("exercises-objectives-hint")}</p>
                <textarea id="f-objectives" name="form[objectives]" rows="4" data-testid="field-objectives">{textarea_text(objectives)}</textarea>
            </div>
            <TextField name="form[override_reason]" field="override_reason" label=i18n.t("exercises-field-override-reason") error hint=i18n.t("exercises-override-hint")/>
            <section class="live-conflicts" aria-live="polite" data-testid="live-conflicts">
                <h2>{i18n.t("exercises-conflicts-live")}</h2>
                {move || match check.value().get() {
                    Some(Ok(Some(list))) => view! { <ConflictList conflicts=list/> }.into_any(),
                    Some(Ok(None) | Err(_)) => view! { <p class="field-hint" data-testid="conflicts-incomplete">{i18n.t("exercises-conflicts-incomplete")}</p> }.into_any(),
                    None => view! { <p class="field-hint">{i18n.t("exercises-conflicts-pending")}</p> }.into_any(),
                }}
            </section>
            <button type="submit" class="button" data-testid="exercise-save">{i18n.t("common-save")}</button>
        </ActionForm>
        </div>
    }
}
