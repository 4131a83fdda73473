//! Why a file is refused as a whole: a stable code (the import job's error code) and a
//! sentence that tells a person what is wrong and what to do.

/// A file refused before or while it was read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Refusal {
    pub code: &'static str,
    pub message: String,
}

impl Refusal {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Refusal {
            code,
            message: message.into(),
        }
    }
}
