//! The calendar's pages rendered on the server, and the planning form posted without
//! JavaScript: the exercise is saved and the browser sent to it; errors come back to the form.

use app::server::seed::demo_id;
use reqwest::{Method, StatusCode, header};
use serde_json::json;

use crate::helpers::spawn_app;

/// A description that would end its textarea if it were written into the page unescaped.
const DESCRIPTION: &str = "Ends </textarea><i>injected</i> &amp; more";

#[tokio::test]
async fn calendar_pages_render_for_a_signed_in_officer() {
    let app = spawn_app().await;
    let officer = app.login_as("officer.pol").await;
    let (_, list) = app
        .call(&officer, Method::GET, "/api/v1/exercises", None)
        .await;
    let id = list[0]["id"].as_str().unwrap_or_default().to_owned();
    for (path, marker) in [
        ("/exercises".to_owned(), "exercise-table"),
        ("/exercises/month?month=2031-01".to_owned(), "month-grid"),
        ("/exercises/mine".to_owned(), "my-exercises"),
        ("/exercises/timeline?by=unit".to_owned(), "timeline"),
        ("/exercises/new".to_owned(), "exercise-form"),
        ("/exercises/schedule".to_owned(), "schedule-form"),
        ("/exercises/blackouts".to_owned(), "blackout-table"),
        (format!("/exercises/{id}"), "exercise-title"),
        (format!("/exercises/{id}/edit"), "exercise-form"),
    ] {
        let res = officer
            .get(app.url(&path))
            .header(header::ACCEPT_LANGUAGE, "pl")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let html = res.text().await.unwrap();
        assert!(html.contains(marker), "{path} shows {marker}");
    }
    let month_page = |month: String| {
        let request = officer.get(app.url(&format!("/exercises/month?month={month}")));
        async move { request.send().await.unwrap().text().await.unwrap() }
    };
    let html = month_page("2031-01".into()).await;
    assert!(
        html.contains("styczeń 2031"),
        "the month in the officer's language"
    );
    // the month of the first exercise shows it as a chip linking to it
    let start = list[0]["start_at"].as_str().unwrap_or_default();
    let html = month_page(start[..7].to_owned()).await;
    let chip = format!("<a href=\"/exercises/{id}\"");
    assert!(html.contains(&chip), "a chip for {id} in {}", &start[..7]);
    app.stop().await;
}

#[tokio::test]
async fn the_planning_form_works_without_javascript() {
    let app = spawn_app().await;
    let officer = app.login_as("officer.pol").await;
    let unit = demo_id("unit", "POL:11th Transport Company").to_string();
    let base = demo_id("base", "POL:Nowa Dęba Training Ground").to_string();
    let fields = |code: &str, end: &str| {
        vec![
            ("id".to_owned(), String::new()),
            ("form[code]".to_owned(), code.to_owned()),
            ("form[name]".to_owned(), "Form exercise".to_owned()),
            ("form[kind]".to_owned(), "FTX".to_owned()),
            ("form[status]".to_owned(), "planned".to_owned()),
            ("form[host_base_id]".to_owned(), base.clone()),
            (
                "form[start_local]".to_owned(),
                "2031-10-01T08:00".to_owned(),
            ),
            ("form[end_local]".to_owned(), end.to_owned()),
            ("form[unit_1]".to_owned(), unit.clone()),
            ("form[headcount_1]".to_owned(), "90".to_owned()),
            ("form[participants]".to_owned(), "trainee.pol".to_owned()),
            ("form[releasable_to]".to_owned(), "POL, DEU".to_owned()),
            ("form[loc_land]".to_owned(), "on".to_owned()),
            ("form[objectives]".to_owned(), "One\nTwo".to_owned()),
            ("form[description]".to_owned(), DESCRIPTION.to_owned()),
        ]
    };
    let res = officer
        .post(app.url("/api/exercises/save"))
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, app.url("/exercises/new"))
        .form(&fields("FORM-1", "2031-10-03T17:00"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert!(location.starts_with("/exercises/"), "{location}");
    let id = location.trim_start_matches("/exercises/").to_owned();
    let (s, e) = app
        .call(
            &officer,
            Method::GET,
            &format!("/api/v1/exercises/{id}"),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(e["code"], "FORM-1");
    assert_eq!(e["start_at"], "2031-10-01T06:00:00Z", "Warsaw summer time");
    assert_eq!(e["units"][0]["headcount"], 90);
    assert_eq!(e["participants"][0]["username"], "trainee.pol");
    assert_eq!(e["releasable_to"].as_array().map(Vec::len), Some(2));
    assert_eq!(e["objectives"].as_array().map(Vec::len), Some(2));
    assert_eq!(e["lines_of_communication"], json!(["land"]));
    assert_eq!(e["description"], DESCRIPTION);

    // the saved text comes back into its textarea as text: it cannot end the element, and an
    // entity stays as typed
    let edit = app.page(&officer, &format!("/exercises/{id}/edit")).await;
    assert!(!edit.contains("<i>injected</i>"), "no markup from the text");
    assert!(
        edit.contains("Ends &lt;/textarea&gt;&lt;i&gt;injected&lt;/i&gt; &amp;amp; more"),
        "the text, escaped"
    );

    // a bad end comes back to the form with the error for the page
    let res = officer
        .post(app.url("/api/exercises/save"))
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, app.url("/exercises/new"))
        .form(&fields("FORM-2", "2031-09-01T08:00"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert!(location.contains("__err="), "{location}");
    let url = if location.starts_with("http") {
        location.clone()
    } else {
        app.url(&location)
    };
    let page = officer
        .get(url)
        .header(header::ACCEPT_LANGUAGE, "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("error-end_at"), "the field error is shown");
    assert!(
        page.contains("value=\"FORM-2\"") && page.contains("value=\"2031-09-01T08:00\""),
        "what was typed is shown again"
    );
    let (_, list) = app
        .call(
            &officer,
            Method::GET,
            "/api/v1/exercises?from=2031-01-01&to=2032-01-01",
            None,
        )
        .await;
    assert_eq!(
        list.as_array().map(Vec::len),
        Some(1),
        "nothing else written"
    );
    app.stop().await;
}
