//! `make bench`: unit progress for 5,000 trainees × 50 modules (250,000 completions) — server
//! time of the officer's progress page (SSR) and of the CSV export, p50/p95 over sequential
//! requests on loopback. Goal: page p95 ≤ 100 ms.

#![expect(
    clippy::print_stdout,
    reason = "a benchmark reports its figures on stdout"
)]

mod support;

use std::time::{Duration, Instant};

use app::server::{
    entities::{completion, curriculum, enrolment, module, unit, user},
    seed::demo_id,
    services::curriculum::validity,
};
use chrono::{Days, Utc};
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait, TransactionTrait};
use support::{PASSWORD, percentile_ms, spawn_app};
use uuid::Uuid;

const PEOPLE: usize = 5_000;
const MODULES: usize = 50;

/// 5,000 people in a new unit under the Polish brigade, a 50-module curriculum the brigade is
/// enrolled in, and one completion per person and module (a tenth of them expired), with their
/// validity ranges.
async fn populate(db: &DatabaseConnection) -> anyhow::Result<(Uuid, Uuid)> {
    let now = Utc::now();
    let today = now.date_naive();
    let brigade = demo_id("unit", "POL:1st Logistics Brigade");
    let nation = demo_id("nation", "POL");
    let txn = db.begin().await?;
    let unit_id = Uuid::new_v4();
    unit::Entity::insert(unit::ActiveModel {
        id: Set(unit_id),
        nation_id: Set(nation),
        parent_id: Set(Some(brigade)),
        home_base_id: Set(None),
        name: Set("Benchmark Battalion".into()),
        created_at: Set(now),
    })
    .exec_without_returning(&txn)
    .await?;
    let people: Vec<Uuid> = (0..PEOPLE).map(|_| Uuid::new_v4()).collect();
    for (chunk_no, chunk) in people.chunks(400).enumerate() {
        user::Entity::insert_many(chunk.iter().enumerate().map(|(i, id)| {
            let n = chunk_no * 400 + i;
            user::ActiveModel {
                id: Set(*id),
                username: Set(format!("bench.{n:05}")),
                display_name: Set(format!("Trainee {n:05}")),
                email: Set(format!("bench.{n:05}@example.org")),
                nation_id: Set(Some(nation)),
                unit_id: Set(Some(unit_id)),
                rank: Set("OR-3".into()),
                preferred_locale: Set("pl".into()),
                fallback_locales: Set("en".into()),
                password_hash: Set("!".into()),
                must_change_password: Set(false),
                disabled: Set(false),
                failed_logins: Set(0),
                locked_until: Set(None),
                password_changed_at: Set(now),
                created_at: Set(now),
                updated_at: Set(now),
            }
        }))
        .exec_without_returning(&txn)
        .await?;
    }
    let cid = Uuid::new_v4();
    curriculum::Entity::insert(curriculum::ActiveModel {
        id: Set(cid),
        code: Set("bench".into()),
        source_locale: Set("en".into()),
        self_enrol: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec_without_returning(&txn)
    .await?;
    let modules: Vec<Uuid> = (0..MODULES).map(|_| Uuid::new_v4()).collect();
    module::Entity::insert_many(
        modules
            .iter()
            .enumerate()
            .map(|(i, id)| module::ActiveModel {
                id: Set(*id),
                curriculum_id: Set(cid),
                position: Set(i as i32),
                code: Set(format!("m{i:02}")),
                estimated_minutes: Set(20),
                pass_mark: Set(60),
                validity_months: Set(24),
                content_version: Set(1),
                specialty: Set(Some("fuel".into())),
                created_at: Set(now),
                updated_at: Set(now),
            }),
    )
    .exec_without_returning(&txn)
    .await?;
    enrolment::Entity::insert(enrolment::ActiveModel {
        id: Set(Uuid::new_v4()),
        curriculum_id: Set(cid),
        user_id: Set(None),
        unit_id: Set(Some(brigade)),
        due_on: Set(today.checked_add_days(Days::new(30))),
        created_by: Set(demo_id("user", "officer.pol")),
        created_at: Set(now),
    })
    .exec_without_returning(&txn)
    .await?;
    let mut rows = Vec::with_capacity(1000);
    for (p, person) in people.iter().enumerate() {
        for (m, module_id) in modules.iter().enumerate() {
            let days = ((p * 31 + m * 17) % 800) as u64;
            let on = today.checked_sub_days(Days::new(days)).unwrap_or(today);
            rows.push(completion::ActiveModel {
                id: Set(Uuid::new_v4()),
                user_id: Set(*person),
                module_id: Set(*module_id),
                completed_on: Set(on),
                expires_on: Set(on.checked_add_days(Days::new(730))),
                score: Set(80),
                locale: Set("pl".into()),
                content_version: Set(1),
                source: Set("import".into()),
                recorded_by: Set(None),
                created_at: Set(now),
            });
            if rows.len() == 1000 {
                completion::Entity::insert_many(std::mem::take(&mut rows))
                    .exec_without_returning(&txn)
                    .await?;
            }
        }
    }
    if !rows.is_empty() {
        completion::Entity::insert_many(rows)
            .exec_without_returning(&txn)
            .await?;
    }
    // what recording each completion does row by row, once for the bulk load
    validity::rebuild_all(&txn).await?;
    txn.commit().await?;
    Ok((brigade, cid))
}

/// Sequential GETs of `url` for `duration` with a signed-in client; sorted latencies.
async fn measure(
    client: &reqwest::Client,
    url: &str,
    duration: Duration,
) -> anyhow::Result<Vec<Duration>> {
    let deadline = Instant::now() + duration;
    let mut out = vec![];
    while Instant::now() < deadline || out.len() < 20 {
        let t = Instant::now();
        let res = client.get(url).send().await?;
        anyhow::ensure!(res.status().is_success(), "{url}: {}", res.status());
        res.bytes().await?;
        out.push(t.elapsed());
    }
    out.sort();
    Ok(out)
}

fn main() -> anyhow::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let (base, state, _dir) = spawn_app(|_| {}).await?;
        let t = Instant::now();
        let (unit, cid) = populate(&state.db).await?;
        println!(
            "unit progress: {PEOPLE} trainees × {MODULES} modules = {} completions (loaded in {:.1} s)",
            PEOPLE * MODULES,
            t.elapsed().as_secs_f64()
        );
        let client = reqwest::Client::builder().cookie_store(true).build()?;
        let res = client
            .post(format!("{base}/api/v1/auth/login"))
            .json(&serde_json::json!({ "username": "officer.pol", "password": PASSWORD }))
            .send()
            .await?;
        anyhow::ensure!(res.status().is_success(), "login: {}", res.status());
        let secs = std::env::var("BENCH_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(5);
        let page = format!("{base}/training/progress?unit={unit}&curriculum={cid}");
        let csv = format!("{base}/api/v1/units/{unit}/progress?curriculum={cid}&format=csv");
        for (name, url) in [("progress page (SSR)", page), ("CSV export", csv)] {
            measure(&client, &url, Duration::from_secs(1)).await?;
            let l = measure(&client, &url, Duration::from_secs(secs)).await?;
            println!(
                "  {name:<20} n={:<4} p50 {:>7.1} ms   p95 {:>7.1} ms   max {:>7.1} ms",
                l.len(),
                percentile_ms(&l, 50.0),
                percentile_ms(&l, 95.0),
                percentile_ms(&l, 100.0)
            );
        }
        anyhow::Ok(())
    })
}
