//! Accounts: the three account roles and what each may do, and the password rules. The
//! API's permission guard and the user admin build on these; nothing here touches IO.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::jobs::UnknownName;

/// What an account may do. Ordered: each role can do everything the one below can.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Reads everything; writes only their own linked person and their own hours.
    User,
    /// Writes planning data: people, projects, assignments, deliverables, imports.
    Manager,
    /// Everything, including users, backups and settings.
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::User, Role::Manager, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::User => "user",
            Role::Manager => "manager",
            Role::Admin => "admin",
        }
    }

    /// Whether this role includes everything `required` may do.
    pub fn includes(self, required: Role) -> bool {
        self >= required
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = UnknownName;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|role| role.as_str() == name)
            .ok_or_else(|| UnknownName(name.to_owned()))
    }
}

/// The shortest password accepted.
pub const MIN_PASSWORD_LEN: usize = 10;

/// The longest password accepted: hashing cost grows with length, so bound it.
pub const MAX_PASSWORD_LEN: usize = 256;

/// Why a password is refused. The codes are part of the API contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    IsUsername,
    TooCommon,
}

impl PasswordProblem {
    pub fn code(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "password_too_short",
            PasswordProblem::TooLong => "password_too_long",
            PasswordProblem::IsUsername => "password_is_username",
            PasswordProblem::TooCommon => "password_too_common",
        }
    }

    pub fn message(self) -> String {
        match self {
            PasswordProblem::TooShort => {
                format!("Use at least {MIN_PASSWORD_LEN} characters.")
            }
            PasswordProblem::TooLong => format!("Use at most {MAX_PASSWORD_LEN} characters."),
            PasswordProblem::IsUsername => "The password must not be the username.".to_owned(),
            PasswordProblem::TooCommon => {
                "This password is too common; choose one that is harder to guess.".to_owned()
            }
        }
    }
}

/// Passwords people pick first, each at least the minimum length (shorter ones fail the
/// length rule anyway). Compared case-insensitively.
const COMMON_PASSWORDS: &[&str] = &[
    "1234567890",
    "12345678910",
    "0123456789",
    "0987654321",
    "1111111111",
    "0000000000",
    "1q2w3e4r5t",
    "1qaz2wsx3edc",
    "qwertyuiop",
    "qwerty12345",
    "qwerty123456",
    "asdfghjkl1",
    "zxcvbnm123",
    "password12",
    "password123",
    "password1234",
    "password!1",
    "passw0rd123",
    "p@ssw0rd123",
    "iloveyou12",
    "iloveyou123",
    "letmein123",
    "welcome123",
    "welcome1234",
    "changeme123",
    "administrator",
    "admin12345",
    "admin123456",
    "football123",
    "baseball123",
    "princess123",
    "sunshine123",
    "superman123",
    "trustno1234",
    "dragon1234",
    "monkey12345",
    "starwars123",
    "whatever123",
    "abcdefghij",
    "abcd123456",
    "abc1234567",
    "aaaaaaaaaa",
    "qwertyqwerty",
    "workload123",
    "workloadtracker",
    "secret1234",
    "mypassword",
    "mypassword1",
    "password2024",
    "password2025",
    "password2026",
    "summer2025",
    "winter2025",
    "spring2026",
    "autumn2026",
];

/// Checks a new password for `username`; every problem found is returned.
pub fn check_password(username: &str, password: &str) -> Result<(), Vec<PasswordProblem>> {
    let mut problems = Vec::new();
    let length = password.chars().count();
    if length < MIN_PASSWORD_LEN {
        problems.push(PasswordProblem::TooShort);
    }
    if length > MAX_PASSWORD_LEN {
        problems.push(PasswordProblem::TooLong);
    }
    if !username.is_empty() && password.trim().eq_ignore_ascii_case(username.trim()) {
        problems.push(PasswordProblem::IsUsername);
    }
    let lowered = password.to_lowercase();
    if COMMON_PASSWORDS.iter().any(|common| *common == lowered) {
        problems.push(PasswordProblem::TooCommon);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_ordered_by_power() {
        assert!(Role::Admin.includes(Role::Manager));
        assert!(Role::Manager.includes(Role::User));
        assert!(!Role::User.includes(Role::Manager));
        assert!(!Role::Manager.includes(Role::Admin));
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
        assert!("root".parse::<Role>().is_err());
    }

    #[test]
    fn passwords_follow_the_rules() {
        assert_eq!(check_password("alice", "correct horse battery"), Ok(()));
        assert_eq!(
            check_password("alice", "short"),
            Err(vec![PasswordProblem::TooShort])
        );
        assert_eq!(
            check_password("alice.smith", "Alice.Smith"),
            Err(vec![PasswordProblem::IsUsername])
        );
        assert_eq!(
            check_password("bob", "Password123"),
            Err(vec![PasswordProblem::TooCommon])
        );
        assert_eq!(
            check_password("bob", &"x".repeat(MAX_PASSWORD_LEN + 1)),
            Err(vec![PasswordProblem::TooLong])
        );
        assert!(
            COMMON_PASSWORDS
                .iter()
                .all(|p| p.chars().count() >= MIN_PASSWORD_LEN)
        );
    }
}
