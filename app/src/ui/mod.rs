//! The interface: reusable components, one page per route, and the route table.

pub mod components;
pub mod pages;
pub mod routes;

use leptos::prelude::*;

use crate::{
    api::auth::Me,
    domain::policy::Role,
    error::AppError,
    i18n::{I18n, Locale},
};

/// The signed-in person (or nobody), loaded once per page and shared by every component.
#[derive(Clone, Copy)]
pub struct SessionCtx(pub Resource<Result<Option<Me>, AppError>>);

/// The session resource provided by `App`.
pub fn use_session() -> Option<SessionCtx> {
    use_context::<SessionCtx>()
}

/// Whether `me` holds `role`.
pub fn has_role(me: &Me, role: Role) -> bool {
    me.roles.iter().any(|g| g.role == role)
}

/// Sends the browser to `path` with a full page load (after signing in or out, every part of
/// the page must be rendered anew for the new person).
pub fn reload_to(path: &str) {
    #[cfg(feature = "hydrate")]
    {
        let _ = window().location().set_href(path);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = path;
}

/// The locale the page renders in: on the server, the one negotiated for the request; in the
/// browser, the one the server wrote into `<html lang>` (so hydration renders the same text).
pub fn initial_locale() -> Locale {
    #[cfg(feature = "ssr")]
    {
        crate::server::ctx::request_locale()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|l| Locale::parse(&l))
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        Locale::default()
    }
}

/// The page's translator, provided by `App`.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n::new(initial_locale()))
}
