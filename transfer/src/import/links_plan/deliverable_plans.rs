//! Planning the Deliverables rows: each matches a stored deliverable by its id, else by
//! its project and description, and becomes a new deliverable or a change to that one.

use std::collections::HashMap;

use chrono::NaiveDate;
use wt_domain::transfer::cells::CellError;
use wt_domain::transfer::report::{Counts, Issue};
use wt_store::deliverables_bulk::{DeliverableData, StoredDeliverable};

use super::{ProjectId, Projects, issue};
use crate::import::links::DeliverableRow;

/// One deliverable to write: the stored one it changes (or none), its project, its data
/// (the project id filled in once new projects exist).
#[derive(Debug, Clone, PartialEq)]
pub struct DeliverablePlan {
    pub stored: Option<i64>,
    pub project: ProjectId,
    pub data: DeliverableData,
}

/// Plans the Deliverables rows; returns the plans, their counts and issues.
pub fn deliverables(
    rows: Vec<DeliverableRow>,
    projects: &Projects<'_>,
    stored: &[StoredDeliverable],
    update_existing: bool,
    today: NaiveDate,
) -> (Vec<DeliverablePlan>, Counts, Vec<Issue>) {
    let (mut plans, mut counts, mut issues) = (Vec::new(), Counts::default(), Vec::new());
    let mut next_order: HashMap<ProjectId, i32> = HashMap::new();
    for d in stored {
        let slot = next_order
            .entry(ProjectId::Stored(d.data.project_id))
            .or_insert(0);
        *slot = (*slot).max(d.data.sort_order + 1);
    }
    for row in rows {
        let found = projects
            .find(&row.project)
            .and_then(|project| Ok((project, matching(&row, project, stored)?)));
        let (project, existing) = match found {
            Ok(found) => found,
            Err(error) => {
                issues.push(issue(&row.place, error));
                counts.skipped += 1;
                continue;
            }
        };
        if existing.is_some() && !update_existing {
            counts.skipped += 1;
            continue;
        }
        let order = next_order.entry(project).or_insert(0);
        let data = deliverable_data(&row, existing.map(|d| &d.data), order, today);
        match existing {
            None => counts.created += 1,
            Some(d) if d.data == data => {
                counts.unchanged += 1;
                continue;
            }
            Some(_) => counts.updated += 1,
        }
        plans.push(DeliverablePlan {
            stored: existing.map(|d| d.id),
            project,
            data,
        });
    }
    (plans, counts, issues)
}

/// The stored deliverable a row is about: by id (of the same project), else by the
/// project and description.
fn matching<'s>(
    row: &DeliverableRow,
    project: ProjectId,
    stored: &'s [StoredDeliverable],
) -> Result<Option<&'s StoredDeliverable>, CellError> {
    if let Some(id) = row.id {
        let found = stored
            .iter()
            .find(|d| d.id == id && ProjectId::Stored(d.data.project_id) == project);
        return found.map(Some).ok_or_else(|| {
            CellError::new(
                "unknown_id",
                format!("This project has no deliverable with the id {id}."),
            )
        });
    }
    Ok(stored.iter().find(|d| {
        ProjectId::Stored(d.data.project_id) == project && d.data.description == row.description
    }))
}

fn deliverable_data(
    row: &DeliverableRow,
    current: Option<&DeliverableData>,
    next_order: &mut i32,
    today: NaiveDate,
) -> DeliverableData {
    let completed = row.completed.unwrap_or(
        row.completed_date.is_some() || current.is_some_and(|c| c.completed_date.is_some()),
    );
    let completed_date = completed.then(|| {
        row.completed_date
            .or(current.and_then(|c| c.completed_date))
            .unwrap_or(today)
    });
    let sort_order = row
        .order
        .or(current.map(|c| c.sort_order))
        .unwrap_or_else(|| {
            *next_order += 1;
            *next_order - 1
        });
    *next_order = (*next_order).max(sort_order + 1);
    DeliverableData {
        project_id: current.map_or(0, |c| c.project_id),
        description: row.description.clone(),
        percentage: row.percentage.or(current.and_then(|c| c.percentage)),
        date: row.date.or(current.and_then(|c| c.date)),
        sort_order,
        completed_date,
        notes: row
            .notes
            .clone()
            .or_else(|| current.map(|c| c.notes.clone()))
            .unwrap_or_default(),
    }
}
