//! The foundation: server-rendered pages, health, 404, languages, migrations.

use migration::{Migrator, MigratorTrait};
use reqwest::{StatusCode, header};
use sea_orm::{ConnectionTrait, Statement};

use crate::helpers::{fresh_database, spawn_app};

#[tokio::test]
async fn home_page_is_server_rendered_with_the_seeded_nations() {
    let app = spawn_app().await;
    let res = app.get("/").await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(html.contains(r#"<html lang="en""#), "{html:.300}");
    for code in ["POL", "DEU", "FRA", "UKR", "USA"] {
        assert!(
            html.contains(&format!(r#"data-code="{code}""#)),
            "nation {code} rendered inline"
        );
    }
    assert!(html.contains("Drawsko Pomorskie Training Area"));
    assert!(
        html.contains("11th Fuel Supply Company"),
        "third-level units are rendered"
    );
    assert!(
        html.contains("/pkg/muster.js"),
        "the page loads the hydration bundle"
    );
    app.stop().await;
}

#[tokio::test]
async fn healthz_is_ok_while_the_database_answers_and_503_when_it_does_not() {
    let app = spawn_app().await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers().get("x-request-id").is_some(),
        "every response carries a request id"
    );
    assert_eq!(res.text().await.unwrap(), r#"{"status":"ok"}"#);
    app.state.db.clone().close().await.unwrap();
    let res = app.get("/healthz").await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    app.stop().await;
}

#[tokio::test]
async fn an_unknown_path_is_a_localised_404_page() {
    let app = spawn_app().await;
    let res = app.get("/no/such/page").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let html = res.text().await.unwrap();
    assert!(html.contains(r#"data-testid="not-found""#));
    assert!(html.contains("Page not found"));
    let res = app
        .client
        .get(app.url("/no/such/page"))
        .header(header::ACCEPT_LANGUAGE, "pl-PL,pl;q=0.9")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(res.text().await.unwrap().contains("Nie znaleziono strony"));
    app.stop().await;
}

#[tokio::test]
async fn accept_language_picks_the_interface_language() {
    let app = spawn_app().await;
    let res = app
        .client
        .get(app.url("/"))
        .header(header::ACCEPT_LANGUAGE, "de-DE,de;q=0.9,en;q=0.5")
        .send()
        .await
        .unwrap();
    let html = res.text().await.unwrap();
    assert!(html.contains(r#"<html lang="de""#));
    assert!(html.contains("Das Bündnis auf einen Blick"));
    assert!(html.contains("Polen"), "nation names are localised");
    app.stop().await;
}

#[tokio::test]
async fn the_language_switcher_sets_a_cookie_that_beats_accept_language() {
    let app = spawn_app().await;
    let res = app
        .client
        .post(app.url("/lang"))
        .form(&[("lang", "uk"), ("next", "/?x=1")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[header::LOCATION], "/?x=1");
    let cookie = res.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("muster_lang=uk;"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"));
    let html = app
        .client
        .get(app.url("/"))
        .header(header::ACCEPT_LANGUAGE, "fr")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"<html lang="uk""#));
    assert!(html.contains("Альянс з першого погляду"));
    app.stop().await;
}

#[tokio::test]
async fn the_language_switcher_refuses_bad_input_without_a_500() {
    let app = spawn_app().await;
    let res = app
        .client
        .post(app.url("/lang"))
        .form(&[("lang", "xx"), ("next", "/")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = app
        .client
        .post(app.url("/lang"))
        .form(&[("lang", "fr"), ("next", "//evil.example/")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/", "no open redirect");
    let res = app
        .client
        .post(app.url("/lang"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body("garbage=%%%")
        .send()
        .await
        .unwrap();
    assert!(res.status().is_client_error(), "{}", res.status());
    app.stop().await;
}

#[tokio::test]
async fn oversized_request_bodies_are_refused() {
    let app = spawn_app().await;
    let body = format!("lang=fr&next=/{}", "a".repeat(2 * 1024 * 1024));
    let res = app
        .client
        .post(app.url("/lang"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    app.stop().await;
}

#[tokio::test]
async fn the_overview_server_function_answers_json() {
    let app = spawn_app().await;
    let res = app
        .client
        .post(app.url("/api/org/overview"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let json: serde_json::Value = res.json().await.unwrap();
    let nations = json.as_array().unwrap();
    assert_eq!(nations.len(), 12);
    assert!(
        nations
            .iter()
            .all(|n| n["units"].as_array().is_some_and(|u| !u.is_empty()))
    );
    app.stop().await;
}

async fn table_count(db: &sea_orm::DatabaseConnection, table: &str) -> bool {
    db.query_one_raw(Statement::from_string(
        db.get_database_backend(),
        format!("SELECT COUNT(*) FROM {table}"),
    ))
    .await
    .is_ok()
}

#[tokio::test]
async fn migrations_go_up_down_and_up_again() {
    let (url, pg, _dir) = fresh_database().await;
    let db = app::server::db::connect_one(&url).await.unwrap();
    Migrator::up(&db, None).await.unwrap();
    assert!(table_count(&db, "units").await);
    let applied = Migrator::get_applied_migrations(&db).await.unwrap().len();
    assert_eq!(applied, Migrator::migrations().len());
    Migrator::down(&db, None).await.unwrap();
    assert!(!table_count(&db, "units").await, "down removes the tables");
    assert!(
        Migrator::get_applied_migrations(&db)
            .await
            .unwrap()
            .is_empty()
    );
    Migrator::up(&db, None).await.unwrap();
    assert!(table_count(&db, "nations").await);
    app::server::seed::demo(&db, chrono::Utc::now())
        .await
        .unwrap();
    db.close().await.unwrap();
    if let Some(pg) = pg {
        pg.drop_async().await;
    }
}

#[tokio::test]
async fn a_migration_failure_stops_start_up_with_a_clear_message() {
    let (url, pg, _dir) = fresh_database().await;
    // a table in the way of the first migration
    let db = app::server::db::connect(&url).await.unwrap();
    db.execute_unprepared("CREATE TABLE nations (x INTEGER)")
        .await
        .unwrap();
    db.close().await.unwrap();
    let config = server::config::Config::for_tests(&url);
    let err = match server::startup::Application::build(&config).await {
        Ok(_) => panic!("start-up must fail"),
        Err(e) => format!("{e:#}"),
    };
    assert!(err.contains("database migration failed"), "{err}");
    if let Some(pg) = pg {
        pg.drop_async().await;
    }
}
