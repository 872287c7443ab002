//! Muster: shared code of the server and the browser. Module declarations, `shell()` and `App`
//! only — no logic here.
// the exercise calendar's nested views exceed the default type-layout query depth in the
// optimised wasm build
#![recursion_limit = "256"]

pub mod api;
pub mod domain;
pub mod error;
pub mod i18n;
#[cfg(feature = "ssr")]
pub mod server;
pub mod ui;

pub use ui::routes::App;

use leptos::prelude::*;
use leptos_meta::MetaTags;

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = ui::initial_locale();
    // The Content-Security-Policy allows inline scripts carrying this request's nonce.
    #[cfg(feature = "ssr")]
    if let Some(nonce) = server::ctx::csp_nonce() {
        provide_context(leptos::nonce::Nonce::from_value(nonce));
    }
    view! {
        <!DOCTYPE html>
        <html lang=locale.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link rel="icon" href="data:,"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}
