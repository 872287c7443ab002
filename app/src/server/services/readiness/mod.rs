//! Readiness: today's figures kept current (other services call the change hooks inside their
//! own transaction), any past date recomputed in SQL, the commander's views with their evidence,
//! assessments and the model's settings. Must not import pages or server functions.

mod access;
pub mod assess;
pub mod cache;
pub mod compute;
pub mod evidence;
pub mod views;

use sea_orm::{ConnectionTrait, DbErr, Statement};
use uuid::Uuid;

use crate::domain::org::UnitTree;

/// People whose completions, enrolments, rank, unit or mentoring changed; call inside the
/// writing transaction. Fails only when the database does.
pub async fn people_changed<C: ConnectionTrait>(db: &C, user_ids: &[Uuid]) -> Result<(), DbErr> {
    cache::mark_dirty(db, user_ids).await
}

/// Units whose exercise ratings or enrolments changed: everyone in them or below them is
/// affected; call inside the writing transaction. Fails only when the database does.
pub async fn units_changed<C: ConnectionTrait>(db: &C, unit_ids: &[Uuid]) -> Result<(), DbErr> {
    let stmt = Statement::from_string(db.get_database_backend(), "SELECT id, parent_id FROM units");
    let mut edges = Vec::new();
    for row in db.query_all_raw(stmt).await? {
        edges.push((
            row.try_get_by_index::<Uuid>(0)?,
            row.try_get_by_index::<Option<Uuid>>(1)?,
        ));
    }
    let tree = UnitTree::new(edges);
    let people = cache::people_in_subtrees(db, &tree, unit_ids).await?;
    cache::mark_dirty(db, &people).await
}
