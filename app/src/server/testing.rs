//! Fresh, real databases for tests: in-memory SQLite by default, a new PostgreSQL database per
//! test when `TEST_DATABASE_URL` points at a server. Never a shared mutable test database.

use sea_orm::{ConnectionTrait, DatabaseConnection};

use super::db;

/// The environment variable naming a PostgreSQL server (any database on it) for tests.
pub const TEST_DATABASE_URL: &str = "TEST_DATABASE_URL";

/// A PostgreSQL database created for one test, dropped when the test ends.
#[derive(Debug)]
pub struct PgScratch {
    admin_url: String,
    name: String,
    pub url: String,
}

impl PgScratch {
    /// Creates an empty database with a unique name on the server of `admin_url`.
    pub async fn create(admin_url: &str) -> Result<Self, sea_orm::DbErr> {
        let name = format!("muster_t_{}", uuid::Uuid::new_v4().simple());
        let admin = db::connect(admin_url).await?;
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await?;
        admin.close().await?;
        Ok(Self {
            admin_url: admin_url.to_owned(),
            url: with_database(admin_url, &name),
            name,
        })
    }

    async fn drop_now(admin_url: String, name: String) -> Result<(), sea_orm::DbErr> {
        let admin = db::connect(&admin_url).await?;
        admin
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .await?;
        admin.close().await
    }

    /// Drops the database now.
    pub async fn drop_async(mut self) {
        let name = std::mem::take(&mut self.name);
        if let Err(e) = Self::drop_now(self.admin_url.clone(), name.clone()).await {
            tracing::warn!(database = %name, error = %e, "could not drop test database");
        }
    }
}

impl Drop for PgScratch {
    fn drop(&mut self) {
        if self.name.is_empty() {
            return;
        }
        // The test ended without `drop_async` (it panicked): drop from a helper thread.
        let (admin_url, name) = (self.admin_url.clone(), std::mem::take(&mut self.name));
        let _ = std::thread::spawn(move || {
            if let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                let _ = rt.block_on(Self::drop_now(admin_url, name));
            }
        })
        .join();
    }
}

/// `url` with its database name replaced by `name`, keeping any query string.
pub fn with_database(url: &str, name: &str) -> String {
    let (main, query) = match url.split_once('?') {
        Some((m, q)) => (m, format!("?{q}")),
        None => (url, String::new()),
    };
    let host_start = main.find("://").map(|i| i + 3).unwrap_or(0);
    let base = match main[host_start..].find('/') {
        Some(i) => &main[..host_start + i],
        None => main,
    };
    format!("{base}/{name}{query}")
}

/// A migrated database for one test.
pub struct TestDb {
    pub conn: DatabaseConnection,
    scratch: Option<PgScratch>,
}

impl TestDb {
    /// Closes the connection and drops the database (PostgreSQL).
    pub async fn close(self) {
        let _ = self.conn.close().await;
        if let Some(s) = self.scratch {
            s.drop_async().await;
        }
    }

    /// Whether this test runs on PostgreSQL.
    pub fn is_postgres(&self) -> bool {
        self.scratch.is_some()
    }
}

/// A fresh database with every migration applied. Panics when it cannot be had: a test
/// without its database must fail loudly.
pub async fn test_db() -> TestDb {
    let (url, scratch) = match std::env::var(TEST_DATABASE_URL) {
        Ok(admin) if !admin.is_empty() => match PgScratch::create(&admin).await {
            Ok(s) => (s.url.clone(), Some(s)),
            Err(e) => panic!("cannot create a PostgreSQL test database: {e}"),
        },
        _ => ("sqlite::memory:".to_owned(), None),
    };
    let conn = match db::connect(&url).await {
        Ok(c) => c,
        Err(e) => panic!("cannot connect to the test database: {e}"),
    };
    if let Err(e) = db::migrate(&conn).await {
        panic!("migrations failed on the test database: {e}");
    }
    TestDb { conn, scratch }
}
