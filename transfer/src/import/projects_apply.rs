//! The projects import from file to database: the Projects sheet (the sheet named so,
//! else the first), then Assignments (weekly hours as week columns), Hours (one week per
//! row) and Deliverables when the workbook has them. Everything is planned before
//! anything is written; then projects, assignments, their weeks and deliverables are
//! written in batches in the caller's transaction, all or nothing.

use std::path::Path;

use chrono::Utc;
use sqlx::PgConnection;
use wt_domain::transfer::cells::CellError;
use wt_domain::transfer::columns::{
    ASSIGNMENTS, DELIVERABLES, Field, HOURS, PROJECTS, Sheet, SheetKind,
};
use wt_domain::transfer::report::{Entity, Issue, Report};
use wt_store::assignments::AssignmentFields;
use wt_store::assignments_bulk::{self, WeekHours};
use wt_store::people::PersonFields;
use wt_store::projects::ProjectFields;
use wt_store::{StoreError, bulk, deliverables_bulk};

use super::collect::{Collector, Records};
use super::links::{self, AssignmentRow, DeliverableRow};
use super::links_plan::{self, AssignmentPlan, DeliverablePlan, ProjectId, Projects};
use super::projects::{self, Action, ProjectRow, Stored};
use super::sheet::{Fields, Header};
use super::{ImportError, ImportOptions, Outcome, Stages, read_rows};
use crate::inspect::FileType;
use crate::read;

#[derive(Default)]
struct Workbook {
    projects: Vec<ProjectRow>,
    assignments: Vec<AssignmentRow>,
    deliverables: Vec<DeliverableRow>,
}

fn sheet_of(kind: SheetKind) -> Sheet {
    match kind {
        SheetKind::Assignments => ASSIGNMENTS,
        SheetKind::Hours => HOURS,
        SheetKind::Deliverables => DELIVERABLES,
        SheetKind::Projects | SheetKind::People => PROJECTS,
    }
}

impl Records for Workbook {
    fn layout(kind: SheetKind) -> (Sheet, bool) {
        (sheet_of(kind), kind == SheetKind::Assignments)
    }

    fn check_header(kind: SheetKind, header: &Header) -> Vec<Issue> {
        let required: &[(Field, &str)] = match kind {
            SheetKind::Hours => &[(Field::Week, "Week"), (Field::Hours, "Hours")],
            SheetKind::Deliverables => &[(Field::Description, "Description")],
            SheetKind::Assignments => &[],
            SheetKind::Projects | SheetKind::People => &[(Field::Name, "Name")],
        };
        required
            .iter()
            .filter_map(|(field, header_text)| header.require(*field, header_text))
            .collect()
    }

    fn row(&mut self, kind: SheetKind, fields: &mut Fields<'_>) {
        let sheet = sheet_of(kind).name;
        match kind {
            SheetKind::Assignments => self.assignments.extend(links::assignment(fields, sheet)),
            SheetKind::Hours => self.assignments.extend(links::hours(fields, sheet)),
            SheetKind::Deliverables => self.deliverables.extend(links::deliverable(fields, sheet)),
            SheetKind::Projects | SheetKind::People => self.projects.extend(projects::read(fields)),
        }
    }
}

/// The sheets to read: those named after a sheet kind; the first sheet is the Projects
/// sheet when none is named so.
fn choose(names: &[String]) -> Vec<(usize, SheetKind)> {
    let kinds = [PROJECTS, ASSIGNMENTS, HOURS, DELIVERABLES];
    let mut chosen: Vec<(usize, SheetKind)> = names
        .iter()
        .enumerate()
        .filter_map(|(at, name)| {
            kinds
                .iter()
                .find(|sheet| sheet.is_named(name))
                .map(|sheet| (at, sheet.kind))
        })
        .collect();
    if !chosen.iter().any(|(_, kind)| *kind == SheetKind::Projects)
        && !chosen.iter().any(|(at, _)| *at == 0)
    {
        chosen.insert(0, (0, SheetKind::Projects));
    }
    chosen
}

pub async fn run<S: Stages + Send>(
    conn: &mut PgConnection,
    path: &Path,
    file_type: FileType,
    options: ImportOptions,
    stages: &mut S,
) -> Result<Outcome, ImportError<S::Stop>> {
    let (book, mut issues, rows) = read_rows(
        path,
        file_type,
        (5, 60),
        stages,
        |path, file_type, progress, cancel| {
            let mut collector = Collector::new(Workbook::default(), cancel);
            read::read(path, file_type, &choose, &mut collector, progress)?;
            Ok((collector.records, collector.issues, collector.rows))
        },
    )
    .await?;
    stages
        .stage("Validating", 62, "Matching rows with what is stored")
        .await
        .map_err(ImportError::Stopped)?;
    let plan = plan(conn, book, options, &mut issues).await?;
    issues.sort_by_key(|issue| (sheet_rank(&issue.sheet), issue.row));
    let mut report = Report {
        dry_run: options.dry_run,
        rows,
        ..Report::default()
    };
    report.record_issues(&issues);
    plan.count(&mut report);
    if options.dry_run || (report.errors > 0 && !options.skip_bad_rows) {
        return Ok(Outcome { report, issues });
    }
    stages
        .stage(
            "Applying",
            70,
            "Writing projects, assignments and deliverables",
        )
        .await
        .map_err(ImportError::Stopped)?;
    plan.apply(conn).await?;
    report.applied = true;
    Ok(Outcome { report, issues })
}

fn sheet_rank(sheet: &str) -> usize {
    [PROJECTS, ASSIGNMENTS, HOURS, DELIVERABLES]
        .iter()
        .position(|s| s.is_named(sheet))
        .unwrap_or(4)
}

/// Everything the workbook asks, planned against what is stored.
struct Plan {
    projects: Vec<Result<Action, CellError>>,
    project_rows: usize,
    assignments: links_plan::Planned,
    deliverables: (Vec<DeliverablePlan>, wt_domain::transfer::report::Counts),
}

async fn plan(
    conn: &mut PgConnection,
    book: Workbook,
    options: ImportOptions,
    issues: &mut Vec<Issue>,
) -> Result<Plan, StoreError> {
    let stored = Stored::new(bulk::all::<ProjectFields>(conn).await?);
    let project_plans = projects::plan(&book.projects, &stored, options.update_existing);
    for (row, plan) in book.projects.iter().zip(&project_plans) {
        if let Err(error) = plan {
            let place = links::Place {
                sheet: PROJECTS.name.to_owned(),
                row: row.row,
            };
            issues.push(links_plan::issue(&place, error.clone()));
        }
    }
    let index = Projects::new(&book.projects, &project_plans, &stored);
    let referenced: Vec<i64> = book
        .assignments
        .iter()
        .map(|a| &a.project)
        .chain(book.deliverables.iter().map(|d| &d.project))
        .filter_map(|project| match index.find(project) {
            Ok(ProjectId::Stored(id)) => Some(id),
            _ => None,
        })
        .collect();
    let stored_people = bulk::all::<PersonFields>(conn).await?;
    let people = links_plan::People::new(&stored_people);
    let stored_assignments = assignments_bulk::of_projects(conn, &referenced).await?;
    let stored_deliverables = deliverables_bulk::of_projects(conn, &referenced).await?;
    let mut assignments = links_plan::assignments(
        book.assignments,
        &index,
        &people,
        &stored_assignments,
        options.update_existing,
    );
    issues.append(&mut assignments.issues);
    let today = Utc::now().date_naive();
    let (deliverable_plans, deliverable_counts, mut deliverable_issues) = links_plan::deliverables(
        book.deliverables,
        &index,
        &stored_deliverables,
        options.update_existing,
        today,
    );
    issues.append(&mut deliverable_issues);
    Ok(Plan {
        project_rows: book.projects.len(),
        projects: project_plans,
        assignments,
        deliverables: (deliverable_plans, deliverable_counts),
    })
}

impl Plan {
    fn count(&self, report: &mut Report) {
        let projects = report.counts_mut(Entity::Project);
        let mut planned = 0;
        for action in self.projects.iter().flatten() {
            planned += 1;
            match action {
                Action::Create(_) => projects.created += 1,
                Action::Update(..) => projects.updated += 1,
                Action::Unchanged(_) => projects.unchanged += 1,
                Action::Skip(_) => projects.skipped += 1,
            }
        }
        projects.skipped += (self.project_rows - planned) as u64;
        *report.counts_mut(Entity::Assignment) = self.assignments.assignment_counts;
        *report.counts_mut(Entity::WeeklyHours) = self.assignments.hours_counts;
        *report.counts_mut(Entity::Deliverable) = self.deliverables.1;
    }

    async fn apply(self, conn: &mut PgConnection) -> Result<(), StoreError> {
        let mut creates = Vec::new();
        let mut updates = Vec::new();
        for action in self.projects.into_iter().flatten() {
            match action {
                Action::Create(fields) => creates.push(fields),
                Action::Update(id, fields) => updates.push((id, fields)),
                Action::Unchanged(_) | Action::Skip(_) => {}
            }
        }
        let new_ids = bulk::insert(conn, &creates).await?;
        bulk::update(conn, &updates).await?;
        let project_id = |project: ProjectId| match project {
            ProjectId::Stored(id) => Some(id),
            ProjectId::New(at) => new_ids.get(at).copied(),
        };
        write_assignments(conn, self.assignments.assignments, &project_id).await?;
        let (inserts, changes): (Vec<DeliverablePlan>, Vec<DeliverablePlan>) = self
            .deliverables
            .0
            .into_iter()
            .partition(|plan| plan.stored.is_none());
        let inserts: Vec<_> = inserts
            .into_iter()
            .filter_map(|plan| {
                Some(deliverables_bulk::DeliverableData {
                    project_id: project_id(plan.project)?,
                    ..plan.data
                })
            })
            .collect();
        let changes: Vec<_> = changes
            .into_iter()
            .filter_map(|plan| Some((plan.stored?, plan.data)))
            .collect();
        deliverables_bulk::insert(conn, &inserts).await?;
        deliverables_bulk::update(conn, &changes).await
    }
}

async fn write_assignments(
    conn: &mut PgConnection,
    plans: Vec<AssignmentPlan>,
    project_id: &(dyn Fn(ProjectId) -> Option<i64> + Sync),
) -> Result<(), StoreError> {
    let fields = |plan: &AssignmentPlan| {
        Some(AssignmentFields {
            person_id: plan.person_id,
            project_id: project_id(plan.project)?,
            role_on_project: plan.role.clone(),
            notes: plan.notes.clone(),
            is_active: plan.active,
        })
    };
    let (new, stored): (Vec<&AssignmentPlan>, Vec<&AssignmentPlan>) =
        plans.iter().partition(|p| p.stored.is_none());
    let new_fields: Vec<AssignmentFields> = new.iter().filter_map(|plan| fields(plan)).collect();
    let new_ids = assignments_bulk::insert(conn, &new_fields).await?;
    let changed: Vec<(i64, AssignmentFields)> = stored
        .iter()
        .filter(|plan| plan.fields_change)
        .filter_map(|plan| Some((plan.stored?, fields(plan)?)))
        .collect();
    assignments_bulk::update(conn, &changed).await?;
    let ids = new_ids
        .into_iter()
        .zip(&new)
        .chain(stored.iter().filter_map(|plan| Some((plan.stored?, plan))));
    let weeks: Vec<WeekHours> = ids
        .flat_map(|(assignment_id, plan)| {
            plan.weeks.iter().map(move |(week, centihours)| WeekHours {
                assignment_id,
                week: *week,
                centihours: *centihours,
            })
        })
        .collect();
    assignments_bulk::write_weeks(conn, &weeks).await
}
