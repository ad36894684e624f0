//! A live check of an Android phone over USB. Cairn talks to the adb
//! server on this machine (loopback only), runs read-only commands, keeps
//! their outputs as one evidence zip in AndroidQF's layout (so the check can
//! be analysed again with newer indicators, like any acquisition) and
//! records the findings.

use std::collections::BTreeMap;
use std::io::Cursor;

use cairn_core::{CaseId, ScanKind};
use cairn_scan::adb::{self, AdbServer, DeviceEntry};
use cairn_store::Store;
use serde::Serialize;

use crate::evidence::EvidenceMeta;
use crate::scan::{ScanReport, analyse_acquisition};
use crate::{AppError, Result, Vault};

pub struct LiveScanRequest {
    /// The adb server's port on 127.0.0.1 (5037 unless told otherwise).
    pub port: u16,
    /// Which phone, when more than one is connected.
    pub serial: Option<String>,
    pub note: Option<String>,
}

/// A phone the adb server knows, for choosing one.
#[derive(Debug, Clone, Serialize)]
pub struct Phone {
    pub serial: String,
    pub state: String,
    pub model: Option<String>,
}

fn failed(detail: impl std::fmt::Display) -> AppError {
    AppError::Scan {
        file: "adb".into(),
        detail: detail.to_string(),
    }
}

fn phone(entry: &DeviceEntry) -> Phone {
    Phone {
        serial: entry.serial.clone(),
        state: entry.state.clone(),
        model: entry.details.get("model").cloned(),
    }
}

/// Why a phone cannot be checked; worded by the i18n crate.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PhoneProblem {
    NoneConnected,
    /// More than one: the person must choose (the serials and states, listed).
    Several {
        listed: String,
    },
    NotConnected {
        serial: String,
        listed: String,
    },
    /// The phone has not accepted this computer's USB debugging key yet.
    Unauthorized {
        serial: String,
    },
    NotReady {
        serial: String,
        state: String,
    },
}

impl std::fmt::Display for PhoneProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PhoneProblem::NoneConnected => write!(f, "no phone is connected"),
            PhoneProblem::Several { listed } => write!(f, "several phones are connected: {listed}"),
            PhoneProblem::NotConnected { serial, listed } => {
                write!(f, "no phone {serial} is connected (connected: {listed})")
            }
            PhoneProblem::Unauthorized { serial } => write!(f, "{serial} has not accepted the USB debugging prompt"),
            PhoneProblem::NotReady { serial, state } => write!(f, "{serial} is {state}"),
        }
    }
}

/// The one phone to check: the one named, or the only one connected.
fn choose(phones: &[DeviceEntry], serial: Option<&str>) -> Result<DeviceEntry> {
    let listed = || {
        phones
            .iter()
            .map(|p| format!("{} ({})", p.serial, p.state))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let entry = match serial {
        Some(serial) => phones.iter().find(|p| p.serial == serial).ok_or_else(|| {
            AppError::Phone(PhoneProblem::NotConnected {
                serial: serial.to_owned(),
                listed: listed(),
            })
        })?,
        None => match phones {
            [] => return Err(AppError::Phone(PhoneProblem::NoneConnected)),
            [one] => one,
            _ => return Err(AppError::Phone(PhoneProblem::Several { listed: listed() })),
        },
    };
    match entry.state.as_str() {
        "device" => Ok(entry.clone()),
        "unauthorized" => Err(AppError::Phone(PhoneProblem::Unauthorized {
            serial: entry.serial.clone(),
        })),
        other => Err(AppError::Phone(PhoneProblem::NotReady {
            serial: entry.serial.clone(),
            state: other.to_owned(),
        })),
    }
}

impl<S: Store> Vault<S> {
    /// The phones the adb server on this machine knows.
    pub async fn phones(&self, port: u16) -> Result<Vec<Phone>> {
        tokio::task::spawn_blocking(move || AdbServer::local(port).devices())
            .await
            .map_err(failed)?
            .map(|entries| entries.iter().map(phone).collect())
            .map_err(failed)
    }

    /// Checks a connected phone and records the result in the case.
    pub async fn scan_android(&self, case: &CaseId, request: LiveScanRequest) -> Result<ScanReport> {
        self.case(case).await?;
        let (set, used) = self.indicator_set().await?;
        let port = request.port;
        let serial = request.serial.clone();
        let as_of = jiff::Zoned::now().date();
        let collected = tokio::task::spawn_blocking(move || -> Result<_> {
            let server = AdbServer::local(port);
            let entry = choose(&server.devices().map_err(failed)?, serial.as_deref())?;
            let acquisition = adb::collect(&server, &entry.serial).map_err(failed)?;
            let zip = acquisition.to_zip().map_err(failed)?;
            Ok((phone(&entry), zip, analyse_acquisition(&acquisition, &set, as_of)))
        });
        let (phone, zip, analysis) = collected.await.map_err(failed)??;
        let at = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ").to_string();
        let model = phone.model.clone().unwrap_or_default();
        let meta = EvidenceMeta {
            name: format!("adb-{}-{at}.zip", phone.serial),
            source: Some(
                format!("live check over adb of {} {model}", phone.serial)
                    .trim_end()
                    .to_owned(),
            ),
            note: request.note,
            media_type: Some("application/zip".into()),
        };
        let source = self.seal(meta, Cursor::new(zip), "adb".into(), |_| {}).await?;
        let mut settings = BTreeMap::new();
        settings.insert("as_of".to_owned(), as_of.to_string());
        settings.insert("serial".to_owned(), phone.serial.clone());
        if let Some(model) = phone.model {
            settings.insert("model".to_owned(), model);
        }
        self.record_scan(case, source, true, ScanKind::Adb, settings, used, analysis)
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(serial: &str, state: &str) -> DeviceEntry {
        DeviceEntry {
            serial: serial.into(),
            state: state.into(),
            details: BTreeMap::new(),
        }
    }

    #[test]
    fn the_phone_to_check() {
        let one = [entry("A1", "device")];
        assert_eq!(choose(&one, None).unwrap().serial, "A1");
        let problem = |r: Result<DeviceEntry>| match r {
            Err(AppError::Phone(p)) => p,
            other => panic!("{other:?}"),
        };
        assert_eq!(problem(choose(&[], None)), PhoneProblem::NoneConnected);
        let two = [entry("A1", "device"), entry("B2", "unauthorized")];
        let listed = "A1 (device), B2 (unauthorized)".to_owned();
        assert_eq!(
            problem(choose(&two, None)),
            PhoneProblem::Several { listed: listed.clone() }
        );
        assert_eq!(choose(&two, Some("A1")).unwrap().serial, "A1");
        assert_eq!(
            problem(choose(&two, Some("B2"))),
            PhoneProblem::Unauthorized { serial: "B2".into() }
        );
        assert_eq!(
            problem(choose(&two, Some("C3"))),
            PhoneProblem::NotConnected {
                serial: "C3".into(),
                listed
            }
        );
        let offline = [entry("A1", "offline")];
        assert_eq!(
            problem(choose(&offline, None)),
            PhoneProblem::NotReady {
                serial: "A1".into(),
                state: "offline".into()
            }
        );
    }
}
