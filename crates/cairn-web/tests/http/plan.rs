//! The assessments page and the printable safety plan, full and safe copy.

use std::time::Duration;

use crate::common::*;
use cairn_app::PlanRequest;
use cairn_app::assessment::{Instrument, parse_answers};
use cairn_app::core::{CaseId, PlanDecision};
use cairn_i18n::Lang;

type SessionVault = std::sync::Arc<cairn_app::Vault<cairn_app::SqliteStore>>;

/// Records a technology-abuse assessment through the same use case the CLI
/// uses; gives back the browser session's vault, the case and the instruments.
async fn assess_technology_abuse(
    c: &Client,
    state: &cairn_web::AppState,
    case: &str,
) -> (SessionVault, CaseId, Vec<Instrument>) {
    let id = c.cookie.as_deref().and_then(|v| v.strip_prefix("cairn_session="));
    let (session, _) = state.session(id, Lang::En);
    let vault = state.vault_for(&session).await.expect("unlocked");
    let case_id: CaseId = case.parse().unwrap();
    let instruments = cairn_app::instruments(&[]).unwrap();
    let tech = instruments.iter().find(|i| i.id == "technology-abuse").unwrap();
    let answers = parse_answers(
        tech,
        "a.toml",
        "instrument = 'technology-abuse'\nversion = '1.0'\n[answers]\nphysical_access = 'yes'",
    )
    .unwrap();
    vault.take_assessment(&case_id, tech, answers, None).await.unwrap();
    (vault, case_id, instruments)
}

#[tokio::test]
async fn assessments_and_printable_plan() {
    let (mut c, state) = Client::with_idle(Duration::from_secs(900));
    c.setup().await;
    let case = c.new_case("Maria R.").await;
    let empty = c.get(&format!("/cases/{case}/plan")).await;
    assert!(
        empty.body.contains("There is no safety plan in this case yet"),
        "{}",
        empty.body
    );

    // Record an assessment and a plan through the same use cases the CLI uses.
    let (vault, case_id, instruments) = assess_technology_abuse(&c, &state, &case).await;
    let request = PlanRequest {
        priorities: vec!["privacy".into()],
        decisions: [
            ("check_devices".to_owned(), PlanDecision::Adopted),
            ("social_privacy".to_owned(), PlanDecision::Declined),
        ]
        .into(),
        notes: Default::default(),
    };
    vault.build_plan(&case_id, &instruments, &request).await.unwrap();

    let history = c.get(&format!("/cases/{case}/assessments")).await;
    assert!(
        history.body.contains("Technology abuse (conversation guide)") && history.body.contains("Technology concerns"),
        "{}",
        history.body
    );
    assert_security_headers(&history);

    let full = c.get(&format!("/cases/{case}/plan")).await;
    assert!(full.body.contains("Safety plan, version 1"), "{}", full.body);
    assert!(full.body.contains("Maria R."), "the full plan names the case");
    assert!(full.body.contains("Removing monitoring software can alert the abuser"));
    assert!(full.body.contains("Review privacy settings on social media"));
    assert!(!full.body.contains("style="), "no inline styles under the CSP");

    let safe = c.get(&format!("/cases/{case}/plan?safe=1")).await;
    assert!(safe.body.contains("<title>Notes · Cairn</title>"), "{}", safe.body);
    assert!(
        !safe.body.contains("Maria R.") && !safe.body.contains(&case),
        "a safe copy carries no case details: {}",
        safe.body
    );
    assert!(!safe.body.contains("Safety plan, version"), "{}", safe.body);
    assert!(
        !safe.body.contains("Review privacy settings on social media"),
        "declined options stay out"
    );
    assert!(safe.body.contains("Check devices for monitoring"));

    // The same two, as PDF downloads.
    assert!(full.body.contains("href=\"plan.pdf\""), "{}", full.body);
    assert!(safe.body.contains("href=\"plan.pdf?safe=1\""), "{}", safe.body);
    let pdf = c.get(&format!("/cases/{case}/plan.pdf")).await;
    assert_eq!(pdf.status, axum::http::StatusCode::OK);
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    assert_security_headers(&pdf);
    let safe_pdf = c.get(&format!("/cases/{case}/plan.pdf?safe=1")).await;
    assert!(safe_pdf.bytes.starts_with(b"%PDF-"));
    let disposition = safe_pdf.headers.get("content-disposition").unwrap().to_str().unwrap();
    assert_eq!(disposition, "attachment; filename=\"notes.pdf\"", "a neutral file name");
    assert_ne!(pdf.bytes, safe_pdf.bytes);
    c.close().await;
}

#[tokio::test]
async fn the_survivor_decides_the_plan_in_the_browser() {
    let (mut c, state) = Client::with_idle(Duration::from_secs(900));
    c.setup().await;
    let case = c.new_case("Maria R.").await;
    let decide = format!("/cases/{case}/plan/decide");
    let empty = c.get(&decide).await;
    assert!(
        empty.body.contains("What matters most to the survivor"),
        "{}",
        empty.body
    );

    let (vault, case_id, _) = assess_technology_abuse(&c, &state, &case).await;

    let form = c.get(&decide).await;
    assert_security_headers(&form);
    assert!(form.body.contains("name=\"d.check_devices\""), "{}", form.body);
    let done = c
        .submit(
            &decide,
            &decide,
            &[
                ("rank.privacy", "1"),
                ("rank.safety", "2"),
                ("d.check_devices", "adopted"),
                ("n.check_devices", "With the advocate on Tuesday"),
                ("d.social_privacy", "declined"),
            ],
        )
        .await;
    assert_eq!(done.status, axum::http::StatusCode::SEE_OTHER, "{}", done.body);
    let plans = vault.plans(&case_id).await.unwrap();
    let plan = &plans.last().unwrap().value;
    assert_eq!(plan.priorities, ["privacy", "safety"]);
    let check = plan.options.iter().find(|o| o.option == "check_devices").unwrap();
    assert_eq!(check.decision, PlanDecision::Adopted);
    assert_eq!(check.note.as_deref(), Some("With the advocate on Tuesday"));
    let social = plan.options.iter().find(|o| o.option == "social_privacy").unwrap();
    assert_eq!(social.decision, PlanDecision::Declined);

    // The form opens on the last decisions; an unknown option is refused.
    let again = c.get(&decide).await;
    assert!(
        again.body.contains("value=\"With the advocate on Tuesday\""),
        "{}",
        again.body
    );
    let bad = c.submit(&decide, &decide, &[("d.teleport", "adopted")]).await;
    assert_eq!(bad.status, axum::http::StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    c.close().await;
}
