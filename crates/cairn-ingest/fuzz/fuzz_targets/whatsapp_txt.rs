//! Any bytes as a WhatsApp chat text, under each date-order option: an
//! error or a summary, never a panic.
#![no_main]

use std::io::Cursor;

use cairn_ingest::Collect;
use cairn_ingest::whatsapp::{self, DateOrder, WhatsappOptions};
use jiff::tz::TimeZone;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, chat)) = data.split_first() else {
        return;
    };
    let mut options = WhatsappOptions::new(TimeZone::fixed(jiff::tz::offset(-5)), "US");
    options.owner_name = (first & 1 == 1).then(|| "Dana Kim".to_owned());
    options.date_order = match first >> 1 & 3 {
        0 => None,
        1 => Some(DateOrder::DayMonthYear),
        2 => Some(DateOrder::MonthDayYear),
        _ => Some(DateOrder::YearMonthDay),
    };
    let mut sink = Collect::default();
    if let Ok(summary) = whatsapp::import(Cursor::new(chat), &mut sink, &options) {
        assert_eq!(summary.communications, sink.communications.len() as u64);
    }
});
