//! Project vocabulary shared by the API and imports: the statuses a project moves through
//! (stored as these names; the database checks the same list).

/// The statuses a project moves through.
pub const STATUSES: [&str; 6] = [
    "planning",
    "active",
    "active_ca",
    "on_hold",
    "completed",
    "cancelled",
];

/// The status a person wrote (`On hold`, `ON-HOLD`, `on_hold`), or `None` when it is none
/// of [`STATUSES`].
pub fn status_named(text: &str) -> Option<&'static str> {
    let wanted: String = text
        .trim()
        .chars()
        .map(|c| {
            if c == ' ' || c == '-' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    STATUSES.into_iter().find(|status| *status == wanted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_read_as_people_write_them() {
        assert_eq!(status_named("On hold"), Some("on_hold"));
        assert_eq!(status_named(" ACTIVE-CA "), Some("active_ca"));
        assert_eq!(status_named("done"), None);
    }
}
