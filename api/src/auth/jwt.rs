//! Access tokens: short-lived HS256 JWTs. Exactly one algorithm is accepted (so `alg:
//! none` and algorithm confusion fail), the key is derived from `SECRET_KEY` for this one
//! purpose, and every token carries the user's token version so a password change or a
//! deactivation ends all of them at once.

use std::time::Duration;

use chrono::{DateTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use wt_domain::accounts::Role;

/// Clock skew tolerated between servers, in seconds.
const LEEWAY_SECONDS: u64 = 5;

/// What an access token says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessClaims {
    /// The user id, as a string (the JWT convention).
    pub sub: String,
    pub role: Role,
    /// The user's token version when the token was issued.
    pub ver: i32,
    pub iat: i64,
    pub exp: i64,
}

/// Signs and checks access tokens.
pub struct AccessKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    lifetime: Duration,
}

impl AccessKeys {
    pub fn new(secret: &str, lifetime: Duration) -> Self {
        // A purpose-bound key: SECRET_KEY may sign other things one day, and a token of
        // one kind must never verify as another.
        let key: [u8; 32] = Sha256::new()
            .chain_update(b"workload-tracker/access-token/v1\0")
            .chain_update(secret.as_bytes())
            .finalize()
            .into();
        let mut validation = Validation::new(Algorithm::HS256);
        validation.algorithms = vec![Algorithm::HS256];
        validation.leeway = LEEWAY_SECONDS;
        validation.validate_exp = true;
        validation.validate_nbf = true;
        validation.set_required_spec_claims(&["exp", "iat", "sub"]);
        AccessKeys {
            encoding: EncodingKey::from_secret(&key),
            decoding: DecodingKey::from_secret(&key),
            validation,
            lifetime,
        }
    }

    /// A token for `user_id` with `role` and token version `ver`, and when it expires;
    /// `Err` when the lifetime is out of range or the token cannot be signed (never an
    /// empty token in its place).
    pub fn issue(
        &self,
        user_id: i64,
        role: Role,
        ver: i32,
    ) -> Result<(String, DateTime<Utc>), anyhow::Error> {
        let now = Utc::now();
        let lifetime = chrono::Duration::from_std(self.lifetime)?;
        let expires = now
            .checked_add_signed(lifetime)
            .ok_or_else(|| anyhow::anyhow!("the access token lifetime overflows the clock"))?;
        let claims = AccessClaims {
            sub: user_id.to_string(),
            role,
            ver,
            iat: now.timestamp(),
            exp: expires.timestamp(),
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)?;
        Ok((token, expires))
    }

    /// The claims of a valid token; `None` for anything forged, expired, not yet valid,
    /// or signed otherwise.
    pub fn verify(&self, token: &str) -> Option<AccessClaims> {
        let data =
            jsonwebtoken::decode::<AccessClaims>(token, &self.decoding, &self.validation).ok()?;
        let issued_in_future = data.claims.iat > Utc::now().timestamp() + LEEWAY_SECONDS as i64;
        (!issued_in_future).then_some(data.claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_other_keys_fail() {
        let keys = AccessKeys::new(
            "a-very-long-secret-key-for-tests-0123456789",
            Duration::from_secs(60),
        );
        let (token, _) = keys.issue(7, Role::Manager, 3).expect("signed");
        let claims = keys.verify(&token).expect("valid");
        assert_eq!(
            (claims.sub.as_str(), claims.role, claims.ver),
            ("7", Role::Manager, 3)
        );
        let other = AccessKeys::new(
            "another-secret-key-of-sufficient-length-xx",
            Duration::from_secs(60),
        );
        assert!(other.verify(&token).is_none());
        assert!(keys.verify("not.a.jwt").is_none());
    }
}
