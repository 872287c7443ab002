//! A rating of one objective for one participating unit after an exercise: T, P or U.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "exercise_ratings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub exercise_id: Uuid,
    pub objective_id: Uuid,
    pub unit_id: Uuid,
    pub rating: String,
    pub comment: String,
    pub rated_by: Option<Uuid>,
    pub rated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
