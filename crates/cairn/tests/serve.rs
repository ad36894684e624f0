//! `cairn serve` from the command line: it refuses to listen beyond this
//! computer, prints where it listens, and answers there.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

use common::Env;

#[test]
fn refuses_non_loopback_addresses_and_bad_options() {
    let env = Env::empty();
    for (args, needle) in [
        (vec!["serve", "--addr", "0.0.0.0:7878"], "not a loopback address"),
        (vec!["serve", "--addr", "192.168.1.10:7878"], "not a loopback address"),
        (
            vec!["serve", "--exit-url", "javascript:alert(1)"],
            "must be a plain http:// or https:// address",
        ),
        (vec!["serve", "--idle-lock", "0"], "at least 1 minute"),
    ] {
        let stderr = env.fails(&args, 1);
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
    }
    assert!(!env.vault.exists(), "nothing was created");
}

#[test]
fn serves_on_loopback_and_prints_the_url() {
    let env = Env::empty();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("cairn"))
        .args(["serve", "--addr", "127.0.0.1:0", "--json"])
        .env("CAIRN_VAULT", &env.vault)
        .env("CAIRN_LANG", "en")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url: serde_json::Value = serde_json::from_str(&line).unwrap();
    let url = url["url"].as_str().unwrap().to_owned();
    let host = url.trim_start_matches("http://").trim_end_matches('/').to_owned();
    assert!(host.starts_with("127.0.0.1:"), "{host}");
    let mut stream = TcpStream::connect(&host).unwrap();
    write!(
        stream,
        "GET /setup HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(
        response.contains("Create your vault") && response.to_ascii_lowercase().contains("cache-control: no-store"),
        "{response}"
    );
}
