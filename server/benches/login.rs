//! `make bench`: the cost of a sign-in. (a) the median time of one argon2id verification;
//! (b) the p95 of a normal page while sign-ins run at 20 per second, versus without, in one run.

#![expect(
    clippy::print_stdout,
    reason = "a benchmark reports its figures on stdout"
)]

mod support;

use std::time::{Duration, Instant};

use app::server::auth::password;
use support::{PASSWORD, latencies, percentile_ms, spawn_app};

fn main() -> anyhow::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let hash = password::hash(PASSWORD.into()).await?;
        let mut times = vec![];
        for _ in 0..31 {
            let t = Instant::now();
            anyhow::ensure!(password::verify(PASSWORD.into(), hash.clone()).await?, "verification failed");
            times.push(t.elapsed());
        }
        times.sort();
        println!("argon2id verification (m=19 MiB, t=2, p=1): median {:.1} ms over 31", percentile_ms(&times, 50.0));

        let (base, _state, _dir) = spawn_app(|c| {
            c.login_per_minute = 100_000;
            c.login_burst = 100_000;
        })
        .await?;
        let page = format!("{base}/");
        let secs = std::env::var("BENCH_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(8);
        let window = Duration::from_secs(secs);
        latencies(&page, 4, Duration::from_secs(1)).await?;
        let quiet = latencies(&page, 4, window).await?;

        let login_url = format!("{base}/api/v1/auth/login");
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let logins = {
            let stop = stop.clone();
            tokio::spawn(async move {
                let client = reqwest::Client::new();
                let mut tick = tokio::time::interval(Duration::from_millis(50));
                let mut done = 0u32;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    tick.tick().await;
                    let c = client.clone();
                    let url = login_url.clone();
                    tokio::spawn(async move {
                        let _ = c
                            .post(url)
                            .json(&serde_json::json!({ "username": "trainee.pol", "password": PASSWORD }))
                            .send()
                            .await;
                    });
                    done += 1;
                }
                done
            })
        };
        let busy = latencies(&page, 4, window).await?;
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let sent = logins.await?;
        println!("home page, 4 concurrent clients, {secs}s each:");
        println!(
            "  without sign-ins        p50 {:.2} ms   p95 {:.2} ms   ({} requests)",
            percentile_ms(&quiet, 50.0),
            percentile_ms(&quiet, 95.0),
            quiet.len()
        );
        println!(
            "  with 20 sign-ins/s      p50 {:.2} ms   p95 {:.2} ms   ({} requests, {sent} sign-ins)",
            percentile_ms(&busy, 50.0),
            percentile_ms(&busy, 95.0),
            busy.len()
        );
        println!("  p95 ratio with/without: {:.2}", percentile_ms(&busy, 95.0) / percentile_ms(&quiet, 95.0));
        anyhow::Ok(())
    })
}
