//! `/exercises/mine`: the exercises the reader or their unit takes part in, and their calendar
//! feeds (the secret URL is shown once, when created).

use leptos::prelude::*;

use super::{ExerciseTabs, list::ExerciseTable};
use crate::{
    api::exercises::{CreateFeed, ExerciseFilter, RevokeFeed, list_exercises, list_feeds},
    ui::{
        components::form::{FormAlert, last_error},
        use_i18n,
    },
};

#[component]
pub fn MyExercisesPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateFeed>::new();
    let revoke = ServerAction::<RevokeFeed>::new();
    let list = Resource::new(
        || (),
        |_| {
            list_exercises(ExerciseFilter {
                mine: true,
                ..ExerciseFilter::default()
            })
        },
    );
    let feeds = Resource::new(
        move || (create.version().get(), revoke.version().get()),
        |_| list_feeds(),
    );
    let error = last_error(create.value());
    view! {
        <section class="page exercises">
            <h1>{i18n.t("exercises-mine")}</h1>
            <ExerciseTabs/>
            <div data-testid="my-exercises">
                <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                    {move || Suspend::new(async move { list.await.map(|list| view! { <ExerciseTable list/> }) })}
                </Suspense>
            </div>
            <h2>{i18n.t("exercises-feeds")}</h2>
            <p class="field-hint">{i18n.t("exercises-feeds-hint")}</p>
            {move || create.value().get().and_then(|r| r.ok()).and_then(|f| f.url).map(|url| view! {
                <p class="alert alert-ok" role="status" data-testid="feed-url">
                    {i18n.t("exercises-feed-created")}" "<code>{url}</code>
                </p>
            })}
            <div class="form-inline">
                {["user", "unit", "nation"].into_iter().map(|scope| view! {
                    <ActionForm action=create attr:class="form-inline">
                        <input type="hidden" name="scope" value=scope/>
                        <button type="submit" class="button button-small" data-testid=format!("feed-create-{scope}")>
                            {i18n.t(&format!("exercises-feed-create-{scope}"))}
                        </button>
                    </ActionForm>
                }).collect_view()}
            </div>
            <FormAlert error/>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    feeds.await.map(|feeds| {
                        if feeds.is_empty() {
                            return view! { <p class="empty">{i18n.t("exercises-feeds-none")}</p> }.into_any();
                        }
                        view! {
                            <ul class="plain-list" data-testid="feeds">
                                {feeds.into_iter().map(|f| view! {
                                    <li>
                                        {i18n.t(&format!("exercises-feed-scope-{}", f.scope))}" · "{i18n.date_time(f.created_at)}" "
                                        <ActionForm action=revoke attr:class="form-inline">
                                            <input type="hidden" name="id" value=f.id.to_string()/>
                                            <button type="submit" class="button button-small">{i18n.t("exercises-feed-revoke")}</button>
                                        </ActionForm>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    })
                })}
            </Suspense>
        </section>
    }
}
