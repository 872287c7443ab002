//! The readiness demo story: a fuel handler in the 11th Fuel Supply Company (under the demo
//! commander's 1st Logistics Brigade) whose recurrent module expired two months ago, so the
//! dashboard shows the evidence on first start. Runs after the curriculum seed; skips quietly when
//! no curriculum has a module that expires.

use chrono::{DateTime, Months, Utc};
use sea_orm::{ConnectionTrait, Statement, Value};
use uuid::Uuid;

use super::demo_id;
use crate::server::{
    error::ServiceError,
    services::users::{NewRecord, insert_record},
};

/// The demo person whose module expired.
pub const EXPIRED_PERSON: &str = "lapsed.pol";

pub(crate) async fn seed<C: ConnectionTrait>(
    db: &C,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let backend = db.get_database_backend();
    // the first curriculum (by code) with a module that expires, and its modules
    let Some(row) = db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT c.id FROM curricula c WHERE EXISTS (SELECT 1 FROM modules m
               WHERE m.curriculum_id = c.id AND m.validity_months > 0) ORDER BY c.code LIMIT 1",
        ))
        .await?
    else {
        return Ok(());
    };
    let curriculum: Uuid = row.try_get_by_index(0)?;
    let modules = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            "SELECT id, validity_months, content_version FROM modules WHERE curriculum_id = $1
             ORDER BY position",
            [curriculum.into()],
        ))
        .await?;
    let id = demo_id("user", EXPIRED_PERSON);
    insert_record(
        db,
        NewRecord {
            id,
            username: EXPIRED_PERSON.into(),
            display_name: "st. szer. Marek Lis".into(),
            email: format!("{EXPIRED_PERSON}@demo.muster.invalid"),
            nation_id: Some(demo_id("nation", "POL")),
            unit_id: Some(demo_id("unit", "POL:11th Fuel Supply Company")),
            rank: "OR-3".into(),
            preferred_locale: "pl".into(),
            fallback_locales: "en".into(),
            password_hash: password_hash.to_owned(),
            must_change_password: false,
        },
        now,
    )
    .await?;
    let trainee = Value::from("trainee");
    db.execute_raw(Statement::from_sql_and_values(
        backend,
        "INSERT INTO user_roles (user_id, role, alliance) VALUES ($1, $2, $3)",
        [id.into(), trainee, false.into()],
    ))
    .await?;
    db.execute_raw(Statement::from_sql_and_values(
        backend,
        "INSERT INTO enrolments (id, curriculum_id, user_id, unit_id, due_on, created_by, created_at)
         VALUES ($1, $2, $3, NULL, NULL, $4, $5)",
        [
            demo_id("enrolment", EXPIRED_PERSON).into(),
            curriculum.into(),
            id.into(),
            demo_id("user", "officer.pol").into(),
            now.into(),
        ],
    ))
    .await?;
    // every module done a month ago, except the first that expires: done its validity plus two
    // months ago, so it lapsed two months ago
    let today = now.date_naive();
    let mut expired_one = false;
    for (i, m) in modules.iter().enumerate() {
        let module: Uuid = m.try_get_by_index(0)?;
        let validity: i32 = m.try_get_by_index(1)?;
        let version: i32 = m.try_get_by_index(2)?;
        let months = u32::try_from(validity).unwrap_or(0);
        let lapse = months > 0 && !expired_one;
        expired_one |= lapse;
        let completed = if lapse {
            today.checked_sub_months(Months::new(months + 2))
        } else {
            today.checked_sub_months(Months::new(1))
        }
        .unwrap_or(today);
        let expires = (months > 0)
            .then(|| crate::domain::curriculum::expiry_date(completed, months))
            .flatten();
        db.execute_raw(Statement::from_sql_and_values(
            backend,
            "INSERT INTO completions (id, user_id, module_id, completed_on, expires_on, score,
               locale, content_version, source, recorded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, 'pl', $7, 'import', NULL, $8)",
            [
                demo_id("completion", &format!("{EXPIRED_PERSON}:{i}")).into(),
                id.into(),
                module.into(),
                completed.into(),
                expires.into(),
                (85 + i as i32 % 10).into(),
                version.into(),
                now.into(),
            ],
        ))
        .await?;
    }
    Ok(())
}
