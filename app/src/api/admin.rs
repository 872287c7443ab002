//! Administration: nations, bases, units, users and the audit trail.

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{
    domain::policy::Grant,
    error::{AppError, FieldError},
};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NationRow {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub default_locale: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewNation {
    pub code: String,
    pub name: String,
    pub default_locale: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct BaseRow {
    pub id: Uuid,
    pub nation_id: Uuid,
    pub nation_code: String,
    pub name: String,
    pub time_zone: String,
    pub capacity: i32,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewBase {
    pub nation_id: Option<Uuid>,
    pub name: String,
    pub time_zone: String,
    pub capacity: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UnitRow {
    pub id: Uuid,
    pub nation_id: Uuid,
    pub nation_code: String,
    pub parent_id: Option<Uuid>,
    pub home_base_id: Option<Uuid>,
    pub name: String,
    /// Depth in the tree (0 for a top-level unit), for indented lists.
    pub depth: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewUnit {
    pub nation_id: Option<Uuid>,
    pub parent_id: Option<Uuid>,
    pub home_base_id: Option<Uuid>,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UserRow {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub email: String,
    pub nation_id: Option<Uuid>,
    pub nation_code: Option<String>,
    pub unit_id: Option<Uuid>,
    pub unit_name: Option<String>,
    pub rank: String,
    pub preferred_locale: String,
    pub fallback_locales: Vec<String>,
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<Object>))]
    pub roles: Vec<Grant>,
    pub disabled: bool,
    pub must_change_password: bool,
    pub locked: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewUser {
    pub username: String,
    pub display_name: String,
    pub email: String,
    pub nation_id: Option<Uuid>,
    pub unit_id: Option<Uuid>,
    pub rank: String,
    pub preferred_locale: String,
    #[serde(default)]
    pub fallback_locales: Vec<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<Object>))]
    pub roles: Vec<Grant>,
    /// The initial password; the person must change it at first sign-in.
    pub password: String,
}

/// A partial update: absent fields stay as they are.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UserPatch {
    pub display_name: Option<String>,
    pub email: Option<String>,
    /// `Some(None)` clears the nation.
    #[serde(default, with = "double_option")]
    pub nation_id: Option<Option<Uuid>>,
    #[serde(default, with = "double_option")]
    pub unit_id: Option<Option<Uuid>>,
    pub rank: Option<String>,
    pub preferred_locale: Option<String>,
    pub fallback_locales: Option<Vec<String>>,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Vec<Object>>))]
    pub roles: Option<Vec<Grant>>,
    pub disabled: Option<bool>,
}

/// Distinguishes "absent" from "null" in a JSON patch.
mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(
        v: &Option<Option<T>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            Some(inner) => inner.serialize(s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(d).map(Some)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AuditRowView {
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema, utoipa::IntoParams))]
pub struct AuditFilter {
    pub actor: Option<String>,
    pub action: Option<String>,
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    #[serde(default)]
    pub page: u64,
    #[serde(default = "default_per_page")]
    pub per_page: u64,
}

fn default_per_page() -> u64 {
    50
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AuditPage {
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
    pub rows: Vec<AuditRowView>,
}

/// Nations, bases and units as the admin pages list them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrgAdminView {
    /// Whether the viewer administers the whole alliance (else only `nations`, their own).
    pub alliance: bool,
    pub nations: Vec<NationRow>,
    pub bases: Vec<BaseRow>,
    pub units: Vec<UnitRow>,
}

#[server(prefix = "/api", endpoint = "admin/org")]
pub async fn admin_org() -> Result<OrgAdminView, AppError> {
    crate::server::ctx::with_user(|state, user, _| async move {
        crate::server::services::org::admin_view(&state.db, &user.actor).await
    })
    .await
}

// ---- forms: every field arrives as text from an HTML form (with or without JavaScript) and
// is parsed here, so a malformed value becomes a field error instead of a transport failure.

/// An optional id from a `<select>`: empty means none; anything else must be a UUID.
fn form_id(field: &str, raw: &str, errors: &mut Vec<FieldError>) -> Option<Uuid> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    Uuid::parse_str(raw)
        .map_err(|_| errors.push(FieldError::new(field, "unknown")))
        .ok()
}

fn form_number(field: &str, raw: &str, errors: &mut Vec<FieldError>) -> i64 {
    raw.trim().parse().unwrap_or_else(|_| {
        errors.push(FieldError::new(field, "number"));
        0
    })
}

fn checked(v: &Option<String>) -> bool {
    v.as_deref().is_some_and(|s| !s.is_empty() && s != "false")
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BaseForm {
    pub nation_id: String,
    pub name: String,
    pub time_zone: String,
    pub capacity: String,
}

impl BaseForm {
    pub fn parse(self) -> Result<NewBase, AppError> {
        let mut errors = vec![];
        let nation_id = form_id("nation_id", &self.nation_id, &mut errors);
        let capacity = form_number("capacity", &self.capacity, &mut errors);
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        Ok(NewBase {
            nation_id,
            name: self.name,
            time_zone: self.time_zone,
            capacity,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UnitForm {
    pub nation_id: String,
    pub parent_id: String,
    pub home_base_id: String,
    pub name: String,
}

impl UnitForm {
    pub fn parse(self) -> Result<NewUnit, AppError> {
        let mut errors = vec![];
        let nation_id = form_id("nation_id", &self.nation_id, &mut errors);
        let parent_id = form_id("parent_id", &self.parent_id, &mut errors);
        let home_base_id = form_id("home_base_id", &self.home_base_id, &mut errors);
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        Ok(NewUnit {
            nation_id,
            parent_id,
            home_base_id,
            name: self.name,
        })
    }
}

/// The person form: profile, scope and roles (checkboxes), plus a password when creating.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UserForm {
    #[serde(default)]
    pub username: String,
    pub display_name: String,
    pub email: String,
    pub nation_id: String,
    pub unit_id: String,
    pub rank: String,
    pub preferred_locale: String,
    /// Comma- or space-separated locales, e.g. `pl, en`.
    #[serde(default)]
    pub fallback_locales: String,
    pub trainee: Option<String>,
    pub mentor: Option<String>,
    pub training_officer: Option<String>,
    pub commander: Option<String>,
    pub admin: Option<String>,
    /// Grants the chosen officer, commander and admin roles across the alliance.
    pub alliance: Option<String>,
    pub disabled: Option<String>,
    #[serde(default)]
    pub password: String,
}

impl UserForm {
    fn grants(&self) -> Vec<Grant> {
        use crate::domain::policy::Role;
        let alliance = checked(&self.alliance);
        [
            (Role::Trainee, &self.trainee),
            (Role::Mentor, &self.mentor),
            (Role::TrainingOfficer, &self.training_officer),
            (Role::Commander, &self.commander),
            (Role::Admin, &self.admin),
        ]
        .into_iter()
        .filter(|(_, v)| checked(v))
        .map(|(role, _)| Grant {
            role,
            alliance: alliance && !matches!(role, Role::Trainee | Role::Mentor),
        })
        .collect()
    }

    fn fallback(&self) -> Vec<String> {
        self.fallback_locales
            .split([',', ' '])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    }

    pub fn into_new(self) -> Result<NewUser, AppError> {
        let mut errors = vec![];
        let nation_id = form_id("nation_id", &self.nation_id, &mut errors);
        let unit_id = form_id("unit_id", &self.unit_id, &mut errors);
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        Ok(NewUser {
            roles: self.grants(),
            fallback_locales: self.fallback(),
            username: self.username,
            display_name: self.display_name,
            email: self.email,
            nation_id,
            unit_id,
            rank: self.rank,
            preferred_locale: self.preferred_locale,
            password: self.password,
        })
    }

    pub fn into_patch(self) -> Result<UserPatch, AppError> {
        let mut errors = vec![];
        let nation_id = form_id("nation_id", &self.nation_id, &mut errors);
        let unit_id = form_id("unit_id", &self.unit_id, &mut errors);
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        Ok(UserPatch {
            roles: Some(self.grants()),
            fallback_locales: Some(self.fallback()),
            disabled: Some(checked(&self.disabled)),
            display_name: Some(self.display_name),
            email: Some(self.email),
            nation_id: Some(nation_id),
            unit_id: Some(unit_id),
            rank: Some(self.rank),
            preferred_locale: Some(self.preferred_locale),
        })
    }
}

#[server(prefix = "/api", endpoint = "admin/nations/create")]
pub async fn create_nation(form: NewNation) -> Result<NationRow, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        crate::server::services::org::create_nation(&state.db, &user.actor, form, now).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "admin/bases/create")]
pub async fn create_base(form: BaseForm) -> Result<BaseRow, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        crate::server::services::org::create_base(&state.db, &user.actor, form.parse()?, now).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "admin/units/create")]
pub async fn create_unit(form: UnitForm) -> Result<UnitRow, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        crate::server::services::org::create_unit(&state.db, &user.actor, form.parse()?, now).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "admin/users")]
pub async fn list_users(query: Option<String>) -> Result<Vec<UserRow>, AppError> {
    crate::server::ctx::with_user(|state, user, _| async move {
        crate::server::services::users::list(&state.db, &user.actor, query.as_deref()).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "admin/users/get")]
pub async fn get_user(id: Uuid) -> Result<UserRow, AppError> {
    crate::server::ctx::with_user(|state, user, _| async move {
        crate::server::services::users::get(&state.db, &user.actor, id).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "admin/users/create")]
pub async fn create_user(form: UserForm) -> Result<UserRow, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        let row =
            crate::server::services::users::create(&state.db, &user.actor, form.into_new()?, now)
                .await?;
        crate::server::ctx::redirect_plain_form(&format!("/admin/users/{}", row.id));
        Ok(row)
    })
    .await
}

#[server(prefix = "/api", endpoint = "admin/users/update")]
pub async fn update_user(id: Uuid, form: UserForm) -> Result<UserRow, AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        crate::server::services::users::update(&state.db, &user.actor, id, form.into_patch()?, now)
            .await
    })
    .await
}

#[server(prefix = "/api", endpoint = "admin/users/reset-password")]
pub async fn reset_password(id: Uuid, password: String) -> Result<(), AppError> {
    crate::server::ctx::with_user(|state, user, now| async move {
        crate::server::services::users::reset_password(&state.db, &user.actor, id, password, now)
            .await
    })
    .await
}

#[server(prefix = "/api", endpoint = "admin/audit")]
pub async fn list_audit(filter: AuditFilter) -> Result<AuditPage, AppError> {
    crate::server::ctx::with_user(|state, user, _| async move {
        crate::server::services::audit::list(&state.db, &user.actor, &filter).await
    })
    .await
}
