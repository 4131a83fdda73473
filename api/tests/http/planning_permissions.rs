//! The permission matrix of every planning route: anonymous callers get 401; everyone
//! signed in reads; managers and admins write; a plain user writes nothing here except
//! the hours of their own assignments and their own person's contact details, which
//! `planning` and `people` test from the user's side.

use serde_json::{Value, json};
use sqlx::PgPool;

use crate::permissions::{
    ADMIN, Anonymous, Caller, MANAGER, USER, status_of, tokens_for_all_roles,
};
use crate::support::*;

const READ: [u16; 4] = [401, 200, 200, 200];
const WRITE: [u16; 4] = [401, 403, 200, 200];
const CREATE: [u16; 4] = [401, 403, 201, 201];
const DELETE: [u16; 4] = [401, 403, 204, 204];
const CALLERS: [Caller; 4] = [Anonymous, USER, MANAGER, ADMIN];

/// One route asked by each caller in turn: a path and body per caller (creates and
/// deletes need their own target per successful caller), and the status each expects.
struct Row {
    method: &'static str,
    calls: Vec<(String, Option<Value>)>,
    expected: [u16; 4],
}

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

/// The ids the matrix works on, made by a manager.
struct Fixture {
    department: i64,
    role: i64,
    skill: i64,
    person: i64,
    project: i64,
    assignment: i64,
    deliverable: i64,
    /// Per caller, rows only that caller's delete may remove.
    spare: Vec<Spare>,
}

struct Spare {
    /// The spare person's link to the fixture's deliverable.
    link: i64,
    /// Someone nothing refers to, so deleting them is allowed.
    loner: i64,
    department: i64,
    role: i64,
    skill: i64,
    person: i64,
    project: i64,
    assignment: i64,
    deliverable: i64,
}

async fn made(app: &TestApp, token: &str, path: &str, body: Value) -> i64 {
    let answer = app
        .send(request("POST", path, Some(token), Some(body)))
        .await;
    assert_eq!(answer.status.as_u16(), 201, "{path}: {:?}", answer.json());
    answer.json()["id"].as_i64().unwrap()
}

async fn fixture(app: &TestApp, token: &str) -> Fixture {
    let department = made(app, token, "/api/departments", json!({ "name": "Civil" })).await;
    let person = made(
        app,
        token,
        "/api/people",
        json!({ "name": "Pat", "department": department }),
    )
    .await;
    let project = made(app, token, "/api/projects", json!({ "name": "Bridge" })).await;
    let assignment = made(
        app,
        token,
        "/api/assignments",
        json!({ "person": person, "project": project }),
    )
    .await;
    let deliverable = made(
        app,
        token,
        "/api/deliverables",
        json!({ "project": project, "description": "Kick-off" }),
    )
    .await;
    let mut spare = Vec::new();
    for i in 0..4 {
        let spare_person = made(
            app,
            token,
            "/api/people",
            json!({ "name": format!("Spare {i}") }),
        )
        .await;
        let skill = made(
            app,
            token,
            "/api/skills",
            json!({ "name": format!("Spare {i}") }),
        )
        .await;
        let path = format!("/api/people/{person}/skills");
        let given = app
            .send(request(
                "PUT",
                &path,
                Some(token),
                Some(json!({ "skill": skill })),
            ))
            .await;
        assert_eq!(given.status.as_u16(), 200);
        let link_path = format!("/api/deliverables/{deliverable}/people");
        let link = made(app, token, &link_path, json!({ "person": spare_person })).await;
        spare.push(Spare {
            link,
            loner: made(
                app,
                token,
                "/api/people",
                json!({ "name": format!("Loner {i}") }),
            )
            .await,
            department: made(
                app,
                token,
                "/api/departments",
                json!({ "name": format!("Spare {i}") }),
            )
            .await,
            role: made(
                app,
                token,
                "/api/roles",
                json!({ "name": format!("Spare {i}") }),
            )
            .await,
            skill,
            person: spare_person,
            project: made(
                app,
                token,
                "/api/projects",
                json!({ "name": format!("Spare {i}") }),
            )
            .await,
            assignment: made(
                app,
                token,
                "/api/assignments",
                json!({ "person": spare_person, "project": project }),
            )
            .await,
            deliverable: made(
                app,
                token,
                "/api/deliverables",
                json!({ "project": project, "description": format!("Spare {i}") }),
            )
            .await,
        });
    }
    Fixture {
        department,
        role: made(app, token, "/api/roles", json!({ "name": "Engineer" })).await,
        skill: made(app, token, "/api/skills", json!({ "name": "Revit" })).await,
        person,
        project,
        assignment,
        deliverable,
        spare,
    }
}

fn reads(f: &Fixture) -> Vec<Row> {
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

fn writes(f: &Fixture) -> Vec<Row> {
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

fn creates_and_deletes(f: &Fixture) -> Vec<Row> {
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

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn every_planning_route_follows_the_role_matrix(pool: PgPool) {
    let dist = no_dist();
    let (state, app) = app_with(pool, settings(&[]), dist.path());
    let (tokens, _) = tokens_for_all_roles(&state).await;
    let manager = &tokens
        .iter()
        .find(|(role, _)| *role == wt_domain::accounts::Role::Manager)
        .unwrap()
        .1;
    let f = fixture(&app, manager).await;
    let rows = reads(&f)
        .into_iter()
        .chain(writes(&f))
        .chain(creates_and_deletes(&f));
    for row in rows {
        for ((caller, (path, body)), want) in CALLERS.into_iter().zip(row.calls).zip(row.expected) {
            let got = status_of(&app, &tokens, caller, row.method, &path, body).await;
            assert_eq!(got.as_u16(), want, "{caller:?} {} {path}", row.method);
        }
    }
}
