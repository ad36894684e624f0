//! `SHA256SUMS`: the manifest, in exactly the format `sha256sum -c` reads.
//!
//! One line per file: 64 lowercase hex digits, two spaces, the path relative
//! to the packet root with `/` separators, then `\n`. Sorted by path, so the
//! same packet always has the same manifest. Parsing is strict: anything
//! `sha256sum` would read differently (escapes, `*` binary marks, CR, blank
//! lines, `..`) is refused with its line number.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use cairn_core::Hash;

/// Path → SHA-256, sorted by path.
pub type Sums = BTreeMap<String, Hash>;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("SHA256SUMS line {line}: {problem}")]
pub struct SumsError {
    pub line: usize,
    pub problem: &'static str,
}

pub fn write(sums: &Sums) -> String {
    let mut out = String::new();
    for (path, hash) in sums {
        let _ = writeln!(out, "{hash}  {path}");
    }
    out
}

/// A path we write and accept: relative, `/`-separated, no empty, `.` or
/// `..` segment, nothing `sha256sum` would escape (backslash, newline).
pub fn is_safe_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains(['\\', '\n', '\r', '\0'])
        && path.split('/').all(|segment| !matches!(segment, "" | "." | ".."))
}

pub fn parse(text: &[u8]) -> Result<Sums, SumsError> {
    let text = std::str::from_utf8(text).map_err(|_| SumsError {
        line: 1,
        problem: "not UTF-8",
    })?;
    let Some(body) = text.strip_suffix('\n') else {
        return Err(SumsError {
            line: text.lines().count().max(1),
            problem: "does not end with a newline",
        });
    };
    let mut sums = Sums::new();
    let mut previous: Option<&str> = None;
    for (index, line) in body.split('\n').enumerate() {
        let bad = |problem| SumsError {
            line: index + 1,
            problem,
        };
        let (hex, path) = line
            .split_at_checked(64)
            .ok_or_else(|| bad("too short for a SHA-256 line"))?;
        if !hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
            return Err(bad("hash is not 64 lowercase hex digits"));
        }
        let path = path
            .strip_prefix("  ")
            .ok_or_else(|| bad("hash and path must be separated by two spaces"))?;
        if !is_safe_path(path) {
            return Err(bad("path is not a plain relative path"));
        }
        if previous.is_some_and(|p| p >= path) {
            return Err(bad("paths are not sorted and unique"));
        }
        previous = Some(path);
        let hash = hex
            .parse::<Hash>()
            .map_err(|_| bad("hash is not 64 lowercase hex digits"))?;
        sums.insert(path.to_owned(), hash);
    }
    Ok(sums)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Result<usize, (usize, &str)>) {
        match (parse(text.as_bytes()), expected) {
            (Ok(sums), Ok(count)) => {
                assert_eq!(sums.len(), count, "{text:?}");
                assert_eq!(write(&sums), text, "round trip");
            }
            (Err(e), Err((line, problem))) => assert_eq!((e.line, e.problem), (line, problem), "{text:?}"),
            (got, want) => panic!("{text:?}: got {got:?}, want {want:?}"),
        }
    }

    #[test]
    fn parses_only_what_sha256sum_reads_the_same_way() {
        let a = "a".repeat(64);
        let b = "0".repeat(64);
        check(&format!("{a}  evidence/e-1/x.jpg\n{b}  report.pdf\n"), Ok(2));
        check(&format!("{a}  report.pdf"), Err((1, "does not end with a newline")));
        check(
            &format!("{a} *report.pdf\n"),
            Err((1, "hash and path must be separated by two spaces")),
        );
        check(
            &format!("{}  report.pdf\n", "A".repeat(64)),
            Err((1, "hash is not 64 lowercase hex digits")),
        );
        check(
            &format!("{b}  b\n{a}  a\n"),
            Err((2, "paths are not sorted and unique")),
        );
        check(
            &format!("{a}  a\n{a}  a\n"),
            Err((2, "paths are not sorted and unique")),
        );
        check(
            &format!("{a}  ../etc/passwd\n"),
            Err((1, "path is not a plain relative path")),
        );
        check(
            &format!("{a}  /etc/passwd\n"),
            Err((1, "path is not a plain relative path")),
        );
        check(&format!("{a}  a\r\n"), Err((1, "path is not a plain relative path")));
        check(&format!("{a}  a\n\n"), Err((2, "too short for a SHA-256 line")));
        check("\n", Err((1, "too short for a SHA-256 line")));
    }
}
