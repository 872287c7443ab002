//! Authoring in the browser's terms: the new-curriculum form and the module editor posted as
//! plain forms (no JavaScript) and through their server functions; field errors that write
//! nothing; the version bump and outdated translations after a source edit; authorization; and
//! JSON 422s for malformed query parameters of the curriculum API.
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

type Fields = Vec<(String, String)>;

fn fields(pairs: &[(&str, &str)]) -> Fields {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// A module form: settings, one single-answer question with `b` correct, a blank spare row.
fn module_form(curriculum: Uuid, module: Option<Uuid>, code: &str, title: &str) -> Fields {
    let mut f = fields(&[
        ("form[code]", code),
        ("form[title]", title),
        ("form[body]", "# Fuel\r\n\r\nF-34 is kerosene."),
        ("form[estimated_minutes]", "20"),
        ("form[pass_mark]", "50"),
        ("form[validity_months]", "12"),
        ("form[specialty]", "fuel"),
        ("form[quiz][q0_key]", "q1"),
        ("form[quiz][q0_prompt]", "Which class of supply is fuel?"),
        ("form[quiz][q0_c0_key]", "a"),
        ("form[quiz][q0_c0_text]", "Class I"),
        ("form[quiz][q0_c1_key]", "b"),
        ("form[quiz][q0_c1_text]", "Class III"),
        ("form[quiz][q0_c1_correct]", "on"),
        ("form[quiz][q0_c2_key]", "c"),
        ("form[quiz][q0_c2_text]", ""),
        ("form[quiz][q1_key]", "q2"),
        ("form[quiz][q1_prompt]", ""),
        ("form[quiz][q1_c0_key]", "a"),
        ("form[quiz][q1_c0_text]", ""),
    ]);
    f.push(("curriculum_id".into(), curriculum.to_string()));
    f.push((
        "module_id".into(),
        module.map(|m| m.to_string()).unwrap_or_default(),
    ));
    f
}

/// Replaces (or adds) one field of a form.
fn with(mut f: Fields, name: &str, value: &str) -> Fields {
    f.retain(|(k, _)| k != name);
    f.push((name.to_owned(), value.to_owned()));
    f
}

/// Posts a form as a browser without JavaScript would; answers the redirect target.
async fn plain_post(
    app: &TestApp,
    c: &reqwest::Client,
    path: &str,
    from: &str,
    f: &Fields,
) -> String {
    let res = c
        .post(app.url(path))
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, app.url(from))
        .form(f)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND, "{path}");
    res.headers()[header::LOCATION].to_str().unwrap().to_owned()
}

/// Posts a form to a server function as a hydrated page does: status and JSON answer.
async fn post(app: &TestApp, c: &reqwest::Client, path: &str, f: &Fields) -> (StatusCode, Value) {
    let res = c.post(app.url(path)).form(f).send().await.unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    let db = &app.state.db;
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

/// A curriculum created through the plain form by the Polish officer.
async fn new_curriculum(app: &TestApp, officer: &reqwest::Client, code: &str) -> Uuid {
    let to = plain_post(
        app,
        officer,
        "/api/curriculum/create",
        "/training/curricula/new",
        &fields(&[
            ("form[code]", code),
            ("form[source_locale]", "en"),
            ("form[title]", "Fuel handling"),
            ("form[description]", "For fuel handlers.\r\nTwo lines."),
            ("form[self_enrol]", "on"),
        ]),
    )
    .await;
    let id = to.strip_prefix("/training/curricula/").unwrap_or(&to);
    Uuid::parse_str(id).unwrap()
}

fn codes(body: &Value) -> Vec<(String, String)> {
    body["detail"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| {
                    (
                        e["field"].as_str().unwrap_or_default().to_owned(),
                        e["code"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn a_curriculum_and_a_module_with_a_quiz_are_authored_through_plain_forms() {
    let app = spawn_app().await;
    let officer = app.login_as("officer.pol").await;
    let cid = new_curriculum(&app, &officer, "fuel-handling").await;
    let (s, c) = app
        .call(
            &officer,
            Method::GET,
            &format!("/api/v1/curricula/{cid}"),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{c}");
    assert_eq!(c["self_enrol"], true);
    assert_eq!(c["description"]["text"], "For fuel handlers.\nTwo lines.");

    let page = officer
        .get(app.url(&format!("/training/curricula/{cid}/modules/new")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(
        page.text()
            .await
            .unwrap()
            .contains("data-testid=\"module-form\"")
    );

    let to = plain_post(
        &app,
        &officer,
        "/api/curriculum/save-module",
        &format!("/training/curricula/{cid}/modules/new"),
        &module_form(cid, None, "fuel-1", "Fuel basics"),
    )
    .await;
    assert!(to.ends_with("/edit?saved=1"), "{to}");
    let mid = to
        .trim_start_matches("/training/modules/")
        .trim_end_matches("/edit?saved=1");
    let (s, m) = app
        .call(
            &officer,
            Method::GET,
            &format!("/api/v1/modules/{mid}"),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{m}");
    assert_eq!(m["title"]["text"], "Fuel basics");
    assert_eq!(m["body"]["text"], "# Fuel\n\nF-34 is kerosene.");
    assert_eq!(m["validity_months"], 12);
    let quiz = m["questions"].as_array().unwrap();
    assert_eq!(quiz.len(), 1, "the blank spare row is no question");
    assert_eq!(quiz[0]["choices"].as_array().map(Vec::len), Some(2));

    let editor = officer
        .get(app.url(&format!("/training/modules/{mid}/edit?saved=1")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(editor.contains("data-testid=\"module-saved\""));
    assert!(editor.contains("Which class of supply is fuel?"));
    let audited = count(
        &app,
        "SELECT COUNT(*) AS n FROM audit_log WHERE action IN ('curriculum.created', 'module.created')",
    )
    .await;
    assert_eq!(audited, 2);
    app.stop().await;
}

#[tokio::test]
async fn bad_module_input_is_a_field_error_and_writes_nothing() {
    let app = spawn_app().await;
    let officer = app.login_as("officer.pol").await;
    let cid = new_curriculum(&app, &officer, "fuel-handling").await;
    let good = module_form(cid, None, "fuel-1", "Fuel basics");
    let (s, saved) = post(&app, &officer, "/api/curriculum/save-module", &good).await;
    assert_eq!(s, StatusCode::OK, "{saved}");
    let first: Uuid = saved["id"].as_str().unwrap().parse().unwrap();
    let (s, saved) = post(
        &app,
        &officer,
        "/api/curriculum/save-module",
        &with(
            module_form(cid, None, "fuel-2", "Fuel advanced"),
            "form[prerequisites][fuel-1]",
            "on",
        ),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{saved}");
    let modules = "SELECT COUNT(*) AS n FROM modules";
    let texts = "SELECT COUNT(*) AS n FROM content_texts";
    let (m0, t0) = (count(&app, modules).await, count(&app, texts).await);
    let no_correct = with(good.clone(), "form[quiz][q0_c1_correct]", "");
    let cases: Vec<(Fields, &str, &str)> = vec![
        (with(good.clone(), "form[code]", ""), "code", "code"),
        (with(good.clone(), "form[code]", "fuel-2"), "code", "taken"),
        (with(good.clone(), "form[title]", " "), "title", "required"),
        (
            with(good.clone(), "form[pass_mark]", "150"),
            "pass_mark",
            "out-of-range",
        ),
        (
            with(good.clone(), "form[estimated_minutes]", "-5"),
            "estimated_minutes",
            "out-of-range",
        ),
        (
            with(good.clone(), "form[validity_months]", "soon"),
            "validity_months",
            "number",
        ),
        (no_correct, "questions.q1", "no-correct-choice"),
        (
            with(good.clone(), "form[quiz][q0_c0_text]", ""),
            "questions.q1",
            "too-few-choices",
        ),
        (
            with(
                with(
                    with(good.clone(), "form[quiz][q0_prompt]", ""),
                    "form[quiz][q0_c0_text]",
                    "",
                ),
                "form[quiz][q0_c1_text]",
                "",
            ),
            "questions",
            "required",
        ),
        (
            with(good.clone(), "form[prerequisites][nope]", "on"),
            "prerequisites",
            "unknown",
        ),
    ];
    for (form, field, code) in cases {
        let (s, e) = post(&app, &officer, "/api/curriculum/save-module", &form).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{field}: {e}");
        assert!(
            codes(&e).contains(&(field.to_owned(), code.to_owned())),
            "{field} {code}: {e}"
        );
    }
    // fuel-2 requires fuel-1, so fuel-1 requiring fuel-2 would be a cycle
    let cycle = with(
        module_form(cid, Some(first), "fuel-1", "Fuel basics"),
        "form[prerequisites][fuel-2]",
        "on",
    );
    let (s, e) = post(&app, &officer, "/api/curriculum/save-module", &cycle).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    assert!(
        codes(&e).contains(&("prerequisites".into(), "cycle".into())),
        "{e}"
    );
    // renaming a module to a sibling's code
    let (s, e) = post(
        &app,
        &officer,
        "/api/curriculum/save-module",
        &module_form(cid, Some(first), "fuel-2", "Fuel basics"),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    assert!(codes(&e).contains(&("code".into(), "taken".into())), "{e}");
    // a question without its prompt comes back to the prompt's question
    let (s, e) = post(
        &app,
        &officer,
        "/api/curriculum/save-module",
        &with(
            with(good.clone(), "form[quiz][q1_c0_text]", "Orphan"),
            "form[quiz][q1_c1_text]",
            "Choice",
        ),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    assert!(
        codes(&e).contains(&("questions.q2".into(), "required".into())),
        "{e}"
    );
    assert_eq!(
        (count(&app, modules).await, count(&app, texts).await),
        (m0, t0)
    );

    // without JavaScript the error comes back to the editor, shown at the field
    let to = plain_post(
        &app,
        &officer,
        "/api/curriculum/save-module",
        &format!("/training/curricula/{cid}/modules/new"),
        &with(good, "form[pass_mark]", "150"),
    )
    .await;
    assert!(to.contains("__err="), "{to}");
    let url = if to.starts_with("http") {
        to
    } else {
        app.url(&to)
    };
    let page = officer.get(url).send().await.unwrap().text().await.unwrap();
    assert!(
        page.contains("data-testid=\"error-pass_mark\""),
        "the field error is shown"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_bad_new_curriculum_is_refused_with_field_codes() {
    let app = spawn_app().await;
    let officer = app.login_as("officer.pol").await;
    new_curriculum(&app, &officer, "fuel-handling").await;
    let before = count(&app, "SELECT COUNT(*) AS n FROM curricula").await;
    for (form, field, code) in [
        (
            fields(&[
                ("form[code]", "Fuel Handling"),
                ("form[source_locale]", "en"),
                ("form[title]", "T"),
            ]),
            "code",
            "code",
        ),
        (
            fields(&[
                ("form[code]", "fuel-handling"),
                ("form[source_locale]", "en"),
                ("form[title]", "T"),
            ]),
            "code",
            "taken",
        ),
        (
            fields(&[
                ("form[code]", "x-1"),
                ("form[source_locale]", "xx"),
                ("form[title]", "T"),
            ]),
            "source_locale",
            "locale",
        ),
        (
            fields(&[
                ("form[code]", "x-1"),
                ("form[source_locale]", "en"),
                ("form[title]", ""),
            ]),
            "title",
            "required",
        ),
    ] {
        let (s, e) = post(&app, &officer, "/api/curriculum/create", &form).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{field}: {e}");
        assert!(
            codes(&e).contains(&(field.to_owned(), code.to_owned())),
            "{e}"
        );
    }
    assert_eq!(
        count(&app, "SELECT COUNT(*) AS n FROM curricula").await,
        before
    );
    app.stop().await;
}

#[tokio::test]
async fn a_source_edit_bumps_the_version_and_the_editor_shows_the_outdated_locale() {
    let app = spawn_app().await;
    let officer = app.login_as("officer.pol").await;
    let cid = new_curriculum(&app, &officer, "fuel-handling").await;
    let form = module_form(cid, None, "fuel-1", "Fuel basics");
    let (_, saved) = post(&app, &officer, "/api/curriculum/save-module", &form).await;
    let mid: Uuid = saved["id"].as_str().unwrap().parse().unwrap();
    let (s, sheet) = app
        .call(
            &officer,
            Method::PUT,
            &format!("/api/v1/modules/{mid}/translations/pl"),
            Some(json!({"fields": {"title": {"text": "Podstawy paliw", "status": "current"}}})),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{sheet}");

    // saving the same texts (the browser sends CRLF) changes nothing
    let same = with(form.clone(), "module_id", &mid.to_string());
    let (s, saved) = post(&app, &officer, "/api/curriculum/save-module", &same).await;
    assert_eq!(s, StatusCode::OK, "{saved}");
    assert_eq!(saved["content_version"], 1);

    let changed = with(same, "form[title]", "Fuel basics, revised");
    let to = plain_post(
        &app,
        &officer,
        "/api/curriculum/save-module",
        &format!("/training/modules/{mid}/edit"),
        &changed,
    )
    .await;
    assert_eq!(to, format!("/training/modules/{mid}/edit?saved=2"));
    let (s, e) = post(
        &app,
        &officer,
        "/api/curriculum/module-editor",
        &fields(&[("module", &mid.to_string())]),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{e}");
    assert_eq!(e["content_version"], 2);
    assert_eq!(e["input"]["title"], "Fuel basics, revised");
    let pl = e["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["locale"] == "pl")
        .cloned()
        .unwrap();
    assert_eq!(
        (pl["current"].clone(), pl["outdated"].clone()),
        (json!(0), json!(1))
    );
    let page = officer
        .get(app.url(&to))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("data-locale=\"pl\" data-outdated=\"1\""),
        "{page}"
    );
    assert!(page.contains(&format!("/training/translate/{mid}?locale=pl")));
    let audited = count(
        &app,
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'module.updated'",
    )
    .await;
    assert_eq!(audited, 2, "both saves are audited");
    app.stop().await;
}

#[tokio::test]
async fn only_training_officers_may_author() {
    let app = spawn_app().await;
    let officer = app.login_as("officer.pol").await;
    let cid = new_curriculum(&app, &officer, "fuel-handling").await;
    let (_, saved) = post(
        &app,
        &officer,
        "/api/curriculum/save-module",
        &module_form(cid, None, "fuel-1", "Fuel basics"),
    )
    .await;
    let mid = saved["id"].as_str().unwrap().to_owned();
    let before = count(&app, "SELECT COUNT(*) AS n FROM content_texts").await;
    for who in ["trainee.pol", "commander.pol", "admin"] {
        let c = app.login_as(who).await;
        let create = fields(&[
            ("form[code]", "mine"),
            ("form[source_locale]", "en"),
            ("form[title]", "T"),
        ]);
        let (s, _) = post(&app, &c, "/api/curriculum/create", &create).await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{who} creates");
        let edit = with(
            module_form(cid, None, "fuel-1", "Hijacked"),
            "module_id",
            &mid,
        );
        let (s, _) = post(&app, &c, "/api/curriculum/save-module", &edit).await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{who} edits");
        let (s, _) = post(
            &app,
            &c,
            "/api/curriculum/module-editor",
            &fields(&[("module", &mid)]),
        )
        .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{who} reads the answers");
    }
    assert_eq!(
        count(&app, "SELECT COUNT(*) AS n FROM content_texts").await,
        before
    );
    app.stop().await;
}

#[tokio::test]
async fn malformed_query_and_path_parameters_are_json_errors_not_plain_400s() {
    let app = spawn_app().await;
    let officer = app.login_as("officer.pol").await;
    let unit = demo_id("unit", "POL:1st Logistics Brigade");
    let (_, list) = app
        .call(&officer, Method::GET, "/api/v1/curricula", None)
        .await;
    let curriculum = list[0]["id"].as_str().unwrap().to_owned();
    for (query, field, code) in [
        (String::new(), "curriculum", "required"),
        ("?page=1".to_owned(), "curriculum", "required"),
        ("?curriculum=not-a-uuid".to_owned(), "curriculum", "invalid"),
        (
            format!("?curriculum={curriculum}&page=-1"),
            "page",
            "invalid",
        ),
        (
            format!("?curriculum={curriculum}&page=many"),
            "page",
            "invalid",
        ),
    ] {
        let (s, e) = app
            .call(
                &officer,
                Method::GET,
                &format!("/api/v1/units/{unit}/progress{query}"),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{query}: {e}");
        assert_eq!(e["code"], "validation", "{query}");
        assert_eq!(
            e["fields"],
            json!([{"field": field, "code": code}]),
            "{query}"
        );
    }
    let (s, e) = app
        .call(
            &officer,
            Method::GET,
            &format!("/api/v1/units/{unit}/progress?curriculum={curriculum}"),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{e}");
    let (s, e) = app
        .call(
            &officer,
            Method::GET,
            &format!("/api/v1/curricula/{curriculum}?lang=pl&lang=en"),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    assert_eq!(e["code"], "validation");
    for path in [
        "/api/v1/units/not-a-uuid/progress".to_owned(),
        "/api/v1/curricula/not-a-uuid".to_owned(),
        "/api/v1/modules/not-a-uuid".to_owned(),
        "/api/v1/modules/not-a-uuid/translations/pl".to_owned(),
        "/api/v1/people/not-a-uuid/transcript".to_owned(),
    ] {
        let (s, e) = app.call(&officer, Method::GET, &path, None).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(e["code"], "not_found", "{path}: {e}");
    }
    app.stop().await;
}

#[tokio::test]
async fn a_refused_plain_form_comes_back_with_what_was_typed_and_only_to_its_session() {
    let app = spawn_app().await;
    let officer = app.login_as("officer.pol").await;
    let cid = new_curriculum(&app, &officer, "typed").await;
    let page = format!("/training/curricula/{cid}/modules/new");
    let typed = with(
        with(
            with(
                module_form(cid, None, "typed-1", "Typed title 7731"),
                "form[pass_mark]",
                "150",
            ),
            "form[quiz][q0_prompt]",
            "Typed prompt 7731",
        ),
        "form[body]",
        "Typed body 7731 <b>&amp;</b>",
    );
    let to = plain_post(&app, &officer, "/api/curriculum/save-module", &page, &typed).await;
    assert!(to.contains("__err="), "{to}");
    let back = app.page(&officer, &to).await;
    assert!(
        back.contains("data-testid=\"error-pass_mark\""),
        "the error"
    );
    for shown in [
        "value=\"150\"",
        "value=\"Typed title 7731\"",
        "value=\"typed-1\"",
        "value=\"Typed prompt 7731\"",
        "Typed body 7731 &lt;b&gt;&amp;amp;&lt;/b&gt;",
    ] {
        assert!(back.contains(shown), "{shown} is shown again");
    }

    // another session of the same person, and the form without the refusal, show the saved
    // (empty) values
    let other = app.login_as("officer.pol").await;
    let elsewhere = app.page(&other, &to).await;
    let fresh = app.page(&officer, &page).await;
    for page in [&elsewhere, &fresh] {
        assert!(!page.contains("Typed title 7731"));
        assert!(page.contains("data-testid=\"module-form\""));
    }

    // saving the form forgets what was kept
    let drafts = "SELECT COUNT(*) AS n FROM form_drafts";
    assert_eq!(count(&app, drafts).await, 1);
    let saved = plain_post(
        &app,
        &officer,
        "/api/curriculum/save-module",
        &page,
        &with(typed, "form[pass_mark]", "75"),
    )
    .await;
    assert!(!saved.contains("__err="), "{saved}");
    assert_eq!(count(&app, drafts).await, 0);

    // a refused password change keeps nothing
    let to = plain_post(
        &app,
        &officer,
        "/api/auth/password",
        "/account",
        &fields(&[
            ("current", "wrong-secret-7731"),
            ("new", "another-secret-7731"),
            ("confirm", "another-secret-7731"),
        ]),
    )
    .await;
    assert!(to.contains("__err="), "{to}");
    assert_eq!(count(&app, drafts).await, 0);
    app.stop().await;
}
