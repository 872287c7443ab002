//! `module_id` requires a valid completion of `prerequisite_id`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "module_prerequisites")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub module_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub prerequisite_id: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
