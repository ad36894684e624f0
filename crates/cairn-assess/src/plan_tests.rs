//! Golden plans: the shipped rules over answer sets of the shipped
//! instruments give exactly these options, in this order.

use super::*;
use crate::bundled;

fn rules() -> PlanRules {
    PlanRules::parse(bundled::PLAN_RULES.0, bundled::PLAN_RULES.1).unwrap()
}

/// Takes each `(instrument, answers)` pair, builds the plan for
/// `priorities`, and compares the option ids in order.
fn check(taken: &[(&str, &str)], priorities: &[&str], expected: &[&str]) {
    let instruments = bundled::instruments().unwrap();
    let find = |id: &str| instruments.iter().find(|i| i.id == id);
    let results: Vec<AssessmentRecorded> = taken
        .iter()
        .map(|(id, answers)| {
            let instrument = find(id).unwrap();
            let text = format!(
                "instrument = '{id}'\nversion = '{}'\n[answers]\n{answers}",
                instrument.version
            );
            let parsed = crate::parse_answers(instrument, "a.toml", &text).unwrap();
            crate::assess(instrument, parsed, None).unwrap()
        })
        .collect();
    let facts = Facts::from_assessments(&results, &instruments);
    let priorities: Vec<String> = priorities.iter().map(|p| p.to_string()).collect();
    let rules = rules();
    let plan: Vec<&str> = rules
        .build(&facts, &instruments, &priorities)
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(plan, expected, "{taken:?} {priorities:?}");
}

const ALWAYS: &[&str] = &[
    "strong_passwords",
    "two_factor",
    "update_software",
    "social_privacy",
    "support",
];

#[test]
fn golden_plans() {
    // Nothing known: only the options everyone is offered, in file order.
    check(&[], &[], ALWAYS);
    // Privacy first moves the privacy options up; file order breaks ties.
    check(
        &[],
        &["relationship", "privacy"],
        &[
            "support",
            "strong_passwords",
            "two_factor",
            "update_software",
            "social_privacy",
        ],
    );
    // High danger: urgent options lead, whatever the priorities.
    check(
        &[("danger-screen", "strangled = 'yes'")],
        &["privacy"],
        &[
            "emergency_contacts",
            "leave_ready",
            "strong_passwords",
            "two_factor",
            "update_software",
            "social_privacy",
            "protective_order",
            "support",
        ],
    );
    // Technology answers bring their own options; checking devices carries
    // its caution, and the children's option follows the children priority.
    check(
        &[(
            "technology-abuse",
            "physical_access = 'yes'\nchildren_devices = 'yes'\nlocation_sharing = 'yes'",
        )],
        &["children", "safety"],
        &[
            "children_devices",
            "strong_passwords",
            "social_privacy",
            "location_review",
            "check_devices",
            "support",
            "two_factor",
            "update_software",
        ],
    );
    // A minor in commercial sex: trafficking help, urgently.
    check(
        &[("trafficking-indicators", "under_18 = 'yes'\ncommercial_sex = 'yes'")],
        &[],
        &[
            "emergency_contacts",
            "trafficking_help",
            "strong_passwords",
            "two_factor",
            "update_software",
            "social_privacy",
            "support",
        ],
    );
}

#[test]
fn removing_monitoring_carries_a_caution() {
    let rules = rules();
    let option = rules.option("check_devices").unwrap();
    let cautions: Vec<&str> = option
        .steps
        .iter()
        .filter_map(|s| s.caution.as_ref())
        .map(|c| c.en.as_str())
        .collect();
    assert!(
        cautions.iter().any(|c| c.contains("can alert the abuser")),
        "{cautions:?}"
    );
}

#[test]
fn shipped_rules_name_real_items_and_resources() {
    let instruments = bundled::instruments().unwrap();
    let resources = crate::resources::parse_directory(bundled::RESOURCES.0, bundled::RESOURCES.1).unwrap();
    let text = bundled::PLAN_RULES.1;
    for quoted in text.split("item = \"").skip(1) {
        let name = quoted.split('"').next().unwrap();
        let (inst, item) = name.split_once(':').unwrap();
        if inst == "scan" {
            continue;
        }
        let instrument = instruments
            .iter()
            .find(|i| i.id == inst)
            .unwrap_or_else(|| panic!("{name}"));
        assert!(instrument.item(item).is_some(), "{name}");
    }
    for option in &rules().options {
        for r in &option.resources {
            assert!(resources.iter().any(|x| &x.id == r), "{}: {r}", option.id);
        }
        if let Offer::When { levels, .. } = &option.offer {
            for (inst, level) in levels {
                let instrument = instruments.iter().find(|i| &i.id == inst).unwrap();
                assert!(instrument.level_rank(level).is_some(), "{}: {inst} {level}", option.id);
            }
        }
    }
}

#[test]
fn bad_plan_rules_name_line_and_field() {
    let text = bundled::PLAN_RULES.1;
    for (from, to, field) in [
        ("category = \"finances\"", "category = \"money\"", "options.category"),
        ("serves = [\"resources\"]", "serves = [\"cake\"]", "options.serves"),
        ("id = \"two_factor\"", "id = \"strong_passwords\"", "options.id"),
    ] {
        let e = PlanRules::parse("p.toml", &text.replacen(from, to, 1)).unwrap_err();
        assert_eq!(e.field, field);
        assert!(e.line > 1);
    }
}
