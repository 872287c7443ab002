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

/// Marks the form the calling component renders as the one posting to server function `F`:
/// after `F` refused a post made without JavaScript, the widgets below show what was typed
/// instead of the saved values.
pub fn keep_typed_values<F: server_fn::ServerFn>() {
    #[cfg(feature = "ssr")]
    provide_context(DraftOf(F::PATH));
}

#[cfg(feature = "ssr")]
#[derive(Clone, Copy)]
struct DraftOf(&'static str);

/// The refused post of the form this widget belongs to, when the page shows its refusal.
#[cfg(feature = "ssr")]
fn draft() -> Option<crate::server::form_drafts::FormDraft> {
    let of = use_context::<DraftOf>()?;
    crate::server::ctx::form_draft().filter(|d| d.action == of.0)
}

/// `saved`, or what was typed into field `name` of a refused post.
pub fn typed(name: &str, saved: String) -> String {
    #[cfg(feature = "ssr")]
    if let Some(v) = draft().and_then(|d| d.value(name).map(str::to_owned)) {
        return v;
    }
    let _ = name;
    saved
}

/// `saved`, or whether checkbox `name` was ticked in a refused post.
pub fn ticked(name: &str, saved: bool) -> bool {
    #[cfg(feature = "ssr")]
    if let Some(d) = draft() {
        return d.value(name).is_some();
    }
    let _ = name;
    saved
}

/// The text to put inside a `<textarea>`. Leptos writes a textarea's children into the server's
/// HTML unescaped (tachys treats them as raw text; leptos-rs/leptos#4819), so a saved
/// `</textarea>` would end the element and inject what follows, and `&amp;` would come back as
/// `&` and be saved that way. On the server the text is escaped here, and the browser decodes it
/// back (textarea content is escapable raw text); in the browser it is used as it is.
pub fn textarea_text(text: String) -> String {
    #[cfg(feature = "ssr")]
    if text.contains(['&', '<', '>']) {
        return text
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
    }
    text
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
    // a password is never typed back into a page, whatever its field is called
    let value = if kind == "password" {
        value
    } else {
        typed(name, value)
    };
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
            <textarea id=id.clone() name=name rows=rows required=required aria-invalid=invalid aria-describedby=described data-testid=format!("field-{field}")>{textarea_text(value)}</textarea>
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
    let selected = typed(name, selected);
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
    let checked = ticked(name, checked);
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

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::textarea_text;

    #[test]
    fn textarea_text_cannot_end_its_element_and_keeps_entities_literal() {
        assert_eq!(
            textarea_text("a </textarea><b>&amp;</b>".into()),
            "a &lt;/textarea&gt;&lt;b&gt;&amp;amp;&lt;/b&gt;"
        );
        assert_eq!(textarea_text("plain \"text\"".into()), "plain \"text\"");
    }
}
