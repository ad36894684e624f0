//! A throwaway vault and a `cairn` runner for CLI tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

pub const PASSPHRASE: &str = "correct horse battery staple";

pub struct Env {
    pub dir: tempfile::TempDir,
    pub vault: PathBuf,
}

impl Env {
    /// A temporary directory with no vault in it yet.
    pub fn empty() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let vault = dir.path().join("vault");
        Self { dir, vault }
    }

    /// A temporary directory with an initialised vault.
    pub fn new() -> Self {
        let env = Self::empty();
        env.ok(&["init"]);
        env
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("cairn").expect("cairn binary");
        cmd.args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("CAIRN_VAULT", &self.vault)
            .env("CAIRN_PASSPHRASE", PASSPHRASE)
            .env("CAIRN_LANG", "en");
        cmd
    }

    /// Runs and requires success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().expect("run cairn");
        assert!(
            out.status.success(),
            "cairn {args:?} failed ({:?}):\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// Runs with `--json` and parses stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut with_json = args.to_vec();
        with_json.push("--json");
        let text = self.ok(&with_json);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("cairn {args:?} printed invalid JSON ({e}):\n{text}"))
    }

    /// Runs, requires failure with `code`, returns stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.cmd(args).output().expect("run cairn");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(
            out.status.code(),
            Some(code),
            "cairn {args:?}: expected exit {code}, stderr:\n{stderr}"
        );
        assert!(!stderr.contains("panicked"), "cairn {args:?} panicked:\n{stderr}");
        stderr
    }

    pub fn new_case(&self) -> String {
        self.json(&["case", "new", "--label", "Test case"])["id"]
            .as_str()
            .expect("case id")
            .to_owned()
    }
}

/// Every file under `dir` with its bytes, for before/after comparisons and
/// plaintext searches.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push((path.clone(), std::fs::read(&path).unwrap_or_default()));
            }
        }
    }
    files.sort();
    files
}
