//! Checks of the text fields imports share: bounded text (names, places) and email
//! addresses.

use wt_domain::transfer::cells::{Cell, CellError};

/// Text of at most `max` characters (`None` when empty).
pub fn bounded(cell: &Cell, max: usize) -> Result<Option<String>, CellError> {
    let text = cell.text()?;
    if text.as_ref().is_some_and(|text| text.chars().count() > max) {
        return Err(CellError::new(
            "too_long",
            format!("At most {max} characters."),
        ));
    }
    Ok(text)
}

/// An email address: one `@` with something on both sides, no spaces, at most 254
/// characters (`None` when empty).
pub fn email(cell: &Cell) -> Result<Option<String>, CellError> {
    let Some(text) = bounded(cell, 254)? else {
        return Ok(None);
    };
    let valid = match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.is_empty()
                && !domain.contains('@')
                && !text.contains(char::is_whitespace)
        }
        None => false,
    };
    if !valid {
        return Err(CellError::new(
            "invalid_email",
            "This is not an email address.",
        ));
    }
    Ok(Some(text))
}
