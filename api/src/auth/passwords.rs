//! Password hashing with Argon2id (the crate's recommended parameters), off the async
//! threads. Verifying for an unknown user still hashes, against a fixed dummy hash, so the
//! answer takes as long as for a wrong password and timing tells nothing.

use std::sync::LazyLock;

use argon2::{Argon2, PasswordHasher, PasswordVerifier};

/// A hash of a random throwaway password, made once, used when there is no real hash.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    let throwaway = wt_domain::secrets::new_token();
    Argon2::default()
        .hash_password(throwaway.as_bytes())
        .map(|hash| hash.to_string())
        .unwrap_or_default()
});

/// Why hashing failed (out of memory, or the task could not run).
#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

/// The PHC string for `password`.
pub async fn hash(password: String) -> Result<String, HashError> {
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|hash| hash.to_string())
            .map_err(|e| HashError(e.to_string()))
    })
    .await
    .map_err(|e| HashError(e.to_string()))?
}

/// Whether `password` matches `hash`; `None` (no such user, or no password set yet) is
/// checked against the dummy hash and is always false.
pub async fn verify(password: String, hash: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || {
        let (stored, real) = match hash {
            Some(hash) => (hash, true),
            None => (DUMMY_HASH.clone(), false),
        };
        let matches = Argon2::default()
            .verify_password(password.as_bytes(), stored.as_str())
            .is_ok();
        matches && real
    })
    .await
    .unwrap_or(false)
}

/// Computes the dummy hash now, so the first unknown-user sign-in is not the slow one.
pub fn warm_up() {
    LazyLock::force(&DUMMY_HASH);
}
