//! A throwaway certificate authority made with the openssl command: a CA, a server
//! certificate it signs for `localhost` and `127.0.0.1`, and a second, unrelated CA that
//! must not be accepted in its place.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Pki {
    pub ca: PathBuf,
    pub other_ca: PathBuf,
    pub server_cert: PathBuf,
    pub server_key: PathBuf,
}

/// Makes the files in `dir`; `None` (after a loud message) when openssl is missing.
pub fn create(dir: &Path) -> Option<Pki> {
    crate::support::find_binary(&["/usr/bin/openssl"], "TLS tests", "openssl")?;
    let pki = Pki {
        ca: dir.join("ca.pem"),
        other_ca: dir.join("other-ca.pem"),
        server_cert: dir.join("server.pem"),
        server_key: dir.join("server.key"),
    };
    let ca_key = dir.join("ca.key");
    new_ca(&ca_key, &pki.ca, "wt-test-CA");
    new_ca(&dir.join("other-ca.key"), &pki.other_ca, "wt-unrelated-CA");
    let csr = dir.join("server.csr");
    openssl(&format!(
        "req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=localhost \
         -keyout {} -out {}",
        path(&pki.server_key),
        path(&csr)
    ));
    let extensions = dir.join("server.ext");
    std::fs::write(
        &extensions,
        "basicConstraints=CA:FALSE\n\
         subjectAltName=DNS:localhost,IP:127.0.0.1\n\
         extendedKeyUsage=serverAuth\n\
         keyUsage=critical,digitalSignature\n",
    )
    .unwrap();
    openssl(&format!(
        "x509 -req -in {} -CA {} -CAkey {} -set_serial 2 -days 2 -extfile {} -out {}",
        path(&csr),
        path(&pki.ca),
        path(&ca_key),
        path(&extensions),
        path(&pki.server_cert)
    ));
    Some(pki)
}

/// A self-signed CA certificate (`req -x509` marks it `CA:TRUE`) named `name`.
fn new_ca(key: &Path, cert: &Path, name: &str) {
    openssl(&format!(
        "req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
         -subj /CN={name} -keyout {} -out {}",
        path(key),
        path(cert)
    ));
}

/// Paths of temporary files: no spaces, so a command line splits on whitespace.
fn path(path: &Path) -> &str {
    let text = path.to_str().expect("a UTF-8 temporary path");
    assert!(!text.contains(char::is_whitespace), "{text:?} has spaces");
    text
}

fn openssl(command_line: &str) {
    let args: Vec<&str> = command_line.split_whitespace().collect();
    let output = Command::new("openssl")
        .args(&args)
        .output()
        .expect("openssl runs");
    assert!(
        output.status.success(),
        "openssl {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}
