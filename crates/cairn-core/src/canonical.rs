//! RFC 8785 (JSON Canonicalization Scheme) encoding of journal events.
//!
//! The bytes produced here are what the Merkle leaves hash, so an examiner can
//! recompute every hash with any JCS implementation. Events contain only
//! strings, booleans, arrays, objects and integers below 2^53, which keeps us
//! clear of JCS's floating-point corner cases.

use serde::Serialize;

#[derive(Debug, thiserror::Error)]
#[error("cannot encode {what} canonically: {source}")]
pub struct CanonicalError {
    what: &'static str,
    #[source]
    source: serde_json::Error,
}

/// Serialises `value` to RFC 8785 canonical JSON bytes.
pub fn to_canonical_bytes<T: Serialize>(what: &'static str, value: &T) -> Result<Vec<u8>, CanonicalError> {
    serde_jcs::to_vec(value).map_err(|source| CanonicalError { what, source })
}

/// Whether `bytes` are already in canonical form (parse, re-encode, compare).
pub fn is_canonical(bytes: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(bytes)
        .ok()
        .and_then(|v| serde_jcs::to_vec(&v).ok())
        .is_some_and(|again| again == bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(input: serde_json::Value, expected: &str) {
        let bytes = to_canonical_bytes("test", &input).unwrap();
        assert_eq!(std::str::from_utf8(&bytes).unwrap(), expected);
        assert!(is_canonical(&bytes));
    }

    #[test]
    fn sorts_keys_and_strips_whitespace() {
        check(
            json!({"b": 1, "a": [true, null, "x"]}),
            r#"{"a":[true,null,"x"],"b":1}"#,
        );
    }

    #[test]
    fn escapes_only_what_rfc_8785_requires() {
        // RFC 8785 3.2.2.2: control characters escaped, non-ASCII kept as UTF-8.
        check(json!({"s": "é\u{1}\n\"/"}), "{\"s\":\"é\\u0001\\n\\\"/\"}");
    }

    #[test]
    fn sorts_keys_by_utf16_code_units() {
        // RFC 8785 3.2.3: U+FB01 sorts after U+1F600's surrogate pair (0xD83D).
        check(
            json!({"\u{fb01}": 1, "\u{1f600}": 2}),
            "{\"\u{1f600}\":2,\"\u{fb01}\":1}",
        );
    }

    #[test]
    fn detects_non_canonical_input() {
        assert!(!is_canonical(br#"{"b":1,"a":2}"#));
        assert!(!is_canonical(b"{ }"));
        assert!(!is_canonical(b"not json"));
    }
}
