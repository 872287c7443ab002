//! Password hashing: argon2id, PHC strings, OWASP parameters (m = 19 MiB, t = 2, p = 1), always
//! off the async threads. Unknown users are verified against a dummy hash so that every failure
//! costs the same time.

use std::sync::OnceLock;

use argon2::{
    Algorithm, Argon2, Params, Version,
    password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
};

use crate::server::error::ServiceError;

/// Memory cost in KiB (19 MiB), iterations and parallelism.
pub const M_COST: u32 = 19 * 1024;
pub const T_COST: u32 = 2;
pub const P_COST: u32 = 1;

fn argon2() -> Result<Argon2<'static>, ServiceError> {
    let params = Params::new(M_COST, T_COST, P_COST, None)
        .map_err(|e| anyhow::anyhow!("argon2 parameters: {e}"))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

fn hash_blocking(password: &str) -> Result<String, ServiceError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| anyhow::anyhow!("no randomness for a salt: {e}"))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    Ok(argon2()?
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("argon2 hashing: {e}"))?
        .to_string())
}

fn verify_blocking(password: &str, phc: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(phc) else {
        return false;
    };
    // The parameters come from the stored PHC string; the algorithm must be argon2id.
    parsed.algorithm.as_str() == "argon2id"
        && argon2().is_ok_and(|a| a.verify_password(password.as_bytes(), &parsed).is_ok())
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let random =
            super::secret::random_hex(24).unwrap_or_else(|_| "muster-dummy-password".into());
        hash_blocking(&random).unwrap_or_default()
    })
}

/// Hashes a new password into a PHC string.
pub async fn hash(password: String) -> Result<String, ServiceError> {
    tokio::task::spawn_blocking(move || hash_blocking(&password))
        .await
        .map_err(|e| anyhow::anyhow!("hashing task: {e}"))?
}

/// Whether `password` matches the stored PHC string. A malformed hash never matches.
pub async fn verify(password: String, phc: String) -> Result<bool, ServiceError> {
    Ok(
        tokio::task::spawn_blocking(move || verify_blocking(&password, &phc))
            .await
            .map_err(|e| anyhow::anyhow!("verification task: {e}"))?,
    )
}

/// Spends the time of a real verification for a username that does not exist.
pub async fn verify_dummy(password: String) -> Result<(), ServiceError> {
    tokio::task::spawn_blocking(move || {
        let _ = verify_blocking(&password, dummy_hash());
    })
    .await
    .map_err(|e| anyhow::anyhow!("verification task: {e}"))?;
    Ok(())
}

/// Computes the dummy hash ahead of the first login (called at start-up).
pub async fn warm_up() {
    let _ = tokio::task::spawn_blocking(|| {
        dummy_hash();
    })
    .await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_with_owasp_parameters_and_verify() {
        let phc = hash("correct horse battery".into()).await.unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(
            verify("correct horse battery".into(), phc.clone())
                .await
                .unwrap()
        );
        assert!(
            !verify("wrong horse battery".into(), phc.clone())
                .await
                .unwrap()
        );
        let again = hash("correct horse battery".into()).await.unwrap();
        assert_ne!(phc, again, "every hash has its own salt");
        assert!(!verify("x".into(), "not a phc string".into()).await.unwrap());
        verify_dummy("anything".into()).await.unwrap();
    }
}
