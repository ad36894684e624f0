//! RFC 9162 section 2.1's recursive definitions, transcribed naively over
//! entry byte strings with their own hashing, to check the fast code against.

use sha2::{Digest, Sha256};

pub type H = [u8; 32];

fn sha(parts: &[&[u8]]) -> H {
    let mut d = Sha256::new();
    for p in parts {
        d.update(p);
    }
    d.finalize().into()
}

/// "the largest power of two smaller than n", by counting.
pub fn k(n: usize) -> usize {
    let mut k = 1;
    while k * 2 < n {
        k *= 2;
    }
    k
}

pub fn mth(d: &[Vec<u8>]) -> H {
    match d.len() {
        0 => sha(&[]),
        1 => sha(&[&[0], &d[0]]),
        n => sha(&[&[1], &mth(&d[..k(n)]), &mth(&d[k(n)..])]),
    }
}

/// PATH(m, D[n]), section 2.1.3.1.
pub fn path(m: usize, d: &[Vec<u8>]) -> Vec<H> {
    let n = d.len();
    if n == 1 {
        return vec![];
    }
    let k = k(n);
    if m < k {
        [path(m, &d[..k]), vec![mth(&d[k..])]].concat()
    } else {
        [path(m - k, &d[k..]), vec![mth(&d[..k])]].concat()
    }
}

/// Which side each PATH element sits on (true = right), leaf upwards:
/// the only thing a verifier learns from the index and size.
pub fn path_shape(m: usize, n: usize) -> Vec<bool> {
    if n == 1 {
        return vec![];
    }
    let k = k(n);
    if m < k {
        [path_shape(m, k), vec![true]].concat()
    } else {
        [path_shape(m - k, n - k), vec![false]].concat()
    }
}

/// PROOF(m, D[n]) = SUBPROOF(m, D[n], true), section 2.1.4.1.
pub fn proof(m: usize, d: &[Vec<u8>]) -> Vec<H> {
    subproof(m, d, true)
}

fn subproof(m: usize, d: &[Vec<u8>], b: bool) -> Vec<H> {
    let n = d.len();
    if m == n {
        return if b { vec![] } else { vec![mth(d)] };
    }
    let k = k(n);
    if m <= k {
        [subproof(m, &d[..k], b), vec![mth(&d[k..])]].concat()
    } else {
        [subproof(m - k, &d[k..], false), vec![mth(&d[..k])]].concat()
    }
}

/// SUBPROOF's structure without hashes: 'S' for the old tree's subtree
/// root, 'R' for a right sibling, 'L' for a left one.
pub fn proof_shape(m: usize, n: usize, b: bool) -> Vec<char> {
    if m == n {
        return if b { vec![] } else { vec!['S'] };
    }
    let k = k(n);
    if m <= k {
        [proof_shape(m, k, b), vec!['R']].concat()
    } else {
        [proof_shape(m - k, n - k, false), vec!['L']].concat()
    }
}
