//! A commander's own readiness level for a unit, recorded with a mandatory reason beside the
//! computed one (audited), and the model's parameters an alliance administrator may change.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, QueryResult, Statement, Value};
use uuid::Uuid;

use super::{access::Org, cache};
use crate::{
    api::readiness::{AssessmentView, NewAssessment, ReadinessSettings},
    domain::{
        policy::{Action, Actor, Scope, require},
        readiness::ModelParams,
    },
    error::{AppError, FieldError},
    server::{
        db::begin_write,
        error::ServiceError,
        services::audit::{self, Entry, Who},
    },
};

/// Longest reason kept, in characters.
pub const REASON_MAX: usize = 2000;

const SELECT: &str =
    "SELECT a.id, a.unit_id, a.level, a.reason, a.computed_level, a.computed_score,
        COALESCE(u.display_name, ''), a.assessed_at
    FROM readiness_assessments a LEFT JOIN users u ON u.id = a.assessed_by";

fn view(row: &QueryResult) -> Result<AssessmentView, DbErr> {
    Ok(AssessmentView {
        id: row.try_get_by_index(0)?,
        unit_id: row.try_get_by_index(1)?,
        level: row.try_get_by_index(2)?,
        reason: row.try_get_by_index(3)?,
        computed_level: row.try_get_by_index(4)?,
        computed_score: row.try_get_by_index(5)?,
        assessed_by: row.try_get_by_index(6)?,
        assessed_at: row.try_get_by_index(7)?,
    })
}

/// The newest assessment of each of `units` that has one.
pub async fn latest_assessments<C: ConnectionTrait>(
    db: &C,
    units: &[Uuid],
) -> Result<HashMap<Uuid, AssessmentView>, DbErr> {
    let mut out: HashMap<Uuid, AssessmentView> = HashMap::new();
    for chunk in units.chunks(super::compute::CHUNK) {
        let sql = format!(
            "{SELECT} WHERE a.unit_id IN ({}) ORDER BY a.assessed_at DESC",
            super::compute::placeholders(1, chunk.len())
        );
        let stmt = Statement::from_sql_and_values(
            db.get_database_backend(),
            sql,
            chunk.iter().map(|u| Value::from(*u)).collect::<Vec<_>>(),
        );
        for row in db.query_all_raw(stmt).await? {
            let v = view(&row)?;
            out.entry(v.unit_id).or_insert(v);
        }
    }
    Ok(out)
}

/// Every assessment of a unit, oldest first.
pub async fn all_assessments<C: ConnectionTrait>(
    db: &C,
    unit: Uuid,
) -> Result<Vec<AssessmentView>, DbErr> {
    let stmt = Statement::from_sql_and_values(
        db.get_database_backend(),
        format!("{SELECT} WHERE a.unit_id = $1 ORDER BY a.assessed_at"),
        [unit.into()],
    );
    db.query_all_raw(stmt).await?.iter().map(view).collect()
}

/// The level and the trimmed reason, or every broken field (`level`: `readiness-level`; `reason`:
/// `required` or `too-long`).
fn validate(input: &NewAssessment) -> Result<(String, String), AppError> {
    let mut errors = Vec::new();
    let level = input.level.trim().to_ascii_uppercase();
    if !matches!(level.as_str(), "R1" | "R2" | "R3" | "R4") {
        errors.push(FieldError::new("level", "readiness-level"));
    }
    let reason = input.reason.trim().to_owned();
    if reason.is_empty() {
        errors.push(FieldError::new("reason", "required"));
    } else if reason.chars().count() > REASON_MAX {
        errors.push(FieldError::new("reason", "too-long"));
    }
    if errors.is_empty() {
        Ok((level, reason))
    } else {
        Err(AppError::Validation(errors))
    }
}

/// Records a commander's level for a unit in their reach, beside today's computed figure.
/// Fails with Validation (nothing written), Forbidden or NotFound.
pub async fn assess(
    db: &DatabaseConnection,
    actor: &Actor,
    unit_id: Uuid,
    input: NewAssessment,
    now: DateTime<Utc>,
) -> Result<AssessmentView, ServiceError> {
    let org = Org::load(db).await?;
    org.require_unit(actor, Action::AssessReadiness, unit_id)?;
    let (level, reason) = validate(&input)?;
    let today = now.date_naive();
    let aggregates = cache::subtree_on(db, &org.tree, today, today).await?;
    let params = cache::params(db).await?;
    let computed = aggregates
        .get(&unit_id)
        .copied()
        .unwrap_or_default()
        .finish(&params);
    let id = Uuid::new_v4();
    let txn = begin_write(db).await?;
    let stmt = Statement::from_sql_and_values(
        txn.get_database_backend(),
        "INSERT INTO readiness_assessments
           (id, unit_id, level, reason, computed_level, computed_score, assessed_by, assessed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        [
            id.into(),
            unit_id.into(),
            level.clone().into(),
            reason.clone().into(),
            computed.level.map(|l| l.to_string()).into(),
            computed.score.into(),
            actor.user_id.into(),
            now.into(),
        ],
    );
    txn.execute_raw(stmt).await?;
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("readiness.assess", "unit", unit_id).after(serde_json::json!({
            "level": level,
            "reason": reason,
            "computed_level": computed.level.map(|l| l.to_string()),
            "computed_score": computed.score,
        })),
    )
    .await?;
    txn.commit().await?;
    let stmt = Statement::from_sql_and_values(
        db.get_database_backend(),
        format!("{SELECT} WHERE a.id = $1"),
        [id.into()],
    );
    let row = db.query_one_raw(stmt).await?.ok_or(AppError::NotFound)?;
    Ok(view(&row)?)
}

impl From<ModelParams> for ReadinessSettings {
    fn from(p: ModelParams) -> Self {
        Self {
            weight_training: p.weight_training,
            weight_exercise: p.weight_exercise,
            weight_mentorship: p.weight_mentorship,
            r1: p.r1,
            r2: p.r2,
            r3: p.r3,
            window_months: p.window_months,
        }
    }
}

impl From<ReadinessSettings> for ModelParams {
    fn from(s: ReadinessSettings) -> Self {
        Self {
            weight_training: s.weight_training,
            weight_exercise: s.weight_exercise,
            weight_mentorship: s.weight_mentorship,
            r1: s.r1,
            r2: s.r2,
            r3: s.r3,
            window_months: s.window_months,
        }
    }
}

/// The model's current parameters (anyone signed in may read them: they explain the scores).
pub async fn settings<C: ConnectionTrait>(db: &C) -> Result<ReadinessSettings, ServiceError> {
    Ok(cache::params(db).await?.into())
}

/// Changes the model's parameters (alliance administrators); today's figures are recomputed on
/// the next read. Fails with Validation naming the first broken field, or Forbidden.
pub async fn update_settings(
    db: &DatabaseConnection,
    actor: &Actor,
    input: ReadinessSettings,
    now: DateTime<Utc>,
) -> Result<ReadinessSettings, ServiceError> {
    require(actor, Action::ManageOrganisation, &Scope::alliance())?;
    let params = ModelParams::from(input);
    params.validate().map_err(|e| {
        let code = if e.code == "out-of-range" {
            e.code
        } else {
            format!("readiness-{}", e.code)
        };
        AppError::Validation(vec![FieldError::new(e.field, code)])
    })?;
    let txn = begin_write(db).await?;
    let before = cache::params(&txn).await?;
    let json = serde_json::to_string(&params).map_err(anyhow::Error::from)?;
    let stmt = Statement::from_sql_and_values(
        txn.get_database_backend(),
        "INSERT INTO readiness_settings (id, params, updated_by, updated_at) VALUES (1, $1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET params = excluded.params,
            updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        [json.into(), actor.user_id.into(), now.into()],
    );
    txn.execute_raw(stmt).await?;
    cache::invalidate(&txn).await?;
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("readiness.settings", "readiness_settings", 1)
            .before(ReadinessSettings::from(before))
            .after(ReadinessSettings::from(params)),
    )
    .await?;
    txn.commit().await?;
    Ok(params.into())
}
