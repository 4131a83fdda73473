//! The people import from file to database: read the People sheet (the sheet named
//! People, else the first), plan every row against the stored people, then write the new
//! roles and departments, the new people and the changed ones in batches, all in the
//! caller's transaction, counting each outcome for the report.

use std::path::Path;

use sqlx::PgConnection;
use wt_domain::transfer::cells::CellError;
use wt_domain::transfer::columns::{Field, PEOPLE, Sheet, SheetKind};
use wt_domain::transfer::report::{Entity, Issue, Report, Severity};
use wt_store::names::{self, Named};
use wt_store::people::PersonFields;
use wt_store::{StoreError, bulk};

use super::collect::{Collector, Records};
use super::people::{self, Action, Names, PersonRow, Planned, Stored};
use super::sheet::{Fields, Header};
use super::{ImportError, ImportOptions, Outcome, Stages, read_rows};
use crate::inspect::FileType;
use crate::read;

struct PeopleRows(Vec<PersonRow>);

impl Records for PeopleRows {
    fn layout(_: SheetKind) -> (Sheet, bool) {
        (PEOPLE, false)
    }

    fn check_header(_: SheetKind, header: &Header) -> Vec<Issue> {
        header.require(Field::Name, "Name").into_iter().collect()
    }

    fn row(&mut self, _: SheetKind, fields: &mut Fields<'_>) {
        if let Some(row) = people::read(fields) {
            self.0.push(row);
        }
    }
}

/// The People sheet: the one named so, else the first.
fn choose(names: &[String]) -> Vec<(usize, SheetKind)> {
    let at = names
        .iter()
        .position(|name| PEOPLE.is_named(name))
        .unwrap_or(0);
    vec![(at, SheetKind::People)]
}

pub async fn run<S: Stages + Send>(
    conn: &mut PgConnection,
    path: &Path,
    file_type: FileType,
    options: ImportOptions,
    stages: &mut S,
) -> Result<Outcome, ImportError<S::Stop>> {
    let collected = read_rows(
        path,
        file_type,
        (5, 60),
        stages,
        |path, file_type, progress, cancel| {
            let mut collector = Collector::new(PeopleRows(Vec::new()), cancel);
            read::read(path, file_type, &choose, &mut collector, progress)?;
            Ok((collector.records.0, collector.issues, collector.rows))
        },
    )
    .await?;
    let (rows, mut issues, read_rows) = collected;
    stages
        .stage("Validating", 62, "Matching rows with the people stored")
        .await
        .map_err(ImportError::Stopped)?;
    let stored = Stored::new(bulk::all::<PersonFields>(conn).await?);
    let mut names = Names {
        roles: names::ids_by_name(conn, Named::Roles).await?,
        inactive_roles: names::inactive_roles(conn).await?,
        departments: names::ids_by_name(conn, Named::Departments).await?,
    };
    let plans = people::plan(&rows, &stored, &names, options.update_existing);
    issues.extend(plan_issues(&rows, &plans));
    issues.sort_by_key(|issue| issue.row);
    let mut report = Report {
        dry_run: options.dry_run,
        rows: read_rows,
        ..Report::default()
    };
    report.record_issues(&issues);
    let (new_roles, new_departments) = people::missing_names(&rows, &names);
    let refused = report.errors > 0 && !options.skip_bad_rows;
    count(&mut report, &plans, &new_roles, &new_departments, read_rows);
    if options.dry_run || refused {
        return Ok(Outcome { report, issues });
    }
    stages
        .stage("Applying", 70, "Writing people")
        .await
        .map_err(ImportError::Stopped)?;
    apply(
        conn,
        &rows,
        plans,
        (&new_roles, &new_departments),
        &mut names,
    )
    .await?;
    report.applied = true;
    stages
        .stage("Applying", 99, "Written")
        .await
        .map_err(ImportError::Stopped)?;
    Ok(Outcome { report, issues })
}

/// The errors planning found, as issues of their rows.
fn plan_issues(rows: &[PersonRow], plans: &[Planned]) -> Vec<Issue> {
    rows.iter()
        .zip(plans)
        .filter_map(|(row, plan)| plan.as_ref().err().map(|error| row_issue(row, error)))
        .collect()
}

fn row_issue(row: &PersonRow, error: &CellError) -> Issue {
    Issue {
        severity: Severity::Error,
        sheet: PEOPLE.name.to_owned(),
        row: row.row,
        column: None,
        value: Some(row.name.clone()),
        code: error.code,
        message: error.message.clone(),
    }
}

fn count(
    report: &mut Report,
    plans: &[Planned],
    roles: &[String],
    departments: &[String],
    rows: u64,
) {
    let people = report.counts_mut(Entity::Person);
    let mut planned = 0;
    for plan in plans.iter().flatten() {
        planned += 1;
        match plan {
            Action::Create(_) => people.created += 1,
            Action::Update(..) => people.updated += 1,
            Action::Unchanged(_) => people.unchanged += 1,
            Action::Skip(_) => people.skipped += 1,
        }
    }
    // Rows refused while reading or planning are skipped rows too.
    people.skipped += rows.saturating_sub(planned);
    report.counts_mut(Entity::Role).created += roles.len() as u64;
    report.counts_mut(Entity::Department).created += departments.len() as u64;
}

async fn apply(
    conn: &mut PgConnection,
    rows: &[PersonRow],
    plans: Vec<Planned>,
    (new_roles, new_departments): (&[String], &[String]),
    names: &mut Names,
) -> Result<(), StoreError> {
    if !new_roles.is_empty() {
        names::create_missing(conn, Named::Roles, new_roles).await?;
        names.roles = names::ids_by_name(conn, Named::Roles).await?;
    }
    if !new_departments.is_empty() {
        names::create_missing(conn, Named::Departments, new_departments).await?;
        names.departments = names::ids_by_name(conn, Named::Departments).await?;
    }
    let mut creates: Vec<PersonFields> = Vec::new();
    let mut updates: Vec<(i64, PersonFields)> = Vec::new();
    for (row, plan) in rows.iter().zip(plans) {
        match plan {
            Ok(Action::Create(mut fields)) => {
                people::resolve_names(&mut fields, row, names);
                creates.push(fields);
            }
            Ok(Action::Update(id, mut fields)) => {
                people::resolve_names(&mut fields, row, names);
                updates.push((id, fields));
            }
            _ => {}
        }
    }
    bulk::insert(conn, &creates).await?;
    bulk::update(conn, &updates).await?;
    Ok(())
}
