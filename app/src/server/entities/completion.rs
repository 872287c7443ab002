//! A passed module: from a quiz here (`quiz`) or recorded by an officer (`import`).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "completions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    pub module_id: Uuid,
    pub completed_on: Date,
    /// The first day the completion no longer counts; `None` = never expires.
    pub expires_on: Option<Date>,
    pub score: i32,
    pub locale: String,
    pub content_version: i32,
    pub source: String,
    pub recorded_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
