use std::collections::BTreeSet;

use jiff::civil::{Date, DateTime, Time};
use serde::{Deserialize, Serialize};

use super::names::{Named, named_enum};
use crate::ids::{EvidenceId, IncidentId, SubjectId};
use crate::validate::{Invalid, Reason};

named_enum!(
    /// How the behaviour reached the survivor.
    Channel, "channel" {
        InPerson = "in_person",
        Call = "call",
        Text = "text",
        SocialMedia = "social_media",
        Email = "email",
        GpsTracker = "gps_tracker",
        SmartDevice = "smart_device",
        Financial = "financial",
        Other = "other",
    }
);

named_enum!(
    /// The four categories of stalking behaviour of the SLII framework
    /// (Logan & Walker): surveillance, life invasion, intimidation, interference.
    Slii, "behaviour category" {
        Surveillance = "surveillance",
        LifeInvasion = "life_invasion",
        Intimidation = "intimidation",
        Interference = "interference",
    }
);

named_enum!(
    /// Specific behaviours, each belonging to one SLII category.
    Behaviour, "behaviour" {
        Following = "following",
        Watching = "watching",
        LocationTracking = "location_tracking",
        MonitoringDevices = "monitoring_devices",
        MonitoringAccounts = "monitoring_accounts",
        CheckingThroughOthers = "checking_through_others",
        UnwantedContact = "unwanted_contact",
        ShowingUp = "showing_up",
        ContactingFamilyOrFriends = "contacting_family_or_friends",
        ContactingEmployer = "contacting_employer",
        PostingOnline = "posting_online",
        Impersonation = "impersonation",
        UnwantedGifts = "unwanted_gifts",
        Threats = "threats",
        ThreatsToOthers = "threats_to_others",
        ThreatToShareImages = "threat_to_share_images",
        PropertyDamage = "property_damage",
        HarmingPets = "harming_pets",
        PhysicalViolence = "physical_violence",
        SexualViolence = "sexual_violence",
        FinancialSabotage = "financial_sabotage",
        WorkSabotage = "work_sabotage",
        AccountTakeover = "account_takeover",
        ChildCustodyInterference = "child_custody_interference",
        Other = "other",
    }
);

impl Behaviour {
    pub fn category(self) -> Option<Slii> {
        use Behaviour::*;
        Some(match self {
            Following
            | Watching
            | LocationTracking
            | MonitoringDevices
            | MonitoringAccounts
            | CheckingThroughOthers => Slii::Surveillance,
            UnwantedContact
            | ShowingUp
            | ContactingFamilyOrFriends
            | ContactingEmployer
            | PostingOnline
            | Impersonation
            | UnwantedGifts => Slii::LifeInvasion,
            Threats | ThreatsToOthers | ThreatToShareImages | PropertyDamage | HarmingPets => Slii::Intimidation,
            PhysicalViolence
            | SexualViolence
            | FinancialSabotage
            | WorkSabotage
            | AccountTakeover
            | ChildCustodyInterference => Slii::Interference,
            Other => return None,
        })
    }
}

named_enum!(
    /// How sure the survivor is of when it happened.
    Precision, "precision" {
        Exact = "exact",
        Approximate = "approximate",
        DateOnly = "date_only",
    }
);

/// When an incident happened, in the survivor's local civil time: people
/// remember "about ten at night on the 2nd", not an instant in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OccurredAt {
    pub date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<Time>,
    pub precision: Precision,
}

impl OccurredAt {
    /// Parses `2026-01-02`, `2026-01-02T22:10` or `2026-01-02 22:10[:ss]`.
    /// A value without a time is date-only whatever `approximate` says.
    /// `today` bounds the value: an incident cannot be reported in advance.
    pub fn parse(input: &str, approximate: bool, today: Date) -> Result<Self, Invalid> {
        let bad = |reason| Invalid::new("when", input, reason);
        let text = input.trim();
        let (date, time) = match text.len() {
            10 => (text.parse::<Date>().map_err(|_| bad(Reason::NotADateTime))?, None),
            _ => {
                let dt = text
                    .replacen(' ', "T", 1)
                    .parse::<DateTime>()
                    .map_err(|_| bad(Reason::NotADateTime))?;
                (
                    dt.date(),
                    Some(
                        dt.time()
                            .with()
                            .subsec_nanosecond(0)
                            .build()
                            .map_err(|_| bad(Reason::NotADateTime))?,
                    ),
                )
            }
        };
        // One day of slack: the person's zone may be ahead of the machine's.
        if date > today.tomorrow().map_err(|_| bad(Reason::NotADateTime))? {
            return Err(bad(Reason::InTheFuture));
        }
        let precision = match (time, approximate) {
            (None, _) => Precision::DateOnly,
            (Some(_), true) => Precision::Approximate,
            (Some(_), false) => Precision::Exact,
        };
        Ok(Self { date, time, precision })
    }

    /// A sortable key: date-only incidents sort at the start of their day.
    pub fn sort_key(&self) -> String {
        match self.time {
            Some(t) => format!("{}T{}", self.date, t.strftime("%H:%M:%S")),
            None => format!("{}T00:00:00", self.date),
        }
    }

    /// Human form: `2026-01-02 22:10`, `~2026-01-02 22:10`, `2026-01-02`.
    pub fn display(&self) -> String {
        match (self.time, self.precision) {
            (Some(t), Precision::Approximate) => format!("~{} {}", self.date, t.strftime("%H:%M")),
            (Some(t), _) => format!("{} {}", self.date, t.strftime("%H:%M")),
            (None, _) => self.date.to_string(),
        }
    }
}

/// Fear on the 0–10 scale the survivor chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Fear(u8);

impl Fear {
    pub fn new(level: i64) -> Result<Self, Invalid> {
        u8::try_from(level)
            .ok()
            .filter(|l| *l <= 10)
            .map(Fear)
            .ok_or_else(|| Invalid::new("fear", level.to_string(), Reason::OutOfRange { min: 0, max: 10 }))
    }
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Fear {
    type Error = Invalid;
    fn try_from(v: u8) -> Result<Self, Invalid> {
        Fear::new(i64::from(v))
    }
}

impl From<Fear> for u8 {
    fn from(f: Fear) -> u8 {
        f.0
    }
}

/// One incident as the survivor describes it. Amending an incident appends a
/// complete new version under the same id; earlier versions stay in the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Incident {
    pub id: IncidentId,
    pub occurred: OccurredAt,
    pub channel: Channel,
    /// SLII categories: those of the behaviours plus any tagged directly.
    pub categories: BTreeSet<Slii>,
    #[serde(default)]
    pub behaviours: BTreeSet<Behaviour>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<SubjectId>,
    pub narrative: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default)]
    pub witnesses: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub police_report: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub injuries: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fear: Option<Fear>,
    #[serde(default)]
    pub evidence: Vec<EvidenceId>,
}

impl Incident {
    /// Sorts behaviour words into behaviours and SLII categories; each word
    /// may name either (e.g. `intimidation` or `threats`).
    pub fn classify(words: &[String]) -> Result<(BTreeSet<Slii>, BTreeSet<Behaviour>), Invalid> {
        let mut categories = BTreeSet::new();
        let mut behaviours = BTreeSet::new();
        for word in words {
            if let Ok(category) = Slii::parse_named(word) {
                categories.insert(category);
                continue;
            }
            let behaviour = Behaviour::parse_named(word).map_err(|_| {
                let allowed = Slii::ALL
                    .iter()
                    .map(|(n, _)| *n)
                    .chain(Behaviour::ALL.iter().map(|(n, _)| *n))
                    .collect();
                Invalid::new("behaviour", word.as_str(), Reason::NotOneOf { allowed })
            })?;
            categories.extend(behaviour.category());
            behaviours.insert(behaviour);
        }
        Ok((categories, behaviours))
    }
}

/// A new version of an incident, superseding the version recorded by the
/// event at `supersedes` (its journal sequence number).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncidentAmended {
    pub supersedes: u64,
    pub reason: String,
    pub incident: Incident,
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn check(input: &str, approximate: bool, expected: Result<&str, Reason>) {
        let today = date(2026, 11, 21);
        match (OccurredAt::parse(input, approximate, today), expected) {
            (Ok(at), Ok(shown)) => assert_eq!(at.display(), shown, "{input}"),
            (Err(e), Err(reason)) => assert_eq!((e.field, e.reason), ("when", reason), "{input}"),
            (got, want) => panic!("{input}: got {got:?}, want {want:?}"),
        }
    }

    #[test]
    fn when_is_parsed_with_its_precision() {
        check("2026-01-02T22:10", false, Ok("2026-01-02 22:10"));
        check("2026-01-02 22:10:59", true, Ok("~2026-01-02 22:10"));
        check("2026-01-02", true, Ok("2026-01-02"));
        check("2026-11-22", false, Ok("2026-11-22"));
        check("2026-11-24", false, Err(Reason::InTheFuture));
        check("02/01/2026", false, Err(Reason::NotADateTime));
        check("2026-02-30", false, Err(Reason::NotADateTime));
        check("", false, Err(Reason::NotADateTime));
    }

    #[test]
    fn date_only_sorts_at_start_of_day() {
        let today = date(2026, 11, 21);
        let a = OccurredAt::parse("2026-01-02", false, today).unwrap();
        let b = OccurredAt::parse("2026-01-02T00:01", false, today).unwrap();
        assert_eq!(a.precision, Precision::DateOnly);
        assert!(a.sort_key() < b.sort_key());
    }

    #[test]
    fn behaviours_imply_their_categories() {
        let words = ["threats".to_string(), "surveillance".to_string()];
        let (cats, behaviours) = Incident::classify(&words).unwrap();
        assert_eq!(
            cats.into_iter().collect::<Vec<_>>(),
            vec![Slii::Surveillance, Slii::Intimidation]
        );
        assert_eq!(behaviours.into_iter().collect::<Vec<_>>(), vec![Behaviour::Threats]);
        let err = Incident::classify(&["yelling".to_string()]).unwrap_err();
        assert_eq!(err.field, "behaviour");
    }

    #[test]
    fn fear_is_bounded() {
        assert_eq!(Fear::new(10).unwrap().get(), 10);
        assert!(Fear::new(11).is_err());
        assert!(Fear::new(-1).is_err());
        assert!(serde_json::from_str::<Fear>("12").is_err());
    }
}
