//! One file per subcommand group.

pub mod assess;
pub mod assess_prompt;
pub mod case;
pub mod counterpart;
pub mod evidence;
pub mod export;
pub mod import;
pub mod incident;
pub mod init;
pub mod iocs;
pub mod journal;
pub mod messages;
pub mod passphrase;
pub mod pattern;
pub mod plan;
pub mod plan_export;
pub mod resources;
pub mod scan;
pub mod scan_android;
pub mod serve;
pub mod subject;
pub mod verify;
