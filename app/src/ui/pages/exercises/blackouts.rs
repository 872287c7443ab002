//! `/exercises/blackouts`: national blackout periods (holidays, leave), and the form a
//! training officer records one with.

use leptos::prelude::*;

use super::ExerciseTabs;
use crate::{
    api::exercises::{CreateBlackout, ExerciseFilter, exercise_choices, list_blackouts},
    ui::{
        components::form::{FormAlert, SelectField, TextField, keep_typed_values, last_error},
        use_i18n,
    },
};

#[component]
pub fn BlackoutsPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateBlackout>::new();
    keep_typed_values::<CreateBlackout>();
    let list = Resource::new(
        move || create.version().get(),
        |_| list_blackouts(ExerciseFilter::default()),
    );
    let choices = Resource::new(|| (), |_| exercise_choices());
    let error = last_error(create.value());
    view! {
        <section class="page exercises">
            <h1>{i18n.t("exercises-blackouts")}</h1>
            <ExerciseTabs/>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    list.await.map(|list| {
                        if list.is_empty() {
                            return view! { <p class="empty">{i18n.t("exercises-blackouts-none")}</p> }.into_any();
                        }
                        view! {
                            <div class="table-scroll" tabindex="0" role="region" aria-label=i18n.t("exercises-blackouts")>
                                <table class="table" data-testid="blackout-table">
                                    <thead><tr>
                                        <th scope="col">{i18n.t("exercises-field-nation")}</th>
                                        <th scope="col">{i18n.t("exercises-field-from")}</th>
                                        <th scope="col">{i18n.t("exercises-field-to")}</th>
                                        <th scope="col">{i18n.t("exercises-field-reason")}</th>
                                    </tr></thead>
                                    <tbody>
                                        {list.into_iter().map(|b| view! {
                                            <tr>
                                                <td>{b.nation_code.clone()}</td>
                                                <td>{i18n.date_time(b.start_at)}</td>
                                                <td>{i18n.date_time(b.end_at)}</td>
                                                <td>{b.reason.clone()}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any()
                    })
                })}
            </Suspense>
            <h2>{i18n.t("exercises-blackout-add")}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    choices.await.map(|c| {
                        let nations: Vec<(String, String)> = std::iter::once((String::new(), i18n.t("exercises-own-nation")))
                            .chain(c.nations.iter().map(|n| (n.id.to_string(), format!("{} — {}", n.code, n.label))))
                            .collect();
                        view! {
                            <ActionForm action=create attr:novalidate=true attr:class="card form" attr:data-testid="blackout-form">
                                <FormAlert error/>
                                <SelectField name="form[nation_id]" field="nation_id" label=i18n.t("exercises-field-nation") error options=nations/>
                                <TextField name="form[start_on]" field="start_on" kind="date" label=i18n.t("exercises-field-from") error required=true/>
                                <TextField name="form[end_on]" field="end_on" kind="date" label=i18n.t("exercises-field-to") error required=true hint=i18n.t("exercises-blackout-end-hint")/>
                                <TextField name="form[reason]" field="reason" label=i18n.t("exercises-field-reason") error required=true/>
                                <button type="submit" class="button" data-testid="blackout-save">{i18n.t("common-add")}</button>
                            </ActionForm>
                        }
                    })
                })}
            </Suspense>
        </section>
    }
}
