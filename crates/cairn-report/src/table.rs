//! Tables for spreadsheets: RFC 4180 CSV that opens safely.
//!
//! Case data is written by whoever sent the messages, and a spreadsheet
//! treats a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
//! return as a formula ("CSV injection"): an abuser's message could run a
//! formula on the advocate's computer, or call out to the network. Such
//! cells get a leading apostrophe, the convention spreadsheets show as
//! "text". The change is visible and documented; the journal and the
//! evidence keep the exact text.

use std::io::Write;

/// Writes rows of text cells as CSV with a UTF-8 byte-order mark, so that
/// spreadsheet programs read accented names correctly.
pub struct CsvTable<W: Write> {
    writer: csv::Writer<W>,
    columns: usize,
}

#[derive(Debug, thiserror::Error)]
#[error("could not write the table: {0}")]
pub struct TableError(#[from] csv::Error);

impl<W: Write> CsvTable<W> {
    /// Starts a table with its header row.
    pub fn new<S: AsRef<str>>(mut out: W, header: &[S]) -> Result<Self, TableError> {
        out.write_all("\u{feff}".as_bytes()).map_err(csv::Error::from)?;
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        writer.write_record(header.iter().map(|h| neutralised(h.as_ref()).into_owned()))?;
        Ok(CsvTable {
            writer,
            columns: header.len(),
        })
    }

    /// One row; missing cells are written empty, extra cells are a bug.
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> Result<(), TableError> {
        debug_assert!(cells.len() <= self.columns, "more cells than columns");
        let mut record: Vec<String> = cells.iter().map(|c| neutralised(c.as_ref()).into_owned()).collect();
        record.resize(self.columns, String::new());
        self.writer.write_record(&record)?;
        Ok(())
    }

    /// Flushes and gives back the destination.
    pub fn finish(self) -> Result<W, TableError> {
        self.writer
            .into_inner()
            .map_err(|e| TableError(csv::Error::from(std::io::Error::other(e.to_string()))))
    }
}

/// The cell as a spreadsheet will show it, never as a formula.
pub fn neutralised(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(rows: &[&[&str]], expected: &str) {
        let mut table = CsvTable::new(Vec::new(), &["a", "b"]).unwrap();
        for row in rows {
            table.row(row).unwrap();
        }
        let bytes = table.finish().unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(text.strip_prefix('\u{feff}').unwrap(), expected);
    }

    #[test]
    fn quotes_commas_newlines_and_quotes() {
        check(&[&["x,y", "say \"hi\""]], "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n");
        check(&[&["line one\nline two", ""]], "a,b\r\n\"line one\nline two\",\r\n");
    }

    #[test]
    fn formulas_become_text() {
        check(
            &[
                &["=HYPERLINK(\"http://x\")", "+1 555"],
                &["-2", "@SUM(A1)"],
                &["ok", "a=b"],
            ],
            "a,b\r\n\"'=HYPERLINK(\"\"http://x\"\")\",'+1 555\r\n'-2,'@SUM(A1)\r\nok,a=b\r\n",
        );
        check(&[&["\tx", "\rx"]], "a,b\r\n'\tx,\"'\rx\"\r\n");
    }

    #[test]
    fn short_rows_are_padded() {
        check(&[&["only"]], "a,b\r\nonly,\r\n");
    }

    #[test]
    fn accents_survive() {
        check(&[&["María José", "Señal"]], "a,b\r\nMaría José,Señal\r\n");
    }
}
