//! Feature hashing: every feature is a 64-bit hash of (template, values),
//! so extraction never builds a string per feature. FxHash-style mixing
//! (rotate, xor, multiply) is enough for the sparse keys; the finaliser
//! spreads the bits so the low bits can index a table.

const K: u64 = 0x517c_c1b7_2722_0a95;

#[inline]
pub fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// Hash of a byte string (length-prefixed, so "ab"+"c" ≠ "a"+"bc").
#[inline]
pub fn bytes(b: &[u8]) -> u64 {
    let mut h = mix(0x9e37_79b9_7f4a_7c15, b.len() as u64);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        h = mix(
            h,
            u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]),
        );
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(buf));
    }
    h
}

#[inline]
pub fn str(s: &str) -> u64 {
    bytes(s.as_bytes())
}

/// FNV-1a over the bytes, then [`finish`]. Slower than [`bytes`], but
/// [`bytes`] lets strings that differ in a high byte of an 8-byte chunk
/// collide ("bergkamen", "bergkamme"), which a table that must tell every
/// word apart cannot afford.
pub fn strong(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in b {
        h = (h ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    finish(h)
}

/// Looks up `h` in a static open-addressing table that `build.rs` wrote:
/// little-endian u64 slots, a power of two of them, each the key's hash
/// with its bits in `low` replaced by a value; 0 is an empty slot, and a
/// key starts at the slot its hash's low bits name and probes linearly.
/// Returns the value bits of the slot whose other bits match `h`, or 0.
pub fn probe(table: &[u8], h: u64, low: u64) -> u64 {
    let slots = table.len() / 8;
    if slots == 0 {
        return 0;
    }
    let tag = h & !low;
    let mut i = h as usize & (slots - 1);
    loop {
        let mut slot = [0; 8];
        slot.copy_from_slice(&table[8 * i..8 * i + 8]);
        let slot = u64::from_le_bytes(slot);
        if slot == 0 {
            return 0;
        }
        if slot & !low == tag {
            return slot & low;
        }
        i = (i + 1) & (slots - 1);
    }
}

/// Murmur3's 64-bit finaliser.
#[inline]
pub fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// A feature key: template id and one value.
#[inline]
pub fn feat1(template: u32, a: u64) -> u64 {
    finish(mix(mix(template as u64, a), 0x2545_f491_4f6c_dd1d))
}

/// A feature key: template id and two values.
#[inline]
pub fn feat2(template: u32, a: u64, b: u64) -> u64 {
    finish(mix(mix(mix(template as u64, a), b), 0x2545_f491_4f6c_dd1d))
}

/// A feature key: template id and three values.
#[inline]
pub fn feat3(template: u32, a: u64, b: u64, c: u64) -> u64 {
    finish(mix(
        mix(mix(mix(template as u64, a), b), c),
        0x2545_f491_4f6c_dd1d,
    ))
}

/// A `HashMap` hasher for keys that are already hashes: passes them
/// through (std's SipHash would hash them a second time).
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are used; fold anything else in anyway.
        for &b in bytes {
            self.0 = mix(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// Map keyed by a 64-bit hash.
pub type KeyMap<V> = std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<IdHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_separate_split_points_and_templates() {
        assert_ne!(bytes(b"ab"), bytes(b"abc"));
        assert_ne!(
            mix(bytes(b"ab"), bytes(b"c")),
            mix(bytes(b"a"), bytes(b"bc"))
        );
        assert_ne!(feat1(1, str("x")), feat1(2, str("x")));
        assert_eq!(feat2(3, 4, 5), feat2(3, 4, 5));
        assert_ne!(bytes(b""), bytes(b"\0"));
    }
}
