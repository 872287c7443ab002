//! `AppError`: the only error type that crosses the wire. It carries codes, never messages; the UI
//! turns each code into a Fluent key so the user reads it in their own language.

use serde::{Deserialize, Serialize};
use server_fn::{ServerFnError, codec::JsonEncoding, error::FromServerFnError};

/// One invalid input field: `field` names the form field, `code` the rule it broke
/// (shown through the Fluent key `validation-<code>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            code: code.into(),
        }
    }
}

/// What went wrong, as a code the client can localise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", content = "detail", rename_all = "snake_case")]
pub enum AppError {
    #[error("unauthenticated")]
    Unauthenticated,
    /// A sign-in failed; deliberately says nothing about why.
    #[error("invalid credentials")]
    InvalidCredentials,
    /// The person must change their password before doing anything else.
    #[error("password change required")]
    PasswordChangeRequired,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// A state conflict; the string is a stable kind such as `duplicate`.
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    #[error("rate limited")]
    RateLimited,
    #[error("internal error")]
    Internal,
    /// The request never reached the application (network, encoding); no detail is kept.
    #[error("transport error")]
    Transport,
}

impl AppError {
    /// A validation error for a single field.
    pub fn field(field: impl Into<String>, code: impl Into<String>) -> Self {
        Self::Validation(vec![FieldError::new(field, code)])
    }

    /// The stable machine code, as used in JSON bodies of the external API.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unauthenticated => "unauthenticated",
            Self::InvalidCredentials => "invalid_credentials",
            Self::PasswordChangeRequired => "password_change_required",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not_found",
            Self::Conflict(_) => "conflict",
            Self::Validation(_) => "validation",
            Self::RateLimited => "rate_limited",
            Self::Internal => "internal",
            Self::Transport => "transport",
        }
    }

    /// The Fluent key of the sentence that explains this error to a person.
    pub fn fluent_key(&self) -> String {
        match self {
            Self::Conflict(kind) => format!("error-conflict-{kind}"),
            other => format!("error-{}", other.code().replace('_', "-")),
        }
    }

    /// The code of the first error on `field`, if any.
    pub fn field_code(&self, field: &str) -> Option<&str> {
        match self {
            Self::Validation(errors) => errors
                .iter()
                .find(|e| e.field == field)
                .map(|e| e.code.as_str()),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(_value: server_fn::error::ServerFnErrorErr) -> Self {
        Self::Transport
    }
}

impl From<ServerFnError> for AppError {
    fn from(_value: ServerFnError) -> Self {
        Self::Transport
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_serialise_with_a_stable_code_field() {
        let json = serde_json::to_value(AppError::field("name", "required")).unwrap_or_default();
        assert_eq!(json["code"], "validation");
        assert_eq!(json["detail"][0]["field"], "name");
        assert_eq!(json["detail"][0]["code"], "required");
        let json = serde_json::to_value(AppError::Forbidden).unwrap_or_default();
        assert_eq!(json["code"], "forbidden");
    }

    #[test]
    fn every_error_maps_to_a_fluent_key() {
        assert_eq!(AppError::NotFound.fluent_key(), "error-not-found");
        assert_eq!(AppError::RateLimited.fluent_key(), "error-rate-limited");
        assert_eq!(
            AppError::Conflict("duplicate".into()).fluent_key(),
            "error-conflict-duplicate"
        );
    }
}
