//! Timeline latency under load: a case with N timeline entries (default
//! 100,000 and 200,000), the case page served by the real server on
//! loopback, loaded by `wrk` with 16 connections. The reference, measured in
//! the same run and through the same middleware, is a static asset: the
//! floor of any page. The deep page follows the cursor a thousand entries in.
//!
//! bash bench/timeline.sh      (TIMELINE_SIZES="100000 200000", WRK_SECONDS=10)

use std::future::IntoFuture;
use std::process::Command;
use std::time::Instant;

use cairn_app::{KdfParams, Passphrase, SqliteStore, Vault, VaultDir};
use cairn_i18n::Lang;
use cairn_web::{AppState, ServeConfig};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Runs wrk and returns (p50, p99) in milliseconds and requests per second.
fn wrk(url: &str, cookie: &str, seconds: u64) -> Result<(f64, f64, f64)> {
    let out = Command::new("wrk")
        .args([
            "-t2",
            "-c16",
            &format!("-d{seconds}s"),
            "--latency",
            "-H",
            &format!("Cookie: {cookie}"),
            url,
        ])
        .output()
        .map_err(|e| format!("wrk is needed (apt-get install wrk): {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let millis = |label: &str| -> Option<f64> {
        let line = text.lines().find(|l| l.trim_start().starts_with(label))?;
        let value = line.split_whitespace().nth(1)?;
        let (number, unit) = value.split_at(value.find(|c: char| c.is_ascii_alphabetic())?);
        let n: f64 = number.parse().ok()?;
        Some(match unit {
            "us" => n / 1000.0,
            "ms" => n,
            "s" => n * 1000.0,
            _ => return None,
        })
    };
    let rate = text
        .lines()
        .find(|l| l.starts_with("Requests/sec:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    if text.contains("Non-2xx") {
        return Err(format!("wrk saw error responses for {url}:\n{text}").into());
    }
    Ok((
        millis("50%").ok_or(format!("no p50 in wrk output:\n{text}"))?,
        millis("99%").ok_or("no p99")?,
        rate,
    ))
}

async fn run(entries: u64, seconds: u64) -> Result {
    let dir = tempfile::tempdir()?;
    let vault_dir = VaultDir::new(dir.path().join("vault"));
    let passphrase = "benchmark passphrase only";
    let (pending, master) = vault_dir.begin_init(&Passphrase::new(passphrase.into()), KdfParams::MINIMUM)?;
    let store = SqliteStore::open(&vault_dir.database(), &master.database_key(), true).await?;
    vault_dir.commit(pending)?;
    let vault = Vault::new(store, &vault_dir, &master, "bench")?;
    let case = vault.open_case("benchmark").await?.id;
    let started = Instant::now();
    let mut n = 0;
    while n < entries {
        let take = 2_000.min(entries - n);
        vault
            .append_batch(&case, (n..n + take).map(cairn_app::synthetic::incident).collect())
            .await?;
        n += take;
    }
    let seeded = started.elapsed().as_secs_f64();
    vault.store().close().await;
    drop(vault);

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let state = AppState::new(ServeConfig {
        addr,
        vault_dir,
        actor: "bench".into(),
        idle_lock: std::time::Duration::from_secs(3600),
        exit_url: cairn_web::DEFAULT_EXIT_URL.into(),
        kdf: KdfParams::MINIMUM,
    });
    let (session, _) = state.session(None, Lang::En);
    state
        .unlock(&session, Passphrase::new(passphrase.into()), false)
        .await?;
    let cookie = format!("cairn_session={}", session.id);
    // The unlocked session, as the server now holds it.
    let (session, _) = state.session(Some(&session.id), Lang::En);
    let server = tokio::spawn(axum::serve(listener, cairn_web::router(state.clone())).into_future());

    // The cursor 1,000 entries in, as a person paging back would reach it.
    let open = state.vault_for(&session).await.ok_or("not unlocked")?;
    let mut query = cairn_app::TimelineQuery {
        limit: 500,
        ..Default::default()
    };
    for _ in 0..2 {
        let page = open.timeline(&case, &query).await?;
        let last = page.last().ok_or("empty timeline")?;
        query.after = Some((last.sort_key.clone(), last.id.clone()));
    }
    let (key, id) = query.after.clone().ok_or("no cursor")?;
    let deep: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("after", &format!("{key}|{id}"))
        .finish();

    let base = format!("http://{addr}");
    let targets = [
        ("static asset (reference)", format!("{base}/static/app.css")),
        ("timeline, first page", format!("{base}/cases/{case}")),
        (
            "timeline, filtered (channel=text)",
            format!("{base}/cases/{case}?channel=text"),
        ),
        ("timeline, 1,000 entries deep", format!("{base}/cases/{case}?{deep}")),
        ("timeline JSON API", format!("{base}/api/cases/{case}/timeline")),
    ];
    println!("\n{entries} timeline entries (seeded in {seeded:.1} s); wrk -t2 -c16 -d{seconds}s");
    let mut reference = None;
    for (label, url) in targets {
        let (p50, p99, rate) = wrk(&url, &cookie, seconds)?;
        let floor = *reference.get_or_insert(p50);
        println!(
            "  {label:36} p50 {p50:7.2} ms  p99 {p99:7.2} ms  {rate:8.0} req/s  p50/reference {:5.1}x",
            p50 / floor
        );
    }
    server.abort();
    state.lock().await;
    Ok(())
}

#[tokio::main]
async fn main() -> Result {
    let sizes: Vec<u64> = std::env::var("TIMELINE_SIZES")
        .unwrap_or_else(|_| "100000 200000".into())
        .split_whitespace()
        .filter_map(|s| s.parse().ok())
        .collect();
    let seconds = std::env::var("WRK_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    for entries in sizes {
        run(entries, seconds).await?;
    }
    Ok(())
}
