//! Typed identifiers.
//!
//! An id is a short prefix naming its kind and 12 characters of Crockford
//! base32 (60 random bits): short enough to type from a printed page, long
//! enough that collisions within one vault are negligible (the store still
//! refuses a duplicate). Ids carry no meaning: a case id is the pseudonymous
//! case code, so it must never be derived from a person's name.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
const BODY_LEN: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {kind} id {value:?}: expected {prefix} followed by {BODY_LEN} letters and digits")]
pub struct IdError {
    pub kind: &'static str,
    pub prefix: &'static str,
    pub value: String,
}

fn encode(random: [u8; 8]) -> String {
    let bits = u64::from_be_bytes(random) >> 4;
    (0..BODY_LEN)
        .rev()
        .map(|i| ALPHABET[((bits >> (i * 5)) & 31) as usize] as char)
        .collect()
}

fn decode(body: &str) -> u64 {
    body.bytes().fold(0u64, |acc, c| {
        (acc << 5) | ALPHABET.iter().position(|a| *a == c).unwrap_or(0) as u64
    })
}

/// Crockford decoding rules: case-insensitive, and the letters people confuse
/// with digits are read as those digits.
fn normalise_body(body: &str) -> Option<String> {
    if body.len() != BODY_LEN {
        return None;
    }
    body.chars()
        .map(|c| match c.to_ascii_lowercase() {
            'o' => Some('0'),
            'i' | 'l' => Some('1'),
            c if ALPHABET.contains(&(c as u8)) && c.is_ascii() => Some(c),
            _ => None,
        })
        .collect()
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $kind:literal, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            pub const PREFIX: &'static str = $prefix;

            /// Builds an id from 8 bytes the caller drew from a CSPRNG.
            pub fn from_random(random: [u8; 8]) -> Self {
                Self(format!("{}{}", $prefix, encode(random)))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The 60 random bits the id encodes: a compact key for large
            /// in-memory indexes.
            pub fn bits(&self) -> u64 {
                decode(&self.0[$prefix.len()..])
            }
        }

        impl FromStr for $name {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, IdError> {
                let error = || IdError { kind: $kind, prefix: $prefix, value: s.to_owned() };
                let trimmed = s.trim();
                let body = trimmed
                    .get(..$prefix.len())
                    .filter(|p| p.eq_ignore_ascii_case($prefix))
                    .and_then(|_| trimmed.get($prefix.len()..))
                    .ok_or_else(error)?;
                let body = normalise_body(body).ok_or_else(error)?;
                Ok(Self(format!("{}{}", $prefix, body)))
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(s: String) -> Result<Self, IdError> {
                s.parse()
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// A case: its id is the pseudonymous case code shown everywhere.
    CaseId, "case", "c-"
);
id_type!(
    /// A person causing harm, within one case.
    SubjectId, "subject", "s-"
);
id_type!(
    /// One incident; amendments keep the id and supersede earlier versions.
    IncidentId, "incident", "i-"
);
id_type!(
    /// One evidence item (an original file held in the blob store).
    EvidenceId, "evidence", "e-"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_is_lenient_like_crockford() {
        let id = CaseId::from_random([0xde, 0xad, 0xbe, 0xef, 0, 1, 2, 3]);
        assert_eq!(id.as_str().len(), 2 + BODY_LEN);
        assert_eq!(id.as_str().parse::<CaseId>().unwrap(), id);
        let shouty = id.as_str().to_uppercase();
        assert_eq!(shouty.parse::<CaseId>().unwrap(), id);
        let confusable = id.as_str().replace('1', "l").replace('0', "O");
        assert_eq!(confusable.parse::<CaseId>().unwrap(), id);
    }

    #[test]
    fn rejects_wrong_kind_length_and_alphabet() {
        let id = CaseId::from_random([1; 8]);
        let err = id.as_str().replace("c-", "s-").parse::<CaseId>().unwrap_err();
        assert_eq!(err.kind, "case");
        assert!("c-123".parse::<CaseId>().is_err());
        assert!("c-uuuuuuuuuuuu".parse::<CaseId>().is_err(), "u is not in the alphabet");
        assert!("c-ééééééééééé".parse::<CaseId>().is_err());
        assert!("".parse::<SubjectId>().is_err());
    }

    #[test]
    fn bits_are_the_encoded_random_bits() {
        let random = 0x0123_4567_89ab_cdefu64;
        assert_eq!(CaseId::from_random(random.to_be_bytes()).bits(), random >> 4);
    }

    #[test]
    fn different_random_bytes_give_different_ids() {
        assert_ne!(
            EvidenceId::from_random([0; 8]),
            EvidenceId::from_random([0, 0, 0, 0, 0, 0, 0, 16])
        );
    }
}
