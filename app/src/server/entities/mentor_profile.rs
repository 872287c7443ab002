//! A mentor's stated offer: capacity, working languages, specialties, years, availability.
//! Lists are stored comma-separated, normalised (trimmed, lower-case, deduplicated).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mentor_profiles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    /// Maximum number of active mentees.
    pub capacity: i32,
    pub languages: String,
    pub specialties: String,
    pub years_in_logistics: i32,
    pub available: bool,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
