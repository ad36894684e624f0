//! AES-256-GCM over one blob's chunks, in the STREAM construction the blob
//! format names (`aead_stream::StreamBE32`): the 96-bit nonce is the blob's
//! 7-byte prefix ‖ the chunk counter, 32-bit big-endian ‖ a byte that is 1 on
//! the last chunk and 0 otherwise.
//!
//! # Why OpenSSL here
//!
//! Every byte of every source a person imports is sealed, so this cipher is
//! on the path of a large import. On the 2-core development VM (AMD EPYC,
//! AES-NI, VAES, VPCLMULQDQ), one thread, 1 GiB in 256 KiB chunks:
//! RustCrypto's `aes-gcm` 0.11 took 0.62–0.71 s, OpenSSL's EVP AES-256-GCM
//! (`openssl speed -evp aes-256-gcm`) about 0.40 s, `ring` 0.20 s. `ring` is
//! fastest but by design never wipes its expanded key, and an AES-256 key
//! schedule begins with the key itself; OpenSSL wipes its cipher state when a
//! context is freed, and it is already in the binary (SQLCipher uses the same
//! vendored build). The blob format is unchanged: a test seals with this and
//! opens with the RustCrypto STREAM implementation the format was written
//! against, and the other way round.

use openssl::cipher::Cipher;
use openssl::cipher_ctx::CipherCtx;
use zeroize::Zeroize;

use crate::blob::{NONCE_PREFIX_LEN, TAG_LEN};

/// The tag did not verify, or OpenSSL refused the operation; deliberately
/// says no more.
#[derive(Debug)]
pub(crate) struct Failed;

/// Where a chunk is in its blob, which its nonce binds it to.
#[derive(Clone, Copy)]
pub(crate) struct Position {
    pub(crate) index: u32,
    pub(crate) last: bool,
}

/// [`ChunkCipher::sealing`] or [`ChunkCipher::opening`].
pub(crate) type ChunkDirection = fn(&[u8; 32], &[u8; NONCE_PREFIX_LEN]) -> Result<ChunkCipher, Failed>;

/// One blob's key, set up once to seal or to open its chunks, in any order.
pub(crate) struct ChunkCipher {
    ctx: CipherCtx,
    prefix: [u8; NONCE_PREFIX_LEN],
    sealing: bool,
}

impl ChunkCipher {
    /// For [`ChunkCipher::seal`].
    pub(crate) fn sealing(key: &[u8; 32], prefix: &[u8; NONCE_PREFIX_LEN]) -> Result<Self, Failed> {
        Self::new(key, prefix, true)
    }

    /// For [`ChunkCipher::open`].
    pub(crate) fn opening(key: &[u8; 32], prefix: &[u8; NONCE_PREFIX_LEN]) -> Result<Self, Failed> {
        Self::new(key, prefix, false)
    }

    /// Loads the key into OpenSSL's context, which wipes it when freed; each
    /// chunk then only sets its nonce.
    fn new(key: &[u8; 32], prefix: &[u8; NONCE_PREFIX_LEN], sealing: bool) -> Result<Self, Failed> {
        let mut ctx = CipherCtx::new().map_err(|_| Failed)?;
        let cipher = Some(Cipher::aes_256_gcm());
        if sealing {
            ctx.encrypt_init(cipher, Some(key), None)
        } else {
            ctx.decrypt_init(cipher, Some(key), None)
        }
        .map_err(|_| Failed)?;
        Ok(ChunkCipher {
            ctx,
            prefix: *prefix,
            sealing,
        })
    }

    fn nonce(&self, at: Position) -> [u8; 12] {
        let mut nonce = [0u8; 12];
        nonce[..NONCE_PREFIX_LEN].copy_from_slice(&self.prefix);
        nonce[NONCE_PREFIX_LEN..11].copy_from_slice(&at.index.to_be_bytes());
        nonce[11] = u8::from(at.last);
        nonce
    }

    /// Starts a chunk in the direction the cipher was set up for.
    fn start(&mut self, sealing: bool, at: Position) -> Result<(), Failed> {
        if sealing != self.sealing {
            return Err(Failed);
        }
        let nonce = self.nonce(at);
        if sealing {
            self.ctx.encrypt_init(None, None, Some(&nonce))
        } else {
            self.ctx.decrypt_init(None, None, Some(&nonce))
        }
        .map_err(|_| Failed)
    }

    /// Encrypts `buf[..len]` in place and writes the tag right after it;
    /// returns `len + TAG_LEN`. `buf` must have room for the tag.
    pub(crate) fn seal(&mut self, at: Position, aad: &[u8], buf: &mut [u8], len: usize) -> Result<usize, Failed> {
        let end = len.checked_add(TAG_LEN).filter(|&end| end <= buf.len()).ok_or(Failed)?;
        self.start(true, at)?;
        let ctx = &mut self.ctx;
        ctx.cipher_update(aad, None).map_err(|_| Failed)?;
        ctx.cipher_update_inplace(&mut buf[..len], len).map_err(|_| Failed)?;
        ctx.cipher_final(&mut []).map_err(|_| Failed)?;
        ctx.tag(&mut buf[len..end]).map_err(|_| Failed)?;
        Ok(end)
    }

    /// Verifies and decrypts `buf[..len]` (ciphertext ‖ tag) in place;
    /// returns the plaintext length. On failure nothing of `buf[..len]` is
    /// left readable: OpenSSL decrypts before it checks the tag.
    pub(crate) fn open(&mut self, at: Position, aad: &[u8], buf: &mut [u8], len: usize) -> Result<usize, Failed> {
        let Some(plain) = len.checked_sub(TAG_LEN).filter(|_| len <= buf.len()) else {
            return Err(Failed);
        };
        let result = self.open_checked(at, aad, &mut buf[..len], plain);
        if result.is_err() {
            buf[..len].zeroize();
        }
        result.map(|()| plain)
    }

    fn open_checked(&mut self, at: Position, aad: &[u8], sealed: &mut [u8], plain: usize) -> Result<(), Failed> {
        self.start(false, at)?;
        let (data, tag) = sealed.split_at_mut(plain);
        let ctx = &mut self.ctx;
        ctx.set_tag(tag).map_err(|_| Failed)?;
        ctx.cipher_update(aad, None).map_err(|_| Failed)?;
        ctx.cipher_update_inplace(data, plain).map_err(|_| Failed)?;
        ctx.cipher_final(&mut []).map_err(|_| Failed)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use aead_stream::{NewStream, StreamBE32, StreamPrimitive};
    use aes_gcm::Aes256Gcm;
    use aes_gcm::aead::KeyInit;

    use super::*;

    /// Lets the reference AEAD append its tag into a fixed buffer.
    struct SliceBuffer<'a> {
        data: &'a mut [u8],
        len: usize,
    }

    impl AsRef<[u8]> for SliceBuffer<'_> {
        fn as_ref(&self) -> &[u8] {
            &self.data[..self.len]
        }
    }

    impl AsMut<[u8]> for SliceBuffer<'_> {
        fn as_mut(&mut self) -> &mut [u8] {
            &mut self.data[..self.len]
        }
    }

    impl aes_gcm::aead::Buffer for SliceBuffer<'_> {
        fn extend_from_slice(&mut self, other: &[u8]) -> aes_gcm::aead::Result<()> {
            let end = self.len + other.len();
            self.data[self.len..end].copy_from_slice(other);
            self.len = end;
            Ok(())
        }

        fn truncate(&mut self, len: usize) {
            self.len = self.len.min(len);
        }
    }

    const KEY: [u8; 32] = [0x42; 32];
    const PREFIX: [u8; NONCE_PREFIX_LEN] = [1, 2, 3, 4, 5, 6, 7];
    const AAD: &[u8] = b"the whole blob header stands in here";

    fn reference() -> StreamBE32<Aes256Gcm> {
        StreamBE32::from_aead(Aes256Gcm::new(&KEY.into()), &PREFIX.into())
    }

    /// Seals with this module and with the RustCrypto STREAM implementation
    /// the format was written against: the bytes must be identical, and each
    /// must open what the other sealed.
    fn check(index: u32, last: bool, len: usize) {
        let plain: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
        let mut ours = plain.clone();
        ours.resize(len + TAG_LEN, 0);
        let mut cipher = ChunkCipher::sealing(&KEY, &PREFIX).unwrap();
        assert_eq!(
            cipher.seal(Position { index, last }, AAD, &mut ours, len).unwrap(),
            len + TAG_LEN
        );

        let mut theirs = plain.clone();
        theirs.resize(len + TAG_LEN, 0);
        let mut out = SliceBuffer { data: &mut theirs, len };
        reference().encrypt_in_place(index, last, AAD, &mut out).unwrap();
        assert_eq!(ours, theirs, "chunk {index} last={last} len={len}");

        let mut out = SliceBuffer {
            data: &mut ours,
            len: len + TAG_LEN,
        };
        reference().decrypt_in_place(index, last, AAD, &mut out).unwrap();
        assert_eq!(&ours[..len], &plain[..]);
        let mut cipher = ChunkCipher::opening(&KEY, &PREFIX).unwrap();
        assert_eq!(
            cipher
                .open(Position { index, last }, AAD, &mut theirs, len + TAG_LEN)
                .unwrap(),
            len
        );
        assert_eq!(&theirs[..len], &plain[..]);
    }

    #[test]
    fn seals_exactly_what_the_stream_construction_seals() {
        for (index, last, len) in [
            (0, false, 1024),
            (0, true, 0),
            (1, true, 17),
            (7, false, 256 * 1024),
            (u32::MAX, true, 33),
        ] {
            check(index, last, len);
        }
    }

    #[test]
    fn refuses_a_changed_byte_a_wrong_position_or_a_wrong_flag_and_wipes_what_it_decrypted() {
        let mut sealer = ChunkCipher::sealing(&KEY, &PREFIX).unwrap();
        let mut sealed = vec![9u8; 100 + TAG_LEN];
        sealer
            .seal(Position { index: 3, last: false }, AAD, &mut sealed, 100)
            .unwrap();
        let mut cipher = ChunkCipher::opening(&KEY, &PREFIX).unwrap();
        let attempts: [(u32, bool, &[u8], usize); 4] = [
            (4, false, AAD, 0),
            (3, true, AAD, 0),
            (3, false, b"other", 0),
            (3, false, AAD, 50),
        ];
        for (index, last, aad, flip) in attempts {
            let mut copy = sealed.clone();
            copy[flip] ^= u8::from(flip != 0);
            let len = copy.len();
            assert!(cipher.open(Position { index, last }, aad, &mut copy, len).is_err());
            assert!(copy.iter().all(|&b| b == 0));
        }
        let mut short = vec![0u8; TAG_LEN - 1];
        assert!(
            cipher
                .open(Position { index: 0, last: true }, AAD, &mut short, TAG_LEN - 1)
                .is_err()
        );
        // Still usable after refusals.
        let len = sealed.len();
        assert_eq!(
            cipher
                .open(Position { index: 3, last: false }, AAD, &mut sealed, len)
                .unwrap(),
            100
        );
        assert!(sealed[..100].iter().all(|&b| b == 9));
    }
}
