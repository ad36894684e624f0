//! Synthetic SMS Backup & Restore files for tests and benchmarks: invented
//! people on fictional +1 555 01xx numbers, bodies with the escapes the app
//! writes (entities, newlines, emoji as surrogate pairs), MMS with real tiny
//! PNG and JPEG pictures. Deterministic from the seed; written record by
//! record, so any size fits in flat memory.

mod image;

use std::io::{self, Write};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

pub use image::{ExifSpec, jpeg, png};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthSpec {
    /// SMS and MMS records in the messages file.
    pub messages: u64,
    /// Every n-th message is an MMS with a picture; 0 for none.
    pub mms_every: u64,
    /// Records in the call log file.
    pub calls: u64,
    pub seed: u64,
    /// Pictures are about `side`×`side` pixels (PNG ≈ 3·side² bytes).
    pub image_side: u32,
}

impl Default for SynthSpec {
    fn default() -> Self {
        SynthSpec {
            messages: 1000,
            mms_every: 10,
            calls: 100,
            seed: 1,
            image_side: 32,
        }
    }
}

/// What a file holds, to compare with what an import reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SynthStats {
    pub records: u64,
    pub attachments: u64,
    pub bytes: u64,
}

/// SplitMix64: tiny, fast, and the same everywhere.
pub(crate) struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// The survivor's own number, in the 555-0100–0199 range set aside for fiction.
pub const OWNER_NUMBER: &str = "+14155550100";
const NAMES: &[&str] = &[
    "Alex Rivera",
    "Sam Okafor",
    "Jordan Lee",
    "Casey Novak",
    "Riley Chen",
    "Morgan Diaz",
];
const WORDS: &[&str] = &[
    "where", "are", "you", "I", "saw", "your", "car", "at", "the", "park", "call", "me", "now", "why", "won't",
    "answer", "we", "need", "to", "talk", "tonight", "ok", "please", "stop", "leave", "alone",
];
/// Escapes as the app writes them: entities, a newline, 😀 as a surrogate pair.
const EXTRAS: &[&str] = &[
    "&amp;",
    "&quot;later&quot;",
    "&#10;",
    "&#55357;&#56832;",
    "&lt;3",
    "¿qué?",
];
/// 2023-01-01T00:00:00Z in milliseconds.
const START_MS: i64 = 1_672_531_200_000;

fn number(i: u64) -> String {
    format!("+1415555{:04}", 101 + i % 99)
}

fn body(rng: &mut Rng) -> String {
    let n = 3 + rng.below(14);
    let mut words: Vec<&str> = (0..n).map(|_| rng.pick(WORDS)).collect();
    if rng.below(4) == 0 {
        words.push(rng.pick(EXTRAS));
    }
    words.join(" ")
}

fn readable(ms: i64) -> String {
    jiff::Timestamp::from_millisecond(ms)
        .map(|t| t.strftime("%b %-d, %Y %-I:%M:%S %p").to_string())
        .unwrap_or_default()
}

/// Counts bytes so the stats can say how big the file is.
struct Counting<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// An `sms-*.xml` messages file: `spec.messages` records, every
/// `spec.mms_every`-th an MMS with a picture.
pub fn write_sms_backup(writer: impl Write, spec: &SynthSpec) -> io::Result<SynthStats> {
    let mut w = Counting {
        inner: writer,
        bytes: 0,
    };
    let mut rng = Rng(spec.seed);
    let mut stats = SynthStats::default();
    writeln!(w, "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>")?;
    writeln!(
        w,
        "<!-- synthetic backup written by cairn-ingest; every person and number is invented -->"
    )?;
    writeln!(w, "<?xml-stylesheet type=\"text/xsl\" href=\"sms.xsl\"?>")?;
    writeln!(
        w,
        "<smses count=\"{}\" backup_set=\"synthetic-{}\" backup_date=\"{START_MS}\" type=\"full\">",
        spec.messages, spec.seed
    )?;
    let mut ms = START_MS;
    for i in 0..spec.messages {
        ms += 1_000 * (1 + rng.below(3_600)) as i64 + rng.below(1_000) as i64;
        let who = rng.below(NAMES.len() as u64);
        let (address, name) = (number(who), NAMES[who as usize]);
        stats.records += 1;
        if spec.mms_every > 0 && i % spec.mms_every == spec.mms_every - 1 {
            stats.attachments += 1;
            let picture = if (i / spec.mms_every).is_multiple_of(2) {
                Picture::Png
            } else {
                Picture::Jpeg
            };
            write_mms(&mut w, &mut rng, i, ms, (&address, name), picture, spec.image_side)?;
            continue;
        }
        let kind = [1, 1, 1, 2, 2, 2, 3, 4, 5, 6][rng.below(10) as usize];
        writeln!(
            w,
            "  <sms protocol=\"0\" address=\"{address}\" date=\"{ms}\" type=\"{kind}\" subject=\"null\" body=\"{}\" \
             toa=\"null\" sc_toa=\"null\" service_center=\"null\" read=\"1\" status=\"-1\" locked=\"0\" \
             date_sent=\"0\" sub_id=\"1\" readable_date=\"{}\" contact_name=\"{name}\" />",
            body(&mut rng),
            readable(ms)
        )?;
    }
    writeln!(w, "</smses>")?;
    w.flush()?;
    stats.bytes = w.bytes;
    Ok(stats)
}

enum Picture {
    Png,
    Jpeg,
}

fn write_mms(
    w: &mut impl Write,
    rng: &mut Rng,
    i: u64,
    ms: i64,
    (address, name): (&str, &str),
    kind: Picture,
    side: u32,
) -> io::Result<()> {
    let incoming = rng.below(2) == 0;
    let (msg_box, m_type) = if incoming { (1, 132) } else { (2, 128) };
    let (picture, ct, file) = if let Picture::Png = kind {
        (png(side, rng.next()), "image/png", format!("IMG_{i:06}.png"))
    } else {
        (jpeg(side, rng.next(), None), "image/jpeg", format!("IMG_{i:06}.jpg"))
    };
    writeln!(
        w,
        "  <mms date=\"{ms}\" rr=\"129\" sub=\"null\" ct_t=\"application/vnd.wap.multipart.related\" read_status=\"null\" \
         seen=\"1\" msg_box=\"{msg_box}\" address=\"{address}\" sub_cs=\"null\" resp_st=\"null\" retr_st=\"null\" \
         d_tm=\"null\" text_only=\"0\" exp=\"null\" locked=\"0\" m_id=\"synthetic-{i}\" st=\"null\" \
         retr_txt_cs=\"null\" retr_txt=\"null\" creator=\"com.google.android.apps.messaging\" date_sent=\"0\" \
         read=\"1\" m_size=\"{}\" rpt_a=\"null\" ct_cls=\"null\" pri=\"129\" sub_id=\"1\" tr_id=\"null\" \
         resp_txt=\"null\" ct_l=\"null\" m_cls=\"personal\" d_rpt=\"129\" v=\"18\" _id=\"{i}\" m_type=\"{m_type}\" \
         readable_date=\"{}\" contact_name=\"{name}\">",
        picture.len(),
        readable(ms)
    )?;
    writeln!(w, "    <parts>")?;
    writeln!(
        w,
        "      <part seq=\"-1\" ct=\"application/smil\" name=\"null\" chset=\"null\" cd=\"null\" fn=\"null\" \
         cid=\"&lt;smil&gt;\" cl=\"smil.xml\" ctt_s=\"null\" ctt_t=\"null\" text=\"&lt;smil&gt;&lt;body&gt;&lt;par \
         dur=&quot;5000ms&quot;&gt;&lt;img src=&quot;{file}&quot;/&gt;&lt;/par&gt;&lt;/body&gt;&lt;/smil&gt;\" />"
    )?;
    write!(
        w,
        "      <part seq=\"0\" ct=\"{ct}\" name=\"{file}\" chset=\"null\" cd=\"null\" fn=\"null\" cid=\"&lt;{file}&gt;\" \
         cl=\"{file}\" ctt_s=\"null\" ctt_t=\"null\" text=\"null\" data=\""
    )?;
    w.write_all(STANDARD.encode(&picture).as_bytes())?;
    writeln!(w, "\" />")?;
    writeln!(
        w,
        "      <part seq=\"0\" ct=\"text/plain\" name=\"null\" chset=\"106\" cd=\"null\" fn=\"null\" cid=\"&lt;text&gt;\" \
         cl=\"text000001.txt\" ctt_s=\"null\" ctt_t=\"null\" text=\"{}\" />",
        body(rng)
    )?;
    writeln!(w, "    </parts>")?;
    writeln!(w, "    <addrs>")?;
    let (from, to) = if incoming {
        (address, OWNER_NUMBER)
    } else {
        ("insert-address-token", address)
    };
    writeln!(w, "      <addr address=\"{from}\" type=\"137\" charset=\"106\" />")?;
    writeln!(w, "      <addr address=\"{to}\" type=\"151\" charset=\"106\" />")?;
    writeln!(w, "    </addrs>")?;
    writeln!(w, "  </mms>")
}

/// A `calls-*.xml` call log with `spec.calls` records of every type.
pub fn write_call_log(writer: impl Write, spec: &SynthSpec) -> io::Result<SynthStats> {
    let mut w = Counting {
        inner: writer,
        bytes: 0,
    };
    let mut rng = Rng(spec.seed ^ 0xCA11);
    writeln!(w, "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>")?;
    writeln!(
        w,
        "<calls count=\"{}\" backup_set=\"synthetic-{}\" backup_date=\"{START_MS}\" type=\"full\">",
        spec.calls, spec.seed
    )?;
    let mut ms = START_MS;
    for _ in 0..spec.calls {
        ms += 1_000 * (60 + rng.below(7_200)) as i64;
        let kind = 1 + rng.below(6);
        let withheld = rng.below(8) == 0;
        let who = rng.below(NAMES.len() as u64);
        let (number, presentation, name) = if withheld {
            ("".to_owned(), 2, "(Unknown)")
        } else {
            (number(who), 1, NAMES[who as usize])
        };
        let duration = if matches!(kind, 1 | 2) { rng.below(1_800) } else { 0 };
        writeln!(
            w,
            "  <call number=\"{number}\" duration=\"{duration}\" date=\"{ms}\" type=\"{kind}\" presentation=\"{presentation}\" \
             subscription_id=\"1\" post_dial_digits=\"\" subscription_component_name=\"com.android.phone/.TelephonyConnectionService\" \
             readable_date=\"{}\" contact_name=\"{name}\" />",
            readable(ms)
        )?;
    }
    writeln!(w, "</calls>")?;
    w.flush()?;
    Ok(SynthStats {
        records: spec.calls,
        attachments: 0,
        bytes: w.bytes,
    })
}
