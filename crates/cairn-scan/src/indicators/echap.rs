//! The AssoEchap stalkerware-indicators YAML format: a list of apps, each
//! with package names, SHA-1 signing certificates, websites, distribution
//! hosts and command-and-control (`c2`) domains and IPs.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, IgnoredAny, SeqAccess, Visitor};

use super::{AppCategory, DomainRole, IndicatorError, IndicatorKind, Parsed, RawApp, RawIndicator, SourceFormat};

#[derive(Deserialize)]
struct Entry {
    name: Scalar,
    #[serde(default)]
    names: Strings,
    #[serde(default, rename = "type")]
    kind: Option<Scalar>,
    #[serde(default)]
    packages: Strings,
    #[serde(default)]
    certificates: Strings,
    #[serde(default)]
    websites: Strings,
    #[serde(default)]
    distribution: Strings,
    #[serde(default)]
    c2: Option<C2>,
    #[serde(default)]
    certificate_organizations: Strings,
    #[serde(default)]
    certificate_cname_re: Strings,
    #[serde(default)]
    ios_bundles: Strings,
    #[serde(flatten)]
    other: BTreeMap<String, IgnoredAny>,
}

#[derive(Deserialize, Default)]
struct C2 {
    #[serde(default)]
    ips: Strings,
    /// Two entries of the real file spell it `ip`; both are read.
    #[serde(default)]
    ip: Strings,
    #[serde(default)]
    domains: Strings,
    #[serde(flatten)]
    other: BTreeMap<String, IgnoredAny>,
}

/// A YAML scalar of any type, kept as text (a package or digest written
/// without quotes may look like a number to YAML).
struct Scalar(String);

/// A list of scalars; also accepts null (a key with nothing under it) and
/// a single scalar where a list was meant.
#[derive(Default)]
struct Strings(Vec<String>);

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor).map(Scalar)
    }
}

impl<'de> Deserialize<'de> for Strings {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Vec<String>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of strings")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Vec::new())
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Vec::new())
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(vec![v.to_owned()])
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(vec![v.to_string()])
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(vec![v.to_string()])
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(Scalar(s)) = seq.next_element()? {
                    out.push(s);
                }
                Ok(out)
            }
        }
        d.deserialize_any(V).map(Strings)
    }
}

pub(crate) fn parse(text: &str, path: &str) -> Result<Parsed, IndicatorError> {
    let entries: Vec<Entry> = serde_saphyr::from_str(text).map_err(|e| {
        let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
        // The library's message can quote the input; keep the first line only.
        let message = e.to_string().lines().next().unwrap_or_default().to_lowercase();
        IndicatorError::Yaml {
            path: path.to_owned(),
            line,
            column,
            message,
        }
    })?;
    let mut unknown = std::collections::BTreeSet::new();
    let mut apps = Vec::with_capacity(entries.len());
    for e in entries {
        let name = e.name.0.trim().to_owned();
        let category = match e.kind.as_ref().map(|k| k.0.trim().to_ascii_lowercase()).as_deref() {
            Some("stalkerware") => AppCategory::Stalkerware,
            Some("watchware") => AppCategory::Watchware,
            _ => AppCategory::Unclassified,
        };
        unknown.extend(e.other.into_keys());
        let mut inds = Vec::new();
        let mut add = |kind, role, values: Vec<String>, field: &str| {
            for value in values {
                inds.push(RawIndicator {
                    kind,
                    value,
                    role,
                    location: format!("{name}: {field}"),
                });
            }
        };
        add(
            IndicatorKind::PackageName,
            DomainRole::Unspecified,
            e.packages.0,
            "packages",
        );
        add(
            IndicatorKind::IosBundle,
            DomainRole::Unspecified,
            e.ios_bundles.0,
            "ios_bundles",
        );
        add(
            IndicatorKind::CertificateSha1,
            DomainRole::Unspecified,
            e.certificates.0,
            "certificates",
        );
        add(
            IndicatorKind::CertificateOrganization,
            DomainRole::Unspecified,
            e.certificate_organizations.0,
            "certificate_organizations",
        );
        add(
            IndicatorKind::CertificateNamePattern,
            DomainRole::Unspecified,
            e.certificate_cname_re.0,
            "certificate_cname_re",
        );
        add(IndicatorKind::Domain, DomainRole::Website, e.websites.0, "websites");
        // Distribution entries are host names, or full URLs on shared hosts
        // (github.com); a URL must never turn its whole host into an indicator.
        let (urls, hosts): (Vec<_>, Vec<_>) = e.distribution.0.into_iter().partition(|d| d.contains("://"));
        add(IndicatorKind::Domain, DomainRole::Distribution, hosts, "distribution");
        add(IndicatorKind::Url, DomainRole::Distribution, urls, "distribution");
        if let Some(c2) = e.c2 {
            unknown.extend(c2.other.into_keys().map(|k| format!("c2.{k}")));
            add(
                IndicatorKind::Domain,
                DomainRole::CommandAndControl,
                c2.domains.0,
                "c2.domains",
            );
            add(IndicatorKind::Ip, DomainRole::CommandAndControl, c2.ips.0, "c2.ips");
            add(IndicatorKind::Ip, DomainRole::CommandAndControl, c2.ip.0, "c2.ip");
        }
        apps.push(RawApp {
            name,
            aliases: e.names.0,
            category,
            indicators: inds,
        });
    }
    Ok(Parsed {
        format: SourceFormat::StalkerwareIndicatorsYaml,
        apps,
        skipped: Vec::new(),
        unknown_fields: unknown.into_iter().collect(),
        date: None,
    })
}
