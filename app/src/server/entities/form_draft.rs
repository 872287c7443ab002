//! A refused plain form post's fields (urlencoded, passwords removed), per session and action.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "form_drafts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub session_hash: String,
    /// The server function's path, e.g. `/api/curriculum/save-module`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub action: String,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
