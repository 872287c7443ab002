//! Errors shown in the reader's language: an `AppError` becomes its Fluent sentence.

use leptos::prelude::*;

use crate::{error::AppError, ui::use_i18n};

/// One error as a localised alert; a missing sign-in or a due password change links to the
/// page that resolves it.
#[component]
pub fn ErrorMessage(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    let location = leptos_router::hooks::use_location();
    let action = match error {
        AppError::Unauthenticated => {
            let next = location.pathname.get_untracked();
            Some((format!("/login?next={next}"), i18n.t("error-sign-in-link")))
        }
        AppError::PasswordChangeRequired => Some((
            "/account/password".to_owned(),
            i18n.t("error-change-password-link"),
        )),
        _ => None,
    };
    view! {
        <div class="alert alert-error" role="alert" data-testid="error" data-code=error.code()>
            <p>{i18n.t(&error.fluent_key())}</p>
            {action.map(|(href, label)| view! { <p><a href=href class="button button-small" data-testid="error-action">{label}</a></p> })}
        </div>
    }
}

/// The fallback of an error boundary: every caught error, localised; an error that is not an
/// `AppError` says only that something went wrong.
#[component]
pub fn ErrorList(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="error-page">
            <h1>{i18n.t("error-page-title")}</h1>
            {move || {
                errors
                    .get()
                    .into_iter()
                    .map(|(_, e)| {
                        let app = e
                            .into_inner()
                            .downcast_ref::<AppError>()
                            .cloned()
                            .unwrap_or(AppError::Internal);
                        view! { <ErrorMessage error=app/> }
                    })
                    .collect_view()
            }}
        </section>
    }
}
