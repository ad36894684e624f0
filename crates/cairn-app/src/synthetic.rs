//! Deterministic synthetic records for benchmarks and load tests. The
//! product never calls this; it lives here so every benchmark builds the
//! same realistic shapes instead of each inventing its own.

use cairn_core::{Behaviour, Channel, EventBody, Incident, IncidentId, Named, OccurredAt, Precision, Slii};

/// The `n`th synthetic incident: spread over two years, every channel and
/// SLII category, with a narrative of typical length.
pub fn incident(n: u64) -> EventBody {
    let day = (n % 730) as i64;
    let date = jiff::civil::date(2024, 1, 1)
        .checked_add(jiff::Span::new().days(day))
        .unwrap_or(jiff::civil::date(2024, 1, 1));
    let time = jiff::civil::time((n % 24) as i8, (n % 60) as i8, 0, 0);
    let channel = Channel::ALL[(n as usize) % Channel::ALL.len()].1;
    let behaviour = Behaviour::ALL[(n as usize) % (Behaviour::ALL.len() - 1)].1;
    let mut categories = std::collections::BTreeSet::new();
    categories.extend(behaviour.category());
    categories.insert(Slii::ALL[(n as usize / 7) % Slii::ALL.len()].1);
    EventBody::IncidentRecorded(Incident {
        // Ids keep 60 of the 64 bits; (n × odd) mod 2^60 is unique for every n.
        id: IncidentId::from_random((n.wrapping_mul(0x9E37_79B9_7F4A_7C15) << 4).to_be_bytes()),
        occurred: OccurredAt {
            date,
            time: Some(time),
            precision: if n.is_multiple_of(5) {
                Precision::Approximate
            } else {
                Precision::Exact
            },
        },
        channel,
        categories,
        behaviours: [behaviour].into(),
        subject: None,
        narrative: format!(
            "Synthetic incident {n}: {} again, after being asked to stop. Sent at {time}; the survivor saved a screenshot and felt afraid to go home.",
            behaviour.name()
        ),
        location: None,
        witnesses: vec![],
        police_report: None,
        injuries: None,
        fear: None,
        evidence: vec![],
    })
}
