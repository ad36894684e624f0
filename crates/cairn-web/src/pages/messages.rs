//! The case's imported messages and calls, oldest first, a page at a time.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use cairn_app::core::{Named, SubjectId};
use cairn_app::{CommQuery, CommunicationRecord, Counterpart};
use cairn_i18n::Tr;
use serde::Deserialize;

use super::{case_id, load_case};
use crate::render::{Layout, Open, PageError, PageResult, page};

pub const PAGE_SIZE: u32 = 100;

/// The filter and cursor as they appear in the URL. Every field is text so
/// that a hand-edited URL gets a page saying what is wrong, not a rejection.
#[derive(Debug, Default, Deserialize, Clone)]
pub struct MessagesParams {
    /// A counterpart's id.
    pub counterpart: Option<String>,
    /// A subject's id: every counterpart matched to them.
    pub subject: Option<String>,
    /// Present (any value but empty) for only those flagged for review.
    pub review: Option<String>,
    /// `YYYY-MM-DD`, in this computer's time zone like every time shown.
    pub from: Option<String>,
    pub to: Option<String>,
    /// `at_ms.row` of the last one of the previous page.
    pub after: Option<String>,
    /// Page size for the API (the page always shows `PAGE_SIZE`).
    pub limit: Option<String>,
}

fn blank(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// The start of a local day, in milliseconds since the epoch.
fn day_start(date: jiff::civil::Date) -> Option<i64> {
    date.to_zoned(jiff::tz::TimeZone::system())
        .ok()
        .map(|z| z.timestamp().as_millisecond())
}

impl MessagesParams {
    /// The store query; `Err` names the value that could not be read.
    pub fn query(&self, counterparts: &[Counterpart], limit: u32) -> Result<CommQuery, String> {
        let date = |v: Option<&str>| -> Result<Option<jiff::civil::Date>, String> {
            v.map(|d| d.parse().map_err(|_| d.to_owned())).transpose()
        };
        let from = date(blank(&self.from))?;
        let to = date(blank(&self.to))?;
        let mut query = CommQuery {
            review_only: blank(&self.review).is_some(),
            limit,
            from_ms: from.and_then(day_start),
            // Up to and including the last day.
            to_ms: to.and_then(|d| d.tomorrow().ok()).and_then(day_start),
            ..CommQuery::default()
        };
        let mut wanted: Option<Vec<u32>> = None;
        if let Some(raw) = blank(&self.subject) {
            let subject: SubjectId = raw.parse().map_err(|_| raw.to_owned())?;
            wanted = Some(
                counterparts
                    .iter()
                    .filter(|c| c.subject.as_ref() == Some(&subject))
                    .map(|c| c.id)
                    .collect(),
            );
        }
        if let Some(raw) = blank(&self.counterpart) {
            let id: u32 = raw.parse().map_err(|_| raw.to_owned())?;
            wanted = Some(match wanted {
                Some(ids) => ids.into_iter().filter(|i| *i == id).collect(),
                None => vec![id],
            });
        }
        if let Some(ids) = wanted {
            // No id is 0: an empty choice must show nothing, not everything.
            query.counterparts = if ids.is_empty() { vec![0] } else { ids };
        }
        if let Some(raw) = blank(&self.after) {
            let cursor = raw
                .split_once('.')
                .and_then(|(at, row)| Some((at.parse().ok()?, row.parse().ok()?)));
            query.after = Some(cursor.ok_or_else(|| raw.to_owned())?);
        }
        Ok(query)
    }

    /// The API's page size: `limit` if given (1 to 1000), else `PAGE_SIZE`.
    pub fn limit(&self) -> Result<u32, String> {
        match blank(&self.limit) {
            Some(raw) => raw
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=1000).contains(n))
                .ok_or_else(|| raw.to_owned()),
            None => Ok(PAGE_SIZE),
        }
    }

    /// The URL of this filter, optionally continuing after a record.
    pub fn href(&self, case: &str, after: Option<&CommunicationRecord>) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (name, value) in [
            ("counterpart", &self.counterpart),
            ("subject", &self.subject),
            ("review", &self.review),
            ("from", &self.from),
            ("to", &self.to),
        ] {
            if let Some(v) = blank(value) {
                query.append_pair(name, v);
            }
        }
        if let Some(last) = after {
            query.append_pair("after", &cursor(last));
        }
        let query = query.finish();
        if query.is_empty() {
            format!("/cases/{case}/messages")
        } else {
            format!("/cases/{case}/messages?{query}")
        }
    }
}

/// The keyset cursor continuing after `record`.
pub fn cursor(record: &CommunicationRecord) -> String {
    format!("{}.{}", record.communication.at.as_millisecond(), record.row)
}

pub struct MessageView {
    pub when: String,
    pub channel: String,
    pub direction: String,
    pub counterpart: String,
    pub name: Option<String>,
    pub subject_line: Option<String>,
    pub body: Option<String>,
    pub call: Option<String>,
    pub review: bool,
    pub attachments: Vec<String>,
}

/// 75 s → 1:15; 3,725 s → 1:02:05.
fn duration(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

fn message_view(t: Tr, r: &CommunicationRecord) -> MessageView {
    let c = &r.communication;
    MessageView {
        when: t.timestamp(c.at),
        channel: t.get(&format!("comm-channel-{}", c.channel.name())),
        direction: t.get(&format!("comm-direction-{}", c.direction.name())),
        counterpart: if c.counterpart.is_empty() {
            t.get("counterpart-withheld")
        } else {
            c.counterpart.clone()
        },
        name: c.counterpart_name.clone().filter(|n| !n.trim().is_empty()),
        subject_line: c.subject.clone().filter(|s| !s.trim().is_empty()),
        body: c.body.clone().filter(|b| !b.is_empty()),
        call: c
            .duration_secs
            .map(|s| t.arg("comms-call-lasted", "duration", duration(s))),
        review: r.review,
        attachments: c.attachments.iter().map(|a| a.name.clone()).collect(),
    }
}

#[derive(Template)]
#[template(path = "messages.html")]
struct MessagesPage {
    l: Layout,
    case: String,
    /// `(value, label, selected)` for the selects.
    counterparts: Vec<(String, String, bool)>,
    subjects: Vec<(String, String, bool)>,
    review: bool,
    from: String,
    to: String,
    rows: Vec<MessageView>,
    next_link: Option<String>,
    first_link: Option<String>,
}

pub async fn list(
    Open { vault, session }: Open,
    Path(raw): Path<String>,
    Query(params): Query<MessagesParams>,
) -> PageResult {
    let case = case_id(&session, &raw)?;
    let summary = load_case(&vault, &session, &case).await?;
    let t = Tr(session.lang);
    let all = vault
        .counterparts(&case)
        .await
        .map_err(|e| PageError::app(&session, &e))?;
    let query = params.query(&all, PAGE_SIZE).map_err(|value| {
        PageError::new(
            &session,
            StatusCode::UNPROCESSABLE_ENTITY,
            t.arg("comms-bad-filter", "value", value),
        )
    })?;
    let records = vault
        .communications(&case, &query)
        .await
        .map_err(|e| PageError::app(&session, &e))?;
    let subjects = vault.subjects(&case).await.map_err(|e| PageError::app(&session, &e))?;
    let id = case.to_string();
    let chosen_counterpart = blank(&params.counterpart);
    let chosen_subject = blank(&params.subject);
    let names: HashMap<u32, String> = all
        .iter()
        .map(|c| {
            let shown = if c.value.is_empty() {
                t.get("counterpart-withheld")
            } else {
                c.value.clone()
            };
            let label = match c.name.as_deref().filter(|n| !n.trim().is_empty()) {
                Some(name) => format!("{shown} ({name})"),
                None => shown,
            };
            (c.id, label)
        })
        .collect();
    let l = Layout::new(&session, "title-messages", true).in_case(&id, &summary.label, "messages");
    Ok(page(MessagesPage {
        counterparts: all
            .iter()
            .map(|c| {
                let value = c.id.to_string();
                let selected = chosen_counterpart == Some(value.as_str());
                (value, names.get(&c.id).cloned().unwrap_or_default(), selected)
            })
            .collect(),
        subjects: subjects
            .iter()
            .map(|s| (s.id.to_string(), s.name.clone(), chosen_subject == Some(s.id.as_str())))
            .collect(),
        review: query.review_only,
        from: blank(&params.from).unwrap_or_default().to_owned(),
        to: blank(&params.to).unwrap_or_default().to_owned(),
        rows: records.iter().map(|r| message_view(t, r)).collect(),
        next_link: (records.len() as u32 == PAGE_SIZE).then(|| params.href(&id, records.last())),
        first_link: query.after.is_some().then(|| params.href(&id, None)),
        case: id,
        l,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_a_phone_shows_them() {
        assert_eq!(duration(0), "0:00");
        assert_eq!(duration(75), "1:15");
        assert_eq!(duration(3725), "1:02:05");
    }

    #[test]
    fn a_cursor_survives_the_url() {
        let params = MessagesParams {
            after: Some("1710000000000.42".into()),
            ..Default::default()
        };
        assert_eq!(params.query(&[], 10).unwrap().after, Some((1_710_000_000_000, 42)));
        let bad = MessagesParams {
            after: Some("yesterday".into()),
            ..Default::default()
        };
        assert_eq!(bad.query(&[], 10).unwrap_err(), "yesterday");
    }
}
