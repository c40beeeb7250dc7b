//! Generation-time half of the perfect hash: places every key of a lookup table in a
//! slot of its own, with the hash and slot functions the generated code runs
//! ([`super::support::perfect_hash`]).
//!
//! Hash and displace: keys are hashed under a seed and grouped into buckets, about four
//! keys to a bucket; the fullest buckets go first, each taking the smallest displacement
//! that sends all its keys to free slots. A seed for which some bucket finds none (say,
//! two keys with one hash) is dropped for the next one. Seeds and displacements are
//! tried in a fixed order, so the same keys always give the same table.

use super::support::perfect_hash::{bucket, hash, slot};

/// The first seed tried; the next ones step by [`SEED_STEP`].
const FIRST_SEED: u64 = 0x243F_6A88_85A3_08D3;

/// The step between seeds (odd, so seeds do not repeat).
const SEED_STEP: u64 = 0x1319_8A2E_0370_7345;

/// The displacements tried per bucket before the seed is dropped.
const MAX_DISPLACEMENT: u32 = 1 << 16;

/// A placed table: the generated code's constants and the key in each slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Placement {
    /// The hash seed.
    pub(super) seed: u64,
    /// The table has `1 << bits` slots.
    pub(super) bits: u32,
    /// Each bucket's displacement.
    pub(super) displacements: Vec<u32>,
    /// The index (into the given keys) of the key in each slot, `None` for a free slot.
    pub(super) slots: Vec<Option<usize>>,
}

/// Places `keys`, which must be distinct: in the result, key `i` sits at
/// `slot(hash(seed, keys[i]), &displacements, bits)`.
pub(super) fn place(keys: &[&[u8]]) -> Placement {
    // At most 80% full, so the last buckets find free slots quickly.
    let wanted = keys.len() + keys.len() / 4;
    let bits = wanted.next_power_of_two().max(2).trailing_zeros();
    let buckets = keys.len().div_ceil(4).next_power_of_two();
    let mut seed = FIRST_SEED;
    loop {
        if let Some(placement) = place_with(keys, seed, bits, buckets) {
            return placement;
        }
        seed = seed.wrapping_add(SEED_STEP);
    }
}

/// The placement under `seed`, or `None` when some bucket finds no displacement.
fn place_with(keys: &[&[u8]], seed: u64, bits: u32, buckets: usize) -> Option<Placement> {
    let hashes: Vec<u64> = keys.iter().map(|key| hash(seed, key)).collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets];
    for (index, &h) in hashes.iter().enumerate() {
        members[bucket(h, buckets)].push(index);
    }
    // Fullest first; equal sizes in bucket order (a stable sort), so the order is fixed.
    let mut order: Vec<usize> = (0..buckets).collect();
    order.sort_by_key(|&b| std::cmp::Reverse(members[b].len()));
    let mut placement = Placement {
        seed,
        bits,
        displacements: vec![0; buckets],
        slots: vec![None; 1 << bits],
    };
    for b in order {
        if members[b].is_empty() {
            break;
        }
        place_bucket(&mut placement, &members[b], &hashes, b)?;
    }
    Some(placement)
}

/// Finds the smallest displacement of bucket `b` that puts all its `members` in free,
/// distinct slots, and fills those slots; `None` when there is none.
fn place_bucket(
    placement: &mut Placement,
    members: &[usize],
    hashes: &[u64],
    b: usize,
) -> Option<()> {
    let mut taken = Vec::with_capacity(members.len());
    for displacement in 0..MAX_DISPLACEMENT {
        placement.displacements[b] = displacement;
        taken.clear();
        for &key in members {
            let at = slot(hashes[key], &placement.displacements, placement.bits);
            if placement.slots[at].is_some() || taken.contains(&at) {
                break;
            }
            taken.push(at);
        }
        if taken.len() == members.len() {
            for (&key, &at) in members.iter().zip(&taken) {
                placement.slots[at] = Some(key);
            }
            return Some(());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(count: usize) -> Vec<String> {
        (0..count).map(|i| format!("error_{i:05}")).collect()
    }

    /// Every key is found at the slot the runtime functions compute, and no slot holds
    /// two keys (each slot holds one index).
    fn assert_perfect(keys: &[&[u8]], placement: &Placement) {
        assert_eq!(placement.slots.iter().flatten().count(), keys.len());
        for (index, key) in keys.iter().enumerate() {
            let h = hash(placement.seed, key);
            let at = slot(h, &placement.displacements, placement.bits);
            assert_eq!(placement.slots[at], Some(index), "key {index}");
        }
    }

    #[test]
    fn places_every_key_at_its_hashed_slot() {
        for count in [0, 1, 2, 3, 11, 100, 1_000] {
            let codes = codes(count);
            let keys: Vec<&[u8]> = codes.iter().map(String::as_bytes).collect();
            assert_perfect(&keys, &place(&keys));
        }
    }

    #[test]
    fn places_the_catalog_limit_of_keys() {
        let codes = codes(crate::MAX_ERRORS);
        let keys: Vec<&[u8]> = codes.iter().map(String::as_bytes).collect();
        let placement = place(&keys);
        assert_perfect(&keys, &placement);
        assert!(placement.slots.len() < 4 * keys.len(), "table stays small");
    }

    #[test]
    fn keys_of_every_length_and_numbers() {
        let text: Vec<String> = (0..40).map(|n| "x".repeat(n)).collect();
        let numbers: Vec<[u8; 8]> = [-1_i64, 0, 1, 1002, i64::MAX, i64::MIN]
            .iter()
            .map(|n| n.to_le_bytes())
            .collect();
        let mut keys: Vec<&[u8]> = text.iter().map(String::as_bytes).collect();
        keys.extend(numbers.iter().map(<[u8; 8]>::as_slice));
        assert_perfect(&keys, &place(&keys));
    }

    #[test]
    fn the_same_keys_give_the_same_table() {
        let codes = codes(500);
        let keys: Vec<&[u8]> = codes.iter().map(String::as_bytes).collect();
        assert_eq!(place(&keys), place(&keys));
    }

    #[test]
    fn hash_sees_every_byte() {
        for len in 0..24 {
            let base = vec![b'a'; len];
            for at in 0..len {
                let mut changed = base.clone();
                changed[at] = b'b';
                assert_ne!(hash(7, &base), hash(7, &changed), "len {len}, byte {at}");
            }
        }
    }
}
