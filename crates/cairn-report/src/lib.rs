//! Cairn reports: what a case looks like on a page and on paper.
//!
//! - [`charts`]: SVG charts of a course of conduct (per-day bars, a
//!   weekday × hour heatmap, a timeline of parties), built from
//!   [`cairn_pattern`]'s analysis.
//! - [`pdf`]: documents typeset with Typst in memory, data in as JSON.
//! - [`packet`]: the court packet's layout and formats, a streaming zip
//!   writer that hashes and signs (SSHSIG), and the offline verifier.
//! - [`strip`]: picture copies without location and device metadata.
//! - [`table`]: CSV for spreadsheets, with formula-looking cells made text.
//!
//! # Invariants
//!
//! - Chart output is a `String` of SVG that a page with a strict CSP
//!   (`default-src 'none'`, `style-src 'self'`, no `unsafe-inline`) can
//!   inline: presentation attributes only, never a `style` attribute or
//!   element, no script, no link, no external font or image; the only URL is
//!   the SVG namespace.
//! - Accessible: `role="img"` and `aria-labelledby` naming a `<title>` and a
//!   `<desc>` that the caller words; tooltips as `<title>` children; a
//!   palette that survives colour-vision deficiencies (Okabe–Ito, and a
//!   single-hue ramp for the heatmap).
//! - Deterministic: the same input gives the same bytes, so tests and
//!   exported packets can compare them.
//! - Bounded: a timeline of a million contacts stays well under 500 KB.
//!
//! # What it must not know
//!
//! No language (every word, number, date and hour format comes from the
//! caller: [`charts::ChartLabels`], the report's `labels`), no storage, no
//! time zone (callers format instants in the survivor's zone themselves), no
//! private key (the packet writer asks a closure to sign). The only files it
//! touches are a packet being verified.
//!
//! # Why a hand-written SVG writer
//!
//! DESIGN.md lists `plotters` and `charts-rs`. A sample built with
//! `plotters` 0.3.7 (`SVGBackend`, no default features) wrote presentation
//! attributes and no `style=`, so it would pass the CSP; but it has no way
//! to emit `role`, `aria-labelledby`, `<title>`/`<desc>` or per-mark
//! `<title>` tooltips, and it fixes `width`/`height` in pixels, so meeting
//! the accessibility rules would mean rewriting its output as text.
//! `charts-rs` has no hooks for those either, and in the source read
//! (`src/charts/component.rs`) text content is written without XML
//! escaping, which is unsafe for party names taken from imports. The three
//! charts need a few hundred lines of SVG, so this crate writes it directly
//! (`charts/svg.rs`), with escaping and number formatting tested in one place.
#![forbid(unsafe_code)]

pub mod charts;
pub mod packet;
pub mod pdf;
pub mod strip;
pub mod table;
