//! Keeping exported text from running as a formula. A spreadsheet treats a cell that
//! starts with `=`, `+`, `-` or `@` (and, in some programs, a tab, carriage return or NUL)
//! as something to evaluate, which an attacker can use to run commands on whoever opens
//! an export ("CSV injection"). Exports write such text with a leading apostrophe, which
//! spreadsheets show as plain text; imports take exactly that apostrophe off again, so a
//! file the system exported imports back unchanged.

use std::borrow::Cow;

const TRIGGERS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\0'];

/// Whether `text` needs the guard: it starts with a trigger, possibly after apostrophes
/// (text that already starts with an apostrophe and a trigger gets one more, so that the
/// import's removal of one gives it back as it was).
fn needs_guard(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(TRIGGERS)
}

/// `text` as an export writes it.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if needs_guard(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// `text` as an import reads it: the apostrophe an export added is taken off.
pub fn restore(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn formula_looking_text_is_defused() {
        assert_eq!(
            neutralise("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(neutralise("+1"), "'+1");
        assert_eq!(neutralise("-2"), "'-2");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("Plain"), "Plain");
        assert_eq!(neutralise("'quoted"), "'quoted");
        assert_eq!(restore("'quoted"), "'quoted");
        assert_eq!(restore("'=1+1"), "=1+1");
        assert_eq!(neutralise("'=1"), "''=1");
        assert_eq!(restore("''=1"), "'=1");
    }

    proptest! {
        #[test]
        fn an_export_reads_back_as_it_was(text in ".{0,40}") {
            let exported = neutralise(&text);
            prop_assert_eq!(restore(&exported), text.as_str());
        }
    }
}
