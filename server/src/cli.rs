//! The command line: `serve` (default), `migrate`, `seed-demo`, `create-admin`, `readiness
//! snapshot`, `audit verify`.

use std::io::Write as _;

use anyhow::Context;
use app::{
    error::AppError,
    server::{
        ServiceError, db, seed,
        services::{audit, readiness, users},
    },
};
use clap::{Parser, Subcommand};
use migration::MigratorTrait;

use crate::{config::Config, startup::Application};

#[derive(Debug, Parser)]
#[command(
    name = "server",
    version,
    about = "Muster — allied logistics training. Serves the web application and the API.",
    after_help = "Configuration comes from environment variables; see the README (DATABASE_URL, \
                  MUSTER_BIND, MUSTER_DATA_DIR, MUSTER_LOG, MUSTER_LOG_FORMAT, MUSTER_ENV, \
                  MUSTER_SEED_DEMO, LEPTOS_SITE_ROOT)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Migrate the database, then serve the application (the default).
    Serve,
    /// Apply pending migrations (or roll back, or show their status), then exit.
    Migrate {
        #[command(subcommand)]
        action: Option<MigrateAction>,
    },
    /// Migrate, then load the demo organisation and accounts into an empty database.
    SeedDemo,
    /// Create an alliance administrator. The password comes from MUSTER_ADMIN_PASSWORD or,
    /// when that is unset, from standard input — never from the command line.
    CreateAdmin {
        #[arg(long)]
        username: String,
    },
    /// Readiness figures.
    Readiness {
        #[command(subcommand)]
        action: ReadinessAction,
    },
    /// The audit trail.
    Audit {
        #[command(subcommand)]
        action: AuditAction,
    },
}

#[derive(Debug, Subcommand)]
pub enum AuditAction {
    /// Recompute the hash chain; exits non-zero and names the first broken row if tampered.
    Verify,
}

#[derive(Debug, Subcommand)]
pub enum ReadinessAction {
    /// Store every unit's figures for a day (default today) as that day's snapshot, for cron;
    /// the server also does this daily on its own.
    Snapshot {
        /// The day, YYYY-MM-DD (a past day is recomputed from the records).
        #[arg(long)]
        on: Option<chrono::NaiveDate>,
    },
}

#[derive(Debug, Subcommand)]
pub enum MigrateAction {
    /// Apply every pending migration (the default).
    Up,
    /// Roll back the most recent migrations.
    Down {
        /// How many migrations to roll back.
        #[arg(long, default_value_t = 1)]
        steps: u32,
    },
    /// List applied and pending migrations.
    Status,
}

fn out(line: impl AsRef<str>) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{}", line.as_ref());
}

pub async fn run(cli: Cli, config: Config) -> anyhow::Result<()> {
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config).await,
        Command::Migrate { action } => {
            let state = connect_only(&config).await?;
            match action.unwrap_or(MigrateAction::Up) {
                MigrateAction::Up => {
                    db::migrate(&state)
                        .await
                        .context("database migration failed")?;
                    out("migrations applied");
                }
                MigrateAction::Down { steps } => {
                    migration::Migrator::down(&state, Some(steps))
                        .await
                        .context("rollback failed")?;
                    out(format!("rolled back {steps} migration(s)"));
                }
                MigrateAction::Status => {
                    for m in migration::Migrator::get_migration_with_status(&state).await? {
                        out(format!("{:<48} {}", m.name(), m.status()));
                    }
                }
            }
            Ok(())
        }
        Command::SeedDemo => {
            let state = crate::startup::prepare(&config).await?;
            let report = seed::demo(&state.db, chrono::Utc::now())
                .await
                .map_err(|e| anyhow::anyhow!("seeding failed: {e}"))?;
            if report.seeded {
                print_seeded(&report);
            } else {
                out("the database already holds an organisation; nothing seeded");
            }
            Ok(())
        }
        Command::CreateAdmin { username } => {
            let password = match std::env::var("MUSTER_ADMIN_PASSWORD") {
                Ok(p) if !p.is_empty() => p,
                _ => read_password_from_stdin()?,
            };
            let state = crate::startup::prepare(&config).await?;
            match users::create_admin(&state.db, &username, password, chrono::Utc::now()).await {
                Ok(id) => {
                    out(format!("administrator {username} created ({id})"));
                    Ok(())
                }
                Err(e) => Err(anyhow::anyhow!(
                    "cannot create the administrator: {}",
                    describe(e)
                )),
            }
        }
        Command::Readiness {
            action: ReadinessAction::Snapshot { on },
        } => {
            let db = connect_only(&config).await?;
            let today = chrono::Utc::now().date_naive();
            let on = on.unwrap_or(today);
            let units = readiness::cache::snapshot(&db, on, today)
                .await
                .map_err(|e| anyhow::anyhow!("readiness snapshot failed: {}", describe(e)))?;
            out(format!("readiness snapshot for {on}: {units} units"));
            Ok(())
        }
        Command::Audit {
            action: AuditAction::Verify,
        } => {
            let db = connect_only(&config).await?;
            let result = audit::verify(&db)
                .await
                .map_err(|e| anyhow::anyhow!("audit verification failed to run: {e}"))?;
            match result.first_broken {
                None => {
                    out(format!("audit trail intact: {} rows verified", result.rows));
                    Ok(())
                }
                Some((seq, reason)) => Err(anyhow::anyhow!(
                    "audit trail BROKEN at row {seq} ({reason}); rows before it verify"
                )),
            }
        }
    }
}

fn read_password_from_stdin() -> anyhow::Result<String> {
    let mut stderr = std::io::stderr();
    let _ = writeln!(
        stderr,
        "password for the new administrator (12–128 characters), then Enter:"
    );
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .context("cannot read the password from standard input")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

/// A service failure in words for the command line (field codes, never database text).
fn describe(e: ServiceError) -> String {
    match AppError::from(e) {
        AppError::Validation(fields) => fields
            .iter()
            .map(|f| format!("{}: {}", f.field, f.code))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.code().to_owned(),
    }
}

fn print_seeded(report: &seed::SeedReport) {
    out(format!(
        "  Demo data seeded: {} nations, {} bases, {} units, {} accounts.",
        report.nations, report.bases, report.units, report.people
    ));
    out("  Demo logins:");
    for (username, roles) in seed::accounts() {
        out(format!("    {username:<18} {roles}"));
    }
    match &report.generated_password {
        Some(p) => out(format!(
            "  Password for every demo login: {p}\n  (shown only now; set MUSTER_DEMO_PASSWORD before the first start to choose it)"
        )),
        None => out("  Password for every demo login: the value of MUSTER_DEMO_PASSWORD"),
    }
}

async fn connect_only(config: &Config) -> anyhow::Result<sea_orm::DatabaseConnection> {
    if config.is_sqlite() {
        std::fs::create_dir_all(&config.data_dir)?;
    }
    // one-shot commands run one statement at a time; one connection also keeps SQLite's
    // cached schema current across a rollback's DDL (see `db::connect_one`)
    db::connect_one(&config.database_url)
        .await
        .context("cannot open the database (check DATABASE_URL)")
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let app = Application::build(&config).await?;
    if config.seed_demo {
        let report = seed::demo(&app.state.db, chrono::Utc::now())
            .await
            .map_err(|e| anyhow::anyhow!("seeding the demo data failed: {e}"))?;
        if report.seeded {
            tracing::info!(
                nations = report.nations,
                bases = report.bases,
                units = report.units,
                "demo data seeded"
            );
        }
    }
    tokio::spawn(readiness_daily(app.state.db.clone()));
    out("");
    out(format!("  Muster is running at http://{}/", app.addr));
    out("  Stop it with Ctrl-C.");
    out("");
    tracing::info!(addr = %app.addr, "listening");
    app.run_until_stopped().await
}

/// Keeps readiness current and takes the daily snapshot: at start, then shortly after every
/// midnight UTC (checked at least hourly, so a suspended machine catches up).
async fn readiness_daily(db: sea_orm::DatabaseConnection) {
    loop {
        let now = chrono::Utc::now();
        if let Err(e) = readiness::cache::daily(&db, now.date_naive()).await {
            tracing::error!(error = %AppError::from(e), "daily readiness snapshot failed");
        }
        let next_midnight = now
            .date_naive()
            .succ_opt()
            .and_then(|d| d.and_hms_opt(0, 0, 5))
            .map(|t| t.and_utc());
        let wait = next_midnight
            .and_then(|t| (t - now).to_std().ok())
            .unwrap_or_default()
            .min(std::time::Duration::from_secs(3600));
        tokio::time::sleep(wait.max(std::time::Duration::from_secs(1))).await;
    }
}
