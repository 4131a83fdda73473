//! Outgoing mail over SMTP (lettre), configured by the `EMAIL_*` settings: plain SMTP,
//! STARTTLS (`EMAIL_USE_TLS`) or TLS from the first byte (`EMAIL_USE_SSL`), with optional
//! credentials. Only the worker sends mail, so a slow mail server never holds up a request.

use std::time::Duration;

use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use wt_runtime::Settings;

/// How long one SMTP conversation may take.
const SMTP_TIMEOUT: Duration = Duration::from_secs(20);

/// Why mail could not be set up or sent.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("mail settings are invalid: {0}")]
    Config(String),
    /// The server refused for good (a bad address): retrying will not help.
    #[error("the mail server refused the message: {0}")]
    Rejected(String),
    /// The server was unreachable or busy: worth retrying.
    #[error("the mail server could not be reached: {0}")]
    Unavailable(String),
}

/// Sends mail as `EMAIL_FROM` through the configured server.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// The mailer of `settings`, or `None` when `EMAIL_HOST` is unset (mail disabled).
    pub fn from_settings(settings: &Settings) -> Result<Option<Self>, MailError> {
        let Some(host) = settings.email_host.as_deref() else {
            return Ok(None);
        };
        let config = |e: lettre::transport::smtp::Error| MailError::Config(e.to_string());
        let builder = if settings.email_use_ssl {
            AsyncSmtpTransport::<Tokio1Executor>::relay(host).map_err(config)?
        } else if settings.email_use_tls {
            AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host).map_err(config)?
        } else {
            AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
        };
        let mut builder = builder
            .port(settings.email_port)
            .timeout(Some(SMTP_TIMEOUT));
        if let (Some(user), Some(password)) =
            (&settings.email_host_user, &settings.email_host_password)
        {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        let from = settings
            .email_from
            .parse()
            .map_err(|_| MailError::Config("EMAIL_FROM is not a valid address".to_owned()))?;
        Ok(Some(Mailer {
            transport: builder.build(),
            from,
        }))
    }

    /// Sends a plain-text message.
    pub async fn send(&self, to: &str, subject: &str, body: String) -> Result<(), MailError> {
        let to: Mailbox = to
            .parse()
            .map_err(|_| MailError::Rejected(format!("{to:?} is not a valid address")))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|e| MailError::Rejected(e.to_string()))?;
        match self.transport.send(message).await {
            Ok(_) => Ok(()),
            Err(error) if error.is_permanent() => Err(MailError::Rejected(error.to_string())),
            Err(error) => Err(MailError::Unavailable(error.to_string())),
        }
    }
}
