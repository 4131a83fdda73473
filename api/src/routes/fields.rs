//! Field checks shared by the resources: stored text parsed as its `wt_domain::text` kind,
//! positive ids, dates, each failure a `FieldError` with the field's path and a stable code.

use chrono::NaiveDate;

use wt_domain::text::{StoredText, TextError, Username};

use crate::problem::FieldError;

/// `raw` parsed as the stored text `T` (its limits are the type's), or the field's error.
pub fn stored<T: StoredText>(field: &str, raw: impl Into<String>) -> Result<String, FieldError> {
    T::parse(raw.into())
        .map(T::into_string)
        .map_err(|error| match error {
            TextError::Required => FieldError::new(field, "required", "This field is required."),
            TextError::TooLong { max } => {
                FieldError::new(field, "too_long", format!("Use at most {max} characters."))
            }
            TextError::NotAnEmail => {
                FieldError::new(field, "invalid_email", "Enter a valid email address.")
            }
            TextError::NotAUsername => {
                let message = format!("Use 1-{} letters, digits and _ . @ + -", Username::MAX);
                FieldError::new(field, "invalid_username", message)
            }
        })
}

/// Text that may be left out: none when absent or blank, else `raw` parsed as `T`.
pub fn optional<T: StoredText>(
    field: &str,
    raw: Option<String>,
) -> Result<Option<String>, FieldError> {
    match raw.filter(|text| !text.trim().is_empty()) {
        None => Ok(None),
        Some(text) => stored::<T>(field, text).map(Some),
    }
}

/// A reference to another row: a positive id, or none.
pub fn reference(field: &str, id: Option<i64>) -> Result<Option<i64>, FieldError> {
    match id {
        Some(id) if id <= 0 => Err(FieldError::new(
            field,
            "invalid_id",
            "Choose an existing record.",
        )),
        other => Ok(other),
    }
}

/// An optional `YYYY-MM-DD` date in a PATCH-style body: absent keeps `base`, `null`
/// clears it.
pub fn date(
    field: &str,
    raw: Option<Option<String>>,
    base: Option<NaiveDate>,
) -> Result<Option<NaiveDate>, FieldError> {
    match raw {
        None => Ok(base),
        Some(None) => Ok(None),
        Some(Some(text)) => NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| FieldError::new(field, "invalid_date", "Use a date like 2026-11-22.")),
    }
}

/// A search text worth searching for: its words with one space between them (so a term
/// never holds the newlines that separate the fields a search matches), or `None` when
/// blank.
pub fn search(raw: Option<String>) -> Option<String> {
    raw.map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
}

/// Gathers the outcome of several field checks, so a client hears about every bad field
/// at once rather than one per request.
#[derive(Debug, Default)]
pub struct Checks {
    errors: Vec<FieldError>,
}

impl Checks {
    /// The checked value, or a default placeholder while the error is kept.
    pub fn take<T: Default>(&mut self, result: Result<T, FieldError>) -> T {
        result.unwrap_or_else(|error| {
            self.errors.push(error);
            T::default()
        })
    }

    /// A PATCH-style text field: `edit` (or `base` when left out) parsed as `T`.
    pub fn text<T: StoredText>(
        &mut self,
        field: &str,
        edit: Option<String>,
        base: String,
    ) -> String {
        self.take(stored::<T>(field, edit.unwrap_or(base)))
    }

    /// A PATCH-style text field that may be blank: `edit` (or `base` when left out)
    /// parsed as `T`, none when blank.
    pub fn optional_text<T: StoredText>(
        &mut self,
        field: &str,
        edit: Option<Option<String>>,
        base: Option<String>,
    ) -> Option<String> {
        self.take(optional::<T>(field, edit.unwrap_or(base)))
    }

    /// `Ok` when every check passed, else every error.
    pub fn finish(self) -> Result<(), Vec<FieldError>> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self.errors)
        }
    }
}
