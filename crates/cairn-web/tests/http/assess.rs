//! Taking an assessment in the browser: every question on one page, repeated
//! parts for each account, answers checked like an answers file, the result
//! recorded and shown in the history; a bad answer names its question.

use crate::common::*;
use axum::http::StatusCode;

#[tokio::test]
async fn an_assessment_taken_in_the_browser_is_scored_and_recorded() {
    let mut c = Client::new();
    c.setup().await;
    let case = c.new_case("Maria R.").await;
    let list = c.get(&format!("/cases/{case}/assessments")).await;
    assert!(
        list.body
            .contains(&format!("href=\"/cases/{case}/assessments/technology-abuse\"")),
        "{}",
        list.body
    );

    let page = format!("/cases/{case}/assessments/technology-abuse?repeat=2");
    let form = c.get(&page).await;
    assert_security_headers(&form);
    assert!(form.body.contains("name=\"a.physical_access\""), "{}", form.body);
    assert!(
        form.body.contains("name=\"a.account.1\""),
        "two accounts: {}",
        form.body
    );
    assert!(form.body.contains("name=\"a.devices_at_home\" value=\"cameras\""));

    let action = format!("/cases/{case}/assessments/technology-abuse");
    let bad = c
        .submit(&page, &action, &[("repeats", "2"), ("a.devices_at_home", "rocket")])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Which of these are in your home?"), "{}", bad.body);

    let empty = c.submit(&page, &action, &[("repeats", "2")]).await;
    assert_eq!(
        empty.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "nothing answered, nothing recorded"
    );

    let done = c
        .submit(
            &page,
            &action,
            &[
                ("repeats", "2"),
                ("a.physical_access", "yes"),
                ("n.physical_access", "He kept her phone for a night last week."),
                ("s.physical_access", "survivor"),
                ("a.devices_at_home", "cameras"),
                ("a.devices_at_home", "smart_lock"),
                ("a.account.0", "Gmail"),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location(), format!("/cases/{case}/assessments"));
    let history = c.get(done.location()).await;
    assert!(
        history.body.contains("Technology abuse (conversation guide)"),
        "{}",
        history.body
    );

    // An override must raise the level and say why.
    let no_reason = c
        .submit(
            &page,
            &action,
            &[("repeats", "1"), ("a.physical_access", "no"), ("raise_to", "serious")],
        )
        .await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", no_reason.body);
    c.close().await;
}
