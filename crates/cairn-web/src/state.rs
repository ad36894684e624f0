//! Server state: the vault (locked or unlocked), the browser sessions that
//! may use it, idle locking, and the imports running now (whose pages poll
//! their progress).
//!
//! Locking drops the vault — and with it every key — and starts a new
//! epoch, so every session that unlocked before is locked out at once.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use cairn_app::{KdfParams, Passphrase, Progress, SqliteStore, Stage, Vault, VaultDir};
use tokio::sync::RwLock;

use cairn_i18n::Lang;

/// How `cairn serve` was asked to run.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub addr: SocketAddr,
    pub vault_dir: VaultDir,
    pub actor: String,
    /// Lock after this long without a request.
    pub idle_lock: Duration,
    /// Where quick exit sends the browser.
    pub exit_url: String,
    pub kdf: KdfParams,
}

pub type SharedVault = Arc<Vault<SqliteStore>>;

struct Unlocked {
    vault: SharedVault,
    epoch: u64,
}

/// A browser's session: a random id in an HttpOnly, SameSite=Strict cookie,
/// its CSRF token, its language and whether it unlocked the current epoch.
#[derive(Clone)]
pub struct Session {
    pub id: String,
    pub csrf: String,
    pub lang: Lang,
    pub epoch: Option<u64>,
    /// Where quick exit goes (from the server's configuration).
    pub exit_url: Arc<str>,
    /// The last page shown, to return to after switching language.
    pub last_page: Option<String>,
}

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

struct Inner {
    config: ServeConfig,
    vault: RwLock<Option<Unlocked>>,
    epoch: AtomicU64,
    sessions: Mutex<HashMap<String, Session>>,
    last_activity: Mutex<Instant>,
    /// One unlock or creation at a time: two tabs submitting "create" at
    /// once must not both initialise the vault directory.
    unlocking: tokio::sync::Mutex<()>,
    /// Imports running now, by (session id, token the page chose), so the
    /// page that started one can poll its progress while the upload runs.
    jobs: Mutex<HashMap<(String, String), JobProgress>>,
}

/// Where a running import is, as the progress endpoint reports it.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct JobProgress {
    pub stage: Stage,
    pub done: u64,
    pub total: u64,
}

/// More imports than this at once is not a person at a browser; further
/// ones still run, just without progress reports.
const MAX_JOBS: usize = 32;

/// A registered import; dropping it (the request ending in any way,
/// including the browser going away) forgets the job.
pub struct JobGuard {
    state: AppState,
    key: (String, String),
}

impl JobGuard {
    /// The callback `import_stream` reports through.
    pub fn progress(&self) -> Progress {
        let state = self.state.clone();
        let key = self.key.clone();
        Arc::new(Mutex::new(move |stage: Stage, done: u64, total: u64| {
            if let Some(job) = state.jobs().get_mut(&key) {
                *job = JobProgress { stage, done, total };
            }
        }))
    }
}

impl Drop for JobGuard {
    fn drop(&mut self) {
        self.state.jobs().remove(&self.key);
    }
}

pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    // Without randomness no session can be safe; refuse to run rather than guess.
    getrandom::fill(&mut bytes).expect("the operating system's random number generator failed");
    hex::encode(bytes)
}

impl AppState {
    pub fn new(config: ServeConfig) -> Self {
        Self(Arc::new(Inner {
            config,
            vault: RwLock::new(None),
            epoch: AtomicU64::new(1),
            sessions: Mutex::new(HashMap::new()),
            last_activity: Mutex::new(Instant::now()),
            unlocking: tokio::sync::Mutex::new(()),
            jobs: Mutex::new(HashMap::new()),
        }))
    }

    pub fn config(&self) -> &ServeConfig {
        &self.0.config
    }

    fn sessions(&self) -> std::sync::MutexGuard<'_, HashMap<String, Session>> {
        self.0.sessions.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn jobs(&self) -> std::sync::MutexGuard<'_, HashMap<(String, String), JobProgress>> {
        self.0.jobs.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Registers an import under the token its page chose. `None` when the
    /// token is malformed, already in use, or too many imports are running.
    pub fn start_job(&self, session: &Session, token: &str, total: u64) -> Option<JobGuard> {
        let well_formed = (16..=64).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_hexdigit());
        if !well_formed {
            return None;
        }
        let key = (session.id.clone(), token.to_owned());
        let mut jobs = self.jobs();
        if jobs.len() >= MAX_JOBS || jobs.contains_key(&key) {
            return None;
        }
        jobs.insert(
            key.clone(),
            JobProgress {
                stage: Stage::Storing,
                done: 0,
                total,
            },
        );
        drop(jobs);
        Some(JobGuard {
            state: self.clone(),
            key,
        })
    }

    /// A job's progress, only for the session that started it.
    pub fn job(&self, session: &Session, token: &str) -> Option<JobProgress> {
        self.jobs().get(&(session.id.clone(), token.to_owned())).copied()
    }

    /// The session for a cookie value, or a fresh one.
    pub fn session(&self, cookie: Option<&str>, lang: Lang) -> (Session, bool) {
        let mut sessions = self.sessions();
        if let Some(existing) = cookie.and_then(|id| sessions.get(id)) {
            return (existing.clone(), false);
        }
        // Bounded: a page that opens sessions in a loop cannot exhaust memory.
        if sessions.len() > 1_000 {
            sessions.retain(|_, s| s.epoch.is_some());
        }
        let exit_url = Arc::from(self.0.config.exit_url.as_str());
        let session = Session {
            id: random_token(),
            csrf: random_token(),
            lang,
            epoch: None,
            exit_url,
            last_page: None,
        };
        sessions.insert(session.id.clone(), session.clone());
        (session, true)
    }

    pub fn set_lang(&self, session: &Session, lang: Lang) {
        if let Some(s) = self.sessions().get_mut(&session.id) {
            s.lang = lang;
        }
    }

    pub fn remember_page(&self, session: &Session, path: &str) {
        if let Some(s) = self.sessions().get_mut(&session.id) {
            s.last_page = Some(path.to_owned());
        }
    }

    pub fn vault_exists(&self) -> bool {
        self.0.config.vault_dir.exists()
    }

    /// The vault, if this session unlocked the current epoch. Counts as activity.
    pub async fn vault_for(&self, session: &Session) -> Option<SharedVault> {
        let guard = self.0.vault.read().await;
        let unlocked = guard.as_ref()?;
        if session.epoch != Some(unlocked.epoch) {
            return None;
        }
        *self.0.last_activity.lock().unwrap_or_else(|p| p.into_inner()) = Instant::now();
        Some(unlocked.vault.clone())
    }

    pub async fn is_unlocked(&self) -> bool {
        self.0.vault.read().await.is_some()
    }

    /// Unlocks (or with `create`, first creates) the vault and admits `session`.
    pub async fn unlock(
        &self,
        session: &Session,
        passphrase: Passphrase,
        create: bool,
    ) -> Result<(), cairn_app::AppError> {
        let _one_at_a_time = self.0.unlocking.lock().await;
        if create && self.vault_exists() {
            return Err(cairn_app::AppError::VaultExists(
                self.0.config.vault_dir.root().to_owned(),
            ));
        }
        let dir = self.0.config.vault_dir.clone();
        let kdf = self.0.config.kdf;
        // Argon2id takes a fraction of a second of CPU: keep it off the reactor.
        let (master, pending) = tokio::task::spawn_blocking(move || -> Result<_, cairn_app::AppError> {
            if create {
                let (pending, master) = dir.begin_init(&passphrase, kdf)?;
                Ok((master, Some(pending)))
            } else {
                Ok((dir.unlock(&passphrase)?, None))
            }
        })
        .await
        .map_err(|e| cairn_app::AppError::File {
            path: self.0.config.vault_dir.root().to_owned(),
            source: std::io::Error::other(e.to_string()),
        })??;
        let dir = &self.0.config.vault_dir;
        let store = SqliteStore::open(&dir.database(), &master.database_key(), create)
            .await
            .map_err(cairn_app::AppError::from)?;
        if let Some(pending) = pending {
            dir.commit(pending)?;
        }
        let vault = Vault::new(store, dir, &master, self.0.config.actor.clone())?;
        let mut guard = self.0.vault.write().await;
        let epoch = match guard.as_ref() {
            Some(open) => {
                // Already open (another tab): keep that handle, admit this session.
                vault.store().close().await;
                open.epoch
            }
            None => {
                let epoch = self.0.epoch.fetch_add(1, Ordering::SeqCst) + 1;
                *guard = Some(Unlocked {
                    vault: Arc::new(vault),
                    epoch,
                });
                epoch
            }
        };
        *self.0.last_activity.lock().unwrap_or_else(|p| p.into_inner()) = Instant::now();
        if let Some(s) = self.sessions().get_mut(&session.id) {
            s.epoch = Some(epoch);
        }
        Ok(())
    }

    /// Locks the vault for everyone: keys dropped, sessions locked out.
    pub async fn lock(&self) {
        let taken = self.0.vault.write().await.take();
        self.0.epoch.fetch_add(1, Ordering::SeqCst);
        for session in self.sessions().values_mut() {
            session.epoch = None;
        }
        if let Some(unlocked) = taken {
            unlocked.vault.store().close().await;
        }
    }

    /// Locks when nobody has made a request for the configured idle time.
    pub fn spawn_idle_lock(&self) -> tokio::task::JoinHandle<()> {
        let state = self.clone();
        tokio::spawn(async move {
            let tick = (state.0.config.idle_lock / 4).clamp(Duration::from_millis(50), Duration::from_secs(15));
            loop {
                tokio::time::sleep(tick).await;
                let idle = state
                    .0
                    .last_activity
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .elapsed();
                if idle >= state.0.config.idle_lock && state.is_unlocked().await {
                    state.lock().await;
                }
            }
        })
    }
}
