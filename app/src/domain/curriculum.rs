//! Curriculum rules: translated field resolution, quiz scoring, completion expiry, prerequisites
//! and authoring limits; pure: must not import I/O, a clock, the database or Leptos.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

mod quiz;
pub mod validity;

pub use quiz::{AnswerError, Answers, Question, QuizScore, passed, quiz_issues, score};

/// Review state of one translation of one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TranslationStatus {
    /// Work in progress: never shown to trainees.
    Draft,
    /// Matches the current source text.
    Current,
    /// Was current for an older source text: shown, flagged.
    Outdated,
}

/// Translations of one field keyed by locale: `(text, status)`.
pub type Translations = BTreeMap<String, (String, TranslationStatus)>;

/// The text a trainee sees for one field, and where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolved {
    pub text: String,
    pub locale: String,
    /// `locale` differs from the trainee's first choice (`chain[0]`).
    pub fell_back: bool,
    /// The text is a translation of an older source text.
    pub outdated: bool,
}

/// Picks the first locale of `chain` that has a shown (Current or Outdated) translation, else the
/// source. The source locale always resolves to the source text wherever it appears in the chain,
/// so when `chain[0]` is the source locale the source is returned with `fell_back = false` and any
/// translation stored under the source locale is ignored. An empty chain yields the source with
/// `fell_back = false` (there was no preference to fall back from). Never fails.
pub fn resolve_field(
    chain: &[&str],
    source_locale: &str,
    source_text: &str,
    translations: &Translations,
) -> Resolved {
    let resolved = |text: &str, locale: &str, outdated: bool| Resolved {
        text: text.to_owned(),
        locale: locale.to_owned(),
        fell_back: chain.first().is_some_and(|first| *first != locale),
        outdated,
    };
    for &locale in chain {
        if locale == source_locale {
            break;
        }
        match translations.get(locale) {
            Some((text, TranslationStatus::Current)) => return resolved(text, locale, false),
            Some((text, TranslationStatus::Outdated)) => return resolved(text, locale, true),
            Some((_, TranslationStatus::Draft)) | None => {}
        }
    }
    resolved(source_text, source_locale, false)
}

/// Compares a field's saved source text with the new one: `(version + 1, true)` when it changed
/// (exact comparison, whitespace counts), else `(version, false)`. Saturates at `u32::MAX`.
pub fn bump_on_change(old_source: &str, new_source: &str, version: u32) -> (u32, bool) {
    if old_source == new_source {
        (version, false)
    } else {
        (version.saturating_add(1), true)
    }
}

/// After a source change, turns every Current translation of the field Outdated (Draft stays
/// Draft, Outdated stays Outdated). Returns the locales it changed, sorted; nothing when
/// `changed` is false.
pub fn mark_outdated(changed: bool, translations: &mut Translations) -> Vec<String> {
    if !changed {
        return Vec::new();
    }
    let mut marked = Vec::new();
    for (locale, (_, status)) in translations.iter_mut() {
        if *status == TranslationStatus::Current {
            *status = TranslationStatus::Outdated;
            marked.push(locale.clone());
        }
    }
    marked
}

/// The first day a completion is no longer valid: `completed_on + validity_months`, clamped to
/// the month end (Jan 31 + 1 = Feb 28/29). `0` months = never expires (`None`). Dates beyond
/// chrono's range saturate to its last day.
pub fn expiry_date(completed_on: NaiveDate, validity_months: u32) -> Option<NaiveDate> {
    (validity_months > 0).then(|| {
        completed_on
            .checked_add_months(Months::new(validity_months))
            .unwrap_or(NaiveDate::MAX)
    })
}

/// Direct prerequisites of `module_id` (from `(module, prerequisite)` edges) that the trainee has
/// no valid completion of; sorted, without duplicates, a self-edge ignored.
pub fn missing_prerequisites(
    module_id: Uuid,
    prereqs: &[(Uuid, Uuid)],
    valid_completions: &BTreeSet<Uuid>,
) -> Vec<Uuid> {
    prereqs
        .iter()
        .filter(|(m, p)| *m == module_id && *p != module_id && !valid_completions.contains(p))
        .map(|(_, p)| *p)
        .collect::<BTreeSet<Uuid>>()
        .into_iter()
        .collect()
}

/// A cycle in the `(module, prerequisite)` graph, if any, for authoring validation: modules
/// `[a, b, …, k]` where each requires the next and `k` requires `a`, rotated to start at its
/// smallest id (a self-edge gives `[a]`). The same edges always give the same cycle.
pub fn find_prerequisite_cycle(edges: &[(Uuid, Uuid)]) -> Option<Vec<Uuid>> {
    let mut next: BTreeMap<Uuid, BTreeSet<Uuid>> = BTreeMap::new();
    for (m, p) in edges {
        next.entry(*m).or_default().insert(*p);
        next.entry(*p).or_default();
    }
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    let mut marks: BTreeMap<Uuid, Mark> = BTreeMap::new();
    for &root in next.keys() {
        if marks.contains_key(&root) {
            continue;
        }
        // iterative depth-first search; `path` is the chain of open modules
        let mut path: Vec<Uuid> = vec![root];
        let mut pending: Vec<std::collections::btree_set::Iter<'_, Uuid>> = Vec::new();
        marks.insert(root, Mark::Open);
        pending.push(next.get(&root).map(|s| s.iter()).unwrap_or_default());
        while let Some(iter) = pending.last_mut() {
            match iter.next().copied() {
                Some(child) => match marks.get(&child) {
                    Some(Mark::Open) => {
                        let start = path.iter().position(|m| *m == child).unwrap_or(0);
                        let mut cycle = path[start..].to_vec();
                        let smallest = cycle
                            .iter()
                            .enumerate()
                            .min_by_key(|(_, m)| **m)
                            .map_or(0, |(i, _)| i);
                        cycle.rotate_left(smallest);
                        return Some(cycle);
                    }
                    Some(Mark::Done) => {}
                    None => {
                        marks.insert(child, Mark::Open);
                        path.push(child);
                        pending.push(next.get(&child).map(|s| s.iter()).unwrap_or_default());
                    }
                },
                None => {
                    pending.pop();
                    if let Some(done) = path.pop() {
                        marks.insert(done, Mark::Done);
                    }
                }
            }
        }
    }
    None
}

/// One invalid authoring field: `field` names it, `code` the rule (Fluent `validation-<code>`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldIssue {
    pub field: String,
    pub code: String,
}

impl FieldIssue {
    pub fn new(field: impl Into<String>, code: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            code: code.into(),
        }
    }
}

fn in_range(
    field: &str,
    value: i64,
    range: std::ops::RangeInclusive<i64>,
) -> Result<u32, FieldIssue> {
    if range.contains(&value) {
        u32::try_from(value).map_err(|_| FieldIssue::new(field, "out-of-range"))
    } else {
        Err(FieldIssue::new(field, "out-of-range"))
    }
}

/// A quiz pass mark in percent, 0..=100 (`pass_mark`, `out-of-range`).
pub fn pass_mark(value: i64) -> Result<u32, FieldIssue> {
    in_range("pass_mark", value, 0..=100)
}

/// A module's estimated duration, 1..=600 minutes (`estimated_minutes`, `out-of-range`).
pub fn estimated_minutes(value: i64) -> Result<u32, FieldIssue> {
    in_range("estimated_minutes", value, 1..=600)
}

/// How long a completion stays valid, 0..=120 months, 0 = forever (`validity_months`,
/// `out-of-range`).
pub fn validity_months(value: i64) -> Result<u32, FieldIssue> {
    in_range("validity_months", value, 0..=120)
}

/// All issues of a module's numeric settings at once, in form order.
pub fn module_settings_issues(pass: i64, minutes: i64, validity: i64) -> Vec<FieldIssue> {
    [
        pass_mark(pass).err(),
        estimated_minutes(minutes).err(),
        validity_months(validity).err(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn tr(entries: &[(&str, &str, TranslationStatus)]) -> Translations {
        entries
            .iter()
            .map(|(l, t, s)| ((*l).to_owned(), ((*t).to_owned(), *s)))
            .collect()
    }

    use TranslationStatus::{Current, Draft, Outdated};

    #[test]
    fn a_trainee_sees_the_first_shown_locale_of_their_chain_else_the_source() {
        let chain = ["pl", "en"];
        let current = resolve_field(&chain, "en", "Fuel", &tr(&[("pl", "Paliwo", Current)]));
        assert_eq!(
            current,
            Resolved {
                text: "Paliwo".into(),
                locale: "pl".into(),
                fell_back: false,
                outdated: false
            }
        );
        let draft = resolve_field(&chain, "en", "Fuel", &tr(&[("pl", "Pal", Draft)]));
        assert_eq!((draft.text.as_str(), draft.locale.as_str()), ("Fuel", "en"));
        assert!(draft.fell_back && !draft.outdated);
        let old = resolve_field(&chain, "en", "Fuel", &tr(&[("pl", "Paliwo", Outdated)]));
        assert_eq!(
            (old.locale.as_str(), old.fell_back, old.outdated),
            ("pl", false, true)
        );
        let none = resolve_field(
            &["pl", "de"],
            "en",
            "Fuel",
            &tr(&[("fr", "Carburant", Current)]),
        );
        assert_eq!((none.text.as_str(), none.locale.as_str()), ("Fuel", "en"));
        assert!(none.fell_back);
    }

    #[test]
    fn the_source_locale_in_the_chain_stops_the_search_and_shadows_stored_translations() {
        let t = tr(&[("en", "Stale copy", Current), ("pl", "Paliwo", Current)]);
        let first = resolve_field(&["en", "pl"], "en", "Fuel", &t);
        assert_eq!((first.text.as_str(), first.fell_back), ("Fuel", false));
        let second = resolve_field(&["de", "en", "pl"], "en", "Fuel", &t);
        assert_eq!((second.text.as_str(), second.fell_back), ("Fuel", true));
        let empty = resolve_field(&[], "en", "Fuel", &t);
        assert_eq!((empty.locale.as_str(), empty.fell_back), ("en", false));
    }

    #[test]
    fn a_changed_source_bumps_the_version_and_outdates_only_current_translations() {
        assert_eq!(bump_on_change("Fuel", "Fuel", 3), (3, false));
        assert_eq!(bump_on_change("Fuel", "Fuel ", 3), (4, true));
        assert_eq!(bump_on_change("a", "b", u32::MAX), (u32::MAX, true));
        let mut t = tr(&[
            ("de", "x", Draft),
            ("fr", "y", Outdated),
            ("pl", "z", Current),
        ]);
        assert!(mark_outdated(false, &mut t).is_empty());
        assert_eq!(t["pl"].1, Current);
        assert_eq!(mark_outdated(true, &mut t), vec!["pl".to_owned()]);
        assert_eq!(
            (t["de"].1, t["fr"].1, t["pl"].1),
            (Draft, Outdated, Outdated)
        );
    }

    #[test]
    fn expiry_adds_whole_months_clamped_to_month_end_and_zero_never_expires() {
        assert_eq!(expiry_date(d(2025, 1, 31), 0), None);
        assert_eq!(expiry_date(d(2025, 1, 31), 1), Some(d(2025, 2, 28)));
        assert_eq!(expiry_date(d(2024, 1, 31), 1), Some(d(2024, 2, 29)));
        assert_eq!(expiry_date(d(2024, 2, 29), 12), Some(d(2025, 2, 28)));
        assert_eq!(expiry_date(d(2024, 2, 29), 48), Some(d(2028, 2, 29)));
        assert_eq!(expiry_date(d(2025, 3, 15), 24), Some(d(2027, 3, 15)));
        assert_eq!(expiry_date(d(2025, 8, 31), 1), Some(d(2025, 9, 30)));
        assert_eq!(expiry_date(NaiveDate::MAX, 1), Some(NaiveDate::MAX));
    }

    #[test]
    fn missing_prerequisites_are_the_direct_ones_without_a_valid_completion() {
        let edges = [
            (id(1), id(3)),
            (id(1), id(2)),
            (id(1), id(2)),
            (id(1), id(1)),
            (id(2), id(4)),
        ];
        let valid = BTreeSet::from([id(3)]);
        assert_eq!(missing_prerequisites(id(1), &edges, &valid), vec![id(2)]);
        assert_eq!(missing_prerequisites(id(2), &edges, &valid), vec![id(4)]);
        assert!(missing_prerequisites(id(4), &edges, &valid).is_empty());
    }

    #[test]
    fn prerequisite_cycles_are_found_and_reported_from_their_smallest_module() {
        assert_eq!(find_prerequisite_cycle(&[]), None);
        let chain = [(id(1), id(2)), (id(2), id(3)), (id(1), id(3))];
        assert_eq!(find_prerequisite_cycle(&chain), None);
        assert_eq!(
            find_prerequisite_cycle(&[(id(5), id(5))]),
            Some(vec![id(5)])
        );
        let looped = [
            (id(9), id(4)),
            (id(4), id(7)),
            (id(7), id(9)),
            (id(1), id(9)),
        ];
        assert_eq!(
            find_prerequisite_cycle(&looped),
            Some(vec![id(4), id(7), id(9)])
        );
        let mut reordered = looped;
        reordered.reverse();
        assert_eq!(
            find_prerequisite_cycle(&reordered),
            find_prerequisite_cycle(&looped)
        );
    }

    #[test]
    fn authoring_numbers_stay_within_their_ranges() {
        assert_eq!(pass_mark(0), Ok(0));
        assert_eq!(pass_mark(100), Ok(100));
        assert_eq!(
            pass_mark(101),
            Err(FieldIssue::new("pass_mark", "out-of-range"))
        );
        assert_eq!(pass_mark(-1).unwrap_err().field, "pass_mark");
        assert_eq!(estimated_minutes(1), Ok(1));
        assert_eq!(estimated_minutes(600), Ok(600));
        assert!(estimated_minutes(0).is_err() && estimated_minutes(601).is_err());
        assert_eq!(validity_months(0), Ok(0));
        assert_eq!(validity_months(120), Ok(120));
        assert!(validity_months(121).is_err() && validity_months(-1).is_err());
        let fields: Vec<String> = module_settings_issues(-5, 30, 200)
            .into_iter()
            .map(|i| i.field)
            .collect();
        assert_eq!(fields, vec!["pass_mark", "validity_months"]);
    }
}
