//! The `server` binary: parse the command line and run it.

use clap::Parser;

fn main() -> anyhow::Result<()> {
    let cli = server::cli::Cli::parse();
    let config = server::config::Config::from_env()?;
    server::telemetry::init(&config);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(server::cli::run(cli, config))
}
