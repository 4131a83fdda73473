//! Property test of the planning grid against the real PostgreSQL: for random plans
//! (people, projects, assignments and weekly hours, inside and outside the window), each
//! person's weekly total equals the sum of their assignments' cells, to the hundredth
//! (the people, their totals and their rows read the way a grid page reads them), and
//! the kept loads the totals come from equal the plan summed from scratch.
//! Each case runs in a transaction that is rolled back, so cases never see each other.

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use sqlx::PgPool;
use wt_store::assignments;
use wt_store::grid::{self, GridScope};

mod support;
use support::{assign, first_sunday, mismatches, new_person, new_project, run_cases};

/// A random plan: per assignment, (person index, project index, week offset -> centihours).
type Plan = Vec<(usize, usize, BTreeMap<i64, i32>)>;

fn plans() -> impl Strategy<Value = Plan> {
    let weeks = prop::collection::btree_map(-4i64..16, 1i32..=16_800, 0..10);
    prop::collection::vec((0usize..4, 0usize..3, weeks), 0..10)
}

/// Stores the plan, reads the grid, and checks every total; rolls everything back.
async fn check(pool: &PgPool, plan: &Plan) -> Result<(), TestCaseError> {
    let mut tx = pool.begin().await.expect("a transaction");
    let mut person_ids = Vec::new();
    for i in 0..4 {
        person_ids.push(new_person(&mut tx, &format!("P{i}")).await);
    }
    let mut project_ids = Vec::new();
    for i in 0..3 {
        project_ids.push(new_project(&mut tx, &format!("J{i}")).await);
    }
    let start = first_sunday();
    for (index, (who, what, weeks)) in plan.iter().enumerate() {
        let id = assign(
            &mut tx,
            person_ids[*who],
            project_ids[*what],
            format!("r{index}"),
        )
        .await;
        let dated: BTreeMap<NaiveDate, i32> = weeks
            .iter()
            .map(|(offset, hours)| (start + Duration::weeks(*offset), *hours))
            .collect();
        assignments::write_weeks(&mut tx, id, &dated)
            .await
            .expect("weeks");
    }
    let scope = GridScope {
        department_id: None,
        include_children: true,
        search: None,
        statuses: Vec::new(),
        first_week: start,
        last_week: start + Duration::weeks(11),
    };
    let page = grid::people(&mut *tx, &scope, 100, 0).await.expect("page");
    let ids: Vec<i64> = page.iter().map(|p| p.id).collect();
    let totals = grid::person_totals(&mut *tx, &ids, &scope)
        .await
        .expect("totals");
    let rows = grid::assignments(&mut *tx, &ids, &scope)
        .await
        .expect("rows");
    let row_ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let cells = grid::assignment_cells(&mut *tx, &row_ids, &scope)
        .await
        .expect("cells");
    let drift = mismatches(&mut tx).await;
    tx.rollback().await.expect("rollback");
    prop_assert!(drift.is_empty(), "the kept loads drifted: {drift:?}");

    let owner: HashMap<i64, i64> = rows.iter().map(|r| (r.id, r.person_id)).collect();
    let mut summed: BTreeMap<(i64, NaiveDate), i64> = BTreeMap::new();
    for cell in cells {
        *summed.entry((owner[&cell.row_id], cell.week)).or_default() += cell.centihours;
    }
    let reported: BTreeMap<(i64, NaiveDate), i64> = totals
        .into_iter()
        .map(|t| ((t.row_id, t.week), t.centihours))
        .collect();
    prop_assert_eq!(&reported, &summed);
    for (_, week) in reported.keys() {
        prop_assert!(*week >= scope.first_week && *week <= scope.last_week);
    }
    Ok(())
}

#[sqlx::test(migrator = "wt_store::MIGRATOR")]
async fn person_totals_equal_the_sum_of_their_rows(pool: PgPool) {
    run_cases(24, plans(), move |plan| {
        let pool = pool.clone();
        async move { check(&pool, &plan).await }
    })
    .await;
}
