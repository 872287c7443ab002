//! `ServiceError`: what a service can fail with. Converting it to an `AppError` logs internal
//! causes and hides them: database text never reaches a client.

use http::StatusCode;
use sea_orm::{DbErr, SqlErr};

use crate::error::{AppError, FieldError};

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// A failure the caller caused and may be told about.
    #[error("{0}")]
    App(AppError),
    #[error("database: {0}")]
    Db(#[from] DbErr),
    #[error("internal: {0}")]
    Other(#[from] anyhow::Error),
}

impl ServiceError {
    /// Whether this is a unique-constraint violation (a duplicate name or code).
    pub fn is_unique_violation(&self) -> bool {
        matches!(self, ServiceError::Db(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))))
    }
}

impl From<AppError> for ServiceError {
    fn from(value: AppError) -> Self {
        ServiceError::App(value)
    }
}

impl From<FieldError> for ServiceError {
    fn from(value: FieldError) -> Self {
        ServiceError::App(AppError::Validation(vec![value]))
    }
}

impl From<ServiceError> for AppError {
    fn from(value: ServiceError) -> Self {
        match value {
            ServiceError::App(e) => e,
            ServiceError::Db(e) => {
                if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) {
                    return AppError::Conflict("duplicate".into());
                }
                tracing::error!(error = %e, "database error");
                AppError::Internal
            }
            ServiceError::Other(e) => {
                tracing::error!(error = %e, "internal error");
                AppError::Internal
            }
        }
    }
}

/// The HTTP status that answers an error, for the pages' server functions and the API alike.
pub fn status_of(e: &AppError) -> StatusCode {
    match e {
        AppError::Unauthenticated | AppError::InvalidCredentials => StatusCode::UNAUTHORIZED,
        AppError::Forbidden | AppError::PasswordChangeRequired => StatusCode::FORBIDDEN,
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Conflict(_) => StatusCode::CONFLICT,
        AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        AppError::Internal | AppError::Transport => StatusCode::INTERNAL_SERVER_ERROR,
    }
}
