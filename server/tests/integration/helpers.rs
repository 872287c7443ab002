//! `spawn_app()`: a migrated, demo-seeded database and a running server for one test.

use app::server::{AppState, seed, testing::PgScratch};
use reqwest::{StatusCode, header};
use serde_json::{Value, json};

/// The password every demo account has in tests.
pub const PASSWORD: &str = "correct horse battery staple";
use server::{config::Config, startup::Application};

pub struct TestApp {
    pub base: String,
    pub database_url: String,
    pub client: reqwest::Client,
    pub state: AppState,
    pg: Option<PgScratch>,
    _dir: Option<tempfile::TempDir>,
    server: tokio::task::JoinHandle<()>,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("GET failed")
    }

    /// The HTML `client` gets for a path or an absolute URL (a redirect target is either).
    pub async fn page(&self, client: &reqwest::Client, path_or_url: &str) -> String {
        let url = if path_or_url.starts_with("http") {
            path_or_url.to_owned()
        } else {
            self.url(path_or_url)
        };
        let res = client.get(url).send().await.expect("GET failed");
        res.text().await.expect("page text")
    }

    /// A new cookie-keeping client signed in as `username` through the API.
    pub async fn login_as(&self, username: &str) -> reqwest::Client {
        let c = client();
        let res = self.login(&c, username, PASSWORD).await;
        assert_eq!(res.status(), StatusCode::OK, "{username} signs in");
        c
    }

    /// `POST /api/v1/auth/login` with `client`.
    pub async fn login(
        &self,
        c: &reqwest::Client,
        username: &str,
        password: &str,
    ) -> reqwest::Response {
        c.post(self.url("/api/v1/auth/login"))
            .json(&json!({ "username": username, "password": password }))
            .send()
            .await
            .expect("login request")
    }

    /// A JSON request with `client`, returning the status and the parsed body (or null).
    pub async fn call(
        &self,
        c: &reqwest::Client,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut req = c.request(method, self.url(path));
        if let Some(b) = body {
            req = req
                .header(header::CONTENT_TYPE, "application/json")
                .body(b.to_string());
        }
        let res = req.send().await.expect("request");
        let status = res.status();
        let text = res.text().await.unwrap_or_default();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// A second server instance on the same database.
    pub async fn second_instance(&self) -> (String, tokio::task::JoinHandle<()>) {
        let config = Config::for_tests(&self.database_url);
        let application = Application::build(&config).await.expect("second instance");
        let base = format!("http://{}", application.addr);
        let handle = tokio::spawn(async move {
            let _ = application.run_until_stopped().await;
        });
        (base, handle)
    }

    /// Stops the server and drops the database.
    pub async fn stop(self) {
        self.server.abort();
        let _ = self.server.await;
        let _ = self.state.db.clone().close().await;
        if let Some(pg) = self.pg {
            pg.drop_async().await;
        }
    }
}

/// A client that keeps cookies and does not follow redirects (tests look at them). A request
/// that gets no answer in two minutes fails its test instead of hanging the whole run.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(std::time::Duration::from_secs(120))
        .build()
        .expect("client")
}

/// A fresh database URL: a new PostgreSQL database, or a SQLite file in a new folder.
pub async fn fresh_database() -> (String, Option<PgScratch>, Option<tempfile::TempDir>) {
    match std::env::var(app::server::testing::TEST_DATABASE_URL) {
        Ok(admin) if !admin.is_empty() => {
            let pg = PgScratch::create(&admin)
                .await
                .expect("create PostgreSQL test database");
            (pg.url.clone(), Some(pg), None)
        }
        _ => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display());
            (url, None, Some(dir))
        }
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Like `spawn_app`, with a chance to adjust the configuration first.
pub async fn spawn_app_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
    let (url, pg, dir) = fresh_database().await;
    let mut config = Config::for_tests(&url);
    adjust(&mut config);
    let application = Application::build(&config).await.expect("build app");
    seed::demo_with_password(
        &application.state.db,
        Some(PASSWORD.into()),
        chrono::Utc::now(),
    )
    .await
    .expect("seed demo data");
    let base = format!("http://{}", application.addr);
    let state = application.state.clone();
    let server = tokio::spawn(async move {
        let _ = application.run_until_stopped().await;
    });
    TestApp {
        base,
        database_url: url,
        client: client(),
        state,
        pg,
        _dir: dir,
        server,
    }
}
