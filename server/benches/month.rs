//! `make bench`: the month page of the exercise calendar with 2,000 exercises in the database
//! (18 months, 1–3 units each): latency p50/p95 of one signed-in client at a time (server time
//! plus a loopback round trip) and of 8 concurrent clients, and requests/s from wrk with 8
//! connections.

#![expect(
    clippy::print_stdout,
    reason = "a benchmark reports its figures on stdout"
)]

mod support;

use std::{
    process::Command,
    time::{Duration, Instant},
};

use anyhow::Context as _;
use app::server::{
    entities::calendar::{exercise, exercise_unit},
    entities::{base, unit},
};
use chrono::{Datelike, Duration as Days, Utc};
use sea_orm::{ActiveValue::Set, EntityTrait};
use support::{PASSWORD, percentile_ms, spawn_app};
use uuid::Uuid;

const EXERCISES: usize = 2_000;

/// SplitMix64: small and deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Fills the calendar up to [`EXERCISES`] exercises spread over 18 months around now.
async fn fill(db: &sea_orm::DatabaseConnection) -> anyhow::Result<()> {
    let bases = base::Entity::find().all(db).await?;
    let units = unit::Entity::find().all(db).await?;
    let existing = exercise::Entity::find().all(db).await?.len();
    let now = Utc::now();
    let mut rng = Rng(7);
    let mut rows = vec![];
    let mut unit_rows = vec![];
    for i in existing..EXERCISES {
        let b = &bases[rng.below(bases.len())];
        let id = Uuid::new_v4();
        let start = now - Days::days(270) + Days::hours(rng.below(548 * 24) as i64);
        rows.push(exercise::ActiveModel {
            id: Set(id),
            code: Set(format!("BENCH-{i:05}")),
            kind: Set("CPX".into()),
            status: Set(["planned", "approved", "draft"][rng.below(3)].into()),
            name: Set(format!("Benchmark exercise {i}")),
            description: Set(String::new()),
            lines_of_communication: Set("land".into()),
            themes: Set(String::new()),
            climate: Set(String::new()),
            terrain: Set(String::new()),
            host_base_id: Set(b.id),
            lead_nation_id: Set(b.nation_id),
            start_at: Set(start),
            end_at: Set(start + Days::days(2 + rng.below(12) as i64)),
            sequence: Set(0),
            releasable_to_all: Set(rng.below(4) != 0),
            override_reason: Set(None),
            created_by: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
        });
        let mut chosen: Vec<Uuid> = vec![];
        for _ in 0..(1 + rng.below(3)) {
            let u = units[rng.below(units.len())].id;
            if !chosen.contains(&u) {
                chosen.push(u);
                unit_rows.push(exercise_unit::ActiveModel {
                    exercise_id: Set(id),
                    unit_id: Set(u),
                    headcount: Set(50 + rng.below(400) as i32),
                });
            }
        }
    }
    for chunk in rows.chunks(200) {
        exercise::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await?;
    }
    for chunk in unit_rows.chunks(300) {
        exercise_unit::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await?;
    }
    Ok(())
}

/// The session cookie of a sign-in through the API.
async fn session_cookie(base: &str, username: &str) -> anyhow::Result<String> {
    let res = reqwest::Client::new()
        .post(format!("{base}/api/v1/auth/login"))
        .json(&serde_json::json!({ "username": username, "password": PASSWORD }))
        .send()
        .await?;
    anyhow::ensure!(
        res.status().is_success(),
        "sign-in failed: {}",
        res.status()
    );
    let cookie = res
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("muster_session="))
        .and_then(|v| v.split(';').next())
        .context("no session cookie")?;
    Ok(cookie.to_owned())
}

/// Latencies of GET `url` with a session cookie from `concurrency` clients for `duration`.
async fn latencies_with(
    url: &str,
    cookie: &str,
    concurrency: usize,
    duration: Duration,
) -> anyhow::Result<Vec<Duration>> {
    let client = reqwest::Client::new();
    let deadline = Instant::now() + duration;
    let mut tasks = vec![];
    for _ in 0..concurrency {
        let (client, url, cookie) = (client.clone(), url.to_owned(), cookie.to_owned());
        tasks.push(tokio::spawn(async move {
            let mut out = vec![];
            while Instant::now() < deadline {
                let t = Instant::now();
                let res = client
                    .get(&url)
                    .header(reqwest::header::COOKIE, &cookie)
                    .send()
                    .await?;
                anyhow::ensure!(res.status().is_success(), "{url}: {}", res.status());
                let body = res.bytes().await?;
                anyhow::ensure!(
                    std::str::from_utf8(&body).is_ok_and(|b| b.contains("month-grid")),
                    "no month grid"
                );
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

fn wrk_rps(url: &str, cookie: &str, connections: u32, secs: u32) -> anyhow::Result<f64> {
    let out = Command::new("wrk")
        .args([
            "-t2",
            &format!("-c{connections}"),
            &format!("-d{secs}s"),
            "-H",
            &format!("Cookie: {cookie}"),
            url,
        ])
        .output()
        .context("wrk must be installed (make bench installs it)")?;
    let text = String::from_utf8_lossy(&out.stdout);
    anyhow::ensure!(
        !text.contains("Non-2xx"),
        "the page failed under load:\n{text}"
    );
    text.lines()
        .find_map(|l| l.trim().strip_prefix("Requests/sec:"))
        .and_then(|v| v.trim().parse().ok())
        .with_context(|| format!("wrk produced no result:\n{text}"))
}

fn main() -> anyhow::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let (base, state, _dir) = spawn_app(|_| {}).await?;
        fill(&state.db).await?;
        let month = Utc::now().date_naive();
        let url = format!(
            "{base}/exercises/month?month={:04}-{:02}",
            month.year(),
            month.month()
        );
        // a training officer of one nation: releasability is checked for every exercise
        let cookie = session_cookie(&base, "officer.pol").await?;
        let secs = std::env::var("BENCH_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(8u32);
        latencies_with(&url, &cookie, 8, Duration::from_secs(1)).await?;
        let samples =
            latencies_with(&url, &cookie, 8, Duration::from_secs(u64::from(secs))).await?;
        let alone = latencies_with(&url, &cookie, 1, Duration::from_secs(u64::from(secs))).await?;
        let rps = wrk_rps(&url, &cookie, 8, secs)?;
        println!("month page, {EXERCISES} exercises in the database, {secs}s each:");
        println!(
            "  one client at a time (server time + loopback): p50 {:.2} ms   p95 {:.2} ms   ({} requests)",
            percentile_ms(&alone, 50.0),
            percentile_ms(&alone, 95.0),
            alone.len()
        );
        println!(
            "  8 concurrent clients (queueing for 2 cores included): p50 {:.2} ms   p95 {:.2} ms   ({} requests)",
            percentile_ms(&samples, 50.0),
            percentile_ms(&samples, 95.0),
            samples.len()
        );
        println!("  wrk, 8 connections: {rps:.0} req/s");
        anyhow::Ok(())
    })
}
