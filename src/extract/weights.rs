//! The byte form of a model's weight vector: little-endian `f32`s, shared
//! by the cue tagger and the attribution filter.

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
