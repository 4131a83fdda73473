//! `DB_SSLMODE` and `DB_SSLROOTCERT` against a throwaway PostgreSQL cluster with `ssl=on`:
//! verify-full with the right CA connects and the session is encrypted, verify-full with
//! another CA is refused with an error that names the certificate, and require encrypts
//! without checking.

use std::path::Path;

use sqlx::PgPool;

use crate::pki::{self, Pki};
use crate::support::{
    KillOnDrop, command_as, find_binary, free_port, hand_over, server_account, settings,
    wait_for_port,
};

const BIN_DIR: &str = "/usr/lib/postgresql/15/bin";

/// A running cluster; stopped (by its guard) and deleted (with its directory) on drop.
struct Cluster {
    port: u16,
    _server: KillOnDrop,
}

fn start_cluster(dir: &Path, pki: &Pki) -> Option<Cluster> {
    let bin = |name: &str| format!("{BIN_DIR}/{name}");
    let initdb = find_binary(&[&bin("initdb")], "PostgreSQL TLS test", "postgresql-15")?;
    let postgres = find_binary(&[&bin("postgres")], "PostgreSQL TLS test", "postgresql-15")?;
    let account = server_account();
    for path in [dir, &pki.server_cert, &pki.server_key] {
        hand_over(path, account);
    }
    // PostgreSQL refuses a key others can read.
    let owner_only = std::os::unix::fs::PermissionsExt::from_mode(0o600);
    std::fs::set_permissions(&pki.server_key, owner_only).unwrap();
    let data = dir.join("data");
    let init = command_as(&initdb, account)
        .args(["--auth=trust", "--username=postgres", "--no-sync", "-D"])
        .arg(&data)
        .output()
        .expect("initdb runs");
    assert!(
        init.status.success(),
        "initdb failed: {}",
        String::from_utf8_lossy(&init.stderr)
    );
    let port = free_port();
    let setting = |name: &str, value: &dyn AsRef<std::ffi::OsStr>| {
        let mut pair = std::ffi::OsString::from(format!("{name}="));
        pair.push(value.as_ref());
        pair
    };
    let mut server = KillOnDrop::spawn(
        command_as(&postgres, account)
            .arg("-D")
            .arg(&data)
            .args(["-p", &port.to_string(), "-k"])
            .arg(dir)
            .arg("-c")
            .arg(setting("listen_addresses", &"127.0.0.1"))
            .args([
                "-c",
                "ssl=on",
                "-c",
                "fsync=off",
                "-c",
                "shared_buffers=16MB",
            ])
            .arg("-c")
            .arg(setting("ssl_cert_file", &pki.server_cert))
            .arg("-c")
            .arg(setting("ssl_key_file", &pki.server_key)),
        &dir.join("postgres.log"),
    );
    wait_for_port(port, &mut server, "postgres");
    Some(Cluster {
        port,
        _server: server,
    })
}

/// A pool built the way the binaries build theirs, with `flags` added.
fn pool(cluster: &Cluster, flags: &[&str]) -> PgPool {
    let url = format!(
        "--database-url=postgres://postgres@127.0.0.1:{}/postgres",
        cluster.port
    );
    let mut all = vec![url.as_str()];
    all.extend_from_slice(flags);
    wt_runtime::database_pool(&settings(&all)).expect("valid database settings")
}

async fn session_is_encrypted(pool: &PgPool) -> bool {
    sqlx::query_scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        .fetch_one(pool)
        .await
        .expect("a TLS session")
}

fn flag(name: &str, path: &Path) -> String {
    format!("--{name}={}", path.display())
}

#[tokio::test]
async fn postgres_connects_over_verified_tls_and_refuses_a_foreign_ca() {
    let dir = tempfile::tempdir().unwrap();
    let Some(pki) = pki::create(dir.path()) else {
        return;
    };
    let Some(cluster) = start_cluster(dir.path(), &pki) else {
        return;
    };

    let root = flag("db-sslrootcert", &pki.ca);
    let verified = pool(&cluster, &["--db-sslmode=verify-full", &root]);
    assert!(
        session_is_encrypted(&verified).await,
        "verify-full encrypts"
    );
    verified.close().await;

    let required = pool(&cluster, &["--db-sslmode=require"]);
    assert!(session_is_encrypted(&required).await, "require encrypts");
    required.close().await;

    // What the api's health check and log would show: the pool says why.
    let foreign = flag("db-sslrootcert", &pki.other_ca);
    let misconfigured = pool(&cluster, &["--db-sslmode=verify-full", &foreign]);
    let refused = misconfigured
        .acquire()
        .await
        .expect_err("a certificate from another CA is refused");
    let message = refused.to_string();
    assert!(
        message.contains("invalid peer certificate") && message.contains("UnknownIssuer"),
        "the error says what is wrong: {message}"
    );
}
