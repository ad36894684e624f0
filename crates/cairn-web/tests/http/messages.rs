//! What imports put in a case, in the web app: the messages page, the
//! counterparts page and assigning a counterpart to a subject.

use crate::common::import::*;
use crate::common::*;
use axum::http::StatusCode;

#[tokio::test]
async fn messages_are_listed_escaped_filtered_and_paged() {
    let mut c = Client::new();
    c.setup().await;
    let case = c.new_case("Messages").await;
    let reply = import(
        &mut c,
        &case,
        &[("kind", "sms_backup")],
        "backup.xml",
        &fixture("sms/backup.xml"),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);

    let page = c.get(&format!("/cases/{case}/messages")).await;
    assert_eq!(page.status, StatusCode::OK);
    let body = &page.body;
    assert!(
        body.contains("Call me back &#38; we can talk") && !body.contains("Call me back & we"),
        "bodies are HTML-escaped: {body}"
    );
    assert!(body.contains("Where are you? I saw your car at the gym 😠"), "{body}");
    assert!(body.contains("IMG_0412.png"), "attachment names are shown");
    assert!(body.contains("Mar 9, 2024") || body.contains("Mar 8, 2024"), "{body}");
    assert!(body.contains("Alex Rivera"));
    assert!(
        body.find("Where are you?").unwrap() < body.find("Sending this again.").unwrap(),
        "oldest first"
    );
    assert!(
        c.get(&format!("/cases/{case}"))
            .await
            .body
            .contains(&format!("/cases/{case}/messages\"")),
        "the case navigation links the messages"
    );

    // Only those the review word list flagged, each marked for every reader.
    let review = c.get(&format!("/cases/{case}/messages?review=1")).await;
    let flagged = review.body.matches("<tr class=\"review\">").count();
    assert_eq!(flagged, review.body.matches("<tr").count() - 1, "{}", review.body);
    assert_eq!(flagged, review.body.matches("Flagged for review:").count());
    assert_eq!(flagged, body.matches("<tr class=\"review\">").count());
    let later = c.get(&format!("/cases/{case}/messages?from=2030-01-01")).await;
    assert!(later.body.contains("No messages or calls match."));
    let bad = c.get(&format!("/cases/{case}/messages?from=someday")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("someday"), "{}", bad.body);

    // The API pages by the same keyset cursor.
    let mut bodies = Vec::new();
    let mut uri = format!("/api/cases/{case}/messages?limit=5");
    loop {
        let page = api(&mut c, &uri).await;
        let batch = page["messages"].as_array().unwrap();
        assert!(batch.len() <= 5);
        bodies.extend(batch.iter().map(|m| m["body"].as_str().unwrap_or("").to_owned()));
        match page["next"].as_str() {
            Some(next) => uri = format!("/api/cases/{case}/messages?limit=5&after={next}"),
            None => break,
        }
    }
    assert_eq!(bodies.len(), 12, "{bodies:?}");
    assert_eq!(bodies.last().unwrap(), "Sending this again.");
    let bad_limit = c.get(&format!("/api/cases/{case}/messages?limit=0")).await;
    assert_eq!(bad_limit.status, StatusCode::UNPROCESSABLE_ENTITY);
    c.close().await;
}

#[tokio::test]
async fn a_counterpart_is_assigned_to_a_subject() {
    let mut c = Client::new();
    c.setup().await;
    let case = c.new_case("Assign").await;
    import(
        &mut c,
        &case,
        &[("kind", "sms_backup")],
        "backup.xml",
        &fixture("sms/backup.xml"),
    )
    .await;
    let added = c
        .submit(
            &format!("/cases/{case}/subjects"),
            &format!("/cases/{case}/subjects"),
            &[("name", "A. R."), ("relationship", "former_partner")],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    let subject = api(&mut c, &format!("/api/cases/{case}/subjects")).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let counterparts = api(&mut c, &format!("/api/cases/{case}/counterparts")).await;
    let alex = counterparts
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["value"] == "+14155550142")
        .unwrap_or_else(|| panic!("{counterparts}"));
    let id = alex["id"].as_u64().unwrap().to_string();

    let page = format!("/cases/{case}/counterparts");
    let list = c.get(&page).await;
    assert!(
        list.body.contains("+14155550142") && list.body.contains(&format!("id=\"assign-{id}\"")),
        "{}",
        list.body
    );
    let assign = format!("/cases/{case}/counterparts/assign");
    let done = c
        .submit(&page, &assign, &[("counterpart", &id), ("subject", &subject)])
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location(), format!("/cases/{case}/counterparts?assigned={id}"));
    let shown = c.get(done.location()).await;
    assert!(
        shown.body.contains("+14155550142 is now one of A. R.") && !shown.body.contains(&format!("id=\"assign-{id}\"")),
        "{}",
        shown.body
    );
    let theirs = c.get(&format!("/cases/{case}/messages?subject={subject}")).await;
    assert_eq!(theirs.body.matches("<tr").count() - 1, 8, "{}", theirs.body);
    let subjects = api(&mut c, &format!("/api/cases/{case}/subjects")).await;
    assert!(subjects.to_string().contains("+14155550142"), "{subjects}");

    let missing = c
        .submit(&page, &assign, &[("counterpart", "9999"), ("subject", &subject)])
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let no_subject = c.submit(&page, &assign, &[("counterpart", &id), ("subject", "")]).await;
    assert_eq!(no_subject.status, StatusCode::UNPROCESSABLE_ENTITY);
    let no_token = c
        .post_form(&assign, &[("counterpart", &id), ("subject", &subject)])
        .await;
    assert_eq!(no_token.status, StatusCode::FORBIDDEN);
    c.close().await;
}

#[tokio::test]
async fn import_pages_are_in_spanish_too() {
    let mut c = Client::new();
    c.setup().await;
    let case = c.new_case("Es").await;
    c.submit("/cases", "/lang", &[("lang", "es")]).await;
    let form = c.get(&format!("/cases/{case}/import")).await;
    assert!(
        form.body.contains("Importar el archivo") && form.body.contains("Solo para chats de WhatsApp"),
        "{}",
        form.body
    );
    let reply = import(
        &mut c,
        &case,
        &[("kind", "sms_backup")],
        "backup.xml",
        &fixture("sms/backup.xml"),
    )
    .await;
    assert!(
        reply.body.contains("Importado: copia de SMS") && reply.body.contains("Registros que no se pudieron leer"),
        "{}",
        reply.body
    );
    let messages = c.get(&format!("/cases/{case}/messages")).await;
    assert!(messages.body.contains("Mensajes y llamadas") && messages.body.contains("9 mar 2024"));
    let counterparts = c.get(&format!("/cases/{case}/counterparts")).await;
    assert!(counterparts.body.contains("Números y nombres en las importaciones"));
    c.close().await;
}
