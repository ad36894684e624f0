use crate::validate::{self, Invalid};

/// A closed vocabulary with stable snake_case names: the names are what the
/// journal stores, the CLI accepts and the translations key on.
pub trait Named: Sized + Copy + 'static {
    const FIELD: &'static str;
    const ALL: &'static [(&'static str, Self)];

    fn name(self) -> &'static str
    where
        Self: PartialEq,
    {
        Self::ALL
            .iter()
            .find(|(_, v)| *v == self)
            .map(|(n, _)| *n)
            .unwrap_or("unknown")
    }

    fn parse_named(value: &str) -> Result<Self, Invalid> {
        validate::one_of(Self::FIELD, value, Self::ALL)
    }
}

/// Implements [`Named`] and serde's string form for an enum from one table.
macro_rules! named_enum {
    ($(#[$doc:meta])* $name:ident, $field:literal { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum $name { $($variant),+ }

        impl $crate::domain::Named for $name {
            const FIELD: &'static str = $field;
            const ALL: &'static [(&'static str, Self)] = &[$(($text, $name::$variant)),+];
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::domain::Named::name(*self))
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::validate::Invalid;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$name as $crate::domain::Named>::parse_named(s)
            }
        }
    };
}
pub(crate) use named_enum;
