//! The safety plan on paper: the latest plan as a PDF, in full or as a
//! "safe copy" with a neutral title and no case details (no case code,
//! dates, version, notes or declined options), so a printout found by the
//! person causing harm says as little as possible.

use std::sync::Arc;

use cairn_core::{CaseId, PlanDecision};
use cairn_report::pdf::{self, Template};
use cairn_store::Store;
use jiff::Timestamp;
use serde_json::json;

use super::{Destination, Written};
use crate::{AppError, Result, Vault, plan_rules};

pub struct PlanPdfRequest {
    pub case: CaseId,
    pub safe_copy: bool,
    pub destination: Destination,
}

/// The words of the printed plan, in one language; implemented by the i18n
/// crate.
pub trait PlanWording: Send + Sync {
    /// "en" or "es": also picks the language of the options' own texts.
    fn language(&self) -> &'static str;
    /// Why, caution, who can help, note, page, of.
    fn plan_labels(&self) -> serde_json::Value;
    /// "Safety plan, version 2 (date)", or the neutral title of a safe copy.
    fn plan_title(&self, version: Option<(u32, Timestamp)>) -> String;
    fn plan_priorities(&self, priorities: &[String]) -> String;
    fn plan_category(&self, category: &str) -> String;
    fn plan_decision(&self, decision: PlanDecision) -> String;
}

impl<S: Store> Vault<S> {
    /// The latest safety plan of a case as a PDF.
    pub async fn export_plan_pdf(&self, request: PlanPdfRequest, wording: Arc<dyn PlanWording>) -> Result<Written> {
        request.destination.check()?;
        let plans = self.plans(&request.case).await?;
        let latest = plans.last().ok_or(AppError::NoPlan)?;
        let rules = plan_rules()?;
        let (file, text) = cairn_assess::bundled::RESOURCES;
        let resources = cairn_assess::resources::parse_directory(file, text)?;
        let lang = wording.language();
        let safe = request.safe_copy;
        let plan = &latest.value;
        let options: Vec<_> = plan
            .options
            .iter()
            .filter(|choice| !(safe && choice.decision == PlanDecision::Declined))
            .filter_map(|choice| rules.option(&choice.option).map(|option| (choice, option)))
            .map(|(choice, option)| {
                let steps: Vec<_> = option
                    .steps
                    .iter()
                    .map(|s| json!({ "text": s.text.get(lang), "caution": s.caution.as_ref().map(|c| c.get(lang)) }))
                    .collect();
                let helpers: Vec<String> = option
                    .resources
                    .iter()
                    .filter_map(|id| resources.iter().find(|r| &r.id == id))
                    .map(|r| r.one_line())
                    .collect();
                json!({
                    "title": option.title.get(lang),
                    "category": wording.plan_category(&option.category),
                    "decision": if safe { String::new() } else { wording.plan_decision(choice.decision) },
                    "why": option.why.get(lang),
                    "steps": steps,
                    "resources": helpers,
                    "note": if safe { None } else { choice.note.clone() },
                })
            })
            .collect();
        let data = json!({
            "language": lang,
            "labels": wording.plan_labels(),
            "title": wording.plan_title((!safe).then_some((plan.version, latest.recorded_at))),
            "case": if safe { String::new() } else { request.case.to_string() },
            "priorities": if safe || plan.priorities.is_empty() {
                String::new()
            } else {
                wording.plan_priorities(&plan.priorities)
            },
            "options": options,
        });
        let pdf = tokio::task::spawn_blocking(move || pdf::render(Template::SafetyPlan, &data, &[]))
            .await
            .map_err(|e| AppError::Report(e.to_string()))?
            .map_err(|e| AppError::Report(e.to_string()))?;
        let out = request.destination.name();
        request
            .destination
            .write(move |file| std::io::Write::write_all(file, &pdf).map_err(AppError::file(&out)))
            .await
    }
}
