//! Identity: sign-in, sessions, lockout, rate limit, CSRF, cookies, passwords, tokens, headers.

use app::server::{seed::demo_id, services::users::LOCKOUT_AFTER};
use reqwest::{Method, StatusCode, header};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::json;

use crate::helpers::{PASSWORD, client, spawn_app, spawn_app_with};

#[tokio::test]
async fn unknown_user_and_wrong_password_fail_identically() {
    let app = spawn_app().await;
    let c = client();
    let unknown = app.login(&c, "no.such.person", PASSWORD).await;
    let (s1, h1, b1) = (
        unknown.status(),
        unknown.headers().get(header::SET_COOKIE).is_some(),
        unknown.text().await.unwrap(),
    );
    let wrong = app.login(&c, "trainee.pol", "not the right password").await;
    let (s2, h2, b2) = (
        wrong.status(),
        wrong.headers().get(header::SET_COOKIE).is_some(),
        wrong.text().await.unwrap(),
    );
    assert_eq!(s1, StatusCode::UNAUTHORIZED);
    assert_eq!(
        (s1, h1, &b1),
        (s2, h2, &b2),
        "same status, no cookie, same body"
    );
    assert_eq!(b1, r#"{"code":"invalid_credentials"}"#);
    let ok = app.login(&c, "TRAINEE.POL", PASSWORD).await;
    assert_eq!(
        ok.status(),
        StatusCode::OK,
        "usernames are case-insensitive"
    );
    let me: serde_json::Value = ok.json().await.unwrap();
    assert_eq!(me["username"], "trainee.pol");
    assert_eq!(me["roles"][0]["role"], "trainee");
    app.stop().await;
}

#[tokio::test]
async fn repeated_failures_lock_the_account_for_a_while_and_are_audited() {
    let app = spawn_app().await;
    let c = client();
    for _ in 0..LOCKOUT_AFTER {
        assert_eq!(
            app.login(&c, "mentor.deu", "wrong wrong wrong")
                .await
                .status(),
            StatusCode::UNAUTHORIZED
        );
    }
    let locked = app.login(&c, "mentor.deu", PASSWORD).await;
    assert_eq!(
        locked.status(),
        StatusCode::UNAUTHORIZED,
        "the right password is refused while locked"
    );
    assert_eq!(
        locked.text().await.unwrap(),
        r#"{"code":"invalid_credentials"}"#,
        "and says nothing more"
    );
    let db = &app.state.db;
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT action FROM audit_log ORDER BY seq",
        ))
        .await
        .unwrap();
    let actions: Vec<String> = rows
        .iter()
        .map(|r| r.try_get::<String>("", "action").unwrap())
        .collect();
    assert_eq!(
        actions.iter().filter(|a| *a == "auth.login_failed").count(),
        LOCKOUT_AFTER as usize + 1
    );
    assert_eq!(actions.iter().filter(|a| *a == "auth.lockout").count(), 1);
    // an administrator's reset lifts the lock
    let admin = app.login_as("admin").await;
    let id = demo_id("user", "mentor.deu");
    let (s, _) = app
        .call(
            &admin,
            Method::POST,
            &format!("/api/v1/users/{id}/password-reset"),
            Some(json!({ "password": "a brand new temporary one" })),
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    assert_eq!(
        app.login(&c, "mentor.deu", "a brand new temporary one")
            .await
            .status(),
        StatusCode::OK
    );
    app.stop().await;
}

#[tokio::test]
async fn the_login_rate_limit_answers_429() {
    let app = spawn_app_with(|c| {
        c.login_burst = 3;
        c.login_per_minute = 1;
    })
    .await;
    let c = client();
    let mut statuses = vec![];
    for _ in 0..5 {
        statuses.push(
            app.login(&c, "nobody.here", "whatever whatever")
                .await
                .status(),
        );
    }
    assert_eq!(&statuses[..3], &[StatusCode::UNAUTHORIZED; 3]);
    assert_eq!(&statuses[3..], &[StatusCode::TOO_MANY_REQUESTS; 2]);
    let res = app.login(&c, "nobody.here", "whatever").await;
    assert_eq!(res.headers()[header::RETRY_AFTER], "60");
    assert_eq!(res.text().await.unwrap(), r#"{"code":"rate_limited"}"#);
    app.stop().await;
}

#[tokio::test]
async fn a_cross_site_post_is_refused() {
    let app = spawn_app().await;
    for path in [
        "/api/v1/auth/login",
        "/lang",
        "/api/auth/login",
        "/api/v1/tokens",
    ] {
        let res = app
            .client
            .post(app.url(path))
            .header(header::ORIGIN, "https://evil.example")
            .header(header::CONTENT_TYPE, "application/json")
            .body(json!({ "username": "admin", "password": PASSWORD }).to_string())
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{path}");
        let res = app
            .client
            .post(app.url(path))
            .header("sec-fetch-site", "cross-site")
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.status(),
            StatusCode::FORBIDDEN,
            "{path} with Sec-Fetch-Site"
        );
    }
    // the same request from our own origin goes through
    let own = app.base.clone();
    let res = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header(header::ORIGIN, own)
        .json(&json!({ "username": "admin", "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    app.stop().await;
}

fn session_cookie(res: &reqwest::Response) -> String {
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("muster_session="))
        .unwrap_or_else(|| panic!("a session cookie"))
        .to_owned()
}

#[tokio::test]
async fn session_cookies_are_http_only_lax_and_secure_in_production() {
    let app = spawn_app().await;
    let res = app.login(&client(), "admin", PASSWORD).await;
    let cookie = session_cookie(&res);
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http in development");
    app.stop().await;
    let prod = spawn_app_with(|c| c.production = true).await;
    let res = prod.login(&client(), "admin", PASSWORD).await;
    assert!(session_cookie(&res).contains("; Secure"));
    assert!(
        res.headers()
            .get(header::STRICT_TRANSPORT_SECURITY)
            .is_some(),
        "HSTS in production"
    );
    prod.stop().await;
}

#[tokio::test]
async fn the_session_id_changes_at_login_and_the_old_one_dies() {
    let app = spawn_app().await;
    let first = app.login(&client(), "trainee.fra", PASSWORD).await;
    let old = session_cookie(&first);
    let old_value = old.split(';').next().unwrap().to_owned();
    let res = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header(header::COOKIE, &old_value)
        .json(&json!({ "username": "trainee.fra", "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    let new = session_cookie(&res);
    assert_ne!(old_value, new.split(';').next().unwrap());
    let me = app
        .client
        .get(app.url("/api/v1/me"))
        .header(header::COOKIE, &old_value)
        .send()
        .await
        .unwrap();
    assert_eq!(
        me.status(),
        StatusCode::UNAUTHORIZED,
        "the session presented at sign-in ended"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_session_from_one_instance_is_valid_on_another_sharing_the_database() {
    let app = spawn_app().await;
    let c = app.login_as("commander.pol").await;
    let (second, handle) = app.second_instance().await;
    let res = c.get(format!("{second}/api/v1/me")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let me: serde_json::Value = res.json().await.unwrap();
    assert_eq!(me["username"], "commander.pol");
    // and a logout on the second ends it on the first
    assert_eq!(
        c.post(format!("{second}/api/v1/auth/logout"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        c.get(app.url("/api/v1/me")).send().await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    handle.abort();
    app.stop().await;
}

#[tokio::test]
async fn changing_the_password_ends_the_other_sessions() {
    let app = spawn_app().await;
    let laptop = app.login_as("officer.fra").await;
    let phone = app.login_as("officer.fra").await;
    let res = laptop
        .post(app.url("/api/auth/password"))
        .form(&[
            ("current", PASSWORD),
            ("new", "an entirely new passphrase"),
            ("confirm", "an entirely new passphrase"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap_or_default()
    );
    assert_eq!(
        phone
            .get(app.url("/api/v1/me"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        laptop
            .get(app.url("/api/v1/me"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK,
        "the changing browser keeps a fresh session"
    );
    assert_eq!(
        app.login(&client(), "officer.fra", PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.login(&client(), "officer.fra", "an entirely new passphrase")
            .await
            .status(),
        StatusCode::OK
    );
    // a wrong current password or a short new one is refused with field codes, nothing changes
    let res = laptop
        .post(app.url("/api/auth/password"))
        .form(&[("current", "wrong"), ("new", "short"), ("confirm", "short")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "bad input is never a 500"
    );
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["code"], "validation");
    assert_eq!(body["detail"][0]["code"], "password-too-short");
    app.stop().await;
}

#[tokio::test]
async fn stored_passwords_are_argon2id_with_owasp_parameters() {
    let app = spawn_app().await;
    let admin = app.login_as("admin").await;
    let (s, user) = app
        .call(
            &admin,
            Method::POST,
            "/api/v1/users",
            Some(json!({
                "username": "new.person", "display_name": "New Person", "email": "new@example.mil",
                "nation_id": demo_id("nation", "NOR"), "unit_id": null, "rank": "OR-3",
                "preferred_locale": "en", "roles": [{"role": "trainee", "alliance": false}],
                "password": "initial password 1"
            })),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{user}");
    let db = &app.state.db;
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT password_hash FROM users WHERE username = 'new.person'",
        ))
        .await
        .unwrap()
        .unwrap();
    let hash: String = row.try_get("", "password_hash").unwrap();
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
    // a new person must change the initial password before doing anything else
    let c = client();
    assert_eq!(
        app.login(&c, "new.person", "initial password 1")
            .await
            .status(),
        StatusCode::OK
    );
    let (s, body) = app.call(&c, Method::GET, "/api/v1/nations", None).await;
    assert_eq!(
        (s, body["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("password_change_required"))
    );
    app.stop().await;
}

#[tokio::test]
async fn personal_tokens_authenticate_until_revoked() {
    let app = spawn_app().await;
    let c = app.login_as("officer.deu").await;
    let (s, t) = app
        .call(
            &c,
            Method::POST,
            "/api/v1/tokens",
            Some(json!({ "name": "SAP bridge" })),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let token = t["token"].as_str().unwrap().to_owned();
    assert!(token.starts_with("mst_") && token.len() == 68);
    let bearer = |path: &str| app.client.get(app.url(path)).bearer_auth(&token);
    let res = bearer("/api/v1/me").send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap()["username"],
        "officer.deu"
    );
    let (_, list) = app.call(&c, Method::GET, "/api/v1/tokens", None).await;
    assert!(list[0].get("token").is_none(), "the secret is never listed");
    let id = t["id"].as_str().unwrap();
    let (s, _) = app
        .call(&c, Method::DELETE, &format!("/api/v1/tokens/{id}"), None)
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    assert_eq!(
        bearer("/api/v1/me").send().await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    // a bearer token is not accepted outside the API
    let db = &app.state.db;
    let stored = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT token_hash FROM api_tokens",
        ))
        .await
        .unwrap()
        .unwrap();
    let stored: String = stored.try_get("", "token_hash").unwrap();
    assert_ne!(stored, token, "only a hash is stored");
    app.stop().await;
}

#[tokio::test]
async fn pages_carry_security_headers_and_a_matching_script_nonce() {
    let app = spawn_app().await;
    let res = app.get("/").await;
    let h = res.headers().clone();
    let csp = h[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"),
        "{csp}"
    );
    assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(h[header::REFERRER_POLICY], "same-origin");
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|s| s.split('\'').next())
        .unwrap()
        .to_owned();
    let html = res.text().await.unwrap();
    assert!(
        html.contains(&format!(r#"nonce="{nonce}""#)),
        "inline scripts carry the nonce"
    );
    let again = app.get("/").await;
    assert!(
        !again.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .contains(&nonce),
        "a nonce per response"
    );
    app.stop().await;
}

#[tokio::test]
async fn signing_in_through_the_page_form_works_without_javascript() {
    let app = spawn_app().await;
    let res = app
        .client
        .post(app.url("/api/auth/login"))
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, app.url("/login?next=/account"))
        .form(&[
            ("username", "trainee.esp"),
            ("password", PASSWORD),
            ("next", "/account"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    assert_eq!(res.headers()[header::LOCATION], "/account");
    let html = app.get("/account").await.text().await.unwrap();
    assert!(
        html.contains("Soldado Marta López"),
        "the account page shows the person"
    );
    assert!(
        html.contains(r#"<html lang="es""#),
        "their stored language wins"
    );
    // a wrong password comes back to the form with the error encoded for the page
    let res = app
        .client
        .post(app.url("/api/auth/login"))
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, app.url("/login"))
        .form(&[
            ("username", "trainee.esp"),
            ("password", "nope nope nope"),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert!(
        location.contains("/login") && location.contains("__err="),
        "{location}"
    );
    let page = app
        .client
        .get(&location)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Nombre de usuario o contraseña incorrectos."),
        "the error in the person's language"
    );
    app.stop().await;
}

#[tokio::test]
async fn page_server_functions_answer_errors_with_their_proper_status() {
    let app = spawn_app().await;
    let anonymous = client();
    let res = anonymous
        .post(app.url("/api/admin/users"))
        .form(&[("query", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let trainee = app.login_as("trainee.ukr").await;
    let res = trainee
        .post(app.url("/api/admin/org"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let admin = app.login_as("admin").await;
    let res = admin
        .post(app.url("/api/admin/bases/create"))
        .form(&[
            ("form[nation_id]", "nonsense"),
            ("form[name]", "B"),
            ("form[time_zone]", "Europe/Oslo"),
            ("form[capacity]", "lots"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(
        body["detail"][0],
        json!({"field": "nation_id", "code": "unknown"})
    );
    assert_eq!(
        body["detail"][1],
        json!({"field": "capacity", "code": "number"})
    );
    app.stop().await;
}
