//! `make bench`: HTTP throughput on loopback, measured with wrk in one run.
//! (a) `/healthz` through the full middleware stack versus a bare axum handler, as a ratio.

use std::{process::Command, time::Duration};

use anyhow::Context as _;

use axum::{Router, routing::get};
use server::{config::Config, startup::Application};

struct WrkResult {
    requests_per_sec: f64,
    p50_ms: f64,
    p99_ms: f64,
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
fn wrk(url: &str, connections: u32, secs: u32) -> anyhow::Result<WrkResult> {
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

fn main() -> anyhow::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let dir = tempfile::tempdir()?;
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("bench.db").display()
    );
    let (full, bare) = rt.block_on(async {
        let mut config = Config::for_tests(&url);
        config.log_filter = "error".into();
        server::telemetry::init(&config);
        let app = Application::build(&config).await?;
        app::server::seed::demo(&app.state.db, chrono::Utc::now()).await?;
        let full = format!("http://{}/healthz", app.addr);
        tokio::spawn(app.run_until_stopped());

        let bare_router = Router::new().route("/healthz", get(|| async { r#"{"status":"ok"}"# }));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let bare = format!("http://{}/healthz", listener.local_addr()?);
        tokio::spawn(async move { axum::serve(listener, bare_router).await });
        tokio::time::sleep(Duration::from_millis(200)).await;
        anyhow::Ok((full, bare))
    })?;

    let secs = std::env::var("BENCH_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    // warm-up, then the measured runs, alternating so drift hits both alike
    wrk(&full, 16, 1)?;
    wrk(&bare, 16, 1)?;
    let mut full_runs = vec![];
    let mut bare_runs = vec![];
    for _ in 0..3 {
        full_runs.push(wrk(&full, 32, secs)?);
        bare_runs.push(wrk(&bare, 32, secs)?);
    }
    let median = |v: &mut Vec<WrkResult>| {
        v.sort_by(|a, b| a.requests_per_sec.total_cmp(&b.requests_per_sec));
        v.swap_remove(v.len() / 2)
    };
    let f = median(&mut full_runs);
    let b = median(&mut bare_runs);
    let mut out = std::io::stdout().lock();
    use std::io::Write as _;
    let _ = writeln!(
        out,
        "healthz, 32 connections, median of 3 × {secs}s wrk runs:"
    );
    let _ = writeln!(
        out,
        "  full stack  {:>10.0} req/s   p50 {:.3} ms   p99 {:.3} ms",
        f.requests_per_sec, f.p50_ms, f.p99_ms
    );
    let _ = writeln!(
        out,
        "  bare axum   {:>10.0} req/s   p50 {:.3} ms   p99 {:.3} ms",
        b.requests_per_sec, b.p50_ms, b.p99_ms
    );
    let _ = writeln!(
        out,
        "  ratio full/bare: {:.2}",
        f.requests_per_sec / b.requests_per_sec
    );
    Ok(())
}
