//! Fuzzes reading bodies back: arbitrary bytes, read as a JSON body by the generated
//! parsers of the shipped catalogs and of the envelope fixtures (members-carrying and
//! message-only envelopes). Any panic or hang is a bug (the message split is one linear
//! pass); an error that parses must serialise to a body that parses to the same error.

#![no_main]

use libfuzzer_sys::fuzz_target;

/// The envelope fixtures' generated modules, used only through their parsers here.
#[allow(dead_code)]
mod fixtures {
    include!(concat!(env!("OUT_DIR"), "/fixtures.rs"));
}

/// Parses `data` with one module's parser; when that succeeds, checks the round trip.
macro_rules! check {
    ($module:path, $data:expr) => {{
        use $module as m;
        if let Ok(error) = serde_json::from_slice::<m::Error>($data) {
            let body = serde_json::to_vec(&error).expect("an error serialises");
            let again = serde_json::from_slice::<m::Error>(&body);
            assert_eq!(
                again.ok().as_ref(),
                Some(&error),
                "{}",
                String::from_utf8_lossy(&body)
            );
        }
    }};
}

fuzz_target!(|data: &[u8]| {
    check!(errcat_seeds::retrac, data);
    check!(errcat_seeds::reten, data);
    check!(fixtures::problem, data);
    check!(fixtures::nested, data);
    check!(fixtures::array, data);
});
