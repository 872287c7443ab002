//! The command line: `serve` (default), `migrate`, `seed-demo`.

use std::io::Write as _;

use anyhow::Context;
use app::server::{db, seed};
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
    /// Migrate, then load the demo organisation into an empty database.
    SeedDemo,
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
                out(format!(
                    "demo data seeded: {} nations, {} bases, {} units",
                    report.nations, report.bases, report.units
                ));
            } else {
                out("the database already holds an organisation; nothing seeded");
            }
            Ok(())
        }
    }
}

async fn connect_only(config: &Config) -> anyhow::Result<sea_orm::DatabaseConnection> {
    if config.is_sqlite() {
        std::fs::create_dir_all(&config.data_dir)?;
    }
    db::connect(&config.database_url)
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
    out("");
    out(format!("  Muster is running at http://{}/", app.addr));
    out("  Stop it with Ctrl-C.");
    out("");
    tracing::info!(addr = %app.addr, "listening");
    app.run_until_stopped().await
}
