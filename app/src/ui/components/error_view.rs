//! Errors shown in the reader's language: an `AppError` becomes its Fluent sentence.

use leptos::prelude::*;

use crate::{error::AppError, ui::use_i18n};

/// One error as a localised alert.
#[component]
pub fn ErrorMessage(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="alert alert-error" role="alert" data-testid="error" data-code=error.code()>
            {i18n.t(&error.fluent_key())}
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
