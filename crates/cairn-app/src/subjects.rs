use cairn_core::{CaseId, EventBody, Identifier, IdentifierAssigned, Relationship, Subject, SubjectId, validate};

use crate::vault::random_id_bytes;
use crate::{AppError, Result, Vault};
use cairn_store::Store;

/// A subject as typed: identifiers are normalised on the way in.
#[derive(Debug, Clone, Default)]
pub struct SubjectInput {
    pub name: String,
    pub relationship: String,
    pub phones: Vec<String>,
    pub emails: Vec<String>,
    /// `handle` or `platform:handle`.
    pub handles: Vec<String>,
    pub notes: Option<String>,
    /// Region for phone numbers typed without a country code (ISO 3166, e.g. "US").
    pub region: String,
}

impl SubjectInput {
    fn into_subject(self, id: SubjectId) -> Result<Subject> {
        let mut identifiers = Vec::new();
        for phone in &self.phones {
            identifiers.push(Identifier::phone(phone, &self.region)?);
        }
        for email in &self.emails {
            identifiers.push(Identifier::email(email)?);
        }
        for handle in &self.handles {
            identifiers.push(match handle.split_once(':') {
                Some((platform, value)) if !platform.trim().is_empty() => Identifier::handle(value, Some(platform))?,
                _ => Identifier::handle(handle, None)?,
            });
        }
        identifiers.sort();
        identifiers.dedup();
        Ok(Subject {
            id,
            name: validate::text("name", &self.name, 200)?,
            relationship: self.relationship.parse::<Relationship>()?,
            identifiers,
            notes: validate::optional_text("notes", self.notes.as_deref(), 10_000)?,
        })
    }
}

impl<S: Store> Vault<S> {
    pub async fn add_subject(&self, case: &CaseId, input: SubjectInput) -> Result<Subject> {
        self.case(case).await?;
        let subject = input.into_subject(SubjectId::from_random(random_id_bytes()))?;
        self.append(case, vec![EventBody::SubjectAdded(subject.clone())])
            .await?;
        Ok(subject)
    }

    pub async fn subjects(&self, case: &CaseId) -> Result<Vec<Subject>> {
        self.case(case).await?;
        Ok(self.store.subjects(case).await?)
    }

    /// Records that a counterpart seen in imports is this subject: the
    /// counterpart's value becomes one of the subject's identifiers, so every
    /// communication with it (past and future imports) counts as theirs.
    pub async fn assign_counterpart(
        &self,
        case: &CaseId,
        subject: &SubjectId,
        counterpart: &str,
    ) -> Result<Identifier> {
        self.require_subject(case, subject).await?;
        let known = self.store.counterparts(case).await?;
        let Some(found) = known.iter().find(|c| c.value == counterpart.trim()) else {
            return Err(AppError::NotInCase {
                what: "counterpart",
                id: counterpart.to_owned(),
                case: case.to_string(),
            });
        };
        let value = found.value.as_str();
        let identifier = if value.starts_with('+') {
            Identifier::phone(value, "ZZ").unwrap_or_else(|_| Identifier::Handle {
                platform: None,
                value: value.to_owned(),
            })
        } else if value.contains('@') {
            Identifier::email(value)?
        } else {
            // A chat name, kept exactly as the export wrote it.
            Identifier::Handle {
                platform: None,
                value: value.to_owned(),
            }
        };
        self.append(
            case,
            vec![EventBody::IdentifierAssigned(IdentifierAssigned {
                subject: subject.clone(),
                identifier: identifier.clone(),
            })],
        )
        .await?;
        Ok(identifier)
    }

    pub(crate) async fn require_subject(&self, case: &CaseId, id: &SubjectId) -> Result<()> {
        if self.store.subjects(case).await?.iter().any(|s| &s.id == id) {
            Ok(())
        } else {
            Err(AppError::NotInCase {
                what: "subject",
                id: id.to_string(),
                case: case.to_string(),
            })
        }
    }
}
