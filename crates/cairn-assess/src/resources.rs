//! The resources directory: national US hotlines built in, local services
//! imported by an agency from CSV, searched by need, language and place.

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Locator, Problem, SpecError};
use crate::instrument::is_id;
use crate::text::Text;

/// What a resource helps with (`resource-service-…`).
pub const SERVICES: &[&str] = &[
    "domestic_violence",
    "safety_planning",
    "crisis",
    "technology_safety",
    "referral",
    "trafficking",
    "suicide",
    "emotional_support",
    "victim_services",
    "legal",
    "stalking",
    "sexual_assault",
    "online_crime",
    "report",
    "shelter",
    "housing",
    "children",
    "immigration",
    "financial",
    "health",
];

/// The columns of an agency's CSV file, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "id",
    "name",
    "phone",
    "text",
    "website",
    "services",
    "languages",
    "hours_en",
    "hours_es",
    "area",
    "about_en",
    "about_es",
];

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    pub id: String,
    pub name: String,
    pub phone: Option<String>,
    /// How to reach it by text message (number, or keyword and number).
    pub text: Option<String>,
    pub website: Option<String>,
    pub services: Vec<String>,
    /// Language codes (`en`, `es`…), and `interpreters` when any language can be served.
    pub languages: Vec<String>,
    pub hours: Text,
    /// `US` for national resources; for local ones, the places served.
    pub area: String,
    pub about: Text,
}

impl Resource {
    pub fn is_national(&self) -> bool {
        self.area.eq_ignore_ascii_case("US")
    }

    /// "Name — phone · text · website", as listed beside plan steps and findings.
    pub fn one_line(&self) -> String {
        let reach: Vec<&str> = [self.phone.as_deref(), self.text.as_deref(), self.website.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        format!("{} — {}", self.name, reach.join(" · "))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDirectory {
    format: Spanned<i64>,
    resources: Vec<Spanned<Resource>>,
}

/// Parses a TOML directory such as the built-in national list.
pub fn parse_directory(file: &str, text: &str) -> Result<Vec<Resource>, SpecError> {
    let at = Locator::new(file, text);
    let raw: RawDirectory = at.toml()?;
    at.check_format(&raw.format, 1)?;
    let mut out: Vec<Resource> = Vec::new();
    for r in raw.resources {
        let span = r.span();
        let r = r.into_inner();
        if let Err((field, problem)) = check(&r, &out) {
            return Err(at.at(span, format!("resources.{field}"), problem));
        }
        out.push(r);
    }
    Ok(out)
}

fn check(r: &Resource, earlier: &[Resource]) -> Result<(), (&'static str, Problem)> {
    if !is_id(&r.id) {
        return Err((
            "id",
            Problem::BadValue {
                value: r.id.clone(),
                expected: "a-z, 0-9, _ and -".into(),
            },
        ));
    }
    if earlier.iter().any(|e| e.id == r.id) {
        return Err(("id", Problem::Duplicate(r.id.clone())));
    }
    if r.name.trim().is_empty() {
        return Err(("name", Problem::Missing));
    }
    if r.phone.is_none() && r.text.is_none() && r.website.is_none() {
        return Err(("phone", Problem::Missing));
    }
    if r.services.is_empty() {
        return Err(("services", Problem::Missing));
    }
    if let Some(s) = r.services.iter().find(|s| !SERVICES.contains(&s.as_str())) {
        return Err((
            "services",
            Problem::BadValue {
                value: s.clone(),
                expected: SERVICES.join(", "),
            },
        ));
    }
    if r.area.trim().is_empty() {
        return Err(("area", Problem::Missing));
    }
    Ok(())
}

/// Reads an agency's CSV of local services (header row of [`CSV_COLUMNS`];
/// lists inside a cell separated by `;`). Errors name the line and column.
pub fn parse_csv(file: &str, bytes: &[u8], known: &[Resource]) -> Result<Vec<Resource>, SpecError> {
    let error = |line: u64, field: &str, problem: Problem| SpecError {
        file: file.to_owned(),
        line: line as usize,
        column: 0,
        field: field.to_owned(),
        problem,
    };
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| error(1, "-", Problem::Syntax(e.to_string())))?
        .clone();
    let found: Vec<&str> = headers.iter().map(str::trim).collect();
    if found != CSV_COLUMNS {
        return Err(error(
            1,
            "header",
            Problem::BadValue {
                value: found.join(","),
                expected: CSV_COLUMNS.join(","),
            },
        ));
    }
    let mut out: Vec<Resource> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            error(line, "-", Problem::Syntax(e.to_string()))
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let cell = |n: usize| record.get(n).unwrap_or("").trim().to_owned();
        let optional = |n: usize| Some(cell(n)).filter(|s| !s.is_empty());
        let list = |n: usize| -> Vec<String> {
            cell(n)
                .split(';')
                .map(|s| s.trim().to_lowercase())
                .filter(|s| !s.is_empty())
                .collect()
        };
        let text = |en: usize, es: usize| Text {
            en: cell(en),
            es: optional(es).unwrap_or_else(|| cell(en)),
        };
        let resource = Resource {
            id: cell(0),
            name: cell(1),
            phone: optional(2),
            text: optional(3),
            website: optional(4),
            services: list(5),
            languages: list(6),
            hours: text(7, 8),
            area: cell(9),
            about: text(10, 11),
        };
        let mut all = known.to_vec();
        all.extend(out.iter().cloned());
        check(&resource, &all).map_err(|(field, problem)| error(line, field, problem))?;
        out.push(resource);
    }
    Ok(out)
}

/// What a person is looking for; every part is optional.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub need: Option<String>,
    /// A language code; resources with interpreters match any language.
    pub language: Option<String>,
    /// A place (city, county, state): local resources whose area mentions
    /// it, and every national one.
    pub place: Option<String>,
}

/// Matching resources, local ones first, each group in directory order.
pub fn search<'r>(all: &'r [Resource], query: &Query) -> Vec<&'r Resource> {
    let lower = |s: &Option<String>| s.as_ref().map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty());
    let (need, language, place) = (lower(&query.need), lower(&query.language), lower(&query.place));
    let mut found: Vec<&Resource> = all
        .iter()
        .filter(|r| need.as_ref().is_none_or(|n| r.services.iter().any(|s| s == n)))
        .filter(|r| {
            language
                .as_ref()
                .is_none_or(|l| r.languages.iter().any(|x| x == l || x == "interpreters"))
        })
        .filter(|r| {
            place
                .as_ref()
                .is_none_or(|p| r.is_national() || r.area.to_lowercase().contains(p.as_str()))
        })
        .collect();
    found.sort_by_key(|r| r.is_national());
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn national() -> Vec<Resource> {
        parse_directory("resources-us.toml", crate::bundled::RESOURCES.1).unwrap()
    }

    const HEADER: &str = "id,name,phone,text,website,services,languages,hours_en,hours_es,area,about_en,about_es\n";

    /// Searches the national list plus `csv` rows and compares the ids found.
    fn check(csv: &str, need: &str, language: &str, place: &str, expected: &[&str]) {
        let mut all = national();
        let local = parse_csv("local.csv", format!("{HEADER}{csv}").as_bytes(), &all).unwrap();
        all.extend(local);
        let some = |s: &str| Some(s.to_owned()).filter(|s| !s.is_empty());
        let query = Query {
            need: some(need),
            language: some(language),
            place: some(place),
        };
        let ids: Vec<&str> = search(&all, &query).iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, expected, "{need}/{language}/{place}");
    }

    const SHELTER: &str =
        "safe-house,Safe House,555-0100,,,shelter;domestic_violence,en;es,24/7,24/7,Springfield IL,Beds,Camas\n";

    #[test]
    fn search_by_need_language_and_place() {
        check("", "trafficking", "", "", &["nhth"]);
        check("", "sexual_assault", "es", "", &["rainn"]);
        check("", "online_crime", "es", "", &[]);
        check("", "online_crime", "en", "", &["ic3"]);
        check(SHELTER, "domestic_violence", "", "springfield", &["safe-house", "ndvh"]);
        check(SHELTER, "domestic_violence", "", "boston", &["ndvh"]);
        check(SHELTER, "shelter", "fr", "", &[]);
        check(SHELTER, "crisis", "", "", &["ndvh", "nhth", "lifeline-988", "rainn"]);
    }

    #[test]
    fn national_numbers_are_the_published_ones() {
        let all = national();
        let phone = |id: &str| {
            all.iter()
                .find(|r| r.id == id)
                .and_then(|r| r.phone.clone())
                .unwrap_or_default()
        };
        assert_eq!(phone("ndvh"), "1-800-799-7233");
        assert_eq!(phone("nhth"), "1-888-373-7888");
        assert_eq!(phone("lifeline-988"), "988");
        let text = |id: &str| {
            all.iter()
                .find(|r| r.id == id)
                .and_then(|r| r.text.clone())
                .unwrap_or_default()
        };
        assert_eq!(text("ndvh"), "START to 88788");
        assert_eq!(text("nhth"), "233733");
    }

    #[test]
    fn csv_errors_name_line_and_field() {
        let all = national();
        let cases: &[(&str, usize, &str, &str)] = &[
            (
                "a,A,1,,,shelter,en,,,X,,\nb,B,2,,,bakery,en,,,X,,\n",
                3,
                "services",
                "bad-value",
            ),
            (
                "a,A,1,,,shelter,en,,,X,,\na,B,2,,,shelter,en,,,X,,\n",
                3,
                "id",
                "duplicate",
            ),
            ("ndvh,A,1,,,shelter,en,,,X,,\n", 2, "id", "duplicate"),
            ("a,A,,,,shelter,en,,,X,,\n", 2, "phone", "missing"),
            ("a,A,1,,,shelter,en,,,,,\n", 2, "area", "missing"),
            ("a,A,1\n", 2, "-", "syntax"),
            ("Bad Id,A,1,,,shelter,en,,,X,,\n", 2, "id", "bad-value"),
        ];
        for (rows, line, field, problem) in cases {
            let e = parse_csv("local.csv", format!("{HEADER}{rows}").as_bytes(), &all).unwrap_err();
            assert_eq!(
                (e.line, e.field.as_str(), e.problem.name()),
                (*line, *field, *problem),
                "{rows}: {e:?}"
            );
        }
        let e = parse_csv("local.csv", b"name,id\n", &all).unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (1, "header"));
    }
}
