//! Readiness through the API on a scenario built beside the demo data: the answers equal the
//! domain model at several dates (before and after an expiry, before and after an exercise),
//! today's cached figures follow changes, commanders stay inside their subtree, assessments need
//! a reason, and bad dates are 422.
#![expect(
    clippy::expect_used,
    reason = "scenario set-up: a failed precondition must stop the test"
)]

use app::{
    domain::readiness::{
        CompletionFact, ModelParams, PersonFacts, RankGrade, Rating, RatingFact, person_score,
        unit_score,
    },
    server::{
        seed::demo_id,
        services::{curriculum::validity, readiness},
    },
};
use chrono::{NaiveDate, TimeZone, Utc};
use reqwest::{Method, StatusCode, header};
use sea_orm::{ConnectionTrait, Statement, Value};
use serde_json::{Value as Json, json};
use uuid::Uuid;

use crate::helpers::{PASSWORD, TestApp, spawn_app};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

async fn exec(app: &TestApp, sql: &str, values: Vec<Value>) {
    let db = &app.state.db;
    db.execute_raw(Statement::from_sql_and_values(
        db.get_database_backend(),
        sql,
        values,
    ))
    .await
    .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// The scenario's ids.
struct World {
    battalion: Uuid,
    company: Uuid,
    junior: Uuid,
    senior: Uuid,
    m1: Uuid,
    m2: Uuid,
    exercise: Uuid,
    o1: Uuid,
    o2: Uuid,
}

/// A battalion (root of its own tree) with a company; a junior (OR-3) in the company with a
/// mentor, a senior (OF-3) in the battalion; a curriculum of two modules assigned to the
/// battalion (so to both); one completed exercise rating the company T and P; the battalion's
/// commander `cdr.test`.
async fn world(app: &TestApp) -> World {
    let admin = app.login_as("admin").await;
    let nation = demo_id("nation", "POL");
    let (s, battalion) = app
        .call(
            &admin,
            Method::POST,
            "/api/v1/units",
            Some(json!({"nation_id": nation, "name": "Readiness Test Battalion"})),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{battalion}");
    let battalion: Uuid = serde_json::from_value(battalion["id"].clone()).expect("unit id");
    let (s, company) = app
        .call(&admin, Method::POST, "/api/v1/units", Some(json!({"nation_id": nation, "parent_id": battalion, "name": "Readiness Test Company"})))
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let company: Uuid = serde_json::from_value(company["id"].clone()).expect("unit id");
    let mut ids = Vec::new();
    for (username, unit, rank, roles) in [
        (
            "junior.test",
            company,
            "OR-3",
            json!([{"role": "trainee", "alliance": false}]),
        ),
        (
            "senior.test",
            battalion,
            "OF-3",
            json!([{"role": "trainee", "alliance": false}]),
        ),
        (
            "cdr.test",
            battalion,
            "OF-5",
            json!([{"role": "commander", "alliance": false}]),
        ),
    ] {
        let (s, user) = app
            .call(&admin, Method::POST, "/api/v1/users", Some(json!({
                "username": username, "display_name": username, "email": format!("{username}@example.mil"),
                "nation_id": nation, "unit_id": unit, "rank": rank, "preferred_locale": "en",
                "roles": roles, "password": PASSWORD,
            })))
            .await;
        assert_eq!(s, StatusCode::CREATED, "{user}");
        ids.push(serde_json::from_value::<Uuid>(user["id"].clone()).expect("user id"));
    }
    exec(
        app,
        "UPDATE users SET must_change_password = $1",
        vec![false.into()],
    )
    .await;
    let now = Utc::now();
    let (curriculum, m1, m2) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
    exec(app, "INSERT INTO curricula (id, code, source_locale, self_enrol, created_at, updated_at) VALUES ($1, 'RT-CUR', 'en', $2, $3, $3)",
        vec![curriculum.into(), false.into(), now.into()]).await;
    for (id, code, pos, months) in [(m1, "RT-M1", 1, 12), (m2, "RT-M2", 2, 0)] {
        exec(app, "INSERT INTO modules (id, curriculum_id, position, code, estimated_minutes, pass_mark, validity_months, content_version, specialty, created_at, updated_at)
                   VALUES ($1, $2, $3, $4, 30, 70, $5, 1, NULL, $6, $6)",
            vec![id.into(), curriculum.into(), pos.into(), code.into(), months.into(), now.into()]).await;
    }
    exec(app, "INSERT INTO enrolments (id, curriculum_id, user_id, unit_id, due_on, created_by, created_at) VALUES ($1, $2, NULL, $3, NULL, $4, $5)",
        vec![Uuid::new_v4().into(), curriculum.into(), battalion.into(), ids[2].into(), now.into()]).await;
    for (user, module, on, expires) in [
        (ids[0], m1, "2025-03-10", Some("2026-03-10")),
        (ids[0], m2, "2025-03-10", None),
        (ids[1], m1, "2025-05-01", Some("2026-05-01")),
        // renewed before it lapsed: valid without a break until 2027
        (ids[1], m1, "2026-02-01", Some("2027-02-01")),
    ] {
        exec(app, "INSERT INTO completions (id, user_id, module_id, completed_on, expires_on, score, locale, content_version, source, recorded_by, created_at)
                   VALUES ($1, $2, $3, $4, $5, 90, 'en', 1, 'import', NULL, $6)",
            vec![Uuid::new_v4().into(), user.into(), module.into(), day(on).into(), expires.map(day).into(), now.into()]).await;
    }
    validity::rebuild_all(&app.state.db)
        .await
        .expect("validity ranges");
    let (exercise, o1, o2) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
    let start = Utc
        .with_ymd_and_hms(2025, 6, 10, 6, 0, 0)
        .single()
        .expect("start");
    let end = Utc
        .with_ymd_and_hms(2025, 6, 15, 12, 0, 0)
        .single()
        .expect("end");
    exec(app, "INSERT INTO exercises (id, code, kind, status, name, description, lines_of_communication, themes, climate, terrain, host_base_id, lead_nation_id, start_at, end_at, sequence, releasable_to_all, override_reason, created_by, created_at, updated_at)
               VALUES ($1, 'RT-EX', 'FTX', 'completed', 'Readiness test', '', 'land', '', 'temperate', 'plains', $2, $3, $4, $5, 0, $6, NULL, NULL, $7, $7)",
        vec![exercise.into(), demo_first_base(app).await.into(), nation.into(), start.into(), end.into(), true.into(), now.into()]).await;
    for (o, pos, rating) in [(o1, 0, "T"), (o2, 1, "P")] {
        exec(app, "INSERT INTO exercise_objectives (id, exercise_id, position, text) VALUES ($1, $2, $3, 'objective')",
            vec![o.into(), exercise.into(), pos.into()]).await;
        exec(app, "INSERT INTO exercise_ratings (id, exercise_id, objective_id, unit_id, rating, comment, rated_by, rated_at) VALUES ($1, $2, $3, $4, $5, '', NULL, $6)",
            vec![Uuid::new_v4().into(), exercise.into(), o.into(), company.into(), rating.into(), end.into()]).await;
    }
    let accepted = Utc
        .with_ymd_and_hms(2025, 4, 1, 9, 0, 0)
        .single()
        .expect("accepted");
    exec(app, "INSERT INTO mentoring_pairings (id, run_id, mentor_id, mentee_id, status, score, breakdown, accepted_at, ended_at, created_at) VALUES ($1, NULL, $2, $3, 'active', NULL, NULL, $4, NULL, $4)",
        vec![Uuid::new_v4().into(), demo_id("user", "mentor.deu").into(), ids[0].into(), accepted.into()]).await;
    readiness::people_changed(&app.state.db, &ids)
        .await
        .expect("mark dirty");
    World {
        battalion,
        company,
        junior: ids[0],
        senior: ids[1],
        m1,
        m2,
        exercise,
        o1,
        o2,
    }
}

async fn demo_first_base(app: &TestApp) -> Uuid {
    let db = &app.state.db;
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT id FROM bases LIMIT 1",
        ))
        .await
        .expect("query")
        .expect("a base");
    row.try_get_by_index(0).expect("id")
}

/// The model's view of the scenario on `on`.
fn model(w: &World, on: NaiveDate) -> (f64, f64, f64) {
    let rating = |o, r| RatingFact {
        exercise_id: w.exercise,
        objective_id: o,
        completed_on: day("2025-06-15"),
        rating: r,
    };
    let done = |m, c: &str, x: Option<&str>| CompletionFact {
        module_id: m,
        completed_on: day(c),
        expires_on: x.map(day),
    };
    let junior = PersonFacts {
        person_id: w.junior,
        rank: RankGrade::Or(3),
        required_modules: vec![w.m1, w.m2],
        completions: vec![
            done(w.m1, "2025-03-10", Some("2026-03-10")),
            done(w.m2, "2025-03-10", None),
        ],
        unit_ratings: vec![
            rating(w.o1, Rating::Trained),
            rating(w.o2, Rating::Practiced),
        ],
        mentor_since: vec![(day("2025-04-01"), None)],
    };
    let senior = PersonFacts {
        person_id: w.senior,
        rank: RankGrade::Of(3),
        required_modules: vec![w.m1, w.m2],
        completions: vec![
            done(w.m1, "2025-05-01", Some("2026-05-01")),
            done(w.m1, "2026-02-01", Some("2027-02-01")),
        ],
        unit_ratings: Vec::new(),
        mentor_since: Vec::new(),
    };
    let p = ModelParams::default();
    // the commander belongs to the battalion too, with the same required modules and nothing done
    let cdr = PersonFacts {
        person_id: Uuid::nil(),
        rank: RankGrade::Of(5),
        required_modules: vec![w.m1, w.m2],
        completions: vec![],
        unit_ratings: vec![],
        mentor_since: vec![],
    };
    let scores = [
        person_score(&junior, on, &p),
        person_score(&senior, on, &p),
        person_score(&cdr, on, &p),
    ];
    let unit = unit_score(&scores, &p);
    (
        scores[0].score,
        scores[1].score,
        unit.score.expect("people"),
    )
}

fn close(a: &Json, b: f64) -> bool {
    a.as_f64().is_some_and(|a| (a - b).abs() < 1e-6)
}

#[tokio::test]
async fn readiness_answers_equal_the_model_before_and_after_an_expiry_and_an_exercise() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let cdr = app.login_as("cdr.test").await;
    // hand-computed: junior T100 E0 M100 → 70; after the exercise T100 E75 M100 → 92.5;
    // on the expiry day itself M1 no longer counts → 62.5; a year on the exercise left the window → 40
    for (on, junior_expected) in [
        ("2025-04-15", 70.0),
        ("2025-07-01", 92.5),
        ("2026-03-10", 62.5),
        ("2026-07-01", 40.0),
    ] {
        let (junior, senior, unit) = model(&w, day(on));
        assert!(
            (junior - junior_expected).abs() < 1e-9,
            "{on}: model {junior}"
        );
        let (s, p) = app
            .call(
                &cdr,
                Method::GET,
                &format!("/api/v1/readiness/people/{}?as_of={on}", w.junior),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{p}");
        assert!(close(&p["person"]["score"], junior), "{on}: {p}");
        let (_, p) = app
            .call(
                &cdr,
                Method::GET,
                &format!("/api/v1/readiness/people/{}?as_of={on}", w.senior),
                None,
            )
            .await;
        assert!(close(&p["person"]["score"], senior), "{on}: {p}");
        let (s, u) = app
            .call(
                &cdr,
                Method::GET,
                &format!("/api/v1/readiness/units/{}?as_of={on}", w.battalion),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{u}");
        assert_eq!(u["people"], 3);
        assert!(close(&u["score"], unit), "{on}: {u} vs {unit}");
    }
    // the expired module is named as the cause, with the day it expired
    let (_, p) = app
        .call(
            &cdr,
            Method::GET,
            &format!("/api/v1/readiness/people/{}?as_of=2026-03-10", w.junior),
            None,
        )
        .await;
    assert_eq!(p["expired"][0]["code"], "RT-M1");
    assert_eq!(p["expired"][0]["expires_on"], "2026-03-10");
    let (_, u) = app
        .call(
            &cdr,
            Method::GET,
            &format!("/api/v1/readiness/units/{}?as_of=2025-07-01", w.company),
            None,
        )
        .await;
    assert!(close(&u["score"], 92.5), "{u}");
    assert_eq!(u["level"], "R1");
    assert!(close(&u["confidence"], 1.0), "{u}");
    app.stop().await;
}

#[tokio::test]
async fn todays_cached_figures_follow_a_new_completion() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let cdr = app.login_as("cdr.test").await;
    let today = Utc::now().date_naive();
    let path = format!("/api/v1/readiness/units/{}", w.battalion);
    let (s, before) = app.call(&cdr, Method::GET, &path, None).await;
    assert_eq!(s, StatusCode::OK, "{before}");
    let (_, _, expected) = model(&w, today);
    assert!(close(&before["score"], expected), "{before} vs {expected}");
    // the senior completes both modules today; the hook marks them, the next read recomputes
    for m in [w.m1, w.m2] {
        exec(&app, "INSERT INTO completions (id, user_id, module_id, completed_on, expires_on, score, locale, content_version, source, recorded_by, created_at)
                    VALUES ($1, $2, $3, $4, NULL, 95, 'en', 1, 'import', NULL, $5)",
            vec![Uuid::new_v4().into(), w.senior.into(), m.into(), today.into(), Utc::now().into()]).await;
        validity::rebuild(&app.state.db, w.senior, m)
            .await
            .expect("validity ranges");
    }
    readiness::people_changed(&app.state.db, &[w.senior])
        .await
        .expect("hook");
    let (_, after) = app.call(&cdr, Method::GET, &path, None).await;
    let (_, dated) = app
        .call(&cdr, Method::GET, &format!("{path}?as_of={today}"), None)
        .await;
    assert!(
        after["score"].as_f64() > before["score"].as_f64(),
        "{before} → {after}"
    );
    assert!(
        close(&after["score"], dated["score"].as_f64().unwrap_or(-1.0)),
        "cache {after} vs recomputed {dated}"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_commander_cannot_read_units_or_people_outside_their_subtree() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let cdr = app.login_as("cdr.test").await;
    let brigade = demo_id("unit", "POL:1st Logistics Brigade");
    let (s, _) = app
        .call(
            &cdr,
            Method::GET,
            &format!("/api/v1/readiness/units/{brigade}"),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = app
        .call(
            &cdr,
            Method::GET,
            &format!("/api/v1/readiness/units/{brigade}/people"),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = app
        .call(
            &cdr,
            Method::GET,
            &format!(
                "/api/v1/readiness/people/{}",
                demo_id("user", "trainee.pol")
            ),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    // the demo brigade commander cannot read the test battalion or its people either
    let other = app.login_as("commander.pol").await;
    let (s, _) = app
        .call(
            &other,
            Method::GET,
            &format!("/api/v1/readiness/units/{}", w.battalion),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = app
        .call(
            &other,
            Method::GET,
            &format!("/api/v1/readiness/people/{}", w.junior),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    // a trainee has no readiness access at all; unknown units are 404
    let trainee = app.login_as("junior.test").await;
    let (s, _) = app
        .call(
            &trainee,
            Method::GET,
            &format!("/api/v1/readiness/units/{}", w.company),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = app
        .call(
            &cdr,
            Method::GET,
            &format!("/api/v1/readiness/units/{}", Uuid::new_v4()),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    // inside: the people list, paginated, lowest score first
    let (s, page) = app
        .call(
            &cdr,
            Method::GET,
            &format!(
                "/api/v1/readiness/units/{}/people?per_page=2&as_of=2025-07-01",
                w.battalion
            ),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{page}");
    assert_eq!(page["total"], 3);
    assert_eq!(page["rows"].as_array().map(Vec::len), Some(2));
    assert!(page["rows"][0]["score"].as_f64() <= page["rows"][1]["score"].as_f64());
    app.stop().await;
}

#[tokio::test]
async fn an_assessment_needs_a_reason_and_is_kept_beside_the_computed_level() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let cdr = app.login_as("cdr.test").await;
    let path = format!("/api/v1/readiness/units/{}/assessments", w.battalion);
    let (s, e) = app
        .call(
            &cdr,
            Method::POST,
            &path,
            Some(json!({"level": "R2", "reason": "   "})),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    assert!(e.to_string().contains("reason"), "{e}");
    let (s, e) = app
        .call(
            &cdr,
            Method::POST,
            &path,
            Some(json!({"level": "R9", "reason": "x"})),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    let (_, u) = app
        .call(
            &cdr,
            Method::GET,
            &format!("/api/v1/readiness/units/{}", w.battalion),
            None,
        )
        .await;
    assert!(u["latest_assessment"].is_null(), "nothing written: {u}");
    let (s, a) = app.call(&cdr, Method::POST, &path, Some(json!({"level": "R2", "reason": "Fuel company back from deployment; modules booked for next week."}))).await;
    assert_eq!(s, StatusCode::CREATED, "{a}");
    assert_eq!(a["level"], "R2");
    assert_eq!(a["assessed_by"], "cdr.test");
    let (_, u) = app
        .call(
            &cdr,
            Method::GET,
            &format!("/api/v1/readiness/units/{}", w.battalion),
            None,
        )
        .await;
    assert_eq!(u["latest_assessment"]["level"], "R2");
    assert_eq!(u["latest_assessment"]["computed_level"], u["level"]);
    let (_, h) = app
        .call(
            &cdr,
            Method::GET,
            &format!("/api/v1/readiness/units/{}/history", w.battalion),
            None,
        )
        .await;
    assert_eq!(h["assessments"].as_array().map(Vec::len), Some(1));
    // a commander outside the subtree may not assess it
    let other = app.login_as("commander.pol").await;
    let (s, _) = app
        .call(
            &other,
            Method::POST,
            &path,
            Some(json!({"level": "R1", "reason": "no"})),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let admin = app.login_as("admin").await;
    let (_, audit) = app
        .call(
            &admin,
            Method::GET,
            "/api/v1/audit?action=readiness.assess",
            None,
        )
        .await;
    assert!(audit.to_string().contains("readiness.assess"), "{audit}");
    app.stop().await;
}

#[tokio::test]
async fn bad_dates_are_422_and_csv_opens_in_a_spreadsheet() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let cdr = app.login_as("cdr.test").await;
    for q in ["as_of=2025-13-01", "as_of=yesterday", "as_of=%27%3B%20DROP"] {
        let (s, e) = app
            .call(
                &cdr,
                Method::GET,
                &format!("/api/v1/readiness/units/{}?{q}", w.battalion),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{q}: {e}");
    }
    let (s, _) = app
        .call(
            &cdr,
            Method::GET,
            &format!(
                "/api/v1/readiness/units/{}/history?from=2025-05-01&to=2025-01-01",
                w.battalion
            ),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let res = cdr
        .get(app.url(&format!(
            "/api/v1/readiness/units/{}/people?as_of=2025-07-01",
            w.battalion
        )))
        .header(header::ACCEPT, "text/csv")
        .send()
        .await
        .expect("csv");
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap_or("")
            .starts_with("text/csv")
    );
    let body = res.text().await.expect("body");
    assert!(body.starts_with('\u{feff}'), "BOM");
    assert_eq!(body.lines().count(), 4, "{body}");
    assert!(body.contains("junior.test"));
    let (s, _) = app
        .call(&cdr, Method::GET, "/api/v1/readiness/settings", None)
        .await;
    assert_eq!(s, StatusCode::OK);
    let (s, _) = app.call(&cdr, Method::PUT, "/api/v1/readiness/settings", Some(json!({"weight_training": 60, "weight_exercise": 30, "weight_mentorship": 10, "r1": 85, "r2": 70, "r3": 50, "window_months": 12}))).await;
    assert_eq!(
        s,
        StatusCode::FORBIDDEN,
        "only alliance administrators change the model"
    );
    let admin = app.login_as("admin").await;
    let (s, e) = app.call(&admin, Method::PUT, "/api/v1/readiness/settings", Some(json!({"weight_training": 60, "weight_exercise": 30, "weight_mentorship": 10, "r1": 60, "r2": 70, "r3": 50, "window_months": 12}))).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    app.stop().await;
}

#[tokio::test]
async fn a_snapshot_feeds_the_history() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let cdr = app.login_as("cdr.test").await;
    let today = Utc::now().date_naive();
    let units = readiness::cache::snapshot(&app.state.db, day("2025-07-01"), today)
        .await
        .expect("snapshot");
    assert!(units > 0);
    let (s, h) = app
        .call(
            &cdr,
            Method::GET,
            &format!(
                "/api/v1/readiness/units/{}/history?from=2025-06-01&to=2025-08-01",
                w.company
            ),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{h}");
    assert_eq!(h["points"].as_array().map(Vec::len), Some(1));
    assert!(close(&h["points"][0]["score"], 92.5), "{h}");
    app.stop().await;
}

#[tokio::test]
async fn the_dashboard_projects_what_expires_within_30_60_and_90_days() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let cdr = app.login_as("cdr.test").await;
    // on 15 Feb 2026 the junior's RT-M1 lapses on 10 Mar (within 30 days); the senior's would have
    // lapsed on 1 May (within 90) but was renewed on 1 Feb; everything else holds
    let res = cdr
        .post(app.url("/api/readiness/dashboard"))
        .form(&[
            ("root", w.battalion.to_string()),
            ("as_of", "2026-02-15".into()),
        ])
        .send()
        .await
        .expect("dashboard");
    assert_eq!(res.status(), StatusCode::OK);
    let d: Json = res.json().await.expect("json");
    assert_eq!(d["units"][0]["unit_id"], json!(w.battalion));
    assert_eq!(
        d["units"].as_array().map(Vec::len),
        Some(2),
        "battalion and company"
    );
    let e = &d["expiring"];
    assert_eq!(
        (
            e[0]["days"].clone(),
            e[0]["people"].clone(),
            e[0]["modules"].clone()
        ),
        (json!(30), json!(1), json!(1))
    );
    assert_eq!(
        (e[2]["people"].clone(), e[2]["modules"].clone()),
        (json!(1), json!(1))
    );
    assert_eq!(e[0]["rows"][0]["person_id"], json!(w.junior));
    assert_eq!(e[0]["rows"][0]["modules"][0]["code"], "RT-M1");
    let (junior, senior, unit) = model(&w, day("2026-02-15"));
    // at 30 days only the junior loses a module: T 100 → 50, so 6000/100 → 3000/100 lower
    let projected30 = e[0]["projected_score"].as_f64().expect("projected");
    assert!(
        (unit - projected30 - 30.0 / 3.0).abs() < 1e-6,
        "{unit} → {projected30} ({junior}, {senior})"
    );
    // the same figures from today's cache: the commander's dashboard without a date answers 200
    let res = cdr
        .post(app.url("/api/readiness/dashboard"))
        .form(&[("root", w.battalion.to_string())])
        .send()
        .await
        .expect("dashboard");
    assert_eq!(res.status(), StatusCode::OK);
    let d: Json = res.json().await.expect("json");
    assert_eq!(d["is_today"], true);
    app.stop().await;
}

async fn validity_rows(app: &TestApp) -> Vec<(Uuid, Uuid, Uuid, i32, i32, i32)> {
    let db = &app.state.db;
    db.query_all_raw(Statement::from_string(
        db.get_database_backend(),
        "SELECT user_id, module_id, curriculum_id, valid_from, valid_until, lapses_on
         FROM validity_spans ORDER BY user_id, module_id, valid_from",
    ))
    .await
    .expect("query")
    .iter()
    .map(|r| {
        (
            r.try_get_by_index(0).expect("user"),
            r.try_get_by_index(1).expect("module"),
            r.try_get_by_index(2).expect("curriculum"),
            r.try_get_by_index(3).expect("from"),
            r.try_get_by_index(4).expect("until"),
            r.try_get_by_index(5).expect("lapses"),
        )
    })
    .collect()
}

#[tokio::test]
async fn the_migration_derives_the_same_validity_ranges_as_the_service() {
    use migration::{Migrator, MigratorTrait};

    let app = spawn_app().await;
    let w = world(&app).await;
    // a gap, a renewal before expiry, a shorter renewal and two on one day
    for (on, expires) in [
        ("2024-01-10", Some("2024-06-10")),
        ("2024-09-01", Some("2025-09-01")),
        ("2025-03-01", Some("2026-03-01")),
        ("2025-04-01", Some("2025-10-01")),
        ("2025-04-01", None),
    ] {
        exec(&app, "INSERT INTO completions (id, user_id, module_id, completed_on, expires_on, score, locale, content_version, source, recorded_by, created_at)
                    VALUES ($1, $2, $3, $4, $5, 90, 'en', 1, 'import', NULL, $6)",
            vec![Uuid::new_v4().into(), w.junior.into(), w.m2.into(), day(on).into(), expires.map(day).into(), Utc::now().into()]).await;
    }
    validity::rebuild(&app.state.db, w.junior, w.m2)
        .await
        .expect("validity ranges");
    let by_service = validity_rows(&app).await;
    let junior_m2 = by_service
        .iter()
        .filter(|r| r.0 == w.junior && r.1 == w.m2)
        .count();
    assert_eq!(junior_m2, 5, "{by_service:?}");
    // on one connection: DDL on a pooled SQLite connection whose cached schema predates the
    // drop fails with "index ... already exists" (see `db::connect_one`)
    let one = app::server::db::connect_one(&app.database_url)
        .await
        .expect("connect");
    Migrator::down(&one, Some(1)).await.expect("down");
    Migrator::up(&one, None).await.expect("up");
    one.close().await.expect("close");
    assert_eq!(validity_rows(&app).await, by_service);
    app.stop().await;
}
