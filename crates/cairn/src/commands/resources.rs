//! `cairn resources search`: national hotlines built in, plus an agency's
//! CSV of local services, by need, language and place.

use std::path::PathBuf;

use anyhow::Result;
use cairn_app::AppError;
use cairn_app::assessment::resources::{Query, Resource, parse_csv, parse_directory, search};
use clap::{Args, Subcommand};

use crate::commands::assess::read_text;
use crate::context::Context;
use crate::i18n::translator;
use crate::t;

#[derive(Debug, Subcommand)]
pub enum ResourcesCommand {
    /// Find resources by need, language and place.
    Search(SearchArgs),
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What is needed, e.g. shelter, trafficking, legal.
    #[arg(long, value_name = "NEED")]
    pub need: Option<String>,
    /// A language code, e.g. es.
    #[arg(long, value_name = "LANG")]
    pub language: Option<String>,
    /// A city, county or state.
    #[arg(long, value_name = "PLACE")]
    pub place: Option<String>,
    /// An agency's CSV file of local services.
    #[arg(long, value_name = "FILE")]
    pub local: Option<PathBuf>,
}

pub async fn run(ctx: &Context, command: &ResourcesCommand) -> Result<()> {
    let ResourcesCommand::Search(args) = command;
    let (file, text) = cairn_app::assessment::bundled::RESOURCES;
    let mut all = parse_directory(file, text).map_err(AppError::from)?;
    if let Some(path) = &args.local {
        let text = read_text(path)?;
        let local = parse_csv(&path.display().to_string(), text.as_bytes(), &all).map_err(AppError::from)?;
        all.extend(local);
    }
    let query = Query {
        need: args.need.clone(),
        language: args.language.clone(),
        place: args.place.clone(),
    };
    let found = search(&all, &query);
    if ctx.json() {
        let ids: Vec<&str> = found.iter().map(|r| r.id.as_str()).collect();
        return ctx.print_json(&ids);
    }
    if found.is_empty() {
        println!("{}", t!("resource-none"));
    }
    for r in found {
        print_resource(r);
    }
    Ok(())
}

fn print_resource(r: &Resource) {
    let tr = translator();
    let lang = tr.0.code();
    let area = if r.is_national() {
        t!("resource-national")
    } else {
        r.area.clone()
    };
    println!("\n{} ({area})", r.name);
    println!("  {}", r.about.get(lang));
    for (label, value) in [
        ("resource-phone-label", &r.phone),
        ("resource-text-label", &r.text),
        ("resource-web-label", &r.website),
    ] {
        if let Some(v) = value {
            println!("  {}: {v}", t!(label));
        }
    }
    println!("  {}: {}", t!("resource-hours-label"), r.hours.get(lang));
    let languages: Vec<String> = r
        .languages
        .iter()
        .map(|l| {
            if l == "interpreters" {
                t!("resource-language-interpreters")
            } else {
                l.clone()
            }
        })
        .collect();
    println!("  {}: {}", t!("resource-languages-label"), languages.join(", "));
    let services: Vec<String> = r
        .services
        .iter()
        .map(|s| {
            let id = format!("resource-service-{s}");
            if tr.has(&id) { tr.get(&id) } else { s.clone() }
        })
        .collect();
    println!("  {}", services.join(" · "));
}
