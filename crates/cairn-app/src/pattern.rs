//! The pattern in a case's messages and calls: each subject (with every
//! number, address and name matched to them) and each counterpart not yet
//! matched, analysed by `cairn-pattern`.

use std::collections::HashMap;

use cairn_core::{CaseId, SubjectId, validate};
use cairn_pattern::{Analysis, Contact, Options};
use cairn_store::Store;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Serialize;

use crate::{Result, Vault};

#[derive(Debug, Clone, Default)]
pub struct PatternRequest {
    /// IANA zone for days and hours; the machine's zone when absent.
    pub time_zone: Option<String>,
    /// The day the survivor asked for no contact.
    pub no_contact_from: Option<Date>,
    /// Only this subject's communications.
    pub subject: Option<SubjectId>,
}

/// Who a party of the analysis is.
#[derive(Debug, Clone, Serialize)]
pub struct Party {
    pub party: u32,
    /// The subject's name, or the counterpart as the export wrote it.
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<SubjectId>,
    /// The numbers, addresses and names counted as this party.
    pub counterparts: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PatternReport {
    pub parties: Vec<Party>,
    pub analysis: Analysis,
    /// Which word list flagged messages for review.
    pub review_lexicon: String,
}

impl<S: Store> Vault<S> {
    pub async fn pattern(&self, case: &CaseId, request: &PatternRequest) -> Result<PatternReport> {
        self.case(case).await?;
        let time_zone = match request.time_zone.as_deref().map(str::trim).filter(|z| !z.is_empty()) {
            Some(name) => TimeZone::get(name)
                .map_err(|_| validate::Invalid::new("time zone", name, validate::Reason::NotATimeZone))?,
            None => TimeZone::try_system().unwrap_or(TimeZone::UTC),
        };
        if let Some(subject) = &request.subject {
            self.require_subject(case, subject).await?;
        }
        let subjects = self.store.subjects(case).await?;
        let counterparts = self.store.counterpart_subjects(case).await?;
        let mut parties: Vec<Party> = subjects
            .iter()
            .enumerate()
            .map(|(i, s)| Party {
                party: i as u32,
                label: s.name.clone(),
                subject: Some(s.id.clone()),
                counterparts: Vec::new(),
            })
            .collect();
        let mut party_of: HashMap<u32, u32> = HashMap::with_capacity(counterparts.len());
        for c in &counterparts {
            let party = match c
                .subject
                .as_ref()
                .and_then(|s| subjects.iter().position(|x| &x.id == s))
            {
                Some(i) => i as u32,
                None => {
                    parties.push(Party {
                        party: parties.len() as u32,
                        label: c.value.clone(),
                        subject: None,
                        counterparts: Vec::new(),
                    });
                    parties.len() as u32 - 1
                }
            };
            parties[party as usize].counterparts.push(c.value.clone());
            party_of.insert(c.id, party);
        }
        let wanted = request
            .subject
            .as_ref()
            .and_then(|s| subjects.iter().position(|x| &x.id == s))
            .map(|i| i as u32);
        let rows = self.store.contacts(case).await?;
        let contacts: Vec<Contact> = rows
            .iter()
            .filter_map(|r| {
                let party = *party_of.get(&r.counterpart)?;
                if wanted.is_some_and(|w| w != party) {
                    return None;
                }
                Some(Contact {
                    at_ms: r.at_ms,
                    channel: r.channel,
                    direction: r.direction,
                    party,
                    review: r.review,
                })
            })
            .collect();
        drop(rows);
        let mut options = Options::new(time_zone);
        options.no_contact_from = request.no_contact_from;
        let analysis = tokio::task::spawn_blocking(move || cairn_pattern::analyse(&contacts, &options))
            .await
            .map_err(|e| crate::AppError::File {
                path: "pattern".into(),
                source: std::io::Error::other(e.to_string()),
            })?;
        parties.retain(|p| analysis.parties.iter().any(|a| a.party == p.party));
        Ok(PatternReport {
            parties,
            analysis,
            review_lexicon: cairn_pattern::Lexicon::bundled().version().to_owned(),
        })
    }
}
