//! The review lexicon: phrases that make a message worth a person's look.
//!
//! A match flags a message **for review by a person**. It is not a finding
//! and never a label: nothing in Cairn may call a message a threat because
//! the lexicon matched it. The list favours recall ("cuídate" is also said
//! kindly), since a missed message costs more than a second look.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

const BUNDLED: &str = include_str!("../lexicon/review.toml");

/// Why a phrase is on the list (not what a matching message is: a person
/// decides that). Data, not words: interfaces translate [`Self::name`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewCategory {
    Threat,
    Intimidation,
    Surveillance,
    /// Coercion and control ("if you leave", "si me dejas").
    Coercion,
    /// A threat of self-harm used to control ("I'll kill myself").
    SelfHarm,
}

impl ReviewCategory {
    /// The snake_case name the translations key on.
    pub fn name(self) -> &'static str {
        match self {
            ReviewCategory::Threat => "threat",
            ReviewCategory::Intimidation => "intimidation",
            ReviewCategory::Surveillance => "surveillance",
            ReviewCategory::Coercion => "coercion",
            ReviewCategory::SelfHarm => "self_harm",
        }
    }
}

/// A phrase found in a text, to be reviewed by a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LexiconHit {
    /// The phrase as the lexicon writes it.
    pub term: String,
    pub category: ReviewCategory,
    /// The lexicon's language tag for the phrase (`en`, `es`).
    pub lang: String,
    /// Byte range in the text given to [`Lexicon::find`]; always on
    /// character boundaries, so `&text[start..end]` is the matched words.
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("lexicon is not valid: {0}")]
    Syntax(String),
    #[error("lexicon term {term:?} ({lang}) is empty once folded")]
    EmptyTerm { lang: String, term: String },
    #[error("lexicon matcher could not be built: {0}")]
    Build(#[from] aho_corasick::BuildError),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    version: String,
    terms: BTreeMap<String, BTreeMap<ReviewCategory, Vec<String>>>,
}

#[derive(Debug)]
struct Term {
    text: String,
    lang: String,
    category: ReviewCategory,
}

/// A compiled review lexicon.
#[derive(Debug)]
pub struct Lexicon {
    version: String,
    terms: Vec<Term>,
    matcher: AhoCorasick,
}

impl Lexicon {
    /// The lexicon shipped in this crate (`lexicon/review.toml`), compiled once.
    pub fn bundled() -> &'static Lexicon {
        static BUNDLED_LEXICON: OnceLock<Lexicon> = OnceLock::new();
        // The file is part of the build and a test parses it, so failing here
        // is a broken build, not bad input.
        BUNDLED_LEXICON.get_or_init(|| Lexicon::parse(BUNDLED).expect("bundled review lexicon is valid"))
    }

    /// Compiles a lexicon in the bundled file's format.
    pub fn parse(source: &str) -> Result<Lexicon, LexiconError> {
        let file: LexiconFile = toml::from_str(source).map_err(|e| LexiconError::Syntax(e.message().to_owned()))?;
        let mut terms = Vec::new();
        let mut folded = Vec::new();
        for (lang, categories) in file.terms {
            for (category, list) in categories {
                for text in list {
                    let key = fold(&text).text.trim().to_owned();
                    if key.is_empty() {
                        return Err(LexiconError::EmptyTerm { lang, term: text });
                    }
                    // The same words twice (across languages too) would be
                    // reported twice; the first entry wins.
                    if !folded.contains(&key) {
                        folded.push(key);
                        terms.push(Term {
                            text,
                            lang: lang.clone(),
                            category,
                        });
                    }
                }
            }
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&folded)?;
        let digest = Sha256::digest(source.as_bytes());
        let hash: String = digest[..6].iter().map(|b| format!("{b:02x}")).collect();
        Ok(Lexicon {
            version: format!("{}+{hash}", file.version),
            terms,
            matcher,
        })
    }

    /// The list's declared version and a hash of its file, e.g.
    /// `review-2026.1+3f2a…`: record it with every flag so the list that
    /// raised a flag can be found again.
    pub fn version(&self) -> &str {
        &self.version
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether `text` has anything for a person to review.
    pub fn needs_review(&self, text: &str) -> bool {
        // Any phrase on word boundaries is a hit (overlaps only matter for
        // which hits `find` reports), so this stops at the first.
        let hay = if text.is_ascii() {
            fold_ascii(text)
        } else {
            let mut hay = String::with_capacity(text.len());
            fold_into(text, &mut hay, |_, _| {});
            hay
        };
        // Most messages hold no phrase at all, and one search with the
        // matcher's prefilter says so; only a hit pays for the overlapping
        // walk that checks word boundaries.
        self.matcher.is_match(hay.as_str())
            && self
                .matcher
                .find_overlapping_iter(hay.as_str())
                .any(|m| on_boundary(&hay, m.start(), m.end()))
    }

    /// Phrases of the lexicon in `text`, ignoring case, accents and
    /// apostrophe style, on word boundaries, left to right; where phrases
    /// overlap, the longer (then earlier-listed) one is kept. Each hit flags
    /// the text for review by a person; none says what the text is.
    /// Never panics, whatever the input.
    pub fn find(&self, text: &str) -> Vec<LexiconHit> {
        let folded = fold(text);
        let hay = folded.text.as_str();
        let mut found: Vec<(usize, usize, usize)> = self
            .matcher
            .find_overlapping_iter(hay)
            .filter(|m| on_boundary(hay, m.start(), m.end()))
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        found.sort_unstable_by_key(|&(start, end, id)| (start, std::cmp::Reverse(end), id));
        let mut hits = Vec::new();
        let mut taken = 0;
        for (start, end, id) in found {
            if start < taken {
                continue;
            }
            taken = end;
            let term = &self.terms[id];
            hits.push(LexiconHit {
                term: term.text.clone(),
                category: term.category,
                lang: term.lang.clone(),
                start: folded.origin[start],
                end: folded.origin[end],
            });
        }
        hits
    }
}

/// Folded text and, for each of its bytes, where in the original it came from.
struct Folded {
    text: String,
    /// One entry per byte of `text`, plus the original's length at the end.
    origin: Vec<usize>,
}

/// Lower case, no accents, straight apostrophes, single spaces. Marks that
/// carry no letter (combining accents, zero-width characters, soft hyphens)
/// vanish, so "mata\u{301}r" and "ma\u{200b}tar" read as "matar".
fn fold(original: &str) -> Folded {
    let mut text = String::with_capacity(original.len());
    let mut origin = Vec::with_capacity(original.len() + 1);
    fold_into(original, &mut text, |at, bytes| {
        origin.extend(std::iter::repeat_n(at, bytes))
    });
    origin.push(original.len());
    Folded { text, origin }
}

/// [`fold`] into `text`, telling `origin` where each pushed character came
/// from and how many bytes it took. Most messages are ASCII, and an import
/// folds every one of them: ASCII skips the Unicode tables.
fn fold_into(original: &str, text: &mut String, mut origin: impl FnMut(usize, usize)) {
    let mut push = |text: &mut String, c: char, at: usize| {
        text.push(c);
        origin(at, c.len_utf8());
    };
    for (at, c) in original.char_indices() {
        if c.is_whitespace() {
            if !text.ends_with(' ') {
                push(text, ' ', at);
            }
            continue;
        }
        if c.is_ascii() {
            let lower = c.to_ascii_lowercase();
            push(text, if lower == '`' { '\'' } else { lower }, at);
            continue;
        }
        for lower in c.to_lowercase() {
            if let Some(f) = fold_char(lower) {
                push(text, f, at);
            }
        }
    }
}

/// [`fold_into`] for ASCII text, where nobody needs to know where each
/// character came from: the same result, without a branch per byte (an
/// import folds a million messages, and which bytes are spaces is the kind
/// of thing a processor cannot predict).
fn fold_ascii(original: &str) -> String {
    let mut text = vec![0u8; original.len()];
    let mut len = 0;
    let mut after_space = false;
    for &b in original.as_bytes() {
        let folded = ASCII_FOLD[usize::from(b & 0x7f)];
        let space = folded == b' ';
        text[len] = folded;
        len += usize::from(!(space && after_space));
        after_space = space;
    }
    text.truncate(len);
    // ASCII in, ASCII out.
    String::from_utf8(text).unwrap_or_default()
}

/// Each ASCII byte folded: lower case, a straight apostrophe for a
/// backtick, a space for whatever `char::is_whitespace` calls white (which
/// includes the vertical tab that `u8::is_ascii_whitespace` leaves out).
const ASCII_FOLD: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => b' ',
            b'`' => b'\'',
            other => other.to_ascii_lowercase(),
        };
        b += 1;
    }
    table
};

fn fold_char(c: char) -> Option<char> {
    Some(match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ō' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        'ý' | 'ÿ' => 'y',
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' | '`' | '´' => '\'',
        '\u{0300}'..='\u{036F}' | '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => return None,
        other => other,
    })
}

/// Both ends of `hay[start..end]` touch a non-letter or the edge.
fn on_boundary(hay: &str, start: usize, end: usize) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    !word(hay[..start].chars().next_back()) && !word(hay[end..].chars().next())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hits in `text`, rendered as `category:matched words` (from the original).
    fn check(text: &str, expect: &[&str]) {
        let hits = Lexicon::bundled().find(text);
        let got: Vec<String> = hits
            .iter()
            .map(|h| format!("{}:{}", h.category.name(), &text[h.start..h.end]))
            .collect();
        assert_eq!(got, expect, "in {text:?}");
        assert_eq!(Lexicon::bundled().needs_review(text), !expect.is_empty(), "in {text:?}");
    }

    #[test]
    fn ascii_is_folded_as_any_text_is() {
        let every_byte: String = (0u8..128).map(char::from).collect();
        let samples = [
            every_byte.as_str(),
            "",
            " ",
            "\t\x0b\x0c \r\n",
            "  Watch \t YOUR\r\nback  ",
            "`Don`t`",
            "I WILL kill\x0byou",
        ];
        for text in samples {
            assert_eq!(fold_ascii(text), fold(text).text, "in {text:?}");
        }
    }

    #[test]
    fn english() {
        check("I will KILL YOU", &["threat:KILL YOU"]);
        check("You\u{2019}ll regret this", &["threat:You\u{2019}ll regret"]);
        check("i know where you are right now", &["surveillance:i know where you are"]);
        check("I saw you with him.", &["surveillance:I saw you with"]);
        check("watch   your\nback", &["intimidation:watch   your\nback"]);
        check(
            "If you leave, I'll kill myself",
            &["coercion:If you leave", "self_harm:I'll kill myself"],
        );
        // Word boundaries: "skill you" and "kill young" are not "kill you".
        check("what a skill you have, kill young weeds", &[]);
        check("you can't leave", &["coercion:you can't leave"]);
    }

    #[test]
    fn spanish_without_accents_or_with_decomposed_ones() {
        check("Te voy a matar", &["threat:Te voy a matar"]);
        check("te vas a arrepentir!!", &["threat:te vas a arrepentir"]);
        check("se donde estas", &["surveillance:se donde estas"]);
        check("SÉ DÓNDE ESTÁS", &["surveillance:SÉ DÓNDE ESTÁS"]);
        // e + U+0301 (decomposed), as some keyboards send it.
        check(
            "se\u{301} do\u{301}nde esta\u{301}s",
            &["surveillance:se\u{301} do\u{301}nde esta\u{301}s"],
        );
        check("ayer te vi con ella", &["surveillance:te vi con"]);
        check(
            "si me dejas me voy a matar",
            &["coercion:si me dejas", "self_harm:me voy a matar"],
        );
        check("Cuídate.", &["intimidation:Cuídate"]);
        // The longer phrase wins over the one inside it.
        check("cuidate la espalda", &["intimidation:cuidate la espalda"]);
        check("me las vas a pagar", &["threat:me las vas a pagar"]);
    }

    #[test]
    fn offsets_point_into_the_original() {
        let text = "Hola 😀 — TE VOY A MATAR, ¿me oyes?";
        let hits = Lexicon::bundled().find(text);
        assert_eq!(hits.len(), 1);
        assert_eq!(&text[hits[0].start..hits[0].end], "TE VOY A MATAR");
        assert_eq!(hits[0].term, "te voy a matar");
        assert_eq!(hits[0].lang, "es");
        // A zero-width space inside a word does not hide it.
        check("te voy a ma\u{200b}tar", &["threat:te voy a ma\u{200b}tar"]);
    }

    #[test]
    fn bundled_list_is_sound() {
        let lex = Lexicon::bundled();
        assert!(lex.version().starts_with("review-2026.1+"), "{}", lex.version());
        assert_eq!(lex.version().len(), "review-2026.1+".len() + 12);
        let file: LexiconFile = toml::from_str(BUNDLED).unwrap();
        for (lang, categories) in &file.terms {
            let n: usize = categories.values().map(Vec::len).sum();
            assert!((40..=80).contains(&n), "{lang}: {n} terms");
            assert_eq!(categories.len(), 5, "{lang} has every category");
        }
        // No entry is shadowed by an identical one once folded.
        let total: usize = file.terms.values().flat_map(|c| c.values()).map(Vec::len).sum();
        assert_eq!(lex.len(), total);
        // Every phrase finds itself, whole.
        for term in &lex.terms {
            let hits = lex.find(&term.text);
            assert_eq!(
                hits.first().map(|h| (h.start, h.end)),
                Some((0, term.text.len())),
                "{}",
                term.text
            );
        }
    }

    #[test]
    fn bad_files_are_errors() {
        assert!(matches!(Lexicon::parse("version = 1"), Err(LexiconError::Syntax(_))));
        assert!(matches!(
            Lexicon::parse("version = \"x\"\n[terms.en]\nrumour = [\"a\"]"),
            Err(LexiconError::Syntax(_))
        ));
        assert!(matches!(
            Lexicon::parse("version = \"x\"\n[terms.en]\nthreat = [\" \u{301} \"]"),
            Err(LexiconError::EmptyTerm { .. })
        ));
        let lex = Lexicon::parse("version = \"v\"\n[terms.en]\nthreat = [\"a b\"]").unwrap();
        assert_eq!(lex.find("x a  b y").len(), 1);
    }

    #[test]
    fn odd_inputs_never_panic() {
        let lex = Lexicon::bundled();
        let long_threat = format!("{} te voy a matar", "ä\u{301}".repeat(100_000));
        let mut inputs: Vec<String> = [
            "",
            " ",
            "\u{301}",
            "\u{301}\u{301}te voy a matar\u{301}",
            "İSTANBUL kill you İ",
            "ﬁ ß ẞ ǅ",
            "مرحبا kill you שלום",
            "\u{202e}kill you\u{202c}",
            "\u{feff}\u{200d}\u{200b}",
            "\0kill you\0",
            "kill you",
            "'''''",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        inputs.push(long_threat);
        inputs.push("kill you ".repeat(50_000));
        // Every prefix of a mixed string, cut at each character boundary.
        let mixed = "Sé\u{301} dó\u{302}nde İ 😀 estás — kill you";
        inputs.extend(mixed.char_indices().map(|(i, _)| mixed[..i].to_string()));
        for text in &inputs {
            for hit in lex.find(text) {
                assert!(hit.start <= hit.end && hit.end <= text.len());
                assert!(text.is_char_boundary(hit.start) && text.is_char_boundary(hit.end));
                let _ = &text[hit.start..hit.end];
            }
        }
        assert_eq!(lex.find(&"kill you ".repeat(50_000)).len(), 50_000);
        assert_eq!(lex.find(&inputs[12]).len(), 1);
    }
}
