//! Builds the HTTP stack — pages, server functions, health check, static bundle — and serves it.

use std::{net::SocketAddr, sync::OnceLock, time::Duration};

use anyhow::Context;
use app::{
    App,
    server::{
        AppState, Settings, api_v1,
        auth::{csrf, headers, middleware as auth, password, rate_limit},
        db, form_drafts, http as web,
    },
    shell,
};
use axum::{
    Router,
    extract::{DefaultBodyLimit, Request},
    http::HeaderName,
    middleware,
    routing::{get, post},
};
use leptos::config::{Env, LeptosOptions};
use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};
use tokio::net::TcpListener;
use tower::ServiceBuilder;
use tower_http::{
    catch_panic::CatchPanicLayer,
    compression::CompressionLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    trace::{DefaultOnResponse, TraceLayer},
};
use tracing::Level;

use crate::config::Config;

/// Request bodies larger than this are refused (413) before any handler reads them.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Opens (creating the SQLite folder if needed) and migrates the database, and assembles the
/// application state. A migration failure stops start-up with the reason.
pub async fn prepare(config: &Config) -> anyhow::Result<AppState> {
    if config.is_sqlite() {
        std::fs::create_dir_all(&config.data_dir).with_context(|| {
            format!(
                "cannot create the data folder {}",
                config.data_dir.display()
            )
        })?;
    }
    let db = db::connect(&config.database_url)
        .await
        .context("cannot open the database (check DATABASE_URL)")?;
    db::migrate(&db).await.context(
        "database migration failed; the server will not start on a schema it does not know",
    )?;
    let leptos_options = LeptosOptions::builder()
        .output_name("muster")
        .site_root(config.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(config.bind)
        .env(Env::PROD)
        .build();
    password::warm_up().await;
    Ok(AppState::new(
        leptos_options,
        db,
        Settings {
            production: config.production,
            session_idle: chrono::Duration::minutes(config.session_idle_minutes),
            trusted_origins: config.trusted_origins.clone(),
            login_per_minute: config.login_per_minute,
            login_burst: config.login_burst,
        },
    ))
}

/// The app's routes, generated once per process. While Leptos generates them it suppresses every
/// resource load in the whole process (one global flag), and a resource whose first poll falls
/// in that moment never loads: a page rendering in another server of the same process would hang
/// for good (leptos-rs/leptos#4773). The integration tests run many servers in one process.
fn routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The full router with every middleware, as production serves it.
pub fn router(state: AppState) -> Router {
    let routes = routes();
    let options = state.leptos_options.clone();
    let fallback_state = state.clone();
    Router::new()
        .route("/healthz", get(web::healthz))
        .route("/lang", post(web::set_language))
        .merge(api_v1::router())
        .leptos_routes_with_context(&state, routes, || {}, move || shell(options.clone()))
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            move || leptos::prelude::provide_context(fallback_state.clone()),
            shell,
        ))
        // innermost first: these run bottom-up on the way in
        .layer(middleware::from_fn(web::locale_layer))
        .layer(middleware::from_fn_with_state(state.clone(), form_drafts::layer))
        .layer(middleware::from_fn_with_state(state.clone(), rate_limit::login_rate_layer))
        .layer(middleware::from_fn_with_state(state.clone(), auth::auth_layer))
        .layer(middleware::from_fn_with_state(state.clone(), csrf::csrf_layer))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn_with_state(state.clone(), headers::security_headers_layer))
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(|req: &Request| {
                            let id = req
                                .headers()
                                .get(REQUEST_ID)
                                .and_then(|v| v.to_str().ok())
                                .unwrap_or_default();
                            // the path only: query strings may carry tokens
                            tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id = %id)
                        })
                        .on_response(DefaultOnResponse::new().level(Level::INFO)),
                )
                .layer(PropagateRequestIdLayer::new(REQUEST_ID))
                .layer(CatchPanicLayer::new())
                .layer(CompressionLayer::new()),
        )
        .with_state(state)
}

/// A bound, ready-to-serve application.
pub struct Application {
    listener: TcpListener,
    router: Router,
    pub addr: SocketAddr,
    pub state: AppState,
}

impl Application {
    /// Prepares the state and binds the listening socket (port 0 picks a free port).
    pub async fn build(config: &Config) -> anyhow::Result<Self> {
        let state = prepare(config).await?;
        Self::with_state(config, state).await
    }

    pub async fn with_state(config: &Config, state: AppState) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(config.bind)
            .await
            .with_context(|| format!("cannot listen on {}", config.bind))?;
        let addr = listener.local_addr()?;
        Ok(Self {
            router: router(state.clone()),
            listener,
            addr,
            state,
        })
    }

    /// Serves until Ctrl-C or SIGTERM, letting requests in flight finish.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown_signal())
        .await?;
        Ok(())
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
    tokio::time::sleep(Duration::from_millis(10)).await;
}
