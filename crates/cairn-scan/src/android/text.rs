//! Line formats printed by Android tools: `getprop`, `settings list`,
//! `pm list packages`, `ps -A`, and the section markers of `dumpsys` and
//! bug reports. Every parser is total: lines it does not understand are
//! skipped and counted, never fatal.

use std::collections::BTreeMap;

/// `[key]: [value]` lines (getprop, and the bug report's SYSTEM PROPERTIES).
/// Values may span lines; continuation lines are appended.
pub(crate) fn getprop(text: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut open: Option<(String, String)> = None;
    for line in text.lines() {
        if let Some((k, mut v)) = open.take() {
            v.push('\n');
            if let Some(rest) = line.strip_suffix(']') {
                v.push_str(rest);
                out.insert(k, v);
            } else {
                v.push_str(line);
                open = Some((k, v));
            }
            continue;
        }
        let Some(rest) = line.trim_start().strip_prefix('[') else {
            continue;
        };
        let Some((key, rest)) = rest.split_once("]: [") else {
            continue;
        };
        match rest.strip_suffix(']') {
            Some(v) => {
                out.insert(key.to_owned(), v.to_owned());
            }
            None => open = Some((key.to_owned(), rest.to_owned())),
        }
    }
    out
}

/// `name=value` lines, as `settings list NAMESPACE` prints them.
pub(crate) fn settings_list(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter_map(|l| l.split_once('='))
        .filter(|(k, _)| !k.is_empty() && !k.contains(char::is_whitespace))
        .map(|(k, v)| (k.to_owned(), v.trim_end_matches('\r').to_owned()))
        .collect()
}

/// The `dumpsys settings` form in bug reports: sections such as
/// `GLOBAL SETTINGS (user 0)` with `_id:N name:KEY pkg:P value:V …` lines.
/// Returns (namespace, map) for user 0.
pub(crate) fn settings_dump(text: &str) -> BTreeMap<&'static str, BTreeMap<String, String>> {
    let mut out: BTreeMap<&'static str, BTreeMap<String, String>> = BTreeMap::new();
    let mut current: Option<&'static str> = None;
    for line in text.lines() {
        if line.ends_with("SETTINGS (user 0)") {
            current = match line.split_whitespace().next() {
                Some("GLOBAL") => Some("global"),
                Some("SECURE") => Some("secure"),
                Some("SYSTEM") => Some("system"),
                _ => None,
            };
            continue;
        }
        if line.contains("SETTINGS (user ") {
            current = None;
            continue;
        }
        let (Some(ns), Some(rest)) = (current, line.strip_prefix("_id:")) else {
            continue;
        };
        let Some(name) = field(rest, "name:") else { continue };
        let value = field(rest, "value:").unwrap_or_default();
        out.entry(ns).or_default().insert(name.to_owned(), value.to_owned());
    }
    out
}

/// The token after ` key` in a space-separated `k:v` line.
fn field<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let start = line.find(&format!(" {key}")).map(|i| i + 1 + key.len())?;
    let rest = &line[start..];
    Some(rest.split(' ').next().unwrap_or(rest))
}

/// One line of `pm list packages -f -i -U`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct PmLine {
    pub name: String,
    pub path: Option<String>,
    pub installer: Option<String>,
    pub uid: Option<u32>,
}

/// `package:/path/base.apk=NAME  installer=X uid:N` (each part optional).
/// Paths contain `=` (base64 padding), so the name follows the last `=`
/// before the first space.
pub(crate) fn pm_list(text: &str) -> Vec<PmLine> {
    let mut out = Vec::new();
    for line in text.lines() {
        let Some(rest) = line.trim().strip_prefix("package:") else {
            continue;
        };
        let mut parts = rest.split_whitespace();
        let Some(first) = parts.next() else { continue };
        let (path, name) = match first.rsplit_once('=') {
            Some((p, n)) if p.starts_with('/') => (Some(p.to_owned()), n),
            _ => (None, first),
        };
        let mut pm = PmLine {
            name: name.to_owned(),
            path,
            ..PmLine::default()
        };
        for p in parts {
            if let Some(i) = p.strip_prefix("installer=") {
                pm.installer = Some(i.to_owned());
            } else if let Some(u) = p.strip_prefix("uid:") {
                pm.uid = u.split(',').next().and_then(|u| u.parse().ok());
            }
        }
        if !pm.name.is_empty() {
            out.push(pm);
        }
    }
    out
}

/// Process names (last column) of `ps -A` / `ps` output.
pub(crate) fn ps_names(text: &str) -> Vec<String> {
    let mut lines = text.lines();
    let Some(header) = lines.next() else { return Vec::new() };
    let cols = header.split_whitespace().count();
    if !header.contains("PID") || cols < 2 {
        return Vec::new();
    }
    lines
        .filter_map(|l| {
            let fields: Vec<&str> = l.split_whitespace().collect();
            (fields.len() >= cols).then(|| fields[cols - 1..].join(" "))
        })
        .collect()
}

/// Splits concatenated `dumpsys` output into services:
/// `DUMP OF SERVICE name:` starts one, the next marker ends it.
pub(crate) fn dumpsys_sections(text: &str) -> BTreeMap<String, &str> {
    let mut out = BTreeMap::new();
    let marker = "DUMP OF SERVICE ";
    let mut starts: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    while let Some(i) = text[pos..].find(marker) {
        let at = pos + i;
        let line_end = text[at..].find('\n').map_or(text.len(), |e| at + e);
        let name = text[at + marker.len()..line_end].trim().trim_end_matches(':');
        // Only at the start of a line; the words can appear inside other text.
        if at == 0 || text.as_bytes()[at - 1] == b'\n' {
            starts.push((line_end, name));
        }
        pos = line_end;
    }
    for (i, (body_start, name)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(text.len(), |(next_line_end, _)| {
            // Back up to the start of the next marker line.
            text[..*next_line_end].rfind(marker).unwrap_or(*next_line_end)
        });
        let body = text.get(*body_start..end.max(*body_start)).unwrap_or_default();
        out.entry((*name).to_owned()).or_insert(body);
    }
    out
}

/// A `------ TITLE (command) ------` section of a bug report's main file.
pub(crate) fn bugreport_section<'a>(text: &'a str, title_prefix: &str) -> Option<&'a str> {
    let head = format!("------ {title_prefix}");
    let start = text.find(&head)?;
    let body_start = text[start..].find('\n').map(|e| start + e + 1)?;
    let end = text[body_start..]
        .find("\n------ ")
        .map_or(text.len(), |e| body_start + e);
    Some(&text[body_start..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_formats() {
        let p = getprop("[ro.build.version.sdk]: [34]\n[multi]: [a\nb]\nnoise\n[x]: []\n");
        assert_eq!(p["ro.build.version.sdk"], "34");
        assert_eq!(p["multi"], "a\nb");
        assert_eq!(p["x"], "");
        let s = settings_list("adb_enabled=1\nenabled_accessibility_services=a/.B:c/d.E\nbad line\n=x\n");
        assert_eq!(s.len(), 2);
        let pm = pm_list(
            "package:/data/app/~~Ab==/com.spy-Xy==/base.apk=com.spy  installer=null uid:10234\npackage:com.x uid:1000,1010000\njunk\n",
        );
        assert_eq!(pm[0].path.as_deref(), Some("/data/app/~~Ab==/com.spy-Xy==/base.apk"));
        assert_eq!(
            (pm[0].name.as_str(), pm[0].installer.as_deref(), pm[0].uid),
            ("com.spy", Some("null"), Some(10234))
        );
        assert_eq!((pm[1].name.as_str(), pm[1].uid), ("com.x", Some(1000)));
        let ps = ps_names(
            "USER PID PPID VSZ RSS WCHAN ADDR S NAME\nroot 1 0 1 1 0 0 S init\nu0_a1 9 1 1 1 0 0 S com.spy:remote\n",
        );
        assert_eq!(ps, ["init", "com.spy:remote"]);
        let d = dumpsys_sections("x\nDUMP OF SERVICE a:\nA1\n--- end\n-----\nDUMP OF SERVICE b:\nB1\n");
        assert_eq!(d["a"], "\nA1\n--- end\n-----\n");
        assert_eq!(d["b"], "\nB1\n");
        let st = settings_dump(
            "GLOBAL SETTINGS (user 0)\n_id:1 name:adb_enabled pkg:android value:1 default:0\n\nSECURE SETTINGS (user 10)\n_id:2 name:x value:9\n",
        );
        assert_eq!(st["global"]["adb_enabled"], "1");
        assert!(!st.contains_key("secure"));
    }
}
