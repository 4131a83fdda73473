//! The rows of the permission matrix, route by route: reads, writes, and creates and
//! deletes (each successful caller with a target of its own).

use serde_json::{Value, json};

use super::{Fixture, Row};

const READ: [u16; 4] = [401, 200, 200, 200];
const WRITE: [u16; 4] = [401, 403, 200, 200];
const CREATE: [u16; 4] = [401, 403, 201, 201];
const DELETE: [u16; 4] = [401, 403, 204, 204];

fn same(method: &'static str, path: String, body: Option<Value>, expected: [u16; 4]) -> Row {
    Row {
        method,
        calls: vec![(path, body); 4],
        expected,
    }
}

fn each(
    method: &'static str,
    call: impl Fn(usize) -> (String, Option<Value>),
    expected: [u16; 4],
) -> Row {
    Row {
        method,
        calls: (0..4).map(call).collect(),
        expected,
    }
}

pub(super) fn reads(f: &Fixture) -> Vec<Row> {
    let (d, p, j, a, x) = (
        f.department,
        f.person,
        f.project,
        f.assignment,
        f.deliverable,
    );
    [
        "/api/departments".to_owned(),
        format!("/api/departments/{d}"),
        "/api/roles".to_owned(),
        format!("/api/roles/{}", f.role),
        "/api/skills".to_owned(),
        format!("/api/skills/{}", f.skill),
        "/api/people?department=1&includeChildren=true".to_owned(),
        format!("/api/people/{p}"),
        format!("/api/people/{p}/skills"),
        format!("/api/projects?department={d}"),
        format!("/api/projects/{j}"),
        format!("/api/projects/{j}/candidates?weeks=4"),
        "/api/assignments".to_owned(),
        format!("/api/assignments/{a}"),
        "/api/assignments/grid?weeks=8&include=assignments".to_owned(),
        format!("/api/assignments/grid/rows?people={p}&weeks=8"),
        "/api/assignments/project-grid?weeks=8&include=assignments".to_owned(),
        format!("/api/deliverables?project={j}"),
        format!("/api/deliverables/{x}"),
        "/api/deliverables/calendar?start=2026-01-01&end=2026-12-31".to_owned(),
        format!("/api/deliverables/{x}/people"),
    ]
    .into_iter()
    .map(|path| same("GET", path, None, READ))
    .collect()
}

pub(super) fn writes(f: &Fixture) -> Vec<Row> {
    let (p, j, a, x) = (f.person, f.project, f.assignment, f.deliverable);
    let hours = json!({ "weeklyHours": { "2026-11-22": 6 } });
    vec![
        same(
            "PATCH",
            format!("/api/departments/{}", f.department),
            Some(json!({ "description": "Roads" })),
            WRITE,
        ),
        same(
            "PATCH",
            format!("/api/roles/{}", f.role),
            Some(json!({ "description": "Designs" })),
            WRITE,
        ),
        same(
            "PATCH",
            format!("/api/skills/{}", f.skill),
            Some(json!({ "category": "BIM" })),
            WRITE,
        ),
        same(
            "PATCH",
            format!("/api/people/{p}"),
            Some(json!({ "location": "Leeds" })),
            WRITE,
        ),
        same(
            "PUT",
            format!("/api/people/{p}/skills"),
            Some(json!({ "skill": f.skill })),
            WRITE,
        ),
        same(
            "POST",
            "/api/people/bulk-department".into(),
            Some(json!({ "people": [p], "department": f.department })),
            WRITE,
        ),
        same(
            "PATCH",
            format!("/api/projects/{j}"),
            Some(json!({ "notes": "Phase 2" })),
            WRITE,
        ),
        same(
            "PATCH",
            format!("/api/assignments/{a}"),
            Some(hours.clone()),
            WRITE,
        ),
        same(
            "PATCH",
            "/api/assignments/hours".into(),
            Some(json!({ "updates": [{ "assignmentId": a, "weeklyHours": { "2026-11-29": 3 } }] })),
            WRITE,
        ),
        same(
            "PATCH",
            format!("/api/deliverables/{x}"),
            Some(json!({ "notes": "Agreed" })),
            WRITE,
        ),
    ]
}

pub(super) fn creates_and_deletes(f: &Fixture) -> Vec<Row> {
    let (j, x) = (f.project, f.deliverable);
    let s = &f.spare;
    vec![
        each(
            "POST",
            |i| {
                (
                    "/api/departments".into(),
                    Some(json!({ "name": format!("New {i}") })),
                )
            },
            CREATE,
        ),
        each(
            "POST",
            |i| {
                (
                    "/api/roles".into(),
                    Some(json!({ "name": format!("New {i}") })),
                )
            },
            CREATE,
        ),
        each(
            "POST",
            |i| {
                (
                    "/api/skills".into(),
                    Some(json!({ "name": format!("New {i}") })),
                )
            },
            CREATE,
        ),
        each(
            "POST",
            |i| {
                (
                    "/api/people".into(),
                    Some(json!({ "name": format!("New {i}") })),
                )
            },
            CREATE,
        ),
        each(
            "POST",
            |i| {
                (
                    "/api/projects".into(),
                    Some(json!({ "name": format!("New {i}") })),
                )
            },
            CREATE,
        ),
        each(
            "POST",
            |i| {
                (
                    "/api/assignments".into(),
                    Some(
                        json!({ "person": s[i].person, "project": j, "roleOnProject": "Reviewer" }),
                    ),
                )
            },
            CREATE,
        ),
        each(
            "POST",
            |i| {
                (
                    "/api/deliverables".into(),
                    Some(json!({ "project": j, "description": format!("New {i}") })),
                )
            },
            CREATE,
        ),
        each(
            "POST",
            |i| {
                (
                    format!("/api/deliverables/{x}/people"),
                    Some(json!({ "person": f.person, "roleOnMilestone": format!("Role {i}") })),
                )
            },
            CREATE,
        ),
        each(
            "DELETE",
            |i| (format!("/api/deliverables/{x}/people/{}", s[i].link), None),
            DELETE,
        ),
        each(
            "DELETE",
            |i| {
                (
                    format!("/api/people/{}/skills/{}", f.person, s[i].skill),
                    None,
                )
            },
            DELETE,
        ),
        each(
            "DELETE",
            |i| (format!("/api/assignments/{}", s[i].assignment), None),
            DELETE,
        ),
        each(
            "DELETE",
            |i| (format!("/api/deliverables/{}", s[i].deliverable), None),
            DELETE,
        ),
        each(
            "DELETE",
            |i| (format!("/api/departments/{}", s[i].department), None),
            DELETE,
        ),
        each(
            "DELETE",
            |i| (format!("/api/roles/{}", s[i].role), None),
            DELETE,
        ),
        each(
            "DELETE",
            |i| (format!("/api/skills/{}", s[i].skill), None),
            DELETE,
        ),
        each(
            "DELETE",
            |i| (format!("/api/projects/{}", s[i].project), None),
            DELETE,
        ),
        each(
            "DELETE",
            |i| (format!("/api/people/{}", s[i].loner), None),
            DELETE,
        ),
    ]
}
