//! `email`: writes and sends one account mail. The job carries only the template and the
//! user id; the single-use link token is made here, stored hashed, and exists nowhere but
//! in the mail. A retry makes a fresh token and retires the old one.

use std::time::Duration;

use serde_json::{Value, json};
use sqlx::PgConnection;
use wt_domain::secrets::{new_token, token_hash};
use wt_jobs::payloads::{Email, JobPayload, MailTemplate};
use wt_store::reset_tokens::{self, Purpose};
use wt_store::users;

use crate::context::{JobContext, JobFailure};
use crate::mailer::MailError;

const RESET_LIFETIME: Duration = Duration::from_secs(60 * 60);
const INVITATION_LIFETIME: Duration = Duration::from_secs(7 * 24 * 60 * 60);

/// What each template says, and how long its link lives.
struct Template {
    purpose: Purpose,
    lifetime: Duration,
    subject: &'static str,
    lead: &'static str,
    query: &'static str,
}

fn template(mail: MailTemplate) -> Template {
    match mail {
        MailTemplate::PasswordReset => Template {
            purpose: Purpose::Reset,
            lifetime: RESET_LIFETIME,
            subject: "Reset your Workload Tracker password",
            lead: "Someone (hopefully you) asked to reset the password of your Workload \
                   Tracker account. Open this link within an hour to choose a new one:",
            query: "",
        },
        MailTemplate::Invitation => Template {
            purpose: Purpose::Invite,
            lifetime: INVITATION_LIFETIME,
            subject: "You are invited to Workload Tracker",
            lead: "An administrator created a Workload Tracker account for you. Open this \
                   link within a week to set your password:",
            query: "&invite=1",
        },
    }
}

/// Issues the link token and sends the mail. The token row is written in the job's
/// transaction and the mail goes out before it commits: a mail whose job then fails to
/// commit carries a link that never worked, and the retry sends a fresh one, so a person
/// never holds two live links from one job.
pub async fn run(context: &mut JobContext<'_>, tx: &mut PgConnection) -> Result<Value, JobFailure> {
    let payload = Email::of(context.job)?;
    let template = template(payload.template);
    let mailer = context.state.mailer.as_ref().ok_or_else(|| {
        JobFailure::permanent(
            "mail_not_configured",
            "Outgoing mail is not configured (EMAIL_HOST).",
        )
    })?;
    let user = users::find(&mut *tx, payload.user_id)
        .await?
        .filter(|user| user.is_active)
        .ok_or_else(|| {
            JobFailure::permanent(
                "user_not_found",
                "The user no longer exists or is inactive.",
            )
        })?;
    context
        .progress(
            "Writing",
            30,
            &format!("Writing the mail to {}", masked(&user.email)),
        )
        .await?;

    let token = new_token();
    reset_tokens::issue(
        &mut *tx,
        user.id,
        &token_hash(&token),
        template.purpose,
        template.lifetime,
    )
    .await?;
    let link = format!(
        "{}/reset-password?token={token}{}",
        context.state.public_url.trim_end_matches('/'),
        template.query
    );
    let body = format!(
        "Hello {},\n\n{}\n\n{link}\n\nIf you did not expect this mail, you can ignore it.\n",
        user.username, template.lead
    );
    context
        .progress("Sending", 60, "Handing the mail to the mail server")
        .await?;
    mailer
        .send(&user.email, template.subject, body)
        .await
        .map_err(|error| match error {
            MailError::Unavailable(message) => JobFailure::transient("mail_unavailable", message),
            other => JobFailure::permanent("mail_rejected", other.to_string()),
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
        assert_eq!(template(MailTemplate::Invitation).query, "&invite=1");
    }
}
