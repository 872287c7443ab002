//! Configuration from environment variables (documented in the README). No secret has a default.

use std::{net::SocketAddr, path::PathBuf};

use anyhow::{Context, bail};

/// How log lines are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Pretty,
    Json,
}

#[derive(Clone, Debug)]
pub struct Config {
    /// `DATABASE_URL`: `sqlite://…` (default: a file in the data folder) or `postgres://…`.
    pub database_url: String,
    /// `MUSTER_BIND`: the address to listen on.
    pub bind: SocketAddr,
    /// `MUSTER_DATA_DIR`: where the embedded SQLite database lives.
    pub data_dir: PathBuf,
    /// `MUSTER_LOG` (or `RUST_LOG`): a tracing filter such as `info` or `server=debug`.
    pub log_filter: String,
    /// `MUSTER_LOG_FORMAT`: `pretty` (default) or `json`.
    pub log_format: LogFormat,
    /// `MUSTER_ENV`: `development` (default) or `production` (secure cookies, HSTS).
    pub production: bool,
    /// `MUSTER_SEED_DEMO`: seed demo data into an empty database when serving.
    pub seed_demo: bool,
    /// `LEPTOS_SITE_ROOT`: the folder holding the built browser bundle (`pkg/`).
    pub site_root: String,
    /// `MUSTER_SESSION_IDLE_MINUTES`: a session ends after this long without use (default 120).
    pub session_idle_minutes: i64,
    /// `MUSTER_TRUSTED_ORIGINS`: comma-separated origins allowed to post besides the request's
    /// own host (for a reverse proxy that rewrites `Host`).
    pub trusted_origins: Vec<String>,
    /// `MUSTER_LOGIN_RATE_PER_MINUTE` and `MUSTER_LOGIN_BURST`: sign-in attempts per client
    /// address (default 10 and 10).
    pub login_per_minute: u32,
    pub login_burst: u32,
}

fn number<T: std::str::FromStr>(name: &str, default: T) -> anyhow::Result<T> {
    match var(name) {
        None => Ok(default),
        Some(v) => v
            .trim()
            .parse()
            .map_err(|_| anyhow::anyhow!("{name} must be a whole number, not {v:?}")),
    }
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn flag(name: &str) -> anyhow::Result<bool> {
    match var(name).as_deref().map(str::to_ascii_lowercase).as_deref() {
        None | Some("0" | "false" | "no" | "off") => Ok(false),
        Some("1" | "true" | "yes" | "on") => Ok(true),
        Some(other) => bail!("{name} must be true or false, not {other:?}"),
    }
}

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        let data_dir = PathBuf::from(var("MUSTER_DATA_DIR").unwrap_or_else(|| "data".into()));
        let database_url = match var("DATABASE_URL") {
            Some(url) => url,
            None => format!("sqlite://{}?mode=rwc", data_dir.join("muster.db").display()),
        };
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            bail!("DATABASE_URL must start with sqlite: or postgres://");
        }
        let bind = var("MUSTER_BIND")
            .or_else(|| var("LEPTOS_SITE_ADDR"))
            .unwrap_or_else(|| "127.0.0.1:3000".into());
        let bind = bind.parse().with_context(|| {
            format!("MUSTER_BIND is not an address such as 127.0.0.1:3000: {bind:?}")
        })?;
        let log_format = match var("MUSTER_LOG_FORMAT").as_deref() {
            None | Some("pretty") => LogFormat::Pretty,
            Some("json") => LogFormat::Json,
            Some(other) => bail!("MUSTER_LOG_FORMAT must be pretty or json, not {other:?}"),
        };
        let production = match var("MUSTER_ENV").as_deref() {
            None | Some("development" | "dev") => false,
            Some("production" | "prod") => true,
            Some(other) => bail!("MUSTER_ENV must be development or production, not {other:?}"),
        };
        Ok(Self {
            database_url,
            bind,
            data_dir,
            log_filter: var("MUSTER_LOG")
                .or_else(|| var("RUST_LOG"))
                .unwrap_or_else(|| "info,sqlx=warn,sea_orm=warn".into()),
            log_format,
            production,
            seed_demo: flag("MUSTER_SEED_DEMO")?,
            site_root: var("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
            session_idle_minutes: number("MUSTER_SESSION_IDLE_MINUTES", 120i64)?
                .clamp(1, 60 * 24 * 30),
            trusted_origins: var("MUSTER_TRUSTED_ORIGINS")
                .map(|v| {
                    v.split(',')
                        .map(|s| s.trim().trim_end_matches('/').to_owned())
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
            login_per_minute: number("MUSTER_LOGIN_RATE_PER_MINUTE", 10u32)?,
            login_burst: number("MUSTER_LOGIN_BURST", 10u32)?,
        })
    }

    /// A configuration for tests: the given database, an ephemeral port, quiet logs.
    pub fn for_tests(database_url: &str) -> Self {
        Self {
            database_url: database_url.to_owned(),
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            data_dir: std::env::temp_dir(),
            log_filter: "warn".into(),
            log_format: LogFormat::Pretty,
            production: false,
            seed_demo: false,
            site_root: "target/site".into(),
            session_idle_minutes: 120,
            trusted_origins: vec![],
            login_per_minute: 10,
            login_burst: 10,
        }
    }

    /// Whether the database is the embedded SQLite file.
    pub fn is_sqlite(&self) -> bool {
        self.database_url.starts_with("sqlite:")
    }
}
