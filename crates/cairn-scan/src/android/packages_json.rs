//! AndroidQF's `packages.json`: one object per package with its APK files,
//! their hashes and signing certificate (keys as AndroidQF writes them:
//! `Md5`, `Sha1`, `Sha256`, `Subject`, …).

use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub(crate) struct QfPackage {
    pub name: String,
    #[serde(default, deserialize_with = "null_default")]
    pub files: Vec<QfFile>,
    #[serde(default)]
    pub installer: Option<String>,
    #[serde(default)]
    pub uid: Option<i64>,
    #[serde(default)]
    pub disabled: Option<bool>,
    #[serde(default)]
    pub system: Option<bool>,
    #[serde(default)]
    pub third_party: Option<bool>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct QfFile {
    #[serde(default)]
    pub path: String,
    #[serde(default)]
    pub sha256: String,
    #[serde(default)]
    pub certificate: Option<QfCert>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct QfCert {
    #[serde(default)]
    pub md5: String,
    #[serde(default)]
    pub sha1: String,
    #[serde(default)]
    pub sha256: String,
    #[serde(default)]
    pub subject: String,
}

fn null_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// `Err((line, column, message))` if the file is not the expected JSON.
pub(crate) fn parse(bytes: &[u8]) -> Result<Vec<QfPackage>, (usize, usize, String)> {
    serde_json::from_slice(bytes).map_err(|e| (e.line(), e.column(), e.to_string().to_lowercase()))
}

/// The `O=` and `CN=` parts of a distinguished name such as
/// `C=US, ST=CA, O=Google, Inc, CN=Android` (values may contain commas).
pub(crate) fn dn_part<'a>(dn: &'a str, key: &str) -> Option<&'a str> {
    let mut found = None;
    for part in dn.split(", ") {
        if let Some(v) = part.strip_prefix(key).and_then(|r| r.strip_prefix('=')) {
            found = Some(v.trim());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let ok = br#"[{"name":"a","files":null,"installer":"null","uid":10001},{"name":"b","files":[{"path":"/x","sha256":"ab","certificate":{"Sha1":"AA","Subject":"C=US, O=Spy Ltd, CN=Dev"}}]}]"#;
        let p = parse(ok).expect("valid");
        assert_eq!(p[0].files.len(), 0);
        let cert = p[1].files[0].certificate.as_ref().expect("cert");
        assert_eq!(dn_part(&cert.subject, "O"), Some("Spy Ltd"));
        assert_eq!(dn_part(&cert.subject, "CN"), Some("Dev"));
        let err = parse(b"[{\"name\": 5}]").expect_err("wrong type");
        assert_eq!((err.0, err.1 > 0), (1, true));
    }
}
