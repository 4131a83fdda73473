//! `UTILIZATION_BANDS`: the three thresholds between the utilization bands, read once at
//! start so a typo stops the process with a message instead of colouring every screen
//! wrongly. The meaning of each threshold is `wt_domain::utilization::Band::of`'s.

use wt_domain::utilization::Bands;

/// The default, the domain's: optimal from 70%, high from 85%, over above 100%.
pub const DEFAULT_BANDS: &str = "70,85,100";

/// Parses `optimal_from,high_from,over_above` (percent, increasing).
pub fn parse_bands(raw: &str) -> Result<Bands, String> {
    let numbers = raw
        .split(',')
        .map(|part| part.trim().parse::<f64>())
        .collect::<Result<Vec<f64>, _>>()
        .map_err(|_| format!("{raw:?} is not three comma-separated percentages"))?;
    let [optimal_from, high_from, over_above] = numbers[..] else {
        return Err(format!(
            "{raw:?} needs exactly three percentages: optimal from, high from, over above"
        ));
    };
    Bands::new(optimal_from, high_from, over_above).map_err(|error| format!("{raw:?}: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_the_domain_default() {
        assert_eq!(parse_bands(DEFAULT_BANDS), Ok(Bands::default()));
    }

    #[test]
    fn custom_thresholds_parse() {
        assert_eq!(
            parse_bands(" 60, 80 ,110"),
            Bands::new(60.0, 80.0, 110.0).map_err(|e| e.to_string())
        );
    }

    #[test]
    fn bad_values_are_refused_with_a_reason() {
        for raw in [
            "70,85",
            "70,85,100,120",
            "a,85,100",
            "",
            "90,85,100",
            "-1,85,100",
            "70,85,inf",
        ] {
            let error = parse_bands(raw).unwrap_err();
            assert!(error.contains(&format!("{raw:?}")), "{error}");
        }
    }
}
