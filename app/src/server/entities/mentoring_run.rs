//! One matching run: its request (pool, weights, pins, forbids), its progress, the frozen input
//! it solved and the result (JSON). Runs survive as rows; the work happens off the request path.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mentoring_runs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub created_by: Uuid,
    /// The nation whose officers may read the run; `None`: alliance officers only.
    pub nation_id: Option<Uuid>,
    /// The pool as requested (JSON).
    pub pool: String,
    pub weights: String,
    pub min_years_gap: i32,
    pub pins: String,
    pub forbids: String,
    /// `queued`, `running`, `done` or `failed`.
    pub status: String,
    /// 0..=100.
    pub progress: i32,
    /// The frozen `RunInput` (JSON), so candidates can be audited later.
    #[sea_orm(column_type = "Text", nullable)]
    pub input: Option<String>,
    /// The `MatchResult` (JSON).
    #[sea_orm(column_type = "Text", nullable)]
    pub result: Option<String>,
    /// Why the run failed (a `MatchError` as JSON), never database text.
    #[sea_orm(column_type = "Text", nullable)]
    pub error: Option<String>,
    pub created_at: DateTimeUtc,
    pub finished_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
