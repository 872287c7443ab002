//! The exercise calendar through `/api/v1`: conflicts on every save, approval with an override
//! reason, releasability in lists, details, conflicts and feeds, iCalendar feeds that parse and
//! keep their UIDs, time zones, and bad input answered 422 with nothing written. Exercises are
//! placed in 2031, clear of the demo calendar.

use app::server::seed::demo_id;
use icalendar::{Calendar, Component};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, client, spawn_app};

fn pol_base() -> String {
    demo_id("base", "POL:Drawsko Pomorskie Training Area").to_string()
}

fn pol_unit() -> String {
    demo_id("unit", "POL:11th Fuel Supply Company").to_string()
}

fn deu_unit() -> String {
    demo_id("unit", "DEU:Supply Company 161").to_string()
}

/// A valid exercise body at the Polish base, `[start, end)` in UTC.
fn body(code: &str, start: &str, end: &str, units: Value) -> Value {
    json!({
        "code": code, "kind": "CPX", "name": format!("Exercise {code}"),
        "host_base_id": pol_base(), "start_at": start, "end_at": end,
        "units": units, "lines_of_communication": ["land"], "themes": ["rsom"],
        "objectives": ["Refuel a brigade in 24 hours", "Run a convoy at night"],
    })
}

async fn create(app: &TestApp, c: &reqwest::Client, body: Value) -> Value {
    let (s, v) = app
        .call(c, Method::POST, "/api/v1/exercises", Some(body))
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    v
}

fn ids_of(list: &Value) -> Vec<String> {
    list.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|e| e["id"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

async fn exercise_count(app: &TestApp, c: &reqwest::Client) -> usize {
    let (s, list) = app.call(c, Method::GET, "/api/v1/exercises", None).await;
    assert_eq!(s, StatusCode::OK);
    ids_of(&list).len()
}

#[tokio::test]
async fn saving_reports_conflicts_and_approval_needs_an_override_reason() {
    let app = spawn_app().await;
    let officer = app.login_as("officer.pol").await;
    let units = json!([{"unit_id": pol_unit(), "headcount": 120}]);
    let a = create(
        &app,
        &officer,
        body(
            "CONF-A",
            "2031-05-01T06:00:00Z",
            "2031-05-08T06:00:00Z",
            units.clone(),
        ),
    )
    .await;
    assert_eq!(a["conflicts"], json!([]));
    let a_id = a["exercise"]["id"].as_str().unwrap_or_default().to_owned();
    // touching intervals do not conflict
    let t = create(
        &app,
        &officer,
        body(
            "CONF-T",
            "2031-04-30T06:00:00Z",
            "2031-05-01T06:00:00Z",
            units.clone(),
        ),
    )
    .await;
    assert_eq!(t["conflicts"], json!([]));
    let b = create(
        &app,
        &officer,
        body(
            "CONF-B",
            "2031-05-05T06:00:00Z",
            "2031-05-12T06:00:00Z",
            units.clone(),
        ),
    )
    .await;
    let conflicts = b["conflicts"].as_array().cloned().unwrap_or_default();
    let double: Vec<&Value> = conflicts
        .iter()
        .filter(|c| c["kind"] == "unit_double_booked")
        .collect();
    assert_eq!(double.len(), 1, "{conflicts:?}");
    assert!(
        double
            .iter()
            .any(|c| c["other_exercise_ids"] == json!([a_id]))
    );
    let first = double
        .iter()
        .find(|c| c["other_exercise_ids"] == json!([a_id]))
        .cloned()
        .cloned()
        .unwrap_or_default();
    assert_eq!(first["unit_id"], pol_unit());
    assert_eq!(first["start_at"], "2031-05-05T06:00:00Z");
    assert_eq!(first["end_at"], "2031-05-08T06:00:00Z");
    assert_eq!(first["busy"], false);
    let b_id = b["exercise"]["id"].as_str().unwrap_or_default().to_owned();

    // approving with conflicts and no reason: 409 with the conflicts, nothing written
    let path = format!("/api/v1/exercises/{b_id}");
    let (s, v) = app
        .call(
            &officer,
            Method::PATCH,
            &path,
            Some(json!({"status": "approved"})),
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "{v}");
    assert_eq!(v["kind"], "override_required");
    assert_eq!(v["conflicts"].as_array().map(Vec::len), Some(1));
    let (_, now) = app.call(&officer, Method::GET, &path, None).await;
    assert_eq!(now["status"], "draft");
    assert_eq!(now["sequence"], 0);

    // with a reason it is approved, and the trail records the reason
    let reason = "Both companies split across the two exercises";
    let (s, v) = app
        .call(
            &officer,
            Method::PATCH,
            &path,
            Some(json!({"status": "approved", "override_reason": reason})),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["exercise"]["status"], "approved");
    assert_eq!(v["exercise"]["override_reason"], reason);
    assert_eq!(v["exercise"]["sequence"], 1);
    let admin = app.login_as("admin").await;
    let (_, trail) = app
        .call(
            &admin,
            Method::GET,
            "/api/v1/audit?action=exercise.approved",
            None,
        )
        .await;
    let after = trail["rows"][0]["after"].as_str().unwrap_or_default();
    assert!(after.contains(reason), "{trail}");

    // an exercise without conflicts is approved without a reason; the per-exercise and range
    // conflict lists agree with the save
    let (s, _) = app
        .call(
            &officer,
            Method::PATCH,
            &format!(
                "/api/v1/exercises/{}",
                t["exercise"]["id"].as_str().unwrap_or_default()
            ),
            Some(json!({"status": "approved"})),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let (s, of_b) = app
        .call(&officer, Method::GET, &format!("{path}/conflicts"), None)
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(of_b.as_array().map(Vec::len), Some(1));
    let (s, range) = app
        .call(
            &officer,
            Method::GET,
            "/api/v1/conflicts?from=2031-05-01&to=2031-06-01",
            None,
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let kinds: Vec<&str> = range
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["kind"].as_str())
        .collect();
    assert_eq!(kinds, vec!["unit_double_booked"]);

    // cancelling removes the conflict
    let (_, v) = app
        .call(
            &officer,
            Method::PATCH,
            &format!("/api/v1/exercises/{a_id}"),
            Some(json!({"status": "cancelled"})),
        )
        .await;
    assert_eq!(v["conflicts"], json!([]));
    let (_, of_b) = app
        .call(&officer, Method::GET, &format!("{path}/conflicts"), None)
        .await;
    assert_eq!(of_b, json!([]));
    app.stop().await;
}

#[tokio::test]
async fn blackouts_and_base_capacity_are_conflicts_too() {
    let app = spawn_app().await;
    let officer = app.login_as("officer.pol").await;
    let (s, b) = app
        .call(
            &officer,
            Method::POST,
            "/api/v1/blackouts",
            Some(json!({"start_at": "2031-11-10T00:00:00Z", "end_at": "2031-11-12T00:00:00Z", "reason": "Independence Day"})),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    assert_eq!(b["nation_code"], "POL");
    let v = create(
        &app,
        &officer,
        body(
            "BLK-1",
            "2031-11-09T00:00:00Z",
            "2031-11-11T00:00:00Z",
            json!([{"unit_id": pol_unit(), "headcount": 5000}]),
        ),
    )
    .await;
    let kinds: Vec<&str> = v["conflicts"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["kind"].as_str())
        .collect();
    assert_eq!(kinds, vec!["blackout"]);
    assert_eq!(v["conflicts"][0]["blackout_reason"], "Independence Day");
    // 5,000 + 2,000 people exceed the 6,000 places of Drawsko Pomorskie
    let v = create(
        &app,
        &officer,
        body(
            "CAP-1",
            "2031-11-01T00:00:00Z",
            "2031-11-04T00:00:00Z",
            json!([{"unit_id": demo_id("unit", "POL:11th Transport Company"), "headcount": 2000}]),
        ),
    )
    .await;
    assert_eq!(v["conflicts"], json!([]));
    let v = create(
        &app,
        &officer,
        body(
            "CAP-2",
            "2031-11-03T00:00:00Z",
            "2031-11-05T00:00:00Z",
            json!([{"unit_id": demo_id("unit", "POL:12th Maintenance Battalion"), "headcount": 4500}]),
        ),
    )
    .await;
    let cap = &v["conflicts"][0];
    assert_eq!(cap["kind"], "base_over_capacity", "{v}");
    assert_eq!(cap["peak"], 6500);
    assert_eq!(cap["capacity"], 6000);
    assert_eq!(cap["start_at"], "2031-11-03T00:00:00Z");
    assert_eq!(cap["end_at"], "2031-11-04T00:00:00Z");
    app.stop().await;
}

#[tokio::test]
async fn exercises_are_invisible_to_nations_outside_their_releasability() {
    let app = spawn_app().await;
    let pol = app.login_as("officer.pol").await;
    let deu = app.login_as("officer.deu").await;
    let pol_nation = demo_id("nation", "POL").to_string();
    let mut secret = body(
        "SECRET-1",
        "2031-06-01T06:00:00Z",
        "2031-06-10T06:00:00Z",
        json!([{"unit_id": pol_unit(), "headcount": 50}, {"unit_id": deu_unit(), "headcount": 30}]),
    );
    secret["releasable_to"] = json!([pol_nation]);
    let v = create(&app, &pol, secret).await;
    let id = v["exercise"]["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(v["exercise"]["releasable_to"], json!([pol_nation]));

    // a German officer sees it nowhere: list, detail, its conflicts
    let (_, list) = app
        .call(
            &deu,
            Method::GET,
            "/api/v1/exercises?from=2031-01-01&to=2032-01-01",
            None,
        )
        .await;
    assert!(!ids_of(&list).contains(&id));
    let (s, _) = app
        .call(&deu, Method::GET, &format!("/api/v1/exercises/{id}"), None)
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _) = app
        .call(
            &deu,
            Method::GET,
            &format!("/api/v1/exercises/{id}/conflicts"),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _) = app
        .call(
            &deu,
            Method::PATCH,
            &format!("/api/v1/exercises/{id}"),
            Some(json!({"name": "Mine now"})),
        )
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);

    // when a German exercise books the same German unit, the conflict says only "busy"
    let mut theirs = body(
        "DEU-1",
        "2031-06-05T06:00:00Z",
        "2031-06-15T06:00:00Z",
        json!([{"unit_id": deu_unit(), "headcount": 30}]),
    );
    theirs["host_base_id"] = json!(demo_id("base", "DEU:Grafenwöhr Training Area"));
    let v = create(&app, &deu, theirs).await;
    let c = &v["conflicts"][0];
    assert_eq!(c["kind"], "unit_double_booked", "{v}");
    assert_eq!(c["busy"], true);
    assert_eq!(c["other_exercise_ids"], json!([]));
    assert_eq!(c["unit_id"], deu_unit());
    assert_eq!(c["start_at"], "2031-06-05T06:00:00Z");
    assert!(!v.to_string().contains(&id), "the hidden id never appears");
    assert!(!v.to_string().contains("SECRET-1"));
    let (_, range) = app
        .call(
            &deu,
            Method::GET,
            "/api/v1/conflicts?from=2031-06-01&to=2031-07-01",
            None,
        )
        .await;
    assert!(!range.to_string().contains(&id));
    assert_eq!(range[0]["busy"], true);
    // the Polish side sees both
    let (_, range) = app
        .call(
            &pol,
            Method::GET,
            "/api/v1/conflicts?from=2031-06-01&to=2031-07-01",
            None,
        )
        .await;
    assert!(range.to_string().contains(&id));
    assert_eq!(range[0]["busy"], false);
    // filtering by nation finds an exercise through a participating unit of that nation
    for (nation, listed) in [("DEU", true), ("FRA", false)] {
        let url = format!(
            "/api/v1/exercises?from=2031-06-01&to=2031-07-01&nation={}",
            demo_id("nation", nation)
        );
        let (s, list) = app.call(&pol, Method::GET, &url, None).await;
        assert_eq!(s, StatusCode::OK, "{list}");
        assert_eq!(ids_of(&list).contains(&id), listed, "{nation}: {list}");
        // the month grid reads its own lighter rows; its nation filter agrees with the list
        let page = format!(
            "/exercises/month?month=2031-06&nation={}",
            demo_id("nation", nation)
        );
        let html = pol.get(app.url(&page)).send().await.unwrap().text().await;
        let html = html.unwrap_or_default();
        assert!(html.contains("month-grid"), "{page}");
        assert_eq!(html.contains(&id), listed, "{nation}: the month grid");
    }
    // the month grid never shows the German officer the exercise either
    let html = deu
        .get(app.url("/exercises/month?month=2031-06"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap_or_default();
    assert!(html.contains("DEU-1") && !html.contains(&id) && !html.contains("SECRET-1"));

    // nor in the German nation's feed, though a German unit takes part
    let (s, feed) = app
        .call(
            &deu,
            Method::POST,
            "/api/v1/calendar/feeds",
            Some(json!({"scope": "nation"})),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{feed}");
    let ics = fetch_ics(&app, feed["url"].as_str().unwrap_or_default()).await;
    let uids = uids_of(&ics);
    assert!(uids.iter().all(|u| !u.starts_with(&id)), "{uids:?}");
    assert!(
        uids.iter()
            .any(|u| u.starts_with(v["exercise"]["id"].as_str().unwrap_or("?")))
    );
    app.stop().await;
}

async fn fetch_ics(app: &TestApp, path: &str) -> String {
    let res = client()
        .get(app.url(path))
        .send()
        .await
        .unwrap_or_else(|e| panic!("feed request: {e}"));
    assert_eq!(res.status(), StatusCode::OK);
    let ct = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(ct.starts_with("text/calendar"), "{ct}");
    res.text().await.unwrap_or_default()
}

fn uids_of(ics: &str) -> Vec<String> {
    let cal: Calendar = ics
        .parse()
        .unwrap_or_else(|e| panic!("the feed parses as iCalendar: {e}"));
    cal.components
        .iter()
        .filter_map(|c| c.as_event())
        .filter_map(|e| e.get_uid().map(str::to_owned))
        .collect()
}

fn sequence_of(ics: &str, uid: &str) -> Option<String> {
    let cal: Calendar = ics
        .parse()
        .unwrap_or_else(|e| panic!("the feed parses as iCalendar: {e}"));
    cal.components
        .iter()
        .filter_map(|c| c.as_event())
        .find(|e| e.get_uid() == Some(uid))
        .and_then(|e| e.property_value("SEQUENCE").map(str::to_owned))
}

#[tokio::test]
async fn feeds_parse_keep_uids_across_edits_and_can_be_revoked() {
    let app = spawn_app().await;
    let officer = app.login_as("officer.pol").await;
    let mut b = body(
        "FEED-1",
        "2031-09-01T06:00:00Z",
        "2031-09-03T06:00:00Z",
        json!([]),
    );
    b["participants"] = json!([demo_id("user", "trainee.fra")]);
    let v = create(&app, &officer, b).await;
    let id = v["exercise"]["id"].as_str().unwrap_or_default().to_owned();
    let uid = format!("{id}@muster");

    let trainee = app.login_as("trainee.fra").await;
    let (s, mine) = app
        .call(&trainee, Method::GET, "/api/v1/exercises?mine=true", None)
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        ids_of(&mine).contains(&id),
        "the participant sees it as theirs"
    );
    let (s, feed) = app
        .call(
            &trainee,
            Method::POST,
            "/api/v1/calendar/feeds",
            Some(json!({"scope": "user"})),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{feed}");
    let url = feed["url"].as_str().unwrap_or_default().to_owned();
    let ics = fetch_ics(&app, &url).await;
    let before = uids_of(&ics);
    assert!(before.contains(&uid));
    assert_eq!(sequence_of(&ics, &uid).as_deref(), Some("0"));
    assert!(ics.contains("DTSTART:20310901T060000Z"));

    let (s, _) = app
        .call(
            &officer,
            Method::PATCH,
            &format!("/api/v1/exercises/{id}"),
            Some(json!({"name": "Renamed", "start_at": "2031-09-02T06:00:00Z", "end_at": "2031-09-04T06:00:00Z"})),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let ics = fetch_ics(&app, &url).await;
    let after = uids_of(&ics);
    assert!(after.contains(&uid), "same UID after the edit");
    assert_eq!(after.len(), before.len());
    assert_eq!(sequence_of(&ics, &uid).as_deref(), Some("1"));
    assert!(ics.contains("DTSTART:20310902T060000Z"));

    // someone else's user feed is refused; a revoked feed is gone
    let (s, _) = app
        .call(
            &trainee,
            Method::POST,
            "/api/v1/calendar/feeds",
            Some(json!({"scope": "user", "id": demo_id("user", "trainee.pol")})),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let feed_id = feed["id"].as_str().unwrap_or_default();
    let (s, _) = app
        .call(
            &trainee,
            Method::DELETE,
            &format!("/api/v1/calendar/feeds/{feed_id}"),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let res = client().get(app.url(&url)).send().await.expect("feed");
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = client()
        .get(app.url("/api/v1/calendar/0000.ics"))
        .send()
        .await
        .expect("feed");
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn wall_clock_times_are_entered_and_shown_in_the_host_base_time_zone() {
    let app = spawn_app().await;
    let officer = app.login_as("officer.alliance").await;
    let mut b = body("TZ-1", "", "", json!([]));
    b["start_at"] = Value::Null;
    b["end_at"] = Value::Null;
    b["host_base_id"] = json!(demo_id("base", "USA:Fort Cavazos"));
    b["start_local"] = json!("2031-03-08T08:30");
    b["end_local"] = json!("2031-03-10T17:00");
    let v = create(&app, &officer, b).await;
    let e = &v["exercise"];
    // Chicago is UTC-6 before the change of 9 March 2031 and UTC-5 after it
    assert_eq!(e["start_at"], "2031-03-08T14:30:00Z");
    assert_eq!(e["end_at"], "2031-03-10T22:00:00Z");
    assert_eq!(e["time_zone"], "America/Chicago");
    let id = e["id"].as_str().unwrap_or_default();
    let (_, got) = app
        .call(
            &officer,
            Method::GET,
            &format!("/api/v1/exercises/{id}"),
            None,
        )
        .await;
    assert_eq!(got["start_local"], "2031-03-08T08:30");
    assert_eq!(got["end_local"], "2031-03-10T17:00");
    // a wall-clock time the clocks skip is refused
    let (s, v) = app
        .call(
            &officer,
            Method::PATCH,
            &format!("/api/v1/exercises/{id}"),
            Some(json!({"start_local": "2031-03-09T02:30"})),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(v["fields"][0]["code"], "local-time-nonexistent");
    app.stop().await;
}

#[tokio::test]
async fn bad_input_is_a_422_with_field_codes_and_writes_nothing() {
    let app = spawn_app().await;
    let officer = app.login_as("officer.pol").await;
    let before = exercise_count(&app, &officer).await;
    let cases = [
        (
            body(
                "BAD-1",
                "2031-05-02T00:00:00Z",
                "2031-05-01T00:00:00Z",
                json!([]),
            ),
            "end_at",
            "end-before-start",
        ),
        (
            {
                let mut b = body(
                    "BAD-2",
                    "2031-05-01T00:00:00Z",
                    "2031-05-02T00:00:00Z",
                    json!([]),
                );
                b["host_base_id"] = json!(uuid::Uuid::new_v4());
                b
            },
            "host_base_id",
            "unknown",
        ),
        (
            body(
                "BAD-3",
                "2031-05-01T00:00:00Z",
                "2031-05-02T00:00:00Z",
                json!([{"unit_id": pol_unit(), "headcount": -5}]),
            ),
            "units[0].headcount",
            "negative",
        ),
        (
            {
                let mut b = body(
                    "BAD-4",
                    "2031-05-01T00:00:00Z",
                    "2031-05-02T00:00:00Z",
                    json!([]),
                );
                b["kind"] = json!("PARTY");
                b
            },
            "kind",
            "unknown",
        ),
    ];
    for (b, field, code) in cases {
        let (s, v) = app
            .call(&officer, Method::POST, "/api/v1/exercises", Some(b))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert_eq!(v["code"], "validation");
        let hit = v["fields"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|f| f["field"] == field && f["code"] == code);
        assert!(hit, "{field}/{code} in {v}");
    }
    let (s, v) = app
        .call(
            &officer,
            Method::POST,
            "/api/v1/exercises",
            Some(json!({"code": 5})),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(
        exercise_count(&app, &officer).await,
        before,
        "nothing written"
    );
    // malformed query strings are JSON 422s naming the parameter; malformed ids are JSON 404s
    for (path, field) in [
        ("/api/v1/exercises?from=yesterday", "from"),
        ("/api/v1/conflicts?to=2031-13-01", "to"),
        ("/api/v1/exercises?nation=POL", "nation"),
    ] {
        let (s, v) = app.call(&officer, Method::GET, path, None).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{path}: {v}");
        assert_eq!(v["fields"][0]["field"], field, "{path}: {v}");
        assert_eq!(v["fields"][0]["code"], "invalid", "{path}: {v}");
    }
    let (s, v) = app
        .call(&officer, Method::GET, "/api/v1/exercises/not-an-id", None)
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND, "{v}");
    assert_eq!(v["code"], "not_found", "{v}");
    // a trainee may not plan
    let trainee = app.login_as("trainee.pol").await;
    let (s, _) = app
        .call(
            &trainee,
            Method::POST,
            "/api/v1/exercises",
            Some(body(
                "NOPE",
                "2031-05-01T00:00:00Z",
                "2031-05-02T00:00:00Z",
                json!([]),
            )),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    app.stop().await;
}

#[tokio::test]
async fn the_assistant_proposes_free_windows_and_ratings_follow_an_exercise() {
    let app = spawn_app().await;
    let officer = app.login_as("officer.pol").await;
    let units = json!([{"unit_id": pol_unit(), "headcount": 100}]);
    let mut done = body(
        "RATE-1",
        "2031-02-01T06:00:00Z",
        "2031-02-05T06:00:00Z",
        units,
    );
    done["status"] = json!("completed");
    let v = create(&app, &officer, done).await;
    let id = v["exercise"]["id"].as_str().unwrap_or_default().to_owned();
    let (s, w) = app
        .call(
            &officer,
            Method::POST,
            "/api/v1/scheduling/windows",
            Some(json!({
                "unit_ids": [pol_unit()], "base_id": pol_base(), "headcount": 100,
                "duration_hours": 48, "from": "2031-02-01T00:00:00Z", "to": "2031-03-01T00:00:00Z",
                "max_results": 2,
            })),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{w}");
    assert_eq!(w[0]["start_at"], "2031-02-05T06:00:00Z", "{w}");
    assert_eq!(w[1]["start_at"], "2031-02-07T06:00:00Z");
    let (s, _) = app
        .call(
            &officer,
            Method::POST,
            "/api/v1/scheduling/windows",
            Some(json!({"base_id": pol_base(), "duration_hours": 0, "from": "2031-02-01T00:00:00Z", "to": "2031-01-01T00:00:00Z"})),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);

    let objective = v["exercise"]["objectives"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let path = format!("/api/v1/exercises/{id}/ratings");
    let (s, r) = app
        .call(
            &officer,
            Method::POST,
            &path,
            Some(json!({"ratings": [{"objective_id": objective, "unit_id": pol_unit(), "rating": "X"}]})),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{r}");
    let (s, r) = app
        .call(
            &officer,
            Method::POST,
            &path,
            Some(json!({"ratings": [{"objective_id": objective, "unit_id": pol_unit(), "rating": "P", "comment": "Night convoy late"}]})),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{r}");
    let (s, r) = app
        .call(
            &officer,
            Method::POST,
            &path,
            Some(json!({"ratings": [{"objective_id": objective, "unit_id": pol_unit(), "rating": "T"}]})),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(r.as_array().map(Vec::len), Some(1), "one rating per cell");
    assert_eq!(r[0]["rating"], "T");
    // a future exercise cannot be rated yet
    let future = create(
        &app,
        &officer,
        body(
            "RATE-2",
            "2031-04-01T06:00:00Z",
            "2031-04-05T06:00:00Z",
            json!([{"unit_id": pol_unit(), "headcount": 1}]),
        ),
    )
    .await;
    let fid = future["exercise"]["id"].as_str().unwrap_or_default();
    let fobj = future["exercise"]["objectives"][0]["id"]
        .as_str()
        .unwrap_or_default();
    let (s, _) = app
        .call(
            &officer,
            Method::POST,
            &format!("/api/v1/exercises/{fid}/ratings"),
            Some(
                json!({"ratings": [{"objective_id": fobj, "unit_id": pol_unit(), "rating": "T"}]}),
            ),
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT);
    app.stop().await;
}

#[tokio::test]
async fn the_calendar_routes_are_in_the_openapi_document_and_need_a_caller() {
    let app = spawn_app().await;
    let anonymous = client();
    let (s, doc) = app
        .call(&anonymous, Method::GET, "/api/v1/openapi.json", None)
        .await;
    assert_eq!(s, StatusCode::OK);
    for p in [
        "/api/v1/exercises",
        "/api/v1/exercises/{id}",
        "/api/v1/exercises/{id}/conflicts",
        "/api/v1/conflicts",
        "/api/v1/scheduling/windows",
        "/api/v1/blackouts",
        "/api/v1/exercises/{id}/ratings",
        "/api/v1/calendar/feeds",
        "/api/v1/calendar/feeds/{id}",
    ] {
        assert!(doc["paths"][p].is_object(), "{p} documented");
    }
    for (m, p) in [
        (Method::GET, "/api/v1/exercises"),
        (Method::POST, "/api/v1/exercises"),
        (
            Method::GET,
            "/api/v1/conflicts?from=2031-01-01&to=2031-02-01",
        ),
        (Method::POST, "/api/v1/scheduling/windows"),
        (Method::GET, "/api/v1/blackouts"),
        (Method::POST, "/api/v1/calendar/feeds"),
    ] {
        let (s, _) = app.call(&anonymous, m.clone(), p, Some(json!({}))).await;
        assert_eq!(s, StatusCode::UNAUTHORIZED, "{m} {p}");
    }
    app.stop().await;
}
