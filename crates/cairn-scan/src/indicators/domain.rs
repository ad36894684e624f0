//! Domain names as indicators: normalisation and suffix lookup on label
//! boundaries, so that an indicator `copy9.com` also catches
//! `media-sync-a.copy9.com` but never `notcopy9.com`.

use std::collections::HashMap;

/// Longest name we try to match. DNS names are at most 253 characters in
/// text form; anything longer cannot be an indicator and is not looked up.
pub(crate) const MAX_NAME: usize = 255;

/// Normalises an indicator or observed name: trims, lower-cases ASCII,
/// drops one trailing dot. Returns `None` for something that cannot be a
/// host name (empty, too long, spaces, a URL, an empty label).
pub(crate) fn normalize(raw: &str) -> Option<String> {
    let s = raw.trim();
    let s = s.strip_suffix('.').unwrap_or(s);
    if s.is_empty() || s.len() > MAX_NAME {
        return None;
    }
    if s.split('.').any(str::is_empty) {
        return None;
    }
    if !s
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'*'))
    {
        return None;
    }
    // A leading wildcard label means "this domain and below", which is what
    // suffix matching already does.
    let s = s.strip_prefix("*.").unwrap_or(s);
    if s.contains('*') {
        return None;
    }
    Some(s.to_ascii_lowercase())
}

/// Maps normalised domains to values; lookups walk the suffixes of the
/// queried name, so the cost is one hash probe per label and nothing is
/// allocated on the hot path.
#[derive(Debug, Default, Clone)]
pub(crate) struct DomainTable<V> {
    map: HashMap<Box<[u8]>, V>,
}

impl<V> DomainTable<V> {
    pub(crate) fn entry_or_insert_with(&mut self, domain: &str, f: impl FnOnce() -> V) -> &mut V {
        self.map.entry(domain.as_bytes().into()).or_insert_with(f)
    }

    pub(crate) fn len(&self) -> usize {
        self.map.len()
    }

    /// Calls `hit` with (matched indicator domain, value) for the name and
    /// each parent domain that is an indicator, most specific first.
    /// `name` may be mixed-case and may end with a dot.
    pub(crate) fn for_each_match<'a>(&'a self, name: &[u8], mut hit: impl FnMut(&'a [u8], &'a V)) {
        if self.map.is_empty() {
            return;
        }
        let name = name.strip_suffix(b".").unwrap_or(name);
        if name.is_empty() || name.len() > MAX_NAME {
            return;
        }
        let mut buf = [0u8; MAX_NAME];
        let lower = &mut buf[..name.len()];
        lower.copy_from_slice(name);
        lower.make_ascii_lowercase();
        let lower: &[u8] = lower;
        let mut start = 0;
        loop {
            let suffix = &lower[start..];
            if let Some((k, v)) = self.map.get_key_value(suffix) {
                hit(k, v);
            }
            match memchr::memchr(b'.', suffix) {
                Some(dot) => start += dot + 1,
                None => break,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(indicators: &[&str], query: &str, expected: &[&str]) {
        let mut t = DomainTable::default();
        for d in indicators {
            let n = normalize(d).expect("valid indicator");
            *t.entry_or_insert_with(&n, || 0) += 1;
        }
        let mut got = Vec::new();
        t.for_each_match(query.as_bytes(), |k, _| {
            got.push(String::from_utf8_lossy(k).into_owned())
        });
        assert_eq!(got, expected, "query {query}");
    }

    #[test]
    fn suffix_matching_respects_label_boundaries() {
        check(&["copy9.com"], "copy9.com", &["copy9.com"]);
        check(&["copy9.com"], "media-sync-a.COPY9.com.", &["copy9.com"]);
        check(&["copy9.com"], "notcopy9.com", &[]);
        check(&["copy9.com"], "copy9.com.evil.net", &[]);
        check(
            &["copy9.com", "a.copy9.com"],
            "x.a.copy9.com",
            &["a.copy9.com", "copy9.com"],
        );
        check(&["*.spy.example"], "deep.spy.example", &["spy.example"]);
        check(&["copy9.com"], "", &[]);
        check(&["copy9.com"], ".", &[]);
    }

    #[test]
    fn normalisation_refuses_non_hosts() {
        for bad in ["", " ", "https://github.com/x", "a..b", "a b.com", "a.*.b"] {
            assert_eq!(normalize(bad), None, "{bad:?}");
        }
        assert_eq!(normalize(" WWW.Example.COM. ").as_deref(), Some("www.example.com"));
    }
}
