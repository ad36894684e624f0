//! Every finding kind is explained in English and Spanish, with the same
//! messages, attributes and variables in both.

use std::collections::{BTreeMap, BTreeSet};

use cairn_scan::FindingKind;
use cairn_scan::locales::{EN_US, ES};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

type Messages = BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>;

fn vars(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    fn inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match e {
            InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_owned());
            }
            InlineExpression::Placeable { expression } => expr(expression, out),
            _ => {}
        }
    }
    fn expr(e: &Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            Expression::Inline(i) => inline(i, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    vars(&v.value, out);
                }
            }
        }
    }
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expr(expression, out);
        }
    }
}

/// message id -> (attribute names, variables used anywhere in it)
fn check(source: &str) -> Messages {
    let res = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errs)| panic!("ftl errors: {errs:?}"));
    let mut out = Messages::new();
    for e in res.body {
        if let Entry::Message(m) = e {
            let mut v = BTreeSet::new();
            if let Some(p) = &m.value {
                vars(p, &mut v);
            }
            let attrs = m.attributes.iter().map(|a| a.id.name.to_owned()).collect();
            for a in &m.attributes {
                vars(&a.value, &mut v);
            }
            out.insert(m.id.name.to_owned(), (attrs, v));
        }
    }
    out
}

#[test]
fn both_languages_explain_every_finding() {
    let en = check(EN_US);
    let es = check(ES);
    assert_eq!(
        en, es,
        "English and Spanish differ in messages, attributes or variables"
    );
    let params: BTreeSet<&str> = [
        "package",
        "app",
        "matched_by",
        "category",
        "observed",
        "count",
        "first_seen",
        "last_seen",
        "user",
        "installer",
        "permissions",
        "setting",
        "apps",
        "wireless",
        "needed_for_this_check",
        "signals",
        "patch_level",
        "age_days",
        "android_version",
    ]
    .into();
    let want: BTreeSet<String> = ["title", "means", "not-means", "caution"].map(String::from).into();
    for k in FindingKind::ALL {
        let id = format!("scan-{}", k.as_str().replace('_', "-"));
        let (attrs, vars) = en.get(&id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(attrs, &want, "{id}");
        for v in vars {
            assert!(params.contains(v.as_str()), "{id} uses unknown variable ${v}");
        }
        for plan in k.plan_options() {
            assert!(en.contains_key(&format!("scan-plan-{plan}")), "plan option {plan}");
        }
    }
    for outcome in [
        "concerns",
        "minor-only",
        "nothing-found-within-limits",
        "nothing-found-incomplete",
    ] {
        assert!(en.contains_key(&format!("scan-outcome-{outcome}")));
    }
}
