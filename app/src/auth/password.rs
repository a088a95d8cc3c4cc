//! Password and PIN hashing with argon2id, run on the blocking pool: hashing takes tens of
//! milliseconds of CPU and would stall every other request on the async runtime.

use argon2::{
    Algorithm, Argon2, Params, PasswordHash, PasswordHasher, PasswordVerifier, Version,
    password_hash::SaltString,
};

use crate::error::AppError;

/// argon2id with 19 MiB of memory and 2 iterations (OWASP's minimum recommendation).
fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a secret (password or PIN) into a PHC string.
pub async fn hash(secret: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut rand::rngs::OsRng);
        hasher()
            .hash_password(secret.as_bytes(), &salt)
            .map(|h| h.to_string())
    })
    .await
    .map_err(|_| AppError::Internal)?
    .map_err(|err| {
        tracing::error!(error = %err, "hashing failed");
        AppError::Internal
    })
}

/// Checks a secret against a stored hash. With no hash (unknown account), a dummy hash is
/// checked instead, so that a failed login takes as long whether or not the account exists.
pub async fn verify(secret: String, stored: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || {
        let known = stored.is_some();
        let stored = stored.unwrap_or_else(|| DUMMY_HASH.to_string());
        let matches = PasswordHash::new(&stored)
            .is_ok_and(|parsed| hasher().verify_password(secret.as_bytes(), &parsed).is_ok());
        // The hash is always computed: `known` is looked at only afterwards.
        matches && known
    })
    .await
    .unwrap_or(false)
}

/// The hash of a random string nobody knows, with the same parameters as real hashes.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$\
                          rWQzhAZbsVQ7Pcvsna05kVOuR2ESZ0k/nbVpvC4P8Vg";

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_secret_only() {
        let stored = hash("correct horse".into()).await.unwrap();
        assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify("correct horse".into(), Some(stored.clone())).await);
        assert!(!verify("wrong horse".into(), Some(stored)).await);
    }

    #[tokio::test]
    async fn an_unknown_account_never_verifies() {
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
        assert!(!verify("anything".into(), None).await);
    }
}
