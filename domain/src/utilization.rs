//! Capacity and utilization: how full a person's week is, the colour band that shows it,
//! and the average and peak over a run of weeks. Dashboards, the heatmap and the forecast
//! all compute these here so they never disagree.

use std::fmt;

use serde::Serialize;

use crate::hours::{Hours, HoursTotal};

/// `allocated / capacity x 100`; 0 when capacity is 0 (nothing to be a percentage of).
pub fn utilization_percent(allocated: HoursTotal, capacity: Hours) -> f64 {
    load_percent(allocated, HoursTotal::from(capacity))
}

/// The same percentage for capacity beyond one person's week: a team's summed capacity in
/// a week, or one person's capacity over several weeks (which makes it their average:
/// total hours / weeks as % of the weekly capacity). 0 when capacity is 0.
pub fn load_percent(allocated: HoursTotal, capacity: HoursTotal) -> f64 {
    percent_of(
        i128::from(allocated.centihours()),
        i128::from(capacity.centihours()),
    )
}

/// Hours still free in the week: `capacity - allocated`, never below zero.
pub fn available(allocated: HoursTotal, capacity: Hours) -> HoursTotal {
    HoursTotal::from(capacity).saturating_sub(allocated)
}

/// Whether more is planned than the person has. With capacity 0 any hours at all count,
/// even though the percentage is then reported as 0.
pub fn is_over_allocated(allocated: HoursTotal, capacity: Hours) -> bool {
    allocated > HoursTotal::from(capacity)
}

/// `part / whole x 100` from exact integers with a single rounding (the final division),
/// so a larger part never gets a smaller percentage: averages can never beat the peak.
fn percent_of(part: i128, whole: i128) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    (part * 100) as f64 / whole as f64
}

/// How full a week looks, from free to overloaded. Ordered by fullness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Available,
    Optimal,
    High,
    OverAllocated,
}

impl Band {
    pub const ALL: [Band; 4] = [
        Band::Available,
        Band::Optimal,
        Band::High,
        Band::OverAllocated,
    ];

    /// The band of a utilization percentage, the one definition every screen uses:
    /// `available < optimal_from <= optimal < high_from <= high <= over_above < over`.
    /// With the defaults 70 is optimal, 85 is high and 100 is still high (a person planned
    /// to exactly their capacity is full, not over), so the over-allocated band matches
    /// [`is_over_allocated`] when `over_above` is 100.
    /// A NaN percentage (never produced by this module) falls in `Available`.
    pub fn of(percent: f64, bands: &Bands) -> Band {
        if percent > bands.over_above {
            Band::OverAllocated
        } else if percent >= bands.high_from {
            Band::High
        } else if percent >= bands.optimal_from {
            Band::Optimal
        } else {
            Band::Available
        }
    }

    /// The band of one person's week. Unlike `of(utilization_percent(..))` this puts hours
    /// planned against zero capacity in `OverAllocated`, where the 0% rule would hide them.
    pub fn for_week(allocated: HoursTotal, capacity: Hours, bands: &Bands) -> Band {
        Band::for_load(allocated, HoursTotal::from(capacity), bands)
    }

    /// The band of a load against any capacity (see [`load_percent`]), with the same rule
    /// for hours against zero capacity as [`Band::for_week`].
    pub fn for_load(allocated: HoursTotal, capacity: HoursTotal, bands: &Bands) -> Band {
        if capacity.is_zero() && !allocated.is_zero() {
            return Band::OverAllocated;
        }
        Band::of(load_percent(allocated, capacity), bands)
    }

    /// The stable name used in API responses and settings.
    pub fn as_str(self) -> &'static str {
        match self {
            Band::Available => "available",
            Band::Optimal => "optimal",
            Band::High => "high",
            Band::OverAllocated => "over_allocated",
        }
    }
}

impl fmt::Display for Band {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The thresholds between bands, in percent. Configurable; see [`Band::of`] for which
/// band each boundary value falls in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bands {
    optimal_from: f64,
    high_from: f64,
    over_above: f64,
}

impl Default for Bands {
    /// Under 70 available, 70 up to (not including) 85 optimal, 85 to 100 high, above 100
    /// over-allocated.
    fn default() -> Self {
        Bands {
            optimal_from: 70.0,
            high_from: 85.0,
            over_above: 100.0,
        }
    }
}

/// Thresholds that are not finite, negative, or out of order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("Band thresholds must be finite, at least 0 and in increasing order.")]
pub struct BandsError;

impl BandsError {
    pub fn code(self) -> &'static str {
        "utilization_bands_invalid"
    }
}

impl Bands {
    /// Thresholds in percent; each must be at least the one before it (equal thresholds
    /// leave a band empty, which is allowed).
    pub fn new(optimal_from: f64, high_from: f64, over_above: f64) -> Result<Bands, BandsError> {
        let ordered = 0.0 <= optimal_from && optimal_from <= high_from && high_from <= over_above;
        if !(ordered && over_above.is_finite()) {
            return Err(BandsError);
        }
        Ok(Bands {
            optimal_from,
            high_from,
            over_above,
        })
    }

    /// The lowest percentage that is optimal.
    pub fn optimal_from(&self) -> f64 {
        self.optimal_from
    }

    /// The lowest percentage that is high.
    pub fn high_from(&self) -> f64 {
        self.high_from
    }

    /// The highest percentage that is not over-allocated.
    pub fn over_above(&self) -> f64 {
        self.over_above
    }
}

/// Utilization over several weeks of one person (or one team, with summed capacity).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Total hours over all weeks as a percentage of the total capacity.
    pub average_percent: f64,
    /// The highest single-week percentage.
    pub peak_percent: f64,
    /// Which week holds the peak (the first of equals); `None` only for no weeks, so an
    /// empty view cannot be mistaken for a peak in its first week.
    pub peak_index: Option<usize>,
}

/// Average and peak utilization of consecutive weeks at one weekly capacity. No weeks
/// gives zeros and no peak.
pub fn summarize(weekly_allocated: &[HoursTotal], capacity: Hours) -> Summary {
    let mut summary = Summary::default();
    for (index, allocated) in weekly_allocated.iter().enumerate() {
        let percent = utilization_percent(*allocated, capacity);
        // Strictly greater, so the first of several equal weeks stays the peak.
        if summary.peak_index.is_none() || percent > summary.peak_percent {
            summary.peak_percent = percent;
            summary.peak_index = Some(index);
        }
    }
    let total: i128 = weekly_allocated
        .iter()
        .map(|allocated| i128::from(allocated.centihours()))
        .sum();
    let weeks = i128::try_from(weekly_allocated.len()).unwrap_or(i128::MAX);
    summary.average_percent = percent_of(total, weeks * i128::from(capacity.centihours()));
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours(centihours: i32) -> Hours {
        Hours::from_centihours(centihours).unwrap()
    }

    fn total(centihours: i32) -> HoursTotal {
        HoursTotal::from(hours(centihours))
    }

    #[test]
    fn utilization_follows_the_formula() {
        assert_eq!(utilization_percent(total(1800), hours(3600)), 50.0);
        assert_eq!(utilization_percent(total(3600), hours(3600)), 100.0);
        assert_eq!(
            utilization_percent(total(4000) + total(3200), hours(3600)),
            200.0
        );
        assert_eq!(utilization_percent(total(800), Hours::ZERO), 0.0);
        assert_eq!(utilization_percent(HoursTotal::ZERO, Hours::ZERO), 0.0);
    }

    #[test]
    fn loads_beyond_one_week_use_the_same_rules() {
        let bands = Bands::default();
        let weeks = [total(1800), total(3600), total(3600), total(0)];
        let four_weeks = total(4 * 3600);
        assert_eq!(
            load_percent(weeks.iter().copied().sum(), four_weeks),
            summarize(&weeks, hours(3600)).average_percent
        );
        assert_eq!(load_percent(total(100), HoursTotal::ZERO), 0.0);
        assert_eq!(
            Band::for_load(total(100), HoursTotal::ZERO, &bands),
            Band::OverAllocated
        );
        assert_eq!(
            Band::for_load(
                HoursTotal::from_centihours(20_000),
                HoursTotal::from_centihours(20_000),
                &bands
            ),
            Band::High
        );
    }

    #[test]
    fn availability_and_over_allocation() {
        assert_eq!(available(total(1000), hours(3600)), total(2600));
        assert_eq!(available(total(4000), hours(3600)), HoursTotal::ZERO);
        assert!(!is_over_allocated(total(3600), hours(3600)));
        assert!(is_over_allocated(total(3601), hours(3600)));
        assert!(is_over_allocated(total(1), Hours::ZERO));
        assert!(!is_over_allocated(HoursTotal::ZERO, Hours::ZERO));
    }

    #[test]
    fn default_band_boundaries() {
        let bands = Bands::default();
        let band = |percent| Band::of(percent, &bands);
        assert_eq!(band(0.0), Band::Available);
        assert_eq!(band(69.99), Band::Available);
        assert_eq!(band(70.0), Band::Optimal);
        assert_eq!(band(84.99), Band::Optimal);
        assert_eq!(band(85.0), Band::High);
        assert_eq!(band(100.0), Band::High);
        assert_eq!(band(100.01), Band::OverAllocated);
        assert_eq!(band(f64::NAN), Band::Available);
    }

    #[test]
    fn zero_capacity_with_hours_is_over_allocated() {
        let bands = Bands::default();
        assert_eq!(
            Band::for_week(total(800), Hours::ZERO, &bands),
            Band::OverAllocated
        );
        assert_eq!(
            Band::for_week(HoursTotal::ZERO, Hours::ZERO, &bands),
            Band::Available
        );
        assert_eq!(
            Band::for_week(total(3000), hours(3600), &bands),
            Band::Optimal
        );
    }

    #[test]
    fn week_bands_at_the_boundaries_of_a_36_hour_week() {
        let bands = Bands::default();
        let week = |centihours| Band::for_week(total(centihours), hours(3600), &bands);
        assert_eq!(week(2519), Band::Available);
        assert_eq!(week(2520), Band::Optimal); // exactly 70%
        assert_eq!(week(3060), Band::High); // exactly 85%
        assert_eq!(week(3600), Band::High); // exactly 100%: full, not over
        assert_eq!(week(3601), Band::OverAllocated); // just above 100%
        assert_eq!(
            week(3601) == Band::OverAllocated,
            is_over_allocated(total(3601), hours(3600))
        );
    }

    #[test]
    fn bands_are_configurable_and_checked() {
        let bands = Bands::new(50.0, 90.0, 110.0).unwrap();
        assert_eq!(
            (bands.optimal_from(), bands.high_from(), bands.over_above()),
            (50.0, 90.0, 110.0)
        );
        assert_eq!(Band::of(50.0, &bands), Band::Optimal);
        assert_eq!(Band::of(90.0, &bands), Band::High);
        assert_eq!(Band::of(105.0, &bands), Band::High);
        assert!(Bands::new(80.0, 80.0, 80.0).is_ok());
        for (a, b, c) in [
            (90.0, 80.0, 100.0),
            (-1.0, 80.0, 100.0),
            (70.0, 85.0, f64::INFINITY),
        ] {
            assert_eq!(Bands::new(a, b, c), Err(BandsError));
        }
        assert!(Bands::new(f64::NAN, 85.0, 100.0).is_err());
        assert_eq!(BandsError.code(), "utilization_bands_invalid");
    }

    #[test]
    fn band_names_are_stable() {
        let names: Vec<&str> = Band::ALL.iter().map(|band| band.as_str()).collect();
        assert_eq!(names, ["available", "optimal", "high", "over_allocated"]);
        assert_eq!(
            serde_json::to_string(&Band::OverAllocated).unwrap(),
            "\"over_allocated\""
        );
        assert_eq!(Band::High.to_string(), "high");
    }

    #[test]
    fn summary_reports_average_and_first_peak() {
        let weeks = [total(1800), total(3600), total(3600), total(0)];
        let summary = summarize(&weeks, hours(3600));
        assert_eq!(summary.average_percent, 62.5);
        assert_eq!(summary.peak_percent, 100.0);
        assert_eq!(summary.peak_index, Some(1));
        assert_eq!(summarize(&[], hours(3600)), Summary::default());
        let no_capacity = summarize(&weeks, Hours::ZERO);
        assert_eq!(
            (no_capacity.average_percent, no_capacity.peak_index),
            (0.0, Some(0))
        );
        let json = serde_json::to_value(summary).unwrap();
        assert_eq!(json["peakIndex"], 1);
        assert_eq!(json["averagePercent"], 62.5);
    }
}
