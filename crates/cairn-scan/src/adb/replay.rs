//! A stand-in adb server on 127.0.0.1 that speaks the real host protocol
//! and answers shell commands from recorded device fixtures, so the client
//! (and the real `adb` program) can be tested without a phone.
//!
//! A fixture is a folder with `device.json` (serial, state, model, product,
//! device, transport_id, features, and `commands`: command → output file)
//! and the output files. `getprop KEY` and `settings get NS KEY` are
//! answered from the recorded `getprop` and `settings list NS` outputs, as
//! a phone would.

use std::collections::BTreeMap;
use std::io::{BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use serde::Deserialize;

use super::wire;

/// The protocol version current adb clients expect; a mismatch makes the
/// real `adb` program kill the server and start its own.
pub const SERVER_VERSION: u32 = 41;

#[derive(Debug, Clone, Deserialize)]
pub struct RecordedDevice {
    pub serial: String,
    #[serde(default = "device_state")]
    pub state: String,
    #[serde(default)]
    pub model: String,
    #[serde(default)]
    pub product: String,
    #[serde(default)]
    pub device: String,
    #[serde(default)]
    pub transport_id: u64,
    #[serde(default)]
    pub features: Vec<String>,
    /// Command → output, loaded from the files named in `device.json`.
    #[serde(skip)]
    pub outputs: BTreeMap<String, Vec<u8>>,
    #[serde(rename = "commands", default)]
    files: BTreeMap<String, String>,
}

fn device_state() -> String {
    "device".to_owned()
}

impl RecordedDevice {
    /// Loads `dir/device.json` and the outputs it names.
    pub fn load(dir: &Path) -> std::io::Result<Self> {
        let manifest = std::fs::read(dir.join("device.json"))?;
        let mut d: RecordedDevice = serde_json::from_slice(&manifest).map_err(std::io::Error::other)?;
        for (cmd, file) in &d.files {
            if file.contains("..") || file.contains('/') {
                return Err(std::io::Error::other(format!(
                    "fixture file name {file:?} must be a plain name"
                )));
            }
            d.outputs.insert(cmd.clone(), std::fs::read(dir.join(file))?);
        }
        Ok(d)
    }

    /// Output, stderr and exit code of a command, as the phone's shell would give.
    fn run(&self, command: &str) -> (Vec<u8>, Vec<u8>, u8) {
        let cmd = command.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(out) = self.outputs.get(&cmd) {
            return (out.clone(), Vec::new(), 0);
        }
        let words: Vec<&str> = cmd.split(' ').collect();
        match words.as_slice() {
            ["getprop", key] => {
                let text = self
                    .outputs
                    .get("getprop")
                    .map(|b| String::from_utf8_lossy(b).into_owned())
                    .unwrap_or_default();
                let prefix = format!("[{key}]: [");
                let v = text
                    .lines()
                    .find_map(|l| l.strip_prefix(&prefix)?.strip_suffix(']'))
                    .unwrap_or_default();
                (format!("{v}\n").into_bytes(), Vec::new(), 0)
            }
            ["settings", "get", ns, key] => {
                let text = self
                    .outputs
                    .get(&format!("settings list {ns}"))
                    .map(|b| String::from_utf8_lossy(b).into_owned());
                let v = text
                    .as_deref()
                    .and_then(|t| t.lines().find_map(|l| l.strip_prefix(&format!("{key}="))));
                (format!("{}\n", v.unwrap_or("null")).into_bytes(), Vec::new(), 0)
            }
            [first, ..] => (
                Vec::new(),
                format!("/system/bin/sh: {first}: inaccessible or not found\n").into_bytes(),
                127,
            ),
            [] => (Vec::new(), Vec::new(), 0),
        }
    }
}

/// A running replay server; stops when dropped.
#[derive(Debug)]
pub struct ReplayServer {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl ReplayServer {
    /// Starts on 127.0.0.1 at `port` (0 picks a free one).
    pub fn start(devices: Vec<RecordedDevice>, port: u16) -> std::io::Result<Self> {
        let listener = TcpListener::bind(("127.0.0.1", port))?;
        let addr = listener.local_addr()?;
        listener.set_nonblocking(true)?;
        let stop = Arc::new(AtomicBool::new(false));
        let devices = Arc::new(devices);
        let flag = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            while !flag.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let (devs, flag) = (Arc::clone(&devices), Arc::clone(&flag));
                        std::thread::spawn(move || {
                            // A misbehaving client only ends its own connection.
                            let _ = serve(stream, &devs, &flag);
                        });
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_millis(5))
                    }
                    Err(_) => break,
                }
            }
        });
        Ok(ReplayServer {
            addr,
            stop,
            thread: Some(thread),
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Whether a client asked the server to quit (`host:kill`).
    pub fn killed(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

impl Drop for ReplayServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn okay(w: &mut impl Write, body: Option<&[u8]>) -> std::io::Result<()> {
    w.write_all(b"OKAY")?;
    if let Some(b) = body {
        w.write_all(&wire::encode(b).map_err(std::io::Error::other)?)?;
    }
    w.flush()
}

fn fail(w: &mut impl Write, msg: &str) -> std::io::Result<()> {
    w.write_all(b"FAIL")?;
    w.write_all(&wire::encode(msg.as_bytes()).map_err(std::io::Error::other)?)?;
    w.flush()
}

fn read_request(r: &mut impl Read) -> std::io::Result<String> {
    let n = wire::read_len(r, "reading a request").map_err(std::io::Error::other)?;
    let mut b = vec![0u8; n];
    r.read_exact(&mut b)?;
    String::from_utf8(b).map_err(std::io::Error::other)
}

/// Which device a request addresses, resolved like adb does.
fn pick<'a>(devs: &'a [RecordedDevice], selector: &str) -> Result<&'a RecordedDevice, String> {
    let usable = || devs.iter().filter(|d| d.state == "device");
    let one = |mut it: Box<dyn Iterator<Item = &'a RecordedDevice> + 'a>, none: &str| match (it.next(), it.next()) {
        (Some(d), None) => Ok(d),
        (None, _) => Err(none.to_owned()),
        (Some(_), Some(_)) => Err("more than one device/emulator".to_owned()),
    };
    if let Some(serial) = selector.strip_prefix("serial:") {
        return devs
            .iter()
            .find(|d| d.serial == serial)
            .ok_or_else(|| format!("device '{serial}' not found"));
    }
    if let Some(id) = selector.strip_prefix("id:") {
        return devs
            .iter()
            .find(|d| d.transport_id.to_string() == id)
            .ok_or_else(|| format!("no device with transport id '{id}'"));
    }
    match selector {
        "any" | "usb" | "local" => one(Box::new(usable()), "no devices/emulators found"),
        _ => Err(format!("device '{selector}' not found")),
    }
}

fn serve(stream: TcpStream, devs: &[RecordedDevice], stop: &AtomicBool) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut w = stream.try_clone()?;
    let mut r = BufReader::new(stream);
    let mut transport: Option<&RecordedDevice> = None;
    loop {
        let req = read_request(&mut r)?;
        if let Some(dev) = transport {
            return device_service(&mut r, &mut w, dev, &req);
        }
        // host-serial:SERIAL:cmd, host-transport-id:N:cmd, host:cmd
        let (selector, cmd) = if let Some(rest) = req.strip_prefix("host-serial:") {
            // Serials may contain ':' (emulator-5554 does not, ip:port does).
            match rest.rsplit_once(':') {
                Some((s, c)) => (Some(format!("serial:{s}")), c.to_owned()),
                None => (None, req.clone()),
            }
        } else if let Some(rest) = req.strip_prefix("host-transport-id:") {
            match rest.split_once(':') {
                Some((id, c)) => (Some(format!("id:{id}")), c.to_owned()),
                None => (None, req.clone()),
            }
        } else if let Some(c) = req.strip_prefix("host:") {
            (None, c.to_owned())
        } else {
            return fail(&mut w, &format!("unknown host service '{req}'"));
        };
        let device = |sel: &str| pick(devs, sel);
        match cmd.as_str() {
            "version" => return okay(&mut w, Some(format!("{SERVER_VERSION:04x}").as_bytes())),
            "kill" => {
                stop.store(true, Ordering::Relaxed);
                return okay(&mut w, None);
            }
            "devices" | "devices-l" => {
                let long = cmd == "devices-l";
                let mut s = String::new();
                for d in devs {
                    if long {
                        s.push_str(&format!(
                            "{:<22} {} product:{} model:{} device:{} transport_id:{}\n",
                            d.serial, d.state, d.product, d.model, d.device, d.transport_id
                        ));
                    } else {
                        s.push_str(&format!("{}\t{}\n", d.serial, d.state));
                    }
                }
                return okay(&mut w, Some(s.as_bytes()));
            }
            "host-features" => return okay(&mut w, Some(b"shell_v2,cmd,stat_v2,ls_v2,fixed_push_mkdir,apex,abb,abb_exec,remount_shell,track_app,sendrecv_v2")),
            "features" | "get-state" | "get-serialno" => {
                let d = match device(selector.as_deref().unwrap_or("any")) {
                    Ok(d) => d,
                    Err(e) => return fail(&mut w, &e),
                };
                let body = match cmd.as_str() {
                    "features" => d.features.join(","),
                    "get-state" => d.state.clone(),
                    _ => d.serial.clone(),
                };
                return okay(&mut w, Some(body.as_bytes()));
            }
            _ => {}
        }
        // Transport selection keeps the connection for one device service.
        let (sel, tport) = if let Some(s) = cmd.strip_prefix("transport:") {
            (format!("serial:{s}"), false)
        } else if let Some(s) = cmd.strip_prefix("tport:serial:") {
            (format!("serial:{s}"), true)
        } else if let Some(s) = cmd.strip_prefix("tport:") {
            (s.to_owned(), true)
        } else if let Some(id) = cmd.strip_prefix("transport-id:") {
            (format!("id:{id}"), false)
        } else if let Some(s) = cmd.strip_prefix("transport-") {
            (s.to_owned(), false)
        } else {
            return fail(&mut w, &format!("unknown host service '{cmd}'"));
        };
        let d = match device(&sel) {
            Ok(d) if d.state == "device" => d,
            Ok(d) => return fail(&mut w, &format!("device {}", d.state)),
            Err(e) => return fail(&mut w, &e),
        };
        w.write_all(b"OKAY")?;
        if tport {
            w.write_all(&d.transport_id.to_le_bytes())?;
        }
        w.flush()?;
        transport = Some(d);
    }
}

fn device_service(r: &mut impl Read, w: &mut TcpStream, dev: &RecordedDevice, req: &str) -> std::io::Result<()> {
    if let Some(rest) = req.strip_prefix("shell,") {
        // shell,v2,raw:CMD  or  shell,v2,TERM=xterm,pty:CMD
        let Some((opts, cmd)) = rest.split_once(':') else {
            return fail(w, "bad shell request");
        };
        if !opts.split(',').any(|o| o == "v2") {
            return fail(w, "unsupported shell protocol");
        }
        okay(w, None)?;
        let (out, err, code) = dev.run(cmd);
        for chunk in out.chunks(64 * 1024) {
            wire::write_packet(w, wire::ID_STDOUT, chunk)?;
        }
        if !err.is_empty() {
            wire::write_packet(w, wire::ID_STDERR, &err)?;
        }
        wire::write_packet(w, wire::ID_EXIT, &[code])?;
        w.flush()?;
        // Drain what the client sends (close-stdin) until it hangs up.
        let _ = w.shutdown(std::net::Shutdown::Write);
        let mut sink = [0u8; 256];
        while matches!(r.read(&mut sink), Ok(n) if n > 0) {}
        return Ok(());
    }
    if let Some(cmd) = req.strip_prefix("shell:") {
        okay(w, None)?;
        let (out, err, _) = dev.run(cmd);
        w.write_all(&out)?;
        w.write_all(&err)?;
        w.flush()?;
        return w.shutdown(std::net::Shutdown::Both);
    }
    fail(
        w,
        &format!("unknown service '{}'", req.split(':').next().unwrap_or(req)),
    )
}
