//! The settings parse as documented and production refuses what is unsafe.

use clap::Parser;

use super::*;

#[derive(Parser)]
struct Cli {
    #[command(flatten)]
    settings: Settings,
}

fn parse(args: &[&str]) -> Settings {
    let mut argv = vec!["test"];
    argv.extend_from_slice(args);
    Cli::try_parse_from(argv).expect("valid arguments").settings
}

const GOOD_SECRET: &str = "--secret-key=0123456789abcdef0123456789abcdef";

#[test]
fn production_refuses_the_default_secret() {
    let settings = parse(&["--debug=false", "--allowed-hosts=example.com"]);
    if settings.secret_key == DEFAULT_SECRET_KEY {
        assert_eq!(
            settings.check_production_safety(),
            Err(InsecureSetting::SecretKey)
        );
    }
    let short = parse(&["--debug=false", "--secret-key=short", "--allowed-hosts=a.b"]);
    assert_eq!(
        short.check_production_safety(),
        Err(InsecureSetting::SecretKey)
    );
}

#[test]
fn production_refuses_bearer_refresh_tokens() {
    let settings = parse(&[
        "--debug=false",
        GOOD_SECRET,
        "--allowed-hosts=example.com",
        "--cookie-refresh-auth=false",
    ]);
    assert_eq!(
        settings.check_production_safety(),
        Err(InsecureSetting::CookieRefreshAuth)
    );
}

#[test]
fn production_refuses_empty_allowed_hosts() {
    let settings = parse(&["--debug=false", GOOD_SECRET, "--allowed-hosts= , "]);
    assert_eq!(
        settings.check_production_safety(),
        Err(InsecureSetting::AllowedHosts)
    );
}

#[test]
fn production_accepts_safe_settings() {
    let settings = parse(&[
        "--debug=false",
        GOOD_SECRET,
        "--allowed-hosts=Plan.Example.com,alt.example.com",
        "--cookie-refresh-auth=true",
    ]);
    assert_eq!(settings.check_production_safety(), Ok(()));
    assert_eq!(
        settings.allowed_hosts(),
        vec!["plan.example.com", "alt.example.com"]
    );
}

#[test]
fn development_relaxes_and_defaults_hosts() {
    let settings = parse(&["--debug=true", "--secret-key=x", "--allowed-hosts="]);
    assert_eq!(settings.check_production_safety(), Ok(()));
    assert_eq!(settings.allowed_hosts(), DEVELOPMENT_HOSTS.to_vec());
    assert!(settings.migrate_on_start());
}

#[test]
fn deliverable_templates_parse_and_refuse_nonsense() {
    let standard = parse(&[]).deliverable_template;
    if std::env::var("DELIVERABLE_TEMPLATE").is_err() {
        assert_eq!(standard.0.len(), 4);
        assert_eq!(standard.0[0], (35, "SD".to_owned()));
    }
    assert_eq!(parse_template("").unwrap().0, vec![]);
    assert!(parse_template("150:Too much").is_err());
    assert!(parse_template("SD").is_err());
    assert!(parse_template("50:").is_err());
}

#[test]
fn the_cache_backend_can_be_chosen() {
    assert!(parse(&["--cache-backend=redis"]).cache_in_redis());
    assert!(!parse(&["--cache-backend=local"]).cache_in_redis());
}
