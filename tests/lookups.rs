//! The generated lookups (`Code::from_code`, `FromStr`, `from_number`, `from_title`):
//! a `match` for small catalogs, and for larger ones (the `numbered` and `titled`
//! fixtures, 40 codes each) perfect hash tables whose keys errcat-codegen placed with its
//! own copy of the hash. Finding every key proves the generated code hashes exactly as
//! the generator did (a key hashed differently lands in another slot, whose key does not
//! match); rejecting near misses proves the compare is there.

use errcat_fixtures::{array, grouped, nested, numbered, problem, titled, trace};
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
    assert_codes_found!(numbered);
    assert_codes_found!(titled);
}

/// Every numeric code of a module is found, and numbers that are none are not.
macro_rules! assert_numbers_found {
    ($module:ident) => {{
        let mut numbers = 0;
        for code in $module::Code::ALL {
            if let Some(number) = code.number() {
                numbers += 1;
                assert_eq!($module::Code::from_number(number), Some(code), "{number}");
                assert_eq!($module::Code::from_number(-number), None, "{number}");
                let next = $module::Code::ALL
                    .into_iter()
                    .find(|c| c.number() == Some(number + 1));
                assert_eq!($module::Code::from_number(number + 1), next, "{number}");
            }
        }
        assert!(numbers > 1, "the fixture has numbers");
        for miss in [0, -1, i64::MIN, i64::MAX] {
            assert_eq!($module::Code::from_number(miss), None, "{miss}");
        }
    }};
}

#[test]
fn every_number_is_found_and_nothing_else() {
    assert_numbers_found!(array);
    assert_numbers_found!(numbered);
}

#[test]
fn every_title_is_found_and_nothing_else() {
    for code in reten::Code::ALL {
        let title = code
            .title()
            .expect("bodies send the title, so every error has one");
        assert_eq!(reten::Code::from_title(title), Some(code));
        assert_eq!(reten::Code::from_title(code.as_str()), None);
    }
    assert_eq!(reten::Code::from_title(""), None);
    for code in titled::Code::ALL {
        let title = code
            .title()
            .expect("bodies send the title, so every error has one");
        assert_eq!(titled::Code::from_title(title), Some(code));
        assert_eq!(titled::Code::from_title(code.as_str()), None);
        let lower = title.to_lowercase();
        assert_eq!(titled::Code::from_title(&lower), None);
    }
    assert_eq!(titled::Code::from_title(""), None);
}

/// Small catalogs get a `match`, large ones the hash table: both kinds are tested above.
#[test]
fn small_catalogs_match_and_large_ones_hash() {
    let source = |dir: &str| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("codegen/tests/fixtures")
            .join(dir);
        let mut sources: Vec<errcat_codegen::Source> = std::fs::read_dir(dir)
            .expect("fixture folder")
            .map(|entry| entry.expect("entry").path())
            .map(|path| {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                let text = std::fs::read_to_string(&path).expect("fixture");
                errcat_codegen::Source::new(name, text)
            })
            .collect();
        sources.sort_by(|a, b| a.name.cmp(&b.name));
        let catalogs = errcat_codegen::compile(&sources).expect("fixtures check");
        errcat_codegen::emit::rust::emit(&catalogs)
    };
    let small = source("ok");
    assert!(!small.contains("static SLOTS"), "small catalogs match");
    let large = source("lookups");
    assert_eq!(
        large.matches("static SLOTS").count(),
        6,
        "from_code and from_number, from_code and from_title, two groups' codes"
    );
}

/// Where codes are unique per group only, every code is found by its group and wire
/// code (each group's codes through a perfect hash table, the codes in no group through
/// a `match`), and not in another group, in no group or in a group that is none.
#[test]
fn every_code_is_found_in_its_group_and_nowhere_else() {
    use grouped::{Code, Group};
    let mut in_groups = 0;
    for code in Code::ALL {
        let group = code.group().map(Group::as_str);
        assert_eq!(
            Code::from_group_code(group, code.as_str()),
            Some(code),
            "{code:?}"
        );
        let elsewhere = match group {
            Some("storage") => [Some("billing"), None, Some("storages")],
            Some(_) => [Some("storage"), None, Some("")],
            None => [Some("storage"), Some("billing"), Some("none")],
        };
        for other in elsewhere {
            let found = Code::from_group_code(other, code.as_str());
            assert!(found.is_none_or(|c| c != code && c.group().map(Group::as_str) == other));
        }
        assert_eq!(
            Code::from_group_code(group, &format!("{}x", code.as_str())),
            None
        );
        in_groups += usize::from(group.is_some());
    }
    assert_eq!(in_groups, 68, "34 codes in each of two groups");
    let twin = Code::from_group_code(Some("billing"), "alpha_missing");
    assert_ne!(
        twin,
        Code::from_group_code(Some("storage"), "alpha_missing")
    );
}
