//! CSP violation reports as browsers send them, in both formats: the legacy `report-uri`
//! body (`application/csp-report`, `{"csp-report": {...}}`) and the Reporting API batch
//! (`application/reports+json`, `[{"type": "csp-violation", "body": {...}}]`). Each is
//! reduced to a [`Violation`] and logged as one structured line, with URLs cut before
//! their query string (which may carry tokens or personal data) and every field bounded.

use serde::Deserialize;

/// The longest text kept from any one report field.
const MAX_FIELD_CHARS: usize = 300;

/// One violation, reduced to what helps find its cause.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Violation {
    pub directive: String,
    pub blocked_uri: String,
    pub document_uri: String,
    pub source_file: Option<String>,
    pub line: Option<u64>,
    pub column: Option<u64>,
    pub disposition: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Payload {
    Legacy {
        #[serde(rename = "csp-report")]
        report: LegacyReport,
    },
    Batch(Vec<Entry>),
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct LegacyReport {
    document_uri: Option<String>,
    violated_directive: Option<String>,
    effective_directive: Option<String>,
    blocked_uri: Option<String>,
    source_file: Option<String>,
    line_number: Option<u64>,
    column_number: Option<u64>,
    disposition: Option<String>,
}

#[derive(Deserialize)]
struct Entry {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    body: serde_json::Value,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ReportBody {
    #[serde(rename = "documentURL")]
    document_url: Option<String>,
    effective_directive: Option<String>,
    #[serde(rename = "blockedURL")]
    blocked_url: Option<String>,
    source_file: Option<String>,
    line_number: Option<u64>,
    column_number: Option<u64>,
    disposition: Option<String>,
}

/// The violations in a report body of either format; entries of other report types in a
/// Reporting API batch (deprecations, interventions) are skipped.
pub fn parse(body: &[u8]) -> Result<Vec<Violation>, serde_json::Error> {
    match serde_json::from_slice::<Payload>(body)? {
        Payload::Legacy { report } => Ok(vec![Violation::from(report)]),
        Payload::Batch(entries) => entries
            .into_iter()
            .filter(|entry| entry.kind == "csp-violation")
            .map(|entry| serde_json::from_value::<ReportBody>(entry.body).map(Violation::from))
            .collect(),
    }
}

impl From<LegacyReport> for Violation {
    fn from(report: LegacyReport) -> Self {
        Violation {
            directive: bounded(report.effective_directive.or(report.violated_directive)),
            blocked_uri: without_query(report.blocked_uri),
            document_uri: without_query(report.document_uri),
            source_file: report.source_file.map(|file| without_query(Some(file))),
            line: report.line_number,
            column: report.column_number,
            disposition: bounded(report.disposition),
        }
    }
}

impl From<ReportBody> for Violation {
    fn from(body: ReportBody) -> Self {
        Violation {
            directive: bounded(body.effective_directive),
            blocked_uri: without_query(body.blocked_url),
            document_uri: without_query(body.document_url),
            source_file: body.source_file.map(|file| without_query(Some(file))),
            line: body.line_number,
            column: body.column_number,
            disposition: bounded(body.disposition),
        }
    }
}

impl Violation {
    /// Writes the violation as one WARN line.
    pub fn log(&self) {
        tracing::warn!(
            directive = %self.directive,
            blocked_uri = %self.blocked_uri,
            document_uri = %self.document_uri,
            source_file = self.source_file.as_deref().unwrap_or(""),
            line = self.line,
            column = self.column,
            disposition = %self.disposition,
            "CSP violation"
        );
    }
}

fn bounded(text: Option<String>) -> String {
    text.unwrap_or_default()
        .chars()
        .take(MAX_FIELD_CHARS)
        .collect()
}

fn without_query(uri: Option<String>) -> String {
    let uri = uri.unwrap_or_default();
    let end = uri.find(['?', '#']).unwrap_or(uri.len());
    bounded(Some(uri[..end].to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_reports_are_read_and_trimmed() {
        let body =
            br#"{"csp-report": {"document-uri": "https://plan.example.com/people?token=s3cret",
            "violated-directive": "script-src-elem", "blocked-uri": "https://cdn.evil.org/x.js?a=1",
            "source-file": "https://plan.example.com/assets/a.js#x", "line-number": 12,
            "disposition": "enforce"}}"#;
        let violations = parse(body).unwrap();
        assert_eq!(
            violations,
            vec![Violation {
                directive: "script-src-elem".into(),
                blocked_uri: "https://cdn.evil.org/x.js".into(),
                document_uri: "https://plan.example.com/people".into(),
                source_file: Some("https://plan.example.com/assets/a.js".into()),
                line: Some(12),
                column: None,
                disposition: "enforce".into(),
            }]
        );
    }

    #[test]
    fn reporting_api_batches_keep_only_csp_violations() {
        let body = br#"[{"type": "deprecation", "body": {"id": "x"}},
            {"type": "csp-violation", "age": 3, "url": "https://plan.example.com/",
             "body": {"documentURL": "https://plan.example.com/?q=1", "blockedURL": "inline",
                      "effectiveDirective": "style-src-attr", "lineNumber": 3, "columnNumber": 9}}]"#;
        let violations = parse(body).unwrap();
        assert_eq!(violations.len(), 1);
        assert_eq!(violations[0].directive, "style-src-attr");
        assert_eq!(violations[0].blocked_uri, "inline");
        assert_eq!(violations[0].document_uri, "https://plan.example.com/");
        assert_eq!(violations[0].column, Some(9));
    }

    #[test]
    fn anything_else_is_refused() {
        for body in [&b"not json"[..], b"{}", b"\"text\"", b"{\"csp-report\": 1}"] {
            assert!(parse(body).is_err(), "{}", String::from_utf8_lossy(body));
        }
    }
}
