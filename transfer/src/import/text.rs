//! The text cells of imports, read as the stored text kinds of `wt_domain::text`, so an
//! import keeps the limits the API keeps and states none of its own.

use wt_domain::text::{StoredText, TextError};
use wt_domain::transfer::cells::{Cell, CellError};

/// The cell's text as the stored text `T` (`None` when the cell is empty).
pub fn stored<T: StoredText>(cell: &Cell) -> Result<Option<String>, CellError> {
    let Some(text) = cell.text()? else {
        return Ok(None);
    };
    T::parse(text)
        .map(|text| Some(text.into_string()))
        .map_err(|error| match error {
            TextError::TooLong { max } => {
                CellError::new("too_long", format!("At most {max} characters."))
            }
            TextError::NotAnEmail => {
                CellError::new("invalid_email", "This is not an email address.")
            }
            // A cell's text is trimmed and not empty, and no sheet holds usernames.
            TextError::Required | TextError::NotAUsername => {
                CellError::new("invalid_text", error.to_string())
            }
        })
}
