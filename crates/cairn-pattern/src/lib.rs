//! Course-of-conduct analysis: the pattern in a case's communications.
//!
//! Stalking is a course of conduct, and a judge is convinced by the pattern:
//! how often, at what hours, for how many days in a row, in bursts, after the
//! survivor asked for no contact, and whether it is getting worse. This crate
//! turns compact contact records into those numbers.
//!
//! # API
//!
//! - [`analyse`]`(&[Contact], &Options) -> Analysis`: one [`PartyPattern`]
//!   per party present (sorted by party) and a case-wide [`Summary`]. The
//!   input may be in any order and is not modified: the analysis sorts a
//!   16-byte-per-record copy. Everything is [`serde::Serialize`], so an
//!   interface can print it as JSON.
//! - [`side`]: which [`Side`] a [`Direction`] counts on.
//! - [`Lexicon`]: the bundled review lexicon (English and Spanish) and its
//!   matcher, used to set [`Contact::review`].
//!
//! # Invariants
//!
//! - Days, weeks and hours are the survivor's wall clock in
//!   [`Options::time_zone`], so a contact at 23:30 local time lands on that
//!   day whatever UTC says, across daylight-saving changes.
//! - The pattern measures (per-day *from them*, heatmap, busiest day, streak,
//!   bursts, no-contact, escalation, new channels) count contacts **from
//!   them**: incoming, missed, rejected, blocked and voicemail. Outgoing and
//!   drafts are *to them*; `unknown` is counted apart and in neither.
//! - The observation window ends at the case's last contact: escalation
//!   compares each party against that end, so a party who stopped shows it.
//! - Instants outside what [`jiff::Timestamp`] can represent are skipped and
//!   counted ([`Summary::out_of_range`]), never a panic.
//! - The same input gives the same output, byte for byte once serialised.
//!
//! # What it must not know
//!
//! No I/O, no clock (the time zone and dates come in as values), no storage,
//! no strings for people: categories and fields are data that the
//! interfaces word in the person's language. A [`Lexicon`] match flags a
//! message **for review by a person**; it never labels a message a threat.
//!
//! # Performance
//!
//! One million contacts take about 80 ms in a release build on the 2-core
//! development machine, about three times a plain sort of their timestamps
//! (`cargo bench -p cairn-pattern` prints both). The time-zone conversion, the hot spot, reuses the
//! offset between transitions (see `clock.rs`).
#![forbid(unsafe_code)]

mod analysis;
mod clock;
mod conduct;
mod lexicon;

#[cfg(test)]
mod tests;

use cairn_core::{CommChannel, Direction};
use jiff::civil::Date;
use jiff::tz::TimeZone;

pub use analysis::{
    Analysis, Burst, Bursts, ChannelCount, DayCount, Escalation, NewChannel, NoContact, PartyPattern, Streak, Summary,
    analyse,
};
pub use lexicon::{Lexicon, LexiconError, LexiconHit, ReviewCategory};

/// One communication, already matched to a party (a subject of the case, or
/// an unassigned counterpart numbered by the caller).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contact {
    /// Unix time in milliseconds (UTC).
    pub at_ms: i64,
    pub channel: CommChannel,
    pub direction: Direction,
    pub party: u32,
    /// The body matched the review lexicon (see [`Lexicon::find`]).
    pub review: bool,
}

/// How to read the contacts.
#[derive(Debug, Clone)]
pub struct Options {
    /// The survivor's zone: it decides what a day and an hour are.
    pub time_zone: TimeZone,
    /// The day the survivor asked for no contact, on their calendar.
    pub no_contact_from: Option<Date>,
    /// Contacts from them at most this many minutes apart belong to one burst.
    pub burst_gap_minutes: u32,
    /// A run needs at least this many contacts to be a burst (values below 2
    /// are read as 2: one message is not a burst).
    pub burst_min: u32,
}

impl Options {
    pub fn new(time_zone: TimeZone) -> Self {
        Options {
            time_zone,
            no_contact_from: None,
            burst_gap_minutes: 10,
            burst_min: 5,
        }
    }
}

impl Default for Options {
    fn default() -> Self {
        Options::new(TimeZone::UTC)
    }
}

/// Whose contact a record is, from the survivor's side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// Incoming, missed, rejected, blocked, voicemail: they reached out.
    FromThem,
    /// Outgoing or a draft: the survivor's own.
    ToThem,
    /// The export did not say.
    Unknown,
}

/// The side a direction counts on. A draft is the survivor's (to them); a
/// blocked or rejected call is still their attempt (from them).
pub fn side(direction: Direction) -> Side {
    match direction {
        Direction::Incoming | Direction::Missed | Direction::Rejected | Direction::Blocked | Direction::Voicemail => {
            Side::FromThem
        }
        Direction::Outgoing | Direction::Draft => Side::ToThem,
        _ => Side::Unknown,
    }
}
