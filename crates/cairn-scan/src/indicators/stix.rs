//! STIX 2.1 bundles as mobile-forensics tools exchange them: `indicator`
//! objects with STIX patterns, tied to `malware` objects by `indicates`
//! relationships. Only patterns that are one comparison, or comparisons
//! joined with OR, are used; anything else is reported as skipped rather
//! than half-understood.

use std::collections::HashMap;

use serde::Deserialize;

use super::{
    AppCategory, DomainRole, IndicatorError, IndicatorKind, Parsed, RawApp, RawIndicator, SkipReason, Skipped,
    SourceFormat,
};

#[derive(Deserialize)]
struct Bundle {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    objects: Vec<Object>,
}

#[derive(Deserialize)]
struct Object {
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    pattern: Option<String>,
    #[serde(default)]
    pattern_type: Option<String>,
    #[serde(default)]
    relationship_type: Option<String>,
    #[serde(default)]
    source_ref: Option<String>,
    #[serde(default)]
    target_ref: Option<String>,
    #[serde(default)]
    modified: Option<String>,
    #[serde(default)]
    created: Option<String>,
    #[serde(default)]
    labels: Vec<String>,
    #[serde(default)]
    malware_types: Vec<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

pub(crate) fn parse(text: &str, path: &str) -> Result<Parsed, IndicatorError> {
    let bundle: Bundle = serde_json::from_str(text).map_err(|e| IndicatorError::Json {
        path: path.to_owned(),
        line: e.line(),
        column: e.column(),
        message: e.to_string().to_lowercase(),
    })?;
    if bundle.kind != "bundle" {
        return Err(IndicatorError::NotStixBundle {
            path: path.to_owned(),
            reason: "top-level type is not \"bundle\"",
        });
    }
    let mut date: Option<String> = None;
    let mut malware: HashMap<&str, usize> = HashMap::new();
    let mut apps: Vec<RawApp> = Vec::new();
    for o in &bundle.objects {
        if let Some(d) = o.modified.as_ref().or(o.created.as_ref())
            && date.as_ref().is_none_or(|cur| d > cur)
        {
            date = Some(d.clone());
        }
        if o.kind == "malware" || o.kind == "tool" {
            malware.insert(&o.id, apps.len());
            apps.push(RawApp {
                name: o.name.clone().unwrap_or_else(|| o.id.clone()),
                aliases: o.aliases.clone(),
                category: category_of(o),
                indicators: Vec::new(),
            });
        }
    }
    let mut indicates: HashMap<&str, Vec<usize>> = HashMap::new();
    for o in &bundle.objects {
        if o.kind == "relationship"
            && o.relationship_type.as_deref() == Some("indicates")
            && let (Some(src), Some(dst)) = (&o.source_ref, &o.target_ref)
            && let Some(&app) = malware.get(dst.as_str())
        {
            indicates.entry(src.as_str()).or_default().push(app);
        }
    }
    let mut skipped = Vec::new();
    let mut orphan: Option<usize> = None;
    for o in &bundle.objects {
        if o.kind != "indicator" {
            continue;
        }
        let Some(pattern) = &o.pattern else { continue };
        if o.pattern_type.as_deref().is_some_and(|t| t != "stix") {
            skipped.push(Skipped {
                location: o.id.clone(),
                value: pattern.clone(),
                reason: SkipReason::UnsupportedPattern,
            });
            continue;
        }
        let comparisons = match parse_pattern(pattern) {
            Some(c) => c,
            None => {
                skipped.push(Skipped {
                    location: o.id.clone(),
                    value: pattern.clone(),
                    reason: SkipReason::UnsupportedPattern,
                });
                continue;
            }
        };
        let targets: Vec<usize> = match indicates.get(o.id.as_str()) {
            Some(t) => t.clone(),
            None => {
                // An indicator tied to no malware still counts; it is filed
                // under its own name, or one shared "unnamed" entry.
                let idx = match &o.name {
                    Some(n) => {
                        apps.push(RawApp {
                            name: n.clone(),
                            aliases: Vec::new(),
                            category: category_of(o),
                            indicators: Vec::new(),
                        });
                        apps.len() - 1
                    }
                    None => *orphan.get_or_insert_with(|| {
                        apps.push(RawApp {
                            name: String::from("unnamed"),
                            aliases: Vec::new(),
                            category: AppCategory::Unclassified,
                            indicators: Vec::new(),
                        });
                        apps.len() - 1
                    }),
                };
                vec![idx]
            }
        };
        for (obj_path, value) in comparisons {
            let Some(kind) = kind_of(&obj_path) else {
                skipped.push(Skipped {
                    location: o.id.clone(),
                    value: format!("{obj_path} = {value}"),
                    reason: SkipReason::NotObservable,
                });
                continue;
            };
            for &t in &targets {
                apps[t].indicators.push(RawIndicator {
                    kind,
                    value: value.clone(),
                    role: DomainRole::Unspecified,
                    location: o.id.clone(),
                });
            }
        }
    }
    Ok(Parsed {
        format: SourceFormat::Stix2,
        apps,
        skipped,
        unknown_fields: Vec::new(),
        date,
    })
}

fn category_of(o: &Object) -> AppCategory {
    let words = o.labels.iter().chain(&o.malware_types).chain(o.description.iter());
    let mut category = AppCategory::Unclassified;
    for w in words {
        let w = w.to_ascii_lowercase();
        if w.contains("stalkerware") || w.contains("spyware") {
            return AppCategory::Stalkerware;
        }
        if w.contains("watchware") {
            category = AppCategory::Watchware;
        }
    }
    category
}

fn kind_of(path: &str) -> Option<IndicatorKind> {
    Some(match path {
        "domain-name:value" => IndicatorKind::Domain,
        "ipv4-addr:value" | "ipv6-addr:value" => IndicatorKind::Ip,
        "url:value" => IndicatorKind::Url,
        "app:id" => IndicatorKind::PackageName,
        "app:cert.sha1" => IndicatorKind::CertificateSha1,
        "app:cert.sha256" => IndicatorKind::CertificateSha256,
        "app:cert.md5" => IndicatorKind::CertificateMd5,
        "file:hashes.sha256" | "file:hashes.'SHA-256'" | "file:hashes.'sha-256'" => IndicatorKind::FileSha256,
        "file:hashes.sha1" | "file:hashes.'SHA-1'" => IndicatorKind::FileSha1,
        "file:hashes.md5" | "file:hashes.'MD5'" => IndicatorKind::FileMd5,
        _ => return None,
    })
}

/// Splits `[a:b = 'x' OR c:d = 'y'] OR [e:f = 'z']` into its comparisons.
/// `None` when the pattern uses anything but `=` and OR (AND, FOLLOWEDBY,
/// qualifiers, other operators), or is malformed.
pub(crate) fn parse_pattern(p: &str) -> Option<Vec<(String, String)>> {
    let b = p.as_bytes();
    let mut i = 0;
    let mut out = Vec::new();
    let mut expect_comparison = true;
    let mut depth: i32 = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c == b'[' || c == b'(' {
            depth += 1;
            i += 1;
        } else if c == b']' || c == b')' {
            depth -= 1;
            if depth < 0 {
                return None;
            }
            i += 1;
        } else if expect_comparison {
            let start = i;
            // An object path may itself contain a quoted key: file:hashes.'SHA-256'.
            while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'!' {
                if b[i] == b'\'' {
                    i += 1;
                    while i < b.len() && b[i] != b'\'' {
                        i += 1;
                    }
                }
                i += 1;
            }
            let path = p.get(start..i.min(b.len()))?.to_owned();
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if b.get(i) != Some(&b'=') || path.is_empty() || !path.contains(':') {
                return None;
            }
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if b.get(i) != Some(&b'\'') {
                return None;
            }
            i += 1;
            let mut value = Vec::new();
            loop {
                match b.get(i)? {
                    b'\\' => {
                        value.push(*b.get(i + 1)?);
                        i += 2;
                    }
                    b'\'' => {
                        i += 1;
                        break;
                    }
                    &x => {
                        value.push(x);
                        i += 1;
                    }
                }
            }
            out.push((path, String::from_utf8(value).ok()?));
            expect_comparison = false;
        } else {
            let start = i;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            if !p[start..i].eq_ignore_ascii_case("or") {
                return None;
            }
            expect_comparison = true;
        }
    }
    if depth != 0 || expect_comparison || out.is_empty() {
        return None;
    }
    Some(out)
}
