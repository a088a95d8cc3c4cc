//! The three languages of Trame and how a request's language is chosen.
//!
//! Strings live in `app/locales/*.yml` and are looked up with `rust-i18n`; this module only
//! decides *which* language: the user's remembered choice (a cookie), else the browser's
//! `Accept-Language`, else French.

use serde::{Deserialize, Serialize};

/// A language Trame is written in. French first: it is the centre's language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    Fr,
    Nl,
    En,
}

/// Name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "trame_lang";

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::Fr, Locale::Nl, Locale::En];

    /// The BCP 47 code, used for `<html lang>` and the string tables.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Fr => "fr",
            Locale::Nl => "nl",
            Locale::En => "en",
        }
    }

    /// The language's own name, shown in the language switch whatever the page language.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Fr => "Français",
            Locale::Nl => "Nederlands",
            Locale::En => "English",
        }
    }

    /// Parses a code such as `nl` or `nl-BE`.
    pub fn parse(code: &str) -> Option<Locale> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Locale::Fr),
            "nl" => Some(Locale::Nl),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// Chooses the language: the remembered choice wins, then the browser's preferences in
    /// order of quality, then French.
    pub fn negotiate(remembered: Option<&str>, accept_language: Option<&str>) -> Locale {
        if let Some(locale) = remembered.and_then(Locale::parse) {
            return locale;
        }
        let mut offers: Vec<(f32, Locale)> = accept_language
            .unwrap_or_default()
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let locale = Locale::parse(pieces.next()?)?;
                let quality = pieces
                    .find_map(|p| p.trim().strip_prefix("q=")?.parse::<f32>().ok())
                    .unwrap_or(1.0);
                (quality > 0.0).then_some((quality, locale))
            })
            .collect();
        offers.sort_by(|a, b| b.0.total_cmp(&a.0));
        offers.first().map(|(_, l)| *l).unwrap_or_default()
    }

    /// The translated text for `key` in this language.
    pub fn t(self, key: &str) -> String {
        rust_i18n::t!(key, locale = self.code()).into_owned()
    }

    /// The translated text for `key` with each `%{name}` replaced by its value.
    pub fn tv(self, key: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
        values.iter().fold(self.t(key), |text, (name, value)| {
            text.replace(&format!("%{{{name}}}"), &value.to_string())
        })
    }

    /// A moment (seconds since the epoch) in `tz`, in words: "mardi 1 décembre, 18:00".
    #[cfg(feature = "ssr")]
    pub fn moment(self, at: i64, tz: chrono_tz::Tz) -> String {
        self.format(at, tz, "%A %-d %B, %H:%M")
    }

    /// A session's span in words: "mardi 1 décembre, 18:00–20:00".
    #[cfg(feature = "ssr")]
    pub fn span(self, start: i64, end: i64, tz: chrono_tz::Tz) -> String {
        format!(
            "{}–{}",
            self.moment(start, tz),
            self.format(end, tz, "%H:%M")
        )
    }

    /// A moment in `tz` written with a `chrono` pattern, in this language.
    #[cfg(feature = "ssr")]
    pub fn format(self, at: i64, tz: chrono_tz::Tz, pattern: &str) -> String {
        let locale = match self {
            Locale::Fr => chrono::Locale::fr_BE,
            Locale::Nl => chrono::Locale::nl_BE,
            Locale::En => chrono::Locale::en_GB,
        };
        chrono::DateTime::from_timestamp(at, 0)
            .map(|t| {
                t.with_timezone(&tz)
                    .format_localized(pattern, locale)
                    .to_string()
            })
            .unwrap_or_default()
    }
}

/// The current request's language, provided as context by the page shell.
pub fn use_locale() -> Locale {
    leptos::prelude::use_context::<Locale>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_choice_beats_the_browser() {
        assert_eq!(
            Locale::negotiate(Some("en"), Some("nl-BE,nl;q=0.9")),
            Locale::En
        );
    }

    #[test]
    fn browser_preferences_follow_quality() {
        assert_eq!(
            Locale::negotiate(None, Some("de-DE,en;q=0.5,nl;q=0.8")),
            Locale::Nl
        );
        assert_eq!(Locale::negotiate(None, Some("nl;q=0,en")), Locale::En);
    }

    #[test]
    fn french_when_nothing_matches() {
        assert_eq!(
            Locale::negotiate(Some("xx"), Some("de,es;q=0.4")),
            Locale::Fr
        );
        assert_eq!(Locale::negotiate(None, None), Locale::Fr);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn moments_are_in_words_in_each_language() {
        // 1 December 2026, 17:00 UTC: 18:00 in Brussels.
        let at = 1_796_144_400;
        let tz = chrono_tz::Europe::Brussels;
        assert_eq!(Locale::Fr.moment(at, tz), "mardi 1 décembre, 18:00");
        assert_eq!(Locale::Nl.moment(at, tz), "dinsdag 1 december, 18:00");
        assert_eq!(Locale::En.moment(at, tz), "Tuesday 1 December, 18:00");
        assert_eq!(
            Locale::En.tv("results.votes", &[("votes", &3), ("ballots", &8)]),
            "3 of 8 votes"
        );
    }

    #[test]
    fn every_key_is_translated_in_every_language() {
        let table = |text: &str| -> Vec<String> {
            text.lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .filter_map(|l| l.split_once(':').map(|(k, _)| k.trim().to_string()))
                .collect()
        };
        let fr = table(include_str!("../locales/fr.yml"));
        let nl = table(include_str!("../locales/nl.yml"));
        let en = table(include_str!("../locales/en.yml"));
        assert!(fr.len() > 20);
        assert_eq!(
            fr, nl,
            "nl.yml must have the same keys, in the same order, as fr.yml"
        );
        assert_eq!(
            fr, en,
            "en.yml must have the same keys, in the same order, as fr.yml"
        );
        for key in &fr {
            for locale in Locale::ALL {
                assert_ne!(locale.t(key), *key, "{key} missing in {}", locale.code());
            }
        }
    }
}
