//! `/mentoring`: a mentor sees their mentees and capacity, a trainee their mentor; both log
//! check-ins and may end a pairing; profile forms below.

use leptos::prelude::*;

use super::{MentoringTabs, profiles::ProfileForms, status_label};
use crate::{
    api::mentoring::{AddCheckin, EndPairing, MentoringOverview, PairingView, my_mentoring},
    i18n::Arg,
    ui::{
        components::form::{FormAlert, LastError, last_error},
        use_i18n,
    },
};

#[component]
pub fn MentoringPage() -> impl IntoView {
    let i18n = use_i18n();
    let checkin = ServerAction::<AddCheckin>::new();
    let end = ServerAction::<EndPairing>::new();
    let saved = RwSignal::new(0u32);
    let data = Resource::new(
        move || (checkin.version().get(), end.version().get(), saved.get()),
        |_| my_mentoring(),
    );
    let checkin_error = last_error(checkin.value());
    let end_error = last_error(end.value());
    view! {
        <section class="page">
            <h1>{i18n.t("nav-mentoring")}</h1>
            <Transition fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    data.await.map(|m| view! {
                        <MentoringTabs may_run=m.may_run/>
                        <FormAlert error=end_error/>
                        <Overview m=m.clone() checkin checkin_error end/>
                        <ProfileForms m saved/>
                    })
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Overview(
    m: MentoringOverview,
    checkin: ServerAction<AddCheckin>,
    checkin_error: LastError,
    end: ServerAction<EndPairing>,
) -> impl IntoView {
    let i18n = use_i18n();
    let mentor_part = (m.may_mentor || m.mentor_profile.is_some()).then(|| {
        let (taken, capacity) = m
            .mentor_profile
            .as_ref()
            .map_or((0, 0), |p| (p.active_mentees as i64, i64::from(p.capacity)));
        let list = m.as_mentor.clone();
        view! {
            <h2>{i18n.t("mentoring-my-mentees")}</h2>
            <p data-testid="my-capacity">{i18n.t_with("mentoring-capacity", &[("taken", Arg::from(taken)), ("capacity", Arg::from(capacity))])}</p>
            {if list.is_empty() {
                view! { <p class="empty" data-testid="no-mentees">{i18n.t("mentoring-no-mentees")}</p> }.into_any()
            } else {
                view! {
                    <div data-testid="my-mentees">
                        {list.into_iter().map(|p| view! { <PairingCard p today=m.today mentor_side=true checkin checkin_error end/> }).collect_view()}
                    </div>
                }.into_any()
            }}
        }
    });
    let mentee_list = m.as_mentee.clone();
    view! {
        {mentor_part}
        <h2>{i18n.t("mentoring-my-mentor")}</h2>
        {if mentee_list.is_empty() {
            view! { <p class="empty" data-testid="no-mentor">{i18n.t("mentoring-no-mentor")}</p> }.into_any()
        } else {
            view! {
                <div data-testid="my-mentor">
                    {mentee_list.into_iter().map(|p| view! { <PairingCard p today=m.today mentor_side=false checkin checkin_error end/> }).collect_view()}
                </div>
            }.into_any()
        }}
    }
}

/// One pairing seen from one side: the other person, since when, check-ins and the forms.
#[component]
fn PairingCard(
    p: PairingView,
    today: chrono::NaiveDate,
    mentor_side: bool,
    checkin: ServerAction<AddCheckin>,
    checkin_error: LastError,
    end: ServerAction<EndPairing>,
) -> impl IntoView {
    let i18n = use_i18n();
    let other = if mentor_side {
        p.mentee.clone()
    } else {
        p.mentor.clone()
    };
    let active = p.status == "active";
    let since = p.accepted_at.map(|t| {
        i18n.t_with(
            "mentoring-since",
            &[("date", Arg::from(i18n.date(t.date_naive())))],
        )
    });
    let today = today.to_string();
    let pid = p.id.to_string();
    let pid_end = pid.clone();
    let checkins = p.checkins.clone();
    view! {
        <article class="card mentoring-pairing" data-testid="pairing" data-status=p.status.clone() data-username=other.username.clone()>
            <div class="card-header">
                <h3 data-testid="pairing-name">{other.name.clone()}</h3>
                <span class="badge">{status_label(i18n, "mentoring-status", &p.status)}</span>
            </div>
            <p class="muted">
                {other.nation_code.clone().unwrap_or_default()}" · "{other.rank.clone()}
                {since.map(|s| format!(" · {s}"))}
            </p>
            <h4>{i18n.t("mentoring-checkins")}</h4>
            {if checkins.is_empty() {
                view! { <p class="empty">{i18n.t("mentoring-no-checkins")}</p> }.into_any()
            } else {
                view! {
                    <ul class="mentoring-checkins" data-testid="checkins">
                        {checkins.into_iter().map(|c| view! {
                            <li><strong>{i18n.date(c.on)}</strong>" — "{c.author}": "{c.notes}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {active.then(|| view! {
                <ActionForm action=checkin attr:novalidate=true attr:class="form mentoring-checkin-form" attr:data-testid="checkin-form">
                    <FormAlert error=checkin_error/>
                    <input type="hidden" name="pairing_id" value=pid.clone()/>
                    <div class="field">
                        <label for=format!("checkin-on-{pid}")>{i18n.t("mentoring-checkin-on")}</label>
                        <input id=format!("checkin-on-{pid}") name="on" type="date" value=today.clone() required=true data-testid="field-on"/>
                    </div>
                    <div class="field">
                        <label for=format!("checkin-notes-{pid}")>{i18n.t("mentoring-checkin-notes")}</label>
                        <textarea id=format!("checkin-notes-{pid}") name="notes" rows="2" required=true data-testid="field-notes"></textarea>
                    </div>
                    <button type="submit" class="button button-small" data-testid="checkin-submit">{i18n.t("mentoring-checkin-add")}</button>
                </ActionForm>
                <ActionForm action=end attr:class="inline-form">
                    <input type="hidden" name="pairing_id" value=pid_end.clone()/>
                    <button type="submit" class="button button-small button-ghost" data-testid="end-pairing">{i18n.t("mentoring-end")}</button>
                </ActionForm>
            })}
        </article>
    }
}
