//! Password-guessing limits, shared by every api process through Redis: failed sign-ins
//! are counted per client address and per username, failed password changes (a wrong
//! current password) per user; past a limit the caller gets 429 `too_many_attempts` with
//! `Retry-After` until the window ends. A success clears the username's (or user's) count.
//!
//! Both fail open when Redis is away (logged): every guess still costs a password hash,
//! and refusing would lock every person out of the app (or out of changing a password
//! they fear is known) for as long as the cache is down.

use std::net::IpAddr;
use std::time::Duration;

use axum::response::Response;

use crate::security::rate_limit::{
    Bucket, IfRedisDown, Limit, Limiter, client_subject, text_subject,
};
use crate::state::AppState;

const WINDOW: Duration = Duration::from_secs(15 * 60);

/// Failed sign-ins per username per window.
const SIGN_IN_PER_USERNAME: Limit = Limit {
    scope: "signin-user",
    max: 10,
    window: WINDOW,
};

/// Failed sign-ins per client address per window: one client trying many usernames.
/// Behind nginx each client has its own count (see `TRUSTED_PROXIES`).
const SIGN_IN_PER_CLIENT: Limit = Limit {
    scope: "signin-client",
    max: 50,
    window: WINDOW,
};

/// Wrong current passwords per user per window on a password change: someone holding a
/// signed-in session (a borrowed laptop) must not be able to guess the password.
const PASSWORD_CHANGE_PER_USER: Limit = Limit {
    scope: "password-change",
    max: 5,
    window: WINDOW,
};

/// One password check's limits: `counted` are checked before and counted on failure;
/// `cleared` is forgotten on success.
pub struct Attempts {
    limiter: Limiter,
    counted: Vec<Bucket>,
    cleared: Bucket,
}

impl Attempts {
    pub async fn sign_in(state: &AppState, client: Option<IpAddr>, username: &str) -> Self {
        let user = SIGN_IN_PER_USERNAME.bucket(text_subject(username));
        let client = SIGN_IN_PER_CLIENT.bucket(client_subject(client));
        // Only the username's count is forgotten on success: the client's stays, so one
        // address cannot interleave a known account's sign-ins with guesses at others.
        Self::new(state, vec![user.clone(), client], user).await
    }

    pub async fn password_change(state: &AppState, user_id: i64) -> Self {
        let user = PASSWORD_CHANGE_PER_USER.bucket(user_id.to_string());
        Self::new(state, vec![user.clone()], user).await
    }

    async fn new(state: &AppState, counted: Vec<Bucket>, cleared: Bucket) -> Self {
        Attempts {
            limiter: Limiter::new(state, IfRedisDown::Allow).await,
            counted,
            cleared,
        }
    }

    /// `Err` (the answer to send) when a count is used up.
    pub async fn check(&mut self) -> Result<(), Response> {
        self.limiter.check(&self.counted).await.map_err(|refusal| {
            let detail = "Too many failed attempts. Wait a few minutes, then try again.";
            refusal.respond("too_many_attempts", detail)
        })
    }

    pub async fn failed(&mut self) {
        self.limiter.record(&self.counted).await;
    }

    pub async fn succeeded(&mut self) {
        self.limiter.clear(&self.cleared).await;
    }
}
