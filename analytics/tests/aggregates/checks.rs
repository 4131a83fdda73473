//! Each aggregate checked against the plain computation: the dashboard, the forecast, the
//! heatmap and the department rollup.

use super::model::*;
use super::*;

pub(super) fn check_dashboard(company: &Company, dashboard: &Value) -> Result<(), TestCaseError> {
    let loads = loads(company, true);
    let summary = &dashboard["summary"];
    prop_assert_eq!(summary["people"].as_u64(), Some(loads.len() as u64));
    let total: i64 = loads.iter().map(Load::total).sum();
    let capacity: i64 = loads.iter().map(|l| l.capacity).sum::<i64>() * i64::from(company.weeks);
    prop_assert!(close(
        hours(&summary["averageUtilization"]),
        percent(total, capacity)
    ));
    let over = loads.iter().filter(|l| l.over_weeks() > 0).count();
    prop_assert_eq!(summary["overAllocated"].as_u64(), Some(over as u64));
    for band_name in ["available", "optimal", "high", "over_allocated"] {
        let expected = loads
            .iter()
            .filter(|l| band(l.total(), l.capacity * i64::from(company.weeks)) == band_name)
            .count();
        let reported = dashboard["distribution"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["band"] == band_name)
            .map(|d| d["people"].as_u64().unwrap());
        prop_assert_eq!(reported, Some(expected as u64), "band {}", band_name);
    }
    // Team: fullest average first, then name.
    let mut team: Vec<&Load> = loads.iter().collect();
    team.sort_by(|a, b| cmp_fraction(b.average(), a.average()).then(a.name.cmp(&b.name)));
    let rows = dashboard["team"]["rows"].as_array().unwrap();
    prop_assert_eq!(
        dashboard["team"]["total"].as_u64(),
        Some(loads.len() as u64)
    );
    prop_assert_eq!(rows.len(), team.len().min(company.team_limit as usize));
    for (row, load) in rows.iter().zip(&team) {
        prop_assert_eq!(row["name"].as_str(), Some(load.name.as_str()));
        prop_assert_eq!(hours(&row["allocated"]), h(load.total()));
        prop_assert_eq!(hours(&row["capacity"]), h(load.capacity));
        let window_capacity = load.capacity * i64::from(company.weeks);
        prop_assert!(close(
            hours(&row["percent"]),
            percent(load.total(), window_capacity)
        ));
        prop_assert_eq!(
            row["band"].as_str(),
            Some(band(load.total(), window_capacity))
        );
        let peak = load.peak();
        prop_assert_eq!(&row["peakWeek"], &Value::from(date(peak)));
        prop_assert!(close(
            hours(&row["peakPercent"]),
            percent(load.weeks[peak], load.capacity)
        ));
    }
    // Most available: most free hours first, then name.
    let mut free: Vec<&Load> = loads.iter().collect();
    free.sort_by(|a, b| b.available().cmp(&a.available()).then(a.name.cmp(&b.name)));
    let listed: Vec<(&str, f64)> = dashboard["mostAvailable"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["name"].as_str().unwrap(), hours(&r["availableHours"])))
        .collect();
    let expected: Vec<(&str, f64)> = free
        .iter()
        .take(10)
        .map(|l| (l.name.as_str(), h(l.available())))
        .collect();
    prop_assert_eq!(listed, expected);
    // Over-allocated: fullest peak first, then more weeks over, then name.
    let peak_ratio = |l: &Load| {
        if l.capacity == 0 {
            (0, 1)
        } else {
            (l.weeks[l.peak()], l.capacity)
        }
    };
    let mut overs: Vec<&Load> = loads.iter().filter(|l| l.over_weeks() > 0).collect();
    overs.sort_by(|a, b| {
        cmp_fraction(peak_ratio(b), peak_ratio(a))
            .then(b.over_weeks().cmp(&a.over_weeks()))
            .then(a.name.cmp(&b.name))
    });
    let listed: Vec<(&str, u64, &str)> = dashboard["overAllocated"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap(),
                r["overWeeks"].as_u64().unwrap(),
                r["peakWeek"].as_str().unwrap(),
            )
        })
        .collect();
    let peak_dates: Vec<String> = overs.iter().map(|l| date(l.peak())).collect();
    let expected: Vec<(&str, u64, &str)> = overs
        .iter()
        .zip(&peak_dates)
        .map(|(l, d)| (l.name.as_str(), l.over_weeks() as u64, d.as_str()))
        .collect();
    prop_assert_eq!(listed, expected);
    // The peak: the highest single week of anyone, earliest week then name among equals.
    let mut best: Option<(&Load, usize)> = None;
    for load in loads.iter().filter(|l| l.capacity > 0) {
        for (week, hours) in load.weeks.iter().enumerate() {
            if *hours == 0 {
                continue;
            }
            let better = match best {
                None => true,
                Some((b, bw)) => cmp_fraction((*hours, load.capacity), (b.weeks[bw], b.capacity))
                    .then(bw.cmp(&week))
                    .then(b.name.cmp(&load.name))
                    .is_gt(),
            };
            if better {
                best = Some((load, week));
            }
        }
    }
    match best {
        None => prop_assert!(summary["peak"].is_null()),
        Some((load, week)) => {
            prop_assert_eq!(summary["peak"]["name"].as_str(), Some(load.name.as_str()));
            prop_assert_eq!(&summary["peak"]["week"], &Value::from(date(week)));
            prop_assert!(close(
                hours(&summary["peak"]["percent"]),
                percent(load.weeks[week], load.capacity)
            ));
        }
    }
    Ok(())
}

pub(super) fn check_forecast(company: &Company, forecast: &Value) -> Result<(), TestCaseError> {
    let loads = loads(company, true);
    let weeks = forecast["weeks"].as_array().unwrap();
    prop_assert_eq!(weeks.len(), company.weeks as usize);
    for (w, row) in weeks.iter().enumerate() {
        let capacity: i64 = loads.iter().map(|l| l.capacity).sum();
        let allocated: i64 = loads.iter().map(|l| l.weeks[w]).sum();
        let free: i64 = loads.iter().map(|l| (l.capacity - l.weeks[w]).max(0)).sum();
        prop_assert_eq!(&row["week"], &Value::from(date(w)));
        prop_assert_eq!(row["people"].as_u64(), Some(loads.len() as u64));
        prop_assert_eq!(hours(&row["capacity"]), h(capacity));
        prop_assert_eq!(hours(&row["allocated"]), h(allocated));
        prop_assert_eq!(hours(&row["available"]), h(free));
        prop_assert!(close(
            hours(&row["utilization"]),
            percent(allocated, capacity)
        ));
        prop_assert_eq!(row["band"].as_str(), Some(band(allocated, capacity)));
        let mut over: Vec<&Load> = loads.iter().filter(|l| l.weeks[w] > l.capacity).collect();
        prop_assert_eq!(row["overAllocatedCount"].as_u64(), Some(over.len() as u64));
        let ratio = |l: &Load| {
            if l.capacity == 0 {
                (0, 1)
            } else {
                (l.weeks[w], l.capacity)
            }
        };
        over.sort_by(|a, b| cmp_fraction(ratio(b), ratio(a)).then(a.name.cmp(&b.name)));
        let listed: Vec<&str> = row["overAllocated"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["name"].as_str().unwrap())
            .collect();
        let expected: Vec<&str> = over.iter().take(10).map(|l| l.name.as_str()).collect();
        prop_assert_eq!(listed, expected);
    }
    Ok(())
}

pub(super) fn check_heatmap(company: &Company, heatmap: &Value) -> Result<(), TestCaseError> {
    let mut loads = loads(company, true);
    loads.sort_by(|a, b| a.name.cmp(&b.name));
    prop_assert_eq!(heatmap["total"].as_u64(), Some(loads.len() as u64));
    let rows = heatmap["rows"].as_array().unwrap();
    prop_assert_eq!(rows.len(), loads.len());
    for (row, load) in rows.iter().zip(&loads) {
        prop_assert_eq!(row["name"].as_str(), Some(load.name.as_str()));
        let got: Vec<f64> = row["hours"].as_array().unwrap().iter().map(hours).collect();
        let want: Vec<f64> = load.weeks.iter().map(|c| h(*c)).collect();
        prop_assert_eq!(got, want);
        let got: Vec<f64> = row["percent"]
            .as_array()
            .unwrap()
            .iter()
            .map(hours)
            .collect();
        let want: Vec<f64> = load
            .weeks
            .iter()
            .map(|c| percent(*c, load.capacity))
            .collect();
        prop_assert!(got.len() == want.len() && got.iter().zip(&want).all(|(g, w)| close(*g, *w)));
    }
    Ok(())
}

/// Every department (the whole tree): people and weekly figures of its subtree.
pub(super) fn check_rollup(
    company: &Company,
    departments: &[i64],
    rollup: &Value,
) -> Result<(), TestCaseError> {
    let loads = loads(company, false);
    let listed = rollup["departments"].as_array().unwrap();
    prop_assert_eq!(listed.len(), company.parents.len());
    for row in listed {
        let index = departments
            .iter()
            .position(|id| Some(*id) == row["id"].as_i64())
            .expect("a known department");
        let below = subtree(&company.parents, index);
        let members: Vec<&Load> = loads
            .iter()
            .filter(|l| {
                company.people[l.index]
                    .department
                    .is_some_and(|d| below.contains(&d))
            })
            .collect();
        prop_assert_eq!(row["people"].as_u64(), Some(members.len() as u64));
        for (w, week) in row["weeks"].as_array().unwrap().iter().enumerate() {
            let capacity: i64 = members.iter().map(|l| l.capacity).sum();
            let allocated: i64 = members.iter().map(|l| l.weeks[w]).sum();
            prop_assert_eq!(hours(&week["capacity"]), h(capacity));
            prop_assert_eq!(hours(&week["allocated"]), h(allocated));
            prop_assert!(close(
                hours(&week["utilization"]),
                percent(allocated, capacity)
            ));
        }
    }
    Ok(())
}
