//! Every string a person reads comes from the Fluent files in `locales/`,
//! English and Spanish. This module picks the language and looks strings up;
//! `help.rs` applies the same files to clap's help text.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en-US",
        // Isolation marks are for bidirectional UIs; in a terminal they are
        // invisible bytes that break copying ids and grepping output.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

pub const ENGLISH: LanguageIdentifier = langid!("en-US");
pub const SPANISH: LanguageIdentifier = langid!("es");

static LANGUAGE: OnceLock<LanguageIdentifier> = OnceLock::new();

/// Chooses the language from `--lang`, `CAIRN_LANG`, then `LC_ALL`/`LANG`.
pub fn choose(explicit: Option<&str>) -> LanguageIdentifier {
    let from_env = || {
        ["CAIRN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
    };
    let wanted = explicit.map(str::to_owned).or_else(from_env).unwrap_or_default();
    let language = if wanted.to_ascii_lowercase().starts_with("es") {
        SPANISH
    } else {
        ENGLISH
    };
    LANGUAGE.get_or_init(|| language.clone()).clone()
}

pub fn language() -> LanguageIdentifier {
    LANGUAGE.get().cloned().unwrap_or(ENGLISH)
}

/// Looks up `id` in the current language, falling back to English.
pub fn tr(id: &str) -> String {
    LOCALES.lookup(&language(), id)
}

pub fn try_tr(lang: &LanguageIdentifier, id: &str) -> Option<String> {
    LOCALES.try_lookup(lang, id)
}

/// Looks up `id` with named arguments.
pub fn tr_args(id: &str, args: &[(&'static str, FluentArg)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue> =
        args.iter().map(|(k, v)| (Cow::Borrowed(*k), v.to_fluent())).collect();
    LOCALES.lookup_with_args(&language(), id, &map)
}

/// An argument value; numbers stay numbers so plural rules apply.
#[derive(Debug, Clone)]
pub enum FluentArg {
    Text(String),
    Number(f64),
}

impl FluentArg {
    fn to_fluent(&self) -> FluentValue<'static> {
        match self {
            FluentArg::Text(s) => FluentValue::from(s.clone()),
            FluentArg::Number(n) => FluentValue::from(*n),
        }
    }
}

impl From<&str> for FluentArg {
    fn from(s: &str) -> Self {
        FluentArg::Text(s.to_owned())
    }
}
impl From<String> for FluentArg {
    fn from(s: String) -> Self {
        FluentArg::Text(s)
    }
}
impl From<&String> for FluentArg {
    fn from(s: &String) -> Self {
        FluentArg::Text(s.clone())
    }
}
impl From<u64> for FluentArg {
    fn from(n: u64) -> Self {
        FluentArg::Number(n as f64)
    }
}
impl From<usize> for FluentArg {
    fn from(n: usize) -> Self {
        FluentArg::Number(n as f64)
    }
}

/// `t!("id")` or `t!("id", name = value, …)`.
#[macro_export]
macro_rules! t {
    ($id:expr) => { $crate::i18n::tr($id) };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_args($id, &[$((stringify!($name), $crate::i18n::FluentArg::from($value))),+])
    };
}
