//! The soft score of an eligible pair: four components, each a raw value in 0..=100 times its
//! weight. Must not import the solver or I/O.
//!
//! * **specialty** — `100 × hits / needs` (rounded down), where `needs` counts the mentee's wanted
//!   specialties plus gap modules (incomplete or expired) and `hits` counts the wanted specialties
//!   the mentor has plus the gap modules the mentor currently holds; 0 when the mentee states no
//!   needs.
//! * **cross_nation** — 100 when mentor and mentee serve different nations, else 0.
//! * **proximity** — 100 on the same base; otherwise, when both UTC offsets are known,
//!   `80 × (720 − d) / 720` for a circular offset difference of `d ≤ 720` minutes (80 in the
//!   same time zone, 0 twelve hours apart); otherwise 0.
//! * **language** — 100 when both prefer the same language; 50 when one side's preferred language
//!   is a working language of the other; else 0.

use super::eligibility::{Pool, common, size};
use super::model::{ScoreBreakdown, ScoreComponent, Weights};

/// Raw component values in the order specialty, cross-nation, proximity, language.
pub(crate) fn raws(pool: &Pool<'_>, mentor: usize, mentee: usize) -> [u32; 4] {
    let (a, b) = (pool.mentors[mentor], pool.mentees[mentee]);

    let needs = size(pool.mentee_specs.row(mentee)) + size(pool.mentee_gaps.row(mentee));
    let hits = common(pool.mentor_specs.row(mentor), pool.mentee_specs.row(mentee))
        + common(
            pool.mentor_modules.row(mentor),
            pool.mentee_gaps.row(mentee),
        );
    let specialty = (100 * hits).checked_div(needs).unwrap_or(0);

    let cross_nation = if a.nation_id != b.nation_id { 100 } else { 0 };

    let proximity = match (
        a.base_id,
        b.base_id,
        a.utc_offset_minutes,
        b.utc_offset_minutes,
    ) {
        (Some(x), Some(y), _, _) if x == y => 100,
        (_, _, Some(x), Some(y)) => {
            let d = (i64::from(x) - i64::from(y)).rem_euclid(1440);
            let d = d.min(1440 - d);
            (80 * (720 - d) / 720) as u32
        }
        _ => 0,
    };

    let (pa, pb) = (pool.mentor_pref[mentor], pool.mentee_pref[mentee]);
    let language = match (pa, pb) {
        (Some(x), Some(y)) if x == y => 100,
        _ if pa.is_some_and(|x| pool.mentee_langs.contains(mentee, x))
            || pb.is_some_and(|y| pool.mentor_langs.contains(mentor, y)) =>
        {
            50
        }
        _ => 0,
    };

    [specialty, cross_nation, proximity, language]
}

/// The pair's total: `Σ raw × weight`.
pub(crate) fn total(raws: [u32; 4], w: &Weights) -> i64 {
    let ws = [w.specialty, w.cross_nation, w.proximity, w.language];
    raws.iter()
        .zip(ws)
        .map(|(r, w)| i64::from(*r) * i64::from(w))
        .sum()
}

/// The full explanation of a pair's score.
pub(crate) fn breakdown(raws: [u32; 4], w: &Weights) -> ScoreBreakdown {
    let part = |raw: u32, weight: u32| ScoreComponent {
        raw,
        weight,
        contribution: i64::from(raw) * i64::from(weight),
    };
    ScoreBreakdown {
        specialty: part(raws[0], w.specialty),
        cross_nation: part(raws[1], w.cross_nation),
        proximity: part(raws[2], w.proximity),
        language: part(raws[3], w.language),
        total: total(raws, w),
    }
}

#[cfg(test)]
mod tests {
    use super::super::eligibility::tests::{id, input, mentee, mentor};
    use super::super::model::{Mentee, Mentor};
    use super::*;

    fn raws_of(a: Mentor, b: Mentee) -> [u32; 4] {
        let inp = input(vec![a], vec![b]);
        raws(&Pool::new(&inp), 0, 0)
    }

    #[test]
    fn specialty_fit_counts_wanted_specialties_and_gap_modules_the_mentor_covers() {
        let mut a = mentor(1);
        a.specialties = vec!["Fuel".into(), "ammunition".into()];
        a.current_modules = vec!["LOG-101".into()];
        let mut b = mentee(2);
        b.specialties_wanted = vec!["fuel".into(), "medical logistics".into()];
        b.gap_modules = vec!["log-101".into(), "LOG-202".into()];
        assert_eq!(raws_of(a.clone(), b.clone())[0], 50, "2 hits of 4 needs");
        b.gap_modules.clear();
        b.specialties_wanted = vec!["fuel".into(), "ammunition".into(), "movement".into()];
        assert_eq!(raws_of(a.clone(), b.clone())[0], 66, "rounded down");
        b.specialties_wanted.clear();
        assert_eq!(raws_of(a, b)[0], 0, "no stated needs");
    }

    #[test]
    fn a_specialty_name_does_not_match_a_module_name() {
        let mut a = mentor(1);
        a.specialties = vec!["fuel".into()];
        let mut b = mentee(2);
        b.gap_modules = vec!["fuel".into()];
        assert_eq!(raws_of(a, b)[0], 0);
    }

    #[test]
    fn cross_nation_pairs_score_full_marks() {
        let mut a = mentor(1);
        assert_eq!(raws_of(a.clone(), mentee(2))[1], 0);
        a.nation_id = id(9002);
        assert_eq!(raws_of(a, mentee(2))[1], 100);
    }

    #[test]
    fn proximity_prefers_the_same_base_then_close_time_zones() {
        let mut a = mentor(1);
        let mut b = mentee(2);
        assert_eq!(raws_of(a.clone(), b.clone())[2], 0, "nothing known");
        a.base_id = Some(id(70));
        b.base_id = Some(id(70));
        assert_eq!(raws_of(a.clone(), b.clone())[2], 100);
        b.base_id = Some(id(71));
        a.utc_offset_minutes = Some(60);
        b.utc_offset_minutes = Some(60);
        assert_eq!(raws_of(a.clone(), b.clone())[2], 80);
        b.utc_offset_minutes = Some(-300);
        assert_eq!(raws_of(a.clone(), b.clone())[2], 80 * (720 - 360) / 720);
        a.utc_offset_minutes = Some(720);
        b.utc_offset_minutes = Some(-660);
        assert_eq!(raws_of(a.clone(), b.clone())[2], 80 * 660 / 720, "wraps");
        b.utc_offset_minutes = Some(0);
        assert_eq!(raws_of(a, b)[2], 0, "twelve hours apart");
    }

    #[test]
    fn a_shared_preferred_language_beats_one_spoken_by_the_other_side() {
        let mut a = mentor(1);
        a.languages = vec!["en".into(), "fr".into()];
        let mut b = mentee(2);
        b.languages = vec!["en".into(), "fr".into()];
        assert_eq!(raws_of(a.clone(), b.clone())[3], 0);
        b.preferred_language = Some("fr".into());
        assert_eq!(raws_of(a.clone(), b.clone())[3], 50);
        a.preferred_language = Some("FR".into());
        assert_eq!(raws_of(a.clone(), b.clone())[3], 100);
        a.preferred_language = Some("en".into());
        assert_eq!(raws_of(a.clone(), b.clone())[3], 50);
        b.preferred_language = Some("de".into());
        b.languages = vec!["de".into()];
        a.languages = vec!["en".into()];
        assert_eq!(raws_of(a, b)[3], 0);
    }

    #[test]
    fn total_is_the_sum_of_weighted_contributions() {
        let w = Weights {
            specialty: 3,
            cross_nation: 5,
            proximity: 7,
            language: 11,
        };
        let b = breakdown([10, 100, 40, 50], &w);
        assert_eq!(b.specialty.contribution, 30);
        assert_eq!(b.cross_nation.contribution, 500);
        assert_eq!(b.proximity.weight, 7);
        assert_eq!(b.language.contribution, 550);
        assert_eq!(b.total, 30 + 500 + 280 + 550);
        assert_eq!(total([10, 100, 40, 50], &w), b.total);
    }
}
