//! The text the system stores, each kind a type that carries its limit. A value of one of
//! these types has been checked where it came in (a request body, an imported cell), so
//! nothing downstream checks it again and no handler or importer writes a length of its
//! own. The limits agree with the columns' CHECK constraints in `migrations/`.

/// Why text was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("the text is empty")]
    Required,
    #[error("the text is longer than {max} characters")]
    TooLong { max: usize },
    #[error("the text is not an email address")]
    NotAnEmail,
    #[error("the text is not a username")]
    NotAUsername,
}

/// Text of a kind the system stores, checked by `parse`.
pub trait StoredText: Sized {
    fn parse(raw: String) -> Result<Self, TextError>;
    fn into_string(self) -> String;
}

fn within(text: String, max: usize) -> Result<String, TextError> {
    if text.chars().count() > max {
        return Err(TextError::TooLong { max });
    }
    Ok(text)
}

/// A name: trimmed, not empty, at most `MAX` characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name<const MAX: usize>(String);

impl<const MAX: usize> StoredText for Name<MAX> {
    fn parse(raw: String) -> Result<Self, TextError> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(TextError::Required);
        }
        within(trimmed.to_owned(), MAX).map(Name)
    }

    fn into_string(self) -> String {
        self.0
    }
}

/// A short label: trimmed, at most `MAX` characters, empty allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label<const MAX: usize>(String);

impl<const MAX: usize> StoredText for Label<MAX> {
    fn parse(raw: String) -> Result<Self, TextError> {
        within(raw.trim().to_owned(), MAX).map(Label)
    }

    fn into_string(self) -> String {
        self.0
    }
}

/// Free text of at most `MAX` characters, kept as written (empty allowed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text<const MAX: usize>(String);

impl<const MAX: usize> Text<MAX> {
    pub const MAX: usize = MAX;
}

impl<const MAX: usize> StoredText for Text<MAX> {
    fn parse(raw: String) -> Result<Self, TextError> {
        within(raw, MAX).map(Text)
    }

    fn into_string(self) -> String {
        self.0
    }
}

/// The longest address SMTP carries.
const EMAIL_MAX_BYTES: usize = 254;

/// An email address: trimmed, something before one `@`, a dot after it, no spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl StoredText for Email {
    fn parse(raw: String) -> Result<Self, TextError> {
        let email = raw.trim();
        let valid = email.len() <= EMAIL_MAX_BYTES
            && !email.contains(char::is_whitespace)
            && email.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty() && domain.contains('.') && !domain.contains('@')
            });
        if valid {
            Ok(Email(email.to_owned()))
        } else {
            Err(TextError::NotAnEmail)
        }
    }

    fn into_string(self) -> String {
        self.0
    }
}

/// A username: trimmed, 1 to [`Username::MAX`] letters, digits and `_ . @ + -`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Username(String);

impl Username {
    pub const MAX: usize = 150;
}

impl StoredText for Username {
    fn parse(raw: String) -> Result<Self, TextError> {
        let username = raw.trim();
        let valid = (1..=Self::MAX).contains(&username.len())
            && username
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"_.@+-".contains(&b));
        if valid {
            Ok(Username(username.to_owned()))
        } else {
            Err(TextError::NotAUsername)
        }
    }

    fn into_string(self) -> String {
        self.0
    }
}

pub type DepartmentName = Name<200>;
pub type RoleName = Name<100>;
pub type SkillName = Name<100>;
pub type SkillCategory = Label<100>;
/// The description of a department or a role.
pub type Description = Text<2000>;
pub type PersonName = Name<200>;
/// Where a person works.
pub type Location = Text<200>;
pub type ProjectName = Name<200>;
pub type ProjectNumber = Name<50>;
pub type ClientName = Name<200>;
pub type ProjectDescription = Text<5000>;
/// The notes on a person, a project, an assignment or a deliverable.
pub type Notes = Text<5000>;
/// What someone does on a project (an assignment).
pub type RoleOnProject = Label<100>;
/// What someone does for a deliverable.
pub type RoleOnMilestone = Label<100>;
pub type DeliverableDescription = Text<200>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_required_and_bounded() {
        let name = RoleName::parse("  Welder ".to_owned()).unwrap();
        assert_eq!(name.into_string(), "Welder");
        assert_eq!(RoleName::parse("   ".to_owned()), Err(TextError::Required));
        assert_eq!(
            RoleName::parse("é".repeat(101)),
            Err(TextError::TooLong { max: 100 })
        );
        assert!(
            RoleName::parse("é".repeat(100)).is_ok(),
            "characters, not bytes"
        );
    }

    #[test]
    fn text_is_kept_as_written_and_bounded() {
        let text = Description::parse(" as written ".to_owned()).unwrap();
        assert_eq!(text.into_string(), " as written ");
        assert!(Description::parse(String::new()).is_ok());
        assert_eq!(
            Description::parse("x".repeat(2001)),
            Err(TextError::TooLong { max: 2000 })
        );
    }

    #[test]
    fn labels_are_trimmed_and_bounded_but_may_be_empty() {
        let label = RoleOnProject::parse("  Lead ".to_owned()).unwrap();
        assert_eq!(label.into_string(), "Lead");
        assert_eq!(
            RoleOnProject::parse("  ".to_owned()).unwrap().into_string(),
            ""
        );
        assert_eq!(
            RoleOnProject::parse(format!(" {} ", "x".repeat(101))),
            Err(TextError::TooLong { max: 100 })
        );
    }

    #[test]
    fn usernames_are_short_and_plain() {
        let name = Username::parse(" ada.l@home+1 ".to_owned()).unwrap();
        assert_eq!(name.into_string(), "ada.l@home+1");
        assert!(Username::parse("a".repeat(Username::MAX)).is_ok());
        for bad in [
            String::new(),
            "a b".to_owned(),
            "ädа".to_owned(),
            "a".repeat(151),
        ] {
            assert_eq!(
                Username::parse(bad.clone()),
                Err(TextError::NotAUsername),
                "{bad}"
            );
        }
    }

    #[test]
    fn emails_need_a_local_part_and_a_dotted_domain() {
        let email = Email::parse(" ada@example.com ".to_owned()).unwrap();
        assert_eq!(email.into_string(), "ada@example.com");
        for bad in [
            "ada",
            "@example.com",
            "ada@example",
            "a da@example.com",
            "a@b@example.com",
        ] {
            assert_eq!(
                Email::parse(bad.to_owned()),
                Err(TextError::NotAnEmail),
                "{bad}"
            );
        }
        let long = format!("{}@example.com", "a".repeat(250));
        assert_eq!(Email::parse(long), Err(TextError::NotAnEmail));
    }
}
