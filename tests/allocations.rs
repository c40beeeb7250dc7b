//! What the generated Rust promises about memory: the accessors of a code or an error
//! allocate nothing, and neither does serialising an error to a writer, message and
//! parameters included. Counted with `allocation-counter`, which installs a counting
//! global allocator in this test binary (its own crate holds the `unsafe` this
//! workspace forbids).

use errcat_fixtures::{array, nested, problem};
use errcat_seeds::{reten, retrac};
use std::hint::black_box;

/// Every code's example error of a generated module.
macro_rules! examples {
    ($module:ident) => {
        $module::Code::ALL
            .iter()
            .map(|code| $module::Error::example(*code))
            .collect::<Vec<$module::Error>>()
    };
}

/// Calls every accessor of every code and its example error of a generated module,
/// inside `allocation_counter::measure`, and asserts nothing was allocated.
macro_rules! assert_accessors_allocate_nothing {
    ($module:ident) => {{
        let errors = examples!($module);
        let info = allocation_counter::measure(|| {
            for (code, error) in $module::Code::ALL.iter().zip(&errors) {
                black_box((code.as_str(), code.status(), code.title(), code.anchor()));
                black_box((code.description(), code.solutions().next(), code.docs_url()));
                black_box((code.is_retryable(), code.retry_after()));
                black_box($module::Code::from_code(code.as_str()));
                black_box((error.kind(), error.code(), error.status(), error.title()));
                black_box((error.anchor(), error.docs_url(), error.is_retryable()));
                black_box(error.retry_after());
            }
        });
        assert_eq!(info.count_total, 0, "{}", stringify!($module));
    }};
}

/// Serialises every example error of a generated module into a buffer that is large
/// enough from the start, and asserts nothing was allocated.
macro_rules! assert_serialising_allocates_nothing {
    ($module:ident) => {{
        let errors = examples!($module);
        let mut buffer: Vec<u8> = Vec::with_capacity(64 * 1024);
        let info = allocation_counter::measure(|| {
            for error in &errors {
                buffer.clear();
                serde_json::to_writer(&mut buffer, error).expect("serialises");
                black_box(&buffer);
            }
        });
        assert_eq!(info.count_total, 0, "{}", stringify!($module));
        assert!(!buffer.is_empty());
    }};
}

#[test]
fn accessors_allocate_nothing() {
    assert_accessors_allocate_nothing!(retrac);
    assert_accessors_allocate_nothing!(reten);
    assert_accessors_allocate_nothing!(problem);
    assert_accessors_allocate_nothing!(nested);
    assert_accessors_allocate_nothing!(array);
}

#[test]
fn serialising_to_a_writer_allocates_nothing() {
    assert_serialising_allocates_nothing!(retrac);
    assert_serialising_allocates_nothing!(reten);
    assert_serialising_allocates_nothing!(problem);
    assert_serialising_allocates_nothing!(nested);
    assert_serialising_allocates_nothing!(array);
}

#[test]
fn the_counter_sees_allocations() {
    let info = allocation_counter::measure(|| {
        black_box(reten::Error::example(reten::Code::BadRequest));
    });
    assert!(info.count_total > 0);
}
