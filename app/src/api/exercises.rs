//! The exercise calendar's wire types: exercises, conflicts, blackouts, ratings, scheduling
//! windows and calendar feeds, plus the fixed vocabularies the forms offer. The server
//! functions live in `calls`, the HTML form parsing in `form`.

mod calls;
pub mod form;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use calls::*;
pub use form::{BlackoutForm, ExerciseForm, RatingsForm, WindowForm};

/// Exercise kinds, as stored and sent.
pub const KINDS: [&str; 5] = ["CPX", "FTX", "LIVEX", "TTX", "SIM"];
/// Lines of communication an exercise trains.
pub const LINES: [&str; 4] = ["air", "land", "maritime", "cyber"];
/// Scenario themes.
pub const THEMES: [&str; 6] = [
    "supply_chain_disruption",
    "unconventional_routing",
    "emergency_replenishment",
    "rsom",
    "host_nation_support",
    "medical_logistics",
];
/// Climates an exercise can be set in.
pub const CLIMATES: [&str; 5] = ["temperate", "cold", "arid", "tropical", "maritime"];
/// Terrain an exercise can be set in.
pub const TERRAINS: [&str; 6] = ["plains", "forest", "mountain", "urban", "coastal", "mixed"];
/// Life-cycle statuses, in order.
pub const STATUSES: [&str; 6] = [
    "draft",
    "planned",
    "approved",
    "in_progress",
    "completed",
    "cancelled",
];
/// Ratings of an objective per unit: trained, partially trained, untrained.
pub const RATINGS: [&str; 3] = ["T", "P", "U"];

/// The Fluent key suffix of a vocabulary code (`in_progress` → `in-progress`).
pub fn key_of(code: &str) -> String {
    code.to_lowercase().replace('_', "-")
}

/// An exercise's name and description in one more language.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ExerciseText {
    pub locale: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
}

/// A unit taking part, with the people it brings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UnitInput {
    pub unit_id: Uuid,
    pub headcount: i64,
}

/// A new exercise. Times are either instants (`start_at`/`end_at`, any offset) or wall-clock
/// times in the host base's time zone (`start_local`/`end_local`, `YYYY-MM-DDTHH:MM`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewExercise {
    pub code: String,
    pub kind: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub translations: Vec<ExerciseText>,
    #[serde(default)]
    pub lines_of_communication: Vec<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub climate: String,
    #[serde(default)]
    pub terrain: String,
    pub host_base_id: Option<Uuid>,
    /// Defaults to the caller's nation.
    pub lead_nation_id: Option<Uuid>,
    pub start_at: Option<DateTime<Utc>>,
    pub end_at: Option<DateTime<Utc>>,
    pub start_local: Option<String>,
    pub end_local: Option<String>,
    /// Defaults to `draft`.
    pub status: Option<String>,
    /// `None` (or absent): releasable to all nations; else only to these (lead and host nations
    /// always see it).
    pub releasable_to: Option<Vec<Uuid>>,
    #[serde(default)]
    pub units: Vec<UnitInput>,
    #[serde(default)]
    pub participants: Vec<Uuid>,
    #[serde(default)]
    pub objectives: Vec<String>,
    /// Needed to approve while conflicts remain; recorded in the audit trail.
    pub override_reason: Option<String>,
}

/// A partial update: absent fields stay as they are.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ExercisePatch {
    pub code: Option<String>,
    pub kind: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub translations: Option<Vec<ExerciseText>>,
    pub lines_of_communication: Option<Vec<String>>,
    pub themes: Option<Vec<String>>,
    pub climate: Option<String>,
    pub terrain: Option<String>,
    pub host_base_id: Option<Uuid>,
    pub lead_nation_id: Option<Uuid>,
    pub start_at: Option<DateTime<Utc>>,
    pub end_at: Option<DateTime<Utc>>,
    pub start_local: Option<String>,
    pub end_local: Option<String>,
    pub status: Option<String>,
    /// `Some(None)` makes it releasable to all nations.
    #[serde(default, with = "double_option")]
    pub releasable_to: Option<Option<Vec<Uuid>>>,
    pub units: Option<Vec<UnitInput>>,
    pub participants: Option<Vec<Uuid>>,
    pub objectives: Option<Vec<String>>,
    pub override_reason: Option<String>,
}

/// Distinguishes "absent" from "null" in a JSON patch.
mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(
        v: &Option<Option<T>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            Some(inner) => inner.serialize(s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(d).map(Some)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UnitParticipation {
    pub unit_id: Uuid,
    pub unit_name: String,
    pub nation_id: Uuid,
    pub nation_code: String,
    pub headcount: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ParticipantView {
    pub user_id: Uuid,
    pub username: String,
    pub display_name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ObjectiveView {
    pub id: Uuid,
    pub position: i32,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RatingView {
    pub objective_id: Uuid,
    pub unit_id: Uuid,
    pub rating: String,
    pub comment: String,
    pub rated_at: DateTime<Utc>,
}

/// An exercise as its detail page and the API show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ExerciseView {
    pub id: Uuid,
    pub code: String,
    pub kind: String,
    pub status: String,
    /// In the reader's language when a translation exists.
    pub name: String,
    pub description: String,
    pub translations: Vec<ExerciseText>,
    pub lines_of_communication: Vec<String>,
    pub themes: Vec<String>,
    pub climate: String,
    pub terrain: String,
    pub host_base_id: Uuid,
    pub host_base_name: String,
    pub host_nation_id: Uuid,
    pub time_zone: String,
    pub lead_nation_id: Uuid,
    pub lead_nation_code: String,
    pub start_at: DateTime<Utc>,
    pub end_at: DateTime<Utc>,
    /// Wall-clock start and end in the host base's time zone, `YYYY-MM-DDTHH:MM`.
    pub start_local: String,
    pub end_local: String,
    pub sequence: i32,
    /// `None`: releasable to all nations.
    pub releasable_to: Option<Vec<Uuid>>,
    pub units: Vec<UnitParticipation>,
    pub participants: Vec<ParticipantView>,
    pub objectives: Vec<ObjectiveView>,
    pub ratings: Vec<RatingView>,
    pub override_reason: Option<String>,
    /// Whether the reader may edit it (and approve it).
    pub can_edit: bool,
    /// Whether the reader may rate it now.
    pub can_rate: bool,
}

/// One line of a list, month grid or timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ExerciseSummary {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub status: String,
    pub host_base_id: Uuid,
    pub host_base_name: String,
    pub lead_nation_id: Uuid,
    pub lead_nation_code: String,
    pub start_at: DateTime<Utc>,
    pub end_at: DateTime<Utc>,
    pub start_local: String,
    pub end_local: String,
    pub unit_ids: Vec<Uuid>,
    pub headcount: i64,
}

/// A conflict as a reader may see it. When another exercise involved is not releasable to the
/// reader, its id and code are left out and `busy` is set: the unit or base and the interval
/// are all that is said.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ConflictView {
    /// `unit_double_booked`, `person_double_booked`, `base_over_capacity` or `blackout`.
    pub kind: String,
    pub exercise_id: Uuid,
    pub exercise_code: String,
    /// The other exercises the reader may see.
    pub other_exercise_ids: Vec<Uuid>,
    pub other_codes: Vec<String>,
    /// Some other exercise involved is not releasable to the reader.
    pub busy: bool,
    pub unit_id: Option<Uuid>,
    pub unit_name: Option<String>,
    pub person_id: Option<Uuid>,
    pub person_name: Option<String>,
    pub base_id: Option<Uuid>,
    pub base_name: Option<String>,
    pub nation_id: Option<Uuid>,
    pub nation_code: Option<String>,
    pub blackout_id: Option<Uuid>,
    pub blackout_reason: Option<String>,
    pub start_at: DateTime<Utc>,
    pub end_at: DateTime<Utc>,
    pub peak: Option<u32>,
    pub capacity: Option<u32>,
}

/// What a create or update answers: the exercise and its current conflicts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SavedExercise {
    pub exercise: ExerciseView,
    pub conflicts: Vec<ConflictView>,
}

/// The filters of lists, the month grid and the API (`from` inclusive, `to` exclusive).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema, utoipa::IntoParams))]
pub struct ExerciseFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub nation: Option<Uuid>,
    pub base: Option<Uuid>,
    pub unit: Option<Uuid>,
    pub kind: Option<String>,
    pub status: Option<String>,
    /// Only exercises the caller (or their unit) takes part in.
    #[serde(default)]
    pub mine: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct BlackoutView {
    pub id: Uuid,
    pub nation_id: Uuid,
    pub nation_code: String,
    pub start_at: DateTime<Utc>,
    pub end_at: DateTime<Utc>,
    pub reason: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewBlackout {
    /// Defaults to the caller's nation.
    pub nation_id: Option<Uuid>,
    pub start_at: Option<DateTime<Utc>>,
    pub end_at: Option<DateTime<Utc>>,
    pub reason: String,
}

/// One rating of an objective for a participating unit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RatingInput {
    pub objective_id: Uuid,
    pub unit_id: Uuid,
    /// `T`, `P` or `U`.
    pub rating: String,
    #[serde(default)]
    pub comment: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RatingsInput {
    pub ratings: Vec<RatingInput>,
}

/// A request to the scheduling assistant.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct WindowQuery {
    #[serde(default)]
    pub unit_ids: Vec<Uuid>,
    pub base_id: Option<Uuid>,
    /// People the exercise brings to the base.
    #[serde(default)]
    pub headcount: i64,
    /// Length of the exercise in hours.
    pub duration_hours: i64,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    /// Defaults to 5, at most 50.
    pub max_results: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct WindowView {
    pub start_at: DateTime<Utc>,
    pub end_at: DateTime<Utc>,
    pub start_local: String,
    pub end_local: String,
}

/// `{scope: "user"|"unit"|"nation", id}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewFeed {
    pub scope: String,
    pub id: Option<Uuid>,
}

/// A calendar feed; `url` carries the secret and is shown only when the feed is created.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FeedView {
    pub id: Uuid,
    pub scope: String,
    pub subject_id: Uuid,
    pub created_at: DateTime<Utc>,
    pub url: Option<String>,
}

/// What the create/edit form needs to offer: bases (with time zones), nations, units, and the
/// nations the reader may plan for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanningChoices {
    pub bases: Vec<ChoiceBase>,
    pub nations: Vec<Choice>,
    pub units: Vec<Choice>,
    pub can_plan: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub id: Uuid,
    pub label: String,
    pub code: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChoiceBase {
    pub id: Uuid,
    pub label: String,
    pub nation_id: Uuid,
    pub time_zone: String,
}

/// One month of the calendar: the month shown (the current one by default) and the exercises
/// overlapping it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthView {
    pub year: i32,
    pub month: u32,
    pub exercises: Vec<ExerciseSummary>,
}

/// An exercise as the month grid shows it: a chip on every UTC day from its start to its end.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthChip {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub status: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
}

/// The month grid's data: only what its chips show, since a page carries its data a second time
/// for hydration and a busy month has well over a hundred exercises.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthGridView {
    pub year: i32,
    pub month: u32,
    pub exercises: Vec<MonthChip>,
}
