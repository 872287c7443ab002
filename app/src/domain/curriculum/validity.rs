//! A person's completions of one module as disjoint day ranges, so "is the module valid on D,
//! and until when" is answered by the one range holding D instead of grouping every
//! completion: the readiness aggregation over millions of completions reads ranges only.
//!
//! Days are numbered from 1970-01-01 (day 0). A completion is valid on the days
//! `[completed_on, expires_on)`; "never expires" is [`NEVER`].

use chrono::NaiveDate;

const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The day number of 9999-12-31: stands for "never expires".
pub const NEVER: i32 = 2_932_896;

/// Days since 1970-01-01, saturated to the `i32` range.
pub fn day_number(day: NaiveDate) -> i32 {
    i32::try_from(day.signed_duration_since(EPOCH).num_days()).unwrap_or(if day < EPOCH {
        i32::MIN
    } else {
        i32::MAX
    })
}

/// The day after the last valid day, as a day number; [`NEVER`] when it never expires.
pub fn until_number(expires_on: Option<NaiveDate>) -> i32 {
    expires_on.map_or(NEVER, |d| day_number(d).min(NEVER))
}

/// The date of a lapse day number; `None` for [`NEVER`] (and beyond).
pub fn lapse_date(day: i32) -> Option<NaiveDate> {
    if day >= NEVER {
        return None;
    }
    EPOCH.checked_add_signed(chrono::Duration::days(i64::from(day)))
}

/// On every day of `[from, until)` the module is valid and the latest expiry among the
/// completions made so far is `lapses` (the day the module lapses unless it is done again).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    pub from: i32,
    pub until: i32,
    pub lapses: i32,
}

/// The pieces of one person's completions of one module, given as `(completed_on, expires_on)`
/// day numbers in any order. Each completion opens a piece that lasts until the next completion
/// or until every completion so far has expired, whichever is first; empty pieces are left out.
/// So the pieces never overlap, and a day lies in one exactly when some completion made by that
/// day is valid on it.
pub fn pieces(mut completions: Vec<(i32, i32)>) -> Vec<Piece> {
    completions.sort_unstable();
    let mut out = Vec::with_capacity(completions.len());
    let mut lapses = i32::MIN;
    for (i, &(from, until)) in completions.iter().enumerate() {
        lapses = lapses.max(until);
        let end = completions
            .get(i + 1)
            .map_or(lapses, |&(next, _)| next.min(lapses));
        if from < end {
            out.push(Piece {
                from,
                until: end,
                lapses,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn day_numbers_count_from_1970() {
        assert_eq!(day_number(d(1970, 1, 1)), 0);
        assert_eq!(day_number(d(2026, 11, 28)), 20_785);
        assert_eq!(day_number(d(9999, 12, 31)), NEVER);
        assert_eq!(until_number(None), NEVER);
        assert_eq!(until_number(Some(d(1970, 1, 11))), 10);
        assert_eq!(lapse_date(20_785), Some(d(2026, 11, 28)));
        assert_eq!(lapse_date(day_number(d(2031, 2, 28))), Some(d(2031, 2, 28)));
        assert_eq!(lapse_date(NEVER), None);
    }

    #[test]
    fn a_renewal_before_expiry_extends_the_lapse_day_from_its_own_day_on() {
        // done on day 0 valid to 100; done again on day 80 valid to 180
        let p = pieces(vec![(80, 180), (0, 100)]);
        assert_eq!(
            p,
            vec![
                Piece {
                    from: 0,
                    until: 80,
                    lapses: 100
                },
                Piece {
                    from: 80,
                    until: 180,
                    lapses: 180
                },
            ]
        );
    }

    #[test]
    fn a_gap_between_completions_is_a_gap_between_pieces() {
        let p = pieces(vec![(0, 10), (20, NEVER)]);
        assert_eq!(p.len(), 2);
        assert_eq!((p[0].from, p[0].until), (0, 10));
        assert_eq!((p[1].from, p[1].until, p[1].lapses), (20, NEVER, NEVER));
    }

    #[test]
    fn a_shorter_renewal_keeps_the_longer_validity() {
        // the later completion expires first: the module stays valid to day 100
        let p = pieces(vec![(0, 100), (10, 50)]);
        assert_eq!(p.last().map(|x| (x.until, x.lapses)), Some((100, 100)));
        assert!(pieces(vec![]).is_empty());
        // two on one day: one piece
        assert_eq!(pieces(vec![(5, 9), (5, 30)]).len(), 1);
    }

    proptest! {
        /// The pieces agree with the completions themselves on every day: a day is covered by
        /// one piece exactly when a completion made by then is valid, and the piece's lapse day
        /// is the latest expiry among those completions.
        #[test]
        fn pieces_answer_like_the_completions(
            raw in prop::collection::vec((0i32..60, 1i32..40, any::<bool>()), 0..6),
        ) {
            let completions: Vec<(i32, i32)> = raw
                .iter()
                .map(|&(from, len, never)| (from, if never { NEVER } else { from + len }))
                .collect();
            let p = pieces(completions.clone());
            for day in -1..110 {
                let valid: Vec<i32> = completions
                    .iter()
                    .filter(|&&(f, u)| f <= day && day < u)
                    .map(|&(_, u)| u)
                    .collect();
                let holding: Vec<&Piece> =
                    p.iter().filter(|x| x.from <= day && day < x.until).collect();
                prop_assert!(holding.len() <= 1);
                prop_assert_eq!(holding.first().map(|x| x.lapses), valid.iter().max().copied());
            }
        }
    }
}
