//! One file per subcommand group.

pub mod case;
pub mod evidence;
pub mod incident;
pub mod init;
pub mod journal;
pub mod passphrase;
pub mod serve;
pub mod subject;
