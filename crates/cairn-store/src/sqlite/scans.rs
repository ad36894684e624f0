//! Queries for the indicator registry and the `scans` projection.

use cairn_core::CaseId;

use super::SqliteStore;
use crate::scans::{IndicatorSource, ScanRecord};
use crate::{Result, StoreError};

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(format!("stored {what} is malformed"))
}

type SourceRow = (String, String, String, Option<String>, String, String);

impl SqliteStore {
    pub(crate) async fn insert_indicator_source(&self, source: &IndicatorSource) -> Result<bool> {
        let counts = serde_json::to_string(&source.counts).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        // The same bytes registered twice are one source: the first name and
        // version stay, so earlier scans keep naming what they used.
        let added = sqlx::query(
            "INSERT OR IGNORE INTO indicator_sources (sha256, name, format, version, loaded_at, counts) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(source.sha256.to_string())
        .bind(&source.name)
        .bind(&source.format)
        .bind(source.version.as_deref())
        .bind(source.loaded_at.to_string())
        .bind(counts)
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(added == 1)
    }

    pub(crate) async fn indicator_source_list(&self) -> Result<Vec<IndicatorSource>> {
        let rows: Vec<SourceRow> = sqlx::query_as(
            "SELECT sha256, name, format, version, loaded_at, counts FROM indicator_sources ORDER BY loaded_at, sha256",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(sha, name, format, version, loaded_at, counts)| {
                Ok(IndicatorSource {
                    sha256: sha.parse().map_err(|_| corrupt("indicator hash"))?,
                    name,
                    format,
                    version,
                    loaded_at: loaded_at.parse().map_err(|_| corrupt("indicator time"))?,
                    counts: serde_json::from_str(&counts).map_err(|_| corrupt("indicator counts"))?,
                })
            })
            .collect()
    }

    pub(crate) async fn scans_of(&self, case: &CaseId) -> Result<Vec<ScanRecord>> {
        let rows: Vec<(i64, String)> = sqlx::query_as("SELECT seq, data FROM scans WHERE case_id = $1 ORDER BY seq")
            .bind(case.as_str())
            .fetch_all(&self.pool)
            .await?;
        rows.into_iter()
            .map(|(seq, data)| {
                Ok(ScanRecord {
                    seq: seq as u64,
                    scan: serde_json::from_str(&data).map_err(|_| corrupt("scan"))?,
                })
            })
            .collect()
    }
}
