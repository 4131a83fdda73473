//! The plain computation the aggregates must match: each person's counted hours per
//! window week, and the percentages, bands and scopes computed over them.

use super::*;

impl Load {
    pub(super) fn total(&self) -> i64 {
        self.weeks.iter().sum()
    }

    /// Average utilization as a fraction (numerator, denominator); 0 without capacity.
    pub(super) fn average(&self) -> (i64, i64) {
        if self.capacity == 0 {
            (0, 1)
        } else {
            (self.total(), self.capacity * self.weeks.len() as i64)
        }
    }

    /// The first week with the highest percentage.
    pub(super) fn peak(&self) -> usize {
        let mut best = 0;
        for (i, h) in self.weeks.iter().enumerate() {
            if self.capacity > 0 && *h > self.weeks[best] {
                best = i;
            }
        }
        best
    }

    pub(super) fn available(&self) -> i64 {
        self.weeks.iter().map(|h| (self.capacity - h).max(0)).sum()
    }

    pub(super) fn over_weeks(&self) -> usize {
        self.weeks.iter().filter(|h| **h > self.capacity).count()
    }
}

pub(super) fn percent(allocated: i64, capacity: i64) -> f64 {
    if capacity == 0 {
        0.0
    } else {
        (allocated * 100) as f64 / capacity as f64
    }
}

/// Fractions compared exactly.
pub(super) fn cmp_fraction(a: (i64, i64), b: (i64, i64)) -> Ordering {
    (i128::from(a.0) * i128::from(b.1)).cmp(&(i128::from(b.0) * i128::from(a.1)))
}

/// The band of a load against a capacity with the default thresholds, as documented.
pub(super) fn band(allocated: i64, capacity: i64) -> &'static str {
    let p = percent(allocated, capacity);
    if (capacity == 0 && allocated > 0) || p > 100.0 {
        "over_allocated"
    } else if p >= 85.0 {
        "high"
    } else if p >= 70.0 {
        "optimal"
    } else {
        "available"
    }
}

/// Departments at or below `root`.
pub(super) fn subtree(parents: &[Option<usize>], root: usize) -> Vec<usize> {
    (0..parents.len())
        .filter(|d| {
            let mut at = Some(*d);
            while let Some(x) = at {
                if x == root {
                    return true;
                }
                at = parents[x];
            }
            false
        })
        .collect()
}

pub(super) fn in_scope(company: &Company, person: &Person) -> bool {
    match company.scope {
        None => true,
        Some((root, children)) => person.department.is_some_and(|d| {
            d == root || (children && subtree(&company.parents, root).contains(&d))
        }),
    }
}

/// The counted load of every active person (in scope when `scoped`), by name.
pub(super) fn loads(company: &Company, scoped: bool) -> Vec<Load> {
    let weeks = company.weeks as usize;
    let mut loads: Vec<Load> = company
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| p.active && (!scoped || in_scope(company, p)))
        .map(|(index, p)| Load {
            index,
            name: format!("P{index}"),
            capacity: p.capacity,
            weeks: vec![0; weeks],
        })
        .collect();
    for a in &company.assignments {
        let (status, project_active) = company.projects[a.project];
        if !a.active || !project_active || !COUNTED.contains(&STATUSES[status]) {
            continue;
        }
        if let Some(load) = loads.iter_mut().find(|l| l.index == a.person) {
            for (offset, hours) in &a.weeks {
                if (0..weeks as i64).contains(offset) {
                    load.weeks[*offset as usize] += hours;
                }
            }
        }
    }
    loads
}

/// Percentages read back from JSON: serde_json's default float parser may land one ulp
/// off the serialized value, so they are compared to within a billionth.
pub(super) fn close(got: f64, want: f64) -> bool {
    (got - want).abs() <= 1e-9 * want.abs().max(1.0)
}

pub(super) fn hours(value: &Value) -> f64 {
    value.as_f64().expect("a number")
}

pub(super) fn h(centihours: i64) -> f64 {
    centihours as f64 / 100.0
}

pub(super) fn date(week: usize) -> String {
    (first_sunday() + Duration::weeks(week as i64)).to_string()
}
