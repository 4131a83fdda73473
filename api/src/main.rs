//! `wt-api`: the HTTP server and the admin commands. Configuration comes from the
//! environment (and a `.env` file in the working directory); `wt-api --help` lists every
//! variable with its default.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use axum::ServiceExt;
use axum::extract::Request;
use clap::{Parser, Subcommand};
use wt_api::reallocation_undo::UndoOptions;
use wt_api::routes::jobs::enqueue_warm_cache;
use wt_api::{
    AppState, backup_command, commands, demo, export_command, import_command, reallocation_command,
    schedule_report, verify_loads_command,
};
use wt_domain::transfer::exports::ExportFormat;
use wt_domain::transfer::imports::{ImportKind, ImportOptions};
use wt_runtime::{Settings, database_pool, shutdown, telemetry};
use wt_store::MIGRATOR;

/// mimalloc rather than glibc's malloc: a request allocates and frees many small buffers
/// (JSON, rows, headers) across threads, where glibc's arenas spent about 15% of the
/// api's CPU under load.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Workload Tracker API server and management commands.
#[derive(Parser)]
#[command(name = "wt-api", version)]
struct Cli {
    #[command(flatten)]
    settings: Settings,

    /// Address to listen on.
    #[arg(long, env = "HOST", default_value = "127.0.0.1")]
    host: std::net::IpAddr,

    /// Port to listen on.
    #[arg(long, env = "PORT", default_value = "8000")]
    port: u16,

    /// The built web app to serve at `/`.
    #[arg(long, env = "STATIC_DIR", default_value = "frontend/dist")]
    static_dir: PathBuf,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API and the web app (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create (or update) a user quickly, e.g. for staging: `--superuser` makes an admin,
    /// `--staff` a manager.
    CreateDevUser {
        #[arg(long)]
        username: String,
        #[arg(long)]
        password: String,
        #[arg(long)]
        email: String,
        #[arg(long)]
        staff: bool,
        #[arg(long)]
        superuser: bool,
    },
    /// Create a user, asking for the details on the terminal.
    CreateUser,
    /// Create an admin with a random password (printed once) unless an admin exists.
    CreateDemoAdmin,
    /// Load a demo company (people, departments, projects, a year of hours, deliverables).
    SeedDemo {
        /// How many people.
        #[arg(long, default_value = "150")]
        people: i64,
        /// How many projects (default: about 0.4 per person, at least 10).
        #[arg(long)]
        projects: Option<i64>,
        /// How many assignments, spread evenly over people (default: one to three each).
        #[arg(long)]
        assignments: Option<i64>,
        /// Weeks of hours per assignment, from twelve weeks back.
        #[arg(long, default_value = "52")]
        weeks: i64,
        /// Do nothing when the database already holds people or projects.
        #[arg(long)]
        if_empty: bool,
    },
    /// Print the OpenAPI document (JSON) and exit; needs no database.
    Openapi,
    /// List the job schedules with their next run (UTC), and their latest run when the
    /// database answers.
    Schedules,
    /// Import people or projects from an .xlsx or .csv file in one transaction, with the
    /// same checks and rules as an upload.
    Import {
        /// `people` or `projects`.
        #[arg(value_parser = import_kind)]
        kind: ImportKind,
        file: PathBuf,
        /// Report what would happen, write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Rows matching stored rows update them (otherwise they are skipped).
        #[arg(long)]
        update_existing: bool,
        /// Leave rows with errors out and import the rest.
        #[arg(long)]
        skip_bad_rows: bool,
        /// Write every issue to this CSV file.
        #[arg(long)]
        report: Option<PathBuf>,
    },
    /// Export every person or project to an .xlsx or .csv file that imports back
    /// unchanged, as the download does.
    Export {
        /// `people` or `projects`.
        #[arg(value_parser = import_kind)]
        kind: ImportKind,
        /// `xlsx` (every sheet) or `csv` (the first sheet: People, or Projects).
        #[arg(long, default_value = "xlsx", value_parser = export_format)]
        format: ExportFormat,
        /// Where to write (default: e.g. people-2026-12-04.xlsx here; `-`: stdout).
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Report (`--dry-run`) or fix in one transaction (`--apply`) stored weekly hours that
    /// break the hours policy: non-Sunday weeks, rows of zero or over 168 hours, duplicate
    /// active assignments of one person, project and role (merged, summing their hours).
    NormalizeWeeklyHours {
        #[arg(long, conflicts_with = "apply", required_unless_present = "apply")]
        dry_run: bool,
        #[arg(long)]
        apply: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Put back the weeks the latest reallocation of a deliverable changed.
    UndoLastReallocation {
        deliverable_id: i64,
        /// Also put the deliverable's date back (without a new reallocation).
        #[arg(long)]
        revert_date: bool,
        /// Overwrite weeks edited since the reallocation instead of refusing.
        #[arg(long)]
        force: bool,
    },
    /// Compare the trigger-kept weekly loads with a from-scratch sum and list the
    /// differences (exit status 1 when there are any); `--repair` sets them right.
    VerifyLoads {
        #[arg(long)]
        repair: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Back up the database now (pg_dump custom format, with a sidecar) to BACKUPS_DIR/db,
    /// then apply the retention (7 daily, 4 weekly, 12 monthly).
    BackupDb,
    /// Replace the database with a backup: checked against its sidecar, loaded into a
    /// fresh database and verified, a safety backup taken, then swapped in; the app is
    /// read-only meanwhile.
    RestoreDb {
        /// The archive (`.dump`), with its `.json` sidecar beside it.
        file: PathBuf,
        /// Required: the restore replaces the live database.
        #[arg(long)]
        confirm: bool,
    },
    /// Restore the newest backup into a scratch database, compare every table's row
    /// count and checksum with its sidecar, and drop it; exit status 1 on any difference.
    RestoreDrill,
}

fn import_kind(raw: &str) -> Result<ImportKind, String> {
    match raw {
        "people" => Ok(ImportKind::People),
        "projects" => Ok(ImportKind::Projects),
        _ => Err("people or projects".to_owned()),
    }
}

fn export_format(raw: &str) -> Result<ExportFormat, String> {
    ExportFormat::named(raw).ok_or_else(|| "xlsx or csv".to_owned())
}

fn main() -> anyhow::Result<()> {
    // Only the working directory's `.env`: searching parent directories would pick up
    // files the operator never meant for this process.
    let _ = dotenvy::from_path(".env");
    let cli = Cli::parse();
    if matches!(cli.command, Some(Command::Openapi)) {
        println!("{}", wt_api::openapi::document_json());
        return Ok(());
    }
    let serving = matches!(cli.command, None | Some(Command::Serve));
    if serving && let Err(insecure) = cli.settings.check_production_safety() {
        eprintln!("wt-api: refusing to start: {insecure}");
        std::process::exit(2);
    }
    // Commands print their own output; only the server logs its progress by default.
    let quiet = !matches!(
        cli.command,
        None | Some(Command::Serve) | Some(Command::Migrate)
    );
    let _telemetry = telemetry::init("wt-api", &cli.settings, quiet);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    match cli.command {
        None | Some(Command::Serve) => runtime.block_on(serve(cli)),
        Some(Command::Migrate) => runtime.block_on(migrate(&cli.settings)),
        Some(Command::CreateDevUser {
            username,
            password,
            email,
            staff,
            superuser,
        }) => runtime.block_on(async {
            let pool = database_pool(&cli.settings)?;
            let role = commands::role_from_flags(staff, superuser);
            let (user, created) =
                commands::upsert_user(&pool, &username, &email, &password, role).await?;
            commands::report(&user, created);
            Ok(())
        }),
        Some(Command::CreateUser) => runtime.block_on(async {
            commands::create_user_interactively(&database_pool(&cli.settings)?).await
        }),
        Some(Command::CreateDemoAdmin) => runtime
            .block_on(async { commands::create_demo_admin(&database_pool(&cli.settings)?).await }),
        Some(Command::SeedDemo {
            people,
            projects,
            assignments,
            weeks,
            if_empty,
        }) => {
            let size = demo::Size {
                people,
                projects,
                assignments,
                weeks,
            };
            runtime.block_on(seed_demo(&cli.settings, size, if_empty))
        }
        Some(Command::Schedules) => runtime.block_on(schedule_report::print(&cli.settings)),
        Some(Command::Import {
            kind,
            file,
            dry_run,
            update_existing,
            skip_bad_rows,
            report,
        }) => {
            let options = ImportOptions {
                dry_run,
                update_existing,
                skip_bad_rows,
            };
            let run = import_command::run(&cli.settings, kind, &file, options, report.as_deref());
            // A refused file or one kept out by its errors is an outcome, said in one line.
            if let Err(error) = runtime.block_on(run) {
                eprintln!("wt-api import: {error:#}");
                std::process::exit(1);
            }
            Ok(())
        }
        Some(Command::Export {
            kind,
            format,
            output,
        }) => {
            let run = export_command::run(&cli.settings, kind, format, output.as_deref());
            if let Err(error) = runtime.block_on(run) {
                eprintln!("wt-api export: {error:#}");
                std::process::exit(1);
            }
            Ok(())
        }
        Some(Command::NormalizeWeeklyHours { apply, json, .. }) => exit_on_error(
            "normalize-weekly-hours",
            runtime.block_on(reallocation_command::normalize_weekly_hours(
                &cli.settings,
                apply,
                json,
            )),
        ),
        Some(Command::UndoLastReallocation {
            deliverable_id,
            revert_date,
            force,
        }) => {
            let options = UndoOptions { revert_date, force };
            let run = reallocation_command::undo_last_reallocation(
                &cli.settings,
                deliverable_id,
                options,
            );
            exit_on_error("undo-last-reallocation", runtime.block_on(run))
        }
        Some(Command::VerifyLoads { repair, json }) => exit_on_error(
            "verify-loads",
            runtime.block_on(verify_loads_command::run(&cli.settings, repair, json)),
        ),
        Some(Command::BackupDb) => exit_on_error(
            "backup-db",
            runtime.block_on(backup_command::backup(&cli.settings)),
        ),
        Some(Command::RestoreDb { file, confirm }) => exit_on_error(
            "restore-db",
            runtime.block_on(backup_command::restore(&cli.settings, &file, confirm)),
        ),
        Some(Command::RestoreDrill) => exit_on_error(
            "restore-drill",
            runtime.block_on(backup_command::drill(&cli.settings)),
        ),
        Some(Command::Openapi) => unreachable!("handled before the runtime starts"),
    }
}

/// A command's failure is an outcome, said in one line, with exit status 1.
fn exit_on_error(command: &str, outcome: anyhow::Result<()>) -> anyhow::Result<()> {
    if let Err(error) = outcome {
        eprintln!("wt-api {command}: {error:#}");
        std::process::exit(1);
    }
    Ok(())
}

/// Loads the demo company, or says why not.
async fn seed_demo(settings: &Settings, size: demo::Size, if_empty: bool) -> anyhow::Result<()> {
    let pool = database_pool(settings)?;
    if if_empty && !demo::is_empty(&pool).await? {
        println!("The database already holds planning data; no demo data was loaded.");
        return Ok(());
    }
    let today = chrono::Utc::now().date_naive();
    let sunday = wt_domain::weeks::Week::current(today)
        .map_err(|e| anyhow::anyhow!(e.message()))?
        .as_date();
    let seeded = demo::seed(&pool, size, sunday).await?;
    println!(
        "Demo data loaded: {} people, {} projects, {} assignments, {} planned weeks.",
        seeded.people, seeded.projects, seeded.assignments, seeded.weeks
    );
    Ok(())
}

async fn migrate(settings: &Settings) -> anyhow::Result<()> {
    let pool = database_pool(settings)?;
    MIGRATOR
        .run(&pool)
        .await
        .context("applying migrations (is PostgreSQL reachable at DATABASE_URL?)")?;
    tracing::info!("migrations applied");
    Ok(())
}

async fn serve(cli: Cli) -> anyhow::Result<()> {
    if cli.settings.migrate_on_start() {
        migrate(&cli.settings).await?;
    }
    let pool = database_pool(&cli.settings)?;
    let state = AppState::new(cli.settings, pool, cli.static_dir)?;
    let warm_up = state.clone();
    tokio::spawn(async move {
        if let Err(error) = enqueue_warm_cache(&warm_up, None).await {
            tracing::warn!(%error, "could not queue the start-up cache warm-up");
        }
    });
    let address = SocketAddr::new(cli.host, cli.port);
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .with_context(|| format!("listening on {address}"))?;
    tracing::info!(%address, "serving");
    let app = wt_api::router(state);
    // With the peer address, so per-client limits (CSP reports) can tell clients apart.
    let app = ServiceExt::<Request>::into_make_service_with_connect_info::<SocketAddr>(app);
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown::signal())
        .await
        .context("serving HTTP")
}
