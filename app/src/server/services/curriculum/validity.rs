//! `validity_spans`: each person's completions of a module as disjoint day ranges (see
//! `domain::curriculum::validity`), rewritten whenever a completion is recorded, inside the
//! same transaction. Readiness reads these ranges instead of grouping every completion.

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DbErr, Statement, Value};
use uuid::Uuid;

use crate::domain::curriculum::validity::{Piece, day_number, pieces, until_number};

/// Rows per INSERT (six values each).
const ROWS_PER_INSERT: usize = 150;

/// One person's pieces of one module.
struct Pair {
    user_id: Uuid,
    module_id: Uuid,
    curriculum_id: Uuid,
    pieces: Vec<Piece>,
}

async fn insert<C: ConnectionTrait>(db: &C, pairs: &[Pair]) -> Result<(), DbErr> {
    let rows: Vec<[Value; 6]> = pairs
        .iter()
        .flat_map(|p| {
            p.pieces.iter().map(|x| {
                [
                    p.user_id.into(),
                    p.module_id.into(),
                    p.curriculum_id.into(),
                    x.from.into(),
                    x.until.into(),
                    x.lapses.into(),
                ]
            })
        })
        .collect();
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        let tuples = (0..chunk.len())
            .map(|r| {
                let b = r * 6;
                format!(
                    "(${}, ${}, ${}, ${}, ${}, ${})",
                    b + 1,
                    b + 2,
                    b + 3,
                    b + 4,
                    b + 5,
                    b + 6
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "INSERT INTO validity_spans (user_id, module_id, curriculum_id, valid_from, valid_until, lapses_on) VALUES {tuples}"
        );
        let values: Vec<Value> = chunk.iter().flat_map(|r| r.iter().cloned()).collect();
        db.execute_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            sql,
            values,
        ))
        .await?;
    }
    Ok(())
}

/// Groups `(user, module, curriculum, completed_on, expires_on)` rows, sorted by user and
/// module, into pairs with their pieces.
fn group(rows: Vec<(Uuid, Uuid, Uuid, NaiveDate, Option<NaiveDate>)>) -> Vec<Pair> {
    let mut out: Vec<(Pair, Vec<(i32, i32)>)> = Vec::new();
    for (user_id, module_id, curriculum_id, on, expires) in rows {
        let span = (day_number(on), until_number(expires));
        match out.last_mut() {
            Some((p, spans)) if p.user_id == user_id && p.module_id == module_id => {
                spans.push(span)
            }
            _ => out.push((
                Pair {
                    user_id,
                    module_id,
                    curriculum_id,
                    pieces: Vec::new(),
                },
                vec![span],
            )),
        }
    }
    out.into_iter()
        .map(|(mut p, spans)| {
            p.pieces = pieces(spans);
            p
        })
        .collect()
}

const COMPLETIONS: &str =
    "SELECT c.user_id, c.module_id, m.curriculum_id, c.completed_on, c.expires_on
     FROM completions c JOIN modules m ON m.id = c.module_id";

async fn load<C: ConnectionTrait>(db: &C, stmt: Statement) -> Result<Vec<Pair>, DbErr> {
    let mut rows = Vec::new();
    for r in db.query_all_raw(stmt).await? {
        rows.push((
            r.try_get_by_index(0)?,
            r.try_get_by_index(1)?,
            r.try_get_by_index(2)?,
            r.try_get_by_index(3)?,
            r.try_get_by_index(4)?,
        ));
    }
    Ok(group(rows))
}

/// Rewrites the pieces of `user_id`'s completions of `module_id`; call inside the transaction
/// that recorded a completion.
pub async fn rebuild<C: ConnectionTrait>(
    db: &C,
    user_id: Uuid,
    module_id: Uuid,
) -> Result<(), DbErr> {
    let backend = db.get_database_backend();
    db.execute_raw(Statement::from_sql_and_values(
        backend,
        "DELETE FROM validity_spans WHERE user_id = $1 AND module_id = $2",
        [user_id.into(), module_id.into()],
    ))
    .await?;
    let pairs = load(
        db,
        Statement::from_sql_and_values(
            backend,
            format!("{COMPLETIONS} WHERE c.user_id = $1 AND c.module_id = $2"),
            [user_id.into(), module_id.into()],
        ),
    )
    .await?;
    insert(db, &pairs).await
}

/// Rewrites every piece from the completions (after bulk loads such as the demo seed).
pub async fn rebuild_all<C: ConnectionTrait>(db: &C) -> Result<(), DbErr> {
    let backend = db.get_database_backend();
    db.execute_raw(Statement::from_string(
        backend,
        "DELETE FROM validity_spans",
    ))
    .await?;
    let pairs = load(
        db,
        Statement::from_string(
            backend,
            format!("{COMPLETIONS} ORDER BY c.user_id, c.module_id"),
        ),
    )
    .await?;
    insert(db, &pairs).await
}
