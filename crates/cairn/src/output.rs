//! Plain-text output: aligned tables and field lists with translated headings.

use crate::i18n::tr;

pub struct Table {
    headings: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// `headings` are Fluent ids.
    pub fn new(headings: &[&str]) -> Self {
        Self {
            headings: headings.iter().map(|h| tr(h)).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn print(&self) {
        let mut widths: Vec<usize> = self.headings.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count().min(60));
            }
        }
        let line = |cells: &[String]| {
            let parts: Vec<String> = cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{:<w$}", truncate(c, 60), w = *w))
                .collect();
            println!("{}", parts.join("  ").trim_end());
        };
        line(&self.headings);
        for row in &self.rows {
            line(row);
        }
    }
}

pub fn truncate(text: &str, max: usize) -> String {
    let single_line = text.replace(['\n', '\r'], " ");
    if single_line.chars().count() <= max {
        single_line
    } else {
        let mut cut: String = single_line.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// Prints `label: value` lines; labels are Fluent ids.
pub fn print_fields(rows: &[(&str, String)]) {
    let labels: Vec<String> = rows.iter().map(|(id, _)| tr(id)).collect();
    let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    for (label, (_, value)) in labels.iter().zip(rows) {
        println!("{label:<width$}  {value}");
    }
}
