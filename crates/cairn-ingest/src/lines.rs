//! Line reading with positions and a length cap, so one endless "line" (a
//! binary file passed by mistake) cannot take all memory.

use std::io::{self, BufRead};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LineInfo {
    /// Byte offset of the line's first byte.
    pub offset: u64,
    /// 1-based.
    pub line: u64,
    /// The line was longer than the cap; only its start is in the buffer.
    pub truncated: bool,
}

pub(crate) struct Lines<R> {
    r: R,
    offset: u64,
    line: u64,
}

impl<R: BufRead> Lines<R> {
    pub fn new(r: R) -> Self {
        Lines { r, offset: 0, line: 0 }
    }

    /// Reads the next line into `buf` including its `\n`, keeping at most
    /// `cap` bytes; `None` at the end of the input.
    pub fn next_line(&mut self, buf: &mut Vec<u8>, cap: usize) -> io::Result<Option<LineInfo>> {
        buf.clear();
        let start = self.offset;
        let mut truncated = false;
        let mut any = false;
        loop {
            let chunk = match self.r.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                break;
            }
            any = true;
            let (n, done) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            let room = cap.saturating_sub(buf.len());
            if n > room {
                truncated = true;
            }
            buf.extend_from_slice(&chunk[..n.min(room)]);
            self.r.consume(n);
            self.offset += n as u64;
            if done {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        self.line += 1;
        Ok(Some(LineInfo {
            offset: start,
            line: self.line,
            truncated,
        }))
    }
}

/// The line without its `\n` or `\r\n`.
pub(crate) fn chomp(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_caps_and_endings() {
        let mut lines = Lines::new(&b"ab\r\ncdefgh\n\nlast"[..]);
        let mut buf = Vec::new();
        let mut got = Vec::new();
        while let Some(info) = lines.next_line(&mut buf, 4).unwrap() {
            got.push((
                info.offset,
                info.line,
                info.truncated,
                String::from_utf8(chomp(&buf).to_vec()).unwrap(),
            ));
        }
        assert_eq!(
            got,
            [
                (0, 1, false, "ab".to_owned()),
                (4, 2, true, "cdef".to_owned()),
                (11, 3, false, String::new()),
                (12, 4, false, "last".to_owned())
            ]
        );
    }
}
