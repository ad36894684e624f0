//! An on-the-spot password strength check for the safety plan. The password
//! is held in a zeroizing buffer, never cloned, printed or stored; only the
//! verdict (a 0–4 score and feedback names) leaves this module.

use zeroize::Zeroizing;

/// A password someone is thinking of using. Deliberately neither `Debug`,
/// `Clone` nor `Serialize`, so it cannot reach a log, a journal or a page.
pub struct Candidate(Zeroizing<String>);

impl Candidate {
    pub fn new(password: String) -> Self {
        Candidate(Zeroizing::new(password))
    }
}

/// What the check found, without the password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Strength {
    /// 0 (guessed at once) to 4 (very hard to guess).
    pub score: u8,
    /// zxcvbn's warning as a kebab-case name, for translation.
    pub warning: Option<String>,
    /// zxcvbn's suggestions, likewise.
    pub suggestions: Vec<String>,
}

impl Strength {
    /// Strong enough for an account the person causing harm may try.
    pub fn is_strong(&self) -> bool {
        self.score >= 3
    }
}

/// Checks a candidate. `personal` are words an abuser would try first
/// (names, birthdays, pets); zxcvbn's dictionaries are English only, so
/// these matter most for people who speak other languages.
pub fn check(candidate: &Candidate, personal: &[&str]) -> Strength {
    let estimate = zxcvbn::zxcvbn(&candidate.0, personal);
    let feedback = estimate.feedback();
    Strength {
        score: estimate.score() as u8,
        warning: feedback
            .and_then(|f| f.warning())
            .map(|w| feedback_name(&format!("{w:?}"))),
        suggestions: feedback
            .map(|f| {
                f.suggestions()
                    .iter()
                    .map(|s| feedback_name(&format!("{s:?}")))
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// zxcvbn feedback variant names in kebab case, for Fluent ids:
/// `StraightRowsOfKeysAreEasyToGuess` → `straight-rows-of-keys-are-easy-to-guess`.
pub fn feedback_name(variant: &str) -> String {
    let mut out = String::new();
    for (n, c) in variant.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if n > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_case(password: &str, personal: &[&str], strong: bool) {
        let verdict = check(&Candidate::new(password.to_owned()), personal);
        assert_eq!(verdict.is_strong(), strong, "{verdict:?}");
    }

    #[test]
    fn strength() {
        check_case("password1", &[], false);
        check_case("qwertyuiop", &[], false);
        check_case("maria1985", &["maria", "1985"], false);
        check_case("correct-violin-harbour-41-tangle", &[], true);
        let weak = check(&Candidate::new("password".into()), &[]);
        assert!(weak.warning.is_some_and(|w| {
            w.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        }));
    }
}
