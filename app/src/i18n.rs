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

/// Whether a French word before `text` is elided ("d'Ahmed", "qu'Hélène"): a vowel or an h.
fn elides(text: &str) -> bool {
    text.chars().next().is_some_and(|first| {
        "aeiouyhàâäéèêëîïôöùûüœæ".contains(first.to_lowercase().next().unwrap_or(first))
    })
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

    /// The `lang` to mark what people wrote with (ideas, projects, thanks): the centre writes
    /// in French, so on a Dutch or English page its words are marked French; on a French
    /// page, nothing.
    pub fn content_lang(self) -> Option<&'static str> {
        (self != Locale::Fr).then_some("fr")
    }

    /// The translated text for `key` in this language.
    pub fn t(self, key: &str) -> String {
        rust_i18n::t!(key, locale = self.code()).into_owned()
    }

    /// The translated text for `key` with each `%{name}` replaced by its value. In French, "de"
    /// and "que" before a person's name (`%{name}`) starting with a vowel or an h are elided:
    /// "le parcours d'Ahmed", "atteste qu'Amina".
    pub fn tv(self, key: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
        values.iter().fold(self.t(key), |text, (name, value)| {
            let value = value.to_string();
            let slot = format!("%{{{name}}}");
            let text = if self == Locale::Fr && *name == "name" && elides(&value) {
                ["de", "De", "que", "Que"].iter().fold(text, |text, word| {
                    let elided = format!("{}'{slot}", word.trim_end_matches('e'));
                    text.replace(&format!(" {word} {slot}"), &format!(" {elided}"))
                        .replace(&format!("{word} {slot}"), &elided)
                })
            } else {
                text
            };
            text.replace(&slot, &value)
        })
    }

    /// The translated text for `key` whose form depends on `count`, with each `%{name}`
    /// replaced by its value: the form the language's plural rules (Unicode CLDR, by ICU4X)
    /// choose for the count, `key.one` or `key.other` (any other form falls back to
    /// `key.other`). In French 0 and 1 take the singular, in Dutch and English only 1.
    pub fn plural(
        self,
        key: &str,
        count: i64,
        values: &[(&str, &dyn std::fmt::Display)],
    ) -> String {
        use icu_plurals::{PluralCategory, PluralRules};
        let language = match self {
            Locale::Fr => icu_locale_core::locale!("fr"),
            Locale::Nl => icu_locale_core::locale!("nl"),
            Locale::En => icu_locale_core::locale!("en"),
        };
        let form = PluralRules::try_new(language.into(), Default::default())
            .map(|rules| rules.category_for(count.unsigned_abs()))
            .unwrap_or(PluralCategory::Other);
        let form = if form == PluralCategory::One {
            "one"
        } else {
            "other"
        };
        self.tv(&format!("{key}.{form}"), values)
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
    fn plurals_follow_each_languages_rules() {
        let sessions = |locale: Locale, n: i64| locale.plural("journey.sessions", n, &[("n", &n)]);
        // French: 0 and 1 take the singular.
        assert_eq!(sessions(Locale::Fr, 0), "0 séance");
        assert_eq!(sessions(Locale::Fr, 1), "1 séance");
        assert_eq!(sessions(Locale::Fr, 2), "2 séances");
        assert_eq!(sessions(Locale::Fr, 1_000_000), "1000000 séances");
        // Dutch and English: only 1.
        assert_eq!(sessions(Locale::Nl, 0), "0 sessies");
        assert_eq!(sessions(Locale::Nl, 1), "1 sessie");
        assert_eq!(sessions(Locale::En, 1), "1 session");
        assert_eq!(sessions(Locale::En, 3), "3 sessions");
    }

    #[test]
    fn french_elides_before_a_vowel() {
        let title = |name: &str| Locale::Fr.tv("journey.title_of", &[("name", &name)]);
        assert_eq!(title("Ahmed"), "Le parcours d'Ahmed");
        assert_eq!(title("Élise"), "Le parcours d'Élise");
        assert_eq!(title("Nadia"), "Le parcours de Nadia");
        let statement = Locale::Fr.tv(
            "attestation.statement",
            &[("centre", &"CPAS de Sambreville"), ("name", &"Amina")],
        );
        assert!(statement.starts_with("CPAS de Sambreville atteste qu'Amina a participé"));
        assert_eq!(
            Locale::En.tv("journey.title_of", &[("name", &"Ahmed")]),
            "Ahmed's journey"
        );
    }

    /// French strings: a no-break space before `: ; ! ? » %` and after `«` (never a line
    /// starting with the sign), and no "(s)" or "·e" forms.
    #[test]
    fn french_reads_as_it_is_written() {
        for line in include_str!("../locales/fr.yml").lines() {
            let Some((key, text)) = line.split_once(": ") else {
                continue;
            };
            for sign in [":", ";", "!", "?", "»", "%)", "% "] {
                assert!(
                    !text.contains(&format!(" {sign}")),
                    "{key}: a plain space before {sign}"
                );
            }
            assert!(!text.contains("« "), "{key}: a plain space after «");
            assert!(
                !text.contains("(s)") && !text.contains("·e"),
                "{key}: {text}"
            );
        }
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
