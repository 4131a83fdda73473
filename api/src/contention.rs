//! Transactions that PostgreSQL rolls back for a deadlock or a serialisation failure
//! ([`ApiError::Contended`]), run again before the caller is told.

use crate::problem::ApiError;

/// Attempts at a transaction that concurrent ones keep rolling back, before the caller
/// is told (409 `concurrent_write`).
const CONTENDED_ATTEMPTS: u32 = 4;

/// Runs `transaction` again while PostgreSQL rolls it back for a deadlock or a
/// serialisation failure. Two saves touching the same weeks of a person and a project in
/// opposite orders deadlock now and then under load; the victim's work was undone in
/// full, so running it again is safe and is what the user would do by hand. A short,
/// growing, jittered pause lets the winner commit first.
pub async fn retry_contended<T, F, Fut>(mut transaction: F) -> Result<T, ApiError>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, ApiError>>,
{
    let mut attempt = 1;
    loop {
        match transaction().await {
            Err(ApiError::Contended(cause)) if attempt < CONTENDED_ATTEMPTS => {
                tracing::debug!(error = %cause, attempt, "write rolled back by a concurrent one; again");
                let pause = 5 * u64::from(attempt) + rand::random::<u64>() % 10;
                tokio::time::sleep(std::time::Duration::from_millis(pause)).await;
                attempt += 1;
            }
            outcome => return outcome,
        }
    }
}
