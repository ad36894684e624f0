//! What a capture analysis returns, and how matches become findings.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{CaptureFormat, Stop};
use crate::findings::{Coverage, Finding, FindingKind, IndicatorRef, Outcome, Severity};
use crate::indicators::{AppCategory, DomainRole, IndicatorKind, Provenance};

/// Where in the traffic an indicator was seen.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    DnsQuery,
    /// A name in a DNS answer (CNAME and similar).
    DnsAnswerName,
    /// An address in a DNS answer (A, AAAA).
    DnsAnswerAddress,
    TlsServerName,
    HttpHost,
    HttpUrl,
    IpDestination,
    IpSource,
}

/// One indicator seen on one channel under one observed name, aggregated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkMatch {
    pub channel: Channel,
    /// The name or address as seen in the traffic (lower-cased).
    pub observed: String,
    pub indicator: IndicatorRef,
    pub count: u64,
    /// Packet times, if the capture records them.
    pub first_seen: Option<jiff::Timestamp>,
    pub last_seen: Option<jiff::Timestamp>,
    /// 1-based packet numbers, as Wireshark shows them.
    pub first_packet: u64,
    pub last_packet: u64,
}

/// Counters, so a reader can see how much was actually inspected.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaptureStats {
    pub packets: u64,
    pub ipv4: u64,
    pub ipv6: u64,
    pub udp: u64,
    pub tcp: u64,
    /// Packets of link types this version cannot decode, by link type number.
    pub unsupported_link_types: BTreeMap<u16, u64>,
    /// Link-layer frames without an IP packet (ARP, LLDP…).
    pub not_ip: u64,
    /// Frames the capture kept shorter than they were on the wire.
    pub cut_frames: u64,
    /// Frames whose headers could not be decoded.
    pub undecodable: u64,
    /// IP fragments after the first, which carry no transport header.
    pub later_fragments: u64,
    pub dns_messages: u64,
    pub dns_names: u64,
    pub dns_malformed: u64,
    pub tls_client_hellos: u64,
    pub tls_server_names: u64,
    /// ClientHellos without a readable server name (absent, ECH, or spread
    /// over segments that were not all captured).
    pub tls_without_server_name: u64,
    pub http_requests: u64,
    /// UDP port 443 (QUIC): server names are encrypted in Initial packets
    /// and not decoded here.
    pub quic_packets: u64,
    /// TCP port 853 (DNS over TLS): encrypted.
    pub dns_over_tls_packets: u64,
}

/// Everything a capture analysis found and could not check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaptureReport {
    /// Set by [`super::analyze_capture_file`].
    pub source: Option<String>,
    pub format: CaptureFormat,
    /// How far reading got, in bytes from the start of the file.
    pub bytes_read: u64,
    /// `None` when the whole file was read.
    pub stopped: Option<Stop>,
    pub first_packet_time: Option<jiff::Timestamp>,
    pub last_packet_time: Option<jiff::Timestamp>,
    pub stats: CaptureStats,
    pub matches: Vec<NetworkMatch>,
    pub coverage: Coverage,
    pub indicator_sets: Vec<Provenance>,
}

impl CaptureReport {
    /// One finding per app and kind of contact, with every observed name.
    pub fn findings(&self) -> Vec<Finding> {
        type Key = (String, FindingKind);
        let mut groups: BTreeMap<Key, Vec<&NetworkMatch>> = BTreeMap::new();
        for m in &self.matches {
            let kind = match (m.indicator.kind, m.indicator.role) {
                (IndicatorKind::Domain, DomainRole::Website) => FindingKind::NetworkStalkerwareWebsite,
                (IndicatorKind::Domain | IndicatorKind::Url, DomainRole::Distribution) => {
                    FindingKind::NetworkStalkerwareDownload
                }
                _ => FindingKind::NetworkStalkerwareServer,
            };
            groups.entry((m.indicator.app.clone(), kind)).or_default().push(m);
        }
        let mut out = Vec::new();
        for ((app, kind), ms) in groups {
            let first = ms[0];
            let watch = first.indicator.category == AppCategory::Watchware;
            let severity = match kind {
                FindingKind::NetworkStalkerwareServer if !watch => Severity::High,
                FindingKind::NetworkStalkerwareWebsite if watch => Severity::Low,
                _ => Severity::Medium,
            };
            let observed: BTreeSet<&str> = ms.iter().map(|m| m.observed.as_str()).collect();
            let count: u64 = ms.iter().map(|m| m.count).sum();
            let first_seen = ms.iter().filter_map(|m| m.first_seen).min();
            let last_seen = ms.iter().filter_map(|m| m.last_seen).max();
            let first_packet = ms.iter().map(|m| m.first_packet).min().unwrap_or(0);
            let last_packet = ms.iter().map(|m| m.last_packet).max().unwrap_or(0);
            let mut f = Finding::new(kind, severity)
                .param("app", app.as_str())
                .param("category", if watch { "watchware" } else { "stalkerware" })
                .param("observed", observed.iter().copied().collect::<Vec<_>>().join(", "))
                .param("count", i64::try_from(count).unwrap_or(i64::MAX))
                .evidence(format!("packets {first_packet}-{last_packet}"));
            if let Some(t) = first_seen {
                f = f.param("first_seen", t.to_string());
            }
            if let Some(t) = last_seen {
                f = f.param("last_seen", t.to_string());
            }
            if let Some(src) = &self.source {
                f = f.evidence(src.clone());
            }
            f.indicator = Some(first.indicator.clone());
            out.push(f);
        }
        out.sort_by_key(|f| std::cmp::Reverse(f.severity));
        out
    }

    pub fn outcome(&self) -> Outcome {
        self.coverage.outcome(&self.findings())
    }
}
