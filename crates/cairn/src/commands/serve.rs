use std::net::SocketAddr;
use std::time::Duration;

use anyhow::{Result, bail};
use cairn_app::KdfParams;
use clap::Args;

use crate::context::Context;
use crate::t;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (loopback only).
    #[arg(long, default_value = "127.0.0.1:7878")]
    addr: SocketAddr,
    /// Lock the vault after this many idle minutes.
    #[arg(long, default_value_t = 15, value_name = "MINUTES")]
    idle_lock: u64,
    /// The neutral site quick exit opens.
    #[arg(long, default_value = cairn_web::DEFAULT_EXIT_URL, value_name = "URL")]
    exit_url: String,
}

pub async fn run(ctx: &Context, args: &ServeArgs) -> Result<()> {
    if !args.addr.ip().is_loopback() {
        bail!(t!("serve-not-loopback", addr = args.addr.to_string()));
    }
    if !(args.exit_url.starts_with("https://") || args.exit_url.starts_with("http://"))
        || args.exit_url.contains(['"', '<', '>', ' '])
    {
        bail!(t!("serve-bad-exit-url", url = &args.exit_url));
    }
    if args.idle_lock == 0 {
        bail!(t!("serve-bad-idle", minutes = args.idle_lock));
    }
    let config = cairn_web::ServeConfig {
        addr: args.addr,
        vault_dir: ctx.vault_dir()?,
        actor: ctx.global.actor.clone(),
        idle_lock: Duration::from_secs(args.idle_lock * 60),
        exit_url: args.exit_url.clone(),
        kdf: KdfParams::default(),
    };
    let json = ctx.json();
    cairn_web::serve(config, |addr| {
        let url = format!("http://{addr}/");
        if json {
            println!("{}", serde_json::json!({ "url": url }));
        } else {
            println!("{}", t!("serve-listening", url = url));
            println!("{}", t!("serve-stop-hint"));
        }
    })
    .await?;
    Ok(())
}
