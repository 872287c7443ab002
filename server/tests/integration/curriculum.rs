//! Curricula end to end over `/api/v1`: enrolment → attempt → completion → transcript, language
//! resolution with fallback, outdated translations after a source edit, sanitised Markdown,
//! transcript privacy, 422 on bad answers with nothing written, unit progress as JSON and CSV.
#![expect(
    clippy::unwrap_used,
    reason = "test set-up helpers: a failed precondition must stop the test"
)]

use app::server::seed::demo_id;
use reqwest::{Method, StatusCode, header};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{TestApp, spawn_app};

fn module_body(code: &str, body: &str) -> Value {
    json!({
        "code": code,
        "title": format!("Module {code}"),
        "body": body,
        "estimated_minutes": 20,
        "pass_mark": 50,
        "validity_months": 12,
        "specialty": "fuel",
        "questions": [
            {"key": "q1", "prompt": "Which NATO class of supply is fuel?", "multiple": false, "choices": [
                {"key": "a", "text": "Class I"}, {"key": "b", "text": "Class III", "correct": true}]},
            {"key": "q2", "prompt": "Which are fuels?", "multiple": true, "choices": [
                {"key": "a", "text": "F-34", "correct": true}, {"key": "b", "text": "F-54", "correct": true},
                {"key": "c", "text": "Rations"}]}
        ]
    })
}

/// A curriculum with two modules written in English by the Polish training officer; returns
/// the officer's client, the curriculum id and the module ids.
async fn authored(app: &TestApp) -> (reqwest::Client, Uuid, Uuid, Uuid) {
    let officer = app.login_as("officer.pol").await;
    let (s, c) = app
        .call(
            &officer,
            Method::POST,
            "/api/v1/curricula",
            Some(json!({"code": "test-fuel", "source_locale": "en", "title": "Fuel test", "description": "Test"})),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{c}");
    let cid: Uuid = c["id"].as_str().unwrap().parse().unwrap();
    let mut ids = vec![];
    for (code, body) in [
        ("fuel-1", "# Fuel\n\nF-34 is **kerosene**."),
        (
            "fuel-2",
            "Safety <script>alert(1)</script> <img src=x onerror=alert(2)>",
        ),
    ] {
        let (s, m) = app
            .call(
                &officer,
                Method::POST,
                &format!("/api/v1/curricula/{cid}/modules"),
                Some(module_body(code, body)),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{m}");
        ids.push(m["id"].as_str().unwrap().parse::<Uuid>().unwrap());
    }
    (officer, cid, ids[0], ids[1])
}

async fn count(app: &TestApp, table: &str) -> i64 {
    let db = &app.state.db;
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!("SELECT COUNT(*) AS n FROM {table}"),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

fn good_answers() -> Value {
    json!({"answers": {"q1": ["b"], "q2": ["b", "a"]}, "locale": "pl"})
}

#[tokio::test]
async fn enrol_attempt_completion_and_transcript_flow() {
    let app = spawn_app().await;
    let (officer, cid, m1, _) = authored(&app).await;
    let trainee_id = demo_id("user", "trainee.pol");
    let unit = demo_id("unit", "POL:1st Logistics Brigade");
    let (s, e) = app
        .call(
            &officer,
            Method::POST,
            "/api/v1/enrolments",
            Some(json!({"curriculum_id": cid, "unit_id": unit, "due_on": "2099-01-31"})),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{e}");
    let trainee = app.login_as("trainee.pol").await;
    let completions = count(&app, "completions").await;
    let ranges = count(&app, "validity_spans").await;
    // A failed attempt is kept but records no completion.
    let (s, r) = app
        .call(
            &trainee,
            Method::POST,
            &format!("/api/v1/modules/{m1}/attempts"),
            Some(json!({"answers": {"q1": ["a"], "q2": ["c"]}})),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{r}");
    assert_eq!(r["passed"], false);
    assert_eq!(r["percent"], 0);
    assert!(r["completion"].is_null());
    // Choice order does not matter.
    let (s, r) = app
        .call(
            &trainee,
            Method::POST,
            &format!("/api/v1/modules/{m1}/attempts"),
            Some(good_answers()),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{r}");
    assert_eq!(r["passed"], true);
    assert_eq!(r["percent"], 100);
    assert_eq!(r["completion"]["content_version"], 1);
    assert!(r["completion"]["expires_on"].is_string());
    let expires_on = r["completion"]["expires_on"].clone();
    assert_eq!(count(&app, "quiz_attempts").await, 2);
    assert_eq!(count(&app, "completions").await, completions + 1);
    // the pass opens the validity range readiness reads
    assert_eq!(count(&app, "validity_spans").await, ranges + 1);

    let (s, t) = app
        .call(
            &trainee,
            Method::GET,
            &format!("/api/v1/people/{trainee_id}/transcript"),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{t}");
    let progress = t["curricula"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["curriculum_id"] == cid.to_string())
        .expect("enrolled through the brigade, a unit above the company");
    assert_eq!(progress["completed"], 1);
    assert_eq!(progress["total"], 2);
    assert_eq!(progress["due_on"], "2099-01-31");
    assert_eq!(t["completions"][0]["module_id"], m1.to_string());
    assert_eq!(t["completions"][0]["source"], "quiz");

    // The officer sees the unit's progress, as JSON and as CSV.
    let (s, p) = app
        .call(
            &officer,
            Method::GET,
            &format!("/api/v1/units/{unit}/progress?curriculum={cid}"),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{p}");
    let row = p["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["user_id"] == trainee_id.to_string())
        .expect("the trainee is in the subtree");
    assert_eq!(row["completed"], 1);
    // read back from the validity range's lapse day
    assert_eq!(row["next_expiry"], expires_on, "{row}");
    assert_eq!(p["module_count"], 2);
    let res = officer
        .get(app.url(&format!("/api/v1/units/{unit}/progress?curriculum={cid}")))
        .header(header::ACCEPT, "text/csv")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = res.text().await.unwrap();
    assert!(csv.starts_with('\u{feff}'), "UTF-8 with BOM");
    assert!(csv.contains("trainee.pol"));
    app.stop().await;
}

#[tokio::test]
async fn polish_is_shown_where_current_and_english_with_a_fallback_flag_elsewhere() {
    let app = spawn_app().await;
    let (officer, _, m1, _) = authored(&app).await;
    let (s, sheet) = app
        .call(
            &officer,
            Method::PUT,
            &format!("/api/v1/modules/{m1}/translations/pl"),
            Some(json!({"fields": {
                "title": {"text": "Moduł paliwowy", "status": "current"},
                "body": {"text": "Szkic", "status": "draft"},
            }})),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{sheet}");
    let trainee = app.login_as("trainee.pol").await;
    let (s, m) = app
        .call(
            &trainee,
            Method::GET,
            &format!("/api/v1/modules/{m1}"),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{m}");
    assert_eq!(m["title"]["text"], "Moduł paliwowy");
    assert_eq!(m["title"]["locale"], "pl");
    assert_eq!(m["title"]["fell_back"], false);
    // A draft is never shown: the body falls back to the English source.
    assert_eq!(m["body"]["locale"], "en");
    assert_eq!(m["body"]["fell_back"], true);
    assert_eq!(m["questions"][0]["prompt"]["fell_back"], true);
    assert!(m["questions"][0]["choices"][0].get("correct").is_none());
    // `?lang=` puts a locale first: French is missing, so everything is the source.
    let (_, m) = app
        .call(
            &trainee,
            Method::GET,
            &format!("/api/v1/modules/{m1}?lang=fr"),
            None,
        )
        .await;
    assert_eq!(m["title"]["locale"], "pl");
    assert_eq!(m["title"]["fell_back"], true);
    let (s, _) = app
        .call(
            &trainee,
            Method::GET,
            &format!("/api/v1/modules/{m1}?lang=xx"),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    app.stop().await;
}

#[tokio::test]
async fn editing_the_english_source_marks_the_polish_translation_outdated() {
    let app = spawn_app().await;
    let (officer, _, m1, _) = authored(&app).await;
    app.call(
        &officer,
        Method::PUT,
        &format!("/api/v1/modules/{m1}/translations/pl"),
        Some(json!({"fields": {
            "title": {"text": "Moduł paliwowy", "status": "current"},
            "body": {"text": "F-34 to **nafta**.", "status": "current"},
        }})),
    )
    .await;
    let mut edited = module_body("fuel-1", "# Fuel\n\nF-34 is kerosene (JP-8).");
    edited["title"] = json!("Module fuel-1");
    let (s, v) = app
        .call(
            &officer,
            Method::PUT,
            &format!("/api/v1/modules/{m1}"),
            Some(edited),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v, 2, "the content version is bumped");
    let (_, sheet) = app
        .call(
            &officer,
            Method::GET,
            &format!("/api/v1/modules/{m1}/translations/pl"),
            None,
        )
        .await;
    let status = |f: &str| {
        sheet["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["field"] == f)
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(status("body"), "outdated");
    assert_eq!(
        status("title"),
        "current",
        "an unchanged field stays current"
    );
    let trainee = app.login_as("trainee.pol").await;
    let (_, m) = app
        .call(
            &trainee,
            Method::GET,
            &format!("/api/v1/modules/{m1}"),
            None,
        )
        .await;
    assert_eq!(m["body"]["locale"], "pl");
    assert_eq!(m["body"]["outdated"], true);
    app.stop().await;
}

#[tokio::test]
async fn script_and_event_handlers_in_markdown_are_neutralised() {
    let app = spawn_app().await;
    let (_, _, _, m2) = authored(&app).await;
    let trainee = app.login_as("trainee.pol").await;
    let (_, m) = app
        .call(
            &trainee,
            Method::GET,
            &format!("/api/v1/modules/{m2}"),
            None,
        )
        .await;
    let html = m["body_html"].as_str().unwrap();
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "{html}");
    app.stop().await;
}

#[tokio::test]
async fn a_trainee_cannot_read_another_persons_transcript() {
    let app = spawn_app().await;
    let trainee = app.login_as("trainee.pol").await;
    let other = demo_id("user", "trainee.ukr");
    let (s, _) = app
        .call(
            &trainee,
            Method::GET,
            &format!("/api/v1/people/{other}/transcript"),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    // Nor a unit's progress, nor import completions.
    let unit = demo_id("unit", "POL:1st Logistics Brigade");
    let (s, _) = app
        .call(
            &trainee,
            Method::GET,
            &format!(
                "/api/v1/units/{unit}/progress?curriculum={}",
                Uuid::new_v4()
            ),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    // A German officer does not reach a Polish trainee.
    let officer = app.login_as("officer.deu").await;
    let me = demo_id("user", "trainee.pol");
    let (s, _) = app
        .call(
            &officer,
            Method::GET,
            &format!("/api/v1/people/{me}/transcript"),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    app.stop().await;
}

#[tokio::test]
async fn bad_answers_are_422_and_write_nothing() {
    let app = spawn_app().await;
    let (_, _, m1, _) = authored(&app).await;
    let trainee = app.login_as("trainee.pol").await;
    let attempts = count(&app, "quiz_attempts").await;
    let completions = count(&app, "completions").await;
    for (body, field, code) in [
        (json!({"answers": {"q1": ["b"]}}), "answers.q2", "required"),
        (
            json!({"answers": {"q1": ["b"], "q2": ["a"], "q9": ["a"]}}),
            "answers.q9",
            "unknown-question",
        ),
        (
            json!({"answers": {"q1": ["z"], "q2": ["a"]}}),
            "answers.q1",
            "unknown-choice",
        ),
        (
            json!({"answers": {"q1": ["a", "b"], "q2": ["a"]}}),
            "answers.q1",
            "too-many-choices",
        ),
        (json!({"answers": "nope"}), "body", "json-data"),
    ] {
        let (s, e) = app
            .call(
                &trainee,
                Method::POST,
                &format!("/api/v1/modules/{m1}/attempts"),
                Some(body),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
        assert_eq!(e["fields"][0]["field"], field, "{e}");
        assert_eq!(e["fields"][0]["code"], code, "{e}");
    }
    assert_eq!(count(&app, "quiz_attempts").await, attempts);
    assert_eq!(count(&app, "completions").await, completions);
    app.stop().await;
}

#[tokio::test]
async fn prerequisites_are_enforced_and_imports_are_audited() {
    let app = spawn_app().await;
    let (officer, cid, m1, _) = authored(&app).await;
    let mut third = module_body("fuel-3", "Advanced");
    third["prerequisites"] = json!(["fuel-1"]);
    let (s, m) = app
        .call(
            &officer,
            Method::POST,
            &format!("/api/v1/curricula/{cid}/modules"),
            Some(third),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{m}");
    let m3 = m["id"].as_str().unwrap().to_owned();
    let trainee = app.login_as("trainee.pol").await;
    let (s, e) = app
        .call(
            &trainee,
            Method::POST,
            &format!("/api/v1/modules/{m3}/attempts"),
            Some(good_answers()),
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT);
    assert_eq!(e["kind"], "prerequisites");
    // An officer imports the prerequisite made elsewhere; then the quiz is open.
    let person = demo_id("user", "trainee.pol");
    let completions = count(&app, "completions").await;
    let (s, e) = app
        .call(
            &officer,
            Method::POST,
            "/api/v1/completions",
            Some(json!({"completions": [{"user_id": person, "module_id": m1, "completed_on": "2026-01-15", "score": 120, "locale": "pl"}]})),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(e["fields"][0]["field"], "completions.0.score");
    assert_eq!(count(&app, "completions").await, completions);
    let (s, rows) = app
        .call(
            &officer,
            Method::POST,
            "/api/v1/completions",
            Some(json!({"completions": [{"user_id": person, "module_id": m1, "completed_on": "2026-01-15", "score": 88, "locale": "pl"}]})),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{rows}");
    assert_eq!(rows[0]["expires_on"], "2027-01-15");
    assert_eq!(rows[0]["source"], "import");
    let (s, _) = app
        .call(
            &trainee,
            Method::POST,
            &format!("/api/v1/modules/{m3}/attempts"),
            Some(good_answers()),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let db = &app.state.db;
    let audited = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'completion.imported'",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i64>("", "n")
        .unwrap();
    assert_eq!(audited, 1);
    // A trainee cannot import.
    let (s, _) = app
        .call(
            &trainee,
            Method::POST,
            "/api/v1/completions",
            Some(json!({"completions": [{"user_id": person, "module_id": m1, "completed_on": "2026-01-15", "score": 88, "locale": "pl"}]})),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    app.stop().await;
}

#[tokio::test]
async fn module_gaps_reports_held_and_missing_specialties() {
    let app = spawn_app().await;
    let (officer, cid, m1, _) = authored(&app).await;
    let person = demo_id("user", "trainee.pol");
    app.call(
        &officer,
        Method::POST,
        "/api/v1/enrolments",
        Some(json!({"curriculum_id": cid, "user_id": person})),
    )
    .await;
    let today = chrono::Utc::now().date_naive();
    let gaps = app::server::services::curriculum::module_gaps(&app.state.db, &[person], today)
        .await
        .unwrap();
    let fuel = "fuel".to_owned();
    assert!(gaps[&person].gap_specialties.contains(&fuel));
    assert!(!gaps[&person].current_specialties.contains(&fuel));
    let trainee = app.login_as("trainee.pol").await;
    app.call(
        &trainee,
        Method::POST,
        &format!("/api/v1/modules/{m1}/attempts"),
        Some(good_answers()),
    )
    .await;
    let gaps = app::server::services::curriculum::module_gaps(&app.state.db, &[person], today)
        .await
        .unwrap();
    assert!(gaps[&person].current_specialties.contains(&fuel));
    app.stop().await;
}

#[tokio::test]
async fn the_training_pages_render_progress_fallback_and_unit_progress() {
    let app = spawn_app().await;
    let trainee = app.login_as("trainee.pol").await;
    let page = |c: &reqwest::Client, path: String| {
        let req = c.get(app.url(&path)).header(header::ACCEPT, "text/html");
        async move {
            let res = req.send().await.unwrap();
            (res.status(), res.text().await.unwrap())
        }
    };
    let (s, html) = page(&trainee, "/training".into()).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains(r#"data-code="nato-logistics-foundations""#),
        "{html}"
    );
    assert!(html.contains(r#"data-testid="curriculum-progress""#));
    assert!(
        html.contains(r#"data-testid="expiring-list""#),
        "cyber hygiene expires soon"
    );
    let missing = demo_id("module", "medical-logistics");
    let (s, html) = page(&trainee, format!("/training/modules/{missing}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains(r#"data-testid="fallback-notice""#));
    let polish = demo_id("module", "classes-of-supply");
    let (_, html) = page(&trainee, format!("/training/modules/{polish}")).await;
    assert!(!html.contains(r#"data-testid="fallback-notice""#));
    assert!(html.contains(r#"data-testid="quiz-form""#));
    let officer = app.login_as("officer.pol").await;
    let unit = demo_id("unit", "POL:1st Logistics Brigade");
    let cid = demo_id("curriculum", "nato-logistics-foundations");
    let (s, html) = page(
        &officer,
        format!("/training/progress?unit={unit}&curriculum={cid}"),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains(r#"data-username="trainee.pol""#), "{html}");
    assert!(html.contains(r#"data-testid="coverage-chart""#));
    app.stop().await;
}

#[tokio::test]
async fn the_translation_editor_shows_source_target_and_status_side_by_side() {
    let app = spawn_app().await;
    let officer = app.login_as("officer.pol").await;
    let module = demo_id("module", "host-nation-support");
    let res = officer
        .get(app.url(&format!("/training/translate/{module}?locale=pl")))
        .header(header::ACCEPT, "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(html.contains(r#"data-field="body""#), "{html}");
    assert!(html.contains(r#"name="form[status][body]""#));
    assert!(
        html.contains(r#"<option value="outdated" selected"#),
        "{html}"
    );
    // A trainee is not an author.
    let trainee = app.login_as("trainee.pol").await;
    let (s, _) = app
        .call(
            &trainee,
            Method::GET,
            &format!("/api/v1/modules/{module}/translations/pl"),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    app.stop().await;
}

/// The officer page's enrol form: the demo curriculum `cid`, a person, a due date.
fn enrol_form(cid: Uuid, person: &str, due_on: &str) -> Vec<(&'static str, String)> {
    vec![
        ("form[curriculum_id]", cid.to_string()),
        ("form[user_id]", person.to_owned()),
        ("form[due_on]", due_on.to_owned()),
    ]
}

/// The officer page's import form: one completion of `module` on `on`.
fn import_form(person: &str, module: Uuid, on: chrono::NaiveDate) -> Vec<(&'static str, String)> {
    vec![
        ("form[person_id]", person.to_owned()),
        ("form[module_id]", module.to_string()),
        ("form[completed_on]", on.to_string()),
        ("form[score]", "90".to_owned()),
        ("form[locale]", "pl".to_owned()),
    ]
}

#[tokio::test]
async fn officers_name_people_by_username_and_progress_counts_them() {
    let app = spawn_app().await;
    let (officer, cid, m1, m2) = authored(&app).await;
    let post = |c: &reqwest::Client, path: &str, form: Vec<(&'static str, String)>| {
        c.post(app.url(path)).form(&form).send()
    };
    let today = chrono::Utc::now().date_naive();
    // 12-month validity: done 300 days ago, it lapses within the 90-day horizon
    let long_ago = today - chrono::Days::new(300);
    let enrolments = count(&app, "enrolments").await;
    let completions = count(&app, "completions").await;
    // an unknown username is a field error and writes nothing
    for (path, form, field) in [
        (
            "/api/curriculum/enrol",
            enrol_form(cid, "no.such.person", ""),
            "user_id",
        ),
        (
            "/api/curriculum/import",
            import_form("no.such.person", m1, long_ago),
            "completions.0.user_id",
        ),
    ] {
        let res = post(&officer, path, form).await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(
            body["detail"][0],
            json!({"field": field, "code": "unknown-person"}),
            "{path}"
        );
    }
    assert_eq!(count(&app, "enrolments").await, enrolments);
    assert_eq!(count(&app, "completions").await, completions);
    // a known username, in any case and with stray spaces, names the person
    let res = post(
        &officer,
        "/api/curriculum/enrol",
        enrol_form(cid, " Trainee.POL ", "2020-01-31"),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let row: Value = res.json().await.unwrap();
    assert_eq!(row["user_id"], demo_id("user", "trainee.pol").to_string());
    let res = post(
        &officer,
        "/api/curriculum/import",
        import_form("trainee.pol", m1, long_ago),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(count(&app, "completions").await, completions + 1);
    // the unit's totals are counted over everyone, and a page past the end is the last page
    let unit = demo_id("unit", "POL:1st Logistics Brigade");
    let progress =
        |page: u32| format!("/api/v1/units/{unit}/progress?curriculum={cid}&page={page}");
    let (s, p) = app.call(&officer, Method::GET, &progress(7), None).await;
    assert_eq!(s, StatusCode::OK, "{p}");
    assert_eq!(
        (p["page"].clone(), p["pages"].clone()),
        (json!(0), json!(1))
    );
    assert_eq!(p["people"], 1, "{p}");
    assert_eq!(p["rows"][0]["username"], "trainee.pol");
    assert_eq!(p["rows"][0]["completed"], 1);
    assert_eq!(
        (p["complete"].clone(), p["overdue"].clone()),
        (json!(0), json!(1))
    );
    assert_eq!(p["expiring"], 1, "{p}");
    let res = post(
        &officer,
        "/api/curriculum/import",
        import_form("trainee.pol", m2, today),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let (_, p) = app.call(&officer, Method::GET, &progress(0), None).await;
    assert_eq!(
        (p["complete"].clone(), p["overdue"].clone()),
        (json!(1), json!(0))
    );
    // a trainee learns nothing about which usernames exist
    let trainee = app.login_as("trainee.pol").await;
    let res = post(
        &trainee,
        "/api/curriculum/enrol",
        enrol_form(cid, "officer.pol", ""),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    app.stop().await;
}
