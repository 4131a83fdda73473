//! Password reset by email, end to end: the api queues the mail, a real worker writes it
//! and sends it over SMTP to a listener started by the test, and the link's token works
//! exactly once. Invitations travel the same way.

use std::sync::Arc;
use std::time::Duration;

use axum::http::StatusCode;
use serde_json::json;
use sqlx::PgPool;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::mpsc;
use wt_domain::accounts::Role;
use wt_worker::WorkerState;
use wt_worker::mailer::Mailer;

use crate::support::*;

/// A minimal SMTP server: accepts every message and hands its DATA to the test.
async fn smtp_listener() -> (u16, mpsc::UnboundedReceiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (sent, received) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let sent = sent.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 test-smtp ready\r\n").await.ok();
                while let Ok(Some(line)) = lines.next_line().await {
                    let verb = line
                        .split_whitespace()
                        .next()
                        .unwrap_or("")
                        .to_ascii_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250 test-smtp\r\n",
                        "DATA" => {
                            write.write_all(b"354 go ahead\r\n").await.ok();
                            let mut message = String::new();
                            while let Ok(Some(line)) = lines.next_line().await {
                                if line == "." {
                                    break;
                                }
                                message.push_str(&line);
                                message.push('\n');
                            }
                            let _ = sent.send(message);
                            b"250 queued\r\n"
                        }
                        "QUIT" => {
                            write.write_all(b"221 bye\r\n").await.ok();
                            break;
                        }
                        _ => b"250 ok\r\n",
                    };
                    write.write_all(reply).await.ok();
                }
            });
        }
    });
    (port, received)
}

/// The mail's text with quoted-printable soft breaks and `=` escapes undone.
fn decoded(mail: &str) -> String {
    mail.replace("=\n", "").replace("=3D", "=")
}

/// The token of the reset link in a mail.
fn link_token(mail: &str) -> String {
    let unfolded = decoded(mail);
    let start = unfolded.find("token=").expect("a reset link") + "token=".len();
    unfolded[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

async fn start_worker(state: &wt_api::AppState, smtp_port: u16) -> TestWorker {
    let port = format!("--email-port={smtp_port}");
    let mail_settings = settings(&["--email-host=127.0.0.1", &port]);
    let mailer = Mailer::from_settings(&mail_settings).unwrap().unwrap();
    TestWorker::start(state, |worker| WorkerState {
        mailer: Some(Arc::new(mailer)),
        public_url: "http://plan.example.com".to_owned(),
        ..worker
    })
    .await
}

/// The next mail, once its job committed: the worker sends the mail and then commits the
/// link's token with the job, so a link is live a moment after its mail arrives (a person
/// never clicks that fast; a test must wait).
async fn next_mail(pool: &PgPool, received: &mut mpsc::UnboundedReceiver<String>) -> String {
    let mail = tokio::time::timeout(Duration::from_secs(20), received.recv())
        .await
        .expect("a mail arrived in time")
        .expect("the listener is running");
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let sending: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM jobs WHERE kind = 'email' AND state <> 'succeeded'",
        )
        .fetch_one(pool)
        .await
        .unwrap();
        if sending == 0 {
            return mail;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the mail job never committed"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn a_reset_link_arrives_by_mail_and_works_once(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    let (smtp_port, mut received) = smtp_listener().await;
    let worker = start_worker(&state, smtp_port).await;
    create_user(&state, "lena", Role::User).await;

    let ask = |email: &str| {
        request(
            "POST",
            "/api/auth/password-reset",
            None,
            Some(json!({ "email": email })),
        )
    };
    assert_eq!(
        app.send(ask("nobody@example.com")).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.send(ask("LENA@example.com")).await.status,
        StatusCode::NO_CONTENT
    );

    let mail = next_mail(&state.db, &mut received).await;
    assert!(mail.contains("To: lena@example.com"), "{mail}");
    assert!(
        mail.contains("http://plan.example.com/reset-password?token"),
        "{mail}"
    );
    let token = link_token(&mail);
    assert_eq!(token.len(), 43);

    let confirm = |password: &str| {
        request(
            "POST",
            "/api/auth/password-reset/confirm",
            None,
            Some(json!({ "token": token, "newPassword": password })),
        )
    };
    let weak = app.send(confirm("lena")).await;
    assert_eq!(
        weak.json()["code"],
        "weak_password",
        "a weak password keeps the link usable"
    );
    assert_eq!(
        app.send(confirm("a fresh long secret")).await.status,
        StatusCode::NO_CONTENT
    );
    let again = app.send(confirm("another long secret")).await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST);
    assert_eq!(again.json()["code"], "reset_token_invalid");

    let signin = app
        .send(request(
            "POST",
            "/api/token",
            None,
            Some(json!({ "username": "lena", "password": "a fresh long secret" })),
        ))
        .await;
    assert_eq!(signin.status, StatusCode::OK);
    assert!(
        received.try_recv().is_err(),
        "no mail for the unknown address"
    );
    worker.stop().await;
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn an_invited_user_sets_a_password_from_the_mail(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    let (smtp_port, mut received) = smtp_listener().await;
    let worker = start_worker(&state, smtp_port).await;
    let admin = create_user(&state, "root-admin", Role::Admin).await;
    let invite = json!({ "username": "mia", "email": "mia@example.com", "role": "user" });
    let created = app
        .send(request(
            "POST",
            "/api/users",
            Some(&access_token(&state, &admin)),
            Some(invite),
        ))
        .await;
    assert_eq!(created.status, StatusCode::CREATED);

    let mail = next_mail(&state.db, &mut received).await;
    assert!(decoded(&mail).contains("&invite=1"), "{mail}");
    let body = json!({ "token": link_token(&mail), "newPassword": "mias own password" });
    let set = app
        .send(request(
            "POST",
            "/api/auth/password-reset/confirm",
            None,
            Some(body),
        ))
        .await;
    assert_eq!(set.status, StatusCode::NO_CONTENT);
    worker.stop().await;
}
