//! `make bench`: readiness at scale. A generated alliance of 100,000 people in ~2,000 units, each
//! required to hold 50 modules (5 million completions), 200 rated exercises and 20,000 active
//! mentoring pairings, on SQLite and on PostgreSQL: the dashboard of the top unit (p50/p95 over
//! repeated calls, today's figures from the cache), one `as_of` recomputation of the whole tree
//! (median), the full refresh of today's cache, and the process's memory.

#![expect(
    clippy::print_stdout,
    reason = "a benchmark reports its figures on stdout"
)]

mod support;

use std::time::{Duration, Instant};

use app::{
    domain::policy::{Actor, Grant, Role},
    server::{
        db,
        services::{org, readiness},
    },
};
use chrono::{Days, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement, Value};
use support::percentile_ms;
use uuid::Uuid;

const PEOPLE: usize = 100_000;
const MODULES: usize = 50;
const BRIGADES: usize = 10;
const BATTALIONS_PER_BRIGADE: usize = 10;
const COMPANIES_PER_BATTALION: usize = 19;

async fn exec(db: &DatabaseConnection, sql: &str, values: Vec<Value>) -> anyhow::Result<()> {
    db.execute_raw(Statement::from_sql_and_values(
        db.get_database_backend(),
        sql,
        values,
    ))
    .await?;
    Ok(())
}

/// Inserts `rows` (each `cols` values) into `table (columns)` in multi-row statements.
async fn insert(
    db: &DatabaseConnection,
    head: &str,
    cols: usize,
    rows: Vec<Vec<Value>>,
) -> anyhow::Result<()> {
    for chunk in rows.chunks(400) {
        let list = (0..chunk.len())
            .map(|r| {
                format!(
                    "({})",
                    (1..=cols)
                        .map(|c| format!("${}", r * cols + c))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        exec(db, &format!("{head} VALUES {list}"), chunk.concat()).await?;
    }
    Ok(())
}

/// Builds the dataset; returns the top unit.
async fn generate(db: &DatabaseConnection, today: NaiveDate) -> anyhow::Result<Uuid> {
    let now = Utc::now();
    let nation = Uuid::new_v4();
    exec(db, "INSERT INTO nations (id, code, name, default_locale, created_at) VALUES ($1, 'BEN', 'Benchland', 'en', $2)", vec![nation.into(), now.into()]).await?;
    let base = Uuid::new_v4();
    exec(db, "INSERT INTO bases (id, nation_id, name, time_zone, capacity, created_at) VALUES ($1, $2, 'Bench Base', 'UTC', 100000, $3)", vec![base.into(), nation.into(), now.into()]).await?;
    let top = Uuid::new_v4();
    let mut units: Vec<Vec<Value>> = vec![vec![
        top.into(),
        nation.into(),
        Option::<Uuid>::None.into(),
        "Bench Command".into(),
        now.into(),
    ]];
    let mut companies = Vec::new();
    let mut battalions = Vec::new();
    for b in 0..BRIGADES {
        let brigade = Uuid::new_v4();
        units.push(vec![
            brigade.into(),
            nation.into(),
            Some(top).into(),
            format!("Brigade {b}").into(),
            now.into(),
        ]);
        for t in 0..BATTALIONS_PER_BRIGADE {
            let battalion = Uuid::new_v4();
            battalions.push(battalion);
            units.push(vec![
                battalion.into(),
                nation.into(),
                Some(brigade).into(),
                format!("Battalion {b}-{t}").into(),
                now.into(),
            ]);
            for c in 0..COMPANIES_PER_BATTALION {
                let company = Uuid::new_v4();
                companies.push(company);
                units.push(vec![
                    company.into(),
                    nation.into(),
                    Some(battalion).into(),
                    format!("Company {b}-{t}-{c}").into(),
                    now.into(),
                ]);
            }
        }
    }
    let unit_count = units.len();
    insert(
        db,
        "INSERT INTO units (id, nation_id, parent_id, name, created_at)",
        5,
        units,
    )
    .await?;
    // 95 % of people in companies, the rest in battalion staffs
    let ranks = [
        "OR-2", "OR-3", "OR-4", "OR-5", "OR-6", "OR-7", "OF-1", "OF-2", "OF-3", "OR-8",
    ];
    let people: Vec<Vec<Value>> = (0..PEOPLE)
        .map(|n| {
            let unit = if n % 20 == 19 {
                battalions[n % battalions.len()]
            } else {
                companies[n % companies.len()]
            };
            vec![
                Uuid::new_v4().into(),
                format!("b{n:06}").into(),
                format!("Person {n}").into(),
                format!("b{n}@example.mil").into(),
                Some(nation).into(),
                Some(unit).into(),
                ranks[n % ranks.len()].into(),
                "en".into(),
                "".into(),
                "x".into(),
                false.into(),
                false.into(),
                0i32.into(),
                now.into(),
                now.into(),
                now.into(),
            ]
        })
        .collect();
    insert(db, "INSERT INTO users (id, username, display_name, email, nation_id, unit_id, rank, preferred_locale, fallback_locales, password_hash, must_change_password, disabled, failed_logins, password_changed_at, created_at, updated_at)", 16, people).await?;
    let curriculum = Uuid::new_v4();
    exec(db, "INSERT INTO curricula (id, code, source_locale, self_enrol, created_at, updated_at) VALUES ($1, 'BENCH', 'en', $2, $3, $3)", vec![curriculum.into(), false.into(), now.into()]).await?;
    let modules: Vec<Vec<Value>> = (1..=MODULES)
        .map(|p| {
            vec![
                Uuid::new_v4().into(),
                curriculum.into(),
                (p as i32).into(),
                format!("BM-{p:02}").into(),
                30i32.into(),
                70i32.into(),
                24i32.into(),
                1i32.into(),
                now.into(),
                now.into(),
            ]
        })
        .collect();
    insert(db, "INSERT INTO modules (id, curriculum_id, position, code, estimated_minutes, pass_mark, validity_months, content_version, created_at, updated_at)", 10, modules).await?;
    exec(db, "INSERT INTO enrolments (id, curriculum_id, user_id, unit_id, due_on, created_by, created_at) SELECT $1, $2, NULL, $3, NULL, id, $4 FROM users LIMIT 1",
        vec![Uuid::new_v4().into(), curriculum.into(), top.into(), now.into()]).await?;
    // every person × module once, completed within the last ~30 months, valid 24 months
    let t = Instant::now();
    let offset = "((CAST(substr(u.username, 2) AS INTEGER) * 7 + m.position * 13) % 900)";
    let sql = match db.get_database_backend() {
        DbBackend::Postgres => format!(
            "INSERT INTO completions (id, user_id, module_id, completed_on, expires_on, score, locale, content_version, source, recorded_by, created_at)
             SELECT gen_random_uuid(), u.id, m.id, DATE '{today}' - {offset},
                    (DATE '{today}' - {offset} + INTERVAL '24 months')::date, 80, 'en', 1, 'import', NULL, $1
             FROM users u CROSS JOIN modules m WHERE u.username LIKE 'b%'"
        ),
        _ => format!(
            "INSERT INTO completions (id, user_id, module_id, completed_on, expires_on, score, locale, content_version, source, recorded_by, created_at)
             SELECT randomblob(16), u.id, m.id, date('{today}', '-' || {offset} || ' days'),
                    date('{today}', '-' || {offset} || ' days', '+24 months'), 80, 'en', 1, 'import', NULL, $1
             FROM users u CROSS JOIN modules m WHERE u.username LIKE 'b%'"
        ),
    };
    exec(db, &sql, vec![now.into()]).await?;
    // one completion per person and module: each is its own validity range (what the
    // curriculum service would write), in day numbers from 1970-01-01
    let day = |col: &str| match db.get_database_backend() {
        DbBackend::Postgres => format!("({col} - DATE '1970-01-01')"),
        _ => format!("CAST(julianday({col}) - 2440587.5 AS INTEGER)"),
    };
    let spans = format!(
        "INSERT INTO validity_spans (user_id, module_id, curriculum_id, valid_from, valid_until, lapses_on)
         SELECT c.user_id, c.module_id, m.curriculum_id, {from}, {until}, {until}
         FROM completions c JOIN modules m ON m.id = c.module_id",
        from = day("c.completed_on"),
        until = day("c.expires_on"),
    );
    exec(db, &spans, vec![]).await?;
    let completions_secs = t.elapsed().as_secs_f64();
    // 200 completed exercises in the last year; each company rated on two objectives
    let mut exercises = Vec::new();
    let mut objectives = Vec::new();
    let ex_ids: Vec<(Uuid, [Uuid; 2], chrono::DateTime<Utc>)> = (0..200)
        .map(|i| {
            let end = now - chrono::Duration::days(10 + (i * 7) % 330);
            (Uuid::new_v4(), [Uuid::new_v4(), Uuid::new_v4()], end)
        })
        .collect();
    for (i, (id, objs, end)) in ex_ids.iter().enumerate() {
        exercises.push(vec![
            (*id).into(),
            format!("BX-{i:03}").into(),
            "FTX".into(),
            "completed".into(),
            format!("Bench exercise {i}").into(),
            "".into(),
            "land".into(),
            "".into(),
            "temperate".into(),
            "plains".into(),
            base.into(),
            nation.into(),
            (*end - chrono::Duration::days(5)).into(),
            (*end).into(),
            0i32.into(),
            true.into(),
            now.into(),
            now.into(),
        ]);
        for (p, o) in objs.iter().enumerate() {
            objectives.push(vec![
                (*o).into(),
                (*id).into(),
                (p as i32).into(),
                "objective".into(),
            ]);
        }
    }
    insert(db, "INSERT INTO exercises (id, code, kind, status, name, description, lines_of_communication, themes, climate, terrain, host_base_id, lead_nation_id, start_at, end_at, sequence, releasable_to_all, created_at, updated_at)", 18, exercises).await?;
    insert(
        db,
        "INSERT INTO exercise_objectives (id, exercise_id, position, text)",
        4,
        objectives,
    )
    .await?;
    let ratings: Vec<Vec<Value>> = companies
        .iter()
        .enumerate()
        .flat_map(|(c, unit)| {
            let (ex, objs, end) = &ex_ids[c % ex_ids.len()];
            objs.iter().enumerate().map(move |(k, o)| {
                vec![
                    Uuid::new_v4().into(),
                    (*ex).into(),
                    (*o).into(),
                    (*unit).into(),
                    ["T", "P", "U", "T"][(c + k) % 4].into(),
                    "".into(),
                    (*end).into(),
                ]
            })
        })
        .collect();
    insert(db, "INSERT INTO exercise_ratings (id, exercise_id, objective_id, unit_id, rating, comment, rated_at)", 7, ratings).await?;
    let accepted = now - chrono::Duration::days(30);
    let pairing_id = match db.get_database_backend() {
        DbBackend::Postgres => "gen_random_uuid()",
        _ => "randomblob(16)",
    };
    exec(db, &format!(
        "INSERT INTO mentoring_pairings (id, run_id, mentor_id, mentee_id, status, score, breakdown, accepted_at, ended_at, created_at)
         SELECT {pairing_id}, NULL, (SELECT id FROM users WHERE username = 'b000008'), id, 'active', NULL, NULL, $1, NULL, $1
         FROM users WHERE username LIKE 'b%' AND CAST(substr(username, 2) AS INTEGER) % 5 = 1"),
        vec![accepted.into()]).await?;
    // statistics, and on PostgreSQL the visibility map that index-only scans need (what
    // autovacuum does after a bulk load, done now so the figures do not depend on its timing)
    let analyze = match db.get_database_backend() {
        DbBackend::Postgres => "VACUUM ANALYZE",
        _ => "ANALYZE",
    };
    exec(db, analyze, vec![]).await?;
    println!(
        "  dataset: {PEOPLE} people in {unit_count} units, {MODULES} required modules each, {} completions (inserted in {completions_secs:.0} s), 200 exercises, 20,000 pairings",
        PEOPLE * MODULES
    );
    Ok(top)
}

fn memory_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

async fn run(name: &str, url: &str) -> anyhow::Result<()> {
    println!("\n{name}");
    let db = db::connect(url).await?;
    db::migrate(&db).await?;
    let today = Utc::now().date_naive();
    let kept = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT id FROM units WHERE name = 'Bench Command'",
        ))
        .await?;
    let top = match kept {
        Some(row) => {
            println!("  (dataset kept from an earlier run)");
            row.try_get_by_index(0)?
        }
        None => generate(&db, today).await?,
    };
    let actor = Actor {
        user_id: Uuid::new_v4(),
        username: "bench".into(),
        nation_id: None,
        unit_id: Some(top),
        grants: vec![Grant {
            role: Role::Commander,
            alliance: false,
        }],
    };
    let t = Instant::now();
    readiness::cache::ensure_current(&db, today).await?;
    println!(
        "  full refresh of today's cache (100,000 people): {:.2} s",
        t.elapsed().as_secs_f64()
    );
    let mut samples = Vec::new();
    for _ in 0..40 {
        let t = Instant::now();
        let d = readiness::views::dashboard(&db, &actor, Some(top), today, today).await?;
        samples.push(t.elapsed());
        anyhow::ensure!(
            d.units.first().map(|u| u.people) == Some(PEOPLE as u64),
            "the top unit counts everyone"
        );
    }
    samples.sort();
    println!(
        "  dashboard of the top unit (today, cached): p50 {:.1} ms, p95 {:.1} ms over {} calls (goal p95 ≤ 50 ms)",
        percentile_ms(&samples, 50.0),
        percentile_ms(&samples, 95.0),
        samples.len()
    );
    let tree = org::unit_tree(&db).await?;
    let past = today.checked_sub_days(Days::new(45)).unwrap_or(today);
    let mut times = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        let all = readiness::cache::subtree_on(&db, &tree, past, today).await?;
        times.push(t.elapsed());
        anyhow::ensure!(
            all.get(&top).map(|a| a.people) == Some(PEOPLE as u64),
            "as_of covers everyone"
        );
    }
    times.sort();
    println!(
        "  as_of recomputation of the whole tree (SQL aggregation + roll-up): median {:.2} s of 3 (goal ≤ 2 s)",
        percentile_ms(&times, 50.0) / 1000.0
    );
    println!(
        "  memory: resident {:.0} MiB now, peak {:.0} MiB",
        memory_kib("VmRSS:") as f64 / 1024.0,
        memory_kib("VmHWM:") as f64 / 1024.0
    );
    db.close().await?;
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        // MUSTER_BENCH_SQLITE=<file> keeps the SQLite dataset there and reuses it next time
        // (for studying the statements with the sqlite3 shell); by default it is thrown away.
        let dir = tempfile::tempdir()?;
        let file = std::env::var("MUSTER_BENCH_SQLITE")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|_| dir.path().join("readiness.db"));
        let sqlite = format!("sqlite://{}?mode=rwc", file.display());
        run("readiness on SQLite", &sqlite).await?;
        // MUSTER_BENCH_PG_KEEP=<database url> does the same on an existing PostgreSQL database
        if let Ok(url) = std::env::var("MUSTER_BENCH_PG_KEEP") {
            return run("readiness on PostgreSQL (kept database)", &url).await;
        }
        let pg_admin = std::env::var("MUSTER_BENCH_PG_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
        match app::server::testing::PgScratch::create(&pg_admin).await {
            Ok(pg) => {
                let result = run("readiness on PostgreSQL", &pg.url).await;
                pg.drop_async().await;
                result?;
            }
            Err(e) => println!("\nreadiness on PostgreSQL: skipped, no server at {pg_admin} ({e})"),
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
        anyhow::Ok(())
    })
}
