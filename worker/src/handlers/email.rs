//! `email`: writes and sends one account mail. The job carries only the template and the
//! user id; the single-use link token is made here, stored hashed, and exists nowhere but
//! in the mail. A retry makes a fresh token and retires the old one.

use std::time::Duration;

use serde::Deserialize;
use serde_json::{Value, json};
use sqlx::PgConnection;
use wt_domain::secrets::{new_token, token_hash};
use wt_store::jobs::{Job, JobError};
use wt_store::reset_tokens::{self, Purpose};
use wt_store::users;

use crate::executor::JobFailure;
use crate::mailer::MailError;
use crate::state::WorkerState;

const RESET_LIFETIME: Duration = Duration::from_secs(60 * 60);
const INVITATION_LIFETIME: Duration = Duration::from_secs(7 * 24 * 60 * 60);

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Payload {
    template: String,
    user_id: i64,
}

fn permanent(code: &str, message: impl Into<String>) -> JobFailure {
    JobFailure::Permanent(JobError {
        code: code.to_owned(),
        message: message.into(),
    })
}

/// What each template says, and how long its link lives.
struct Template {
    purpose: Purpose,
    lifetime: Duration,
    subject: &'static str,
    lead: &'static str,
    query: &'static str,
}

fn template(name: &str) -> Option<Template> {
    match name {
        "password_reset" => Some(Template {
            purpose: Purpose::Reset,
            lifetime: RESET_LIFETIME,
            subject: "Reset your Workload Tracker password",
            lead: "Someone (hopefully you) asked to reset the password of your Workload \
                   Tracker account. Open this link within an hour to choose a new one:",
            query: "",
        }),
        "invitation" => Some(Template {
            purpose: Purpose::Invite,
            lifetime: INVITATION_LIFETIME,
            subject: "You are invited to Workload Tracker",
            lead: "An administrator created a Workload Tracker account for you. Open this \
                   link within a week to set your password:",
            query: "&invite=1",
        }),
        _ => None,
    }
}

pub async fn run(
    state: &WorkerState,
    _owner: &str,
    job: &Job,
    _tx: &mut PgConnection,
) -> Result<Value, JobFailure> {
    let payload: Payload = serde_json::from_value(job.payload.clone())
        .map_err(|e| permanent("invalid_payload", e.to_string()))?;
    let template = template(&payload.template)
        .ok_or_else(|| permanent("unknown_template", payload.template.clone()))?;
    let mailer = state.mailer.as_ref().ok_or_else(|| {
        permanent(
            "mail_not_configured",
            "Outgoing mail is not configured (EMAIL_HOST).",
        )
    })?;
    let user = users::find(&state.pool, payload.user_id)
        .await?
        .filter(|user| user.is_active)
        .ok_or_else(|| {
            permanent(
                "user_not_found",
                "The user no longer exists or is inactive.",
            )
        })?;

    let token = new_token();
    let mut conn = state
        .pool
        .acquire()
        .await
        .map_err(wt_store::StoreError::from)?;
    reset_tokens::issue(
        &mut conn,
        user.id,
        &token_hash(&token),
        template.purpose,
        template.lifetime,
    )
    .await?;
    let link = format!(
        "{}/reset-password?token={token}{}",
        state.public_url.trim_end_matches('/'),
        template.query
    );
    let body = format!(
        "Hello {},\n\n{}\n\n{link}\n\nIf you did not expect this mail, you can ignore it.\n",
        user.username, template.lead
    );
    mailer
        .send(&user.email, template.subject, body)
        .await
        .map_err(|error| match error {
            MailError::Unavailable(message) => JobFailure::transient("mail_unavailable", message),
            other => permanent("mail_rejected", other.to_string()),
        })?;
    Ok(json!({ "template": payload.template, "to": masked(&user.email) }))
}

/// `alice@example.com` -> `a***@example.com`: enough to recognise, not to harvest.
fn masked(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_masked_in_results() {
        assert_eq!(masked("alice@example.com"), "a***@example.com");
        assert_eq!(masked("nonsense"), "***");
        assert!(template("password_reset").is_some());
        assert!(template("spam").is_none());
    }
}
