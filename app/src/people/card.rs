//! Access cards: the login code and PIN a participant logs in with, and the QR code that
//! opens the login page with the code filled in.

use rand::{Rng, rngs::OsRng};
use sqlx::AnyConnection;

use super::db;
use crate::error::AppError;

/// Letters and digits that cannot be mistaken for one another (no 0/O, 1/I).
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
pub const CODE_LEN: usize = 6;
pub use super::PIN_LEN;
/// How long after a card is issued its PIN can still be shown (to print it).
pub const PIN_SHOWN_SECS: i64 = 30 * 60;

pub fn new_code() -> String {
    random_code(CODE_LEN)
}

/// `len` characters of the unmistakable alphabet, at random.
pub fn random_code(len: usize) -> String {
    (0..len)
        .map(|_| CODE_ALPHABET[OsRng.gen_range(0..CODE_ALPHABET.len())] as char)
        .collect()
}

pub fn new_pin() -> String {
    (0..PIN_LEN)
        .map(|_| char::from(b'0' + OsRng.gen_range(0..10u8)))
        .collect()
}

/// The address the QR code opens: the login page with the code filled in.
pub fn login_url(public_url: &str, code: &str) -> String {
    format!("{}/login?code={code}", public_url.trim_end_matches('/'))
}

/// The QR code as inline SVG (no XML prolog, so it can sit in HTML).
pub fn qr_svg(url: &str) -> Result<String, AppError> {
    let code = qrcode::QrCode::new(url.as_bytes()).map_err(|err| {
        tracing::error!(error = %err, "QR code failed");
        AppError::Internal
    })?;
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(180, 180)
        .build();
    Ok(match svg.find("<svg") {
        Some(start) => svg[start..].to_string(),
        None => svg,
    })
}

/// A PIN and its hash, made before the write transaction so that the slow hashing does not
/// hold the database's write lock.
pub struct NewPin {
    pin: String,
    hash: String,
}

pub async fn new_pin_hashed() -> Result<NewPin, AppError> {
    let pin = new_pin();
    let hash = crate::auth::password::hash(pin.clone()).await?;
    Ok(NewPin { pin, hash })
}

/// Erases the PINs kept for printing once their time is over (they are kept hashed only).
/// Runs whenever a card is opened, and every minute.
pub async fn forget_expired_pins(db: &crate::db::Db) -> Result<(), sqlx::Error> {
    db::clear_expired_pins(db.write(), crate::db::now()).await
}

/// Issues a new card for participant `id`: a fresh unique code and the given PIN. The old
/// code stops working and the participant's sessions end. Runs in the caller's transaction.
pub async fn issue(tx: &mut AnyConnection, id: i64, pin: NewPin) -> Result<(), AppError> {
    let code = loop {
        let candidate = new_code();
        if !db::code_taken(tx, &candidate).await? {
            break candidate;
        }
    };
    db::set_login_code(tx, &code, id).await?;
    set_pin(tx, id, pin).await
}

/// Gives participant `id` a new PIN, kept readable for printing a little while; their
/// sessions end. Runs in the caller's transaction.
pub async fn set_pin(tx: &mut AnyConnection, id: i64, pin: NewPin) -> Result<(), AppError> {
    let until = crate::db::now() + PIN_SHOWN_SECS;
    db::set_pin_hash(tx, &pin.hash, &pin.pin, until, id).await?;
    crate::auth::db::delete_sessions_of(tx, id).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_pins_have_the_printed_shape() {
        for _ in 0..100 {
            let code = new_code();
            assert_eq!(code.len(), CODE_LEN);
            assert!(code.bytes().all(|b| CODE_ALPHABET.contains(&b)));
            let pin = new_pin();
            assert_eq!(pin.len(), PIN_LEN);
            assert!(pin.bytes().all(|b| b.is_ascii_digit()));
        }
    }

    #[test]
    fn qr_is_inline_svg_of_the_login_url() {
        assert_eq!(
            login_url("https://trame.example/", "ABCDEF"),
            "https://trame.example/login?code=ABCDEF"
        );
        let svg = qr_svg("https://trame.example/login?code=ABCDEF").unwrap();
        assert!(svg.starts_with("<svg"));
    }
}
