//! A mentor–mentee pairing: `proposed` (by a run) → `active` (accepted) → `ended`. Active on a
//! date D when `accepted_at` ≤ D and (`ended_at` is null or after D).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mentoring_pairings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub run_id: Option<Uuid>,
    pub mentor_id: Uuid,
    pub mentee_id: Uuid,
    pub status: String,
    pub score: Option<i32>,
    /// The `ScoreBreakdown` (JSON).
    #[sea_orm(column_type = "Text", nullable)]
    pub breakdown: Option<String>,
    pub accepted_at: Option<DateTimeUtc>,
    pub ended_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
