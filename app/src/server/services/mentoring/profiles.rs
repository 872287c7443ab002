//! Mentor and mentee profiles: stated by the person themselves, or by a training officer (or
//! administrator) of the person's nation. Every change is audited.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, sea_query::OnConflict,
};
use uuid::Uuid;

use super::{ACTIVE, list_of};
use crate::{
    api::mentoring::{
        MenteeProfileInput, MenteeProfileView, MentorProfileInput, MentorProfileView,
    },
    domain::policy::{Action, Actor, Role, Scope, allows},
    error::{AppError, FieldError},
    server::{
        db::begin_write,
        entities::{mentee_profile, mentor_profile, mentoring_pairing, user},
        error::ServiceError,
        services::{
            audit::{self, Entry, Who},
            org::unit_tree,
        },
    },
};

/// The largest capacity a mentor may state.
pub const MAX_CAPACITY: i64 = 20;
/// The most years in logistics anyone may state.
pub const MAX_YEARS: i64 = 60;

/// May `actor` edit `target`'s profile? Themselves (a mentor profile needs the mentor role), or
/// an officer or administrator whose scope reaches the person. Unknown people are 404.
async fn authorize<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    target: Uuid,
    mentor: bool,
) -> Result<(), ServiceError> {
    let person = user::Entity::find_by_id(target)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if actor.user_id == target && (!mentor || actor.has_role(Role::Mentor)) {
        return Ok(());
    }
    let chain = match person.unit_id {
        Some(u) => unit_tree(db).await?.ancestors_and_self(u),
        None => vec![],
    };
    let scope = Scope::person(target, person.nation_id, chain, false);
    if allows(actor, Action::RunMatching, &scope) || allows(actor, Action::ManageUsers, &scope) {
        Ok(())
    } else {
        Err(AppError::Forbidden.into())
    }
}

/// Trimmed, lower-cased, deduplicated; `field` errors for bad items or too many.
fn clean_list(
    field: &str,
    items: &[String],
    language: bool,
    errors: &mut Vec<FieldError>,
) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    for raw in items {
        let item = raw.trim().to_lowercase();
        if item.is_empty() {
            continue;
        }
        let ok = if language {
            (2..=8).contains(&item.len())
                && item.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        } else {
            item.chars().count() <= 40 && !item.chars().any(|c| c.is_control() || c == ',')
        };
        if !ok {
            errors.push(FieldError::new(field, "invalid-characters"));
            return out;
        }
        if !out.contains(&item) {
            out.push(item);
        }
    }
    if out.len() > 12 {
        errors.push(FieldError::new(field, "too-long"));
    }
    if language && out.is_empty() {
        errors.push(FieldError::new(field, "required"));
    }
    out
}

fn in_range(field: &str, value: i64, max: i64, errors: &mut Vec<FieldError>) -> i32 {
    if (0..=max).contains(&value) {
        value as i32
    } else {
        errors.push(FieldError::new(field, "out-of-range"));
        0
    }
}

async fn active_count<C: ConnectionTrait>(db: &C, mentor: Uuid) -> Result<u64, ServiceError> {
    Ok(mentoring_pairing::Entity::find()
        .filter(mentoring_pairing::Column::MentorId.eq(mentor))
        .filter(mentoring_pairing::Column::Status.eq(ACTIVE))
        .count(db)
        .await?)
}

fn mentor_view(m: mentor_profile::Model, active_mentees: u64) -> MentorProfileView {
    MentorProfileView {
        user_id: m.user_id,
        capacity: m.capacity,
        active_mentees,
        languages: list_of(&m.languages),
        specialties: list_of(&m.specialties),
        years_in_logistics: m.years_in_logistics,
        available: m.available,
    }
}

fn mentee_view(m: mentee_profile::Model) -> MenteeProfileView {
    MenteeProfileView {
        user_id: m.user_id,
        specialties_wanted: list_of(&m.specialties_wanted),
        languages: list_of(&m.languages),
        years_in_logistics: m.years_in_logistics,
    }
}

/// A person's mentor profile, if they stated one.
pub async fn mentor_of<C: ConnectionTrait>(
    db: &C,
    person: Uuid,
) -> Result<Option<MentorProfileView>, ServiceError> {
    match mentor_profile::Entity::find_by_id(person).one(db).await? {
        Some(m) => Ok(Some(mentor_view(m, active_count(db, person).await?))),
        None => Ok(None),
    }
}

/// A person's mentee profile, if they stated one.
pub async fn mentee_of<C: ConnectionTrait>(
    db: &C,
    person: Uuid,
) -> Result<Option<MenteeProfileView>, ServiceError> {
    Ok(mentee_profile::Entity::find_by_id(person)
        .one(db)
        .await?
        .map(mentee_view))
}

/// Creates or replaces `person`'s mentor profile. Fails 404 for an unknown person, 403 outside
/// the actor's scope, 422 for a capacity outside 0..=20, years outside 0..=60, no or malformed
/// languages, or malformed specialties.
pub async fn put_mentor(
    db: &DatabaseConnection,
    actor: &Actor,
    person: Uuid,
    input: MentorProfileInput,
    now: DateTime<Utc>,
) -> Result<MentorProfileView, ServiceError> {
    authorize(db, actor, person, true).await?;
    let mut errors = vec![];
    let capacity = in_range("capacity", input.capacity, MAX_CAPACITY, &mut errors);
    let years = in_range(
        "years_in_logistics",
        input.years_in_logistics,
        MAX_YEARS,
        &mut errors,
    );
    let languages = clean_list("languages", &input.languages, true, &mut errors);
    let specialties = clean_list("specialties", &input.specialties, false, &mut errors);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors).into());
    }
    let txn = begin_write(db).await?;
    let before = mentor_of(&txn, person).await?;
    mentor_profile::Entity::insert(mentor_profile::ActiveModel {
        user_id: Set(person),
        capacity: Set(capacity),
        languages: Set(languages.join(",")),
        specialties: Set(specialties.join(",")),
        years_in_logistics: Set(years),
        available: Set(input.available),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(mentor_profile::Column::UserId)
            .update_columns([
                mentor_profile::Column::Capacity,
                mentor_profile::Column::Languages,
                mentor_profile::Column::Specialties,
                mentor_profile::Column::YearsInLogistics,
                mentor_profile::Column::Available,
                mentor_profile::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec(&txn)
    .await?;
    let after = mentor_of(&txn, person).await?.ok_or(AppError::NotFound)?;
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("mentor_profile.saved", "mentor_profile", person)
            .before(&before)
            .after(&after),
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}

/// Creates or replaces `person`'s mentee profile. Fails like [`put_mentor`].
pub async fn put_mentee(
    db: &DatabaseConnection,
    actor: &Actor,
    person: Uuid,
    input: MenteeProfileInput,
    now: DateTime<Utc>,
) -> Result<MenteeProfileView, ServiceError> {
    authorize(db, actor, person, false).await?;
    let mut errors = vec![];
    let years = in_range(
        "years_in_logistics",
        input.years_in_logistics,
        MAX_YEARS,
        &mut errors,
    );
    let languages = clean_list("languages", &input.languages, true, &mut errors);
    let wanted = clean_list(
        "specialties_wanted",
        &input.specialties_wanted,
        false,
        &mut errors,
    );
    if !errors.is_empty() {
        return Err(AppError::Validation(errors).into());
    }
    let txn = begin_write(db).await?;
    let before = mentee_of(&txn, person).await?;
    mentee_profile::Entity::insert(mentee_profile::ActiveModel {
        user_id: Set(person),
        specialties_wanted: Set(wanted.join(",")),
        languages: Set(languages.join(",")),
        years_in_logistics: Set(years),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(mentee_profile::Column::UserId)
            .update_columns([
                mentee_profile::Column::SpecialtiesWanted,
                mentee_profile::Column::Languages,
                mentee_profile::Column::YearsInLogistics,
                mentee_profile::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec(&txn)
    .await?;
    let after = mentee_of(&txn, person).await?.ok_or(AppError::NotFound)?;
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("mentee_profile.saved", "mentee_profile", person)
            .before(&before)
            .after(&after),
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}
