//! JSON errors and the extractors every `/api/v1` handler uses.

use std::sync::Arc;

use axum::{
    Json,
    extract::{FromRequest, FromRequestParts, rejection::JsonRejection},
    http::request::Parts,
    response::{IntoResponse, Response},
};
use serde::de::DeserializeOwned;
use serde_json::json;

use crate::{
    error::{AppError, FieldError},
    server::{
        auth::{CurrentUser, middleware::Authenticated},
        error::{ServiceError, status_of},
    },
};

/// An error answered as `{"code": …}` with the matching status.
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        Self(e)
    }
}

impl From<ServiceError> for ApiError {
    fn from(e: ServiceError) -> Self {
        Self(e.into())
    }
}

impl From<JsonRejection> for ApiError {
    fn from(r: JsonRejection) -> Self {
        let code = match r {
            JsonRejection::MissingJsonContentType(_) => "json-content-type",
            JsonRejection::JsonSyntaxError(_) => "json-syntax",
            JsonRejection::JsonDataError(_) => "json-data",
            _ => "json-body",
        };
        Self(AppError::field("body", code))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = status_of(&self.0);
        let body = match &self.0 {
            AppError::Validation(fields) => json!({ "code": "validation", "fields": fields }),
            AppError::Conflict(kind) => json!({ "code": "conflict", "kind": kind }),
            other => json!({ "code": other.code() }),
        };
        (status, Json(body)).into_response()
    }
}

/// Unknown `/api/v1` paths answer JSON, not the HTML 404 page.
pub async fn not_found() -> ApiError {
    ApiError(AppError::NotFound)
}

/// A JSON body whose rejections are 422 `validation` errors naming `body`.
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    Json<T>: FromRequest<S, Rejection = JsonRejection>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        let Json(v) = Json::<T>::from_request(req, state).await?;
        Ok(Self(v))
    }
}

/// Query parameters whose rejections are 422 `validation` errors naming the parameter: code
/// `required` when it is missing, `invalid` when it does not parse (axum's own `Query` answers
/// a plain-text 400).
pub struct ApiQuery<T>(pub T);

/// The field error of a query string that does not deserialize.
fn query_issue(e: &serde_path_to_error::Error<serde_urlencoded::de::Error>) -> FieldError {
    let path = e.path().to_string();
    if path != "." && !path.is_empty() {
        return FieldError::new(path, "invalid");
    }
    // serde's derive names a missing field in its message: "missing field `name`"
    let message = e.inner().to_string();
    match message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        Some(field) => FieldError::new(field, "required"),
        None => FieldError::new("query", "invalid"),
    }
}

impl<T, S> FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or_default();
        let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
        serde_path_to_error::deserialize(de)
            .map(Self)
            .map_err(|e| ApiError(AppError::Validation(vec![query_issue(&e)])))
    }
}

/// Path parameters: a segment that does not parse (a malformed id) names no resource, so it is
/// a JSON 404 like an unknown one (axum's own `Path` answers a plain-text 400).
pub struct ApiPath<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Path(v)| Self(v))
            .map_err(|_| ApiError(AppError::NotFound))
    }
}

/// The authenticated caller of an API route: anonymous callers get 401, people with a pending
/// password change 403 (except through a personal token, which they created knowingly).
pub struct ApiUser(pub Arc<CurrentUser>);

impl<S: Send + Sync> FromRequestParts<S> for ApiUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let user = parts
            .extensions
            .get::<Authenticated>()
            .and_then(|a| a.0.clone())
            .ok_or(ApiError(AppError::Unauthenticated))?;
        if user.must_change_password && !user.via_api_token {
            return Err(ApiError(AppError::PasswordChangeRequired));
        }
        Ok(Self(user))
    }
}
