//! Opening the database: SQLite (embedded default) or PostgreSQL, and running migrations.

use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbErr,
    SqliteTransactionMode, TransactionOptions, TransactionTrait,
    sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous},
};

/// Connects to `url`. SQLite gets WAL, foreign keys and a busy timeout; an in-memory SQLite
/// database keeps a single connection (each connection would otherwise see its own database).
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let memory = is_memory(url);
    let mut opt = options(url);
    if memory {
        opt.max_connections(1)
            .min_connections(1)
            .idle_timeout(None::<Duration>)
            .max_lifetime(None::<Duration>);
    } else if url.starts_with("sqlite:") {
        opt.max_connections(8);
    } else {
        opt.max_connections(16);
    }
    Database::connect(opt).await
}

/// Connects to `url` over a single connection, for running migrations by hand. SQLite parses
/// DDL against the schema a connection cached when it last ran a statement, so after a `DROP`
/// on one pooled connection, a `CREATE INDEX` of the same name on another fails with "already
/// exists". One connection always sees its own changes.
pub async fn connect_one(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut opt = options(url);
    opt.max_connections(1).min_connections(1);
    Database::connect(opt).await
}

fn is_memory(url: &str) -> bool {
    url.starts_with("sqlite:") && (url.contains(":memory:") || url.contains("mode=memory"))
}

/// What every connection to `url` shares: timeouts, and on SQLite foreign keys, a busy
/// timeout and (for a file) WAL.
fn options(url: &str) -> ConnectOptions {
    let mut opt = ConnectOptions::new(url.to_owned());
    opt.sqlx_logging(false)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10));
    if url.starts_with("sqlite:") {
        let memory = is_memory(url);
        opt.map_sqlx_sqlite_opts(move |o| {
            let o = o
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                .synchronous(SqliteSynchronous::Normal);
            if memory {
                o
            } else {
                o.journal_mode(SqliteJournalMode::Wal)
            }
        });
    }
    opt
}

/// Applies every pending migration.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

/// Starts a transaction that will write. On SQLite it takes the write lock at once (`BEGIN
/// IMMEDIATE`), so concurrent writers queue on the busy timeout instead of failing when a read
/// snapshot cannot be upgraded; PostgreSQL ignores the mode.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}
