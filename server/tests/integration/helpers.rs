//! `spawn_app()`: a migrated, demo-seeded database and a running server for one test.

use app::server::{AppState, seed, testing::PgScratch};
use server::{config::Config, startup::Application};

pub struct TestApp {
    pub base: String,
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

/// A client that keeps cookies and does not follow redirects (tests look at them).
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
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
    seed::demo(&application.state.db, chrono::Utc::now())
        .await
        .expect("seed demo data");
    let base = format!("http://{}", application.addr);
    let state = application.state.clone();
    let server = tokio::spawn(async move {
        let _ = application.run_until_stopped().await;
    });
    TestApp {
        base,
        client: client(),
        state,
        pg,
        _dir: dir,
        server,
    }
}
