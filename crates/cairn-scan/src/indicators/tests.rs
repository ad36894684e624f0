use super::*;
use crate::testdata::indicators_dir;

fn real_set() -> IndicatorSet {
    let dir = indicators_dir();
    let mut set = IndicatorSet::new();
    set.load_path(&dir.join("ioc.yaml"), Some("a04c5c19"))
        .expect("ioc.yaml loads");
    set.load_path(&dir.join("watchware.yaml"), None)
        .expect("watchware.yaml loads");
    set
}

/// One lookup: (what to ask, expected app names, expected kind).
enum Ask {
    Package(&'static str),
    Cert(&'static str),
    Domain(&'static str),
    Ip(&'static str),
    Url(&'static str),
    Org(&'static str),
    CertName(&'static str),
    Bundle(&'static str),
}

fn check(set: &IndicatorSet, ask: Ask, apps: &[&str], kind: Option<IndicatorKind>) {
    let got = match &ask {
        Ask::Package(p) => set.match_package(p),
        Ask::Cert(c) => set.match_certificate(c),
        Ask::Domain(d) => set.match_domain(d),
        Ask::Ip(i) => set.match_ip(i.parse().expect("test ip")),
        Ask::Url(u) => set.match_url(u),
        Ask::Org(o) => set.match_certificate_organization(o),
        Ask::CertName(n) => set.match_certificate_name(n),
        Ask::Bundle(b) => set.match_ios_bundle(b),
    };
    let mut names: Vec<&str> = got.iter().map(|m| m.app.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names, apps);
    if let Some(kind) = kind {
        assert!(
            got.iter().all(|m| m.kind == kind),
            "kinds {:?}",
            got.iter().map(|m| m.kind).collect::<Vec<_>>()
        );
    }
}

#[test]
fn real_files_load_every_field() {
    let set = real_set();
    let [ioc, watch] = set.sources() else {
        panic!("two sources")
    };
    assert_eq!(ioc.format, SourceFormat::StalkerwareIndicatorsYaml);
    assert_eq!(ioc.version.as_deref(), Some("a04c5c19"));
    assert_eq!(ioc.sha256.len(), 64);
    assert_eq!(ioc.counts.apps, 147);
    assert_eq!(watch.counts.apps, 27);
    assert!(ioc.counts.certificates > 450, "{:?}", ioc.counts);
    assert_eq!(ioc.counts.certificate_organizations, 6);
    assert_eq!(ioc.counts.certificate_name_patterns, 1);
    assert_eq!(watch.counts.ios_bundles, 6);
    assert_eq!(ioc.counts.urls, 2);
    assert!(ioc.skipped.is_empty(), "{:?}", ioc.skipped);
    assert!(ioc.unknown_fields.is_empty(), "{:?}", ioc.unknown_fields);
    // Every C2 IP in the file is indexed, including the two `c2.ip` entries.
    let text = std::fs::read_to_string(indicators_dir().join("network.csv")).expect("network.csv");
    for line in text.lines().filter(|l| l.starts_with("ipv4,")) {
        let ip = line.split(',').nth(1).expect("csv ip");
        assert!(!set.match_ip(ip.parse().expect("ip")).is_empty(), "{ip} missing");
    }
    for line in text.lines().filter(|l| l.starts_with("domain,")) {
        let d = line.split(',').nth(1).expect("csv domain");
        // network.csv lists two GitHub repository URLs as domains; they are
        // URL indicators here, so that github.com itself never matches.
        let found = if d.contains("://") {
            set.match_url(d)
        } else {
            set.match_domain(d)
        };
        assert!(!found.is_empty(), "{d} missing");
    }
}

#[test]
fn real_file_lookups() {
    use IndicatorKind as K;
    let set = real_set();
    check(&set, Ask::Package("com.ispyoo"), &["TheTruthSpy"], Some(K::PackageName));
    check(&set, Ask::Package("com.ispyoo.extra"), &[], None);
    check(
        &set,
        Ask::Cert("31a6ecec d97cf39bc4126b8745cd94a7c30bf81c"),
        &["TheTruthSpy"],
        None,
    );
    check(&set, Ask::Cert("31a6ececd97cf39bc4126b8745cd94a7c30bf81"), &[], None);
    check(
        &set,
        Ask::Cert("31:A6:EC:EC:D9:7C:F3:9B:C4:12:6B:87:45:CD:94:A7:C3:0B:F8:1C"),
        &["TheTruthSpy"],
        Some(K::CertificateSha1),
    );
    check(
        &set,
        Ask::Cert("31a6ececd97cf39bc4126b8745cd94a7c30bf81c"),
        &["TheTruthSpy"],
        None,
    );
    check(
        &set,
        Ask::Domain("media-sync-a.copy9.com"),
        &["TheTruthSpy"],
        Some(K::Domain),
    );
    check(&set, Ask::Domain("COPY9.COM."), &["TheTruthSpy"], None);
    check(&set, Ask::Domain("notcopy9.com"), &[], None);
    check(&set, Ask::Domain("github.com"), &[], None);
    check(
        &set,
        Ask::Url("https://github.com/karma9874/AndroRAT/"),
        &["AndroRat"],
        Some(K::Url),
    );
    check(&set, Ask::Ip("47.252.23.40"), &["MyCellSpy"], Some(K::Ip));
    check(&set, Ask::Org("tesline-service srl"), &["KidsShield"], None);
    check(
        &set,
        Ask::CertName("Kids Safety 01-02-2021 10:11:12"),
        &["KidsShield"],
        Some(K::CertificateNamePattern),
    );
    check(
        &set,
        Ask::Bundle("com.life360.safetymap"),
        &["Life360"],
        Some(K::IosBundle),
    );
}

#[test]
fn domain_roles_follow_the_field() {
    let set = real_set();
    let roles = |d: &str| set.match_domain(d).iter().map(|m| m.role).collect::<Vec<_>>();
    // Most specific first: the C2 host, then the vendor site it lives under.
    assert_eq!(
        roles("api.mycellspy.com"),
        [DomainRole::CommandAndControl, DomainRole::Website]
    );
    assert!(roles("mycellspy.com").contains(&DomainRole::Website));
    let m = &set.match_package("com.life360.android.safetymapd")[0];
    assert_eq!(m.app.category, AppCategory::Watchware);
    assert_eq!(
        m.source.source,
        indicators_dir().join("watchware.yaml").display().to_string()
    );
}

fn load(text: &str) -> Result<IndicatorSet, IndicatorError> {
    let mut set = IndicatorSet::new();
    set.load_bytes(text.as_bytes(), Origin::new("test")).map(|_| ())?;
    Ok(set)
}

#[test]
fn yaml_shapes_and_errors() {
    let set = load("- name: A\n  type: stalkerware\n  packages: com.one\n  websites:\n  certificates: [0123456789abcdef0123456789abcdef01234567, nothex]\n  c2: {ip: [1.2.3.4], ips: [5.6.7.8, 999.1.1.1], domains: [Bad Host]}\n  new_field: 1\n")
        .expect("lenient yaml");
    let src = &set.sources()[0];
    assert_eq!(src.counts.packages, 1);
    assert_eq!(src.counts.ips, 2);
    assert_eq!(src.unknown_fields, ["new_field"]);
    let reasons: Vec<_> = src.skipped.iter().map(|s| s.reason).collect();
    assert_eq!(
        reasons,
        [
            SkipReason::InvalidDigest,
            SkipReason::InvalidDomain,
            SkipReason::InvalidIp
        ]
    );
    for (bad, want) in [
        ("- name: [unclosed", "yaml"),
        ("- packages: [a]", "yaml"),
        ("{\"type\": \"x\"}", "not a stix bundle"),
        ("{\"type\": ", "stix json"),
        ("", "neither"),
    ] {
        let err = load(bad).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains(want), "{bad:?} gave {err:?}");
    }
    let err = IndicatorSet::new()
        .load_bytes(&[b'-', b' ', 0xff], Origin::new("t"))
        .expect_err("not utf-8");
    assert!(matches!(err, IndicatorError::NotUtf8 { offset: 2, .. }), "{err}");
}

#[test]
fn stix_patterns() {
    use stix::parse_pattern as p;
    let pairs = |v: &[(&str, &str)]| {
        v.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        p("[domain-name:value='a.com']"),
        Some(pairs(&[("domain-name:value", "a.com")]))
    );
    assert_eq!(
        p("[app:id = 'x.y' OR app:cert.sha1='AB'] or [ipv4-addr:value = '1.2.3.4']"),
        Some(pairs(&[
            ("app:id", "x.y"),
            ("app:cert.sha1", "AB"),
            ("ipv4-addr:value", "1.2.3.4")
        ]))
    );
    assert_eq!(
        p("[file:hashes.'SHA-256' = 'ab\\'c']"),
        Some(pairs(&[("file:hashes.'SHA-256'", "ab'c")]))
    );
    for bad in [
        "",
        "[",
        "[a:b = 'x' AND c:d = 'y']",
        "[a:b != 'x']",
        "[a:b = 'x'] OR",
        "[a:b = 'x'",
        "[a = 'x']",
    ] {
        assert_eq!(p(bad), None, "{bad:?}");
    }
}

#[test]
fn stix_bundle_ties_indicators_to_malware() {
    let bundle = r#"{"type":"bundle","id":"bundle--1","objects":[
      {"type":"malware","id":"malware--1","name":"SpyX","is_family":true,"description":"stalkerware","modified":"2026-01-02T00:00:00Z"},
      {"type":"indicator","id":"indicator--1","pattern":"[app:id='com.spyx' OR app:cert.sha256='AA']","pattern_type":"stix"},
      {"type":"indicator","id":"indicator--2","pattern":"[domain-name:value='c2.spyx.example']","pattern_type":"stix"},
      {"type":"indicator","id":"indicator--3","pattern":"[email-addr:value='a@b.c']","pattern_type":"stix"},
      {"type":"indicator","id":"indicator--4","pattern":"[x:y = 'a' AND z:w = 'b']","pattern_type":"stix"},
      {"type":"indicator","id":"indicator--5","pattern":"[url:value='http://dl.example/x.apk']","pattern_type":"stix"},
      {"type":"relationship","id":"r1","relationship_type":"indicates","source_ref":"indicator--1","target_ref":"malware--1"},
      {"type":"relationship","id":"r2","relationship_type":"indicates","source_ref":"indicator--2","target_ref":"malware--1"}
    ]}"#;
    let set = load(bundle).expect("bundle");
    let src = &set.sources()[0];
    assert_eq!(src.format, SourceFormat::Stix2);
    assert_eq!(src.date.as_deref(), Some("2026-01-02T00:00:00Z"));
    let spyx = &set.match_package("com.spyx")[0];
    assert_eq!(
        (spyx.app.name.as_str(), spyx.app.category),
        ("SpyX", AppCategory::Stalkerware)
    );
    assert_eq!(set.match_domain("a.c2.spyx.example")[0].app.name, "SpyX");
    assert_eq!(set.match_url("HTTP://DL.example/x.apk")[0].app.name, "unnamed");
    let reasons: Vec<_> = src.skipped.iter().map(|s| s.reason).collect();
    assert_eq!(
        reasons,
        [
            SkipReason::NotObservable,
            SkipReason::UnsupportedPattern,
            SkipReason::InvalidDigest
        ]
    );
}
