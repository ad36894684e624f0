//! Builders for synthetic captures, used by the tests, the fuzz seeds and
//! the benchmark generator. Packets are built with `etherparse`, so
//! checksums are right and other tools (tshark) read them as real traffic.

use std::io::{self, Write};
use std::net::IpAddr;

use etherparse::PacketBuilder;

/// Link-layer framing for a raw IP packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    Ethernet,
    /// Linux cooked capture v1 (`tcpdump -i any` before libpcap 1.10).
    Sll,
    /// Linux cooked capture v2.
    Sll2,
    Raw,
}

impl Link {
    pub fn linktype(self) -> u32 {
        match self {
            Link::Ethernet => 1,
            Link::Sll => 113,
            Link::Sll2 => 276,
            Link::Raw => 101,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub enum Transport {
    Udp { sport: u16, dport: u16 },
    Tcp { sport: u16, dport: u16, seq: u32 },
}

/// An IP packet (v4 or v6 by address) wrapped in `link`.
pub fn packet(link: Link, src: IpAddr, dst: IpAddr, t: Transport, payload: &[u8]) -> Vec<u8> {
    let (ether_type, mut out) = match (src, dst) {
        (IpAddr::V4(_), IpAddr::V4(_)) => (0x0800u16, Vec::with_capacity(payload.len() + 80)),
        _ => (0x86DDu16, Vec::with_capacity(payload.len() + 100)),
    };
    match link {
        Link::Ethernet => {
            out.extend_from_slice(&[0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01]);
            out.extend_from_slice(&ether_type.to_be_bytes());
        }
        Link::Sll => {
            out.extend_from_slice(&[0, 4, 0, 1, 0, 6, 0x02, 0, 0, 0, 0, 0x01, 0, 0]);
            out.extend_from_slice(&ether_type.to_be_bytes());
        }
        Link::Sll2 => {
            out.extend_from_slice(&ether_type.to_be_bytes());
            out.extend_from_slice(&[0, 0, 0, 0, 0, 2, 0, 1, 4, 6, 0x02, 0, 0, 0, 0, 0x01, 0, 0]);
        }
        Link::Raw => {}
    }
    let ip = match (src, dst) {
        (IpAddr::V4(s), IpAddr::V4(d)) => PacketBuilder::ipv4(s.octets(), d.octets(), 64),
        (s, d) => PacketBuilder::ipv6(v6(s), v6(d), 64),
    };
    // Writing to a Vec cannot fail; the only error is an oversized payload,
    // which the builders here never produce.
    let _ = match t {
        Transport::Udp { sport, dport } => ip.udp(sport, dport).write(&mut out, payload),
        Transport::Tcp { sport, dport, seq } => ip.tcp(sport, dport, seq, 64240).ack(1).psh().write(&mut out, payload),
    };
    out
}

fn v6(a: IpAddr) -> [u8; 16] {
    match a {
        IpAddr::V6(v) => v.octets(),
        IpAddr::V4(v) => v.to_ipv6_mapped().octets(),
    }
}

fn encode_name(out: &mut Vec<u8>, name: &str) {
    for label in name.trim_end_matches('.').split('.') {
        out.push(label.len().min(63) as u8);
        out.extend_from_slice(&label.as_bytes()[..label.len().min(63)]);
    }
    out.push(0);
}

/// A standard query for `name` (type A).
pub fn dns_query(id: u16, name: &str) -> Vec<u8> {
    let mut m = id.to_be_bytes().to_vec();
    m.extend_from_slice(&[0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
    encode_name(&mut m, name);
    m.extend_from_slice(&[0, 1, 0, 1]);
    m
}

/// A response: the question, an optional CNAME (compressed against the
/// question), and A/AAAA records for the final name.
pub fn dns_response(id: u16, name: &str, cname: Option<&str>, addrs: &[IpAddr]) -> Vec<u8> {
    let mut m = id.to_be_bytes().to_vec();
    let an = addrs.len() + usize::from(cname.is_some());
    m.extend_from_slice(&[0x81, 0x80, 0, 1]);
    m.extend_from_slice(&(an as u16).to_be_bytes());
    m.extend_from_slice(&[0, 0, 0, 0]);
    encode_name(&mut m, name);
    m.extend_from_slice(&[0, 1, 0, 1]);
    let mut owner: u16 = 0xC00C;
    if let Some(c) = cname {
        m.extend_from_slice(&owner.to_be_bytes());
        m.extend_from_slice(&[0, 5, 0, 1, 0, 0, 0, 60]);
        let mut data = Vec::new();
        encode_name(&mut data, c);
        m.extend_from_slice(&(data.len() as u16).to_be_bytes());
        owner = 0xC000 | (m.len() as u16);
        m.extend_from_slice(&data);
    }
    for a in addrs {
        m.extend_from_slice(&owner.to_be_bytes());
        match a {
            IpAddr::V4(v) => {
                m.extend_from_slice(&[0, 1, 0, 1, 0, 0, 0, 60, 0, 4]);
                m.extend_from_slice(&v.octets());
            }
            IpAddr::V6(v) => {
                m.extend_from_slice(&[0, 28, 0, 1, 0, 0, 0, 60, 0, 16]);
                m.extend_from_slice(&v.octets());
            }
        }
    }
    m
}

/// A TLS 1.3-style ClientHello record; `pad` bytes of padding extension
/// come before the SNI, to push it past the first segment when large.
pub fn client_hello(sni: Option<&str>, pad: usize) -> Vec<u8> {
    let mut exts = Vec::new();
    if pad > 0 {
        exts.extend_from_slice(&21u16.to_be_bytes());
        exts.extend_from_slice(&(pad as u16).to_be_bytes());
        exts.resize(exts.len() + pad, 0);
    }
    if let Some(s) = sni {
        let n = s.len() as u16;
        exts.extend_from_slice(&0u16.to_be_bytes());
        exts.extend_from_slice(&(n + 5).to_be_bytes());
        exts.extend_from_slice(&(n + 3).to_be_bytes());
        exts.push(0);
        exts.extend_from_slice(&n.to_be_bytes());
        exts.extend_from_slice(s.as_bytes());
    }
    // supported_versions: TLS 1.3
    exts.extend_from_slice(&[0, 43, 0, 3, 2, 3, 4]);
    let mut hs = vec![0x03, 0x03];
    hs.extend_from_slice(&[7; 32]);
    hs.push(32);
    hs.extend_from_slice(&[9; 32]);
    hs.extend_from_slice(&[0, 2, 0x13, 0x01, 1, 0]);
    hs.extend_from_slice(&(exts.len() as u16).to_be_bytes());
    hs.extend_from_slice(&exts);
    let mut msg = vec![1];
    msg.extend_from_slice(&(hs.len() as u32).to_be_bytes()[1..]);
    msg.extend_from_slice(&hs);
    let mut rec = vec![0x16, 0x03, 0x01];
    rec.extend_from_slice(&(msg.len() as u16).to_be_bytes());
    rec.extend_from_slice(&msg);
    rec
}

pub fn http_get(host: &str, path: &str) -> Vec<u8> {
    format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: okhttp/4.9.0\r\nAccept: */*\r\n\r\n").into_bytes()
}

/// Classic pcap (microsecond or nanosecond timestamps).
pub struct PcapWriter<W: Write> {
    out: W,
    nanos: bool,
}

impl<W: Write> PcapWriter<W> {
    pub fn new(mut out: W, linktype: u32, nanos: bool) -> io::Result<Self> {
        let magic: u32 = if nanos { 0xa1b2_3c4d } else { 0xa1b2_c3d4 };
        out.write_all(&magic.to_le_bytes())?;
        out.write_all(&2u16.to_le_bytes())?;
        out.write_all(&4u16.to_le_bytes())?;
        out.write_all(&[0; 8])?;
        out.write_all(&262_144u32.to_le_bytes())?;
        out.write_all(&linktype.to_le_bytes())?;
        Ok(PcapWriter { out, nanos })
    }

    pub fn packet(&mut self, ts_ns: i64, data: &[u8]) -> io::Result<()> {
        let secs = (ts_ns / 1_000_000_000) as u32;
        let frac = (ts_ns % 1_000_000_000) as u32;
        let frac = if self.nanos { frac } else { frac / 1000 };
        let len = data.len() as u32;
        let mut h = [0u8; 16];
        h[..4].copy_from_slice(&secs.to_le_bytes());
        h[4..8].copy_from_slice(&frac.to_le_bytes());
        h[8..12].copy_from_slice(&len.to_le_bytes());
        h[12..].copy_from_slice(&len.to_le_bytes());
        self.out.write_all(&h)?;
        self.out.write_all(data)
    }

    pub fn into_inner(self) -> W {
        self.out
    }
}

/// pcapng with one section and interfaces with nanosecond resolution.
pub struct PcapNgWriter<W: Write> {
    out: W,
}

impl<W: Write> PcapNgWriter<W> {
    pub fn new(mut out: W) -> io::Result<Self> {
        block(
            &mut out,
            0x0A0D_0D0A,
            &[
                0x4D, 0x3C, 0x2B, 0x1A, 1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
            ],
        )?;
        Ok(PcapNgWriter { out })
    }

    /// Adds an interface; its id is the order of addition.
    pub fn interface(&mut self, linktype: u16) -> io::Result<()> {
        let mut b = Vec::new();
        b.extend_from_slice(&linktype.to_le_bytes());
        b.extend_from_slice(&[0, 0]);
        b.extend_from_slice(&262_144u32.to_le_bytes());
        // if_tsresol = 9 (nanoseconds), then end of options.
        b.extend_from_slice(&[9, 0, 1, 0, 9, 0, 0, 0, 0, 0, 0, 0]);
        block(&mut self.out, 1, &b)
    }

    pub fn packet(&mut self, interface: u32, ts_ns: i64, data: &[u8]) -> io::Result<()> {
        let ts = ts_ns as u64;
        let mut b = Vec::with_capacity(data.len() + 24);
        b.extend_from_slice(&interface.to_le_bytes());
        b.extend_from_slice(&((ts >> 32) as u32).to_le_bytes());
        b.extend_from_slice(&(ts as u32).to_le_bytes());
        b.extend_from_slice(&(data.len() as u32).to_le_bytes());
        b.extend_from_slice(&(data.len() as u32).to_le_bytes());
        b.extend_from_slice(data);
        b.resize(b.len().next_multiple_of(4), 0);
        block(&mut self.out, 6, &b)
    }

    pub fn into_inner(self) -> W {
        self.out
    }
}

fn block<W: Write>(out: &mut W, kind: u32, body: &[u8]) -> io::Result<()> {
    let len = (body.len() + 12) as u32;
    out.write_all(&kind.to_le_bytes())?;
    out.write_all(&len.to_le_bytes())?;
    out.write_all(body)?;
    out.write_all(&len.to_le_bytes())
}
