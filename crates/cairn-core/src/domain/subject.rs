use serde::{Deserialize, Serialize};

use super::names::named_enum;
use crate::ids::SubjectId;
use crate::validate::{self, Invalid, Reason};

named_enum!(
    /// How the person causing harm is related to the survivor.
    Relationship, "relationship" {
        CurrentPartner = "current_partner",
        FormerPartner = "former_partner",
        Spouse = "spouse",
        FormerSpouse = "former_spouse",
        CoParent = "co_parent",
        FamilyMember = "family_member",
        Acquaintance = "acquaintance",
        Coworker = "coworker",
        Employer = "employer",
        Stranger = "stranger",
        Unknown = "unknown",
        Other = "other",
    }
);

/// A way the subject reaches the survivor; normalised so that imported
/// messages can be matched to the subject.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Identifier {
    /// E.164, e.g. `+15551234567`.
    Phone { value: String },
    /// Lower-cased address.
    Email { value: String },
    /// A handle on some platform, kept as typed (platforms differ on case).
    Handle {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        platform: Option<String>,
        value: String,
    },
}

impl Identifier {
    /// Normalises a phone number to E.164. Numbers without a leading `+` are
    /// read in `default_region` (ISO 3166 code such as "US").
    pub fn phone(input: &str, default_region: &str) -> Result<Self, Invalid> {
        let bad = || Invalid::new("phone", input, Reason::NotAPhoneNumber);
        let region = default_region
            .trim()
            .to_ascii_uppercase()
            .parse::<phonenumber::country::Id>()
            .ok();
        let trimmed = input.trim();
        if trimmed.is_empty() || !trimmed.chars().any(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        let number = phonenumber::parse(region, trimmed).map_err(|_| bad())?;
        // Fictional ranges such as 555 are not "valid" numbers but are exactly
        // what people type in examples and what spoofing services use, so we
        // require only that it parse into a plausible length.
        let e164 = number.format().mode(phonenumber::Mode::E164).to_string();
        let digits = e164.len().saturating_sub(1);
        if !(7..=15).contains(&digits) {
            return Err(bad());
        }
        Ok(Identifier::Phone { value: e164 })
    }

    /// Reads the example numbers of `default_region` as [`phone`](Self::phone)
    /// would read that region's numbers, so the number metadata is loaded
    /// and the patterns compiled before an import meets its first number.
    /// Otherwise the importer's thread, which sets an import's pace, pays
    /// for it (about 0.15 s); on another thread while the vault unlocks it
    /// costs no time. Does nothing for a region it does not know.
    pub fn prepare_phone(default_region: &str) {
        let region = default_region.trim().to_ascii_uppercase();
        let Some(meta) = phonenumber::metadata::DATABASE.by_id(region.as_str()) else {
            return;
        };
        let descriptors = meta.descriptors();
        let examples = [descriptors.mobile(), descriptors.fixed_line()]
            .into_iter()
            .flatten()
            .filter_map(|d| d.example());
        for national in examples {
            let mut written = vec![national.to_owned(), format!("+{} {national}", meta.country_code())];
            if let Some(prefix) = meta.national_prefix() {
                written.push(format!("{prefix}{national}"));
            }
            for number in written {
                let _ = Self::phone(&number, &region);
            }
        }
    }

    pub fn email(input: &str) -> Result<Self, Invalid> {
        let value = input.trim().to_lowercase();
        let valid = match value.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !value.contains(char::is_whitespace)
                    && !domain.contains('@')
            }
            None => false,
        };
        if !valid || value.len() > 254 {
            return Err(Invalid::new("email", input, Reason::NotAnEmail));
        }
        Ok(Identifier::Email { value })
    }

    pub fn handle(input: &str, platform: Option<&str>) -> Result<Self, Invalid> {
        Ok(Identifier::Handle {
            platform: validate::optional_text("platform", platform, 60)?.map(|p| p.to_lowercase()),
            value: validate::text("handle", input, 200)?,
        })
    }

    pub fn value(&self) -> &str {
        match self {
            Identifier::Phone { value } | Identifier::Email { value } | Identifier::Handle { value, .. } => value,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Identifier::Phone { .. } => "phone",
            Identifier::Email { .. } => "email",
            Identifier::Handle { .. } => "handle",
        }
    }
}

/// A person causing harm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    pub id: SubjectId,
    pub name: String,
    pub relationship: Relationship,
    #[serde(default)]
    pub identifiers: Vec<Identifier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_normalise_to_e164() {
        let cases = [
            ("+1 555 123 4567", "US", "+15551234567"),
            ("(555) 123-4567", "US", "+15551234567"),
            ("+34 612 34 56 78", "US", "+34612345678"),
            ("612 34 56 78", "es", "+34612345678"),
            ("+44 20 7946 0958", "US", "+442079460958"),
        ];
        for (input, region, expected) in cases {
            assert_eq!(
                Identifier::phone(input, region).unwrap(),
                Identifier::Phone { value: expected.into() },
                "{input}"
            );
        }
    }

    #[test]
    fn preparing_a_region_changes_no_reading() {
        let before = Identifier::phone("(555) 123-4567", "US").unwrap();
        for region in ["US", "es", " GB ", "MX", "IN", "BR", "", "ZZ", "001", "日本"] {
            Identifier::prepare_phone(region);
        }
        assert_eq!(Identifier::phone("(555) 123-4567", "US").unwrap(), before);
        assert_eq!(
            Identifier::phone("612 34 56 78", "ES").unwrap(),
            Identifier::Phone {
                value: "+34612345678".into()
            }
        );
    }

    #[test]
    fn garbage_is_not_a_phone() {
        for input in ["", "call me", "+", "12", "+1 555 123 4567 8901 2345 6789"] {
            let err = Identifier::phone(input, "US").unwrap_err();
            assert_eq!((err.field, err.reason), ("phone", Reason::NotAPhoneNumber), "{input:?}");
        }
    }

    #[test]
    fn emails_are_lowercased_and_checked() {
        assert_eq!(
            Identifier::email(" J.Doe@Example.ORG ").unwrap().value(),
            "j.doe@example.org"
        );
        for bad in [
            "jdoe",
            "@example.org",
            "j@doe",
            "j d@example.org",
            "a@b@c.org",
            "x@.org",
        ] {
            assert!(Identifier::email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn relationship_names_parse_with_dashes() {
        assert_eq!(
            "former-partner".parse::<Relationship>().unwrap(),
            Relationship::FormerPartner
        );
        assert!("ex".parse::<Relationship>().is_err());
    }
}
