//! The pattern of contact: per person, the numbers a judge asks for and the
//! charts that show them (per day, hour × weekday, days with contact).

use askama::Template;
use axum::extract::{Path, Query};
use cairn_app::PatternRequest;
use cairn_app::core::SubjectId;
use cairn_i18n::{Arg, Tr};
use serde::Deserialize;

use super::{case_id, load_case};
use crate::render::{Layout, Open, PageError, PageResult, page};

/// People shown with charts; the rest are listed by count only.
const CHARTED: usize = 10;

#[derive(Deserialize, Default)]
pub struct Params {
    subject: Option<String>,
    no_contact_from: Option<String>,
    tz: Option<String>,
}

/// One person's block on the page. The SVGs are built by `cairn-report`,
/// which escapes every text it draws.
struct PartyView {
    heading: String,
    counterparts: String,
    facts: Vec<String>,
    per_day: String,
    heatmap: String,
    review_href: Option<String>,
}

#[derive(Template)]
#[template(path = "pattern.html")]
struct PatternPage {
    l: Layout,
    case: String,
    subjects: Vec<(String, String)>,
    subject: String,
    no_contact_from: String,
    tz: String,
    summary: String,
    timeline: String,
    parties: Vec<PartyView>,
    others: Vec<(String, String)>,
}

fn blank(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

pub async fn show(Open { vault, session }: Open, Path(raw): Path<String>, Query(params): Query<Params>) -> PageResult {
    let case = case_id(&session, &raw)?;
    let summary = load_case(&vault, &session, &case).await?;
    let t = Tr(session.lang);
    let invalid = |field: &'static str, value: &str, reason| {
        PageError::app(&session, &cairn_app::core::Invalid::new(field, value, reason).into())
    };
    let no_contact_from = match blank(&params.no_contact_from) {
        Some(d) => Some(
            d.parse::<jiff::civil::Date>()
                .map_err(|_| invalid("when", d, cairn_app::core::Reason::NotADateTime))?,
        ),
        None => None,
    };
    let subject = match blank(&params.subject) {
        Some(s) => Some(
            s.parse::<SubjectId>()
                .map_err(|_| invalid("subject", s, cairn_app::core::Reason::Empty))?,
        ),
        None => None,
    };
    let request = PatternRequest {
        time_zone: blank(&params.tz).map(str::to_owned),
        no_contact_from,
        subject,
    };
    let report = vault
        .pattern(&case, &request)
        .await
        .map_err(|e| PageError::app(&session, &e))?;
    let subjects = vault.subjects(&case).await.map_err(|e| PageError::app(&session, &e))?;
    let id = case.to_string();
    let s = &report.analysis.summary;
    let mut ranked: Vec<_> = report.analysis.parties.iter().collect();
    ranked.sort_by_key(|p| std::cmp::Reverse(p.total));
    let label = |party: u32| {
        report
            .parties
            .iter()
            .find(|x| x.party == party)
            .map(|x| {
                if x.label.is_empty() {
                    t.get("counterpart-withheld")
                } else {
                    x.label.clone()
                }
            })
            .unwrap_or_default()
    };
    let parties = ranked
        .iter()
        .take(CHARTED)
        .map(|p| {
            let name = label(p.party);
            let charts = cairn_i18n::charts::party_charts(t, &format!("p{}", p.party), &name, p, s.no_contact_from);
            let info = report.parties.iter().find(|x| x.party == p.party);
            PartyView {
                heading: name,
                counterparts: info.map(|i| i.counterparts.join(", ")).unwrap_or_default(),
                facts: cairn_i18n::pattern::party_facts(t, p),
                per_day: charts.per_day,
                heatmap: charts.heatmap,
                review_href: (p.review > 0).then(|| {
                    let first = info.and_then(|i| i.subject.as_ref()).map(|s| format!("&subject={s}"));
                    format!("/cases/{id}/messages?review=1{}", first.unwrap_or_default())
                }),
            }
        })
        .collect();
    let others = ranked
        .iter()
        .skip(CHARTED)
        .map(|p| (label(p.party), t.number(u64::from(p.total))))
        .collect();
    let l = Layout::new(&session, "title-pattern", true).in_case(&id, &summary.label, "pattern");
    Ok(page(PatternPage {
        summary: if s.contacts == 0 {
            t.get("pattern-web-none")
        } else {
            t.with(
                "pattern-summary",
                &[
                    ("contacts", Arg::Number(s.contacts as f64)),
                    ("parties", Arg::Number(report.parties.len() as f64)),
                    ("zone", Arg::Text(s.time_zone.clone().unwrap_or_else(|| "UTC".into()))),
                ],
            )
        },
        timeline: cairn_i18n::charts::case_timeline(t, &report, 8).unwrap_or_default(),
        subjects: subjects.iter().map(|s| (s.id.to_string(), s.name.clone())).collect(),
        subject: blank(&params.subject).unwrap_or_default().to_owned(),
        no_contact_from: blank(&params.no_contact_from).unwrap_or_default().to_owned(),
        tz: blank(&params.tz).unwrap_or_default().to_owned(),
        parties,
        others,
        case: id,
        l,
    }))
}
