//! One translatable field of a curriculum or module in one locale, with its review status
//! (`draft`, `current`, `outdated`). The source locale's row is the source text.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "content_texts")]
pub struct Model {
    /// The curriculum or module the field belongs to.
    #[sea_orm(primary_key, auto_increment = false)]
    pub owner_id: Uuid,
    /// `title`, `description`, `body`, `questions.<q>` or `questions.<q>.<choice>`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub field: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub locale: String,
    pub text: String,
    pub status: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
