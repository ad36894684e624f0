//! Writes a synthetic capture for the benchmark: DNS, TLS, HTTP and bulk
//! TCP traffic, with real indicator domains planted at known packets.
//!
//! usage: gen_capture OUT.pcap SIZE_MIB NETWORK_CSV
//! Also writes OUT.pcap.planted.tsv: channel, name, packet number.

#![forbid(unsafe_code)]

use std::fs::File;
use std::io::{BufWriter, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use cairn_scan::capture::synth::{self, Link, PcapWriter, Transport};

/// A small deterministic generator (xorshift64*), so runs are repeatable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const BENIGN: &[&str] = &[
    "googleapis.com",
    "gstatic.com",
    "whatsapp.net",
    "fbcdn.net",
    "icloud.com",
    "apple.com",
    "microsoft.com",
    "cloudflare.com",
    "akamaiedge.net",
    "amazonaws.com",
    "signal.org",
    "wikipedia.org",
    "debian.org",
    "instagram.com",
    "tiktokcdn.com",
    "spotify.com",
    "netflix.com",
    "example.org",
    "mozilla.org",
    "github.io",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, out, size_mib, csv] = args.as_slice() else {
        return Err("usage: gen_capture OUT.pcap SIZE_MIB NETWORK_CSV".into());
    };
    let target: u64 = size_mib.parse::<u64>()? << 20;
    let planted_domains: Vec<String> = std::fs::read_to_string(csv)?
        .lines()
        .filter_map(|l| l.strip_prefix("domain,"))
        .filter_map(|l| l.split(',').next())
        .filter(|d| !d.contains('/'))
        .map(str::to_owned)
        .collect();
    let mut w = PcapWriter::new(BufWriter::with_capacity(1 << 22, File::create(out)?), 1, false)?;
    let mut manifest = BufWriter::new(File::create(format!("{out}.planted.tsv"))?);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut jitter = Rng(0xD1B5_4A32_D192_ED03);
    let phone4 = IpAddr::V4(Ipv4Addr::new(192, 168, 1, 20));
    let phone6 = IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 0x20));
    let resolver = IpAddr::V4(Ipv4Addr::new(192, 168, 1, 1));
    let mut ts: i64 = 1_767_225_600_000_000_000;
    let (mut written, mut packet_no, mut plant_idx, mut events) = (24u64, 0u64, 0usize, 0u64);
    let bulk = vec![0x5au8; 1448];
    while written < target {
        events += 1;
        let plant = events % 101 == 0;
        let name = if plant {
            let d = &planted_domains[plant_idx % planted_domains.len()];
            plant_idx += 1;
            if plant_idx % 3 == 0 {
                format!("m{}.{d}", rng.below(100))
            } else {
                d.clone()
            }
        } else {
            format!(
                "x{}-{}.{}",
                rng.below(100_000),
                rng.below(50),
                BENIGN[rng.below(BENIGN.len() as u64) as usize]
            )
        };
        let server = IpAddr::V4(Ipv4Addr::new(
            203,
            0,
            (rng.below(250) + 1) as u8,
            (rng.below(250) + 1) as u8,
        ));
        let v6 = rng.below(4) == 0;
        let phone = if v6 { phone6 } else { phone4 };
        let server = if v6 {
            IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 1, 0, 0, 0, 0, rng.below(9999) as u16))
        } else {
            server
        };
        let sport = 30_000 + rng.below(30_000) as u16;
        let (id, pad) = (rng.below(65_536) as u16, rng.below(400) as usize);
        let mut emit = |data: Vec<u8>, w: &mut PcapWriter<_>| -> std::io::Result<u64> {
            ts += 1_000 + jitter.below(2_000_000) as i64;
            w.packet(ts, &data)?;
            written += 16 + data.len() as u64;
            packet_no += 1;
            Ok(packet_no)
        };
        // Which channel carries this event's name.
        let channel = events % 3;
        if channel == 0 || !plant {
            let q = synth::dns_query(id, &name);
            let r = synth::dns_response(id, &name, None, &[server]);
            let dns = |src, dst, sp, dp, m: &[u8]| {
                synth::packet(Link::Ethernet, src, dst, Transport::Udp { sport: sp, dport: dp }, m)
            };
            let n1 = emit(dns(phone4, resolver, sport, 53, &q), &mut w)?;
            let n2 = emit(dns(resolver, phone4, 53, sport, &r), &mut w)?;
            if plant {
                writeln!(manifest, "dns_query\t{name}\t{n1}")?;
                writeln!(manifest, "dns_query\t{name}\t{n2}")?;
            }
        }
        let tcp = |seq, payload: &[u8]| {
            synth::packet(
                Link::Ethernet,
                phone,
                server,
                Transport::Tcp { sport, dport: 443, seq },
                payload,
            )
        };
        if channel == 2 && plant {
            let get = synth::http_get(&name, "/api/upload");
            let n = emit(
                synth::packet(
                    Link::Ethernet,
                    phone,
                    server,
                    Transport::Tcp {
                        sport,
                        dport: 80,
                        seq: 1,
                    },
                    &get,
                ),
                &mut w,
            )?;
            writeln!(manifest, "http_host\t{name}\t{n}")?;
        } else {
            let sni = if plant && channel != 1 {
                "www.example.org"
            } else {
                name.as_str()
            };
            let hello = synth::client_hello(Some(sni), pad);
            let n = emit(tcp(1, &hello), &mut w)?;
            if plant && channel == 1 {
                writeln!(manifest, "tls_server_name\t{name}\t{n}")?;
            }
        }
        // Bulk data of the connection, in both directions.
        let lens: Vec<usize> = (0..(rng.below(24) + 4))
            .map(|_| 200 + rng.below(1249) as usize)
            .collect();
        for (i, &len) in lens.iter().enumerate() {
            let data = if i % 2 == 0 {
                synth::packet(
                    Link::Ethernet,
                    server,
                    phone,
                    Transport::Tcp {
                        sport: 443,
                        dport: sport,
                        seq: 1 + i as u32 * 1448,
                    },
                    &bulk[..len],
                )
            } else {
                tcp(600 + i as u32, &bulk[..len.min(300)])
            };
            emit(data, &mut w)?;
        }
    }
    w.into_inner().flush()?;
    manifest.flush()?;
    eprintln!("wrote {out}: {written} bytes, {packet_no} packets, {plant_idx} planted events");
    Ok(())
}
