//! Form widgets that show each field's validation error in the reader's language, linked to the
//! input for assistive technology.

use leptos::prelude::*;

use crate::{error::AppError, ui::use_i18n};

/// The error of the last submission, if any, as a signal the widgets read.
pub type LastError = Signal<Option<AppError>>;

/// The last error of a server action.
pub fn last_error<T, S>(value: S) -> LastError
where
    T: Clone + Send + Sync + 'static,
    S: Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
{
    Signal::derive(move || value.get().and_then(|r| r.err()))
}

/// The localised message of the last error on `field`, if any.
pub fn field_message(error: &LastError, field: &str) -> Option<String> {
    let i18n = use_i18n();
    error.get().and_then(|e| {
        e.field_code(field)
            .map(|c| i18n.t(&format!("validation-{c}")))
    })
}

/// A labelled text-like input (`kind` = text, email, password, number …, or `textarea` for
/// several lines).
#[component]
pub fn TextField(
    /// The form name, e.g. `form[name]`.
    name: &'static str,
    /// The field name in validation errors, e.g. `name`.
    field: &'static str,
    label: String,
    error: LastError,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional, into)] value: String,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] autocomplete: Option<&'static str>,
    #[prop(optional, into)] hint: Option<String>,
    /// Lines of a `textarea`.
    #[prop(default = 4)]
    rows: u32,
) -> impl IntoView {
    let id = format!("f-{}", name.replace(['[', ']'], "-"));
    let err_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let message = move || field_message(&error, field);
    let described = {
        let (err_id, hint_id, has_hint) = (err_id.clone(), hint_id.clone(), hint.is_some());
        move || {
            let mut ids = vec![];
            if has_hint {
                ids.push(hint_id.clone());
            }
            if message().is_some() {
                ids.push(err_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || message().is_some().then_some("true");
    let control = if kind == "textarea" {
        view! {
            <textarea id=id.clone() name=name rows=rows required=required aria-invalid=invalid aria-describedby=described data-testid=format!("field-{field}")>{value}</textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                name=name
                type=kind
                value=value
                required=required
                autocomplete=autocomplete
                aria-invalid=invalid
                aria-describedby=described
                data-testid=format!("field-{field}")
            />
        }
        .into_any()
    };
    view! {
        <div class="field" class:field-invalid=move || message().is_some()>
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="field-hint" id=hint_id>{h}</p> })}
            {control}
            {move || message().map(|m| view! { <p class="field-error" id=err_id.clone() data-testid=format!("error-{field}")>{m}</p> })}
        </div>
    }
}

/// A labelled `<select>`; `options` are (value, label) pairs.
#[component]
pub fn SelectField(
    name: &'static str,
    field: &'static str,
    label: String,
    error: LastError,
    options: Vec<(String, String)>,
    #[prop(optional, into)] selected: String,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let id = format!("f-{}", name.replace(['[', ']'], "-"));
    let err_id = format!("{id}-error");
    let message = move || field_message(&error, field);
    let described = {
        let err_id = err_id.clone();
        move || message().is_some().then(|| err_id.clone())
    };
    view! {
        <div class="field" class:field-invalid=move || message().is_some()>
            <label for=id.clone()>{label}</label>
            <select
                id=id.clone()
                name=name
                required=required
                aria-invalid=move || message().is_some().then_some("true")
                aria-describedby=described
                data-testid=format!("field-{field}")
            >
                {options
                    .into_iter()
                    .map(|(v, l)| {
                        let sel = v == selected;
                        view! { <option value=v selected=sel>{l}</option> }
                    })
                    .collect_view()}
            </select>
            {move || message().map(|m| view! { <p class="field-error" id=err_id.clone() data-testid=format!("error-{field}")>{m}</p> })}
        </div>
    }
}

/// A labelled checkbox sending `on` when ticked.
#[component]
pub fn CheckField(
    name: &'static str,
    label: String,
    #[prop(optional)] checked: bool,
    #[prop(optional, into)] testid: String,
) -> impl IntoView {
    let id = format!("f-{}", name.replace(['[', ']'], "-"));
    view! {
        <div class="check">
            <input type="checkbox" id=id.clone() name=name value="on" checked=checked data-testid=testid/>
            <label for=id>{label}</label>
        </div>
    }
}

/// The summary above a form after a failed submission: the error itself, or for validation
/// errors a note that fields need attention (each field shows its own message).
#[component]
pub fn FormAlert(error: LastError) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().map(|e| {
            view! {
                <div class="alert alert-error" role="alert" data-testid="form-error" data-code=e.code()>
                    {i18n.t(&e.fluent_key())}
                </div>
            }
        })
    }
}
