//! `wt-api seed-demo`: a believable demo company so a new install shows a living product,
//! and bigger ones for benchmarks (`make bench` seeds 5,000 people, 2,000 projects, 40,000
//! assignments and a year of hours, about 1.9 million week rows). Everything is generated
//! inside PostgreSQL in one transaction, set-based (one INSERT ... SELECT per table, so the
//! week loads are kept by their statement triggers in one pass: the large company takes
//! about half a minute), from a fixed seed, so two runs with the same size produce the
//! same company.

use anyhow::bail;
use sqlx::PgPool;

/// The departments (name, parent name) of the demo company: eight, in a small tree.
const DEPARTMENTS: &[(&str, Option<&str>)] = &[
    ("Architecture", None),
    ("Interiors", Some("Architecture")),
    ("Landscape", Some("Architecture")),
    ("Engineering", None),
    ("Structural", Some("Engineering")),
    ("MEP", Some("Engineering")),
    ("Project Management", None),
    ("Visualization", None),
];

const ROLES: &[&str] = &[
    "Principal",
    "Associate",
    "Project Architect",
    "Designer",
    "Engineer",
    "Senior Engineer",
    "Project Manager",
    "Technician",
];

/// How big a company to seed. `None` keeps the demo's own proportions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub people: i64,
    /// Default: about 0.4 per person, at least 10. Every seventh is completed.
    pub projects: Option<i64>,
    /// Spread evenly over people; default: one to three per person.
    pub assignments: Option<i64>,
    /// Weeks of hours per assignment, from twelve weeks back.
    pub weeks: i64,
}

impl Size {
    /// The most assignments one person gets (the spread of their projects depends on it).
    fn most_per_person(&self) -> i64 {
        self.assignments
            .map_or(3, |total| (total + self.people - 1) / self.people)
    }

    /// Refuses a size out of bounds; the number of projects to make.
    fn check(&self) -> anyhow::Result<i64> {
        if !(1..=20_000).contains(&self.people) {
            bail!("--people must be between 1 and 20000");
        }
        let projects = self.projects.unwrap_or((self.people * 2 / 5).max(10));
        if !(1..=100_000).contains(&projects) {
            bail!("--projects must be between 1 and 100000");
        }
        if self
            .assignments
            .is_some_and(|a| !(1..=200_000).contains(&a))
        {
            bail!("--assignments must be between 1 and 200000");
        }
        if !(1..=104).contains(&self.weeks) {
            bail!("--weeks must be between 1 and 104");
        }
        // Assignments go to projects that are not completed (every seventh is), each
        // person's on distinct ones.
        let open_projects = projects - (projects + 1) / 7;
        if self.most_per_person() > open_projects {
            bail!("--assignments needs more projects: each person's must be distinct open ones");
        }
        Ok(projects)
    }
}

/// What a seeding run produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seeded {
    pub people: i64,
    pub projects: i64,
    pub assignments: i64,
    pub weeks: i64,
}

/// Whether the planning tables are empty (`--if-empty` seeds only then).
pub async fn is_empty(pool: &PgPool) -> anyhow::Result<bool> {
    let (people, projects): (i64, i64) =
        sqlx::query_as("SELECT (SELECT count(*) FROM people), (SELECT count(*) FROM projects)")
            .fetch_one(pool)
            .await?;
    Ok(people == 0 && projects == 0)
}

/// Seeds a company of `size` around `this_sunday`: hours from twelve weeks back.
pub async fn seed(
    pool: &PgPool,
    size: Size,
    this_sunday: chrono::NaiveDate,
) -> anyhow::Result<Seeded> {
    let projects = size.check()?;
    if !is_empty(pool).await? {
        bail!("the database already has people or projects; seed-demo fills an empty one");
    }
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT setseed(0.42)")
        .execute(&mut *tx)
        .await?;
    for (name, parent) in DEPARTMENTS {
        sqlx::query(
            "INSERT INTO departments (name, parent_id) \
             VALUES ($1, (SELECT id FROM departments WHERE name = $2)) ON CONFLICT DO NOTHING",
        )
        .bind(name)
        .bind(parent)
        .execute(&mut *tx)
        .await?;
    }
    for role in ROLES {
        sqlx::query("INSERT INTO roles (name) VALUES ($1) ON CONFLICT DO NOTHING")
            .bind(role)
            .execute(&mut *tx)
            .await?;
    }
    insert_people(&mut tx, size.people).await?;
    insert_projects(&mut tx, projects, this_sunday).await?;
    let assignments = insert_assignments(&mut tx, &size).await?;
    let weeks = insert_hours(&mut tx, this_sunday, size.weeks).await?;
    tx.commit().await?;
    // Fresh statistics, so the planner sizes the grid's aggregates right at once, and a
    // fresh visibility map, so the week index answers the grid without heap visits; both
    // instead of waiting for autovacuum to get round to the new rows.
    sqlx::query("VACUUM (ANALYZE)").execute(pool).await?;
    Ok(Seeded {
        people: size.people,
        projects,
        assignments,
        weeks,
    })
}

async fn insert_people(tx: &mut sqlx::PgConnection, people: i64) -> anyhow::Result<()> {
    sqlx::query(
        r#"WITH first_names AS (
               SELECT array['Ada','Ben','Cleo','Dev','Elif','Finn','Gia','Hugo','Ines','Jon',
                            'Kai','Lena','Milo','Nora','Omar','Pia','Quinn','Rosa','Sami','Tara',
                            'Uma','Vik','Wren','Yara','Zoe'] AS names),
           last_names AS (
               SELECT array['Adler','Baker','Chen','Diaz','Evans','Fischer','Garcia','Haddad',
                            'Ito','Jensen','Khan','Larsen','Moreau','Nakamura','Okafor','Patel',
                            'Quispe','Rossi','Silva','Tanaka','Urban','Varga','Weber','Yilmaz'] AS names)
           INSERT INTO people (name, email, weekly_capacity, role_id, department_id, location, hire_date)
           SELECT f.names[1 + (n % 25)] || ' ' || l.names[1 + ((n / 25 + n % 25) % 24)]
                      || CASE WHEN n >= 600 THEN ' ' || (n / 600 + 1)::text ELSE '' END,
                  'person' || n || '@demo.example',
                  (ARRAY[36, 40, 32, 36, 40, 24])[1 + (n % 6)],
                  (SELECT id FROM roles ORDER BY id OFFSET (n % 8) LIMIT 1),
                  (SELECT id FROM departments ORDER BY id OFFSET (n % 8) LIMIT 1),
                  (ARRAY['London','Berlin','Lyon','Remote'])[1 + (n % 4)],
                  DATE '2012-01-01' + (n * 37 % 4000)
           FROM generate_series(0, ($1 - 1)::integer) AS n, first_names f, last_names l"#,
    )
    .bind(people)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

async fn insert_projects(
    tx: &mut sqlx::PgConnection,
    projects: i64,
    sunday: chrono::NaiveDate,
) -> anyhow::Result<()> {
    sqlx::query(
        r#"INSERT INTO projects (name, project_number, client, status, start_date, end_date, estimated_hours)
           SELECT (ARRAY['Harbour','Museum','Library','Station','Tower','Campus','Bridge','Clinic',
                         'Gallery','School','Depot','Arena'])[1 + (n % 12)] || ' '
                      || (ARRAY['North','South','East','West','Central','Riverside','Hillside'])[1 + (n / 12 % 7)]
                      || CASE WHEN n >= 84 THEN ' ' || (n / 84 + 1)::text ELSE '' END,
                  'P-' || (1000 + n),
                  (ARRAY['City Council','Northwind','Acme Estates','Internal','Harbor Trust','Globex'])[1 + (n % 6)],
                  (ARRAY['active','active','active','planning','active_ca','on_hold','completed'])[1 + (n % 7)],
                  $2::date - (12 * 7) + (n % 20) * 7,
                  $2::date + (40 * 7) + (n % 30) * 7,
                  400 + (n * 97 % 4000)
           FROM generate_series(0, ($1 - 1)::integer) AS n"#,
    )
    .bind(projects)
    .bind(sunday)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        r#"INSERT INTO deliverables (project_id, description, percentage, date, sort_order)
           SELECT p.id, t.description, t.percentage,
                  p.start_date + ((p.end_date - p.start_date) * t.percentage / 100),
                  t.position
           FROM projects p
           CROSS JOIN (VALUES (0, 'SD', 35), (1, 'DD', 75), (2, 'IFP', 95), (3, 'IFC', 100))
                AS t(position, description, percentage)"#,
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Each person's assignments (one to three, or `size.assignments` spread evenly) on
/// distinct open projects, spread over the whole list so every project gets people.
async fn insert_assignments(tx: &mut sqlx::PgConnection, size: &Size) -> anyhow::Result<i64> {
    let done = sqlx::query(
        r#"WITH numbered_people AS (
               SELECT id, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS n
               FROM people),
           numbered_projects AS (
               SELECT id, row_number() OVER (ORDER BY id) - 1 AS k
               FROM projects WHERE status <> 'completed'),
           open AS (SELECT count(*) AS total FROM numbered_projects)
           INSERT INTO assignments (person_id, project_id, role_on_project)
           SELECT p.id, np.id, (ARRAY['Lead','Designer','Engineer','Support'])[1 + (slot % 4)]
           FROM numbered_people p
           CROSS JOIN open
           CROSS JOIN LATERAL generate_series(0, CASE WHEN $1::bigint IS NULL THEN p.i % 3
                                                     ELSE $1 / p.n + (p.i < $1 % p.n)::int - 1 END) AS slot
           JOIN numbered_projects np ON np.k = (p.i * 7 + slot * (open.total / $2)) % open.total"#,
    )
    .bind(size.assignments)
    .bind(size.most_per_person())
    .execute(&mut *tx)
    .await?;
    Ok(done.rows_affected() as i64)
}

/// `weeks` weeks of hours from twelve weeks back, varied per assignment and week, with
/// a gap now and then. Hours shrink when people carry more than three assignments on
/// average, so loads stay believable (a spread of bands, some people over).
async fn insert_hours(
    tx: &mut sqlx::PgConnection,
    sunday: chrono::NaiveDate,
    weeks: i64,
) -> anyhow::Result<i64> {
    let done = sqlx::query(
        r#"WITH scale AS (
               SELECT least(1.0, 3.0 * (SELECT count(*) FROM people) / nullif(count(*), 0)) AS factor
               FROM assignments)
           INSERT INTO assignment_weeks (assignment_id, week, centihours)
           SELECT a.id, $1::date + (w * 7),
                  25 * greatest(1, round(4 * s.factor * (ARRAY[8, 12, 16, 20, 6, 10, 24, 4])[1 + ((a.id * 3 + w + 1200) % 8)]))
           FROM assignments a
           CROSS JOIN scale s
           CROSS JOIN generate_series(-12, ($2 - 13)::integer) AS w
           WHERE (a.id + w + 1200) % 9 <> 0"#,
    )
    .bind(sunday)
    .bind(weeks)
    .execute(&mut *tx)
    .await?;
    Ok(done.rows_affected() as i64)
}
