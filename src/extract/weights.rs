//! What the cue tagger, the attribution filter and the cue extent share: the
//! feature hash, the byte form of a weight vector (little-endian `f32`s) and
//! the training of a binary averaged perceptron.

/// The weights as little-endian bytes.
pub(crate) fn to_bytes(weights: &[f32]) -> Vec<u8> {
    weights.iter().flat_map(|w| w.to_le_bytes()).collect()
}

/// `dim` weights from [`to_bytes`]; `what` names the model in the error.
pub(crate) fn from_bytes(bytes: &[u8], dim: usize, what: &str) -> Result<Vec<f32>, String> {
    if bytes.len() != dim * 4 {
        return Err(format!(
            "{what} weights: expected {} bytes, found {}",
            dim * 4,
            bytes.len()
        ));
    }
    // (As arrays of four bytes: the loop compiles to vector moves.)
    Ok(bytes
        .as_chunks::<4>()
        .0
        .iter()
        .map(|&c| f32::from_le_bytes(c))
        .collect())
}

/// FNV-1a over a template number and strings: the index of a hashed feature.
#[inline]
pub(crate) fn feature_hash(template: u8, parts: &[&str]) -> u64 {
    parts.iter().fold(Fnv::new(template), |h, p| h.part(p)).get()
}

/// [`feature_hash`] at compile time, for features of fixed values.
pub(crate) const fn fixed(template: u8, parts: &[&str]) -> u64 {
    let mut h = (0xcbf2_9ce4_8422_2325 ^ template as u64).wrapping_mul(PRIME);
    let mut p = 0;
    while p < parts.len() {
        let bytes = parts[p].as_bytes();
        let mut k = 0;
        while k < bytes.len() {
            h = (h ^ bytes[k] as u64).wrapping_mul(PRIME);
            k += 1;
        }
        h = (h ^ 0xff).wrapping_mul(PRIME);
        p += 1;
    }
    h
}

/// [`feature_hash`] in steps: the state after a template and some parts,
/// so that a feature whose first parts are known early (a word's, worked
/// out once per form) is finished with the rest alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fnv(u64);

const PRIME: u64 = 0x100_0000_01b3;

impl Fnv {
    /// The state after the template number.
    #[inline]
    pub(crate) fn new(template: u8) -> Fnv {
        Fnv((0xcbf2_9ce4_8422_2325 ^ u64::from(template)).wrapping_mul(PRIME))
    }

    /// The state after a template number and parts, at compile time.
    pub(crate) const fn after(template: u8, parts: &[&str]) -> Fnv {
        Fnv(fixed(template, parts))
    }

    /// The state after one more part (its bytes, then 0xff).
    #[inline]
    pub(crate) fn part(self, p: &str) -> Fnv {
        let mut h = self.0;
        // Four bytes a round as arrays, then the rest (most parts are
        // short words) without a loop: the same bytes in the same order as
        // one a round, in a third of the instructions (the tagger hashes
        // 27 features of every candidate word).
        let (quads, rest) = p.as_bytes().as_chunks::<4>();
        for q in quads {
            for &b in q {
                h = (h ^ u64::from(b)).wrapping_mul(PRIME);
            }
        }
        match *rest {
            [a] => h = (h ^ u64::from(a)).wrapping_mul(PRIME),
            [a, b] => {
                h = (h ^ u64::from(a)).wrapping_mul(PRIME);
                h = (h ^ u64::from(b)).wrapping_mul(PRIME);
            }
            [a, b, c] => {
                h = (h ^ u64::from(a)).wrapping_mul(PRIME);
                h = (h ^ u64::from(b)).wrapping_mul(PRIME);
                h = (h ^ u64::from(c)).wrapping_mul(PRIME);
            }
            _ => {}
        }
        Fnv((h ^ 0xff).wrapping_mul(PRIME))
    }

    /// The hash of the feature so far.
    #[inline]
    pub(crate) fn get(self) -> u64 {
        self.0
    }
}

/// How many orders of the examples [`train_binary`] averages over.
const ORDERS: u64 = 5;

/// Trains a binary averaged perceptron of `dim` hashed weights on examples
/// (feature indexes, whether the answer is yes) in `epochs` passes, and
/// returns the mean of [`ORDERS`] such perceptrons, each seeing the
/// examples in its own pseudo-random order every pass (seeded, so the same
/// examples give the same weights). A perceptron depends on the order of
/// its examples; shuffling and averaging over orders took cue exact F1 on
/// the two halves of PolNeAR train from 0.637 / 0.628 (file order) to
/// 0.645 / 0.635.
pub(crate) fn train_binary(examples: &[(Vec<usize>, bool)], dim: usize, epochs: usize) -> Vec<f32> {
    let mut sum = vec![0f64; dim];
    for k in 0..ORDERS {
        for (s, w) in sum.iter_mut().zip(perceptron(examples, dim, epochs, SEED + k)) {
            *s += w;
        }
    }
    sum.into_iter().map(|s| (s / ORDERS as f64) as f32).collect()
}

/// The seed of the first order.
const SEED: u64 = 0x9E37_79B9_7F4A_7C15;

/// One averaged perceptron over the examples, shuffled before each pass
/// with an xorshift generator started at `seed`.
fn perceptron(examples: &[(Vec<usize>, bool)], dim: usize, epochs: usize, seed: u64) -> Vec<f64> {
    // w is the current weight vector, u accumulates c * update so that the
    // average is w - u / c.
    let mut w = vec![0f64; dim];
    let mut u = vec![0f64; dim];
    let mut c = 1f64;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut state = seed.max(1);
    for _ in 0..epochs {
        for k in (1..order.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            order.swap(k, (state % (k as u64 + 1)) as usize);
        }
        for &i in &order {
            let (feats, good) = &examples[i];
            let score: f64 = feats.iter().map(|&k| w[k]).sum();
            let y = if *good { 1.0 } else { -1.0 };
            if y * score <= 0.0 {
                for &k in feats {
                    w[k] += y;
                    u[k] += y * c;
                }
            }
            c += 1.0;
        }
    }
    w.iter().zip(&u).map(|(w, u)| w - u / c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// FNV-1a one byte at a time, each part followed by the byte 0xff.
    fn plain_fnv(template: u8, parts: &[&str]) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(template);
        h = h.wrapping_mul(0x100_0000_01b3);
        for b in parts.iter().flat_map(|p| p.bytes().chain([0xff])) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        h
    }

    #[test]
    fn feature_hash_is_fnv_1a_of_the_parts() {
        let words = [
            "",
            "a",
            "ab",
            "abc",
            "said",
            "quipped",
            "denials",
            "Kabul’s",
            "<s>",
            "“",
        ];
        for t in [0u8, 1, 26, 255] {
            for a in words {
                assert_eq!(feature_hash(t, &[a]), plain_fnv(t, &[a]), "{t} {a}");
                for b in words {
                    assert_eq!(feature_hash(t, &[a, b]), plain_fnv(t, &[a, b]), "{t} {a} {b}");
                }
            }
        }
        assert_ne!(feature_hash(1, &["ab", "c"]), feature_hash(1, &["a", "bc"]));
    }
}
