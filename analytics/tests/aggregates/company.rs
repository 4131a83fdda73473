//! Random companies (a department tree, people, projects in every status, assignments
//! with weeks inside and outside the window) and storing one in the database.

use super::*;

pub(super) fn companies() -> impl Strategy<Value = Company> {
    let parents = prop::collection::vec(prop::option::of(0usize..4), 1..5).prop_map(|raw| {
        raw.iter()
            .enumerate()
            .map(|(i, p)| p.filter(|_| i > 0).map(|p| p % i))
            .collect::<Vec<_>>()
    });
    let capacity = prop_oneof![Just(0i64), Just(3600), Just(4000), 0i64..=5000];
    let people = prop::collection::vec(
        (
            prop::option::of(0usize..5),
            capacity,
            prop::bool::weighted(0.85),
        ),
        1..8,
    );
    let projects = prop::collection::vec((0usize..6, prop::bool::weighted(0.85)), 1..4);
    let hours = prop_oneof![1i64..=16_800, 1000i64..=2000];
    let assignments = prop::collection::vec(
        (
            0usize..8,
            0usize..4,
            prop::bool::weighted(0.85),
            prop::collection::btree_map(-2i64..8, hours, 0..6),
        ),
        0..14,
    );
    (
        parents,
        people,
        projects,
        assignments,
        1u32..=6,
        prop::option::of((0usize..5, any::<bool>())),
        1u32..=4,
    )
        .prop_map(
            |(parents, people, projects, assignments, weeks, scope, team_limit)| {
                let departments = parents.len();
                Company {
                    people: people
                        .into_iter()
                        .map(|(department, capacity, active)| Person {
                            department: department.filter(|d| *d < departments),
                            capacity,
                            active,
                        })
                        .collect(),
                    assignments: assignments
                        .into_iter()
                        .map(|(person, project, active, weeks)| Assignment {
                            person,
                            project: project % projects.len(),
                            active,
                            weeks,
                        })
                        .collect(),
                    scope: scope.map(|(d, children)| (d % departments, children)),
                    parents,
                    projects,
                    weeks,
                    team_limit,
                }
            },
        )
}

/// Stores the company (people beyond those generated are dropped from assignments).
pub(super) async fn store(pool: &PgPool, company: &Company) -> (Vec<i64>, Vec<i64>) {
    sqlx::query("TRUNCATE departments, people, projects, roles, skill_tags CASCADE")
        .execute(pool)
        .await
        .unwrap();
    let mut departments: Vec<i64> = Vec::new();
    for (i, parent) in company.parents.iter().enumerate() {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO departments (name, parent_id) VALUES ($1, $2) RETURNING id",
        )
        .bind(format!("D{i}"))
        .bind(parent.map(|p| departments[p]))
        .fetch_one(pool)
        .await
        .unwrap();
        departments.push(id);
    }
    let mut people = Vec::new();
    for (i, person) in company.people.iter().enumerate() {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO people (name, weekly_capacity, department_id, is_active) \
             VALUES ($1, $2::numeric / 100, $3, true) RETURNING id",
        )
        .bind(format!("P{i}"))
        .bind(person.capacity)
        .bind(person.department.map(|d| departments[d]))
        .fetch_one(pool)
        .await
        .unwrap();
        people.push(id);
    }
    let mut projects = Vec::new();
    for (i, (status, _)) in company.projects.iter().enumerate() {
        let id: i64 =
            sqlx::query_scalar("INSERT INTO projects (name, status) VALUES ($1, $2) RETURNING id")
                .bind(format!("J{i}"))
                .bind(STATUSES[*status])
                .fetch_one(pool)
                .await
                .unwrap();
        projects.push(id);
    }
    for (i, a) in company.assignments.iter().enumerate() {
        let Some(person) = people.get(a.person) else {
            continue;
        };
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO assignments (person_id, project_id, role_on_project) \
             VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(person)
        .bind(projects[a.project])
        .bind(format!("r{i}"))
        .fetch_one(pool)
        .await
        .unwrap();
        for (offset, centihours) in &a.weeks {
            sqlx::query(
                "INSERT INTO assignment_weeks (assignment_id, week, centihours) VALUES ($1, $2, $3)",
            )
            .bind(id)
            .bind(first_sunday() + Duration::weeks(*offset))
            .bind(*centihours as i32)
            .execute(pool)
            .await
            .unwrap();
        }
        if !a.active {
            sqlx::query("UPDATE assignments SET is_active = false WHERE id = $1")
                .bind(id)
                .execute(pool)
                .await
                .unwrap();
        }
    }
    // Deactivated after their hours went in, so the kept loads must take them out.
    for (i, (_, active)) in company.projects.iter().enumerate() {
        sqlx::query("UPDATE projects SET is_active = $2 WHERE id = $1")
            .bind(projects[i])
            .bind(active)
            .execute(pool)
            .await
            .unwrap();
    }
    for (i, person) in company.people.iter().enumerate() {
        sqlx::query("UPDATE people SET is_active = $2 WHERE id = $1")
            .bind(people[i])
            .bind(person.active)
            .execute(pool)
            .await
            .unwrap();
    }
    (departments, people)
}
