//! `make bench`: `/healthz` through the full middleware stack versus a bare axum handler,
//! measured with wrk in the same run, as a ratio.

#![expect(
    clippy::print_stdout,
    reason = "a benchmark reports its figures on stdout"
)]

mod support;

use std::time::Duration;

use axum::{Router, routing::get};
use support::{WrkResult, spawn_app, wrk};

fn main() -> anyhow::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let (full, bare, _dir) = rt.block_on(async {
        let (base, _state, dir) = spawn_app(|_| {}).await?;
        let bare_router = Router::new().route("/healthz", get(|| async { r#"{"status":"ok"}"# }));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let bare = format!("http://{}/healthz", listener.local_addr()?);
        tokio::spawn(async move { axum::serve(listener, bare_router).await });
        tokio::time::sleep(Duration::from_millis(100)).await;
        anyhow::Ok((format!("{base}/healthz"), bare, dir))
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
    let (f, b) = (median(&mut full_runs), median(&mut bare_runs));
    println!("healthz, 32 connections, median of 3 × {secs}s wrk runs:");
    println!(
        "  full stack  {:>10.0} req/s   p50 {:.3} ms   p99 {:.3} ms",
        f.requests_per_sec, f.p50_ms, f.p99_ms
    );
    println!(
        "  bare axum   {:>10.0} req/s   p50 {:.3} ms   p99 {:.3} ms",
        b.requests_per_sec, b.p50_ms, b.p99_ms
    );
    println!(
        "  ratio full/bare: {:.2}",
        f.requests_per_sec / b.requests_per_sec
    );
    Ok(())
}
