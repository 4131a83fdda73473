//! Redis over TLS against a throwaway `redis-server --tls-port` (Debian's is built with
//! TLS): `rediss://` with `REDIS_SSL_CA_CERTS` naming the CA connects, and so does
//! `REDIS_TLS=true` on a `redis://` URL; without the CA, `REDIS_SSL_CERT_REQS=required`
//! refuses the server's certificate and `none` accepts it.

use std::path::Path;

use wt_runtime::RedisConnector;
use wt_runtime::connections::ConnectionError;

use crate::pki::{self, Pki};
use crate::support::{KillOnDrop, find_binary, free_port, settings, wait_for_port};

fn start_server(dir: &Path, pki: &Pki) -> Option<(u16, KillOnDrop)> {
    let binary = find_binary(&["/usr/bin/redis-server"], "Redis TLS test", "redis-server")?;
    let port = free_port();
    let mut server = KillOnDrop::spawn(
        std::process::Command::new(binary)
            .args([
                "--port",
                "0",
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ])
            .args(["--tls-port", &port.to_string(), "--tls-auth-clients", "no"])
            .arg("--tls-cert-file")
            .arg(&pki.server_cert)
            .arg("--tls-key-file")
            .arg(&pki.server_key)
            .arg("--tls-ca-cert-file")
            .arg(&pki.ca)
            .arg("--dir")
            .arg(dir),
        &dir.join("redis.log"),
    );
    wait_for_port(port, &mut server, "redis-server");
    Some((port, server))
}

/// A PING through a connector built from `flags`, as the binaries build it.
async fn ping(flags: &[&str]) -> Result<String, ConnectionError> {
    let connector = RedisConnector::new(&settings(flags))?;
    let mut connection = connector.connection().await?;
    Ok(redis::cmd("PING").query_async(&mut connection).await?)
}

#[tokio::test]
async fn redis_connects_over_tls_as_the_settings_say() {
    let dir = tempfile::tempdir().unwrap();
    let Some(pki) = pki::create(dir.path()) else {
        return;
    };
    let Some((port, _server)) = start_server(dir.path(), &pki) else {
        return;
    };
    let tls_url = format!("--redis-url=rediss://127.0.0.1:{port}/0");
    let plain_url = format!("--redis-url=redis://127.0.0.1:{port}/0");
    let ca = format!("--redis-ssl-ca-certs={}", pki.ca.display());
    let other_ca = format!("--redis-ssl-ca-certs={}", pki.other_ca.display());

    let verified = ping(&[&tls_url, &ca]).await.expect("rediss:// with the CA");
    assert_eq!(verified, "PONG");
    let upgraded = ping(&[&plain_url, "--redis-tls=true", &ca]).await;
    assert_eq!(upgraded.expect("REDIS_TLS=true with the CA"), "PONG");

    let unchecked = ping(&[&tls_url, "--redis-ssl-cert-reqs=none"]).await;
    assert_eq!(
        unchecked.expect("cert reqs none accepts any certificate"),
        "PONG"
    );

    for refused in [
        ping(&[&tls_url, "--redis-ssl-cert-reqs=required"]).await,
        ping(&[&tls_url, &other_ca]).await,
    ] {
        let message = refused
            .expect_err("an untrusted certificate is refused")
            .to_string();
        assert!(
            message.contains("invalid peer certificate") && message.contains("UnknownIssuer"),
            "the error says what is wrong: {message}"
        );
    }

    let without_tls = RedisConnector::new(&settings(&[&plain_url, &ca]));
    assert!(matches!(
        without_tls,
        Err(ConnectionError::RedisCaWithoutTls)
    ));
    let missing = format!(
        "--redis-ssl-ca-certs={}",
        dir.path().join("nope.pem").display()
    );
    let unreadable = RedisConnector::new(&settings(&[&tls_url, &missing]));
    assert!(matches!(unreadable, Err(ConnectionError::RedisCaFile(..))));
}
