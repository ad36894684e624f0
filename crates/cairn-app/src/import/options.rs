//! What an import needs to be told: the region numbers are written in, the
//! time zone of a chat's clock, the survivor's own names and numbers. Every
//! setting that changes what is read is recorded in the journal event.

use std::collections::BTreeMap;

use cairn_core::{ImportKind, Invalid, PhotoFacts, Reason, validate};
use cairn_ingest::DateOrder;
use cairn_ingest::email::EmailOptions;
use cairn_ingest::sms_backup::SmsOptions;
use cairn_ingest::whatsapp::WhatsappOptions;
use jiff::tz::TimeZone;

#[derive(Debug, Clone)]
pub struct ImportSettings {
    pub kind: ImportKind,
    /// ISO 3166 code for numbers written without a country code.
    pub region: String,
    /// IANA name of the zone a chat export's times are in; the machine's
    /// zone when absent.
    pub time_zone: Option<String>,
    /// `dmy`, `mdy`, `ymd` or a locale such as `en-GB`, for chats whose dates
    /// never settle the order themselves.
    pub date_order: Option<String>,
    /// The survivor's own numbers, addresses or chat name.
    pub owner: Vec<String>,
    /// A chat's title, when the file name does not give it.
    pub chat_name: Option<String>,
    /// Where the file came from, in the person's words.
    pub source: Option<String>,
    pub note: Option<String>,
}

impl ImportSettings {
    pub fn new(kind: ImportKind) -> Self {
        ImportSettings {
            kind,
            region: "US".into(),
            time_zone: None,
            date_order: None,
            owner: Vec::new(),
            chat_name: None,
            source: None,
            note: None,
        }
    }

    /// The settings that shape this kind of import, validated, by name.
    pub fn to_map(&self) -> Result<BTreeMap<String, String>, Invalid> {
        let mut map = BTreeMap::new();
        let owners = || {
            self.owner
                .iter()
                .map(|o| validate::text("owner", o, 200))
                .collect::<Result<Vec<_>, _>>()
        };
        match self.kind {
            ImportKind::SmsBackup => {
                map.insert("region".into(), self.region()?);
                let owners = owners()?;
                if !owners.is_empty() {
                    map.insert("owner".into(), owners.join("\n"));
                }
            }
            ImportKind::Whatsapp => {
                map.insert("region".into(), self.region()?);
                map.insert("time_zone".into(), zone_name(&self.zone()?));
                if let Some(order) = self.order()? {
                    map.insert("date_order".into(), order_name(order).into());
                }
                if let Some(owner) = owners()?.first() {
                    map.insert("owner".into(), owner.clone());
                }
                if let Some(chat) = &self.chat_name {
                    map.insert("chat_name".into(), validate::text("chat name", chat, 200)?);
                }
            }
            ImportKind::Email => {
                let owners = owners()?;
                if !owners.is_empty() {
                    map.insert("owner".into(), owners.join("\n"));
                }
            }
            _ => {}
        }
        if self.kind != ImportKind::Photo {
            // Not part of the reading (the digest does not depend on it), but
            // it decides which messages are flagged for review.
            map.insert(
                "review_lexicon".into(),
                cairn_pattern::Lexicon::bundled().version().to_owned(),
            );
        }
        Ok(map)
    }

    fn region(&self) -> Result<String, Invalid> {
        let region = self.region.trim().to_ascii_uppercase();
        let known = region.parse::<phonenumber::country::Id>().is_ok();
        if region.len() != 2 || !known {
            return Err(Invalid::new("region", &self.region, Reason::NotARegion));
        }
        Ok(region)
    }

    fn zone(&self) -> Result<TimeZone, Invalid> {
        match self.time_zone.as_deref().map(str::trim).filter(|z| !z.is_empty()) {
            Some(name) => TimeZone::get(name).map_err(|_| Invalid::new("time zone", name, Reason::NotATimeZone)),
            None => Ok(TimeZone::try_system().unwrap_or(TimeZone::UTC)),
        }
    }

    fn order(&self) -> Result<Option<DateOrder>, Invalid> {
        let Some(text) = self.date_order.as_deref().map(str::trim).filter(|t| !t.is_empty()) else {
            return Ok(None);
        };
        let order = match text.to_ascii_lowercase().as_str() {
            "dmy" | "day_month_year" => Some(DateOrder::DayMonthYear),
            "mdy" | "month_day_year" => Some(DateOrder::MonthDayYear),
            "ymd" | "year_month_day" => Some(DateOrder::YearMonthDay),
            locale => DateOrder::for_locale(locale),
        };
        order.map(Some).ok_or_else(|| {
            Invalid::new(
                "date order",
                text,
                Reason::NotOneOf {
                    allowed: vec![
                        "dmy", "mdy", "ymd", "en-US", "en-GB", "es", "de", "fr", "pt-BR", "it", "nl", "fi",
                    ],
                },
            )
        })
    }

    pub(crate) fn sms_options(&self) -> SmsOptions {
        let mut options = SmsOptions::new(&self.region.trim().to_ascii_uppercase());
        options.owner_numbers = self.owner.clone();
        options
    }

    pub(crate) fn whatsapp_options(&self) -> Result<WhatsappOptions, cairn_ingest::ImportError> {
        // Validated by `to_map` before any reading starts.
        let zone = self.zone().unwrap_or(TimeZone::UTC);
        let mut options = WhatsappOptions::new(zone, &self.region.trim().to_ascii_uppercase());
        options.owner_name = self.owner.first().cloned();
        options.date_order = self.order().ok().flatten();
        options.chat_name = self.chat_name.clone();
        Ok(options)
    }

    pub(crate) fn email_options(&self) -> EmailOptions {
        EmailOptions {
            owner_addresses: self.owner.clone(),
        }
    }
}

fn zone_name(zone: &TimeZone) -> String {
    match zone.iana_name() {
        Some(name) => name.to_owned(),
        None => zone.to_offset(jiff::Timestamp::now()).to_string(),
    }
}

fn order_name(order: DateOrder) -> &'static str {
    match order {
        DateOrder::DayMonthYear => "dmy",
        DateOrder::MonthDayYear => "mdy",
        DateOrder::YearMonthDay => "ymd",
    }
}

pub(crate) fn photo_facts(meta: &cairn_ingest::photo::PhotoMeta) -> PhotoFacts {
    PhotoFacts {
        captured_local: meta.captured_at.map(|c| c.local.to_string()),
        offset: meta.captured_at.and_then(|c| c.offset).map(offset_text),
        make: meta.make.clone(),
        model: meta.model.clone(),
        latitude: meta.gps.map(|(lat, _)| format!("{lat:.7}")),
        longitude: meta.gps.map(|(_, lon)| format!("{lon:.7}")),
    }
}

/// "+02:00", as EXIF's `OffsetTime*` tags write it (jiff would write "+02").
fn offset_text(offset: jiff::tz::Offset) -> String {
    let secs = offset.seconds();
    let sign = if secs < 0 { '-' } else { '+' };
    let abs = secs.unsigned_abs();
    format!("{sign}{:02}:{:02}", abs / 3600, abs % 3600 / 60)
}
