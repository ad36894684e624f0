//! Every level of a tree kept in memory, so that proofs for many entries cost
//! O(log n) each instead of the O(n) of [`super::inclusion_proof`]. An export
//! proves thousands of events against one checkpoint; rebuilding the tree for
//! each would be quadratic.
//!
//! Built bottom-up: each level hashes pairs and carries an odd last node up
//! unchanged. That is the same tree RFC 9162 defines top-down (split at the
//! largest power of two below the size), so roots and audit paths agree.

use super::{Hash, ProofError, node_hash};

/// All interior levels of one tree; `levels[0]` are the leaves.
pub struct ProofTree {
    levels: Vec<Vec<Hash>>,
}

impl ProofTree {
    pub fn new(leaves: Vec<Hash>) -> Self {
        let mut levels = vec![leaves];
        while levels.last().is_some_and(|level| level.len() > 1) {
            let below = levels.last().map(Vec::as_slice).unwrap_or_default();
            let above = below
                .chunks(2)
                .map(|pair| match pair {
                    [left, right] => node_hash(left, right),
                    [alone] => *alone,
                    _ => unreachable!("chunks(2) yields one or two"),
                })
                .collect();
            levels.push(above);
        }
        ProofTree { levels }
    }

    pub fn size(&self) -> u64 {
        self.levels[0].len() as u64
    }

    /// The RFC 9162 root; `None` for an empty tree, whose root is defined by
    /// [`super::root`] rather than by any level.
    pub fn root(&self) -> Option<Hash> {
        self.levels.last().and_then(|top| top.first().copied())
    }

    /// The audit path of entry `index`, bottom-up, as RFC 9162 orders it.
    pub fn inclusion_proof(&self, index: u64) -> Result<Vec<Hash>, ProofError> {
        let size = self.size();
        let mut at = match usize::try_from(index) {
            Ok(at) if index < size => at,
            _ => return Err(ProofError::IndexOutOfRange { index, size }),
        };
        let mut proof = Vec::new();
        for level in &self.levels[..self.levels.len() - 1] {
            let sibling = at ^ 1;
            // A node without a sibling is carried up: no hash at this level.
            if sibling < level.len() {
                proof.push(level[sibling]);
            }
            at /= 2;
        }
        Ok(proof)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merkle::{inclusion_proof, leaf_hash, root, verify_inclusion};

    #[test]
    fn agrees_with_the_recursive_definition_for_every_size_and_index() {
        for size in 1..=70u64 {
            let leaves: Vec<Hash> = (0..size).map(|i| leaf_hash(&i.to_be_bytes())).collect();
            let tree = ProofTree::new(leaves.clone());
            let expected_root = root(&leaves);
            assert_eq!(tree.root(), Some(expected_root), "size {size}");
            for index in 0..size {
                let proof = tree.inclusion_proof(index).unwrap();
                assert_eq!(
                    proof,
                    inclusion_proof(&leaves, index).unwrap(),
                    "size {size} index {index}"
                );
                verify_inclusion(index, size, &leaves[index as usize], &proof, &expected_root).unwrap();
            }
            assert!(tree.inclusion_proof(size).is_err());
        }
    }

    #[test]
    fn empty_tree_has_no_root_and_no_proofs() {
        let tree = ProofTree::new(Vec::new());
        assert_eq!(tree.root(), None);
        assert!(matches!(
            tree.inclusion_proof(0),
            Err(ProofError::IndexOutOfRange { .. })
        ));
    }
}
