//! The case overview: counts and the filterable, paginated timeline.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query};
use cairn_app::core::{Channel, Named, Slii, SubjectId};
use cairn_app::{TimelineEntry, TimelineKind, TimelineQuery};
use cairn_i18n::Tr;
use serde::Deserialize;

use super::{case_id, load_case};
use crate::render::{Layout, Open, PageError, PageResult, page};

pub const PAGE_SIZE: u32 = 50;

/// The filter and cursor as they appear in the URL; every field optional so
/// that a hand-edited URL gives an error page, not a rejection.
#[derive(Debug, Default, Deserialize, Clone)]
pub struct TimelineParams {
    pub subject: Option<String>,
    pub channel: Option<String>,
    pub category: Option<String>,
    pub kind: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// `sort_key|id` of the last entry of the previous page.
    pub after: Option<String>,
}

fn blank(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl TimelineParams {
    /// Validates the parameters into a store query.
    pub fn query(&self) -> Result<TimelineQuery, cairn_app::AppError> {
        let invalid = |field: &'static str, value: &str| {
            cairn_app::core::Invalid::new(field, value, cairn_app::core::Reason::NotADateTime)
        };
        let date = |field: &'static str, v: Option<&str>| -> Result<Option<jiff::civil::Date>, cairn_app::AppError> {
            v.map(|d| d.parse().map_err(|_| invalid(field, d).into())).transpose()
        };
        Ok(TimelineQuery {
            subject: blank(&self.subject)
                .map(|s| s.parse::<SubjectId>())
                .transpose()
                .map_err(|e| cairn_app::core::Invalid::new("subject", e.value, cairn_app::core::Reason::Empty))?,
            channel: blank(&self.channel).map(|c| c.parse::<Channel>()).transpose()?,
            category: blank(&self.category).map(|c| c.parse::<Slii>()).transpose()?,
            kind: match blank(&self.kind) {
                Some("incident") => Some(TimelineKind::Incident),
                Some("evidence") => Some(TimelineKind::Evidence),
                _ => None,
            },
            from: date("from", blank(&self.from))?,
            to: date("to", blank(&self.to))?,
            after: blank(&self.after)
                .and_then(|a| a.split_once('|'))
                .map(|(k, i)| (k.to_owned(), i.to_owned())),
            limit: PAGE_SIZE,
        })
    }

    /// The URL of this filter, optionally continuing after an entry.
    pub fn href(&self, case: &str, after: Option<&TimelineEntry>) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (name, value) in [
            ("subject", &self.subject),
            ("channel", &self.channel),
            ("category", &self.category),
            ("kind", &self.kind),
            ("from", &self.from),
            ("to", &self.to),
        ] {
            if let Some(v) = blank(value) {
                query.append_pair(name, v);
            }
        }
        if let Some(entry) = after {
            query.append_pair("after", &format!("{}|{}", entry.sort_key, entry.id));
        }
        let query = query.finish();
        if query.is_empty() {
            format!("/cases/{case}")
        } else {
            format!("/cases/{case}?{query}")
        }
    }
}

pub struct EntryView {
    pub when: String,
    pub kind: &'static str,
    pub kind_label: String,
    pub href: String,
    pub title: String,
    pub channel: Option<String>,
    pub subject: Option<String>,
    pub categories: Vec<String>,
}

fn entry_view(t: Tr, case: &str, e: &TimelineEntry, names: &HashMap<String, String>) -> EntryView {
    let (kind, path) = match e.kind {
        TimelineKind::Incident => ("incident", "incidents"),
        TimelineKind::Evidence => ("evidence", "evidence"),
    };
    // Evidence is placed by its acquisition time, kept in UTC: show it in
    // this computer's zone like every other timestamp.
    let when = match e.kind {
        TimelineKind::Evidence => e
            .sort_key
            .parse::<jiff::civil::DateTime>()
            .ok()
            .and_then(|dt| dt.to_zoned(jiff::tz::TimeZone::UTC).ok())
            .map(|z| t.timestamp(z.timestamp()))
            .unwrap_or_else(|| t.sort_key(&e.sort_key)),
        TimelineKind::Incident => t.sort_key(&e.sort_key),
    };
    EntryView {
        when,
        kind,
        kind_label: t.get(&format!("kind-{kind}")),
        href: format!("/cases/{case}/{path}/{}", e.id),
        title: if e.title.trim().is_empty() {
            e.id.clone()
        } else {
            e.title.clone()
        },
        channel: e.channel.map(|c| t.get(&format!("channel-{}", c.name()))),
        subject: e.subject.as_ref().and_then(|s| names.get(s.as_str()).cloned()),
        categories: e
            .categories
            .iter()
            .map(|c| t.get(&format!("slii-{}", c.name())))
            .collect(),
    }
}

/// `(value, label, selected)` triples for a `<select>`.
type Options = Vec<(String, String, bool)>;

fn vocabulary<T: Named + PartialEq>(t: Tr, prefix: &str, selected: Option<&str>) -> Options {
    T::ALL
        .iter()
        .map(|(name, _)| {
            (
                name.to_string(),
                t.get(&format!("{prefix}-{name}")),
                selected == Some(*name),
            )
        })
        .collect()
}

#[derive(Template)]
#[template(path = "case.html")]
struct CasePage {
    l: Layout,
    summary: cairn_app::CaseSummary,
    subjects: Options,
    channels: Options,
    categories: Options,
    kinds: Options,
    from: String,
    to: String,
    entries: Vec<EntryView>,
    older_link: Option<String>,
    newest_link: Option<String>,
}

pub async fn show(open: Open, Path(case): Path<String>, Query(params): Query<TimelineParams>) -> PageResult {
    let Open { vault, session } = open;
    let case = case_id(&session, &case)?;
    let summary = load_case(&vault, &session, &case).await?;
    let query = params.query().map_err(|e| PageError::app(&session, &e))?;
    let entries = vault
        .timeline(&case, &query)
        .await
        .map_err(|e| PageError::app(&session, &e))?;
    let subjects = vault.subjects(&case).await.map_err(|e| PageError::app(&session, &e))?;
    let t = Tr(session.lang);
    let names: HashMap<String, String> = subjects.iter().map(|s| (s.id.to_string(), s.name.clone())).collect();
    let selected_subject = blank(&params.subject);
    let id = case.to_string();
    let older_link = (entries.len() as u32 == PAGE_SIZE).then(|| params.href(&id, entries.last()));
    let newest_link = query.after.is_some().then(|| params.href(&id, None));
    let mut l = Layout::new(&session, "title-case", true).in_case(&id, &summary.label, "timeline");
    l.title = summary.label.clone();
    Ok(page(CasePage {
        subjects: subjects
            .iter()
            .map(|s| {
                (
                    s.id.to_string(),
                    s.name.clone(),
                    selected_subject == Some(s.id.as_str()),
                )
            })
            .collect(),
        channels: vocabulary::<Channel>(t, "channel", blank(&params.channel)),
        categories: vocabulary::<Slii>(t, "slii", blank(&params.category)),
        kinds: ["incident", "evidence"]
            .iter()
            .map(|k| {
                (
                    k.to_string(),
                    t.get(&format!("kind-{k}")),
                    blank(&params.kind) == Some(*k),
                )
            })
            .collect(),
        from: blank(&params.from).unwrap_or_default().to_owned(),
        to: blank(&params.to).unwrap_or_default().to_owned(),
        entries: entries.iter().map(|e| entry_view(t, &id, e, &names)).collect(),
        older_link,
        newest_link,
        summary,
        l,
    }))
}
