//! The `/api/v1` surface: authentication required everywhere, scope enforced by the services,
//! bad input answered 422 with field codes, every change in the verifiable audit trail.

use app::server::{seed::demo_id, services::audit};
use reqwest::{Method, StatusCode};
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::helpers::{client, spawn_app};

/// Every route with a plausible body; ids point at real demo records.
fn routes() -> Vec<(Method, String, Option<serde_json::Value>)> {
    let user = demo_id("user", "trainee.pol");
    vec![
        (Method::GET, "/api/v1/me".into(), None),
        (Method::GET, "/api/v1/tokens".into(), None),
        (
            Method::POST,
            "/api/v1/tokens".into(),
            Some(json!({"name": "x"})),
        ),
        (
            Method::DELETE,
            format!("/api/v1/tokens/{}", Uuid::new_v4()),
            None,
        ),
        (Method::GET, "/api/v1/nations".into(), None),
        (
            Method::POST,
            "/api/v1/nations".into(),
            Some(json!({"code": "EST", "name": "Estonia", "default_locale": "en"})),
        ),
        (Method::GET, "/api/v1/bases".into(), None),
        (
            Method::POST,
            "/api/v1/bases".into(),
            Some(
                json!({"nation_id": demo_id("nation", "POL"), "name": "X", "time_zone": "Europe/Warsaw", "capacity": 10}),
            ),
        ),
        (Method::GET, "/api/v1/units".into(), None),
        (
            Method::POST,
            "/api/v1/units".into(),
            Some(json!({"nation_id": demo_id("nation", "POL"), "name": "X"})),
        ),
        (Method::GET, "/api/v1/users".into(), None),
        (
            Method::POST,
            "/api/v1/users".into(),
            Some(
                json!({"username": "xx.yy", "display_name": "X", "email": "x@y.mil", "nation_id": demo_id("nation", "POL"), "rank": "OR-1", "preferred_locale": "pl", "password": "twelve chars long"}),
            ),
        ),
        (Method::GET, format!("/api/v1/users/{user}"), None),
        (
            Method::PATCH,
            format!("/api/v1/users/{user}"),
            Some(json!({"display_name": "Y"})),
        ),
        (
            Method::POST,
            format!("/api/v1/users/{user}/password-reset"),
            Some(json!({"password": "twelve chars long"})),
        ),
        (Method::GET, "/api/v1/audit".into(), None),
    ]
}

#[tokio::test]
async fn every_api_route_refuses_anonymous_callers() {
    let app = spawn_app().await;
    let anonymous = client();
    for (method, path, body) in routes() {
        let (status, json) = app.call(&anonymous, method.clone(), &path, body).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{method} {path}");
        assert_eq!(json["code"], "unauthenticated", "{method} {path}");
    }
    let (status, _) = app
        .call(&anonymous, Method::GET, "/api/v1/no/such/route", None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn callers_outside_their_scope_are_refused() {
    let app = spawn_app().await;
    let trainee = app.login_as("trainee.pol").await;
    // a trainee reaches only the read-only organisation and their own things
    for (method, path, body) in routes() {
        let own = path.starts_with("/api/v1/me") || path.starts_with("/api/v1/tokens");
        let public_read = method == Method::GET
            && ["/api/v1/nations", "/api/v1/bases", "/api/v1/units"].contains(&path.as_str());
        let (status, _) = app.call(&trainee, method.clone(), &path, body).await;
        if own || public_read {
            assert!(
                status.is_success() || status == StatusCode::NOT_FOUND,
                "{method} {path}: {status}"
            );
        } else {
            assert_eq!(status, StatusCode::FORBIDDEN, "{method} {path}");
        }
    }
    // a nation's administrator manages their nation only
    let admin_pol = app.login_as("admin.pol").await;
    let german = demo_id("user", "mentor.deu");
    let (s, _) = app
        .call(
            &admin_pol,
            Method::GET,
            &format!("/api/v1/users/{german}"),
            None,
        )
        .await;
    assert_eq!(
        s,
        StatusCode::NOT_FOUND,
        "people of other nations are invisible"
    );
    let (s, _) = app
        .call(
            &admin_pol,
            Method::PATCH,
            &format!("/api/v1/users/{german}"),
            Some(json!({"disabled": true})),
        )
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _) = app
        .call(
            &admin_pol,
            Method::POST,
            "/api/v1/units",
            Some(json!({"nation_id": demo_id("nation", "DEU"), "name": "Nope"})),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "no units in another nation");
    let (s, _) = app
        .call(
            &admin_pol,
            Method::POST,
            "/api/v1/nations",
            Some(json!({"code": "EST", "name": "Estonia", "default_locale": "en"})),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "nations are alliance business");
    let polish = demo_id("user", "trainee.pol");
    let (s, _) = app
        .call(
            &admin_pol,
            Method::PATCH,
            &format!("/api/v1/users/{polish}"),
            Some(json!({"roles": [{"role": "admin", "alliance": false}]})),
        )
        .await;
    assert_eq!(
        s,
        StatusCode::FORBIDDEN,
        "granting admin needs an alliance administrator"
    );
    let (s, _) = app
        .call(&admin_pol, Method::GET, "/api/v1/audit", None)
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, row) = app
        .call(&admin_pol, Method::PATCH, &format!("/api/v1/users/{polish}"), Some(json!({"roles": [{"role": "trainee", "alliance": false}, {"role": "mentor", "alliance": false}]})))
        .await;
    assert_eq!(s, StatusCode::OK, "{row}");
    assert_eq!(row["roles"].as_array().unwrap().len(), 2);
    let (s, list) = app
        .call(&admin_pol, Method::GET, "/api/v1/users", None)
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|u| u["nation_code"] == "POL"),
        "{list}"
    );
    app.stop().await;
}

#[tokio::test]
async fn bad_input_is_422_with_field_codes_and_writes_nothing() {
    let app = spawn_app().await;
    let admin = app.login_as("admin").await;
    let users_before = app
        .call(&admin, Method::GET, "/api/v1/users", None)
        .await
        .1
        .as_array()
        .unwrap()
        .len();
    let (s, body) = app
        .call(&admin, Method::POST, "/api/v1/users", Some(json!({
            "username": "a b", "display_name": " ", "email": "nope", "nation_id": demo_id("nation", "POL"),
            "unit_id": demo_id("unit", "DEU:Logistics Battalion 161"), "rank": "General", "preferred_locale": "xx",
            "password": "short"
        })))
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["code"], "validation");
    let codes: Vec<(String, String)> = body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap().to_owned(),
                f["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    for expected in [
        ("username", "username"),
        ("display_name", "required"),
        ("email", "email"),
        ("password", "password-too-short"),
        ("unit_id", "unit-nation-mismatch"),
        ("rank", "rank"),
        ("preferred_locale", "locale"),
    ] {
        assert!(
            codes.contains(&(expected.0.into(), expected.1.into())),
            "{expected:?} in {codes:?}"
        );
    }
    let (s, body) = app.call(&admin, Method::POST, "/api/v1/bases", Some(json!({"nation_id": demo_id("nation", "POL"), "name": "B", "time_zone": "Mars/Base", "capacity": -5}))).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"].as_array().unwrap().len(), 2, "{body}");
    let (s, body) = app
        .call(
            &admin,
            Method::POST,
            "/api/v1/nations",
            Some(json!({"code": "POL", "name": "Poland again", "default_locale": "pl"})),
        )
        .await;
    assert_eq!(
        (s, body["fields"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("taken"))
    );
    // malformed JSON and wrong types are 422 too, never 500
    let res = admin
        .post(app.url("/api/v1/nations"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let (s, body) = app
        .call(
            &admin,
            Method::POST,
            "/api/v1/bases",
            Some(json!({"nation_id": "not-a-uuid", "name": 5})),
        )
        .await;
    assert_eq!(
        (s, body["fields"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("json-data"))
    );
    let users_after = app
        .call(&admin, Method::GET, "/api/v1/users", None)
        .await
        .1
        .as_array()
        .unwrap()
        .len();
    assert_eq!(users_before, users_after);
    app.stop().await;
}

#[tokio::test]
async fn admin_changes_are_audited_and_the_chain_detects_tampering() {
    let app = spawn_app().await;
    let admin = app.login_as("admin").await;
    let (s, unit) = app
        .call(&admin, Method::POST, "/api/v1/units", Some(json!({"nation_id": demo_id("nation", "NOR"), "parent_id": demo_id("unit", "NOR:Logistics Battalion North"), "name": "Arctic Fuel Platoon"})))
        .await;
    assert_eq!(s, StatusCode::CREATED, "{unit}");
    assert_eq!(unit["depth"], 1);
    let (s, user) = app
        .call(&admin, Method::POST, "/api/v1/users", Some(json!({
            "username": "ola.nordmann", "display_name": "Ola Nordmann", "email": "ola@mil.no",
            "nation_id": demo_id("nation", "NOR"), "unit_id": unit["id"], "rank": "OR-5",
            "preferred_locale": "en", "roles": [{"role": "trainee", "alliance": false}], "password": "initial password 1"
        })))
        .await;
    assert_eq!(s, StatusCode::CREATED, "{user}");
    let (s, page) = app
        .call(&admin, Method::GET, "/api/v1/audit?entity_type=unit", None)
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(page["rows"][0]["action"], "unit.created");
    assert_eq!(page["rows"][0]["actor"], "admin");
    let (_, page) = app
        .call(
            &admin,
            Method::GET,
            "/api/v1/audit?action=user.created",
            None,
        )
        .await;
    let after: serde_json::Value =
        serde_json::from_str(page["rows"][0]["after"].as_str().unwrap()).unwrap();
    assert_eq!(after["username"], "ola.nordmann");
    let recorded = page["rows"][0]["after"].as_str().unwrap();
    assert!(
        !recorded.contains("$argon2") && !recorded.contains("initial password 1"),
        "secrets are never recorded: {recorded}"
    );
    let (_, page) = app
        .call(&admin, Method::GET, "/api/v1/audit?action=auth.login", None)
        .await;
    assert!(page["total"].as_u64().unwrap() >= 1);

    let db = &app.state.db;
    let ok = audit::verify(db).await.unwrap();
    assert!(ok.rows >= 4 && ok.first_broken.is_none(), "{ok:?}");
    // the command line says the same
    let config = server::config::Config::for_tests(&app.database_url);
    let cli = server::cli::Cli {
        command: Some(server::cli::Command::Audit {
            action: server::cli::AuditAction::Verify,
        }),
    };
    assert!(server::cli::run(cli, config.clone()).await.is_ok());
    // edit one row behind the application's back
    let seq: i64 = page["rows"][0]["seq"].as_i64().unwrap();
    db.execute_unprepared(&format!(
        "UPDATE audit_log SET actor_name = 'someone.else' WHERE seq = {seq}"
    ))
    .await
    .unwrap();
    let bad = audit::verify(db).await.unwrap();
    assert_eq!(bad.first_broken, Some((seq, "content-changed")));
    let cli = server::cli::Cli {
        command: Some(server::cli::Command::Audit {
            action: server::cli::AuditAction::Verify,
        }),
    };
    let err = server::cli::run(cli, config).await.unwrap_err().to_string();
    assert!(err.contains(&format!("row {seq}")), "{err}");
    app.stop().await;
}

#[tokio::test]
async fn the_openapi_document_describes_the_routes() {
    let app = spawn_app().await;
    let (s, doc) = app
        .call(&client(), Method::GET, "/api/v1/openapi.json", None)
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/auth/login",
        "/api/v1/me",
        "/api/v1/tokens/{id}",
        "/api/v1/users/{id}",
        "/api/v1/audit",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} documented");
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
    app.stop().await;
}
