//! An exercise on the multinational calendar; instants are UTC.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "exercises")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub code: String,
    pub kind: String,
    pub status: String,
    pub name: String,
    pub description: String,
    /// Comma-separated: `air,land,maritime,cyber`.
    pub lines_of_communication: String,
    /// Comma-separated theme codes.
    pub themes: String,
    pub climate: String,
    pub terrain: String,
    pub host_base_id: Uuid,
    pub lead_nation_id: Uuid,
    pub start_at: DateTimeUtc,
    pub end_at: DateTimeUtc,
    /// RFC 5545 SEQUENCE, bumped on every change.
    pub sequence: i32,
    pub releasable_to_all: bool,
    pub override_reason: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
