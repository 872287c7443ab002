//! `/exercises/schedule`: the scheduling assistant — units, a base, a headcount, a length and a
//! search window in; the earliest conflict-free windows out.

use leptos::prelude::*;

use super::{ExerciseTabs, local_label};
use crate::{
    api::exercises::{FindWindows, exercise_choices},
    ui::{
        components::form::{FormAlert, SelectField, TextField, last_error},
        use_i18n,
    },
};

#[component]
pub fn SchedulePage() -> impl IntoView {
    let i18n = use_i18n();
    let find = ServerAction::<FindWindows>::new();
    let choices = Resource::new(|| (), |_| exercise_choices());
    let error = last_error(find.value());
    view! {
        <section class="page exercises">
            <h1>{i18n.t("exercises-schedule")}</h1>
            <ExerciseTabs/>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    choices.await.map(|c| {
                        let bases: Vec<(String, String)> = std::iter::once((String::new(), i18n.t("common-choose")))
                            .chain(c.bases.iter().map(|b| (b.id.to_string(), b.label.clone())))
                            .collect();
                        let units: Vec<(String, String)> = std::iter::once((String::new(), i18n.t("exercises-no-unit")))
                            .chain(c.units.iter().map(|u| (u.id.to_string(), u.label.clone())))
                            .collect();
                        view! {
                            <ActionForm action=find attr:novalidate=true attr:class="card form" attr:data-testid="schedule-form">
                                <FormAlert error/>
                                <SelectField name="form[base_id]" field="base_id" label=i18n.t("exercises-field-host-base") error options=bases required=true/>
                                <SelectField name="form[unit_1]" field="unit_ids[0]" label=i18n.t("exercises-field-unit") error options=units.clone()/>
                                <SelectField name="form[unit_2]" field="unit_ids[1]" label=i18n.t("exercises-field-unit") error options=units.clone()/>
                                <SelectField name="form[unit_3]" field="unit_ids[2]" label=i18n.t("exercises-field-unit") error options=units/>
                                <TextField name="form[headcount]" field="headcount" kind="number" label=i18n.t("exercises-field-headcount") error/>
                                <TextField name="form[duration_days]" field="duration_days" kind="number" label=i18n.t("exercises-schedule-days") error required=true/>
                                <TextField name="form[from]" field="from" kind="date" label=i18n.t("exercises-field-from") error required=true/>
                                <TextField name="form[to]" field="to" kind="date" label=i18n.t("exercises-field-to") error required=true/>
                                <button type="submit" class="button" data-testid="schedule-find">{i18n.t("exercises-schedule-find")}</button>
                            </ActionForm>
                        }
                    })
                })}
            </Suspense>
            {move || find.value().get().and_then(|r| r.ok()).map(|windows| {
                if windows.is_empty() {
                    return view! { <p class="empty" data-testid="windows-none">{i18n.t("exercises-schedule-none")}</p> }.into_any();
                }
                view! {
                    <h2>{i18n.t("exercises-schedule-results")}</h2>
                    <ol data-testid="windows">
                        {windows.into_iter().map(|w| view! {
                            <li>{local_label(i18n, &w.start_local)}" → "{local_label(i18n, &w.end_local)}</li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            })}
        </section>
    }
}
