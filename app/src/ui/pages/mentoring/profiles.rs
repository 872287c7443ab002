//! The mentor and mentee profile forms on `/mentoring` (plain HTML forms; they work without
//! JavaScript and validate on the server in the reader's language).

use leptos::prelude::*;

use crate::{
    api::mentoring::{MentoringOverview, SPECIALTIES, SaveMenteeProfile, SaveMentorProfile},
    ui::{
        components::form::{CheckField, FormAlert, TextField, last_error},
        use_i18n,
    },
};

/// The forms a person may fill in: the mentor profile for mentors, the mentee profile for
/// everyone (anyone may ask for a mentor). `saved` is bumped after a save so the page reloads.
#[component]
pub fn ProfileForms(m: MentoringOverview, saved: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let mentor = ServerAction::<SaveMentorProfile>::new();
    let mentee = ServerAction::<SaveMenteeProfile>::new();
    Effect::new(move |_| {
        if matches!(mentor.value().get(), Some(Ok(_)))
            || matches!(mentee.value().get(), Some(Ok(_)))
        {
            saved.update(|n| *n += 1);
        }
    });
    let mentor_error = last_error(mentor.value());
    let mentee_error = last_error(mentee.value());
    let specialties_hint = format!(
        "{} ({})",
        i18n.t("mentoring-specialties-hint"),
        SPECIALTIES.join(", ")
    );
    let mentor_form = m.may_mentor.then(|| {
        let p = m.mentor_profile.clone();
        let capacity = p.as_ref().map_or(2, |p| p.capacity).to_string();
        let languages = p.as_ref().map(|p| p.languages.join(", ")).unwrap_or_default();
        let specialties = p.as_ref().map(|p| p.specialties.join(", ")).unwrap_or_default();
        let years = p.as_ref().map_or(0, |p| p.years_in_logistics).to_string();
        let available = p.as_ref().is_none_or(|p| p.available);
        let hint = specialties_hint.clone();
        view! {
            <h2>{i18n.t("mentoring-mentor-profile")}</h2>
            <ActionForm action=mentor attr:novalidate=true attr:class="card form" attr:data-testid="mentor-profile-form">
                <FormAlert error=mentor_error/>
                <TextField name="form[capacity]" field="capacity" kind="number" label=i18n.t("mentoring-capacity-field") error=mentor_error value=capacity required=true/>
                <TextField name="form[languages]" field="languages" label=i18n.t("mentoring-languages") error=mentor_error value=languages required=true hint=i18n.t("mentoring-languages-hint")/>
                <TextField name="form[specialties]" field="specialties" label=i18n.t("mentoring-specialties") error=mentor_error value=specialties hint=hint/>
                <TextField name="form[years_in_logistics]" field="years_in_logistics" kind="number" label=i18n.t("mentoring-years") error=mentor_error value=years required=true/>
                <CheckField name="form[available]" label=i18n.t("mentoring-available") checked=available testid="mentor-available"/>
                <button type="submit" class="button" data-testid="mentor-profile-save">{i18n.t("common-save")}</button>
            </ActionForm>
        }
    });
    // a mentor's page shows the mentee form only once they have a mentee profile (one form
    // per page keeps the field ids unique)
    let show_mentee = !m.may_mentor || m.mentee_profile.is_some();
    let p = m.mentee_profile.clone();
    let languages = p
        .as_ref()
        .map(|p| p.languages.join(", "))
        .unwrap_or_default();
    let wanted = p
        .as_ref()
        .map(|p| p.specialties_wanted.join(", "))
        .unwrap_or_default();
    let years = p.as_ref().map_or(0, |p| p.years_in_logistics).to_string();
    view! {
        {mentor_form}
        {show_mentee.then(|| view! {
        <h2>{i18n.t("mentoring-mentee-profile")}</h2>
        <ActionForm action=mentee attr:novalidate=true attr:class="card form" attr:data-testid="mentee-profile-form">
            <FormAlert error=mentee_error/>
            <TextField name="form[specialties_wanted]" field="specialties_wanted" label=i18n.t("mentoring-specialties-wanted") error=mentee_error value=wanted hint=specialties_hint/>
            <TextField name="form[languages]" field="languages" label=i18n.t("mentoring-languages") error=mentee_error value=languages required=true hint=i18n.t("mentoring-languages-hint")/>
            <TextField name="form[years_in_logistics]" field="years_in_logistics" kind="number" label=i18n.t("mentoring-years") error=mentee_error value=years required=true/>
            <button type="submit" class="button" data-testid="mentee-profile-save">{i18n.t("common-save")}</button>
        </ActionForm>
        })}
    }
}
