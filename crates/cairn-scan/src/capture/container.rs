//! pcap and pcapng containers, read with `pcap-parser` (rusticata), whose
//! streaming reader tells how many bytes were consumed, so a truncated or
//! corrupt file can be reported to the byte.

use std::io::Read;

use pcap_parser::pcapng::Block;
use pcap_parser::{Linktype, PcapBlockOwned, PcapError, create_reader};

use super::{CaptureError, CaptureFormat, Stop, StopReason};

const INITIAL_BUFFER: usize = 1 << 20;
/// A block larger than this is taken as corruption, not a packet.
const MAX_BUFFER: usize = 64 << 20;

/// One packet as found in the container.
pub(crate) struct Frame<'a> {
    pub linktype: Linktype,
    /// Nanoseconds since the Unix epoch, if the container gives a time.
    pub ts_ns: Option<i64>,
    pub data: &'a [u8],
    /// The capture kept fewer bytes than were on the wire.
    pub cut: bool,
}

#[derive(Clone, Copy)]
struct Interface {
    linktype: Linktype,
    units_per_sec: u64,
    offset_sec: i64,
}

/// Reads every block, handing packets to `on_frame`. Returns the format,
/// bytes consumed and, if reading stopped early, why and where.
pub(crate) fn read_frames<R: Read + Send>(
    reader: R,
    mut on_frame: impl FnMut(Frame<'_>),
) -> Result<(CaptureFormat, u64, Option<Stop>), CaptureError> {
    let mut rd = create_reader(INITIAL_BUFFER, reader).map_err(|e| match e {
        PcapError::Eof => CaptureError::Empty,
        PcapError::HeaderNotRecognized => CaptureError::NotACapture,
        PcapError::ReadError => CaptureError::Read,
        _ => CaptureError::Truncated,
    })?;
    let mut format = CaptureFormat::Pcap;
    let mut legacy_link = Linktype(1);
    let mut legacy_nanos = false;
    let mut interfaces: Vec<Interface> = Vec::new();
    let mut packets: u64 = 0;
    let mut capacity = INITIAL_BUFFER;
    let stop = loop {
        let at = rd.consumed() as u64;
        match rd.next() {
            Ok((len, block)) => {
                match block {
                    PcapBlockOwned::LegacyHeader(h) => {
                        legacy_link = h.network;
                        legacy_nanos = h.is_nanosecond_precision();
                    }
                    PcapBlockOwned::Legacy(b) => {
                        packets += 1;
                        let frac = if legacy_nanos {
                            i64::from(b.ts_usec)
                        } else {
                            i64::from(b.ts_usec) * 1000
                        };
                        on_frame(Frame {
                            linktype: legacy_link,
                            ts_ns: Some(i64::from(b.ts_sec) * 1_000_000_000 + frac),
                            data: b.data,
                            cut: b.caplen < b.origlen,
                        });
                    }
                    PcapBlockOwned::NG(block) => {
                        format = CaptureFormat::PcapNg;
                        match block {
                            Block::SectionHeader(_) => interfaces.clear(),
                            Block::InterfaceDescription(idb) => interfaces.push(Interface {
                                linktype: idb.linktype,
                                units_per_sec: idb.ts_resolution().unwrap_or(0),
                                offset_sec: idb.ts_offset(),
                            }),
                            Block::EnhancedPacket(epb) => {
                                packets += 1;
                                let Some(ifc) = interfaces.get(epb.if_id as usize).copied() else {
                                    break Some(stop(at, packets, StopReason::UnknownInterface { id: epb.if_id }));
                                };
                                let raw = (u64::from(epb.ts_high) << 32) | u64::from(epb.ts_low);
                                on_frame(Frame {
                                    linktype: ifc.linktype,
                                    ts_ns: to_ns(raw, ifc),
                                    data: epb.data,
                                    cut: epb.caplen < epb.origlen,
                                });
                            }
                            Block::SimplePacket(spb) => {
                                packets += 1;
                                let Some(ifc) = interfaces.first().copied() else {
                                    break Some(stop(at, packets, StopReason::UnknownInterface { id: 0 }));
                                };
                                on_frame(Frame {
                                    linktype: ifc.linktype,
                                    ts_ns: None,
                                    data: spb.data,
                                    cut: (spb.data.len() as u64) < u64::from(spb.origlen),
                                });
                            }
                            _ => {}
                        }
                    }
                }
                rd.consume(len);
            }
            Err(PcapError::Eof) => break None,
            Err(PcapError::Incomplete(_)) => {
                if rd.refill().is_err() {
                    break Some(stop(at, packets + 1, StopReason::ReadError));
                }
            }
            Err(PcapError::UnexpectedEof) => break Some(stop(at, packets + 1, StopReason::Truncated)),
            Err(PcapError::BufferTooSmall) => {
                if capacity >= MAX_BUFFER || !rd.grow(capacity * 2) {
                    break Some(stop(at, packets + 1, StopReason::OversizedBlock));
                }
                capacity *= 2;
                if rd.refill().is_err() {
                    break Some(stop(at, packets + 1, StopReason::ReadError));
                }
            }
            Err(PcapError::ReadError) => break Some(stop(at, packets + 1, StopReason::ReadError)),
            Err(_) => break Some(stop(at, packets + 1, StopReason::Corrupt)),
        }
    };
    let consumed = rd.consumed() as u64;
    Ok((format, consumed, stop))
}

fn stop(offset: u64, packet: u64, reason: StopReason) -> Stop {
    Stop { offset, packet, reason }
}

fn to_ns(raw: u64, ifc: Interface) -> Option<i64> {
    if ifc.units_per_sec == 0 {
        return None;
    }
    let ns = u128::from(raw) * 1_000_000_000 / u128::from(ifc.units_per_sec);
    let ns = i64::try_from(ns).ok()?;
    ns.checked_add(ifc.offset_sec.checked_mul(1_000_000_000)?)
}
