//! Fluent loader and language negotiation. Every user-visible string is looked up here, in the
//! page's locale with English as the last resort. Pure: no server-only imports.

use std::{collections::HashMap, sync::OnceLock};

use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};
use serde::{Deserialize, Serialize};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));
}
pub use embedded::SOURCES;

/// The cookie that remembers a visitor's language choice.
pub const LANG_COOKIE: &str = "muster_lang";

/// A shipped interface language.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Fr,
    De,
    Pl,
    Es,
    Uk,
}

impl Locale {
    pub const ALL: [Locale; 6] = [
        Locale::En,
        Locale::Fr,
        Locale::De,
        Locale::Pl,
        Locale::Es,
        Locale::Uk,
    ];

    /// The BCP 47 language tag, as used in `<html lang>` and the locales folder.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
            Locale::De => "de",
            Locale::Pl => "pl",
            Locale::Es => "es",
            Locale::Uk => "uk",
        }
    }

    /// The language's name in itself (an endonym is never translated: a Polish reader looks for
    /// "Polski" whatever the page's current language).
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Fr => "Français",
            Locale::De => "Deutsch",
            Locale::Pl => "Polski",
            Locale::Es => "Español",
            Locale::Uk => "Українська",
        }
    }

    /// Parses a tag such as `pl`, `pl-PL` or `PL`; `None` for languages we do not ship.
    pub fn parse(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.code() == primary)
    }
}

/// Picks the best shipped locale from an `Accept-Language` header, honouring q-values;
/// `None` when the visitor accepts none of ours.
pub fn negotiate(accept_language: &str) -> Option<Locale> {
    let mut best: Option<(f32, usize, Locale)> = None;
    for (pos, item) in accept_language.split(',').enumerate() {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or_default();
        let q = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if q <= 0.0 {
            continue;
        }
        if let Some(locale) = Locale::parse(tag) {
            let better = match best {
                None => true,
                Some((bq, bpos, _)) => q > bq || (q == bq && pos < bpos),
            };
            if better {
                best = Some((q, pos, locale));
            }
        }
    }
    best.map(|(_, _, l)| l)
}

/// The locale decided for the current request, put into the request's extensions by the server
/// so the shell and the app render in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestLocale(pub Locale);

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static HashMap<Locale, Bundle> {
    static BUNDLES: OnceLock<HashMap<Locale, Bundle>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        let mut map = HashMap::new();
        for (code, files) in SOURCES {
            let Some(locale) = Locale::parse(code) else {
                continue;
            };
            let Ok(langid) = code.parse::<unic_langid::LanguageIdentifier>() else {
                continue;
            };
            let mut bundle = Bundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            for (_, source) in files.iter() {
                // A file with a syntax error still yields its valid messages; the locale
                // tests fail on any error, so this only matters to a broken deployment.
                let resource = match FluentResource::try_new((*source).to_owned()) {
                    Ok(r) => r,
                    Err((r, _)) => r,
                };
                let _ = bundle.add_resource(resource);
            }
            map.insert(locale, bundle);
        }
        map
    })
}

fn format_in(locale: Locale, key: &str, args: Option<&FluentArgs>) -> Option<String> {
    let bundle = bundles().get(&locale)?;
    let (id, attr) = match key.split_once('.') {
        Some((id, attr)) => (id, Some(attr)),
        None => (key, None),
    };
    let message = bundle.get_message(id)?;
    let pattern = match attr {
        Some(a) => message.get_attribute(a)?.value(),
        None => message.value()?,
    };
    let mut errors = vec![];
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

/// Translates `key` (optionally `key.attribute`) into `locale`, falling back to English, and to
/// the key itself when even English lacks it (the locale tests make that impossible).
pub fn translate(locale: Locale, key: &str, args: Option<&FluentArgs>) -> String {
    format_in(locale, key, args)
        .or_else(|| format_in(Locale::En, key, args))
        .unwrap_or_else(|| key.to_owned())
}

/// The page's translator: a locale, cheap to copy into closures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct I18n {
    pub locale: Locale,
}

impl I18n {
    pub fn new(locale: Locale) -> Self {
        Self { locale }
    }

    /// The message `key` in this locale.
    pub fn t(&self, key: &str) -> String {
        translate(self.locale, key, None)
    }

    /// The message `key`, or `fallback` when no locale has it (names of data, such as a
    /// nation, that are translated where we know them).
    pub fn t_or(&self, key: &str, fallback: &str) -> String {
        format_in(self.locale, key, None)
            .or_else(|| format_in(Locale::En, key, None))
            .unwrap_or_else(|| fallback.to_owned())
    }

    /// The message `key` with named arguments (strings or numbers).
    pub fn t_with(&self, key: &str, args: &[(&str, Arg)]) -> String {
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            let v: FluentValue = match value {
                Arg::Str(s) => FluentValue::from(s.clone()),
                Arg::Num(n) => FluentValue::from(*n),
            };
            fargs.set(*name, v);
        }
        translate(self.locale, key, Some(&fargs))
    }

    /// A calendar date as this locale writes it (English uses ISO 8601, unambiguous across the
    /// alliance).
    pub fn date(&self, d: chrono::NaiveDate) -> String {
        match self.locale {
            Locale::En => d.format("%Y-%m-%d").to_string(),
            Locale::Fr | Locale::Es => d.format("%d/%m/%Y").to_string(),
            Locale::De | Locale::Pl | Locale::Uk => d.format("%d.%m.%Y").to_string(),
        }
    }

    /// An instant as date and 24-hour time in UTC.
    pub fn date_time(&self, t: chrono::DateTime<chrono::Utc>) -> String {
        format!("{} {} UTC", self.date(t.date_naive()), t.format("%H:%M"))
    }

    /// A whole number with this locale's digit grouping.
    pub fn number(&self, n: i64) -> String {
        let sep = match self.locale {
            Locale::En => ",",
            Locale::De | Locale::Es => ".",
            // French, Polish and Ukrainian group with a (narrow) no-break space.
            Locale::Fr | Locale::Pl | Locale::Uk => "\u{202f}",
        };
        let digits = n.unsigned_abs().to_string();
        let mut out = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(sep);
            }
            out.push(ch);
        }
        if n < 0 { format!("-{out}") } else { out }
    }
}

/// A Fluent argument value.
#[derive(Clone, Debug)]
pub enum Arg {
    Str(String),
    Num(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Num(n as f64)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Num(n as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    fn keys_of(source: &str) -> BTreeMap<String, String> {
        let resource = match FluentResource::try_new(source.to_owned()) {
            Ok(r) => r,
            Err((_, errors)) => panic!("Fluent syntax errors: {errors:?}"),
        };
        let mut keys = BTreeMap::new();
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                let value = format!("{:?}", m.value);
                keys.insert(m.id.name.to_owned(), value.clone());
                for attr in &m.attributes {
                    keys.insert(
                        format!("{}.{}", m.id.name, attr.id.name),
                        format!("{:?}", attr.value),
                    );
                }
            }
        }
        keys
    }

    fn files_of(code: &str) -> BTreeMap<&'static str, &'static str> {
        SOURCES
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, files)| files.iter().copied().collect())
            .unwrap_or_default()
    }

    #[test]
    fn every_shipped_locale_has_a_folder_and_nothing_else_does() {
        let folders: BTreeSet<&str> = SOURCES.iter().map(|(c, _)| *c).collect();
        let shipped: BTreeSet<&str> = Locale::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(folders, shipped);
    }

    #[test]
    fn no_message_is_defined_in_two_files() {
        // a second definition would be silently ignored by the bundle
        for locale in Locale::ALL {
            let mut seen: BTreeMap<String, String> = BTreeMap::new();
            for (area, source) in files_of(locale.code()) {
                for key in keys_of(source).into_keys() {
                    if let Some(first) = seen.insert(key.clone(), area.to_string()) {
                        panic!(
                            "{}: `{key}` is in both {first}.ftl and {area}.ftl",
                            locale.code()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_locale_has_exactly_the_english_files_and_keys() {
        let english = files_of("en");
        assert!(!english.is_empty());
        for locale in Locale::ALL {
            let files = files_of(locale.code());
            let names: BTreeSet<_> = files.keys().collect();
            let en_names: BTreeSet<_> = english.keys().collect();
            assert_eq!(
                names,
                en_names,
                "{}: file set differs from English",
                locale.code()
            );
            for (area, source) in &english {
                let en_keys: BTreeSet<String> = keys_of(source).into_keys().collect();
                let keys: BTreeSet<String> = keys_of(files[area]).into_keys().collect();
                let missing: Vec<_> = en_keys.difference(&keys).collect();
                let extra: Vec<_> = keys.difference(&en_keys).collect();
                assert!(
                    missing.is_empty(),
                    "{}/{area}.ftl lacks {missing:?}",
                    locale.code()
                );
                assert!(
                    extra.is_empty(),
                    "{}/{area}.ftl has keys English lacks: {extra:?}",
                    locale.code()
                );
            }
        }
    }

    #[test]
    fn translations_are_not_english_copies() {
        let english: BTreeMap<String, String> =
            files_of("en").values().flat_map(|s| keys_of(s)).collect();
        for locale in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
            let theirs: BTreeMap<String, String> = files_of(locale.code())
                .values()
                .flat_map(|s| keys_of(s))
                .collect();
            let same: Vec<_> = theirs
                .iter()
                .filter(|(k, v)| english.get(*k) == Some(v))
                .map(|(k, _)| k.clone())
                .collect();
            // Codes, acronyms and proper names may legitimately stay as they are.
            assert!(
                same.len() * 100 <= english.len() * 15,
                "{}: {} of {} messages are identical to English: {same:?}",
                locale.code(),
                same.len(),
                english.len()
            );
        }
    }

    #[test]
    fn accept_language_prefers_the_highest_quality_shipped_locale() {
        assert_eq!(negotiate("de-DE,de;q=0.9,en;q=0.8"), Some(Locale::De));
        assert_eq!(negotiate("ja,pl;q=0.5,fr;q=0.7"), Some(Locale::Fr));
        assert_eq!(negotiate("uk-UA"), Some(Locale::Uk));
        assert_eq!(negotiate("ja, zh;q=0.9"), None);
        assert_eq!(negotiate("es;q=0, en;q=0.1"), Some(Locale::En));
        assert_eq!(negotiate(""), None);
    }

    #[test]
    fn missing_keys_fall_back_to_english_then_to_the_key() {
        assert_eq!(
            translate(Locale::Pl, "no-such-key-anywhere", None),
            "no-such-key-anywhere"
        );
        let en = translate(Locale::En, "nav-home", None);
        assert_ne!(en, "nav-home");
        assert_ne!(translate(Locale::Pl, "nav-home", None), en);
    }

    #[test]
    fn dates_follow_each_locale() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 3, 9).unwrap_or_default();
        assert_eq!(I18n::new(Locale::En).date(d), "2026-03-09");
        assert_eq!(I18n::new(Locale::Fr).date(d), "09/03/2026");
        assert_eq!(I18n::new(Locale::Pl).date(d), "09.03.2026");
    }

    #[test]
    fn numbers_are_grouped_per_locale() {
        assert_eq!(I18n::new(Locale::En).number(1234567), "1,234,567");
        assert_eq!(I18n::new(Locale::De).number(-1234), "-1.234");
        assert_eq!(I18n::new(Locale::Fr).number(999), "999");
    }
}
