//! Mentor matching ("Muster"): pairs the whole mentee pool with mentors at once, provably
//! optimally under hard rules, and explains every pair and every mentee left unmatched.
//! Pure: must not import I/O, clocks, randomness, sea-orm, axum, tokio or `crate::server`.
//!
//! A run maximises the number of matched mentees first and the total soft score second
//! (specialty fit, cross-nation, proximity, preferred language: each a raw value 0..=100 times
//! a per-run weight, see `score.rs`), honouring every pin and forbid and never exceeding a
//! mentor's free capacity (`capacity − active_mentees`, pins included). Pins are checked like
//! any pair: a pin that breaks a hard rule — or is also forbidden — refuses the whole run.
//!
//! Files: `model` (data), `eligibility` (hard rules), `score` (soft score), `flow` and
//! `primal_dual` (the optimiser), `explain` (unmatched reasons), `pairing` (a run).

mod eligibility;
mod explain;
mod flow;
mod model;
mod pairing;
mod primal_dual;
mod score;

#[cfg(test)]
mod oracle;

pub use explain::NEAREST_LIMIT;
pub use model::*;
pub use pairing::run;

use eligibility::Pool;

/// Every eligible `(mentor, mentee)` pair with its score, sorted by (mentor id, mentee id), for
/// integrators auditing an optimum. Pins are ignored; forbids apply. Fails on invalid weights,
/// invalid ranks or duplicate people.
pub fn eligible_pairs(input: &RunInput) -> Result<Vec<EligiblePair>, MatchError> {
    let pool = validated_pool(input)?;
    let mut out = Vec::new();
    for a in (0..pool.mentors.len()).filter(|&a| pool.mentor_open(a)) {
        for b in 0..pool.mentees.len() {
            if pool.eligible(a, b) {
                out.push(EligiblePair {
                    mentor_id: pool.mentors[a].person_id,
                    mentee_id: pool.mentees[b].person_id,
                    breakdown: score::breakdown(score::raws(&pool, a, b), &input.weights),
                });
            }
        }
    }
    Ok(out)
}

fn validated_pool(input: &RunInput) -> Result<Pool<'_>, MatchError> {
    input.weights.validate()?;
    let ranks = input.mentors.iter().map(|m| (m.person_id, m.rank));
    let ranks = ranks.chain(input.mentees.iter().map(|m| (m.person_id, m.rank)));
    let mut bad: Vec<_> = ranks
        .filter(|(_, r)| !r.is_valid())
        .map(|(p, _)| p)
        .collect();
    bad.sort_unstable();
    if let Some(&person_id) = bad.first() {
        return Err(MatchError::InvalidRank { person_id });
    }
    let pool = Pool::new(input);
    if let Some(w) = pool
        .mentors
        .windows(2)
        .find(|w| w[0].person_id == w[1].person_id)
    {
        return Err(MatchError::DuplicateMentor {
            person_id: w[0].person_id,
        });
    }
    if let Some(w) = pool
        .mentees
        .windows(2)
        .find(|w| w[0].person_id == w[1].person_id)
    {
        return Err(MatchError::DuplicateMentee {
            person_id: w[0].person_id,
        });
    }
    Ok(pool)
}
