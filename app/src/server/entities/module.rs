//! A module of a curriculum; its title, body and quiz texts live in `content_texts`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "modules")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub curriculum_id: Uuid,
    pub position: i32,
    pub code: String,
    pub estimated_minutes: i32,
    /// Percent needed to pass the quiz.
    pub pass_mark: i32,
    /// How long a completion stays valid; 0 = never expires.
    pub validity_months: i32,
    /// Bumped whenever a source text changes.
    pub content_version: i32,
    /// The mentoring specialty the module trains, if any.
    pub specialty: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
