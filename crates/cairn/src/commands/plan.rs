//! `cairn plan build|show|check-password`: the survivor's safety plan.
//! Options are offered from the case's assessments and device checks; the
//! survivor decides (chosen, not now, later) and ranks what matters most.

use std::collections::BTreeMap;

use anyhow::{Result, bail};
use cairn_app::assessment::password::{Candidate, check};
use cairn_app::assessment::plan::PlanOption;
use cairn_app::assessment::resources::{Resource, parse_directory};
use cairn_app::core::{Named, PlanChoice, PlanDecision, PlanRecorded};
use cairn_app::{AppError, PlanRequest, Recorded};
use clap::{Args, Subcommand};

use crate::cli::CaseArg;
use crate::context::{Context, parse_case};
use crate::i18n::translator;
use crate::t;

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Offer plan options from the case's assessments and record the survivor's decisions.
    Build(BuildArgs),
    /// Show the latest safety plan.
    Show(ShowArgs),
    /// Write the latest safety plan as a PDF to print (full, or a safe copy).
    Export(super::plan_export::PlanExportArgs),
    /// Check how hard a password would be to guess, without keeping it.
    CheckPassword,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// What matters most to the survivor, most important first.
    #[arg(long, value_delimiter = ',', value_name = "PRIORITY")]
    pub priorities: Vec<String>,
    /// Options the survivor chose (ids, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "OPTION")]
    pub adopt: Vec<String>,
    /// Options the survivor does not want now (ids, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "OPTION")]
    pub decline: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// A copy without case details and with a neutral title.
    #[arg(long)]
    pub safe_copy: bool,
}

fn lang() -> &'static str {
    translator().0.code()
}

pub async fn run(ctx: &Context, command: &PlanCommand) -> Result<()> {
    match command {
        PlanCommand::Build(args) => build(ctx, args).await,
        PlanCommand::Show(args) => show(ctx, args).await,
        PlanCommand::Export(args) => super::plan_export::run(ctx, args).await,
        PlanCommand::CheckPassword => check_password(),
    }
}

async fn build(ctx: &Context, args: &BuildArgs) -> Result<()> {
    let mut decisions = BTreeMap::new();
    for (ids, decision) in [
        (&args.adopt, PlanDecision::Adopted),
        (&args.decline, PlanDecision::Declined),
    ] {
        for id in ids {
            decisions.insert(id.trim().to_owned(), decision);
        }
    }
    let request = PlanRequest {
        priorities: args.priorities.iter().map(|p| p.trim().to_owned()).collect(),
        decisions,
        notes: BTreeMap::new(),
    };
    let vault = ctx.open().await?;
    let case = parse_case(&args.case.case)?;
    let instruments = cairn_app::instruments(&[])?;
    let recorded = vault.build_plan(&case, &instruments, &request).await?;
    if ctx.json() {
        return ctx.print_json(&recorded);
    }
    let plan = &recorded.value;
    println!(
        "{}",
        t!(
            "plan-recorded",
            version = u64::from(plan.version),
            seq = recorded.seq,
            count = plan.options.len()
        )
    );
    print_plan(&recorded, false)
}

async fn show(ctx: &Context, args: &ShowArgs) -> Result<()> {
    let vault = ctx.open().await?;
    let case = parse_case(&args.case.case)?;
    let plans = vault.plans(&case).await?;
    let Some(latest) = plans.last() else {
        println!("{}", t!("plan-none"));
        return Ok(());
    };
    if ctx.json() {
        return ctx.print_json(latest);
    }
    print_plan(latest, args.safe_copy)
}

/// Prints a plan with every option's why, steps, cautions and resources. A
/// safe copy has a neutral title and no version, date, notes or decisions
/// to decline: only the options the survivor chose or left for later.
fn print_plan(recorded: &Recorded<PlanRecorded>, safe_copy: bool) -> Result<()> {
    let rules = cairn_app::plan_rules()?;
    let (file, text) = cairn_app::assessment::bundled::RESOURCES;
    let resources = parse_directory(file, text).map_err(AppError::from)?;
    let plan = &recorded.value;
    let tr = translator();
    println!();
    if safe_copy {
        println!("{}", t!("plan-safe-title"));
    } else {
        println!(
            "{}",
            t!(
                "plan-title",
                version = u64::from(plan.version),
                date = tr.timestamp(recorded.recorded_at)
            )
        );
        if !plan.priorities.is_empty() {
            let list: Vec<String> = plan
                .priorities
                .iter()
                .map(|p| t!(&format!("plan-priority-{p}")))
                .collect();
            println!("{}", t!("plan-priorities", list = list.join(", ")));
        }
    }
    for (n, choice) in plan.options.iter().enumerate() {
        if safe_copy && choice.decision == PlanDecision::Declined {
            continue;
        }
        let Some(option) = rules.option(&choice.option) else {
            continue;
        };
        print_option(n + 1, option, choice, &resources, safe_copy);
    }
    Ok(())
}

fn print_option(n: usize, option: &PlanOption, choice: &PlanChoice, resources: &[Resource], safe_copy: bool) {
    println!();
    let category = t!(&format!("plan-category-{}", option.category));
    let decision = t!(&format!("plan-decision-{}", choice.decision.name()));
    println!("{n}. {} — {category} ({decision})", option.title.get(lang()));
    println!("   {} {}", t!("plan-why-label"), option.why.get(lang()));
    for (s, step) in option.steps.iter().enumerate() {
        println!("   {}) {}", s + 1, step.text.get(lang()));
        if let Some(caution) = &step.caution {
            println!("      ⚠ {} {}", t!("plan-caution-label"), caution.get(lang()));
        }
    }
    let linked: Vec<&Resource> = option
        .resources
        .iter()
        .filter_map(|id| resources.iter().find(|r| &r.id == id))
        .collect();
    if !linked.is_empty() {
        println!("   {}", t!("plan-resources-label"));
        for r in linked {
            let contact = [r.phone.as_deref(), r.website.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
            println!("     {} — {contact}", r.name);
        }
    }
    if let (Some(note), false) = (&choice.note, safe_copy) {
        println!("   {} {note}", t!("plan-note-label"));
    }
}

/// Reads a password without echo and says how guessable it is. The
/// password is zeroized when the check ends and is never written anywhere.
fn check_password() -> Result<()> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() {
        bail!(t!("plan-password-no-terminal"));
    }
    let entered = rpassword::prompt_password(format!("{}: ", t!("plan-password-prompt")))?;
    let verdict = check(&Candidate::new(entered), &[]);
    println!("{}", t!("plan-password-score", score = u64::from(verdict.score)));
    let tr = translator();
    for name in verdict.warning.iter().chain(&verdict.suggestions) {
        let id = format!("zxcvbn-{name}");
        if tr.has(&id) {
            println!("  {}", tr.get(&id));
        }
    }
    let key = if verdict.is_strong() {
        "plan-password-strong"
    } else {
        "plan-password-weak"
    };
    println!("{}", t!(key));
    Ok(())
}
