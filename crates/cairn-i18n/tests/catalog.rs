//! The Fluent catalogue: every id exists in both languages, exactly once, and
//! every message uses the same variables in both.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// id → (file, variables used) for one language.
fn catalogue(lang: &str) -> BTreeMap<String, Vec<(String, BTreeSet<String>)>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(lang);
    let mut ids: BTreeMap<String, Vec<(String, BTreeSet<String>)>> = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let mut current: Option<String> = None;
        for line in text.lines() {
            let starts_entry =
                line.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '-') && line.contains('=');
            if starts_entry {
                let id = line.split('=').next().unwrap().trim().to_owned();
                ids.entry(id.clone()).or_default().push((name.clone(), BTreeSet::new()));
                current = Some(id);
            } else if !line.starts_with(' ') {
                current = None;
            }
            if let Some(id) = &current {
                let vars = &mut ids.get_mut(id).unwrap().last_mut().unwrap().1;
                for piece in line.split('$').skip(1) {
                    let var: String = piece
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                        .collect();
                    vars.insert(var);
                }
            }
        }
    }
    ids
}

#[test]
fn both_languages_define_the_same_ids_once_with_the_same_variables() {
    let (en, es) = (catalogue("en-US"), catalogue("es"));
    let mut problems = Vec::new();
    for (lang, ids) in [("en-US", &en), ("es", &es)] {
        for (id, places) in ids {
            if places.len() > 1 {
                problems.push(format!(
                    "{lang}: {id} defined {} times ({:?})",
                    places.len(),
                    places.iter().map(|p| &p.0).collect::<Vec<_>>()
                ));
            }
        }
    }
    for id in en.keys().filter(|k| !es.contains_key(*k)) {
        problems.push(format!("es is missing {id}"));
    }
    for id in es.keys().filter(|k| !en.contains_key(*k)) {
        problems.push(format!("en-US is missing {id}"));
    }
    for (id, places) in &en {
        if let Some(other) = es.get(id)
            && places[0].1 != other[0].1
        {
            problems.push(format!("{id}: en-US uses {:?}, es uses {:?}", places[0].1, other[0].1));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(en.len() > 300, "the catalogue was not read ({} ids)", en.len());
}

#[test]
fn every_vocabulary_word_is_translated() {
    use cairn_app::core::{Behaviour, Channel, CustodyAction, Named, Precision, Relationship, Slii};
    use cairn_i18n::{Lang, Tr};
    fn names<T: Named>(prefix: &str) -> Vec<String> {
        T::ALL.iter().map(|(n, _)| format!("{prefix}-{n}")).collect()
    }
    let ids = [
        names::<Channel>("channel"),
        names::<Slii>("slii"),
        names::<Behaviour>("behaviour"),
        names::<Relationship>("relationship"),
        names::<Precision>("precision"),
        names::<CustodyAction>("custody"),
    ]
    .concat();
    for t in [Tr(Lang::En), Tr(Lang::Es)] {
        let missing: Vec<_> = ids.iter().filter(|id| !t.has(id)).collect();
        assert!(missing.is_empty(), "{}: {missing:?}", t.lang());
    }
}

/// The finding texts are shipped twice: with `cairn-scan` (for its own
/// tests and other interfaces) and here (for the CLI and web app).
#[test]
fn scan_texts_are_the_same_as_cairn_scans() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    for lang in ["en-US", "es"] {
        let ours = std::fs::read_to_string(here.join("locales").join(lang).join("scan.ftl")).unwrap();
        let theirs = std::fs::read_to_string(here.join("../cairn-scan/locales").join(lang).join("scan.ftl")).unwrap();
        assert_eq!(ours, theirs, "{lang}/scan.ftl differs from cairn-scan's copy");
    }
}
