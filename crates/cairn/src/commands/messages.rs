//! `cairn messages`: the case's imported messages and calls, oldest first.

use anyhow::Result;
use cairn_app::CommQuery;
use cairn_app::core::{Named, SubjectId};
use clap::Args;

use crate::cli::CaseArg;
use crate::context::{Context, parse_case};
use crate::output::{Table, truncate};
use crate::t;

#[derive(Debug, Args)]
pub struct MessagesArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// Only with this subject (s-…): every counterpart matched to them.
    #[arg(long)]
    pub subject: Option<String>,
    /// Only with this number, address or name.
    #[arg(long)]
    pub counterpart: Option<String>,
    /// Only those the review word list flagged for a person to read.
    #[arg(long)]
    pub review: bool,
    /// Only from this day on (YYYY-MM-DD, UTC).
    #[arg(long)]
    pub from: Option<jiff::civil::Date>,
    /// Only up to and including this day (YYYY-MM-DD, UTC).
    #[arg(long)]
    pub to: Option<jiff::civil::Date>,
    /// How many to show.
    #[arg(long, default_value_t = 100)]
    pub limit: u32,
}

pub async fn run(ctx: &Context, args: &MessagesArgs) -> Result<()> {
    let vault = ctx.open().await?;
    let case = parse_case(&args.case.case)?;
    let counterparts = vault.counterparts(&case).await?;
    let mut query = CommQuery {
        review_only: args.review,
        limit: args.limit.clamp(1, 1000),
        from_ms: args.from.map(day_start),
        to_ms: args.to.and_then(|d| d.tomorrow().ok()).map(day_start),
        ..Default::default()
    };
    if let Some(subject) = &args.subject {
        let subject = subject.parse::<SubjectId>()?;
        query.counterparts = counterparts
            .iter()
            .filter(|c| c.subject.as_ref() == Some(&subject))
            .map(|c| c.id)
            .collect();
        if query.counterparts.is_empty() {
            query.counterparts.push(0);
        }
    }
    if let Some(value) = &args.counterpart {
        query.counterparts = counterparts
            .iter()
            .filter(|c| c.value == value.trim())
            .map(|c| c.id)
            .collect();
        if query.counterparts.is_empty() {
            query.counterparts.push(0);
        }
    }
    let page = vault.communications(&case, &query).await?;
    if ctx.json() {
        return ctx.print_json(&page);
    }
    if page.is_empty() {
        println!("{}", t!("messages-none"));
        return Ok(());
    }
    let mut table = Table::new(&[
        "col-when",
        "col-channel",
        "col-direction",
        "col-counterpart",
        "col-text",
    ]);
    for r in &page {
        let c = &r.communication;
        let mut text = c.body.clone().unwrap_or_default();
        if let Some(secs) = c.duration_secs {
            text = t!("messages-duration", seconds = secs);
        }
        if r.review {
            text = format!("⚑ {text}");
        }
        table.row(vec![
            c.at.strftime("%Y-%m-%d %H:%M:%S").to_string(),
            t!(&format!("comm-channel-{}", c.channel.name())),
            t!(&format!("comm-direction-{}", c.direction.name())),
            super::import::shown_counterpart(&c.counterpart),
            truncate(&text.replace('\n', " "), 60),
        ]);
    }
    table.print();
    Ok(())
}

fn day_start(date: jiff::civil::Date) -> i64 {
    date.to_zoned(jiff::tz::TimeZone::UTC)
        .map(|z| z.timestamp().as_millisecond())
        .unwrap_or(0)
}
