//! DNS messages (RFC 1035): question names, and answer names and addresses,
//! with name compression. Written by hand because the crates that parse
//! DNS allocate per record, and this runs on every DNS packet of a
//! gigabyte capture.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Something a DNS message says, handed to the caller as it is read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum DnsItem<'a> {
    Question(&'a [u8]),
    /// A name given in an answer's data (CNAME, DNAME, NS, PTR, SRV/MX targets).
    AnswerName(&'a [u8]),
    AnswerAddress(IpAddr),
}

/// Why a message could not be read to the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DnsError {
    Short,
    BadName,
}

const MAX_JUMPS: usize = 64;

/// Reads a possibly compressed name starting at `pos` into `out` as dotted
/// text. Returns (text length, position after the name in the message).
fn read_name(msg: &[u8], mut pos: usize, out: &mut [u8; 256]) -> Result<(usize, usize), DnsError> {
    let mut len = 0;
    let mut after = None;
    let mut jumps = 0;
    loop {
        let &b = msg.get(pos).ok_or(DnsError::Short)?;
        match b & 0xC0 {
            0x00 if b == 0 => {
                return Ok((len, after.unwrap_or(pos + 1)));
            }
            0x00 => {
                let n = b as usize;
                let label = msg.get(pos + 1..pos + 1 + n).ok_or(DnsError::Short)?;
                let extra = usize::from(len > 0);
                if len + extra + n > 253 {
                    return Err(DnsError::BadName);
                }
                if extra == 1 {
                    out[len] = b'.';
                    len += 1;
                }
                out[len..len + n].copy_from_slice(label);
                len += n;
                pos += 1 + n;
            }
            0xC0 => {
                let &lo = msg.get(pos + 1).ok_or(DnsError::Short)?;
                if after.is_none() {
                    after = Some(pos + 2);
                }
                jumps += 1;
                if jumps > MAX_JUMPS {
                    return Err(DnsError::BadName);
                }
                pos = (usize::from(b & 0x3F) << 8) | usize::from(lo);
            }
            _ => return Err(DnsError::BadName),
        }
    }
}

fn u16_at(msg: &[u8], pos: usize) -> Result<u16, DnsError> {
    msg.get(pos..pos + 2)
        .map(|s| u16::from_be_bytes([s[0], s[1]]))
        .ok_or(DnsError::Short)
}

/// Walks one DNS message. Items already delivered stay delivered if the
/// message turns out to be cut short; the error says it was.
pub(crate) fn parse(msg: &[u8], mut item: impl FnMut(DnsItem<'_>)) -> Result<(), DnsError> {
    if msg.len() < 12 {
        return Err(DnsError::Short);
    }
    let qd = u16_at(msg, 4)?;
    let an = u16_at(msg, 6)?;
    let mut pos = 12;
    let mut buf = [0u8; 256];
    for _ in 0..qd {
        let (n, next) = read_name(msg, pos, &mut buf)?;
        item(DnsItem::Question(&buf[..n]));
        pos = next + 4;
    }
    for _ in 0..an {
        let (_, next) = read_name(msg, pos, &mut buf)?;
        let rtype = u16_at(msg, next)?;
        let rdlen = usize::from(u16_at(msg, next + 8)?);
        let start = next + 10;
        let rdata = msg.get(start..start + rdlen).ok_or(DnsError::Short)?;
        match (rtype, rdlen) {
            (1, 4) => item(DnsItem::AnswerAddress(IpAddr::V4(Ipv4Addr::new(
                rdata[0], rdata[1], rdata[2], rdata[3],
            )))),
            (28, 16) => {
                let mut a = [0u8; 16];
                a.copy_from_slice(rdata);
                item(DnsItem::AnswerAddress(IpAddr::V6(Ipv6Addr::from(a))));
            }
            // CNAME, NS, PTR, DNAME: the data is a name.
            (5 | 2 | 12 | 39, _) => {
                let (n, _) = read_name(msg, start, &mut buf)?;
                item(DnsItem::AnswerName(&buf[..n]));
            }
            // MX: preference, then a name.
            (15, _) if rdlen > 2 => {
                let (n, _) = read_name(msg, start + 2, &mut buf)?;
                item(DnsItem::AnswerName(&buf[..n]));
            }
            // SRV: priority, weight, port, then a name.
            (33, _) if rdlen > 6 => {
                let (n, _) = read_name(msg, start + 6, &mut buf)?;
                item(DnsItem::AnswerName(&buf[..n]));
            }
            _ => {}
        }
        pos = start + rdlen;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a message: header counts, then raw bytes of the sections.
    fn msg(qd: u16, an: u16, body: &[u8]) -> Vec<u8> {
        let mut m = vec![0x12, 0x34, 0x81, 0x80];
        m.extend_from_slice(&qd.to_be_bytes());
        m.extend_from_slice(&an.to_be_bytes());
        m.extend_from_slice(&[0, 0, 0, 0]);
        m.extend_from_slice(body);
        m
    }

    fn check(m: &[u8], expected: &[&str], result: Result<(), DnsError>) {
        let mut got = Vec::new();
        let r = parse(m, |i| {
            got.push(match i {
                DnsItem::Question(n) => format!("q {}", String::from_utf8_lossy(n)),
                DnsItem::AnswerName(n) => format!("n {}", String::from_utf8_lossy(n)),
                DnsItem::AnswerAddress(a) => format!("a {a}"),
            })
        });
        assert_eq!(got, expected);
        assert_eq!(r, result);
    }

    const Q: &[u8] = b"\x03api\x05copy9\x03com\x00\x00\x01\x00\x01";

    #[test]
    fn questions_answers_and_compression() {
        check(&msg(1, 0, Q), &["q api.copy9.com"], Ok(()));
        let mut body = Q.to_vec();
        // CNAME api.copy9.com -> cdn.<pointer to copy9.com at offset 16>
        body.extend_from_slice(b"\xc0\x0c\x00\x05\x00\x01\x00\x00\x00\x3c\x00\x06\x03cdn\xc0\x10");
        // A record for the CNAME target (pointer to the CNAME's data at 43).
        body.extend_from_slice(b"\xc0\x2b\x00\x01\x00\x01\x00\x00\x00\x3c\x00\x04\x2f\xfc\x17\x28");
        // AAAA
        body.extend_from_slice(b"\xc0\x2b\x00\x1c\x00\x01\x00\x00\x00\x3c\x00\x10");
        body.extend_from_slice(&[0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
        check(
            &msg(1, 3, &body),
            &["q api.copy9.com", "n cdn.copy9.com", "a 47.252.23.40", "a 2001:db8::1"],
            Ok(()),
        );
    }

    #[test]
    fn hostile_messages_end_with_an_error() {
        check(&[0; 5], &[], Err(DnsError::Short));
        check(&msg(1, 0, b"\x03api"), &[], Err(DnsError::Short));
        // A pointer to itself loops; it must stop.
        check(&msg(1, 0, b"\xc0\x0c"), &[], Err(DnsError::BadName));
        // Reserved label type 0x40.
        check(&msg(1, 0, b"\x41"), &[], Err(DnsError::BadName));
        // Names longer than 253 characters are refused.
        let mut long = Vec::new();
        for _ in 0..5 {
            long.push(63);
            long.extend_from_slice(&[b'a'; 63]);
        }
        long.push(0);
        check(&msg(1, 0, &long), &[], Err(DnsError::BadName));
        // Question read, answer cut short: the question still counts.
        let mut body = Q.to_vec();
        body.extend_from_slice(b"\xc0\x0c\x00\x01\x00\x01\x00\x00\x00\x3c\x00\x04\x2f");
        check(&msg(1, 1, &body), &["q api.copy9.com"], Err(DnsError::Short));
    }
}
