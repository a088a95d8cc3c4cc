//! Reading and writing the few cookies Trame uses (session, language).

use http::{HeaderMap, header::COOKIE};

/// The value of cookie `name` in the request headers.
pub fn get<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, path `/`, Secure over HTTPS.
/// `max_age` of `None` makes a browser-session cookie; `Some(0)` deletes it.
pub fn set(name: &str, value: &str, max_age: Option<i64>, secure: bool) -> String {
    let mut cookie = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age {
        cookie.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        cookie.push_str("; Secure");
    }
    cookie
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_cookie_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(COOKIE, "a=1; trame_session=xyz; b=2".parse().unwrap());
        assert_eq!(get(&headers, "trame_session"), Some("xyz"));
        assert_eq!(get(&headers, "missing"), None);
    }

    #[test]
    fn secure_only_when_asked() {
        assert!(set("s", "v", None, true).ends_with("; Secure"));
        assert!(!set("s", "v", Some(0), false).contains("Secure"));
    }
}
