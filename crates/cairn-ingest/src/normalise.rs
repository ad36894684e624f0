//! Counterparts normalised once, the same way for every importer, so that a
//! number seen in an SMS backup and in a WhatsApp chat compare equal.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::sync::{Mutex, OnceLock};

use cairn_core::{Communication, Identifier};
use foldhash::fast::{FixedState, RandomState};
use jiff::Timestamp;

/// Bounded so a file with millions of distinct senders cannot grow it.
const CACHE_LIMIT: usize = 4096;

/// Parsing a phone number costs tens of microseconds (far more in a
/// sanitizer build) and exports repeat a handful of counterparts millions of
/// times. The result depends only on the text and the region, so one memo
/// serves every import in the process.
fn memo() -> &'static Mutex<HashMap<(String, String), String>> {
    static MEMO: OnceLock<Mutex<HashMap<(String, String), String>>> = OnceLock::new();
    MEMO.get_or_init(Default::default)
}

pub(crate) struct Normaliser {
    region: String,
    /// Per import, so the common case takes no lock.
    local: HashMap<String, String, RandomState>,
}

impl Normaliser {
    pub fn new(default_region: &str) -> Self {
        Normaliser {
            region: default_region.to_owned(),
            local: HashMap::default(),
        }
    }

    /// E.164 for anything that reads as a phone number in the default region,
    /// a lower-cased address for email, otherwise the text as written
    /// (trimmed): short codes, alphanumeric senders, names.
    pub fn counterpart(&mut self, raw: &str) -> String {
        let raw = raw.trim();
        if let Some(hit) = self.local.get(raw) {
            return hit.clone();
        }
        let key = (self.region.clone(), raw.to_owned());
        let cached = memo().lock().ok().and_then(|m| m.get(&key).cloned());
        let value = cached.unwrap_or_else(|| {
            let value = normalise(raw, &self.region);
            if let Ok(mut m) = memo().lock() {
                if m.len() >= CACHE_LIMIT {
                    m.clear();
                }
                m.insert(key, value.clone());
            }
            value
        });
        if self.local.len() >= CACHE_LIMIT {
            self.local.clear();
        }
        self.local.insert(raw.to_owned(), value.clone());
        value
    }
}

fn normalise(raw: &str, region: &str) -> String {
    if raw.contains('@') {
        return match Identifier::email(raw) {
            Ok(id) => id.value().to_owned(),
            Err(_) => raw.to_owned(),
        };
    }
    if looks_like_phone(raw)
        && let Ok(id) = Identifier::phone(raw, region)
    {
        return id.value().to_owned();
    }
    raw.to_owned()
}

/// Only digits and the punctuation people put in numbers; "Mom 2" is a name.
fn looks_like_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    digits >= 3
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')' | '.' | '/' | '\u{a0}' | '\u{202f}'))
}

/// Assigns [`Communication::repeat`]: identical records at the same instant
/// are numbered in file order. Only the current instant is remembered, which
/// is enough because exports list a moment's messages together, and keeps
/// memory flat.
///
/// Records are told apart by a 64-bit hash of their dedup identity rather
/// than by the SHA-256 dedup key itself: it is only compared within one
/// instant of one file, and the importer's sink computes the key once.
#[derive(Default)]
pub(crate) struct Repeats {
    at: Option<Timestamp>,
    seen: HashMap<u64, u32, FixedState>,
}

const REPEATS_LIMIT: usize = 65_536;

/// Fixed, so a file numbers its repeats the same way in every run.
const REPEATS_SEED: u64 = 0x6361_6972_6e72_6570;

impl Repeats {
    pub fn assign(&mut self, c: &mut Communication) {
        if self.at != Some(c.at) || self.seen.len() >= REPEATS_LIMIT {
            self.seen.clear();
            self.at = Some(c.at);
        }
        let mut hasher = FixedState::with_seed(REPEATS_SEED).build_hasher();
        c.dedup_fields(&mut |bytes| hasher.write(bytes));
        let n = self.seen.entry(hasher.finish()).or_insert(0);
        c.repeat = *n;
        *n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counterparts() {
        let mut n = Normaliser::new("US");
        for (raw, want) in [
            ("(555) 010-0123", "+15550100123"),
            ("+1 555 010 0123", "+15550100123"),
            ("+34 612 34 56 78", "+34612345678"),
            (" Alex.Doe@Example.COM ", "alex.doe@example.com"),
            ("72345", "72345"),
            ("AMAZON", "AMAZON"),
            ("Mom 2", "Mom 2"),
            ("not@an email", "not@an email"),
            ("", ""),
        ] {
            assert_eq!(n.counterpart(raw), want, "{raw:?}");
            assert_eq!(n.counterpart(raw), want, "cached {raw:?}");
        }
    }
}
