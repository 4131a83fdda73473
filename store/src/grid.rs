//! The planning grid's data: a page of the active people in scope and how many there
//! are, the weekly totals of a set of people and, on request, their assignments' hours,
//! each one query aggregated in PostgreSQL over the window (the project grid's too).

use chrono::NaiveDate;
use sqlx::PgExecutor;

use crate::StoreError;

/// Which people and which hours the grid shows.
#[derive(Debug, Clone)]
pub struct GridScope {
    pub department_id: Option<i64>,
    pub include_children: bool,
    /// Matched case-insensitively anywhere in the person's name.
    pub search: Option<String>,
    /// Count only hours on projects in these statuses (empty: all).
    pub statuses: Vec<String>,
    /// First and last Sunday of the window, inclusive.
    pub first_week: NaiveDate,
    pub last_week: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridPerson {
    pub id: i64,
    pub name: String,
    pub capacity_centihours: i32,
    pub department_id: Option<i64>,
    pub department_name: Option<String>,
    /// How many rows expanding this person shows (active assignments on active projects
    /// in the chosen statuses).
    pub assignment_count: i64,
}

/// One person's planned hundredths of an hour in one week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub row_id: i64,
    pub week: NaiveDate,
    pub centihours: i64,
}

/// A page of the active people in scope, by name then id (`people_active_name`, so a
/// page reads its rows from the index instead of sorting the company), with their
/// assignment counts as kept in `person_assignment_count`.
pub async fn people(
    ex: impl PgExecutor<'_>,
    scope: &GridScope,
    limit: i64,
    offset: i64,
) -> Result<Vec<GridPerson>, StoreError> {
    let pattern = scope.search.as_deref().map(crate::like_pattern);
    let people = sqlx::query_as!(
        GridPerson,
        r#"SELECT p.id, p.name, (p.weekly_capacity * 100)::integer AS "capacity_centihours!",
                  p.department_id, d.name AS "department_name?",
                  coalesce((SELECT count_in_statuses(c, $4) FROM person_assignment_count c
                            WHERE c.person_id = p.id), 0) AS "assignment_count!"
           FROM people p LEFT JOIN departments d ON d.id = p.department_id
           WHERE p.is_active
             AND ($1::bigint IS NULL OR p.department_id IN (SELECT department_scope($1, $2)))
             AND ($3::text IS NULL OR lower(p.name) LIKE $3)
           ORDER BY lower(p.name), p.id
           LIMIT $5 OFFSET $6"#,
        scope.department_id,
        scope.include_children,
        pattern,
        &scope.statuses,
        limit,
        offset,
    )
    .fetch_all(ex)
    .await?;
    Ok(people)
}

/// How many active people are in scope (the grid's row count).
pub async fn people_count(ex: impl PgExecutor<'_>, scope: &GridScope) -> Result<i64, StoreError> {
    let pattern = scope.search.as_deref().map(crate::like_pattern);
    let count = sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!" FROM people p
           WHERE p.is_active
             AND ($1::bigint IS NULL OR p.department_id IN (SELECT department_scope($1, $2)))
             AND ($3::text IS NULL OR lower(p.name) LIKE $3)"#,
        scope.department_id,
        scope.include_children,
        pattern,
    )
    .fetch_one(ex)
    .await?;
    Ok(count)
}

/// The total planned hours per week in the window of each of `people` (active
/// assignments on active projects in the chosen statuses); weeks without hours are
/// absent. Read from the maintained `person_week_load`: one index range per person.
pub async fn person_totals(
    ex: impl PgExecutor<'_>,
    people: &[i64],
    scope: &GridScope,
) -> Result<Vec<Cell>, StoreError> {
    let cells = sqlx::query_as!(
        Cell,
        r#"SELECT l.person_id AS "row_id!", l.week AS "week!",
                  load_in_statuses(l, $4) AS "centihours!"
           FROM person_week_load l
           WHERE l.person_id = ANY($1) AND l.week BETWEEN $2 AND $3
             AND load_in_statuses(l, $4) > 0"#,
        people,
        scope.first_week,
        scope.last_week,
        &scope.statuses,
    )
    .fetch_all(ex)
    .await?;
    Ok(cells)
}

/// An assignment row of the grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridAssignment {
    pub id: i64,
    pub person_id: i64,
    pub project_id: i64,
    pub project_name: String,
    pub project_status: String,
    pub role_on_project: String,
    pub version: i64,
}

/// The active assignments of those of `people` who are active, on active projects in
/// the chosen statuses, by person then project name.
pub async fn assignments(
    ex: impl PgExecutor<'_>,
    people: &[i64],
    scope: &GridScope,
) -> Result<Vec<GridAssignment>, StoreError> {
    let rows = sqlx::query_as!(
        GridAssignment,
        r#"SELECT a.id, a.person_id, a.project_id, pr.name AS project_name,
                  pr.status AS project_status, a.role_on_project, a.version
           FROM assignments a
           JOIN projects pr ON pr.id = a.project_id AND pr.is_active
           JOIN people p ON p.id = a.person_id AND p.is_active
           WHERE a.is_active AND a.person_id = ANY($1)
             AND (cardinality($2::text[]) = 0 OR pr.status = ANY($2))
           ORDER BY a.person_id, lower(pr.name), a.id"#,
        people,
        &scope.statuses,
    )
    .fetch_all(ex)
    .await?;
    Ok(rows)
}

/// Each assignment's hours per week in the window.
pub async fn assignment_cells(
    ex: impl PgExecutor<'_>,
    assignments: &[i64],
    scope: &GridScope,
) -> Result<Vec<Cell>, StoreError> {
    let cells = sqlx::query_as!(
        Cell,
        r#"SELECT assignment_id AS "row_id!", week AS "week!",
                  centihours::bigint AS "centihours!"
           FROM assignment_weeks
           WHERE assignment_id = ANY($1) AND week BETWEEN $2 AND $3"#,
        assignments,
        scope.first_week,
        scope.last_week,
    )
    .fetch_all(ex)
    .await?;
    Ok(cells)
}

/// A project row of the project-centric grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridProject {
    pub id: i64,
    pub name: String,
    pub project_number: Option<String>,
    pub client: String,
    pub status: String,
}

/// Active projects in the chosen statuses whose name, number or client matches; with a
/// department, only those staffed from it.
pub async fn projects(
    ex: impl PgExecutor<'_>,
    scope: &GridScope,
) -> Result<Vec<GridProject>, StoreError> {
    let pattern = scope.search.as_deref().map(crate::like_pattern);
    let rows = sqlx::query_as!(
        GridProject,
        r#"SELECT id, name, project_number, client, status FROM projects
           WHERE is_active
             AND (cardinality($1::text[]) = 0 OR status = ANY($1))
             AND ($2::text IS NULL OR search_text LIKE $2)
             AND ($3::bigint IS NULL OR id IN (SELECT staffed_from_department($3, $4)))
           ORDER BY lower(name), id"#,
        &scope.statuses,
        pattern,
        scope.department_id,
        scope.include_children,
    )
    .fetch_all(ex)
    .await?;
    Ok(rows)
}

/// Each project's planned hours per week in the window (active assignments of active
/// people, within the department scope when one is set). Without a department the
/// maintained `project_week_load` answers; a department's share of a project is not kept
/// there, so it is summed from the plan over that department's people.
pub async fn project_totals(
    ex: impl PgExecutor<'_>,
    projects: &[i64],
    scope: &GridScope,
) -> Result<Vec<Cell>, StoreError> {
    let Some(department_id) = scope.department_id else {
        let cells = sqlx::query_as!(
            Cell,
            r#"SELECT project_id AS "row_id!", week AS "week!", centihours::bigint AS "centihours!"
               FROM project_week_load
               WHERE project_id = ANY($1) AND week BETWEEN $2 AND $3"#,
            projects,
            scope.first_week,
            scope.last_week,
        )
        .fetch_all(ex)
        .await?;
        return Ok(cells);
    };
    let cells = sqlx::query_as!(
        Cell,
        r#"SELECT a.project_id AS "row_id!", w.week AS "week!",
                  sum(w.centihours) AS "centihours!"
           FROM people p
           JOIN assignments a ON a.person_id = p.id AND a.is_active
           JOIN assignment_weeks w ON w.assignment_id = a.id AND w.week BETWEEN $2 AND $3
           WHERE p.is_active AND a.project_id = ANY($1)
             AND p.department_id IN (SELECT department_scope($4, $5))
           GROUP BY a.project_id, w.week"#,
        projects,
        scope.first_week,
        scope.last_week,
        department_id,
        scope.include_children,
    )
    .fetch_all(ex)
    .await?;
    Ok(cells)
}

/// An assignment row under a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectAssignment {
    pub id: i64,
    pub project_id: i64,
    pub person_id: i64,
    pub person_name: String,
    pub role_on_project: String,
    pub version: i64,
}

/// The active assignments of active people on `projects` (people in the department
/// scope when one is set).
pub async fn project_assignments(
    ex: impl PgExecutor<'_>,
    projects: &[i64],
    scope: &GridScope,
) -> Result<Vec<ProjectAssignment>, StoreError> {
    let rows = sqlx::query_as!(
        ProjectAssignment,
        r#"SELECT a.id, a.project_id, a.person_id, p.name AS person_name, a.role_on_project,
                  a.version
           FROM assignments a JOIN people p ON p.id = a.person_id AND p.is_active
           WHERE a.is_active AND a.project_id = ANY($1)
             AND ($2::bigint IS NULL OR p.department_id IN (SELECT department_scope($2, $3)))
           ORDER BY a.project_id, lower(p.name), a.id"#,
        projects,
        scope.department_id,
        scope.include_children,
    )
    .fetch_all(ex)
    .await?;
    Ok(rows)
}
