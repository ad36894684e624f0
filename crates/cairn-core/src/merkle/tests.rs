use super::*;

// ---------------------------------------------------------------------------
// Published vectors.
//
// The RFC 6962 reference tree used by Google's Certificate Transparency code:
// - leaf inputs, roots for sizes 1..=8, audit paths (kSHA256Paths) and
//   consistency proofs (kSHA256Proofs): google/certificate-transparency,
//   cpp/merkletree/merkle_tree_test.cc;
// - the same vectors plus the (6, 7) consistency proof:
//   transparency-dev/merkle, proof/verify_test.go (`inclusionProofs`,
//   `consistencyProofs`, `roots`, `leaves`);
// - every perfect-subtree hash and the compact-tree peaks per size:
//   transparency-dev/merkle, testonly/constants.go (`NodeHashes`,
//   `CompactTrees`, `EmptyRootHash`).
// Those files number leaves from 1 in their path vectors; the indices below
// are converted to this module's 0-based ones.
// ---------------------------------------------------------------------------

const LEAF_INPUTS: [&str; 8] = [
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
];

const EMPTY_ROOT: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// `ROOTS[n - 1]` is the root of the tree over the first `n` inputs.
const ROOTS: [&str; 8] = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

/// `NODE_HASHES[level][i]`: the perfect subtree of `2^level` leaves starting
/// at leaf `i * 2^level`.
const NODE_HASHES: [&[&str]; 4] = [
    &[
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
        "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
        "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
    ],
    &[
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
    ],
    &[
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
    &["5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"],
];

/// `COMPACT_TREES[n]` lists the peaks of the size-`n` tree as
/// `(level, index)` into `NODE_HASHES` (testonly/constants.go `CompactTrees`).
const COMPACT_TREES: [&[(usize, usize)]; 9] = [
    &[],
    &[(0, 0)],
    &[(1, 0)],
    &[(1, 0), (0, 2)],
    &[(2, 0)],
    &[(2, 0), (0, 4)],
    &[(2, 0), (1, 2)],
    &[(2, 0), (1, 2), (0, 6)],
    &[(3, 0)],
];

/// (0-based leaf index, tree size, audit path).
const INCLUSION: [(u64, u64, &[&str]); 5] = [
    (0, 1, &[]),
    (
        0,
        8,
        &[
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        5,
        8,
        &[
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
    (
        2,
        3,
        &["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"],
    ),
    (
        1,
        5,
        &[
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ],
    ),
];

/// (old size, new size, consistency proof).
const CONSISTENCY: [(u64, u64, &[&str]); 5] = [
    (1, 1, &[]),
    (
        1,
        8,
        &[
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        6,
        8,
        &[
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
    (
        2,
        5,
        &[
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ],
    ),
    (
        6,
        7,
        &[
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
];

fn h(hex: &str) -> Hash {
    hex.parse().expect("test vector is valid hex")
}

fn hs(hexes: &[&str]) -> Vec<Hash> {
    hexes.iter().map(|x| h(x)).collect()
}

fn vector_leaves() -> Vec<Hash> {
    LEAF_INPUTS
        .iter()
        .map(|x| leaf_hash(&data_encoding::HEXLOWER.decode(x.as_bytes()).unwrap()))
        .collect()
}

#[test]
fn vectors_leaf_and_node_hashes() {
    assert_eq!(vector_leaves(), hs(NODE_HASHES[0]));
    for level in 1..NODE_HASHES.len() {
        for (i, want) in NODE_HASHES[level].iter().enumerate() {
            let below = hs(NODE_HASHES[level - 1]);
            assert_eq!(
                node_hash(&below[2 * i], &below[2 * i + 1]),
                h(want),
                "level {level} #{i}"
            );
        }
    }
}

#[test]
fn vectors_roots() {
    let leaves = vector_leaves();
    assert_eq!(root(&[]), h(EMPTY_ROOT));
    assert_eq!(CompactTree::new().root(), h(EMPTY_ROOT));
    for n in 1..=8 {
        assert_eq!(root(&leaves[..n]), h(ROOTS[n - 1]), "size {n}");
    }
}

#[test]
fn vectors_compact_tree_peaks() {
    let mut tree = CompactTree::new();
    for (n, want) in COMPACT_TREES.iter().enumerate() {
        if n > 0 {
            tree.push(vector_leaves()[n - 1]);
        }
        let want: Vec<Hash> = want.iter().map(|&(l, i)| h(NODE_HASHES[l][i])).collect();
        assert_eq!(tree.peaks(), want.as_slice(), "size {n}");
        let want_root = if n == 0 { h(EMPTY_ROOT) } else { h(ROOTS[n - 1]) };
        assert_eq!(tree.root(), want_root, "size {n}");
    }
}

#[test]
fn vectors_inclusion() {
    let leaves = vector_leaves();
    for &(index, size, path) in &INCLUSION {
        let (i, n) = (index as usize, size as usize);
        let want = hs(path);
        assert_eq!(inclusion_proof(&leaves[..n], index).unwrap(), want, "({index}, {size})");
        let r = h(ROOTS[n - 1]);
        assert_eq!(verify_inclusion(index, size, &leaves[i], &want, &r), Ok(()));
    }
    // The vector files' "empty tree, no leaf" case.
    assert!(inclusion_proof(&[], 0).is_err());
    assert!(verify_inclusion(0, 0, &leaves[0], &[], &h(EMPTY_ROOT)).is_err());
}

#[test]
fn vectors_consistency() {
    let leaves = vector_leaves();
    for &(old, new, path) in &CONSISTENCY {
        let want = hs(path);
        let got = consistency_proof(&leaves[..new as usize], old).unwrap();
        assert_eq!(got, want, "({old}, {new})");
        let (r1, r2) = (h(ROOTS[old as usize - 1]), h(ROOTS[new as usize - 1]));
        assert_eq!(verify_consistency(old, new, &r1, &r2, &want), Ok(()));
    }
}

// ---------------------------------------------------------------------------
// An independent reference: RFC 9162 section 2.1's recursive definitions
// transcribed naively over entry byte strings, with its own hashing.
// ---------------------------------------------------------------------------

mod reference;

fn entries(n: usize) -> Vec<Vec<u8>> {
    // Distinct entries of varying length: equal neighbours would make some
    // wrong-position checks pass legitimately.
    (0..n)
        .map(|i| format!("{}{i}", "x".repeat(i % 5)).into_bytes())
        .collect()
}

fn flip(x: &Hash, bit: usize) -> Hash {
    let mut y = *x;
    y.0[(bit / 8) % HASH_LEN] ^= 1 << (bit % 8);
    y
}

const MAX_N: usize = 70;

#[test]
fn matches_reference_roots_and_leaves() {
    let all = entries(MAX_N);
    let leaves: Vec<Hash> = all.iter().map(|e| leaf_hash(e)).collect();
    for n in 0..=MAX_N {
        assert_eq!(root(&leaves[..n]).0, reference::mth(&all[..n]), "size {n}");
    }
}

#[test]
fn inclusion_matches_reference_and_rejects_tampering() {
    let all = entries(MAX_N);
    let leaves: Vec<Hash> = all.iter().map(|e| leaf_hash(e)).collect();
    for n in 1..=MAX_N {
        let (d, lv, size) = (&all[..n], &leaves[..n], n as u64);
        let r = root(lv);
        for m in 0..n {
            let proof = inclusion_proof(lv, m as u64).unwrap();
            let want: Vec<Hash> = reference::path(m, d).into_iter().map(Hash).collect();
            assert_eq!(proof, want, "PATH({m}, D[{n}])");
            let idx = m as u64;
            let ok =
                |i: u64, s: u64, leaf: &Hash, p: &[Hash], root: &Hash| verify_inclusion(i, s, leaf, p, root).is_ok();
            assert!(ok(idx, size, &lv[m], &proof, &r));

            // Every other index fails: its shape or its leaf differs. All of
            // them for small trees; beyond that the cubic cost buys nothing.
            let wrong_indices: Vec<u64> = if n <= 32 {
                (0..size + 2).collect()
            } else {
                let near = [idx.wrapping_sub(1), idx + 1, idx ^ 1, idx ^ 2, idx ^ 4, idx ^ 16];
                near.into_iter().chain([0, size - 1, size, u64::MAX]).collect()
            };
            for j in wrong_indices.into_iter().filter(|&j| j != idx) {
                assert!(!ok(j, size, &lv[m], &proof, &r), "index {j} for ({m}, {n})");
            }
            // Another size passes exactly when the RFC path has the same shape.
            let shape = reference::path_shape(m, n);
            let others = (1..=size + 8).chain([2 * size - 1, 2 * size, 2 * size + 1]);
            for s in others.filter(|&s| s != size) {
                let same = idx < s && reference::path_shape(m, s as usize) == shape;
                assert_eq!(ok(idx, s, &lv[m], &proof, &r), same, "size {s} for ({m}, {n})");
            }
            // The mutations CT's own verifier tests insist on.
            assert!(!ok(idx, size * 2, &lv[m], &proof, &r));
            assert!(!ok(idx, size / 2, &lv[m], &proof, &r));
            assert!(!ok(idx, 0, &lv[m], &proof, &r));

            for (e, bit) in (0..proof.len()).zip([0, 13, 77, 255, 128, 31, 200].iter().cycle()) {
                let mut bad = proof.clone();
                bad[e] = flip(&bad[e], *bit + e);
                let err = verify_inclusion(idx, size, &lv[m], &bad, &r);
                assert_eq!(err, Err(ProofError::RootMismatch), "flip in element {e}");
            }
            assert_eq!(
                verify_inclusion(idx, size, &flip(&lv[m], 9), &proof, &r),
                Err(ProofError::RootMismatch)
            );
            assert_eq!(
                verify_inclusion(idx, size, &lv[m], &proof, &flip(&r, 200)),
                Err(ProofError::RootMismatch)
            );

            let wrong_len = Err(ProofError::WrongProofLength {
                expected: proof.len(),
                found: proof.len() + 1,
            });
            let longer = [proof.clone(), vec![r]].concat();
            assert_eq!(verify_inclusion(idx, size, &lv[m], &longer, &r), wrong_len);
            let longer = [vec![lv[m]], proof.clone()].concat();
            assert_eq!(verify_inclusion(idx, size, &lv[m], &longer, &r), wrong_len);
            if let Some((_, shorter)) = proof.split_last() {
                assert!(matches!(
                    verify_inclusion(idx, size, &lv[m], shorter, &r),
                    Err(ProofError::WrongProofLength { .. })
                ));
                assert!(!ok(idx, size, &lv[m], &proof[1..], &r));
            }
        }
        assert_eq!(
            inclusion_proof(lv, size),
            Err(ProofError::IndexOutOfRange { index: size, size })
        );
    }
}

#[test]
fn consistency_matches_reference_and_rejects_tampering() {
    let all = entries(MAX_N);
    let leaves: Vec<Hash> = all.iter().map(|e| leaf_hash(e)).collect();
    let roots: Vec<Hash> = (0..=MAX_N).map(|n| root(&leaves[..n])).collect();
    for n in 1..=MAX_N {
        let (d, lv, new) = (&all[..n], &leaves[..n], n as u64);
        for m in 0..=n {
            let old = m as u64;
            let proof = consistency_proof(lv, old).unwrap();
            if m == 0 || m == n {
                assert!(proof.is_empty(), "PROOF({m}, D[{n}]) is empty by convention");
            } else {
                let want: Vec<Hash> = reference::proof(m, d).into_iter().map(Hash).collect();
                assert_eq!(proof, want, "PROOF({m}, D[{n}])");
            }
            let (r1, r2) = (&roots[m], &roots[n]);
            assert_eq!(verify_consistency(old, new, r1, r2, &proof), Ok(()), "({m}, {n})");
            if m == 0 || m == n {
                continue;
            }

            // Other sizes pass exactly when SUBPROOF has the same structure.
            let shape = reference::proof_shape(m, n, true);
            let alt_old = [old - 1, old + 1, old ^ 2, old * 2, old / 2];
            let alt_new = [new, new - 1, new + 1, new * 2, new / 2, new ^ 2];
            for (o, s) in alt_old.iter().flat_map(|&o| alt_new.iter().map(move |&s| (o, s))) {
                if (o, s) == (old, new) {
                    continue;
                }
                let same = 0 < o && o < s && reference::proof_shape(o as usize, s as usize, true) == shape;
                let got = verify_consistency(o, s, r1, r2, &proof).is_ok();
                assert_eq!(got, same, "sizes ({o}, {s}) for proof ({m}, {n})");
            }
            assert!(verify_consistency(old, new * 2, r1, r2, &proof).is_err());
            assert!(verify_consistency(old, new / 2, r1, r2, &proof).is_err());

            for (e, bit) in (0..proof.len()).zip([3, 100, 250, 64, 8].iter().cycle()) {
                let mut bad = proof.clone();
                bad[e] = flip(&bad[e], *bit + e);
                assert_eq!(
                    verify_consistency(old, new, r1, r2, &bad),
                    Err(ProofError::RootMismatch),
                    "flip in element {e} of ({m}, {n})"
                );
            }
            let mismatch = Err(ProofError::RootMismatch);
            assert_eq!(verify_consistency(old, new, &flip(r1, 1), r2, &proof), mismatch);
            assert_eq!(verify_consistency(old, new, r1, &flip(r2, 1), &proof), mismatch);
            assert_eq!(verify_consistency(old, new, r2, r1, &proof), mismatch);

            let wrong_len = Err(ProofError::WrongProofLength {
                expected: proof.len(),
                found: proof.len() + 1,
            });
            let longer = [proof.clone(), vec![*r2]].concat();
            assert_eq!(verify_consistency(old, new, r1, r2, &longer), wrong_len);
            let longer = [vec![*r1], proof.clone()].concat();
            assert_eq!(verify_consistency(old, new, r1, r2, &longer), wrong_len);
            let shorter = Err(ProofError::WrongProofLength {
                expected: proof.len(),
                found: proof.len() - 1,
            });
            assert_eq!(verify_consistency(old, new, r1, r2, &proof[1..]), shorter);
            assert_eq!(verify_consistency(old, new, r1, r2, &proof[..proof.len() - 1]), shorter);
            assert!(verify_consistency(old, new, r1, r2, &[]).is_err());
        }
        assert_eq!(
            consistency_proof(lv, new + 1),
            Err(ProofError::SizeOutOfRange { old: new + 1, new })
        );
    }
}

#[test]
fn consistency_edge_cases() {
    let empty = h(EMPTY_ROOT);
    let (a, b) = (leaf_hash(b"a"), leaf_hash(b"b"));
    // Old size 0: only the empty-tree root, only an empty proof.
    assert_eq!(verify_consistency(0, 0, &empty, &empty, &[]), Ok(()));
    assert_eq!(verify_consistency(0, 5, &empty, &a, &[]), Ok(()));
    assert_eq!(verify_consistency(0, 5, &a, &b, &[]), Err(ProofError::RootMismatch));
    assert_eq!(verify_consistency(0, 0, &empty, &a, &[]), Err(ProofError::RootMismatch));
    assert_eq!(
        verify_consistency(0, 5, &empty, &a, &[empty]),
        Err(ProofError::WrongProofLength { expected: 0, found: 1 })
    );
    // Equal sizes: equal roots, empty proof.
    assert_eq!(verify_consistency(3, 3, &a, &a, &[]), Ok(()));
    assert_eq!(verify_consistency(3, 3, &a, &b, &[]), Err(ProofError::RootMismatch));
    assert!(verify_consistency(3, 3, &a, &a, &[a]).is_err());
    // Time travel.
    assert_eq!(
        verify_consistency(2, 1, &a, &b, &[]),
        Err(ProofError::SizeOutOfRange { old: 2, new: 1 })
    );
    // RFC 9162 2.1.4.2 step 1.
    assert!(verify_consistency(1, 2, &a, &b, &[]).is_err());
}

// ---------------------------------------------------------------------------
// CompactTree.
// ---------------------------------------------------------------------------

#[test]
fn compact_tree_matches_root_and_round_trips() {
    let leaves: Vec<Hash> = (0..300u32).map(|i| leaf_hash(&i.to_be_bytes())).collect();
    let mut tree = CompactTree::new();
    for n in 0..=leaves.len() {
        if n > 0 {
            tree.push(leaves[n - 1]);
        }
        let size = n as u64;
        assert_eq!(tree.size(), size);
        assert_eq!(tree.root(), root(&leaves[..n]), "size {n}");

        // Peaks are the perfect subtrees for the set bits of n, highest first.
        let mut start = 0;
        let mut want = Vec::new();
        for bit in (0..usize::BITS).rev().filter(|b| n & (1 << b) != 0) {
            want.push(root(&leaves[start..start + (1 << bit)]));
            start += 1 << bit;
        }
        assert_eq!(tree.peaks(), want.as_slice(), "size {n}");

        let restored = CompactTree::from_parts(size, tree.peaks().to_vec()).unwrap();
        assert_eq!(restored, tree);
        if n < leaves.len() {
            let mut cont = restored;
            cont.push(leaves[n]);
            assert_eq!(cont.root(), root(&leaves[..=n]));
        }

        let mut more = tree.peaks().to_vec();
        more.push(leaves[0]);
        assert!(matches!(
            CompactTree::from_parts(size, more),
            Err(ProofError::Malformed(_))
        ));
        if let Some((_, fewer)) = tree.peaks().split_last() {
            assert!(CompactTree::from_parts(size, fewer.to_vec()).is_err());
        }
    }
    assert!(CompactTree::from_parts(0, vec![leaves[0]]).is_err());
    assert!(CompactTree::from_parts(u64::MAX, vec![leaves[0]; 63]).is_err());
    let full = CompactTree::from_parts(u64::MAX, vec![leaves[0]; 64]).unwrap();
    assert_eq!(full.size(), u64::MAX);
    let _ = full.root();
}

// ---------------------------------------------------------------------------
// Adversarial input: errors, never panics.
// ---------------------------------------------------------------------------

#[test]
fn verify_functions_never_panic() {
    let sizes = [
        0,
        1,
        2,
        3,
        7,
        8,
        1 << 32,
        (1 << 63) - 1,
        1 << 63,
        (1 << 63) + 1,
        u64::MAX - 1,
        u64::MAX,
    ];
    let (x, y) = (leaf_hash(b"x"), leaf_hash(b"y"));
    let proofs: Vec<Vec<Hash>> = [0, 1, 2, 63, 64, 65, 128, 1000].iter().map(|&l| vec![x; l]).collect();
    for &a in &sizes {
        for &b in &sizes {
            for p in &proofs {
                // x != y and neither is the empty root, so nothing may verify.
                assert!(
                    verify_inclusion(a, b, &x, p, &y).is_err(),
                    "inclusion ({a}, {b}, {})",
                    p.len()
                );
                assert!(
                    verify_consistency(a, b, &x, &y, p).is_err(),
                    "consistency ({a}, {b}, {})",
                    p.len()
                );
            }
        }
    }
    assert_eq!(
        verify_inclusion(u64::MAX, u64::MAX, &x, &[], &y),
        Err(ProofError::IndexOutOfRange {
            index: u64::MAX,
            size: u64::MAX
        })
    );
    assert_eq!(
        verify_inclusion(0, u64::MAX, &x, &[], &y),
        Err(ProofError::WrongProofLength { expected: 64, found: 0 })
    );
    assert_eq!(
        verify_consistency(u64::MAX, 1, &x, &y, &[]),
        Err(ProofError::SizeOutOfRange { old: u64::MAX, new: 1 })
    );
    assert_eq!(verify_consistency(u64::MAX, u64::MAX, &x, &x, &[]), Ok(()));
    assert!(inclusion_proof(&[x], u64::MAX).is_err());
    assert!(consistency_proof(&[x], u64::MAX).is_err());
}

// ---------------------------------------------------------------------------
// Hash encoding.
// ---------------------------------------------------------------------------

#[test]
fn hash_text_and_serde() {
    let x = h(EMPTY_ROOT);
    assert_eq!(x.to_string(), EMPTY_ROOT);
    assert_eq!(format!("{x:?}"), EMPTY_ROOT);
    assert_eq!(EMPTY_ROOT.to_uppercase().parse::<Hash>(), Ok(x));
    assert!(matches!("abc".parse::<Hash>(), Err(ProofError::Malformed(_))));
    assert!(EMPTY_ROOT.replace('e', "g").parse::<Hash>().is_err());
    assert!(format!("{EMPTY_ROOT}00").parse::<Hash>().is_err());
    assert!("é".repeat(32).parse::<Hash>().is_err());

    let json = serde_json::to_string(&x).unwrap();
    assert_eq!(json, format!("\"{EMPTY_ROOT}\""));
    assert_eq!(serde_json::from_str::<Hash>(&json).unwrap(), x);
    assert!(serde_json::from_str::<Hash>("\"00\"").is_err());
    assert!(serde_json::from_str::<Hash>("[1,2]").is_err());
    let list: Vec<Hash> = serde_json::from_str(&serde_json::to_string(&vec![x, x]).unwrap()).unwrap();
    assert_eq!(list, vec![x, x]);
}

/// `cargo test --release -p cairn-core merkle::tests::timing -- --ignored --nocapture`
#[test]
#[ignore = "timing report, run in release mode"]
fn timing_one_million_leaves() {
    use std::time::Instant;
    const N: u64 = 1_000_000;
    let leaves: Vec<Hash> = (0..N).map(|i| leaf_hash(&i.to_le_bytes())).collect();
    let t = Instant::now();
    let r = root(&leaves);
    println!("root of {N} leaves: {:?}", t.elapsed());
    let index = 0x9e37_79b9_7f4a_7c15_u64 % N;
    let t = Instant::now();
    let proof = inclusion_proof(&leaves, index).unwrap();
    println!("inclusion_proof({index}) of {N}: {:?}", t.elapsed());
    let t = Instant::now();
    verify_inclusion(index, N, &leaves[index as usize], &proof, &r).unwrap();
    println!("verify_inclusion: {:?}", t.elapsed());
    let t = Instant::now();
    let proof = consistency_proof(&leaves, N / 3).unwrap();
    println!("consistency_proof({}) of {N}: {:?}", N / 3, t.elapsed());
    verify_consistency(N / 3, N, &root(&leaves[..(N / 3) as usize]), &r, &proof).unwrap();
}
