//! Tokens, hashes and card codes. Imports no domain.

/// Normalises what a participant typed as their card code: upper case, without the spaces
/// and dashes printed for legibility.
pub fn normalise_code(input: &str) -> String {
    input
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A card code as printed: `ABC-DEF`.
pub fn format_code(code: &str) -> String {
    if code.len() == 6 {
        format!("{}-{}", &code[..3], &code[3..])
    } else {
        code.to_string()
    }
}

/// 256 random bits from the operating system, as URL-safe text.
#[cfg(feature = "ssr")]
pub fn random_token() -> String {
    use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The SHA-256 of `text`, in hexadecimal: how tokens are stored.
#[cfg(feature = "ssr")]
pub fn sha256_hex(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_normalised_and_formatted() {
        assert_eq!(normalise_code(" abc-d ef"), "ABCDEF");
        assert_eq!(format_code("ABCDEF"), "ABC-DEF");
    }
}
