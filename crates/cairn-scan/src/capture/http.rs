//! The host (and path) of a plain-HTTP request, from the first segment.

/// Methods that begin an HTTP/1.x request line.
const METHODS: &[&[u8]] = &[
    b"GET ",
    b"POST ",
    b"HEAD ",
    b"PUT ",
    b"DELETE ",
    b"OPTIONS ",
    b"PATCH ",
    b"CONNECT ",
];

/// Only this much of a segment is searched for the Host header.
const HEAD_LIMIT: usize = 8 * 1024;

#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Request<'a> {
    /// Host without port; from the Host header or an absolute-form target.
    pub host: &'a [u8],
    /// Request target path (origin-form), if any.
    pub path: &'a [u8],
}

pub(crate) fn is_request(data: &[u8]) -> bool {
    METHODS.iter().any(|m| data.starts_with(m))
}

pub(crate) fn request(data: &[u8]) -> Option<Request<'_>> {
    if !is_request(data) {
        return None;
    }
    let head = &data[..data.len().min(HEAD_LIMIT)];
    let line_end = memchr::memmem::find(head, b"\r\n").unwrap_or(head.len());
    let line = &head[..line_end];
    let mut parts = line.split(|b| *b == b' ');
    let method = parts.next()?;
    let target = parts.next().unwrap_or_default();
    if let Some(rest) = target
        .strip_prefix(b"http://")
        .or_else(|| target.strip_prefix(b"https://"))
    {
        let slash = memchr::memchr(b'/', rest).unwrap_or(rest.len());
        return Some(Request {
            host: strip_port(&rest[..slash]),
            path: &rest[slash..],
        });
    }
    let path = if method == b"CONNECT" { b"".as_slice() } else { target };
    let mut pos = line_end;
    while pos + 2 < head.len() {
        let start = pos + 2;
        let end = memchr::memmem::find(&head[start..], b"\r\n").map_or(head.len(), |e| start + e);
        let h = &head[start..end];
        if h.is_empty() {
            break;
        }
        if h.len() > 5 && h[..5].eq_ignore_ascii_case(b"host:") {
            let v = h[5..].trim_ascii();
            return Some(Request {
                host: strip_port(v),
                path,
            });
        }
        pos = end;
    }
    if method == b"CONNECT" {
        return Some(Request {
            host: strip_port(target),
            path,
        });
    }
    None
}

fn strip_port(h: &[u8]) -> &[u8] {
    if h.first() == Some(&b'[') {
        // [v6]:port
        return match memchr::memchr(b']', h) {
            Some(e) => &h[1..e],
            None => h,
        };
    }
    match memchr::memrchr(b':', h) {
        Some(c) if h[c + 1..].iter().all(u8::is_ascii_digit) => &h[..c],
        _ => h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(data: &[u8], expected: Option<(&str, &str)>) {
        let got = request(data).map(|r| {
            (
                String::from_utf8_lossy(r.host).into_owned(),
                String::from_utf8_lossy(r.path).into_owned(),
            )
        });
        assert_eq!(got.as_ref().map(|(h, p)| (h.as_str(), p.as_str())), expected);
    }

    #[test]
    fn hosts() {
        check(
            b"GET /x?y HTTP/1.1\r\nUser-Agent: a\r\nhOsT:  Copy9.com:8080 \r\n\r\n",
            Some(("Copy9.com", "/x?y")),
        );
        check(
            b"POST http://c2.example/up HTTP/1.1\r\nHost: other\r\n\r\n",
            Some(("c2.example", "/up")),
        );
        check(b"CONNECT spy.example:443 HTTP/1.1\r\n\r\n", Some(("spy.example", "")));
        check(
            b"GET / HTTP/1.1\r\nHost: [2001:db8::1]:80\r\n\r\n",
            Some(("2001:db8::1", "/")),
        );
        check(b"GET / HTTP/1.0\r\n\r\nHost: late\r\n", None);
        check(b"HTTP/1.1 200 OK\r\nHost: x\r\n", None);
        check(b"GET ", None);
    }
}
