//! Without JavaScript, a refused form post is redirected back to its page with the error in the
//! URL (`__path`, `__err`), and the page would render the saved values: everything typed would
//! be lost. This layer keeps the post's fields per session and form action for an hour (no field
//! named like a password, nothing posted to `/api/auth`), hands them to the page the refusal
//! returns to, and forgets them once that form is saved. Form widgets read them through
//! [`super::ctx::form_draft`]. Drafts are the person's own unsaved typing, not a change to the
//! shared data, so they are not audited.

use axum::{
    body::{Body, to_bytes},
    extract::{Request, State},
    http::{Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, Set, sea_query::OnConflict,
};

use super::{
    auth::{middleware::Authenticated, secret::sha256_hex},
    ctx,
    entities::form_draft::{self, Column},
    error::ServiceError,
    state::AppState,
};

/// How long a refused form's fields wait for the page to show them.
pub const KEEP_FOR: Duration = Duration::hours(1);

/// Bodies larger than this are not kept (the body limit refuses them anyway).
const MAX_BODY: usize = 1024 * 1024;

/// The fields of a refused post to `action`, in the order they were sent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormDraft {
    pub action: String,
    fields: Vec<(String, String)>,
}

impl FormDraft {
    pub fn parse(action: &str, body: &str) -> Self {
        Self {
            action: action.to_owned(),
            fields: form_urlencoded::parse(body.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        }
    }

    /// The first value sent under `name`.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The body without any field whose name mentions a password: those are never stored.
pub fn without_secrets(body: &[u8]) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in form_urlencoded::parse(body) {
        if !k.to_ascii_lowercase().contains("password") {
            out.append_pair(&k, &v);
        }
    }
    out.finish()
}

/// Keeps `body` as the session's draft of `action`, replacing an earlier one.
pub async fn keep<C: ConnectionTrait>(
    db: &C,
    session_token: &str,
    action: &str,
    body: String,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    form_draft::Entity::insert(form_draft::ActiveModel {
        session_hash: Set(sha256_hex(session_token)),
        action: Set(action.to_owned()),
        body: Set(body),
        created_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([Column::SessionHash, Column::Action])
            .update_columns([Column::Body, Column::CreatedAt])
            .to_owned(),
    )
    .exec(db)
    .await?;
    Ok(())
}

/// The session's draft of `action`, unless it is older than [`KEEP_FOR`].
pub async fn find<C: ConnectionTrait>(
    db: &C,
    session_token: &str,
    action: &str,
    now: DateTime<Utc>,
) -> Result<Option<FormDraft>, ServiceError> {
    Ok(
        form_draft::Entity::find_by_id((sha256_hex(session_token), action.to_owned()))
            .filter(Column::CreatedAt.gt(now - KEEP_FOR))
            .one(db)
            .await?
            .map(|d| FormDraft::parse(action, &d.body)),
    )
}

/// Forgets the session's draft of `action` (its form was saved) and every stale draft.
pub async fn forget<C: ConnectionTrait>(
    db: &C,
    session_token: &str,
    action: &str,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    form_draft::Entity::delete_many()
        .filter(
            Column::SessionHash
                .eq(sha256_hex(session_token))
                .and(Column::Action.eq(action))
                .or(Column::CreatedAt.lte(now - KEEP_FOR)),
        )
        .exec(db)
        .await?;
    Ok(())
}

fn session_token(req: &Request) -> Option<String> {
    req.extensions()
        .get::<Authenticated>()
        .and_then(|a| a.0.as_ref())
        .and_then(|u| u.session_token.clone())
}

/// A server function posted by a plain HTML form: not `/api/v1` (JSON), and not signing in or
/// changing a password (`/api/auth`), whose fields are never kept.
fn plain_form_post(req: &Request) -> bool {
    let header_has = |name, part: &str| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains(part))
    };
    let path = req.uri().path();
    req.method() == Method::POST
        && path.starts_with("/api/")
        && !path.starts_with("/api/v1/")
        && !path.starts_with("/api/auth/")
        && header_has(header::ACCEPT, "text/html")
        && header_has(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
}

/// The form action a page was sent back to after a refusal (`?__path=…&__err=…`).
fn refused_action(req: &Request) -> Option<String> {
    let query = req.uri().query()?;
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let has_err = pairs.iter().any(|(k, _)| k == "__err");
    let path = pairs
        .into_iter()
        .find(|(k, _)| k == "__path")
        .map(|(_, v)| v);
    path.filter(|_| has_err)
}

fn refused(res: &Response) -> bool {
    res.status().is_redirection()
        && res
            .headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|l| l.contains("__err="))
}

/// Middleware (inside the auth layer): keeps a signed-in person's refused plain form posts and
/// hands them to the page the refusal returns to. A failure here is logged and never stops the
/// request.
pub async fn layer(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let Some(token) = session_token(&req) else {
        return next.run(req).await;
    };
    let now = ctx::now();
    if plain_form_post(&req) {
        let action = req.uri().path().to_owned();
        let (parts, body) = req.into_parts();
        let Ok(bytes) = to_bytes(body, MAX_BODY).await else {
            return StatusCode::PAYLOAD_TOO_LARGE.into_response();
        };
        let res = next
            .run(Request::from_parts(parts, Body::from(bytes.clone())))
            .await;
        let outcome = if refused(&res) {
            keep(&state.db, &token, &action, without_secrets(&bytes), now).await
        } else if res.status().is_redirection() {
            forget(&state.db, &token, &action, now).await
        } else {
            Ok(())
        };
        if let Err(e) = outcome {
            tracing::warn!(error = %e, "a refused form's fields could not be kept or forgotten");
        }
        return res;
    }
    if req.method() == Method::GET
        && let Some(action) = refused_action(&req)
    {
        match find(&state.db, &token, &action, now).await {
            Ok(Some(draft)) => {
                req.extensions_mut().insert(draft);
            }
            Ok(None) => {}
            Err(e) => tracing::warn!(error = %e, "a refused form's fields could not be read"),
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_a_draft_and_values_round_trip() {
        let body = b"form%5Bcode%5D=fuel+1&form%5Bbody%5D=a%26b%0Ac&current_password=x&form[new_password]=y&form%5Bquiz%5D%5Bq0_c1_correct%5D=on";
        let kept = without_secrets(body);
        assert!(!kept.to_ascii_lowercase().contains("password"), "{kept}");
        let draft = FormDraft::parse("/api/x", &kept);
        assert_eq!(draft.value("form[code]"), Some("fuel 1"));
        assert_eq!(draft.value("form[body]"), Some("a&b\nc"));
        assert_eq!(draft.value("form[quiz][q0_c1_correct]"), Some("on"));
        assert_eq!(draft.value("form[quiz][q0_c0_correct]"), None);
    }

    #[test]
    fn only_a_refusal_with_its_action_brings_a_draft_back() {
        let get = |uri: &str| Request::get(uri).body(Body::empty()).unwrap();
        assert_eq!(
            refused_action(&get("/x?__path=%2Fapi%2Fa%2Fb&__err=e30")).as_deref(),
            Some("/api/a/b")
        );
        assert_eq!(refused_action(&get("/x?__path=%2Fapi%2Fa%2Fb")), None);
        assert_eq!(refused_action(&get("/x?__err=e30")), None);
        assert_eq!(refused_action(&get("/x")), None);
    }
}
