//! Authentication and sessions: access tokens (JWT), refresh-token sessions and their
//! cookie, password hashing, sign-in throttling, and the guard extractors every route uses
//! to say who may call it.

pub mod cookie;
pub mod csrf;
pub mod guard;
pub mod jwt;
pub mod passwords;
pub mod sessions;
pub mod throttle;

pub use guard::{Admin, Manager, Principal, Reader, SignedIn};
