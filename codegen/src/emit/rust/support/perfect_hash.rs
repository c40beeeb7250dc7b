//! The perfect hash shared by the generator and the code it generates: this file is
//! compiled into errcat-codegen, which places every key with it, and its tokens are
//! emitted into the generated `errcat_support` module, which finds keys with it. One
//! source, so the two cannot drift apart.
//!
//! A key's 64-bit [`hash`] picks a bucket (its low bits); the bucket's displacement,
//! found at generation time, is mixed with the hash into the key's [`slot`] (the high
//! bits). A lookup is one hash, two loads (displacement, slot) and one compare.
// Every function is a step of a lookup, inlined whatever the caller's size.
#![allow(clippy::inline_always)]

/// The multiplier of each mixing step (an odd constant with well-spread bits).
const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// The second multiplier, for the mix of a slot.
const FINAL_MULTIPLIER: u64 = 0xBF58_476D_1CE4_E5B9;

/// The folded multiply: the 128-bit product's halves xored, so every bit of the result
/// depends on every bit of both factors (one `mul` on 64-bit targets).
#[inline(always)]
#[allow(clippy::cast_possible_truncation)]
const fn fold(a: u64, b: u64) -> u64 {
    let product = (a as u128) * (b as u128);
    // Truncating is the point: the low half, then the high half.
    (product as u64) ^ ((product >> 64) as u64)
}

/// Mixes one 64-bit word into the running hash.
#[inline(always)]
const fn mix(hash: u64, word: u64) -> u64 {
    fold(hash ^ word, MULTIPLIER)
}

/// The little-endian word of the 8 bytes of `bytes` from `at` (the caller keeps
/// `at + 8 <= bytes.len()`): one unaligned load.
#[inline(always)]
const fn word(bytes: &[u8], at: usize) -> u64 {
    match bytes.split_at(at).1.first_chunk::<8>() {
        Some(chunk) => u64::from_le_bytes(*chunk),
        None => 0,
    }
}

/// The little-endian 32-bit word of the 4 bytes of `bytes` from `at` (the caller keeps
/// `at + 4 <= bytes.len()`).
#[inline(always)]
const fn half(bytes: &[u8], at: usize) -> u64 {
    match bytes.split_at(at).1.first_chunk::<4>() {
        Some(chunk) => u32::from_le_bytes(*chunk) as u64,
        None => 0,
    }
}

/// The hash of `bytes` under `seed`: the length and then the bytes, 8 at a time (the
/// last word overlaps the one before it, so every byte counts and no tail loop runs).
#[inline(always)]
pub(crate) const fn hash(seed: u64, bytes: &[u8]) -> u64 {
    let len = bytes.len();
    let mut hash = mix(seed, len as u64);
    if len >= 8 {
        let mut at = 0;
        while at + 8 < len {
            hash = mix(hash, word(bytes, at));
            at += 8;
        }
        hash = mix(hash, word(bytes, len - 8));
    } else if len >= 4 {
        hash = mix(hash, (half(bytes, 0) << 32) | half(bytes, len - 4));
    } else if len > 0 {
        let first = bytes[0] as u64;
        let middle = bytes[len / 2] as u64;
        let last = bytes[len - 1] as u64;
        hash = mix(hash, (first << 16) | (middle << 8) | last);
    }
    hash
}

/// The slot of a key with this `hash` in a table of `1 << bits` slots (`bits` from 1
/// to 63), given the table's displacements (a power-of-two count of them).
#[inline(always)]
#[allow(clippy::cast_possible_truncation)]
pub(crate) const fn slot(hash: u64, displacements: &[u32], bits: u32) -> usize {
    let bucket = bucket(hash, displacements.len());
    let mixed = fold(hash ^ displacements[bucket] as u64, FINAL_MULTIPLIER);
    (mixed >> (64 - bits)) as usize
}

/// The bucket of a key with this `hash` among `count` buckets (a power of two): the
/// hash's low bits.
#[inline(always)]
#[allow(clippy::cast_possible_truncation)]
pub(crate) const fn bucket(hash: u64, count: usize) -> usize {
    // Truncating is the point: only the low bits are kept.
    (hash as usize) & (count - 1)
}
