//! A client for the adb host protocol, speaking to an adb server on this
//! machine, and the collection of what the Android analysis needs.
//!
//! Written by hand rather than with `adb_client`: the host protocol is a
//! few hundred lines, and that crate brings TLS, RSA, USB and mDNS stacks
//! for device transports this crate must not use. The client refuses any
//! address that is not loopback, bounds every read, and times out.

pub mod replay;
pub mod wire;

use std::collections::BTreeMap;
use std::io::{BufReader, BufWriter};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use crate::android::{Acquisition, SourceKind};

pub use wire::ShellOutput;

/// The adb server's default port.
pub const DEFAULT_PORT: u16 = 5037;

#[non_exhaustive]
#[derive(Debug, thiserror::Error)]
pub enum AdbError {
    #[error("refusing to contact {addr}: the adb server must be on this machine (loopback)")]
    NotLoopback { addr: SocketAddr },
    #[error("cannot connect to the adb server at {addr}: {source}")]
    Connect { addr: SocketAddr, source: std::io::Error },
    #[error("i/o error while {context}: {source}")]
    Io {
        context: &'static str,
        source: std::io::Error,
    },
    #[error("timed out while {context}")]
    Timeout { context: &'static str },
    #[error("the adb server closed the connection while {context}")]
    Closed { context: &'static str },
    #[error("the adb server refused while {context}: {message}")]
    Failed { context: &'static str, message: String },
    #[error("unexpected reply while {context}: {got:?}")]
    Protocol { context: &'static str, got: Vec<u8> },
    #[error("request of {len} bytes is longer than the protocol allows")]
    RequestTooLong { len: usize },
    #[error("command output is more than {limit} bytes")]
    OutputTooLarge { limit: usize },
    #[error("serial {serial:?} contains characters adb does not use")]
    BadSerial { serial: String },
}

/// One line of `adb devices -l`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceEntry {
    pub serial: String,
    /// `device`, `unauthorized`, `offline`, …
    pub state: String,
    /// `product:`, `model:`, `device:`, `transport_id:` values.
    pub details: BTreeMap<String, String>,
}

/// A connection factory for one adb server.
#[derive(Debug, Clone)]
pub struct AdbServer {
    addr: SocketAddr,
    timeout: Duration,
    max_output: usize,
}

type Conn = (BufReader<TcpStream>, BufWriter<TcpStream>);

impl AdbServer {
    /// The server at `addr`, which must be a loopback address.
    pub fn new(addr: SocketAddr) -> Result<Self, AdbError> {
        if !addr.ip().is_loopback() {
            return Err(AdbError::NotLoopback { addr });
        }
        Ok(AdbServer {
            addr,
            timeout: Duration::from_secs(60),
            max_output: 256 << 20,
        })
    }

    /// The server on 127.0.0.1 at `port` (5037 is adb's default).
    pub fn local(port: u16) -> Self {
        AdbServer {
            addr: SocketAddr::from(([127, 0, 0, 1], port)),
            timeout: Duration::from_secs(60),
            max_output: 256 << 20,
        }
    }

    /// Per-read timeout; `dumpsys package` on a large phone takes seconds.
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    pub fn with_max_output(mut self, bytes: usize) -> Self {
        self.max_output = bytes;
        self
    }

    fn connect(&self) -> Result<Conn, AdbError> {
        let s = TcpStream::connect_timeout(&self.addr, self.timeout).map_err(|source| AdbError::Connect {
            addr: self.addr,
            source,
        })?;
        let setup = |s: &TcpStream| -> std::io::Result<TcpStream> {
            s.set_read_timeout(Some(self.timeout))?;
            s.set_write_timeout(Some(self.timeout))?;
            s.set_nodelay(true)?;
            s.try_clone()
        };
        let w = setup(&s).map_err(|source| AdbError::Io {
            context: "setting up the connection",
            source,
        })?;
        Ok((BufReader::new(s), BufWriter::new(w)))
    }

    /// A host request answered with a length-prefixed string.
    fn host_query(&self, req: &str, context: &'static str) -> Result<Vec<u8>, AdbError> {
        let (mut r, mut w) = self.connect()?;
        wire::send(&mut w, req)?;
        wire::read_status(&mut r, context)?;
        wire::read_string(&mut r, context)
    }

    /// The server's protocol version (41 for current servers).
    pub fn version(&self) -> Result<u32, AdbError> {
        let v = self.host_query("host:version", "asking the server version")?;
        let s = String::from_utf8_lossy(&v);
        u32::from_str_radix(s.trim(), 16).map_err(|_| AdbError::Protocol {
            context: "reading the server version",
            got: v,
        })
    }

    pub fn devices(&self) -> Result<Vec<DeviceEntry>, AdbError> {
        let list = self.host_query("host:devices-l", "listing devices")?;
        Ok(String::from_utf8_lossy(&list)
            .lines()
            .filter_map(|l| {
                let mut f = l.split_whitespace();
                let serial = f.next()?.to_owned();
                let state = f.next()?.to_owned();
                let details = f
                    .filter_map(|kv| kv.split_once(':'))
                    .map(|(k, v)| (k.to_owned(), v.to_owned()))
                    .collect();
                Some(DeviceEntry { serial, state, details })
            })
            .collect())
    }

    pub fn features(&self, serial: &str) -> Result<Vec<String>, AdbError> {
        check_serial(serial)?;
        let f = self.host_query(&format!("host-serial:{serial}:features"), "asking device features")?;
        Ok(String::from_utf8_lossy(&f)
            .split(',')
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect())
    }

    /// Runs `command` with `sh -c` semantics on the device. Uses the
    /// `shell,v2` protocol (separate stderr, exit code) when the device
    /// offers it, else the legacy `shell:` stream.
    pub fn shell(&self, serial: &str, command: &str, v2: bool) -> Result<ShellOutput, AdbError> {
        check_serial(serial)?;
        let (mut r, mut w) = self.connect()?;
        wire::send(&mut w, &format!("host:transport:{serial}"))?;
        wire::read_status(&mut r, "selecting the device")?;
        if v2 {
            wire::send(&mut w, &format!("shell,v2,raw:{command}"))?;
            wire::read_status(&mut r, "starting a shell")?;
            // No input will follow; tell the device so commands waiting on stdin end.
            wire::write_packet(&mut w, wire::ID_CLOSE_STDIN, &[])
                .and_then(|()| std::io::Write::flush(&mut w))
                .map_err(|source| AdbError::Io {
                    context: "closing the shell's input",
                    source,
                })?;
            wire::read_shell_v2(&mut r, self.max_output)
        } else {
            wire::send(&mut w, &format!("shell:{command}"))?;
            wire::read_status(&mut r, "starting a shell")?;
            let stdout = wire::read_to_end_limited(&mut r, self.max_output)?;
            Ok(ShellOutput {
                stdout,
                stderr: Vec::new(),
                exit: None,
            })
        }
    }
}

fn check_serial(serial: &str) -> Result<(), AdbError> {
    let ok = !serial.is_empty()
        && serial.len() <= 255
        && serial
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b'\'' && b != b'"' && b != b'\\');
    if ok {
        Ok(())
    } else {
        Err(AdbError::BadSerial {
            serial: serial.to_owned(),
        })
    }
}

/// The commands the analysis needs, and where each output goes. Dumpsys
/// outputs are joined under `DUMP OF SERVICE` markers, as `dumpsys` with no
/// argument prints them, so the offline parser reads them unchanged.
pub const COMMANDS: &[(&str, &str)] = &[
    ("getprop", "getprop.txt"),
    ("pm list packages -f -i -U", "pm_list.txt"),
    ("dumpsys package", "dumpsys:package"),
    ("dumpsys device_policy", "dumpsys:device_policy"),
    ("dumpsys accessibility", "dumpsys:accessibility"),
    ("dumpsys appops", "dumpsys:appops"),
    ("dumpsys notification", "dumpsys:notification"),
    ("settings list system", "settings_system.txt"),
    ("settings list secure", "settings_secure.txt"),
    ("settings list global", "settings_global.txt"),
    ("ps -A", "ps.txt"),
];

/// Runs [`COMMANDS`] on one device and returns them as an acquisition for
/// [`crate::android::analyze_acquisition`]. A command that fails is left
/// out (the analysis then reports what it could not check); only failing
/// to reach the server or the device is an error.
pub fn collect(server: &AdbServer, serial: &str) -> Result<Acquisition, AdbError> {
    let v2 = server.features(serial)?.iter().any(|f| f == "shell_v2");
    let mut files = BTreeMap::new();
    let mut dumpsys = String::new();
    let mut problems = Vec::new();
    for (cmd, dest) in COMMANDS {
        let out = server.shell(serial, cmd, v2)?;
        let failed = out.exit.is_some_and(|c| c != 0);
        if failed || out.stdout.is_empty() {
            let why = String::from_utf8_lossy(&out.stderr).trim().to_owned();
            problems.push((
                (*cmd).to_owned(),
                if why.is_empty() {
                    format!("exit {:?}", out.exit)
                } else {
                    why
                },
            ));
            continue;
        }
        match dest.strip_prefix("dumpsys:") {
            Some(service) => {
                dumpsys.push_str(&format!("DUMP OF SERVICE {service}:\n"));
                dumpsys.push_str(&String::from_utf8_lossy(&out.stdout));
                dumpsys.push('\n');
            }
            None => {
                files.insert((*dest).to_owned(), out.stdout);
            }
        }
    }
    if !dumpsys.is_empty() {
        files.insert("dumpsys.txt".to_owned(), dumpsys.into_bytes());
    }
    let mut acq = Acquisition::from_files(SourceKind::Adb, format!("adb:{serial}"), files);
    acq.add_problems(problems);
    Ok(acq)
}

#[cfg(test)]
mod tests;
