//! People: signing in and out, passwords, and administration of users, their roles and scope.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait,
    DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use super::{
    audit::{self, Entry, Who},
    org::unit_tree,
};
use crate::{
    api::{
        admin::{NewUser, UserPatch, UserRow},
        auth::Me,
    },
    domain::{
        policy::{Action, Actor, Grant, Role, Scope, allows, require},
        rank::RankGrade,
        text,
    },
    error::{AppError, FieldError},
    i18n::Locale,
    server::{
        auth::{CurrentUser, password, session},
        db::begin_write,
        entities::{nation, unit, user, user_role},
        error::ServiceError,
    },
};

/// Consecutive failed sign-ins that lock an account, and for how long.
pub const LOCKOUT_AFTER: i32 = 5;
pub const LOCKOUT_FOR: Duration = Duration::minutes(15);

async fn grants_of<C: ConnectionTrait>(db: &C, user: Uuid) -> Result<Vec<Grant>, ServiceError> {
    let mut grants: Vec<Grant> = user_role::Entity::find()
        .filter(user_role::Column::UserId.eq(user))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|r| {
            Role::parse(&r.role).map(|role| Grant {
                role,
                alliance: r.alliance,
            })
        })
        .collect();
    grants.sort_by_key(|g| g.role);
    Ok(grants)
}

fn actor_of(u: &user::Model, grants: Vec<Grant>) -> Actor {
    Actor {
        user_id: u.id,
        username: u.username.clone(),
        nation_id: u.nation_id,
        unit_id: u.unit_id,
        grants,
    }
}

/// The signed-in person for a session or token: `None` when the account is gone or disabled.
pub async fn find_current<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
) -> Result<Option<CurrentUser>, ServiceError> {
    // both reads on every request, side by side
    let (found, grants) = tokio::try_join!(
        async {
            user::Entity::find_by_id(id)
                .one(db)
                .await
                .map_err(ServiceError::from)
        },
        grants_of(db, id),
    )?;
    let Some(u) = found.filter(|u| !u.disabled) else {
        return Ok(None);
    };
    Ok(Some(CurrentUser {
        actor: actor_of(&u, grants),
        display_name: u.display_name,
        locale: Locale::parse(&u.preferred_locale).unwrap_or_default(),
        must_change_password: u.must_change_password,
        session_token: None,
        via_api_token: false,
    }))
}

/// The DTO of the signed-in person.
pub fn me_of(u: &CurrentUser) -> Me {
    Me {
        id: u.actor.user_id,
        username: u.actor.username.clone(),
        display_name: u.display_name.clone(),
        nation_id: u.actor.nation_id,
        unit_id: u.actor.unit_id,
        roles: u.actor.grants.clone(),
        preferred_locale: u.locale.code().to_owned(),
        must_change_password: u.must_change_password,
    }
}

/// Signs `username` in. Every failure — unknown user, wrong password, locked or disabled
/// account — answers the same `InvalidCredentials` after the same amount of work, and is audited.
/// Returns the person and a new session token (any session the browser held is ended: the
/// session id rotates at sign-in).
pub async fn login(
    db: &DatabaseConnection,
    username: &str,
    password_text: String,
    previous_session: Option<&str>,
    idle: Duration,
    now: DateTime<Utc>,
) -> Result<(CurrentUser, String), ServiceError> {
    let name = username.trim().to_lowercase();
    let found = if name.is_empty() || name.len() > 64 {
        None
    } else {
        user::Entity::find()
            .filter(user::Column::Username.eq(&name))
            .one(db)
            .await?
    };
    let Some(u) = found else {
        password::verify_dummy(password_text).await?;
        let txn = begin_write(db).await?;
        audit::record(
            &txn,
            &Who::anonymous(),
            now,
            failed_entry(None, &name, "unknown-user"),
        )
        .await?;
        txn.commit().await?;
        return Err(AppError::InvalidCredentials.into());
    };
    let locked = u.locked_until.is_some_and(|t| t > now);
    let matches = if locked {
        password::verify_dummy(password_text).await?;
        false
    } else {
        password::verify(password_text, u.password_hash.clone()).await?
    };
    let txn = begin_write(db).await?;
    if !matches || u.disabled {
        let reason = if locked {
            "locked"
        } else if !matches {
            "wrong-password"
        } else {
            "disabled"
        };
        let failures = if matches || locked {
            u.failed_logins
        } else {
            u.failed_logins + 1
        };
        let lock_now = !locked && failures >= LOCKOUT_AFTER;
        let who = Who {
            id: Some(u.id),
            name: u.username.clone(),
        };
        audit::record(
            &txn,
            &who,
            now,
            failed_entry(Some(u.id), &u.username, reason),
        )
        .await?;
        let mut active: user::ActiveModel = u.clone().into();
        if lock_now {
            active.failed_logins = Set(0);
            active.locked_until = Set(Some(now + LOCKOUT_FOR));
            audit::record(
                &txn,
                &who,
                now,
                Entry::new("auth.lockout", "user", u.id).after(
                    serde_json::json!({ "locked_until": now + LOCKOUT_FOR, "failures": failures }),
                ),
            )
            .await?;
        } else {
            active.failed_logins = Set(failures);
        }
        active.update(&txn).await?;
        txn.commit().await?;
        return Err(AppError::InvalidCredentials.into());
    }
    if let Some(old) = previous_session {
        session::end(&txn, old).await?;
    }
    let token = session::create(&txn, u.id, now, idle).await?;
    let mut active: user::ActiveModel = u.clone().into();
    active.failed_logins = Set(0);
    active.locked_until = Set(None);
    active.update(&txn).await?;
    let who = Who {
        id: Some(u.id),
        name: u.username.clone(),
    };
    audit::record(&txn, &who, now, Entry::new("auth.login", "user", u.id)).await?;
    txn.commit().await?;
    let current = find_current(db, u.id)
        .await?
        .ok_or(AppError::InvalidCredentials)?;
    Ok((current, token))
}

fn failed_entry(id: Option<Uuid>, username: &str, reason: &str) -> Entry {
    Entry {
        action: "auth.login_failed",
        entity_type: "user",
        entity_id: id.map(|i| i.to_string()),
        before: None,
        after: Some(
            serde_json::json!({ "username": username.chars().take(64).collect::<String>(), "reason": reason }),
        ),
    }
}

/// Ends the current session.
pub async fn logout(
    db: &DatabaseConnection,
    current: &CurrentUser,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let txn = begin_write(db).await?;
    if let Some(t) = &current.session_token {
        session::end(&txn, t).await?;
    }
    audit::record(
        &txn,
        &Who::actor(&current.actor),
        now,
        Entry::new("auth.logout", "user", current.actor.user_id),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Changes one's own password after checking the current one. Every session of the person ends
/// and a fresh one is returned for the browser that made the change.
pub async fn change_password(
    db: &DatabaseConnection,
    current: &CurrentUser,
    old: String,
    new: String,
    confirm: String,
    idle: Duration,
    now: DateTime<Utc>,
) -> Result<String, ServiceError> {
    let mut errors = vec![];
    if let Err(e) = text::password("new", &new) {
        errors.push(e);
    }
    if new != confirm {
        errors.push(FieldError::new("confirm", "password-mismatch"));
    }
    if errors.is_empty() && new == old {
        errors.push(FieldError::new("new", "password-unchanged"));
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors).into());
    }
    let u = user::Entity::find_by_id(current.actor.user_id)
        .one(db)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    if !password::verify(old, u.password_hash.clone()).await? {
        return Err(AppError::field("current", "password-wrong").into());
    }
    let hash = password::hash(new).await?;
    let txn = begin_write(db).await?;
    let mut active: user::ActiveModel = u.into();
    active.password_hash = Set(hash);
    active.must_change_password = Set(false);
    active.password_changed_at = Set(now);
    active.updated_at = Set(now);
    active.update(&txn).await?;
    let ended = session::end_all(&txn, current.actor.user_id).await?;
    let token = session::create(&txn, current.actor.user_id, now, idle).await?;
    audit::record(
        &txn,
        &Who::actor(&current.actor),
        now,
        Entry::new("user.password_changed", "user", current.actor.user_id)
            .after(serde_json::json!({ "sessions_ended": ended })),
    )
    .await?;
    txn.commit().await?;
    Ok(token)
}

/// Remembers the signed-in person's interface language.
pub async fn set_language(
    db: &DatabaseConnection,
    actor: &Actor,
    locale: Locale,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let txn = begin_write(db).await?;
    let u = user::Entity::find_by_id(actor.user_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if u.preferred_locale == locale.code() {
        return Ok(());
    }
    let before = u.preferred_locale.clone();
    let mut active: user::ActiveModel = u.into();
    active.preferred_locale = Set(locale.code().to_owned());
    active.updated_at = Set(now);
    active.update(&txn).await?;
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("user.language_changed", "user", actor.user_id)
            .before(serde_json::json!({ "preferred_locale": before }))
            .after(serde_json::json!({ "preferred_locale": locale.code() })),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

// ---- administration ---------------------------------------------------------------------

async fn scope_of<C: ConnectionTrait>(
    db: &C,
    nation: Option<Uuid>,
    unit: Option<Uuid>,
    person: Uuid,
) -> Result<Scope, ServiceError> {
    let chain = match unit {
        Some(u) => unit_tree(db).await?.ancestors_and_self(u),
        None => vec![],
    };
    Ok(Scope::person(person, nation, chain, false))
}

async fn to_rows<C: ConnectionTrait>(
    db: &C,
    users: Vec<user::Model>,
    now: DateTime<Utc>,
) -> Result<Vec<UserRow>, ServiceError> {
    let nations: HashMap<Uuid, String> = nation::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|n| (n.id, n.code))
        .collect();
    let units: HashMap<Uuid, String> = unit::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let ids: Vec<Uuid> = users.iter().map(|u| u.id).collect();
    let mut roles: HashMap<Uuid, Vec<Grant>> = HashMap::new();
    for chunk in ids.chunks(500) {
        for r in user_role::Entity::find()
            .filter(user_role::Column::UserId.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            if let Some(role) = Role::parse(&r.role) {
                roles.entry(r.user_id).or_default().push(Grant {
                    role,
                    alliance: r.alliance,
                });
            }
        }
    }
    Ok(users
        .into_iter()
        .map(|u| {
            let mut grants = roles.remove(&u.id).unwrap_or_default();
            grants.sort_by_key(|g| g.role);
            UserRow {
                id: u.id,
                nation_code: u.nation_id.and_then(|n| nations.get(&n).cloned()),
                unit_name: u.unit_id.and_then(|x| units.get(&x).cloned()),
                username: u.username,
                display_name: u.display_name,
                email: u.email,
                nation_id: u.nation_id,
                unit_id: u.unit_id,
                rank: u.rank,
                preferred_locale: u.preferred_locale,
                fallback_locales: u
                    .fallback_locales
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
                roles: grants,
                disabled: u.disabled,
                must_change_password: u.must_change_password,
                locked: u.locked_until.is_some_and(|t| t > now),
            }
        })
        .collect())
}

/// The people an administrator manages (their nation, or everyone for alliance scope),
/// optionally filtered by a search text.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    query: Option<&str>,
) -> Result<Vec<UserRow>, ServiceError> {
    if !actor.has_role(Role::Admin) {
        return Err(AppError::Forbidden.into());
    }
    let mut q = user::Entity::find().order_by_asc(user::Column::Username);
    if !actor.has_alliance(Role::Admin) {
        match actor.nation_id {
            Some(n) => q = q.filter(user::Column::NationId.eq(n)),
            None => return Ok(vec![]),
        }
    }
    if let Some(text) = query.map(str::trim).filter(|t| !t.is_empty()) {
        let like = format!("%{}%", text.to_lowercase().replace(['%', '_'], ""));
        q = q.filter(
            Condition::any()
                .add(user::Column::Username.like(like.clone()))
                .add(user::Column::DisplayName.like(like.clone()))
                .add(user::Column::Email.like(like)),
        );
    }
    let users = q.all(db).await?;
    to_rows(db, users, Utc::now()).await
}

/// One person's administrative record.
pub async fn get<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> Result<UserRow, ServiceError> {
    let u = user::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let scope = scope_of(db, u.nation_id, u.unit_id, u.id).await?;
    if !allows(actor, Action::ManageUsers, &scope) {
        // Do not confirm that a person outside the actor's scope exists.
        return Err(if actor.has_role(Role::Admin) {
            AppError::NotFound
        } else {
            AppError::Forbidden
        }
        .into());
    }
    to_rows(db, vec![u], Utc::now())
        .await?
        .pop()
        .ok_or_else(|| AppError::NotFound.into())
}

struct Profile {
    nation_id: Option<Uuid>,
    unit_id: Option<Uuid>,
    rank: String,
    preferred_locale: String,
    fallback_locales: String,
}

/// Validates the scope and language fields a create or update sets.
async fn validate_profile<C: ConnectionTrait>(
    db: &C,
    nation_id: Option<Uuid>,
    unit_id: Option<Uuid>,
    rank: &str,
    preferred: &str,
    fallback: &[String],
    errors: &mut Vec<FieldError>,
) -> Result<Profile, ServiceError> {
    if let Some(n) = nation_id
        && nation::Entity::find_by_id(n).one(db).await?.is_none()
    {
        errors.push(FieldError::new("nation_id", "unknown"));
    }
    if let Some(u) = unit_id {
        match unit::Entity::find_by_id(u).one(db).await? {
            None => errors.push(FieldError::new("unit_id", "unknown")),
            Some(unit) if Some(unit.nation_id) != nation_id => {
                errors.push(FieldError::new("unit_id", "unit-nation-mismatch"))
            }
            Some(_) => {}
        }
    }
    let rank = match RankGrade::parse(rank) {
        Ok(r) => r.to_string(),
        Err(_) => {
            errors.push(FieldError::new("rank", "rank"));
            String::new()
        }
    };
    let preferred = match Locale::parse(preferred) {
        Some(l) if l.code() == preferred.trim().to_lowercase() => l,
        _ => {
            errors.push(FieldError::new("preferred_locale", "locale"));
            Locale::En
        }
    };
    let mut chain: Vec<&str> = vec![];
    for f in fallback.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        match Locale::parse(f) {
            Some(l) if l != preferred && !chain.contains(&l.code()) => chain.push(l.code()),
            Some(_) => {}
            None => {
                errors.push(FieldError::new("fallback_locales", "locale"));
                break;
            }
        }
    }
    Ok(Profile {
        nation_id,
        unit_id,
        rank,
        preferred_locale: preferred.code().to_owned(),
        fallback_locales: chain.join(","),
    })
}

/// Granting admin or alliance scope needs an alliance administrator.
fn require_grants(actor: &Actor, grants: &[Grant]) -> Result<(), ServiceError> {
    if grants.iter().any(|g| g.alliance || g.role == Role::Admin) {
        require(actor, Action::ManageAdministrators, &Scope::alliance())?;
    }
    Ok(())
}

fn dedup_grants(grants: &[Grant]) -> Vec<Grant> {
    let mut out: Vec<Grant> = vec![];
    for g in grants {
        match out.iter_mut().find(|x| x.role == g.role) {
            Some(x) => x.alliance |= g.alliance,
            None => out.push(*g),
        }
    }
    out.sort_by_key(|g| g.role);
    out
}

async fn write_grants<C: ConnectionTrait>(
    db: &C,
    user: Uuid,
    grants: &[Grant],
) -> Result<(), ServiceError> {
    user_role::Entity::delete_many()
        .filter(user_role::Column::UserId.eq(user))
        .exec(db)
        .await?;
    for g in grants {
        user_role::Entity::insert(user_role::ActiveModel {
            user_id: Set(user),
            role: Set(g.role.as_str().to_owned()),
            alliance: Set(g.alliance),
        })
        .exec(db)
        .await?;
    }
    Ok(())
}

/// A new account's stored fields (a validated profile and a password hash).
pub(crate) struct NewRecord {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub email: String,
    pub nation_id: Option<Uuid>,
    pub unit_id: Option<Uuid>,
    pub rank: String,
    pub preferred_locale: String,
    pub fallback_locales: String,
    pub password_hash: String,
    pub must_change_password: bool,
}

/// Inserts an account; a taken username is the field error `username: taken`.
pub(crate) async fn insert_record<C: ConnectionTrait>(
    db: &C,
    r: NewRecord,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let inserted = user::Entity::insert(user::ActiveModel {
        id: Set(r.id),
        username: Set(r.username),
        display_name: Set(r.display_name),
        email: Set(r.email),
        nation_id: Set(r.nation_id),
        unit_id: Set(r.unit_id),
        rank: Set(r.rank),
        preferred_locale: Set(r.preferred_locale),
        fallback_locales: Set(r.fallback_locales),
        password_hash: Set(r.password_hash),
        must_change_password: Set(r.must_change_password),
        disabled: Set(false),
        failed_logins: Set(0),
        locked_until: Set(None),
        password_changed_at: Set(now),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec(db)
    .await;
    match inserted {
        Ok(_) => Ok(()),
        Err(e) => {
            let e = ServiceError::from(e);
            Err(if e.is_unique_violation() {
                AppError::field("username", "taken").into()
            } else {
                e
            })
        }
    }
}

/// Creates a person with roles and an initial password they must change at first sign-in.
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    input: NewUser,
    now: DateTime<Utc>,
) -> Result<UserRow, ServiceError> {
    let scope = match input.nation_id {
        Some(n) => Scope::nation(n),
        None => Scope::alliance(),
    };
    require(actor, Action::ManageUsers, &scope)?;
    let grants = dedup_grants(&input.roles);
    require_grants(actor, &grants)?;
    let mut errors = vec![];
    let username = text::username(&input.username)
        .map_err(|e| errors.push(e))
        .ok();
    let display = text::name("display_name", &input.display_name, 160)
        .map_err(|e| errors.push(e))
        .ok();
    let email = text::email(&input.email).map_err(|e| errors.push(e)).ok();
    if let Err(e) = text::password("password", &input.password) {
        errors.push(e);
    }
    let profile = validate_profile(
        db,
        input.nation_id,
        input.unit_id,
        &input.rank,
        &input.preferred_locale,
        &input.fallback_locales,
        &mut errors,
    )
    .await?;
    let (Some(username), Some(display), Some(email), true) =
        (username, display, email, errors.is_empty())
    else {
        return Err(AppError::Validation(errors).into());
    };
    let hash = password::hash(input.password).await?;
    let id = Uuid::new_v4();
    let txn = begin_write(db).await?;
    insert_record(
        &txn,
        NewRecord {
            id,
            username,
            display_name: display,
            email,
            nation_id: profile.nation_id,
            unit_id: profile.unit_id,
            rank: profile.rank,
            preferred_locale: profile.preferred_locale,
            fallback_locales: profile.fallback_locales,
            password_hash: hash,
            must_change_password: true,
        },
        now,
    )
    .await?;
    write_grants(&txn, id, &grants).await?;
    let created = user::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let row = to_rows(&txn, vec![created], now)
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("user.created", "user", id).after(&row),
    )
    .await?;
    super::readiness::people_changed(&txn, &[id]).await?;
    txn.commit().await?;
    Ok(row)
}

/// Changes a person's profile, roles, scope or disabled state. Disabling ends their sessions.
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    patch: UserPatch,
    now: DateTime<Utc>,
) -> Result<UserRow, ServiceError> {
    let before = get(db, actor, id).await?;
    let target_nation = patch.nation_id.unwrap_or(before.nation_id);
    let target_unit = match patch.unit_id {
        Some(u) => u,
        // moving to another nation drops a unit of the old one
        None if target_nation != before.nation_id => None,
        None => before.unit_id,
    };
    if target_nation != before.nation_id {
        let scope = match target_nation {
            Some(n) => Scope::nation(n),
            None => Scope::alliance(),
        };
        require(actor, Action::ManageUsers, &scope)?;
    }
    let grants = patch.roles.as_deref().map(dedup_grants);
    if let Some(g) = &grants {
        let mut changed: Vec<Grant> = g
            .iter()
            .filter(|x| !before.roles.contains(x))
            .copied()
            .collect();
        changed.extend(before.roles.iter().filter(|x| !g.contains(x)).copied());
        require_grants(actor, &changed)?;
    }
    if id == actor.user_id && patch.disabled == Some(true) {
        return Err(AppError::field("disabled", "cannot-disable-self").into());
    }
    let mut errors = vec![];
    let display = match &patch.display_name {
        Some(d) => text::name("display_name", d, 160)
            .map_err(|e| errors.push(e))
            .ok(),
        None => Some(before.display_name.clone()),
    };
    let email = match &patch.email {
        Some(e) => text::email(e).map_err(|e| errors.push(e)).ok(),
        None => Some(before.email.clone()),
    };
    let profile = validate_profile(
        db,
        target_nation,
        target_unit,
        patch.rank.as_deref().unwrap_or(&before.rank),
        patch
            .preferred_locale
            .as_deref()
            .unwrap_or(&before.preferred_locale),
        patch
            .fallback_locales
            .as_deref()
            .unwrap_or(&before.fallback_locales),
        &mut errors,
    )
    .await?;
    let (Some(display), Some(email), true) = (display, email, errors.is_empty()) else {
        return Err(AppError::Validation(errors).into());
    };
    let txn = begin_write(db).await?;
    let model = user::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let disable = patch.disabled.unwrap_or(model.disabled);
    let mut active: user::ActiveModel = model.into();
    active.display_name = Set(display);
    active.email = Set(email);
    active.nation_id = Set(profile.nation_id);
    active.unit_id = Set(profile.unit_id);
    active.rank = Set(profile.rank);
    active.preferred_locale = Set(profile.preferred_locale);
    active.fallback_locales = Set(profile.fallback_locales);
    active.disabled = Set(disable);
    active.updated_at = Set(now);
    active.update(&txn).await?;
    if let Some(g) = &grants {
        write_grants(&txn, id, g).await?;
    }
    if disable {
        session::end_all(&txn, id).await?;
    }
    let after_model = user::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let after = to_rows(&txn, vec![after_model], now)
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let action = if before.roles != after.roles {
        "user.roles_changed"
    } else {
        "user.updated"
    };
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new(action, "user", id).before(&before).after(&after),
    )
    .await?;
    // unit, rank or being disabled all change readiness
    super::readiness::people_changed(&txn, &[id]).await?;
    txn.commit().await?;
    Ok(after)
}

/// Sets a temporary password the person must change at next sign-in; their sessions end and
/// any lockout is lifted.
pub async fn reset_password(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    temporary: String,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    get(db, actor, id).await?;
    text::password("password", &temporary)?;
    let hash = password::hash(temporary).await?;
    let txn = begin_write(db).await?;
    let model = user::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut active: user::ActiveModel = model.into();
    active.password_hash = Set(hash);
    active.must_change_password = Set(true);
    active.failed_logins = Set(0);
    active.locked_until = Set(None);
    active.password_changed_at = Set(now);
    active.updated_at = Set(now);
    active.update(&txn).await?;
    let ended = session::end_all(&txn, id).await?;
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("user.password_reset", "user", id)
            .after(serde_json::json!({ "sessions_ended": ended, "must_change_password": true })),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Creates the first administrator from the command line (alliance scope, no nation).
pub async fn create_admin(
    db: &DatabaseConnection,
    username: &str,
    password_text: String,
    now: DateTime<Utc>,
) -> Result<Uuid, ServiceError> {
    let username = text::username(username)?;
    text::password("password", &password_text)?;
    let hash = password::hash(password_text).await?;
    let id = Uuid::new_v4();
    let txn = begin_write(db).await?;
    insert_record(
        &txn,
        NewRecord {
            id,
            username: username.clone(),
            display_name: username.clone(),
            email: format!("{username}@localhost.invalid"),
            nation_id: None,
            unit_id: None,
            rank: "OF-3".into(),
            preferred_locale: "en".into(),
            fallback_locales: String::new(),
            password_hash: hash,
            must_change_password: false,
        },
        now,
    )
    .await?;
    write_grants(
        &txn,
        id,
        &[Grant {
            role: Role::Admin,
            alliance: true,
        }],
    )
    .await?;
    audit::record(
        &txn,
        &Who::system(),
        now,
        Entry::new("user.created", "user", id).after(
            serde_json::json!({ "username": username, "roles": ["admin"], "alliance": true }),
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}
