//! The server name (SNI) in a TLS ClientHello, read from the start of a TCP
//! stream. No TLS crate parses a bare, possibly partial ClientHello without
//! a handshake state machine, so this is the one small piece done by hand.

/// Result of looking at the first bytes a client sent.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Hello<'a> {
    /// Not a TLS handshake record.
    NotTls,
    /// A ClientHello whose `server_name` extension holds this host name.
    ServerName(&'a [u8]),
    /// A ClientHello without a host-name SNI (or with ECH hiding it).
    NoServerName,
    /// A ClientHello cut off before its SNI; `needed` is the full record size.
    Incomplete { needed: usize },
}

struct Cur<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Cur<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.b.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }
    fn u8(&mut self) -> Option<usize> {
        self.take(1).map(|s| usize::from(s[0]))
    }
    fn u16(&mut self) -> Option<usize> {
        self.take(2).map(|s| usize::from(u16::from_be_bytes([s[0], s[1]])))
    }
}

/// Looks for the SNI in `data`, the first bytes of a client's TCP payload.
/// Handshake messages may span records; only the first record is read,
/// which is where every client puts its ClientHello.
pub(crate) fn client_hello(data: &[u8]) -> Hello<'_> {
    if data.len() < 6 || data[0] != 0x16 || data[1] != 0x03 || data[5] != 0x01 {
        return Hello::NotTls;
    }
    let record_len = usize::from(u16::from_be_bytes([data[3], data[4]]));
    let needed = 5 + record_len;
    let body = &data[5..data.len().min(needed)];
    match parse_hello(body) {
        Some(h) => h,
        None if data.len() < needed => Hello::Incomplete { needed },
        None => Hello::NoServerName,
    }
}

/// `None` when the bytes run out (or are malformed) before an answer.
fn parse_hello(body: &[u8]) -> Option<Hello<'_>> {
    let mut c = Cur { b: body, pos: 0 };
    c.take(4)?; // handshake type and length
    c.take(2 + 32)?; // client_version, random
    let sid = c.u8()?;
    c.take(sid)?;
    let suites = c.u16()?;
    c.take(suites)?;
    let comp = c.u8()?;
    c.take(comp)?;
    let ext_total = c.u16()?;
    let end = c.pos.checked_add(ext_total)?;
    while c.pos + 4 <= end {
        let kind = c.u16()?;
        let len = c.u16()?;
        let ext = c.take(len)?;
        if kind == 0 {
            let mut e = Cur { b: ext, pos: 0 };
            let list = e.u16()?;
            let list_end = (e.pos + list).min(ext.len());
            while e.pos + 3 <= list_end {
                let name_type = e.u8()?;
                let n = e.u16()?;
                let name = e.take(n)?;
                if name_type == 0 && !name.is_empty() {
                    return Some(Hello::ServerName(name));
                }
            }
            return Some(Hello::NoServerName);
        }
    }
    if c.pos >= end { Some(Hello::NoServerName) } else { None }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::capture::synth::client_hello as hello;

    fn check(data: &[u8], expected: Hello<'_>) {
        assert_eq!(client_hello(data), expected);
    }

    #[test]
    fn server_names() {
        check(&hello(Some("api.copy9.com"), 0), Hello::ServerName(b"api.copy9.com"));
        check(&hello(Some("x.example"), 300), Hello::ServerName(b"x.example"));
        check(&hello(None, 10), Hello::NoServerName);
        check(b"GET / HTTP/1.1\r\n", Hello::NotTls);
        check(&[0x16, 0x03], Hello::NotTls);
        let full = hello(Some("late.example"), 1500);
        check(&full[..1000], Hello::Incomplete { needed: full.len() });
        // A record that claims more than it holds, with garbage inside.
        let mut bad = full.clone();
        bad[5 + 4 + 34 + 1 + 32] = 0xff;
        assert!(matches!(
            client_hello(&bad),
            Hello::NoServerName | Hello::Incomplete { .. }
        ));
    }
}
