//! The calendar's server functions: glue that reads the context, calls one service and returns
//! a DTO. Plain form posts (no JavaScript) are redirected to the page that shows the result.

use leptos::prelude::*;
use uuid::Uuid;

use super::{
    BlackoutForm, BlackoutView, ConflictView, ExerciseFilter, ExerciseForm, ExerciseSummary,
    ExerciseView, FeedView, MonthGridView, MonthView, PlanningChoices, RatingView, RatingsForm,
    SavedExercise, WindowForm, WindowView,
};
use crate::error::AppError;

/// An optional id from a hidden form field: empty means none.
#[cfg(feature = "ssr")]
fn hidden_id(raw: Option<String>) -> Result<Option<Uuid>, AppError> {
    match raw.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => Uuid::parse_str(s)
            .map(Some)
            .map_err(|_| AppError::field("id", "unknown")),
    }
}

#[server(prefix = "/api", endpoint = "exercises/list")]
pub async fn list_exercises(filter: ExerciseFilter) -> Result<Vec<ExerciseSummary>, AppError> {
    crate::server::ctx::with_user(|state, user, _| async move {
        let locale = crate::server::ctx::request_locale();
        crate::server::services::exercises::list(&state.db, &user.actor, &filter, locale).await
    })
    .await
}

/// The month asked for by the month pages: `YYYY-MM` (the current one when absent or
/// malformed) and an optional nation (a hidden id).
#[cfg(feature = "ssr")]
fn month_query(
    month: Option<String>,
    nation: Option<String>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<crate::server::services::exercises::MonthQuery, AppError> {
    Ok(crate::server::services::exercises::MonthQuery {
        month,
        nation: hidden_id(nation)?,
        locale: crate::server::ctx::request_locale(),
        now,
    })
}

/// A month of the calendar with full summaries (the timeline).
#[server(prefix = "/api", endpoint = "exercises/month")]
pub async fn month_calendar(
    month: Option<String>,
    nation: Option<String>,
) -> Result<MonthView, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        let query = month_query(month, nation, now)?;
        crate::server::services::exercises::month(&state.db, &user.actor, &query).await
    })
    .await
}

/// The month grid's lighter view of [`month_calendar`].
#[server(prefix = "/api", endpoint = "exercises/month-grid")]
pub async fn month_grid(
    month: Option<String>,
    nation: Option<String>,
) -> Result<MonthGridView, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        let query = month_query(month, nation, now)?;
        crate::server::services::exercises::month_grid(&state.db, &user.actor, &query).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "exercises/get")]
pub async fn get_exercise(id: Uuid) -> Result<ExerciseView, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        let locale = crate::server::ctx::request_locale();
        crate::server::services::exercises::get(&state.db, &user.actor, id, locale, now).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "exercises/conflicts")]
pub async fn exercise_conflicts(id: Uuid) -> Result<Vec<ConflictView>, AppError> {
    crate::server::ctx::with_user(|state, user, _| async move {
        crate::server::services::exercises::conflicts_of_exercise(&state.db, &user.actor, id).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "exercises/choices")]
pub async fn exercise_choices() -> Result<PlanningChoices, AppError> {
    crate::server::ctx::with_user(|state, user, _| async move {
        crate::server::services::exercises::choices(&state.db, &user.actor).await
    })
    .await
}

/// Creates (no `id`) or replaces (with `id`) an exercise from the planning form. Approving
/// with conflicts and no override reason answers `Conflict("override-required")`.
#[server(prefix = "/api", endpoint = "exercises/save")]
pub async fn save_exercise(
    id: Option<String>,
    form: ExerciseForm,
) -> Result<SavedExercise, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        use crate::server::services::exercises as svc;
        let id = hidden_id(id)?;
        let input = svc::resolve_form(&state.db, form.parse()?).await?;
        let locale = crate::server::ctx::request_locale();
        let outcome = match id {
            None => svc::create(&state.db, &user.actor, input, locale, now).await?,
            Some(id) => {
                svc::update(
                    &state.db,
                    &user.actor,
                    id,
                    svc::full_patch(input),
                    locale,
                    now,
                )
                .await?
            }
        };
        match outcome {
            svc::SaveOutcome::Saved(saved) => {
                crate::server::ctx::redirect_plain_form(&format!(
                    "/exercises/{}",
                    saved.exercise.id
                ));
                Ok(*saved)
            }
            svc::SaveOutcome::OverrideRequired(_) => {
                Err(AppError::Conflict("override-required".into()).into())
            }
        }
    })
    .await
}

/// The conflicts the form's exercise would have, without saving (the live list); `None` while
/// the form is still incomplete or invalid (the submit reports why).
#[server(prefix = "/api", endpoint = "exercises/check")]
pub async fn check_exercise(
    id: Option<String>,
    form: ExerciseForm,
) -> Result<Option<Vec<ConflictView>>, AppError> {
    crate::server::ctx::with_user(|state, user, _| async move {
        use crate::server::services::exercises as svc;
        let checked = async {
            let id = hidden_id(id)?;
            let input = svc::resolve_form(&state.db, form.parse()?).await?;
            svc::check(&state.db, &user.actor, id, input).await
        };
        match checked.await {
            Ok(list) => Ok(Some(list)),
            Err(crate::server::ServiceError::App(AppError::Validation(_))) => Ok(None),
            Err(e) => Err(e),
        }
    })
    .await
}

#[server(prefix = "/api", endpoint = "exercises/blackouts")]
pub async fn list_blackouts(filter: ExerciseFilter) -> Result<Vec<BlackoutView>, AppError> {
    crate::server::ctx::with_user(|state, user, _| async move {
        crate::server::services::exercises::list_blackouts(&state.db, &user.actor, &filter).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "exercises/blackouts/create")]
pub async fn create_blackout(form: BlackoutForm) -> Result<BlackoutView, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        let b = crate::server::services::exercises::create_blackout(
            &state.db,
            &user.actor,
            form.parse()?,
            now,
        )
        .await?;
        crate::server::ctx::redirect_plain_form("/exercises/blackouts");
        Ok(b)
    })
    .await
}

#[server(prefix = "/api", endpoint = "exercises/rate")]
pub async fn rate_exercise(id: Uuid, form: RatingsForm) -> Result<Vec<RatingView>, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        let ratings = form.parse()?;
        let saved =
            crate::server::services::exercises::rate(&state.db, &user.actor, id, ratings, now)
                .await?;
        crate::server::ctx::redirect_plain_form(&format!("/exercises/{id}"));
        Ok(saved)
    })
    .await
}

#[server(prefix = "/api", endpoint = "exercises/windows")]
pub async fn find_windows(form: WindowForm) -> Result<Vec<WindowView>, AppError> {
    crate::server::ctx::with_user(|state, user, _| async move {
        crate::server::services::exercises::windows(&state.db, &user.actor, form.parse()?).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "exercises/feeds")]
pub async fn list_feeds() -> Result<Vec<FeedView>, AppError> {
    crate::server::ctx::with_user(|state, user, _| async move {
        crate::server::services::exercises::list_feeds(&state.db, &user.actor).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "exercises/feeds/create")]
pub async fn create_feed(scope: String) -> Result<FeedView, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        crate::server::services::exercises::create_feed(
            &state.db,
            &user.actor,
            super::NewFeed { scope, id: None },
            now,
        )
        .await
    })
    .await
}

#[server(prefix = "/api", endpoint = "exercises/feeds/revoke")]
pub async fn revoke_feed(id: Uuid) -> Result<(), AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        crate::server::services::exercises::revoke_feed(&state.db, &user.actor, id, now).await?;
        crate::server::ctx::redirect_plain_form("/exercises/mine");
        Ok(())
    })
    .await
}
