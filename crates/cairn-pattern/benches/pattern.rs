//! `cargo bench -p cairn-pattern`: times `analyse` on one million synthetic
//! contacts and prints it against references measured in the same run on the
//! same data, so the ratio means something on any machine. No assertion: a
//! timing is read by a person, never a test.

use std::hint::black_box;
use std::time::{Duration, Instant};

use cairn_core::{CommChannel, Direction};
use cairn_pattern::{Contact, Options, analyse};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use sha2::{Digest, Sha256};

const CONTACTS: usize = 1_000_000;
const RUNS: usize = 5;

/// splitmix64: tiny, deterministic, good enough for synthetic data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A year of a case: one party whose contact grows steadily (density rising
/// linearly over the year, in bursts, switching channels as they get
/// blocked), three people in ordinary contact, and a thousand occasional
/// counterparts. Shuffled, as imports from several sources arrive.
fn synthetic() -> Vec<Contact> {
    let start: i64 = "2025-06-01T00:00:00Z".parse::<Timestamp>().unwrap().as_millisecond();
    let year: i64 = 365 * 86_400_000;
    let mut rng = Rng(0x00C0_FFEE);
    let mut out = Vec::with_capacity(CONTACTS);
    let push = |out: &mut Vec<Contact>, at_ms, channel, direction, party, review| {
        out.push(Contact {
            at_ms,
            channel,
            direction,
            party,
            review,
        });
    };
    while out.len() < CONTACTS {
        let pick = rng.unit();
        if pick < 0.6 {
            // The escalating party: sqrt of a uniform gives a linearly rising density.
            let mut at = start + (rng.unit().sqrt() * year as f64) as i64;
            let burst = if rng.unit() < 0.3 { 5 + rng.below(25) } else { 1 };
            for _ in 0..burst {
                let month = (at - start) / (year / 12);
                let channel = match (month, rng.below(10)) {
                    (8.., 0..=1) => CommChannel::Email,
                    (3.., 0..=4) => CommChannel::Whatsapp,
                    (_, 0..=2) => CommChannel::Call,
                    _ => CommChannel::Sms,
                };
                let direction = match (channel, rng.below(20)) {
                    (_, 0) => Direction::Outgoing,
                    (CommChannel::Call, 1..=10) => Direction::Missed,
                    (CommChannel::Call, 11..=13) => Direction::Rejected,
                    _ => Direction::Incoming,
                };
                push(&mut out, at, channel, direction, 0, rng.below(50) == 0);
                at += 30_000 + rng.below(270_000) as i64;
            }
        } else if pick < 0.9 {
            let at = start + rng.below(year as u64) as i64;
            let direction = if rng.below(2) == 0 {
                Direction::Incoming
            } else {
                Direction::Outgoing
            };
            push(
                &mut out,
                at,
                CommChannel::Whatsapp,
                direction,
                1 + rng.below(3) as u32,
                false,
            );
        } else {
            let at = start + rng.below(year as u64) as i64;
            push(
                &mut out,
                at,
                CommChannel::Sms,
                Direction::Incoming,
                100 + rng.below(1000) as u32,
                false,
            );
        }
    }
    out.truncate(CONTACTS);
    for i in (1..out.len()).rev() {
        out.swap(i, rng.below(i as u64 + 1) as usize);
    }
    out
}

fn best_of<T>(mut f: impl FnMut() -> T) -> Duration {
    (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let contacts = synthetic();
    let zone = "America/New_York";
    let options = Options {
        no_contact_from: Some(jiff::civil::date(2026, 1, 15)),
        ..Options::new(TimeZone::get(zone).expect("zone"))
    };
    let analysis = analyse(&contacts, &options);
    let stalker = &analysis.parties[0];

    let analyse_time = best_of(|| analyse(black_box(&contacts), &options));
    let timestamps: Vec<i64> = contacts.iter().map(|c| c.at_ms).collect();
    let sort_time = best_of(|| {
        let mut copy = timestamps.clone();
        copy.sort_unstable();
        copy
    });
    // The records as 16 bytes each: timestamp, party, channel/direction/flag.
    let bytes: Vec<u8> = contacts
        .iter()
        .flat_map(|c| {
            let mut r = [0u8; 16];
            r[..8].copy_from_slice(&c.at_ms.to_le_bytes());
            r[8..12].copy_from_slice(&c.party.to_le_bytes());
            r[12] = u8::from(c.review);
            r
        })
        .collect();
    let hash_time = best_of(|| Sha256::digest(black_box(&bytes)));

    println!(
        "cairn-pattern: analyse {} contacts, {} parties, zone {zone}",
        contacts.len(),
        analysis.parties.len()
    );
    println!(
        "  party 0: {} from them, weekly slope {:.2}/week, last 4 weeks / previous {:.2}, {} bursts, {} after no-contact",
        stalker.from_them,
        stalker.escalation.weekly_slope.unwrap_or(0.0),
        stalker.escalation.ratio.unwrap_or(0.0),
        stalker.bursts.total,
        stalker.after_no_contact.map_or(0, |n| n.contacts),
    );
    println!(
        "  analyse                          best of {RUNS}: {:8.1} ms",
        ms(analyse_time)
    );
    let ratio = |reference: Duration| analyse_time.as_secs_f64() / reference.as_secs_f64();
    println!(
        "  ref: sort_unstable 1M i64        best of {RUNS}: {:8.1} ms   analyse / ref = {:.2}",
        ms(sort_time),
        ratio(sort_time)
    );
    println!(
        "  ref: SHA-256 of {:.1} MB records  best of {RUNS}: {:8.1} ms   analyse / ref = {:.2}",
        bytes.len() as f64 / 1e6,
        ms(hash_time),
        ratio(hash_time)
    );
}
