//! The generated lookups (`Code::from_code`, `FromStr`, `from_number`, `from_title`) are
//! perfect hash tables whose keys errcat-codegen placed with its own copy of the hash.
//! Finding every key proves the generated code hashes exactly as the generator did (a
//! key hashed differently lands in another slot, whose key does not match); rejecting
//! near misses proves the compare is there.

use errcat_fixtures::{array, nested, problem, trace};
use errcat_seeds::{reten, retrac};

/// Every code of a module is found by its wire code, through `from_code` and `FromStr`,
/// and strings that are not codes are not.
macro_rules! assert_codes_found {
    ($module:ident) => {{
        for code in $module::Code::ALL {
            let text = code.as_str();
            assert_eq!($module::Code::from_code(text), Some(code), "{text}");
            assert_eq!(text.parse::<$module::Code>(), Ok(code), "{text}");
            let misses = [
                format!("{text}x"),
                text[1..].to_owned(),
                text.to_uppercase(),
            ];
            for miss in misses.iter().filter(|miss| *miss != text) {
                assert_eq!($module::Code::from_code(miss), None, "{miss}");
            }
        }
        for miss in [
            "",
            "x",
            "not a code",
            "a_very_long_string_that_is_not_a_code_at_all",
        ] {
            assert_eq!($module::Code::from_code(miss), None, "{miss}");
            assert!(miss.parse::<$module::Code>().is_err(), "{miss}");
        }
    }};
}

#[test]
fn every_code_is_found_and_nothing_else() {
    assert_codes_found!(retrac);
    assert_codes_found!(reten);
    assert_codes_found!(array);
    assert_codes_found!(nested);
    assert_codes_found!(problem);
    assert_codes_found!(trace);
}

#[test]
fn every_number_is_found_and_nothing_else() {
    let mut numbers = 0;
    for code in array::Code::ALL {
        if let Some(number) = code.number() {
            numbers += 1;
            assert_eq!(array::Code::from_number(number), Some(code), "{number}");
            assert_eq!(array::Code::from_number(-number), None, "{number}");
        }
    }
    assert!(numbers > 1, "the array fixture has numbers");
    for miss in [0, -1, i64::MIN, i64::MAX] {
        assert_eq!(array::Code::from_number(miss), None, "{miss}");
    }
}

#[test]
fn every_title_is_found_and_nothing_else() {
    for code in reten::Code::ALL {
        assert_eq!(reten::Code::from_title(code.title()), Some(code));
        assert_eq!(reten::Code::from_title(code.as_str()), None);
    }
    assert_eq!(reten::Code::from_title(""), None);
}
