use std::net::IpAddr;

use super::synth::{self, Link, PcapNgWriter, PcapWriter, Transport};
use super::*;
use crate::findings::{FindingKind, Outcome, Severity};
use crate::indicators::Origin;

const PHONE4: &str = "192.168.1.20";
const PHONE6: &str = "2001:db8::20";
const RESOLVER: &str = "192.168.1.1";
const C2_IP: &str = "47.252.23.40";
const T0: i64 = 1_767_225_600_000_000_000; // 2026-01-01T00:00:00Z

fn ip(s: &str) -> IpAddr {
    s.parse().expect("test address")
}

fn set() -> IndicatorSet {
    let yaml = "
- name: SpyOne
  type: stalkerware
  websites: [spyone.example]
  c2: {domains: [api.spyone-c2.example], ips: [47.252.23.40]}
  distribution: [dl.spyone.example, 'https://files.example/spyone.apk']
- name: KidWatch
  type: watchware
  websites: [kidwatch.example]
";
    let mut s = IndicatorSet::new();
    s.load_bytes(yaml.as_bytes(), Origin::new("test.yaml").with_version("t1"))
        .expect("yaml");
    s
}

/// The packets every format test uses: (seconds after T0, link, src, dst, transport, payload).
fn conversation(link: Link) -> Vec<(i64, Vec<u8>)> {
    let dns_q = synth::dns_query(7, "Sync.API.spyone-c2.example");
    let dns_r = synth::dns_response(
        7,
        "Sync.API.spyone-c2.example",
        Some("edge.spyone.example"),
        &[ip(C2_IP)],
    );
    let hello = synth::client_hello(Some("api.spyone-c2.example"), 0);
    let big = synth::client_hello(Some("kidwatch.example"), 1800);
    let get = synth::http_get("dl.spyone.example:8080", "/app.apk");
    let get2 = synth::http_get("files.example", "/spyone.apk");
    let udp = |sport, dport| Transport::Udp { sport, dport };
    let tcp = |sport, dport, seq| Transport::Tcp { sport, dport, seq };
    vec![
        (1, synth::packet(link, ip(PHONE4), ip(RESOLVER), udp(40000, 53), &dns_q)),
        (2, synth::packet(link, ip(RESOLVER), ip(PHONE4), udp(53, 40000), &dns_r)),
        (
            3,
            synth::packet(link, ip(PHONE4), ip(C2_IP), tcp(40001, 443, 1000), &hello),
        ),
        (
            4,
            synth::packet(link, ip(PHONE6), ip("2001:db8::443"), tcp(40002, 443, 5), &big[..1200]),
        ),
        (
            5,
            synth::packet(
                link,
                ip(PHONE6),
                ip("2001:db8::443"),
                tcp(40002, 443, 1205),
                &big[1200..],
            ),
        ),
        (
            6,
            synth::packet(link, ip(PHONE4), ip("203.0.113.9"), tcp(40003, 8080, 1), &get),
        ),
        (
            7,
            synth::packet(link, ip(PHONE4), ip("203.0.113.10"), tcp(40004, 80, 1), &get2),
        ),
        (
            8,
            synth::packet(link, ip(PHONE4), ip("203.0.113.11"), udp(40005, 443), &[0xc0; 40]),
        ),
        (9, synth::packet(link, ip(PHONE4), ip(RESOLVER), udp(40000, 53), &dns_q)),
    ]
}

fn pcap(link: Link, nanos: bool) -> Vec<u8> {
    let mut w = PcapWriter::new(Vec::new(), link.linktype(), nanos).expect("vec");
    for (s, p) in conversation(link) {
        w.packet(T0 + s * 1_000_000_000 + 250, &p).expect("vec");
    }
    w.into_inner()
}

fn pcapng(link: Link) -> Vec<u8> {
    let mut w = PcapNgWriter::new(Vec::new()).expect("vec");
    w.interface(link.linktype() as u16).expect("vec");
    for (s, p) in conversation(link) {
        w.packet(0, T0 + s * 1_000_000_000 + 250, &p).expect("vec");
    }
    w.into_inner()
}

/// (channel, observed, app, count, first packet) for every match.
type Want<'a> = &'a [(Channel, &'a str, &'a str, u64, u64)];

fn check(bytes: &[u8], want: Want<'_>, stopped: Option<(u64, u64, StopReason)>) -> CaptureReport {
    let r = analyze_capture(bytes, &set()).expect("a capture");
    let got: Vec<_> = r
        .matches
        .iter()
        .map(|m| {
            (
                m.channel,
                m.observed.as_str(),
                m.indicator.app.as_str(),
                m.count,
                m.first_packet,
            )
        })
        .collect();
    assert_eq!(got, want);
    assert_eq!(
        r.stopped.as_ref().map(|s| (s.offset, s.packet, s.reason.clone())),
        stopped
    );
    r
}

const FULL: Want<'static> = &[
    (Channel::DnsQuery, "sync.api.spyone-c2.example", "SpyOne", 3, 1),
    (Channel::DnsAnswerName, "edge.spyone.example", "SpyOne", 1, 2),
    (Channel::DnsAnswerAddress, C2_IP, "SpyOne", 1, 2),
    (Channel::TlsServerName, "api.spyone-c2.example", "SpyOne", 1, 3),
    (Channel::IpDestination, C2_IP, "SpyOne", 1, 3),
    (Channel::TlsServerName, "kidwatch.example", "KidWatch", 1, 5),
    // The host is both a distribution host and under the vendor's website.
    (Channel::HttpHost, "dl.spyone.example", "SpyOne", 1, 6),
    (Channel::HttpHost, "dl.spyone.example", "SpyOne", 1, 6),
    (Channel::HttpUrl, "http://files.example/spyone.apk", "SpyOne", 1, 7),
];

#[test]
fn every_link_type_and_container() {
    for link in [Link::Ethernet, Link::Sll, Link::Sll2, Link::Raw] {
        for (name, bytes) in [
            ("pcap", pcap(link, false)),
            ("pcap-ns", pcap(link, true)),
            ("pcapng", pcapng(link)),
        ] {
            let r = std::panic::catch_unwind(|| check(&bytes, FULL, None));
            let r = r.unwrap_or_else(|_| panic!("{link:?} {name}"));
            assert_eq!(r.stats.packets, 9);
            assert_eq!(r.stats.quic_packets, 1);
            assert_eq!(r.stats.tls_client_hellos, 2);
            assert_eq!(r.bytes_read, bytes.len() as u64);
            let first = r.matches[0].first_seen.expect("time");
            assert_eq!(
                first.as_nanosecond(),
                i128::from(T0 + 1_000_000_000 + if name == "pcap" { 0 } else { 250 })
            );
            assert_eq!(r.matches[0].last_seen.expect("time").as_second(), first.as_second() + 8);
        }
    }
}

#[test]
fn findings_group_by_app_and_contact() {
    let r = check(&pcap(Link::Ethernet, false), FULL, None);
    let f = r.findings();
    let kinds: Vec<_> = f.iter().map(|f| (f.kind, f.severity)).collect();
    assert_eq!(
        kinds,
        [
            (FindingKind::NetworkStalkerwareServer, Severity::High),
            (FindingKind::NetworkStalkerwareWebsite, Severity::Medium),
            (FindingKind::NetworkStalkerwareDownload, Severity::Medium),
            (FindingKind::NetworkStalkerwareWebsite, Severity::Low),
        ]
    );
    let server = &f[0];
    assert_eq!(
        server.indicator.as_ref().map(|i| i.set_version.as_deref()),
        Some(Some("t1"))
    );
    assert_eq!(server.params["count"], crate::findings::Param::Number(6));
    assert_eq!(r.outcome(), Outcome::Concerns);
    // QUIC is counted as not inspectable, so a clean result would be "incomplete".
    assert!(
        r.coverage
            .gaps
            .iter()
            .any(|g| g.area == crate::findings::CheckArea::Quic)
    );
}

#[test]
fn truncated_and_corrupt_files_say_where_they_stop() {
    let full = pcap(Link::Ethernet, false);
    let conv = conversation(Link::Ethernet);
    // Cut inside the 4th packet: the first three are read, the 4th is reported.
    let fourth_start = 24 + conv[..3].iter().map(|(_, p)| 16 + p.len()).sum::<usize>();
    let cut = &full[..fourth_start + 30];
    let want: Want<'_> = &[
        (Channel::DnsQuery, "sync.api.spyone-c2.example", "SpyOne", 2, 1),
        (Channel::DnsAnswerName, "edge.spyone.example", "SpyOne", 1, 2),
        (Channel::DnsAnswerAddress, C2_IP, "SpyOne", 1, 2),
        (Channel::TlsServerName, "api.spyone-c2.example", "SpyOne", 1, 3),
        (Channel::IpDestination, C2_IP, "SpyOne", 1, 3),
    ];
    let r = check(cut, want, Some((fourth_start as u64, 4, StopReason::Truncated)));
    assert_eq!(r.bytes_read, fourth_start as u64);
    assert_eq!(r.outcome(), Outcome::Concerns);
    let clean = analyze_capture(&full[..fourth_start + 30], &IndicatorSet::new()).expect("capture");
    assert_eq!(clean.outcome(), Outcome::NothingFoundIncomplete);

    // A pcapng block whose trailing length disagrees with its leading one.
    let mut ng = pcapng(Link::Ethernet);
    let second_epb = 28 + 32 + (12 + 20 + conv[0].1.len().next_multiple_of(4));
    ng[second_epb + 4] ^= 0x40;
    let r = analyze_capture(ng.as_slice(), &set()).expect("capture");
    let stop = r.stopped.expect("stops");
    assert_eq!((stop.offset, stop.packet), (second_epb as u64, 2));
    assert_eq!(r.stats.packets, 1);

    for (bytes, want) in [
        (&b""[..], "empty"),
        (b"not a capture at all, just text", "not a pcap"),
        (&full[..10], ""),
    ] {
        let err = analyze_capture(bytes, &set())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains(want) && !err.is_empty(), "{err:?}");
    }
}

#[test]
fn hostile_packets_are_counted_not_fatal() {
    let mut w = PcapWriter::new(Vec::new(), 1, false).expect("vec");
    let junk: &[&[u8]] = &[&[], &[0xff; 13], &[0x08; 14], &[0u8; 60]];
    for (i, j) in junk.iter().enumerate() {
        w.packet(T0 + i as i64, j).expect("vec");
    }
    // DNS with a compression loop and a bogus TLS record.
    let dns = synth::packet(
        Link::Ethernet,
        ip(PHONE4),
        ip(RESOLVER),
        Transport::Udp { sport: 1, dport: 53 },
        b"\0\0\0\0\0\x01\0\0\0\0\0\0\xc0\x0c",
    );
    w.packet(T0, &dns).expect("vec");
    let r = analyze_capture(w.into_inner().as_slice(), &set()).expect("capture");
    assert_eq!(r.stats.packets, 5);
    assert_eq!(r.stats.dns_malformed, 1);
    assert!(r.matches.is_empty());
    let mut other = PcapWriter::new(Vec::new(), 147, false).expect("vec");
    other.packet(T0, &[1, 2, 3]).expect("vec");
    let r = analyze_capture(other.into_inner().as_slice(), &set()).expect("capture");
    assert_eq!(r.stats.unsupported_link_types.get(&147), Some(&1));
    assert_eq!(r.outcome(), Outcome::NothingFoundIncomplete);
}
