//! `cairn assess list|template|take|history`: instruments as conversation
//! guides. Taking one scores an answers file and records the result in the
//! case's journal; the words of questions and levels come from the
//! instrument file, in the person's language.

use std::path::{Path, PathBuf};

use anyhow::Result;
use cairn_app::assessment::suggest::Basis;
use cairn_app::assessment::template::{TemplateWords, template};
use cairn_app::assessment::{Changes, Instrument, OverrideRequest, parse_answers};
use cairn_app::core::AssessmentRecorded;
use cairn_app::{AppError, Recorded};
use clap::{Args, Subcommand};

use crate::cli::CaseArg;
use crate::context::{Context, parse_case};
use crate::i18n::translator;
use crate::output::Table;
use crate::t;

/// Instrument and answers files are small; anything larger is a mistake.
const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

#[derive(Debug, Subcommand)]
pub enum AssessCommand {
    /// The instruments available.
    List,
    /// Print an answers file to fill in for an instrument.
    Template(TemplateArgs),
    /// Score an answers file and record the result in the case.
    Take(TakeArgs),
    /// Every assessment of the case, and what changed since last time.
    History(CaseArg),
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The instrument id (see cairn assess list).
    #[arg(value_name = "ID")]
    pub id: String,
    /// Use an agency's own instrument file instead of a shipped one.
    #[arg(long, value_name = "FILE")]
    pub instrument_file: Option<PathBuf>,
    /// Add suggestions from this case's incident log, for you to confirm.
    #[arg(long, value_name = "CASE")]
    pub case: Option<String>,
}

#[derive(Debug, Args)]
pub struct TakeArgs {
    /// The instrument id (see cairn assess list).
    #[arg(value_name = "ID")]
    pub id: String,
    #[command(flatten)]
    pub case: CaseArg,
    /// The answers file (make one with cairn assess template); without it the questions are asked one at a time.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// A professional override: raise the level to this one (needs --reason).
    #[arg(long, value_name = "LEVEL", requires = "reason")]
    pub raise_to: Option<String>,
    /// Why the level is raised; kept in the journal.
    #[arg(long, value_name = "TEXT", requires = "raise_to")]
    pub reason: Option<String>,
    /// Use an agency's own instrument file instead of a shipped one.
    #[arg(long, value_name = "FILE")]
    pub instrument_file: Option<PathBuf>,
}

pub(crate) fn read_text(path: &Path) -> Result<String> {
    use std::io::Read;
    let failed = |source| AppError::File {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(failed)?;
    let mut text = String::new();
    file.take(MAX_FILE_BYTES).read_to_string(&mut text).map_err(failed)?;
    Ok(text)
}

/// The shipped instruments, plus the agency's file when one is given.
fn instruments(file: Option<&Path>) -> Result<Vec<Instrument>> {
    let extra = match file {
        Some(path) => vec![Instrument::parse(&path.display().to_string(), &read_text(path)?).map_err(AppError::from)?],
        None => vec![],
    };
    Ok(cairn_app::instruments(&extra)?)
}

fn find(all: Vec<Instrument>, id: &str) -> Result<Instrument> {
    all.into_iter()
        .find(|i| i.id == id)
        .ok_or_else(|| AppError::NoSuchInstrument(id.to_owned()).into())
}

fn lang() -> &'static str {
    translator().0.code()
}

pub async fn run(ctx: &Context, command: &AssessCommand) -> Result<()> {
    match command {
        AssessCommand::List => {
            let all = instruments(None)?;
            let mut table = Table::new(&["assess-col-id", "assess-col-version", "assess-col-title"]);
            for i in &all {
                table.row(vec![i.id.clone(), i.version.clone(), i.title.get(lang()).to_owned()]);
            }
            table.print();
            println!("\n{}", t!("assess-list-note"));
            Ok(())
        }
        AssessCommand::Template(args) => {
            let instrument = find(instruments(args.instrument_file.as_deref())?, &args.id)?;
            let words = TemplateWords {
                header: t!("assess-template-header"),
                allowed: t!("assess-template-allowed"),
                instance: t!("assess-template-instance"),
            };
            let suggested = match &args.case {
                Some(case) => suggested_lines(ctx, case, &instrument).await?,
                None => vec![],
            };
            print!("{}", template(&instrument, lang(), &words, &suggested));
            Ok(())
        }
        AssessCommand::Take(args) => take(ctx, args).await,
        AssessCommand::History(case) => history(ctx, case).await,
    }
}

/// The incident log's suggestions, worded for the template's comments.
async fn suggested_lines(ctx: &Context, case: &str, instrument: &Instrument) -> Result<Vec<(String, String)>> {
    let vault = ctx.open().await?;
    let case = parse_case(case)?;
    let suggestions = vault.suggestions(&case, instrument).await?;
    Ok(suggestions
        .into_iter()
        .map(|s| {
            let line = match s.basis {
                Basis::Behaviours { count } => t!("assess-suggest-behaviours", count = count),
                Basis::Increasing { recent, before } => {
                    t!("assess-suggest-increasing", recent = recent, before = before)
                }
            };
            (s.item, line)
        })
        .collect())
}

async fn take(ctx: &Context, args: &TakeArgs) -> Result<()> {
    let instrument = find(instruments(args.instrument_file.as_deref())?, &args.id)?;
    let answers = match &args.answers {
        Some(path) => {
            let text = read_text(path)?;
            parse_answers(&instrument, &path.display().to_string(), &text).map_err(AppError::from)?
        }
        None => {
            let stdin = std::io::stdin();
            crate::commands::assess_prompt::interview(&instrument, &mut stdin.lock(), &mut std::io::stderr())?
        }
    };
    let skipped = answers.skipped.len();
    let raise = args.raise_to.as_ref().map(|level| OverrideRequest {
        level: level.clone(),
        reason: args.reason.clone().unwrap_or_default(),
    });
    let vault = ctx.open().await?;
    let case = parse_case(&args.case.case)?;
    let recorded = vault
        .take_assessment(&case, &instrument, answers, raise.as_ref())
        .await?;
    let changes = vault.assessment_changes(&case).await?;
    if ctx.json() {
        return ctx.print_json(&recorded);
    }
    print_result(&instrument, &recorded);
    if skipped > 0 {
        println!("{}", t!("assess-skipped", count = skipped));
    }
    if let Some((_, c)) = changes.iter().find(|(id, _)| *id == instrument.id) {
        println!();
        print_changes(&instrument, c);
    }
    println!("\n{} {}", t!("assess-caveat-label"), instrument.caveats.get(lang()));
    Ok(())
}

fn level_name(instrument: &Instrument, id: &str) -> String {
    instrument
        .level(id)
        .map_or_else(|| id.to_owned(), |l| l.name.get(lang()).to_owned())
}

fn print_result(instrument: &Instrument, recorded: &Recorded<AssessmentRecorded>) {
    let result = &recorded.value;
    println!(
        "{}",
        t!(
            "assess-recorded",
            title = instrument.title.get(lang()),
            version = result.instrument_version.as_str(),
            seq = recorded.seq
        )
    );
    println!();
    println!("{}", t!("assess-level", level = level_name(instrument, &result.level)));
    if let Some(level) = instrument.level(&result.level) {
        println!("  {}", level.meaning.get(lang()));
    }
    if let Some(o) = &result.level_override {
        println!(
            "{}",
            t!(
                "assess-override",
                from = level_name(instrument, &o.from),
                to = level_name(instrument, &o.to),
                reason = o.reason.as_str()
            )
        );
    }
    if !result.triggered.is_empty() {
        println!("\n{}", t!("assess-why-heading"));
        for id in &result.triggered {
            let why = instrument.rules.iter().find(|r| &r.id == id).map(|r| r.why.get(lang()));
            println!("  • {}", why.unwrap_or(id));
        }
    }
    for (rule, score) in &result.scores {
        println!(
            "  {}",
            t!("assess-score", rule = rule.as_str(), score = score.to_string())
        );
    }
}

fn print_changes(instrument: &Instrument, c: &Changes) {
    let tr = translator();
    println!("{}", t!("assess-changes-heading", title = instrument.title.get(lang())));
    if c.is_empty() {
        println!("  {}", t!("assess-change-none"));
    }
    if let Some((before, after)) = &c.level {
        println!(
            "  {}",
            t!(
                "assess-change-level",
                before = level_name(instrument, before),
                after = level_name(instrument, after)
            )
        );
    }
    for (key, rules) in [
        ("assess-change-now", &c.rules_now_triggered),
        ("assess-change-gone", &c.rules_no_longer_triggered),
    ] {
        if !rules.is_empty() {
            println!("  {}", t!(key, rules = rules.join(", ")));
        }
    }
    for change in &c.answers {
        let item = instrument
            .item(&change.item)
            .map_or(change.item.as_str(), |i| i.text.get(lang()));
        let instance = change.instance.map(|n| format!(" [{}]", n + 1)).unwrap_or_default();
        println!(
            "  {}",
            t!(
                "assess-change-answer",
                item = format!("{item}{instance}"),
                before = cairn_i18n::describe_answer(tr, change.before.as_ref()),
                after = cairn_i18n::describe_answer(tr, change.after.as_ref())
            )
        );
    }
    if c.rules_changed {
        println!("  {}", t!("assess-change-rules-version"));
    }
}

async fn history(ctx: &Context, case: &CaseArg) -> Result<()> {
    let vault = ctx.open().await?;
    let case = parse_case(&case.case)?;
    let all = vault.assessments(&case).await?;
    if ctx.json() {
        return ctx.print_json(&all);
    }
    if all.is_empty() {
        println!("{}", t!("assess-history-empty"));
        return Ok(());
    }
    let instruments = instruments(None)?;
    let title = |id: &str| {
        instruments
            .iter()
            .find(|i| i.id == id)
            .map_or_else(|| id.to_owned(), |i| i.title.get(lang()).to_owned())
    };
    let level = |id: &str, level: &str| {
        instruments
            .iter()
            .find(|i| i.id == id)
            .map_or_else(|| level.to_owned(), |i| level_name(i, level))
    };
    let tr = translator();
    let mut table = Table::new(&[
        "assess-col-position",
        "assess-col-date",
        "assess-col-id",
        "assess-col-level",
    ]);
    for a in &all {
        let raised = if a.value.level_override.is_some() {
            format!(" {}", t!("assess-history-override"))
        } else {
            String::new()
        };
        table.row(vec![
            a.seq.to_string(),
            tr.timestamp(a.recorded_at),
            title(&a.value.instrument),
            format!("{}{raised}", level(&a.value.instrument, &a.value.level)),
        ]);
    }
    table.print();
    for (id, changes) in vault.assessment_changes(&case).await? {
        if let Some(instrument) = instruments.iter().find(|i| i.id == id) {
            println!();
            print_changes(instrument, &changes);
        }
    }
    Ok(())
}
