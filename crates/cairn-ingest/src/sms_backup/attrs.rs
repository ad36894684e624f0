//! The attribute values an importer keeps from one tag.

use super::entities::unescape_into;
use super::lexer::same_name;

/// Attribute values we keep, by name.
#[derive(Default)]
pub(super) struct Attrs {
    /// The values, unescaped and checked, one after the other: one buffer
    /// for all rather than a `String` each.
    text: String,
    /// Values unescaped but not yet checked as UTF-8, see [`Attrs::seal`].
    unchecked: Vec<u8>,
    /// Where each value lies (in `text` once sealed, in `unchecked` before);
    /// `None` for one that was too long.
    spans: Vec<(&'static str, Option<(usize, usize)>)>,
    sealed: usize,
}

impl Attrs {
    pub fn clear(&mut self) {
        self.text.clear();
        self.unchecked.clear();
        self.spans.clear();
        self.sealed = 0;
    }

    /// Keeps a raw value (`None`: too long); call [`Attrs::seal`] before
    /// reading it.
    pub fn push(&mut self, name: &'static str, raw: Option<&[u8]>) {
        let span = raw.map(|raw| {
            let start = self.unchecked.len();
            unescape_into(raw, &mut self.unchecked);
            (start, self.unchecked.len())
        });
        self.spans.push((name, span));
    }

    /// Moves the values pushed since the last call into `text`, invalid
    /// UTF-8 replaced value by value. Checking a tag's values in one go is
    /// much cheaper than value by value, and gives the same result when all
    /// are valid and each starts and ends on a character boundary.
    pub fn seal(&mut self) {
        let base = self.text.len();
        let fresh = &mut self.spans[self.sealed..];
        match std::str::from_utf8(&self.unchecked) {
            Ok(all)
                if fresh
                    .iter()
                    .filter_map(|(_, span)| *span)
                    .all(|(start, end)| all.is_char_boundary(start) && all.is_char_boundary(end)) =>
            {
                self.text.push_str(all);
                for (start, end) in fresh.iter_mut().filter_map(|(_, span)| span.as_mut()) {
                    (*start, *end) = (base + *start, base + *end);
                }
            }
            _ => {
                for (start, end) in fresh.iter_mut().filter_map(|(_, span)| span.as_mut()) {
                    let value = String::from_utf8_lossy(&self.unchecked[*start..*end]);
                    *start = self.text.len();
                    self.text.push_str(&value);
                    *end = self.text.len();
                }
            }
        }
        self.unchecked.clear();
        self.sealed = self.spans.len();
    }

    /// The value, with the app's spellings of "absent" read as absent.
    pub fn get(&self, name: &str) -> Option<&str> {
        let v = self.raw(name)?;
        (!matches!(v, "null" | "(Unknown)")).then_some(v)
    }

    pub fn raw(&self, name: &str) -> Option<&str> {
        let (start, end) = self.spans[..self.sealed]
            .iter()
            // The names asked for are the literals they were kept under,
            // most often the very same ones.
            .find(|(n, _)| std::ptr::eq(*n, name) || same_name(n.as_bytes(), name.as_bytes()))?
            .1?;
        Some(&self.text[start..end])
    }

    pub fn too_long(&self) -> bool {
        self.spans.iter().any(|(_, v)| v.is_none())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_each_alone() {
        let values: [&[u8]; 5] = [
            b"plain",
            b"caf\xC3\xA9 &amp; \xF0\x9F",
            b"\x98\x8E tail",
            b"&#233;",
            b"\xFF",
        ];
        for together in [true, false] {
            let mut a = Attrs::default();
            for (name, value) in ["a", "b", "c", "d", "e"].into_iter().zip(values) {
                a.push(name, Some(value));
                if !together {
                    a.seal();
                }
            }
            a.push("f", None);
            a.seal();
            assert_eq!(a.raw("a"), Some("plain"));
            // A character split between two values is two broken ones.
            assert_eq!(a.raw("b"), Some("caf\u{e9} & \u{FFFD}"));
            assert_eq!(a.raw("c"), Some("\u{FFFD}\u{FFFD} tail"));
            assert_eq!(a.raw("d"), Some("\u{e9}"));
            assert_eq!(a.raw("e"), Some("\u{FFFD}"));
            assert_eq!((a.raw("f"), a.too_long()), (None, true));
        }
    }
}
