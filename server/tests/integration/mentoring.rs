//! Mentor pairing over HTTP: a run proposes, an officer accepts, both people see the pairing;
//! the chain of command is never proposed; scope is enforced; bad weights are 422.

use app::server::{entities::mentoring_run, seed::demo_id};
use reqwest::{Client, Method, StatusCode};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};

fn person(username: &str) -> String {
    demo_id("user", username).to_string()
}

fn nation(code: &str) -> String {
    demo_id("nation", code).to_string()
}

async fn put_profile(app: &TestApp, c: &Client, kind: &str, username: &str, body: Value) {
    let path = format!("/api/v1/{kind}/{}", person(username));
    let (status, json) = app.call(c, Method::PUT, &path, Some(body)).await;
    assert_eq!(status, StatusCode::OK, "{path}: {json}");
}

/// Starts a run and waits for it to leave the queue (polling the API, as integrators do).
async fn run_to_end(app: &TestApp, c: &Client, body: Value) -> Value {
    let (status, created) = app
        .call(c, Method::POST, "/api/v1/mentoring/runs", Some(body))
        .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{created}");
    let path = format!(
        "/api/v1/mentoring/runs/{}",
        created["id"].as_str().unwrap_or_default()
    );
    for _ in 0..1000 {
        let (status, run) = app.call(c, Method::GET, &path, None).await;
        assert_eq!(status, StatusCode::OK, "{run}");
        if run["status"] == "done" || run["status"] == "failed" {
            return run;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("the run never finished");
}

fn pool_of(code: &str) -> Value {
    json!({ "pool": { "kind": "nation", "nation_id": nation(code) } })
}

/// mentor.deu offers Polish and fuel; trainee.pol wants fuel in Polish.
async fn demo_profiles(app: &TestApp) -> (Client, Client, Client) {
    let mentor = app.login_as("mentor.deu").await;
    put_profile(
        app,
        &mentor,
        "mentors",
        "mentor.deu",
        json!({"capacity": 2, "languages": ["de", "en", "pl"], "specialties": ["fuel", "movement control"], "years_in_logistics": 18, "available": true}),
    )
    .await;
    let trainee = app.login_as("trainee.pol").await;
    put_profile(
        app,
        &trainee,
        "mentees",
        "trainee.pol",
        json!({"specialties_wanted": ["fuel"], "languages": ["pl", "en"], "years_in_logistics": 2}),
    )
    .await;
    let officer = app.login_as("officer.pol").await;
    (mentor, trainee, officer)
}

fn proposal_for<'a>(run: &'a Value, mentee: &str) -> Option<&'a Value> {
    run["proposals"]
        .as_array()?
        .iter()
        .find(|p| p["mentee"]["username"] == mentee)
}

#[tokio::test]
async fn a_run_proposes_and_accepted_pairings_are_visible_to_both_people() {
    let app = spawn_app().await;
    let (_, trainee, officer) = demo_profiles(&app).await;
    let run = run_to_end(&app, &officer, pool_of("POL")).await;
    assert_eq!(run["status"], "done", "{run}");
    assert_eq!(run["progress"], 100);
    let proposal = proposal_for(&run, "trainee.pol").expect("trainee.pol is proposed a mentor");
    let breakdown = &proposal["breakdown"];
    let parts: i64 = ["specialty", "cross_nation", "proximity", "language"]
        .iter()
        .map(|k| breakdown[k]["contribution"].as_i64().unwrap_or(-1))
        .sum();
    assert_eq!(
        breakdown["total"].as_i64(),
        Some(parts),
        "the breakdown adds up"
    );
    assert_eq!(
        run["matched"].as_u64(),
        Some(run["proposals"].as_array().map_or(0, |p| p.len() as u64))
    );

    let id = run["id"].as_str().unwrap_or_default().to_owned();
    let (status, candidates) = app
        .call(
            &officer,
            Method::GET,
            &format!("/api/v1/mentoring/runs/{id}/candidates"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    for p in run["proposals"].as_array().into_iter().flatten() {
        let listed = candidates.as_array().and_then(|c| {
            c.iter().find(|x| {
                x["mentor_id"] == p["mentor"]["id"] && x["mentee_id"] == p["mentee"]["id"]
            })
        });
        assert_eq!(
            listed.map(|l| &l["score"]),
            Some(&p["breakdown"]["total"]),
            "every proposal is an audited candidate"
        );
    }

    let mentor_username = proposal["mentor"]["username"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let pair =
        json!({"mentor_id": proposal["mentor"]["id"], "mentee_id": proposal["mentee"]["id"]});
    let (status, report) = app
        .call(
            &officer,
            Method::POST,
            &format!("/api/v1/mentoring/runs/{id}/accept"),
            Some(json!({"pairs": [pair]})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["accepted"].as_array().map(Vec::len), Some(1));
    let pairing_id = report["accepted"][0].clone();

    let mentor = app.login_as(&mentor_username).await;
    for (who, c) in [("mentee", &trainee), ("mentor", &mentor)] {
        let (status, list) = app.call(c, Method::GET, "/api/v1/pairings", None).await;
        assert_eq!(status, StatusCode::OK);
        let mine = list
            .as_array()
            .and_then(|l| l.iter().find(|p| p["id"] == pairing_id));
        let mine = mine.unwrap_or_else(|| panic!("the {who} sees the pairing: {list}"));
        assert_eq!(mine["status"], "active");
        assert_eq!(mine["mentee"]["username"], "trainee.pol");
    }
    let stranger = app.login_as("trainee.fra").await;
    let (_, list) = app
        .call(&stranger, Method::GET, "/api/v1/pairings", None)
        .await;
    assert!(
        list.as_array()
            .is_some_and(|l| l.iter().all(|p| p["id"] != pairing_id)),
        "people see only their own pairings"
    );

    // accepting it again skips it; the run now shows it active
    let (_, again) = app
        .call(
            &officer,
            Method::POST,
            &format!("/api/v1/mentoring/runs/{id}/accept"),
            Some(json!({"all": true})),
        )
        .await;
    assert!(again["skipped"].as_array().is_some_and(|s| {
        s.iter()
            .all(|x| x["mentee_id"] != proposal["mentee"]["id"] || x["reason"] == "not-proposed")
    }));
    let (_, after) = app
        .call(
            &officer,
            Method::GET,
            &format!("/api/v1/mentoring/runs/{id}"),
            None,
        )
        .await;
    assert_eq!(
        proposal_for(&after, "trainee.pol").map(|p| &p["status"]),
        Some(&json!("active"))
    );

    // check-ins by the participants only, then the mentee ends it
    let path = format!(
        "/api/v1/pairings/{}/checkins",
        pairing_id.as_str().unwrap_or_default()
    );
    let today = chrono::Utc::now().date_naive().to_string();
    let checkin = json!({"on": today, "notes": "Went through the fuel accounting drill."});
    let (status, _) = app
        .call(&mentor, Method::POST, &path, Some(checkin.clone()))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _) = app
        .call(&stranger, Method::POST, &path, Some(checkin.clone()))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = app
        .call(
            &trainee,
            Method::POST,
            &path,
            Some(json!({"on": today, "notes": "  "})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"][0]["field"], "notes");
    let end = format!(
        "/api/v1/pairings/{}/end",
        pairing_id.as_str().unwrap_or_default()
    );
    let (status, ended) = app.call(&trainee, Method::POST, &end, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ended["status"], "ended");
    assert_eq!(ended["checkins"].as_array().map(Vec::len), Some(1));
    let (status, _) = app.call(&mentor, Method::POST, &path, Some(checkin)).await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "no check-ins on an ended pairing"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_mentor_in_the_chain_of_command_is_never_proposed() {
    let app = spawn_app().await;
    let (_, _, officer) = demo_profiles(&app).await;
    // the brigade commander above trainee.pol offers every place and speaks Polish
    put_profile(
        &app,
        &officer,
        "mentors",
        "commander.pol",
        json!({"capacity": 20, "languages": ["pl", "en"], "specialties": ["fuel"], "years_in_logistics": 30, "available": true}),
    )
    .await;
    // admin.pol sits outside the brigade: the commander may mentor them
    put_profile(
        &app,
        &officer,
        "mentees",
        "admin.pol",
        json!({"specialties_wanted": ["fuel"], "languages": ["pl"], "years_in_logistics": 3}),
    )
    .await;
    let run = run_to_end(&app, &officer, pool_of("POL")).await;
    assert_eq!(run["status"], "done", "{run}");
    let commander = person("commander.pol");
    let trainee = person("trainee.pol");
    let id = run["id"].as_str().unwrap_or_default();
    let (_, candidates) = app
        .call(
            &officer,
            Method::GET,
            &format!("/api/v1/mentoring/runs/{id}/candidates"),
            None,
        )
        .await;
    let candidates = candidates.as_array().cloned().unwrap_or_default();
    assert!(
        candidates
            .iter()
            .any(|c| c["mentor_id"] == commander.as_str()
                && c["mentee_id"] == person("admin.pol").as_str()),
        "the commander is eligible outside their chain"
    );
    assert!(
        !candidates
            .iter()
            .any(|c| c["mentor_id"] == commander.as_str() && c["mentee_id"] == trainee.as_str())
    );
    for p in run["proposals"].as_array().into_iter().flatten() {
        assert!(
            !(p["mentor"]["id"] == commander.as_str() && p["mentee"]["id"] == trainee.as_str()),
            "{p}"
        );
    }
    app.stop().await;
}

#[tokio::test]
async fn an_officer_of_another_nation_cannot_run_or_read_a_pool_outside_their_scope() {
    let app = spawn_app().await;
    let (_, trainee, officer) = demo_profiles(&app).await;
    let foreign = app.login_as("officer.deu").await;
    let (status, _) = app
        .call(
            &foreign,
            Method::POST,
            "/api/v1/mentoring/runs",
            Some(pool_of("POL")),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .call(
            &trainee,
            Method::POST,
            "/api/v1/mentoring/runs",
            Some(json!({"pool": {"kind": "everyone"}})),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "trainees do not run matching"
    );
    let run = run_to_end(&app, &officer, pool_of("POL")).await;
    let id = run["id"].as_str().unwrap_or_default();
    for (method, path, body) in [
        (Method::GET, format!("/api/v1/mentoring/runs/{id}"), None),
        (
            Method::GET,
            format!("/api/v1/mentoring/runs/{id}/candidates"),
            None,
        ),
        (
            Method::POST,
            format!("/api/v1/mentoring/runs/{id}/accept"),
            Some(json!({"all": true})),
        ),
    ] {
        let (status, _) = app.call(&foreign, method.clone(), &path, body).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{method} {path}");
    }
    let alliance = app.login_as("officer.alliance").await;
    let (status, _) = app
        .call(
            &alliance,
            Method::GET,
            &format!("/api/v1/mentoring/runs/{id}"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "alliance officers read every run");
    let own = run_to_end(&app, &foreign, json!({"pool": {"kind": "everyone"}})).await;
    assert_eq!(own["status"], "done", "their own nation is theirs to pool");
    app.stop().await;
}

#[tokio::test]
async fn weights_out_of_range_are_422_and_nothing_is_written() {
    let app = spawn_app().await;
    let officer = app.login_as("officer.pol").await;
    let mut body = pool_of("POL");
    body["weights"] =
        json!({"specialty": 101, "cross_nation": 20, "proximity": 15, "language": 500});
    let (status, json) = app
        .call(
            &officer,
            Method::POST,
            "/api/v1/mentoring/runs",
            Some(body.clone()),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json["code"], "validation");
    let fields: Vec<&str> = json["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["field"].as_str())
        .collect();
    assert_eq!(fields, vec!["weights.specialty", "weights.language"]);
    body["weights"]["specialty"] = json!(-3);
    body["weights"]["language"] = json!(15);
    let (status, _) = app
        .call(&officer, Method::POST, "/api/v1/mentoring/runs", Some(body))
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "negative weights are refused too"
    );
    let runs = mentoring_run::Entity::find()
        .count(&app.state.db)
        .await
        .unwrap_or(99);
    assert_eq!(runs, 0);
    let (status, json) = app
        .call(
            &officer,
            Method::PUT,
            &format!("/api/v1/mentors/{}", person("commander.pol")),
            Some(json!({"capacity": 99, "languages": [], "specialties": [], "years_in_logistics": 5, "available": true})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = json["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["field"].as_str())
        .collect();
    assert_eq!(fields, vec!["capacity", "languages"]);
    app.stop().await;
}
