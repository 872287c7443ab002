//! Hard constraints: an interned, id-sorted view of the pool that answers "which rules does this
//! mentor–mentee pair break?" fast enough for every pair. Must not import the solver or I/O.

use std::collections::BTreeMap;

use uuid::Uuid;

use super::model::{Constraint, Mentee, Mentor, RunInput};

/// A set of [`Constraint`]s as bits, in [`Constraint::ALL`] order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Broken(u8);

impl Broken {
    fn bit(c: Constraint) -> u8 {
        1 << (c as u8)
    }

    fn add(&mut self, c: Constraint) {
        self.0 |= Self::bit(c);
    }

    pub(crate) fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub(crate) fn count(self) -> u32 {
        self.0.count_ones()
    }

    pub(crate) fn to_vec(self) -> Vec<Constraint> {
        Constraint::ALL
            .into_iter()
            .filter(|c| self.0 & Self::bit(*c) != 0)
            .collect()
    }
}

/// Trimmed, lower-cased; empty strings are dropped by callers.
pub(crate) fn normalise(raw: &str) -> String {
    raw.trim().to_lowercase()
}

/// Interns strings to dense ids and stores each person's set as a bitset row.
#[derive(Default)]
pub(crate) struct Vocabulary {
    ids: BTreeMap<String, usize>,
}

impl Vocabulary {
    fn learn<'a>(&mut self, words: impl IntoIterator<Item = &'a String>) {
        for w in words {
            let w = normalise(w);
            if !w.is_empty() {
                let next = self.ids.len();
                self.ids.entry(w).or_insert(next);
            }
        }
    }

    fn words(&self) -> usize {
        self.ids.len().div_ceil(64).max(1)
    }

    fn id(&self, raw: &str) -> Option<usize> {
        self.ids.get(&normalise(raw)).copied()
    }

    fn bits<'a>(&self, words: impl IntoIterator<Item = &'a String>) -> Vec<u64> {
        let mut row = vec![0u64; self.words()];
        for w in words {
            if let Some(i) = self.id(w) {
                row[i / 64] |= 1 << (i % 64);
            }
        }
        row
    }
}

/// A bitset row per person, flattened.
pub(crate) struct BitRows {
    stride: usize,
    data: Vec<u64>,
}

impl BitRows {
    fn new(vocab: &Vocabulary, rows: impl Iterator<Item = Vec<u64>>) -> Self {
        let stride = vocab.words();
        BitRows {
            stride,
            data: rows.flatten().collect(),
        }
    }

    pub(crate) fn row(&self, i: usize) -> &[u64] {
        &self.data[i * self.stride..(i + 1) * self.stride]
    }

    pub(crate) fn contains(&self, i: usize, bit: usize) -> bool {
        self.row(i)[bit / 64] & (1 << (bit % 64)) != 0
    }
}

pub(crate) fn intersects(a: &[u64], b: &[u64]) -> bool {
    a.iter().zip(b).any(|(x, y)| x & y != 0)
}

pub(crate) fn common(a: &[u64], b: &[u64]) -> u32 {
    a.iter().zip(b).map(|(x, y)| (x & y).count_ones()).sum()
}

pub(crate) fn size(a: &[u64]) -> u32 {
    a.iter().map(|x| x.count_ones()).sum()
}

/// The pool sorted by person id (so results never depend on input order), with every
/// set-valued field interned.
pub(crate) struct Pool<'a> {
    pub mentors: Vec<&'a Mentor>,
    pub mentees: Vec<&'a Mentee>,
    pub min_years_gap: u32,
    pub mentor_langs: BitRows,
    pub mentee_langs: BitRows,
    /// Interned preferred language per person, if it is a known word.
    pub mentor_pref: Vec<Option<usize>>,
    pub mentee_pref: Vec<Option<usize>>,
    pub mentor_specs: BitRows,
    pub mentee_specs: BitRows,
    pub mentor_modules: BitRows,
    pub mentee_gaps: BitRows,
    mentor_commands: Vec<Vec<Uuid>>,
    mentee_chain: Vec<Vec<Uuid>>,
    /// Forbidden mentor indices per mentee, sorted.
    forbidden: Vec<Vec<u32>>,
}

impl<'a> Pool<'a> {
    /// Sorts and interns the pool. Duplicate ids are the caller's concern (checked earlier).
    pub(crate) fn new(input: &'a RunInput) -> Self {
        let mut mentors: Vec<&Mentor> = input.mentors.iter().collect();
        mentors.sort_by_key(|m| m.person_id);
        let mut mentees: Vec<&Mentee> = input.mentees.iter().collect();
        mentees.sort_by_key(|m| m.person_id);

        let mut langs = Vocabulary::default();
        for m in &mentors {
            langs.learn(m.languages.iter().chain(&m.preferred_language));
        }
        for m in &mentees {
            langs.learn(m.languages.iter().chain(&m.preferred_language));
        }
        let mut specs = Vocabulary::default();
        let mut modules = Vocabulary::default();
        for m in &mentors {
            specs.learn(&m.specialties);
            modules.learn(&m.current_modules);
        }
        for m in &mentees {
            specs.learn(&m.specialties_wanted);
            modules.learn(&m.gap_modules);
        }

        let mut forbidden = vec![Vec::new(); mentees.len()];
        for (mentor, mentee) in &input.forbids {
            if let (Ok(a), Ok(b)) = (
                mentors.binary_search_by_key(mentor, |m| m.person_id),
                mentees.binary_search_by_key(mentee, |m| m.person_id),
            ) {
                forbidden[b].push(a as u32);
            }
        }
        for f in &mut forbidden {
            f.sort_unstable();
            f.dedup();
        }

        let sorted = |v: &Vec<Uuid>| {
            let mut v = v.clone();
            v.sort_unstable();
            v.dedup();
            v
        };
        Pool {
            mentor_langs: BitRows::new(
                &langs,
                mentors
                    .iter()
                    .map(|m| langs.bits(m.languages.iter().chain(&m.preferred_language))),
            ),
            mentee_langs: BitRows::new(
                &langs,
                mentees
                    .iter()
                    .map(|m| langs.bits(m.languages.iter().chain(&m.preferred_language))),
            ),
            mentor_pref: mentors
                .iter()
                .map(|m| m.preferred_language.as_deref().and_then(|l| langs.id(l)))
                .collect(),
            mentee_pref: mentees
                .iter()
                .map(|m| m.preferred_language.as_deref().and_then(|l| langs.id(l)))
                .collect(),
            mentor_specs: BitRows::new(&specs, mentors.iter().map(|m| specs.bits(&m.specialties))),
            mentee_specs: BitRows::new(
                &specs,
                mentees.iter().map(|m| specs.bits(&m.specialties_wanted)),
            ),
            mentor_modules: BitRows::new(
                &modules,
                mentors.iter().map(|m| modules.bits(&m.current_modules)),
            ),
            mentee_gaps: BitRows::new(
                &modules,
                mentees.iter().map(|m| modules.bits(&m.gap_modules)),
            ),
            mentor_commands: mentors.iter().map(|m| sorted(&m.commands_units)).collect(),
            mentee_chain: mentees.iter().map(|m| sorted(&m.unit_chain)).collect(),
            forbidden,
            min_years_gap: input.min_years_gap,
            mentors,
            mentees,
        }
    }

    /// Capacity left before pins: `capacity − active_mentees`, never negative.
    pub(crate) fn free_capacity(&self, mentor: usize) -> u32 {
        let m = self.mentors[mentor];
        m.capacity.saturating_sub(m.active_mentees)
    }

    /// Whether the mentor-only rules (availability, free capacity) hold.
    pub(crate) fn mentor_open(&self, mentor: usize) -> bool {
        self.mentors[mentor].available && self.free_capacity(mentor) > 0
    }

    /// Every hard constraint the pair breaks (empty: eligible).
    pub(crate) fn broken(&self, mentor: usize, mentee: usize) -> Broken {
        let mut out = Broken::default();
        let (a, b) = (self.mentors[mentor], self.mentees[mentee]);
        if a.person_id == b.person_id {
            out.add(Constraint::SamePerson);
        }
        if !a.available {
            out.add(Constraint::Unavailable);
        }
        if self.free_capacity(mentor) == 0 {
            out.add(Constraint::NoFreeCapacity);
        }
        out.0 |= self.pair_rules(mentor, mentee).0;
        out
    }

    /// Whether the pair is eligible; the short-circuiting twin of [`Pool::broken`].
    pub(crate) fn eligible(&self, mentor: usize, mentee: usize) -> bool {
        self.mentor_open(mentor)
            && self.mentors[mentor].person_id != self.mentees[mentee].person_id
            && self.senior(mentor, mentee)
            && self.share_language(mentor, mentee)
            && !self.commands(mentor, mentee)
            && !self.forbidden(mentor, mentee)
    }

    fn pair_rules(&self, mentor: usize, mentee: usize) -> Broken {
        let mut out = Broken::default();
        if !self.share_language(mentor, mentee) {
            out.add(Constraint::NoSharedLanguage);
        }
        if !self.senior(mentor, mentee) {
            out.add(Constraint::NotSenior);
        }
        if self.commands(mentor, mentee) {
            out.add(Constraint::ChainOfCommand);
        }
        if self.forbidden(mentor, mentee) {
            out.add(Constraint::Forbidden);
        }
        out
    }

    fn share_language(&self, mentor: usize, mentee: usize) -> bool {
        intersects(self.mentor_langs.row(mentor), self.mentee_langs.row(mentee))
    }

    /// A higher grade, or at least `min_years_gap` more years in logistics.
    fn senior(&self, mentor: usize, mentee: usize) -> bool {
        let (a, b) = (self.mentors[mentor], self.mentees[mentee]);
        a.rank.ordinal() > b.rank.ordinal()
            || u64::from(a.years) >= u64::from(b.years) + u64::from(self.min_years_gap)
    }

    /// The mentor commands the mentee's unit or a unit above it.
    fn commands(&self, mentor: usize, mentee: usize) -> bool {
        let chain = &self.mentee_chain[mentee];
        self.mentor_commands[mentor]
            .iter()
            .any(|u| chain.binary_search(u).is_ok())
    }

    fn forbidden(&self, mentor: usize, mentee: usize) -> bool {
        self.forbidden[mentee]
            .binary_search(&(mentor as u32))
            .is_ok()
    }

    pub(crate) fn mentor_index(&self, id: Uuid) -> Option<usize> {
        self.mentors.binary_search_by_key(&id, |m| m.person_id).ok()
    }

    pub(crate) fn mentee_index(&self, id: Uuid) -> Option<usize> {
        self.mentees.binary_search_by_key(&id, |m| m.person_id).ok()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::model::{RankGrade, Weights};
    use super::*;

    pub(crate) fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    /// An available OF-3 mentor with 15 years, speaking English, capacity 2, nothing else.
    pub(crate) fn mentor(n: u128) -> Mentor {
        Mentor {
            person_id: id(n),
            capacity: 2,
            active_mentees: 0,
            available: true,
            languages: vec!["en".into()],
            specialties: vec![],
            current_modules: vec![],
            years: 15,
            rank: RankGrade::Of(3),
            nation_id: id(9001),
            base_id: None,
            utc_offset_minutes: None,
            commands_units: vec![],
            preferred_language: None,
        }
    }

    /// An OR-4 mentee with 3 years, speaking English, in unit chain [801, 800].
    pub(crate) fn mentee(n: u128) -> Mentee {
        Mentee {
            person_id: id(n),
            languages: vec!["en".into()],
            specialties_wanted: vec![],
            gap_modules: vec![],
            years: 3,
            rank: RankGrade::Or(4),
            nation_id: id(9001),
            base_id: None,
            utc_offset_minutes: None,
            unit_chain: vec![id(801), id(800)],
            preferred_language: None,
        }
    }

    pub(crate) fn input(mentors: Vec<Mentor>, mentees: Vec<Mentee>) -> RunInput {
        RunInput {
            mentors,
            mentees,
            weights: Weights::default(),
            min_years_gap: 5,
            pins: vec![],
            forbids: vec![],
        }
    }

    fn broken_one(a: Mentor, b: Mentee) -> Vec<Constraint> {
        broken_with(input(vec![a], vec![b]))
    }

    fn broken_with(inp: RunInput) -> Vec<Constraint> {
        let pool = Pool::new(&inp);
        let got = pool.broken(0, 0);
        assert_eq!(pool.eligible(0, 0), got.is_empty());
        got.to_vec()
    }

    #[test]
    fn a_plain_senior_pair_sharing_a_language_is_eligible() {
        assert_eq!(broken_one(mentor(1), mentee(2)), vec![]);
    }

    #[test]
    fn a_person_cannot_mentor_themself() {
        assert_eq!(
            broken_one(mentor(1), mentee(1)),
            vec![Constraint::SamePerson]
        );
    }

    #[test]
    fn unavailable_mentors_are_excluded() {
        let mut a = mentor(1);
        a.available = false;
        assert_eq!(broken_one(a, mentee(2)), vec![Constraint::Unavailable]);
    }

    #[test]
    fn mentors_whose_active_mentees_fill_capacity_are_excluded() {
        let mut a = mentor(1);
        a.active_mentees = 2;
        assert_eq!(
            broken_one(a.clone(), mentee(2)),
            vec![Constraint::NoFreeCapacity]
        );
        a.active_mentees = 1;
        assert_eq!(broken_one(a.clone(), mentee(2)), vec![]);
        a.capacity = 0;
        a.active_mentees = 0;
        assert_eq!(broken_one(a, mentee(2)), vec![Constraint::NoFreeCapacity]);
    }

    #[test]
    fn pairs_need_a_shared_language_compared_case_insensitively() {
        let mut a = mentor(1);
        a.languages = vec!["fr".into(), "de".into()];
        assert_eq!(
            broken_one(a.clone(), mentee(2)),
            vec![Constraint::NoSharedLanguage]
        );
        let mut b = mentee(2);
        b.languages = vec![" FR ".into()];
        assert_eq!(broken_one(a.clone(), b), vec![]);
        let mut b = mentee(2);
        b.languages = vec![];
        b.preferred_language = Some("De".into());
        assert_eq!(broken_one(a, b), vec![], "a preferred language is spoken");
    }

    #[test]
    fn seniority_needs_a_higher_grade_or_enough_extra_years() {
        let mut a = mentor(1);
        a.rank = RankGrade::Or(4);
        a.years = 7;
        assert_eq!(
            broken_one(a.clone(), mentee(2)),
            vec![Constraint::NotSenior],
            "same grade, 4 more years (< 5)"
        );
        a.years = 8;
        assert_eq!(broken_one(a.clone(), mentee(2)), vec![], "5 more years");
        a.years = 3;
        a.rank = RankGrade::Or(5);
        assert_eq!(broken_one(a.clone(), mentee(2)), vec![], "higher grade");
        let mut b = mentee(2);
        b.rank = RankGrade::Of(1);
        a.rank = RankGrade::Or(9);
        a.years = 30;
        assert_eq!(broken_one(a.clone(), b.clone()), vec![], "years suffice");
        a.years = 7;
        assert_eq!(broken_one(a.clone(), b), vec![Constraint::NotSenior]);
        let mut inp = input(vec![a], vec![mentee(2)]);
        inp.mentors[0].rank = RankGrade::Or(4);
        inp.min_years_gap = 4;
        assert_eq!(broken_with(inp), vec![], "the gap is configurable");
    }

    #[test]
    fn commanders_of_the_mentees_unit_or_any_unit_above_are_excluded() {
        let mut a = mentor(1);
        a.commands_units = vec![id(800)];
        assert_eq!(
            broken_one(a.clone(), mentee(2)),
            vec![Constraint::ChainOfCommand]
        );
        a.commands_units = vec![id(555), id(801)];
        assert_eq!(
            broken_one(a.clone(), mentee(2)),
            vec![Constraint::ChainOfCommand]
        );
        a.commands_units = vec![id(802)];
        assert_eq!(broken_one(a, mentee(2)), vec![], "a sibling unit is fine");
    }

    #[test]
    fn forbidden_pairs_are_excluded_in_one_direction_only() {
        let mut inp = input(vec![mentor(1)], vec![mentee(2)]);
        inp.forbids = vec![(id(1), id(2))];
        assert_eq!(broken_with(inp.clone()), vec![Constraint::Forbidden]);
        inp.forbids = vec![(id(2), id(1))];
        assert_eq!(broken_with(inp), vec![]);
    }

    #[test]
    fn every_broken_rule_is_reported_in_order() {
        let mut a = mentor(1);
        a.available = false;
        a.languages = vec!["pl".into()];
        a.rank = RankGrade::Or(1);
        a.years = 0;
        a.commands_units = vec![id(801)];
        let mut inp = input(vec![a], vec![mentee(1)]);
        inp.forbids = vec![(id(1), id(1))];
        inp.mentors[0].capacity = 0;
        assert_eq!(broken_with(inp), Constraint::ALL.to_vec());
    }
}
