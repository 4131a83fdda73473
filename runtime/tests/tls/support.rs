//! What the TLS tests share: settings from flags (the parser the binaries use), a free
//! loopback port, finding server binaries (or saying loudly that a test is skipped), the
//! account servers run as, and a child process that is killed when dropped.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use clap::Parser;
use wt_runtime::Settings;

#[derive(Parser)]
struct TestCli {
    #[command(flatten)]
    settings: Settings,
}

pub fn settings(flags: &[&str]) -> Settings {
    let mut argv = vec!["test"];
    argv.extend_from_slice(flags);
    TestCli::try_parse_from(argv)
        .expect("valid test settings")
        .settings
}

/// A port nothing listens on right now.
pub fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().unwrap().port()
}

/// The first of `candidates` that exists, or `None` after a banner saying the test is
/// skipped and what to install.
pub fn find_binary(candidates: &[&str], test: &str, package: &str) -> Option<PathBuf> {
    let found = candidates
        .iter()
        .map(PathBuf::from)
        .find(|path| path.is_file());
    if found.is_none() {
        eprintln!(
            "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n\
             !!! SKIPPED {test}: none of {candidates:?} exists.\n\
             !!! Install {package} (apt-get install {package}) to run it.\n\
             !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
        );
    }
    found
}

/// The (uid, gid) servers that refuse root run as: `postgres` when the tests run as root,
/// else `None` (the current user).
pub fn server_account() -> Option<(u32, u32)> {
    let me = std::fs::metadata("/proc/self").map(|m| std::os::unix::fs::MetadataExt::uid(&m));
    if me.ok() != Some(0) {
        return None;
    }
    let passwd = std::fs::read_to_string("/etc/passwd").expect("/etc/passwd");
    let line = passwd
        .lines()
        .find(|line| line.starts_with("postgres:"))
        .expect("running as root needs a postgres account (installed with postgresql)");
    let fields: Vec<&str> = line.split(':').collect();
    Some((fields[2].parse().unwrap(), fields[3].parse().unwrap()))
}

/// Gives `path` to the server account (the server reads its files as that user).
pub fn hand_over(path: &Path, account: Option<(u32, u32)>) {
    if let Some((uid, gid)) = account {
        std::os::unix::fs::chown(path, Some(uid), Some(gid)).expect("chown");
    }
}

/// A command run as the server account.
pub fn command_as(program: &Path, account: Option<(u32, u32)>) -> Command {
    let mut command = Command::new(program);
    if let Some((uid, gid)) = account {
        std::os::unix::process::CommandExt::uid(&mut command, uid);
        std::os::unix::process::CommandExt::gid(&mut command, gid);
    }
    command
}

/// A server process, its output going to a log file; killed (and reaped) when dropped.
pub struct KillOnDrop {
    child: Child,
    log: PathBuf,
}

impl KillOnDrop {
    pub fn spawn(command: &mut Command, log: &Path) -> Self {
        let file = std::fs::File::create(log).expect("a server log file");
        let child = command
            .stdout(file.try_clone().unwrap())
            .stderr(file)
            .spawn()
            .unwrap_or_else(|error| panic!("{command:?} does not start: {error}"));
        KillOnDrop {
            child,
            log: log.to_owned(),
        }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for KillOnDrop {
    /// SIGINT first (a fast shutdown for PostgreSQL, which then stops its backends too;
    /// Redis exits on it), SIGKILL if it is still running after five seconds.
    fn drop(&mut self) {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-INT", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits until something accepts TCP connections on `port`, or panics with `what` and
/// its log.
pub fn wait_for_port(port: u16, server: &mut KillOnDrop, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while Instant::now() < deadline {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        if let Ok(Some(status)) = server.child.try_wait() {
            panic!("{what} exited at start-up ({status}):\n{}", server.log());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!(
        "{what} did not listen on port {port} within 15 s:\n{}",
        server.log()
    );
}
