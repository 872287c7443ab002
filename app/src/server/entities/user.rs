//! A person who can sign in. Passwords are argon2id PHC strings, never anything else.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub username: String,
    pub display_name: String,
    pub email: String,
    pub nation_id: Option<Uuid>,
    pub unit_id: Option<Uuid>,
    /// NATO rank grade, e.g. `OR-4`.
    pub rank: String,
    pub preferred_locale: String,
    /// Comma-separated fallback chain after the preferred locale, e.g. `en` or `pl,en`.
    pub fallback_locales: String,
    pub password_hash: String,
    pub must_change_password: bool,
    pub disabled: bool,
    pub failed_logins: i32,
    pub locked_until: Option<DateTimeUtc>,
    pub password_changed_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
