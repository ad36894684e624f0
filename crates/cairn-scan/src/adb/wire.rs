//! The adb host protocol's framing, shared by the client and the replaying
//! server: requests are four hex digits of length and the payload; replies
//! start with `OKAY` or `FAIL`; strings in replies are length-prefixed the
//! same way; `shell,v2` streams are packets of id, 32-bit little-endian
//! length and data.

use std::io::{self, Read, Write};

use super::AdbError;

/// Largest request or length-prefixed reply (four hex digits).
pub const MAX_STRING: usize = 0xFFFF;

/// `shell,v2` packet ids.
pub const ID_STDIN: u8 = 0;
pub const ID_STDOUT: u8 = 1;
pub const ID_STDERR: u8 = 2;
pub const ID_EXIT: u8 = 3;
pub const ID_CLOSE_STDIN: u8 = 4;

pub fn encode(payload: &[u8]) -> Result<Vec<u8>, AdbError> {
    if payload.len() > MAX_STRING {
        return Err(AdbError::RequestTooLong { len: payload.len() });
    }
    let mut out = format!("{:04x}", payload.len()).into_bytes();
    out.extend_from_slice(payload);
    Ok(out)
}

fn io_err(context: &'static str) -> impl Fn(io::Error) -> AdbError {
    move |source| match source.kind() {
        io::ErrorKind::UnexpectedEof => AdbError::Closed { context },
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => AdbError::Timeout { context },
        _ => AdbError::Io { context, source },
    }
}

pub fn send<W: Write>(w: &mut W, payload: &str) -> Result<(), AdbError> {
    let msg = encode(payload.as_bytes())?;
    w.write_all(&msg)
        .and_then(|()| w.flush())
        .map_err(io_err("sending a request"))
}

/// Four hex digits, as a length.
pub fn read_len<R: Read>(r: &mut R, context: &'static str) -> Result<usize, AdbError> {
    let mut h = [0u8; 4];
    r.read_exact(&mut h).map_err(io_err(context))?;
    let s = std::str::from_utf8(&h).map_err(|_| AdbError::Protocol {
        context,
        got: h.to_vec(),
    })?;
    usize::from_str_radix(s, 16).map_err(|_| AdbError::Protocol {
        context,
        got: h.to_vec(),
    })
}

/// A length-prefixed string.
pub fn read_string<R: Read>(r: &mut R, context: &'static str) -> Result<Vec<u8>, AdbError> {
    let n = read_len(r, context)?;
    let mut b = vec![0u8; n];
    r.read_exact(&mut b).map_err(io_err(context))?;
    Ok(b)
}

/// `OKAY`, or the server's `FAIL` message as an error.
pub fn read_status<R: Read>(r: &mut R, context: &'static str) -> Result<(), AdbError> {
    let mut s = [0u8; 4];
    r.read_exact(&mut s).map_err(io_err(context))?;
    match &s {
        b"OKAY" => Ok(()),
        b"FAIL" => {
            let msg = read_string(r, context)?;
            Err(AdbError::Failed {
                context,
                message: String::from_utf8_lossy(&msg).into_owned(),
            })
        }
        _ => Err(AdbError::Protocol {
            context,
            got: s.to_vec(),
        }),
    }
}

/// Output of one shell command.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ShellOutput {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// Exit code; only `shell,v2` reports it.
    pub exit: Option<u8>,
}

/// Reads a `shell,v2` stream to its exit packet or end, keeping at most
/// `limit` bytes of output.
pub fn read_shell_v2<R: Read>(r: &mut R, limit: usize) -> Result<ShellOutput, AdbError> {
    let mut out = ShellOutput::default();
    loop {
        let mut head = [0u8; 5];
        match read_full_or_eof(r, &mut head)? {
            0 => return Ok(out),
            5 => {}
            _ => {
                return Err(AdbError::Closed {
                    context: "reading a shell packet header",
                });
            }
        }
        let len = u32::from_le_bytes([head[1], head[2], head[3], head[4]]) as usize;
        if out.stdout.len() + out.stderr.len() + len > limit {
            return Err(AdbError::OutputTooLarge { limit });
        }
        let mut data = vec![0u8; len];
        r.read_exact(&mut data).map_err(io_err("reading a shell packet"))?;
        match head[0] {
            ID_STDOUT => out.stdout.extend_from_slice(&data),
            ID_STDERR => out.stderr.extend_from_slice(&data),
            ID_EXIT => {
                out.exit = data.first().copied();
                return Ok(out);
            }
            _ => {}
        }
    }
}

/// Reads a raw `shell:` stream to its end, keeping at most `limit` bytes.
pub fn read_to_end_limited<R: Read>(r: &mut R, limit: usize) -> Result<Vec<u8>, AdbError> {
    let mut out = Vec::new();
    r.take(limit as u64 + 1)
        .read_to_end(&mut out)
        .map_err(io_err("reading shell output"))?;
    if out.len() > limit {
        return Err(AdbError::OutputTooLarge { limit });
    }
    Ok(out)
}

fn read_full_or_eof<R: Read>(r: &mut R, buf: &mut [u8]) -> Result<usize, AdbError> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(io_err("reading a shell packet header")(e)),
        }
    }
    Ok(n)
}

/// Writes one `shell,v2` packet.
pub fn write_packet<W: Write>(w: &mut W, id: u8, data: &[u8]) -> io::Result<()> {
    let len = u32::try_from(data.len()).map_err(|_| io::Error::other("packet too large"))?;
    let mut head = [id, 0, 0, 0, 0];
    head[1..].copy_from_slice(&len.to_le_bytes());
    w.write_all(&head)?;
    w.write_all(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(server_bytes: &[u8], expect: Result<ShellOutput, &str>) {
        let got = read_shell_v2(&mut &server_bytes[..], 64);
        match (got, expect) {
            (Ok(g), Ok(e)) => assert_eq!(g, e),
            (Err(g), Err(e)) => assert!(g.to_string().contains(e), "{g}"),
            (g, e) => panic!("got {g:?}, expected {e:?}"),
        }
    }

    #[test]
    fn framing() {
        assert_eq!(encode(b"host:version").expect("short"), b"000chost:version");
        assert!(encode(&[b'a'; MAX_STRING + 1]).is_err());
        assert!(read_status(&mut &b"OKAY"[..], "t").is_ok());
        let e = read_status(&mut &b"FAIL0010device not found"[..], "t").expect_err("fail");
        assert!(e.to_string().contains("device not found"), "{e}");
        assert!(read_status(&mut &b"FAIL00"[..], "t").is_err());
        assert!(read_status(&mut &b"WHAT"[..], "t").is_err());
        assert!(read_len(&mut &b"zz12"[..], "t").is_err());
        let mut v = Vec::new();
        write_packet(&mut v, ID_STDOUT, b"hi").expect("vec");
        write_packet(&mut v, ID_STDERR, b"err").expect("vec");
        write_packet(&mut v, ID_EXIT, &[3]).expect("vec");
        check(
            &v,
            Ok(ShellOutput {
                stdout: b"hi".to_vec(),
                stderr: b"err".to_vec(),
                exit: Some(3),
            }),
        );
        check(&v[..3], Err("closed"));
        check(&v[..8], Err("closed"));
        check(&[ID_STDOUT, 0xff, 0xff, 0xff, 0x7f], Err("more than 64"));
        check(&[], Ok(ShellOutput::default()));
    }
}
