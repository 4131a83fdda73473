//! Writing hours rewrites only the kept weekly loads it changes: a save of the hours a
//! week already has touches no load row, and hours moved between two projects of one
//! person in one week leave that person's load row as it was.

use sqlx::{PgConnection, PgPool};
use wt_store::assignments_bulk::{WeekHours, write_weeks};

#[allow(dead_code)] // this file needs a few of the shared helpers
mod support;
use support::{assign, first_sunday, mismatches, new_person, new_project};

/// Each kept load row's key and row version (`xmin`), in key order.
async fn load_row_versions(conn: &mut PgConnection) -> Vec<(String, String)> {
    sqlx::query_as(
        "SELECT 'person ' || person_id || ' ' || week, xmin::text FROM person_week_load
         UNION ALL SELECT 'project ' || project_id || ' ' || week, xmin::text FROM project_week_load
         ORDER BY 1",
    )
    .fetch_all(conn)
    .await
    .expect("the load rows")
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn saves_that_change_no_load_rewrite_no_load_row(pool: PgPool) {
    let mut conn = pool.acquire().await.expect("a connection");
    let person_id = new_person(&mut conn, "Pat").await;
    let mut assignments = Vec::new();
    for name in ["A", "B"] {
        let project_id = new_project(&mut conn, name).await;
        assignments.push(assign(&mut conn, person_id, project_id, String::new()).await);
    }
    let [a, b] = assignments[..] else {
        unreachable!("two assignments")
    };
    let week = |assignment_id, centihours| WeekHours {
        assignment_id,
        week: first_sunday(),
        centihours,
    };
    write_weeks(&mut conn, &[week(a, 800), week(b, 400)])
        .await
        .unwrap();
    let first = load_row_versions(&mut conn).await;
    assert_eq!(first.len(), 3, "{first:?}");

    // The same hours again: no row changes.
    write_weeks(&mut conn, &[week(a, 800), week(b, 400)])
        .await
        .unwrap();
    assert_eq!(load_row_versions(&mut conn).await, first);

    // Four hours move from one project to the other: the person's week keeps its total.
    write_weeks(&mut conn, &[week(a, 400), week(b, 800)])
        .await
        .unwrap();
    let moved = load_row_versions(&mut conn).await;
    let changed: Vec<&str> = (first.iter().zip(&moved))
        .filter(|(before, after)| before != after)
        .map(|(before, _)| before.0.split(' ').next().unwrap())
        .collect();
    assert_eq!(changed, ["project", "project"]);
    assert!(mismatches(&mut conn).await.is_empty());
}
