//! XML entities as SMS Backup & Restore writes them. It writes emoji as
//! UTF-16 surrogate pairs (`&#55357;&#56846;`), which strict parsers
//! reject; here they are joined into one character.

use memchr::memchr;

/// Decodes XML entities. Lenient where the app is sloppy: surrogate pairs
/// written as two character references become one character, a lone
/// surrogate becomes U+FFFD, an unknown entity is kept as written, invalid
/// UTF-8 is replaced rather than refused.
pub(crate) fn unescape(raw: &[u8]) -> String {
    if memchr(b'&', raw).is_none() {
        return String::from_utf8_lossy(raw).into_owned();
    }
    let mut out: Vec<u8> = Vec::with_capacity(raw.len());
    let mut high: Option<u32> = None;
    let mut i = 0;
    while i < raw.len() {
        let (entity, used) = if raw[i] == b'&' {
            entity_at(&raw[i..])
        } else {
            (None, 0)
        };
        let Some(code) = entity else {
            flush_high(&mut out, &mut high);
            out.push(raw[i]);
            i += 1;
            continue;
        };
        i += used;
        match code {
            0xD800..=0xDBFF => {
                flush_high(&mut out, &mut high);
                high = Some(code);
            }
            0xDC00..=0xDFFF => {
                let c = match high.take() {
                    Some(h) => char::from_u32(0x10000 + ((h - 0xD800) << 10) + (code - 0xDC00)),
                    None => None,
                };
                push_char(&mut out, c.unwrap_or('\u{FFFD}'));
            }
            _ => {
                flush_high(&mut out, &mut high);
                push_char(&mut out, char::from_u32(code).unwrap_or('\u{FFFD}'));
            }
        }
    }
    flush_high(&mut out, &mut high);
    String::from_utf8_lossy(&out).into_owned()
}

fn flush_high(out: &mut Vec<u8>, high: &mut Option<u32>) {
    if high.take().is_some() {
        push_char(out, '\u{FFFD}');
    }
}

fn push_char(out: &mut Vec<u8>, c: char) {
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

/// The code point of the entity at the start of `s` and its length.
pub(crate) fn entity_at(s: &[u8]) -> (Option<u32>, usize) {
    let Some(end) = s.iter().take(12).position(|&b| b == b';') else {
        return (None, 0);
    };
    let name = &s[1..end];
    let code = match name {
        b"lt" => Some(u32::from(b'<')),
        b"gt" => Some(u32::from(b'>')),
        b"amp" => Some(u32::from(b'&')),
        b"quot" => Some(u32::from(b'"')),
        b"apos" => Some(u32::from(b'\'')),
        [b'#', b'x' | b'X', hex @ ..] if !hex.is_empty() => parse_radix(hex, 16),
        [b'#', dec @ ..] if !dec.is_empty() => parse_radix(dec, 10),
        _ => None,
    };
    match code {
        Some(c) if c <= 0x10FFFF => (Some(c), end + 1),
        _ => (None, 0),
    }
}

fn parse_radix(digits: &[u8], radix: u32) -> Option<u32> {
    std::str::from_utf8(digits)
        .ok()
        .and_then(|s| u32::from_str_radix(s, radix).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescapes_entities_and_joins_surrogates() {
        assert_eq!(unescape(b"plain"), "plain");
        assert_eq!(
            unescape(b"a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;"),
            "a <b> & \"c\" 'd'"
        );
        assert_eq!(unescape(b"line&#10;next&#xD;"), "line\nnext\r");
        assert_eq!(unescape(b"ok &#55357;&#56846;!"), "ok \u{1F60E}!");
        assert_eq!(unescape(b"&#55357;x"), "\u{FFFD}x");
        assert_eq!(unescape(b"&#56846;"), "\u{FFFD}");
        assert_eq!(unescape(b"&nbsp; & &#;"), "&nbsp; & &#;");
        assert_eq!(unescape(b"&#x110000;"), "&#x110000;");
    }
}
