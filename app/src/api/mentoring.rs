//! Mentor pairing: profiles, matching runs and their proposals, pairings and check-ins — the DTOs
//! shared by pages and the API, and the server functions the pages call.

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use crate::domain::matching::{Constraint, ScoreBreakdown, Weights};
use crate::error::{AppError, FieldError};

/// Which mentees a run pairs. Mentors come from the whole alliance: pairing across nations is
/// the point.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PoolSpec {
    /// Every mentee of one nation.
    Nation { nation_id: Uuid },
    /// Every mentee in these units and the units below them.
    Units { unit_ids: Vec<Uuid> },
    /// Every mentee in the caller's scope (their nation, or the alliance).
    Everyone,
}

/// A mentor–mentee pair named by person ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PairRef {
    pub mentor_id: Uuid,
    pub mentee_id: Uuid,
}

/// A request to run the matching.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewRun {
    pub pool: PoolSpec,
    /// Each weight 0..=100; defaults: specialty 50, cross-nation 20, proximity 15, language 15.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub weights: Weights,
    /// Extra years in logistics that make a mentor senior without a higher rank (default 5).
    #[serde(default)]
    pub min_years_gap: Option<u32>,
    #[serde(default)]
    pub pins: Vec<PairRef>,
    #[serde(default)]
    pub forbids: Vec<PairRef>,
}

/// A run was queued; poll `GET /api/v1/mentoring/runs/{id}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RunCreated {
    pub id: Uuid,
    pub status: String,
}

/// A person as the mentoring views name them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PersonRef {
    pub id: Uuid,
    pub username: String,
    pub name: String,
    pub nation_code: Option<String>,
    pub rank: String,
}

/// One proposed pair of a run, with its score explanation and its pairing (once stored).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProposalView {
    pub mentor: PersonRef,
    pub mentee: PersonRef,
    pub pinned: bool,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub breakdown: ScoreBreakdown,
    pub pairing_id: Option<Uuid>,
    /// `proposed`, `active` or `ended`.
    pub status: String,
}

/// A mentor that nearly qualified and the rules that excluded it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NearMissView {
    pub mentor: PersonRef,
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<String>))]
    pub constraints: Vec<Constraint>,
}

/// A mentee left without a mentor and why: `no_eligible_mentor` (with the nearest misses) or
/// `capacity_taken` (eligible mentors exist, their places went to better pairs).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UnmatchedView {
    pub mentee: PersonRef,
    pub reason: String,
    pub eligible_mentors: usize,
    pub nearest: Vec<NearMissView>,
}

/// Mentees per mentor for one group of mentors (a nation or a rank grade).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FairnessRow {
    /// `nation` or `rank`.
    pub group: String,
    pub label: String,
    pub mentors: usize,
    pub mentees: usize,
}

/// A run: request, progress and (when done) the optimum explained.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RunView {
    pub id: Uuid,
    /// `queued`, `running`, `done` or `failed`.
    pub status: String,
    /// 0..=100.
    pub progress: i32,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub pool: PoolSpec,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub weights: Weights,
    pub min_years_gap: u32,
    pub pins: Vec<PairRef>,
    pub forbids: Vec<PairRef>,
    pub mentors_in_pool: usize,
    pub mentees_in_pool: usize,
    pub matched: usize,
    pub total_score: i64,
    pub proposals: Vec<ProposalView>,
    pub unmatched: Vec<UnmatchedView>,
    pub fairness: Vec<FairnessRow>,
    /// Why a failed run failed: a stable code such as `pin_breaks_constraints`.
    pub error: Option<String>,
}

/// A run in a list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RunSummary {
    pub id: Uuid,
    pub status: String,
    pub progress: i32,
    pub created_at: DateTime<Utc>,
    pub pool: PoolSpec,
    pub matched: Option<usize>,
}

/// The runs page: recent runs in the caller's scope and the nations they may pool.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunsPage {
    pub alliance: bool,
    pub nations: Vec<(Uuid, String)>,
    pub runs: Vec<RunSummary>,
}

/// An eligible pair of a run with its score, for auditing the optimum independently.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CandidateView {
    pub mentor_id: Uuid,
    pub mentee_id: Uuid,
    pub score: i64,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub breakdown: ScoreBreakdown,
}

/// Which proposals to accept: listed pairs, or all of them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AcceptRequest {
    #[serde(default)]
    pub pairs: Vec<PairRef>,
    #[serde(default)]
    pub all: bool,
}

/// A proposal that could not be accepted, and why (`mentee-paired`, `mentor-full`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SkippedPair {
    pub mentor_id: Uuid,
    pub mentee_id: Uuid,
    pub reason: String,
}

/// What an accept did.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AcceptReport {
    /// The pairings now active.
    pub accepted: Vec<Uuid>,
    pub skipped: Vec<SkippedPair>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CheckinView {
    pub id: Uuid,
    pub author: String,
    pub on: NaiveDate,
    pub notes: String,
}

/// A pairing as its mentor, its mentee or an officer sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PairingView {
    pub id: Uuid,
    pub run_id: Option<Uuid>,
    pub mentor: PersonRef,
    pub mentee: PersonRef,
    pub status: String,
    pub score: Option<i32>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
    pub checkins: Vec<CheckinView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewCheckin {
    pub on: NaiveDate,
    pub notes: String,
}

/// A mentor's profile as stated (lists are free text; they compare case-insensitively).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MentorProfileInput {
    /// Maximum active mentees, 0..=20.
    pub capacity: i64,
    pub languages: Vec<String>,
    pub specialties: Vec<String>,
    /// 0..=60.
    pub years_in_logistics: i64,
    pub available: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MenteeProfileInput {
    pub specialties_wanted: Vec<String>,
    pub languages: Vec<String>,
    /// 0..=60.
    #[serde(default)]
    pub years_in_logistics: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MentorProfileView {
    pub user_id: Uuid,
    pub capacity: i32,
    pub active_mentees: u64,
    pub languages: Vec<String>,
    pub specialties: Vec<String>,
    pub years_in_logistics: i32,
    pub available: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MenteeProfileView {
    pub user_id: Uuid,
    pub specialties_wanted: Vec<String>,
    pub languages: Vec<String>,
    pub years_in_logistics: i32,
}

/// The signed-in person's mentoring: profiles, mentees (as a mentor) and mentor (as a mentee).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MentoringOverview {
    pub mentor_profile: Option<MentorProfileView>,
    pub mentee_profile: Option<MenteeProfileView>,
    pub as_mentor: Vec<PairingView>,
    pub as_mentee: Vec<PairingView>,
    pub may_mentor: bool,
    pub may_run: bool,
}

/// The specialties offered in forms (free text is accepted too).
pub const SPECIALTIES: [&str; 10] = [
    "fuel",
    "ammunition",
    "maintenance",
    "movement control",
    "warehousing",
    "medical logistics",
    "procurement",
    "transport",
    "rations",
    "recovery",
];

// ---- forms: every field arrives as text from an HTML form and is parsed here -------------

/// A comma-separated list, trimmed, empty items dropped.
pub fn split_list(raw: &str) -> Vec<String> {
    raw.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn number(field: &str, raw: &str, errors: &mut Vec<FieldError>) -> i64 {
    raw.trim().parse().unwrap_or_else(|_| {
        errors.push(FieldError::new(field, "number"));
        0
    })
}

fn checked(v: &Option<String>) -> bool {
    v.as_deref().is_some_and(|s| !s.is_empty() && s != "false")
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MentorProfileForm {
    pub capacity: String,
    pub languages: String,
    pub specialties: String,
    pub years_in_logistics: String,
    pub available: Option<String>,
}

impl MentorProfileForm {
    pub fn parse(self) -> Result<MentorProfileInput, AppError> {
        let mut errors = vec![];
        let capacity = number("capacity", &self.capacity, &mut errors);
        let years = number("years_in_logistics", &self.years_in_logistics, &mut errors);
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        Ok(MentorProfileInput {
            capacity,
            languages: split_list(&self.languages),
            specialties: split_list(&self.specialties),
            years_in_logistics: years,
            available: checked(&self.available),
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MenteeProfileForm {
    pub specialties_wanted: String,
    pub languages: String,
    pub years_in_logistics: String,
}

impl MenteeProfileForm {
    pub fn parse(self) -> Result<MenteeProfileInput, AppError> {
        let mut errors = vec![];
        let years = number("years_in_logistics", &self.years_in_logistics, &mut errors);
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        Ok(MenteeProfileInput {
            specialties_wanted: split_list(&self.specialties_wanted),
            languages: split_list(&self.languages),
            years_in_logistics: years,
        })
    }
}

/// The run form: a pool (`everyone` or a nation id) and the four weights.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RunForm {
    pub pool: String,
    pub specialty: String,
    pub cross_nation: String,
    pub proximity: String,
    pub language: String,
    pub min_years_gap: String,
}

impl RunForm {
    pub fn parse(self) -> Result<NewRun, AppError> {
        let mut errors = vec![];
        let pool = match self.pool.trim() {
            "" | "everyone" => PoolSpec::Everyone,
            raw => match Uuid::parse_str(raw) {
                Ok(nation_id) => PoolSpec::Nation { nation_id },
                Err(_) => {
                    errors.push(FieldError::new("pool", "unknown"));
                    PoolSpec::Everyone
                }
            },
        };
        let mut weight = |field: &str, raw: &str| -> u32 {
            let n = number(field, raw, &mut errors);
            u32::try_from(n).unwrap_or_else(|_| {
                errors.push(FieldError::new(field, "out-of-range"));
                0
            })
        };
        let weights = Weights {
            specialty: weight("weights.specialty", &self.specialty),
            cross_nation: weight("weights.cross_nation", &self.cross_nation),
            proximity: weight("weights.proximity", &self.proximity),
            language: weight("weights.language", &self.language),
        };
        let gap = weight("min_years_gap", &self.min_years_gap);
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        Ok(NewRun {
            pool,
            weights,
            min_years_gap: Some(gap),
            pins: vec![],
            forbids: vec![],
        })
    }
}

// ---- server functions ----------------------------------------------------------------------

#[server(prefix = "/api", endpoint = "mentoring/mine")]
pub async fn my_mentoring() -> Result<MentoringOverview, AppError> {
    crate::server::ctx::with_user(|state, user, _| async move {
        crate::server::services::mentoring::pairings::mine(&state.db, &user.actor).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "mentoring/mentor-profile")]
pub async fn save_mentor_profile(form: MentorProfileForm) -> Result<MentorProfileView, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        let me = user.actor.user_id;
        let input = form.parse()?;
        crate::server::services::mentoring::profiles::put_mentor(
            &state.db,
            &user.actor,
            me,
            input,
            now,
        )
        .await
    })
    .await
}

#[server(prefix = "/api", endpoint = "mentoring/mentee-profile")]
pub async fn save_mentee_profile(form: MenteeProfileForm) -> Result<MenteeProfileView, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        let me = user.actor.user_id;
        let input = form.parse()?;
        crate::server::services::mentoring::profiles::put_mentee(
            &state.db,
            &user.actor,
            me,
            input,
            now,
        )
        .await
    })
    .await
}

#[server(prefix = "/api", endpoint = "mentoring/runs")]
pub async fn list_runs() -> Result<RunsPage, AppError> {
    crate::server::ctx::with_user(|state, user, _| async move {
        crate::server::services::mentoring::runs::page(&state.db, &user.actor).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "mentoring/runs/start")]
pub async fn start_run(form: RunForm) -> Result<RunCreated, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        let created = crate::server::services::mentoring::runs::start(
            &state.db,
            &user.actor,
            form.parse()?,
            now,
        )
        .await?;
        crate::server::ctx::redirect_plain_form(&format!("/mentoring/runs/{}", created.id));
        Ok(created)
    })
    .await
}

#[server(prefix = "/api", endpoint = "mentoring/runs/get")]
pub async fn get_run(id: Uuid) -> Result<RunView, AppError> {
    crate::server::ctx::with_user(|state, user, _| async move {
        crate::server::services::mentoring::runs::get(&state.db, &user.actor, id).await
    })
    .await
}

/// Re-runs `id` with one more pin or forbid (`action` = `pin` or `forbid`).
#[server(prefix = "/api", endpoint = "mentoring/runs/rerun")]
pub async fn rerun(
    id: Uuid,
    action: String,
    mentor_id: Uuid,
    mentee_id: Uuid,
) -> Result<RunCreated, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        let pair = PairRef {
            mentor_id,
            mentee_id,
        };
        let created = crate::server::services::mentoring::runs::rerun(
            &state.db,
            &user.actor,
            id,
            &action,
            pair,
            now,
        )
        .await?;
        crate::server::ctx::redirect_plain_form(&format!("/mentoring/runs/{}", created.id));
        Ok(created)
    })
    .await
}

/// Accepts one proposal of run `id` (mentor and mentee given) or, with `all`, every proposal.
#[server(prefix = "/api", endpoint = "mentoring/runs/accept")]
pub async fn accept_proposals(
    id: Uuid,
    mentor_id: Option<Uuid>,
    mentee_id: Option<Uuid>,
    all: Option<String>,
) -> Result<AcceptReport, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        let request = AcceptRequest {
            pairs: match (mentor_id, mentee_id) {
                (Some(mentor_id), Some(mentee_id)) => vec![PairRef {
                    mentor_id,
                    mentee_id,
                }],
                _ => vec![],
            },
            all: checked(&all),
        };
        let report = crate::server::services::mentoring::pairings::accept(
            &state.db,
            &user.actor,
            id,
            request,
            now,
        )
        .await?;
        crate::server::ctx::redirect_plain_form(&format!("/mentoring/runs/{id}"));
        Ok(report)
    })
    .await
}

#[server(prefix = "/api", endpoint = "mentoring/checkins/add")]
pub async fn add_checkin(
    pairing_id: Uuid,
    on: String,
    notes: String,
) -> Result<CheckinView, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        let on = NaiveDate::parse_from_str(on.trim(), "%Y-%m-%d")
            .map_err(|_| AppError::field("on", "date"))?;
        let view = crate::server::services::mentoring::pairings::add_checkin(
            &state.db,
            &user.actor,
            pairing_id,
            NewCheckin { on, notes },
            now,
        )
        .await?;
        crate::server::ctx::redirect_plain_form("/mentoring");
        Ok(view)
    })
    .await
}

#[server(prefix = "/api", endpoint = "mentoring/pairings/end")]
pub async fn end_pairing(pairing_id: Uuid) -> Result<PairingView, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        let view = crate::server::services::mentoring::pairings::end(
            &state.db,
            &user.actor,
            pairing_id,
            now,
        )
        .await?;
        crate::server::ctx::redirect_plain_form("/mentoring");
        Ok(view)
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_run_form_names_bad_weights_by_field() {
        let form = RunForm {
            pool: "everyone".into(),
            specialty: "50".into(),
            cross_nation: "-1".into(),
            proximity: "x".into(),
            language: "15".into(),
            min_years_gap: "5".into(),
        };
        let Err(AppError::Validation(errors)) = form.parse() else {
            panic!("expected validation errors");
        };
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["weights.cross_nation", "weights.proximity"]);
    }

    #[test]
    fn pools_cross_the_wire_tagged_by_kind() {
        let pool: PoolSpec =
            serde_json::from_value(serde_json::json!({"kind": "everyone"})).unwrap();
        assert_eq!(pool, PoolSpec::Everyone);
        let run: NewRun =
            serde_json::from_value(serde_json::json!({"pool": {"kind": "everyone"}})).unwrap();
        assert_eq!(run.weights, Weights::default());
    }
}
