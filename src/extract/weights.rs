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
    Ok(bytes
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect())
}

/// FNV-1a over a template number and strings: the index of a hashed feature.
pub(crate) fn feature_hash(template: u8, parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(template);
    h = h.wrapping_mul(0x100_0000_01b3);
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
    }
    h
}

/// Trains a binary averaged perceptron of `dim` hashed weights on examples
/// (feature indexes, whether the answer is yes) in `epochs` passes, in
/// order (no shuffling): deterministic.
pub(crate) fn train_binary(examples: &[(Vec<usize>, bool)], dim: usize, epochs: usize) -> Vec<f32> {
    let mut w = vec![0f64; dim];
    let mut u = vec![0f64; dim];
    let mut c = 1f64;
    for _ in 0..epochs {
        for (feats, good) in examples {
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
    w.iter().zip(&u).map(|(w, u)| (w - u / c) as f32).collect()
}
