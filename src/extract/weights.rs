//! What the cue tagger and the attribution filter share: the feature hash
//! and the byte form of a weight vector (little-endian `f32`s).

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
