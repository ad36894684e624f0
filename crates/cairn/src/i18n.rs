//! The command line's language: chosen once at start, then every message is
//! looked up in the shared Fluent files (`cairn-i18n`).

use std::sync::OnceLock;

pub use cairn_i18n::{Arg, Lang, Tr};

static LANGUAGE: OnceLock<Lang> = OnceLock::new();

/// Chooses the language from `--lang`, `CAIRN_LANG`, then `LC_ALL`/`LANG`.
pub fn choose(explicit: Option<&str>) -> Lang {
    let from_env = || {
        ["CAIRN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
    };
    let wanted = explicit.map(str::to_owned).or_else(from_env).unwrap_or_default();
    *LANGUAGE.get_or_init(|| Lang::parse(&wanted).unwrap_or_default())
}

pub fn translator() -> Tr {
    Tr(LANGUAGE.get().copied().unwrap_or_default())
}

pub fn tr(id: &str) -> String {
    translator().get(id)
}

pub fn tr_args(id: &str, args: &[(&'static str, Arg)]) -> String {
    translator().with(id, args)
}

/// Converts what `t!` arguments are written with; numbers stay numbers so
/// plural rules apply.
pub fn arg<T: IntoArg>(value: T) -> Arg {
    value.into_arg()
}

pub trait IntoArg {
    fn into_arg(self) -> Arg;
}

impl IntoArg for &str {
    fn into_arg(self) -> Arg {
        Arg::Text(self.to_owned())
    }
}
impl IntoArg for String {
    fn into_arg(self) -> Arg {
        Arg::Text(self)
    }
}
impl IntoArg for &String {
    fn into_arg(self) -> Arg {
        Arg::Text(self.clone())
    }
}
impl IntoArg for u64 {
    fn into_arg(self) -> Arg {
        Arg::Number(self as f64)
    }
}
impl IntoArg for usize {
    fn into_arg(self) -> Arg {
        Arg::Number(self as f64)
    }
}

/// `t!("id")` or `t!("id", name = value, …)`.
#[macro_export]
macro_rules! t {
    ($id:expr) => { $crate::i18n::tr($id) };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_args($id, &[$((stringify!($name), $crate::i18n::arg($value))),+])
    };
}
