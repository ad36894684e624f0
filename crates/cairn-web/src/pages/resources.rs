//! Finding help: the built-in national resources, searched by need,
//! language and place. Not case data, so it is reachable from every page.

use askama::Template;
use axum::extract::Query;
use cairn_app::assessment::resources::{self, Resource};
use cairn_i18n::Tr;
use serde::Deserialize;

use crate::render::{Layout, Open, PageError, PageResult, page};

struct ResourceView {
    name: String,
    area: String,
    about: String,
    reach: Vec<(String, String)>,
    hours: String,
    languages: String,
    services: String,
}

#[derive(Template)]
#[template(path = "resources.html")]
struct ResourcesPage {
    l: Layout,
    needs: Vec<(String, String, bool)>,
    language: String,
    place: String,
    found: Vec<ResourceView>,
}

#[derive(Deserialize, Default)]
pub struct SearchParams {
    need: Option<String>,
    language: Option<String>,
    place: Option<String>,
}

fn view(t: Tr, r: &Resource) -> ResourceView {
    let lang = t.0.code();
    let reach = [
        ("resource-phone-label", &r.phone),
        ("resource-text-label", &r.text),
        ("resource-web-label", &r.website),
    ]
    .into_iter()
    .filter_map(|(label, value)| value.as_ref().map(|v| (t.get(label), v.clone())))
    .collect();
    let languages: Vec<String> = r
        .languages
        .iter()
        .map(|l| {
            if l == "interpreters" {
                t.get("resource-language-interpreters")
            } else {
                l.clone()
            }
        })
        .collect();
    let services: Vec<String> = r
        .services
        .iter()
        .map(|s| t.get(&format!("resource-service-{s}")))
        .collect();
    ResourceView {
        name: r.name.clone(),
        area: if r.is_national() {
            t.get("resource-national")
        } else {
            r.area.clone()
        },
        about: r.about.get(lang).to_owned(),
        reach,
        hours: r.hours.get(lang).to_owned(),
        languages: languages.join(", "),
        services: services.join(", "),
    }
}

pub async fn search(Open { session, .. }: Open, Query(params): Query<SearchParams>) -> PageResult {
    let t = Tr(session.lang);
    let (file, text) = cairn_app::assessment::bundled::RESOURCES;
    let all = resources::parse_directory(file, text).map_err(|e| PageError::app(&session, &e.into()))?;
    let mut services: Vec<String> = all.iter().flat_map(|r| r.services.iter().cloned()).collect();
    services.sort();
    services.dedup();
    let need = params.need.filter(|n| !n.is_empty());
    let query = resources::Query {
        need: need.clone(),
        language: params.language.clone(),
        place: params.place.clone(),
    };
    let found = resources::search(&all, &query)
        .into_iter()
        .map(|r| view(t, r))
        .collect();
    Ok(page(ResourcesPage {
        l: Layout::new(&session, "resources-web-heading", true),
        needs: services
            .into_iter()
            .map(|s| {
                let label = t.get(&format!("resource-service-{s}"));
                let chosen = need.as_deref() == Some(s.as_str());
                (s, label, chosen)
            })
            .collect(),
        language: params.language.unwrap_or_default(),
        place: params.place.unwrap_or_default(),
        found,
    }))
}
