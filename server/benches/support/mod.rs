//! Shared by the HTTP benchmarks: a seeded server on loopback and two load generators
//! (wrk for throughput, an in-process client for latency percentiles).

#![allow(
    dead_code,
    reason = "each benchmark binary uses a different part of this shared module"
)]

use std::{
    process::Command,
    time::{Duration, Instant},
};

use anyhow::Context as _;
use server::{config::Config, startup::Application};

/// The demo password of the benchmark database.
pub const PASSWORD: &str = "benchmark password 1";

/// Starts the full application on a fresh, seeded SQLite database; returns its base URL. The
/// temporary folder lives as long as the returned guard.
pub async fn spawn_app(
    adjust: impl FnOnce(&mut Config),
) -> anyhow::Result<(String, app::server::AppState, tempfile::TempDir)> {
    let dir = tempfile::tempdir()?;
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("bench.db").display()
    );
    let mut config = Config::for_tests(&url);
    config.log_filter = "error".into();
    adjust(&mut config);
    server::telemetry::init(&config);
    let app = Application::build(&config).await?;
    app::server::seed::demo_with_password(&app.state.db, Some(PASSWORD.into()), chrono::Utc::now())
        .await?;
    let base = format!("http://{}", app.addr);
    let state = app.state.clone();
    tokio::spawn(app.run_until_stopped());
    tokio::time::sleep(Duration::from_millis(200)).await;
    Ok((base, state, dir))
}

pub struct WrkResult {
    pub requests_per_sec: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
}

fn parse_ms(s: &str) -> f64 {
    let s = s.trim();
    if let Some(v) = s.strip_suffix("us") {
        v.parse::<f64>().unwrap_or(f64::NAN) / 1000.0
    } else if let Some(v) = s.strip_suffix("ms") {
        v.parse().unwrap_or(f64::NAN)
    } else if let Some(v) = s.strip_suffix('s') {
        v.parse::<f64>().unwrap_or(f64::NAN) * 1000.0
    } else {
        f64::NAN
    }
}

/// Runs wrk against `url` with `connections` connections for `secs` seconds.
pub fn wrk(url: &str, connections: u32, secs: u32) -> anyhow::Result<WrkResult> {
    let out = Command::new("wrk")
        .args([
            "-t2",
            &format!("-c{connections}"),
            &format!("-d{secs}s"),
            "--latency",
            url,
        ])
        .output()
        .context("wrk must be installed (make bench installs it)")?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut result = WrkResult {
        requests_per_sec: 0.0,
        p50_ms: f64::NAN,
        p99_ms: f64::NAN,
    };
    for line in text.lines() {
        let line = line.trim();
        if let Some(v) = line.strip_prefix("Requests/sec:") {
            result.requests_per_sec = v.trim().parse().unwrap_or(0.0);
        } else if let Some(v) = line.strip_prefix("50%") {
            result.p50_ms = parse_ms(v);
        } else if let Some(v) = line.strip_prefix("99%") {
            result.p99_ms = parse_ms(v);
        }
    }
    anyhow::ensure!(
        result.requests_per_sec > 0.0,
        "wrk produced no result:\n{text}"
    );
    Ok(result)
}

/// Latencies of GET `url` from `concurrency` clients looping for `duration`.
pub async fn latencies(
    url: &str,
    concurrency: usize,
    duration: Duration,
) -> anyhow::Result<Vec<Duration>> {
    let client = reqwest::Client::new();
    let deadline = Instant::now() + duration;
    let mut tasks = vec![];
    for _ in 0..concurrency {
        let (client, url) = (client.clone(), url.to_owned());
        tasks.push(tokio::spawn(async move {
            let mut out = vec![];
            while Instant::now() < deadline {
                let t = Instant::now();
                let res = client.get(&url).send().await?;
                anyhow::ensure!(res.status().is_success(), "{url}: {}", res.status());
                res.bytes().await?;
                out.push(t.elapsed());
            }
            anyhow::Ok(out)
        }));
    }
    let mut all = vec![];
    for t in tasks {
        all.extend(t.await??);
    }
    all.sort();
    Ok(all)
}

/// The `p`-th percentile (0–100) of sorted samples, in milliseconds.
pub fn percentile_ms(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[i.min(sorted.len() - 1)].as_secs_f64() * 1000.0
}
