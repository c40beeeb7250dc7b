//! The key-order rules of [`Obj`] against serde_json's map with `preserve_order`, which
//! the emitter used before: inserts, pushes repaired by `dedup`, swap-removes, appends.

use super::*;
use proptest::prelude::*;

/// Keys from a small alphabet, so that they repeat.
fn key() -> impl Strategy<Value = String> {
    proptest::sample::select(vec!["a", "b", "c", "d", "e", "description", "type"])
        .prop_map(str::to_owned)
}

/// Entries with repeating keys and distinct values.
fn entries() -> impl Strategy<Value = Vec<(String, u64)>> {
    proptest::collection::vec((key(), any::<u64>()), 0..24)
}

/// An object of `entries` inserted in order.
fn build(entries: &[(String, u64)]) -> Obj<'_> {
    let mut obj = Obj::new();
    for (key, value) in entries {
        obj.insert(key.as_str(), Doc::from(*value));
    }
    obj
}

/// The map serde_json builds from `entries` by inserting them in order.
fn inserted(entries: &[(String, u64)]) -> Map<String, Json> {
    let mut map = Map::new();
    for (key, value) in entries {
        map.insert(key.clone(), Json::from(*value));
    }
    map
}

/// The entries of a map in order (`Map`'s equality ignores the order).
fn order(map: &Map<String, Json>) -> Vec<(String, Json)> {
    map.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
}

/// The entries of an object in order, as they are (repeated keys would show).
fn own(obj: &Obj<'_>) -> Vec<(String, Json)> {
    obj.iter()
        .map(|(k, v)| (k.to_owned(), v.to_json()))
        .collect()
}

proptest! {
    #[test]
    fn insert_is_serde_json_insert(entries in entries()) {
        let mut obj = Obj::new();
        for (key, value) in &entries {
            obj.insert(key.as_str(), Doc::from(*value));
        }
        prop_assert_eq!(own(&obj), order(&inserted(&entries)));
    }

    #[test]
    fn push_then_dedup_is_serde_json_insert(entries in entries()) {
        let mut obj = Obj::new();
        for (key, value) in &entries {
            obj.push(key.as_str(), Doc::from(*value));
        }
        obj.dedup();
        prop_assert_eq!(own(&obj), order(&inserted(&entries)));
    }

    #[test]
    fn remove_and_append_match_serde_json(
        head in entries(),
        tail in entries(),
        gone in key(),
    ) {
        let (mut ours, mut more) = (build(&head), build(&tail));
        let (mut theirs, mut their_more) = (inserted(&head), inserted(&tail));
        prop_assert_eq!(more.remove(&gone).map(|d| d.to_json()), their_more.remove(&gone));
        ours.append(more);
        theirs.append(&mut their_more);
        prop_assert_eq!(own(&ours), order(&theirs));
    }
}

#[test]
fn dedup_keeps_the_first_position_and_the_last_value() {
    let mut obj = Obj::new();
    for (key, value) in [("b", 1_u64), ("a", 2), ("b", 3), ("c", 4), ("b", 5)] {
        obj.push(key, Doc::from(value));
    }
    obj.dedup();
    let entries: Vec<(&str, Json)> = obj.iter().map(|(k, v)| (k, v.to_json())).collect();
    assert_eq!(
        entries,
        [
            ("b", Json::from(5)),
            ("a", Json::from(2)),
            ("c", Json::from(4))
        ]
    );
}
