//! The SQLCipher backend: one encrypted SQLite file per vault.
//!
//! The key is the raw 256-bit database key derived from the vault's master
//! key (`x'…'` form), so SQLCipher does no passphrase stretching of its own and
//! no passphrase ever reaches SQLite.

mod append;
mod comm_page;
mod comm_queries;
mod import;
mod queries;
mod repack;
mod scans;
mod timeline;

use std::path::{Path, PathBuf};
use std::time::Duration;

use cairn_crypto::DatabaseKey;
use sqlx::ConnectOptions;
use sqlx::migrate::{MigrateError, Migration, MigrationType, Migrator};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};

pub use import::SqliteImport;

use crate::{Result, StoreError};

/// Schema migrations, embedded so the binary is self-contained.
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (1, "journal", include_str!("../../migrations/sqlite/0001_journal.sql")),
    (2, "timeline", include_str!("../../migrations/sqlite/0002_timeline.sql")),
    (
        3,
        "case counts",
        include_str!("../../migrations/sqlite/0003_case_counts.sql"),
    ),
    (
        4,
        "communications",
        include_str!("../../migrations/sqlite/0004_communications.sql"),
    ),
    (
        5,
        "indicators and scans",
        include_str!("../../migrations/sqlite/0005_indicators.sql"),
    ),
    (
        6,
        "one communications index",
        include_str!("../../migrations/sqlite/0006_one_communications_index.sql"),
    ),
    (
        7,
        "communication chunks",
        include_str!("../../migrations/sqlite/0007_communication_chunks.sql"),
    ),
    (
        8,
        "import files in their source",
        include_str!("../../migrations/sqlite/0008_import_files_in_source.sql"),
    ),
];

/// A vault database opened with its key.
#[derive(Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    path: PathBuf,
}

impl SqliteStore {
    /// Opens (or with `create`, creates) the encrypted database at `path` and
    /// brings its schema up to date. A wrong key or a damaged file is
    /// reported as [`StoreError::NotADatabase`]; a schema newer than this
    /// build as [`StoreError::NewerSchema`]. Nothing is written in either case.
    pub async fn open(path: &Path, key: &DatabaseKey, create: bool) -> Result<Self> {
        // Before SQLCipher's first use of OpenSSL: see `cairn_crypto::init`.
        cairn_crypto::init();
        if !create && !path.is_file() {
            return Err(StoreError::Io {
                context: format!("vault database {}", path.display()),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "file not found"),
            });
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .pragma("key", key.sqlcipher_pragma().to_string())
            .create_if_missing(create)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a command that reported success survives power loss too.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            // Sorts and temporary indexes stay in memory, never in temp files.
            .pragma("temp_store", "MEMORY")
            // 32 MiB of page cache: every page read costs a decryption, and
            // random-id indexes of a large case do not fit SQLite's default.
            .pragma("cache_size", "-32768")
            .busy_timeout(Duration::from_secs(30))
            // Rows cross from SQLite's thread in batches, not one wake-up each.
            .row_buffer_size(1024)
            .disable_statement_logging();
        let side_files = SideFiles::before_open(path);
        let pool = match SqlitePoolOptions::new().max_connections(4).connect_with(options).await {
            Ok(pool) => pool,
            Err(e) => {
                side_files.remove_new();
                return Err(not_a_database(e, path));
            }
        };
        let store = Self {
            pool,
            path: path.to_owned(),
        };
        // The first read is where SQLCipher discovers a wrong key or garbage.
        let checked = match sqlx::query("SELECT count(*) FROM sqlite_master")
            .execute(&store.pool)
            .await
        {
            Ok(_) => match store.migrate().await {
                Ok(()) => store.repack_communications().await,
                Err(e) => Err(e),
            },
            Err(e) => Err(not_a_database(e, path)),
        };
        if let Err(e) = checked {
            store.pool.close().await;
            side_files.remove_new();
            return Err(e);
        }
        Ok(store)
    }

    async fn migrate(&self) -> Result<()> {
        let migrations = MIGRATIONS
            .iter()
            .map(|(version, name, sql)| {
                Migration::new(
                    *version,
                    (*name).into(),
                    MigrationType::Simple,
                    sqlx::AssertSqlSafe(*sql).into_sql_str(),
                    false,
                )
            })
            .collect();
        let known = MIGRATIONS.last().map_or(0, |m| m.0);
        Migrator::with_migrations(migrations)
            .run(&self.pool)
            .await
            .map_err(|e| match e {
                MigrateError::VersionMissing(found) | MigrateError::VersionTooNew(found, _) => {
                    StoreError::NewerSchema { found, known }
                }
                MigrateError::Dirty(v) => StoreError::DirtySchema(v),
                MigrateError::Execute(e) => not_a_database(e, &self.path),
                other => StoreError::Corrupt(format!("schema migration failed: {other}")),
            })
    }

    /// The pool, for tests and tools that must reach below the store (for
    /// example to prove that the database itself refuses to rewrite events).
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

use sqlx::SqlSafeStr as _;

/// SQLite creates `-wal` and `-shm` beside the database when it opens it. A
/// failed open must leave the vault as it found it, so those are removed
/// again if they did not exist before.
struct SideFiles(Vec<PathBuf>);

impl SideFiles {
    fn before_open(db: &Path) -> Self {
        let candidates = ["-wal", "-shm"].map(|suffix| {
            let mut name = db.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        });
        Self(candidates.into_iter().filter(|p| !p.exists()).collect())
    }

    fn remove_new(&self) {
        for path in &self.0 {
            let _ = std::fs::remove_file(path);
        }
    }
}

fn not_a_database(e: sqlx::Error, path: &Path) -> StoreError {
    if let sqlx::Error::Database(db) = &e {
        // SQLITE_NOTADB (26) is what SQLCipher answers for a wrong key, and
        // SQLITE_CORRUPT (11) for a damaged page.
        if matches!(db.code().as_deref(), Some("26") | Some("11")) || db.message().contains("not a database") {
            return StoreError::NotADatabase { path: path.to_owned() };
        }
    }
    StoreError::from(e)
}
