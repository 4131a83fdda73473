//! Unit tests of hours: parsing, exact arithmetic and totals.

use super::*;
use serde_json::json;

fn code(value: f64) -> &'static str {
    Hours::from_f64(value)
        .expect_err("should be refused")
        .code()
}

fn centi(value: f64) -> i32 {
    Hours::from_f64(value).expect("valid hours").centihours()
}

#[test]
fn accepts_two_decimals_despite_binary_fractions() {
    assert_eq!(centi(8.0), 800);
    assert_eq!(centi(8.1), 810);
    assert_eq!(centi(7.5), 750);
    assert_eq!(centi(0.01), 1);
    assert_eq!(centi(0.1 + 0.2), 30);
    assert_eq!(centi(1.1 * 3.0), 330);
    assert_eq!(centi(167.99), 16799);
    assert_eq!(centi(168.0), 16800);
    assert_eq!(centi(0.0), 0);
    assert_eq!(centi(-0.0), 0);
}

#[test]
fn every_value_in_range_is_decided_correctly() {
    // Small enough to check exhaustively: each two-decimal value, and each value with
    // a third decimal, as the nearest double to its decimal text.
    for centihours in 0..=MAX_WEEKLY_CENTIHOURS {
        assert_eq!(centi(f64::from(centihours) / 100.0), centihours);
    }
    for millihours in (0..=MAX_WEEKLY_CENTIHOURS * 10).filter(|m| m % 10 != 0) {
        assert_eq!(code(f64::from(millihours) / 1000.0), "hours_too_precise");
    }
}

#[test]
fn refuses_bad_values_with_their_codes() {
    assert_eq!(code(f64::NAN), "hours_not_finite");
    assert_eq!(code(f64::INFINITY), "hours_not_finite");
    assert_eq!(code(f64::NEG_INFINITY), "hours_not_finite");
    assert_eq!(code(-0.01), "hours_out_of_range");
    assert_eq!(code(-1e-300), "hours_out_of_range");
    assert_eq!(code(168.01), "hours_out_of_range");
    assert_eq!(code(168.0000001), "hours_out_of_range");
    assert_eq!(code(1e300), "hours_out_of_range");
    assert_eq!(code(8.123), "hours_too_precise");
    assert_eq!(code(1.005), "hours_too_precise");
    assert_eq!(code(0.001), "hours_too_precise");
    assert_eq!(code(167.999), "hours_too_precise");
    assert_eq!(code(1e-7), "hours_too_precise");
}

#[test]
fn json_accepts_only_numbers() {
    assert_eq!(Hours::parse_json(&json!(8)), Ok(Hours(800)));
    assert_eq!(Hours::parse_json(&json!(7.25)), Ok(Hours(725)));
    assert_eq!(Hours::parse_json(&json!(0)), Ok(Hours::ZERO));
    for not_a_number in [
        json!("8"),
        json!(true),
        json!(null),
        json!([8]),
        json!({"h": 8}),
    ] {
        assert_eq!(
            Hours::parse_json(&not_a_number).unwrap_err().code(),
            "hours_not_a_number"
        );
    }
    assert_eq!(Hours::parse_json(&json!(-1)), Err(HoursError::OutOfRange));
    assert_eq!(
        Hours::parse_json(&json!(u64::MAX)),
        Err(HoursError::OutOfRange)
    );
    assert_eq!(
        Hours::parse_json(&json!(i64::MIN)),
        Err(HoursError::OutOfRange)
    );
}

#[test]
fn json_overflow_is_refused_either_way() {
    for text in ["1e309", "-1e309", "1e400"] {
        match serde_json::from_str::<Value>(text) {
            Err(_) => {}
            Ok(value) => assert!(Hours::parse_json(&value).is_err(), "{text}"),
        }
    }
}

#[test]
fn centihours_convert_both_ways() {
    assert_eq!(Hours::from_centihours(0), Some(Hours::ZERO));
    assert_eq!(Hours::from_centihours(16800), Some(Hours::MAX));
    assert_eq!(Hours::from_centihours(16801), None);
    assert_eq!(Hours::from_centihours(-1), None);
    assert!(Hours::ZERO.is_zero());
    assert!(!Hours(1).is_zero());
    assert_eq!(Hours(810).to_f64(), 8.1);
}

#[test]
fn serializes_as_plain_numbers() {
    let text = |hours: Hours| serde_json::to_string(&hours).unwrap();
    assert_eq!(text(Hours(800)), "8");
    assert_eq!(text(Hours(750)), "7.5");
    assert_eq!(text(Hours(25)), "0.25");
    assert_eq!(text(Hours(810)), "8.1");
    assert_eq!(text(Hours::ZERO), "0");
    assert_eq!(serde_json::to_string(&HoursTotal(20_050)).unwrap(), "200.5");
    assert_eq!(serde_json::from_str::<Hours>("8.1").unwrap(), Hours(810));
    assert_eq!(serde_json::from_str::<Hours>("8").unwrap(), Hours(800));
    assert!(serde_json::from_str::<Hours>("8.123").is_err());
    assert!(serde_json::from_str::<Hours>("\"8\"").is_err());
}

#[test]
fn totals_add_exactly_past_168() {
    let week: HoursTotal = [Hours(810), Hours(16800), Hours(20)].into_iter().sum();
    assert_eq!(week.centihours(), 17630);
    assert_eq!(week.to_f64(), 176.3);
    let mut running = HoursTotal::ZERO;
    running += Hours(10);
    running += Hours(20);
    assert_eq!(running, HoursTotal(30));
    assert_eq!(running + week, HoursTotal(17660));
    assert_eq!(
        [running, week].into_iter().sum::<HoursTotal>(),
        HoursTotal(17660)
    );
    assert_eq!(running.saturating_sub(week), HoursTotal::ZERO);
    assert_eq!(week.saturating_sub(running), HoursTotal(17600));
    assert!(HoursTotal::ZERO.is_zero());
}

#[test]
fn messages_are_sentences() {
    for error in [
        HoursError::NotANumber,
        HoursError::NotFinite,
        HoursError::OutOfRange,
        HoursError::TooPrecise,
    ] {
        assert!(error.message().ends_with('.'));
        assert_eq!(error.to_string(), error.message());
    }
}
