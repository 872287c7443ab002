//! Signing in and out, the signed-in person, their password, language and API tokens.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{domain::policy::Grant, error::AppError};

/// The signed-in person as every page sees them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Me {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub nation_id: Option<Uuid>,
    pub unit_id: Option<Uuid>,
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<Object>))]
    pub roles: Vec<Grant>,
    pub preferred_locale: String,
    pub must_change_password: bool,
}

/// A personal API token as listed (the secret itself is never shown again).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TokenView {
    pub id: Uuid,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked: bool,
}

/// A new token: the only time its secret is visible.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewToken {
    pub id: Uuid,
    pub name: String,
    pub token: String,
}

/// The signed-in person, or `None` for a visitor.
#[server(prefix = "/api", endpoint = "auth/me")]
pub async fn current_user() -> Result<Option<Me>, AppError> {
    crate::server::ctx::reply(
        async move {
            Ok(crate::server::ctx::current_user()
                .map(|u| crate::server::services::users::me_of(&u)))
        }
        .await,
    )
}

/// Signs in; on success the session cookie is set and the browser goes to `next`.
#[server(prefix = "/api", endpoint = "auth/login")]
pub async fn login(
    username: String,
    password: String,
    next: Option<String>,
) -> Result<Me, AppError> {
    crate::server::ctx::reply(
        async move { crate::server::ctx::login(username, password, next).await }.await,
    )
}

/// Signs out and ends the session.
#[server(prefix = "/api", endpoint = "auth/logout")]
pub async fn logout() -> Result<(), AppError> {
    crate::server::ctx::reply(async move { crate::server::ctx::logout().await }.await)
}

/// Changes the signed-in person's password; every other session of theirs ends.
#[server(prefix = "/api", endpoint = "auth/password")]
pub async fn change_password(
    current: String,
    new: String,
    confirm: String,
) -> Result<(), AppError> {
    crate::server::ctx::reply(
        async move { crate::server::ctx::change_password(current, new, confirm).await }.await,
    )
}

/// The signed-in person's API tokens.
#[server(prefix = "/api", endpoint = "auth/tokens")]
pub async fn list_tokens() -> Result<Vec<TokenView>, AppError> {
    crate::server::ctx::with_user(|state, user, _| async move {
        crate::server::services::tokens::list(&state.db, &user.actor).await
    })
    .await
}

/// Creates an API token; the secret is in the answer and nowhere else.
#[server(prefix = "/api", endpoint = "auth/tokens/create")]
pub async fn create_token(name: String) -> Result<NewToken, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        crate::server::services::tokens::create(&state.db, &user.actor, &name, now).await
    })
    .await
}

/// Revokes one of the signed-in person's API tokens.
#[server(prefix = "/api", endpoint = "auth/tokens/revoke")]
pub async fn revoke_token(id: Uuid) -> Result<(), AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        crate::server::services::tokens::revoke(&state.db, &user.actor, id, now).await
    })
    .await
}
