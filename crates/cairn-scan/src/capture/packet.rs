//! Per-packet work: link and IP headers with `etherparse`, then DNS, TLS
//! and HTTP payloads, with every indicator hit aggregated as it happens.

use std::collections::HashMap;
use std::net::IpAddr;

use etherparse::{EtherType, LaxNetSlice, LaxSlicedPacket, TransportSlice};
use pcap_parser::Linktype;

use super::container::Frame;
use super::report::{CaptureReport, CaptureStats, Channel, NetworkMatch};
use super::{CaptureFormat, Stop, StopReason, dns, http, tls};
use crate::findings::{CheckArea, Coverage, GapReason, IndicatorRef};
use crate::indicators::{DomainRole, IndicatorKind, IndicatorMatch, IndicatorSet};

/// ClientHellos larger than one segment are joined up to this size.
const MAX_HELLO: usize = 16 * 1024;
/// Flows with a partial ClientHello kept at once.
const MAX_PENDING: usize = 4096;

type FlowKey = (IpAddr, IpAddr, u16, u16);

struct PendingHello {
    next_seq: u32,
    needed: usize,
    buf: Vec<u8>,
}

#[derive(Hash, PartialEq, Eq)]
struct AggKey {
    channel: Channel,
    observed: Box<[u8]>,
    app: usize,
    kind: IndicatorKind,
    role: DomainRole,
    indicator: Box<str>,
}

struct Agg {
    indicator: IndicatorRef,
    count: u64,
    first_ns: Option<i64>,
    last_ns: Option<i64>,
    first_packet: u64,
    last_packet: u64,
}

pub(crate) struct Analyzer<'a> {
    indicators: &'a IndicatorSet,
    check_ips: bool,
    stats: CaptureStats,
    packet_no: u64,
    ts: Option<i64>,
    first_ts: Option<i64>,
    last_ts: Option<i64>,
    agg: HashMap<AggKey, Agg>,
    pending: HashMap<FlowKey, PendingHello>,
}

/// Records a hit; a free function so callers can hold other borrows of the analyzer.
fn record(
    agg: &mut HashMap<AggKey, Agg>,
    m: IndicatorMatch<'_>,
    channel: Channel,
    observed: &[u8],
    pkt: u64,
    ts: Option<i64>,
) {
    let key = AggKey {
        channel,
        observed: observed.to_ascii_lowercase().into(),
        app: m.app_id,
        kind: m.kind,
        role: m.role,
        indicator: m.indicator.into(),
    };
    let a = agg.entry(key).or_insert_with(|| Agg {
        indicator: IndicatorRef::from(&m),
        count: 0,
        first_ns: ts,
        last_ns: ts,
        first_packet: pkt,
        last_packet: pkt,
    });
    a.count += 1;
    a.last_packet = pkt;
    if ts.is_some() {
        a.first_ns = a.first_ns.min(ts).or(ts);
        a.last_ns = a.last_ns.max(ts);
    }
}

impl<'a> Analyzer<'a> {
    pub(crate) fn new(indicators: &'a IndicatorSet) -> Self {
        Analyzer {
            indicators,
            check_ips: indicators.has_ips(),
            stats: CaptureStats::default(),
            packet_no: 0,
            ts: None,
            first_ts: None,
            last_ts: None,
            agg: HashMap::new(),
            pending: HashMap::new(),
        }
    }

    fn name(&mut self, channel: Channel, name: &[u8]) {
        let (pkt, ts, ind) = (self.packet_no, self.ts, self.indicators);
        let agg = &mut self.agg;
        ind.for_each_domain_match(name, |m| record(agg, m, channel, name, pkt, ts));
    }

    fn ip(&mut self, channel: Channel, ip: IpAddr) {
        if let Some(ms) = self.indicators.ip_matches(&ip) {
            let shown = ip.to_string();
            for m in ms {
                record(&mut self.agg, m, channel, shown.as_bytes(), self.packet_no, self.ts);
            }
        }
    }

    pub(crate) fn frame(&mut self, f: &Frame<'_>) {
        self.packet_no += 1;
        self.stats.packets += 1;
        self.ts = f.ts_ns;
        if let Some(t) = f.ts_ns {
            self.first_ts = Some(self.first_ts.map_or(t, |x| x.min(t)));
            self.last_ts = Some(self.last_ts.map_or(t, |x| x.max(t)));
        }
        if f.cut {
            self.stats.cut_frames += 1;
        }
        let d = f.data;
        let sliced = match f.linktype {
            Linktype::ETHERNET => LaxSlicedPacket::from_ethernet(d).ok(),
            Linktype::LINUX_SLL if d.len() >= 16 => Some(LaxSlicedPacket::from_ether_type(
                EtherType(u16::from_be_bytes([d[14], d[15]])),
                &d[16..],
            )),
            Linktype::LINUX_SLL2 if d.len() >= 20 => Some(LaxSlicedPacket::from_ether_type(
                EtherType(u16::from_be_bytes([d[0], d[1]])),
                &d[20..],
            )),
            Linktype::RAW | Linktype::IPV4 | Linktype::IPV6 | Linktype(12) | Linktype(14) => {
                LaxSlicedPacket::from_ip(d).ok()
            }
            Linktype::NULL | Linktype::LOOP if d.len() >= 4 => LaxSlicedPacket::from_ip(&d[4..]).ok(),
            Linktype::LINUX_SLL | Linktype::LINUX_SLL2 | Linktype::NULL | Linktype::LOOP => None,
            other => {
                let k = u16::try_from(other.0).unwrap_or(u16::MAX);
                *self.stats.unsupported_link_types.entry(k).or_default() += 1;
                return;
            }
        };
        let Some(p) = sliced else {
            self.stats.undecodable += 1;
            return;
        };
        let (src, dst, fragmented) = match &p.net {
            Some(LaxNetSlice::Ipv4(v4)) => {
                self.stats.ipv4 += 1;
                let h = v4.header();
                (
                    IpAddr::V4(h.source_addr()),
                    IpAddr::V4(h.destination_addr()),
                    v4.payload().fragmented,
                )
            }
            Some(LaxNetSlice::Ipv6(v6)) => {
                self.stats.ipv6 += 1;
                let h = v6.header();
                (
                    IpAddr::V6(h.source_addr()),
                    IpAddr::V6(h.destination_addr()),
                    v6.payload().fragmented,
                )
            }
            _ => {
                self.stats.not_ip += 1;
                return;
            }
        };
        if self.check_ips {
            self.ip(Channel::IpDestination, dst);
            self.ip(Channel::IpSource, src);
        }
        match &p.transport {
            Some(TransportSlice::Udp(u)) => {
                self.stats.udp += 1;
                let (sp, dp) = (u.source_port(), u.destination_port());
                if sp == 53 || dp == 53 || sp == 5353 || dp == 5353 {
                    self.dns(u.payload());
                } else if dp == 443 || sp == 443 {
                    self.stats.quic_packets += 1;
                }
            }
            Some(TransportSlice::Tcp(t)) => {
                self.stats.tcp += 1;
                let (sp, dp) = (t.source_port(), t.destination_port());
                let payload = t.payload();
                if payload.is_empty() {
                    return;
                }
                if sp == 53 || dp == 53 {
                    // DNS over TCP: a two-byte length, then the message.
                    if payload.len() > 2 {
                        self.dns(&payload[2..]);
                    }
                } else if sp == 853 || dp == 853 {
                    self.stats.dns_over_tls_packets += 1;
                } else {
                    self.tcp_payload((src, dst, sp, dp), t.sequence_number(), payload);
                }
            }
            _ if fragmented && p.transport.is_none() => self.stats.later_fragments += 1,
            _ => {}
        }
    }

    fn dns(&mut self, msg: &[u8]) {
        self.stats.dns_messages += 1;
        let (pkt, ts, ind) = (self.packet_no, self.ts, self.indicators);
        let agg = &mut self.agg;
        let mut names = 0u64;
        let check_ips = self.check_ips;
        let r = dns::parse(msg, |item| match item {
            dns::DnsItem::Question(n) => {
                names += 1;
                ind.for_each_domain_match(n, |m| record(agg, m, Channel::DnsQuery, n, pkt, ts));
            }
            dns::DnsItem::AnswerName(n) => {
                names += 1;
                ind.for_each_domain_match(n, |m| record(agg, m, Channel::DnsAnswerName, n, pkt, ts));
            }
            dns::DnsItem::AnswerAddress(ip) if check_ips => {
                if let Some(ms) = ind.ip_matches(&ip) {
                    let shown = ip.to_string();
                    for m in ms {
                        record(agg, m, Channel::DnsAnswerAddress, shown.as_bytes(), pkt, ts);
                    }
                }
            }
            dns::DnsItem::AnswerAddress(_) => {}
        });
        self.stats.dns_names += names;
        if r.is_err() {
            self.stats.dns_malformed += 1;
        }
    }

    fn tcp_payload(&mut self, flow: FlowKey, seq: u32, payload: &[u8]) {
        if let Some(mut p) = self.pending.remove(&flow) {
            if seq == p.next_seq {
                p.buf
                    .extend_from_slice(&payload[..payload.len().min(MAX_HELLO - p.buf.len().min(MAX_HELLO))]);
                p.next_seq = seq.wrapping_add(payload.len() as u32);
                let buf = std::mem::take(&mut p.buf);
                match tls::client_hello(&buf) {
                    tls::Hello::Incomplete { .. } if buf.len() < p.needed.min(MAX_HELLO) => {
                        p.buf = buf;
                        self.pending.insert(flow, p);
                    }
                    tls::Hello::ServerName(n) => self.server_name(n),
                    _ => self.stats.tls_without_server_name += 1,
                }
                return;
            }
            // Out of order or retransmitted: keep waiting for the right segment.
            self.pending.insert(flow, p);
        }
        match tls::client_hello(payload) {
            tls::Hello::NotTls => {
                if let Some(req) = http::request(payload) {
                    self.stats.http_requests += 1;
                    self.name(Channel::HttpHost, req.host);
                    self.http_url(req.host, req.path);
                } else if http::is_request(payload) {
                    self.stats.http_requests += 1;
                }
            }
            tls::Hello::ServerName(n) => {
                self.stats.tls_client_hellos += 1;
                self.server_name(n);
            }
            tls::Hello::NoServerName => {
                self.stats.tls_client_hellos += 1;
                self.stats.tls_without_server_name += 1;
            }
            tls::Hello::Incomplete { needed } => {
                self.stats.tls_client_hellos += 1;
                if self.pending.len() >= MAX_PENDING {
                    self.stats.tls_without_server_name += self.pending.len() as u64;
                    self.pending.clear();
                }
                let next_seq = seq.wrapping_add(payload.len() as u32);
                self.pending.insert(
                    flow,
                    PendingHello {
                        next_seq,
                        needed,
                        buf: payload.to_vec(),
                    },
                );
            }
        }
    }

    fn server_name(&mut self, n: &[u8]) {
        self.stats.tls_server_names += 1;
        self.name(Channel::TlsServerName, n);
    }

    fn http_url(&mut self, host: &[u8], path: &[u8]) {
        let mut url = Vec::with_capacity(7 + host.len() + path.len());
        url.extend_from_slice(b"http://");
        url.extend_from_slice(host);
        url.extend_from_slice(path);
        let Ok(url) = std::str::from_utf8(&url) else { return };
        for m in self.indicators.match_url(url) {
            record(
                &mut self.agg,
                m,
                Channel::HttpUrl,
                url.as_bytes(),
                self.packet_no,
                self.ts,
            );
        }
    }

    pub(crate) fn finish(mut self, format: CaptureFormat, bytes_read: u64, stopped: Option<Stop>) -> CaptureReport {
        self.stats.tls_without_server_name += self.pending.len() as u64;
        let ts = |ns: Option<i64>| ns.and_then(|n| jiff::Timestamp::from_nanosecond(i128::from(n)).ok());
        let mut matches: Vec<NetworkMatch> = self
            .agg
            .into_iter()
            .map(|(k, a)| NetworkMatch {
                channel: k.channel,
                observed: String::from_utf8_lossy(&k.observed).into_owned(),
                indicator: a.indicator,
                count: a.count,
                first_seen: ts(a.first_ns),
                last_seen: ts(a.last_ns),
                first_packet: a.first_packet,
                last_packet: a.last_packet,
            })
            .collect();
        matches.sort_by(|a, b| {
            (
                a.first_packet,
                a.channel,
                &a.observed,
                &a.indicator.indicator,
                a.indicator.role as u8,
            )
                .cmp(&(
                    b.first_packet,
                    b.channel,
                    &b.observed,
                    &b.indicator.indicator,
                    b.indicator.role as u8,
                ))
        });
        let coverage = coverage(&self.stats, stopped.as_ref(), self.indicators);
        CaptureReport {
            source: None,
            format,
            bytes_read,
            stopped,
            first_packet_time: ts(self.first_ts),
            last_packet_time: ts(self.last_ts),
            stats: self.stats,
            matches,
            coverage,
            indicator_sets: self.indicators.sources().to_vec(),
        }
    }
}

fn coverage(s: &CaptureStats, stopped: Option<&Stop>, ind: &IndicatorSet) -> Coverage {
    let mut c = Coverage::default();
    if ind.is_empty() {
        c.gap(CheckArea::DnsNames, GapReason::NoIndicators);
    }
    c.checked(CheckArea::CaptureContainer);
    c.checked(CheckArea::DnsNames);
    c.checked(CheckArea::TlsServerNames);
    c.checked(CheckArea::HttpHosts);
    if ind.has_ips() {
        c.checked(CheckArea::IpAddresses);
    } else {
        c.gap(CheckArea::IpAddresses, GapReason::NoIndicators);
    }
    if let Some(stop) = stopped {
        let what = match stop.reason {
            StopReason::Truncated => "capture file ends inside a packet".to_owned(),
            _ => format!("capture unreadable from packet {}", stop.packet),
        };
        let reason = match stop.reason {
            StopReason::Truncated => GapReason::Truncated {
                what,
                offset: stop.offset,
            },
            _ => GapReason::Unreadable {
                what,
                at: format!("byte {}", stop.offset),
                detail: format!("{:?}", stop.reason).to_lowercase(),
            },
        };
        c.gap(CheckArea::CaptureContainer, reason);
    }
    for (n, count) in &s.unsupported_link_types {
        c.gap(
            CheckArea::CaptureContainer,
            GapReason::Opaque {
                what: format!("packets of link type {n}"),
                count: *count,
            },
        );
    }
    if s.undecodable > 0 {
        c.gap(
            CheckArea::IpAddresses,
            GapReason::Opaque {
                what: "undecodable frames".into(),
                count: s.undecodable,
            },
        );
    }
    if s.tls_without_server_name > 0 {
        c.gap(
            CheckArea::TlsServerNames,
            GapReason::Opaque {
                what: "tls connections without a readable server name".into(),
                count: s.tls_without_server_name,
            },
        );
    }
    if s.quic_packets > 0 {
        c.gap(
            CheckArea::Quic,
            GapReason::Opaque {
                what: "quic packets".into(),
                count: s.quic_packets,
            },
        );
    }
    if s.dns_over_tls_packets > 0 {
        c.gap(
            CheckArea::EncryptedDns,
            GapReason::Opaque {
                what: "dns-over-tls packets".into(),
                count: s.dns_over_tls_packets,
            },
        );
    }
    if s.dns_malformed > 0 {
        c.gap(
            CheckArea::DnsNames,
            GapReason::Opaque {
                what: "malformed dns messages".into(),
                count: s.dns_malformed,
            },
        );
    }
    c
}
