//! Each person's completions of a module as disjoint day ranges (day numbers from 1970-01-01),
//! so readiness on any past day reads one range per module instead of grouping every
//! completion. Existing completions are turned into ranges here; the app keeps them current.

use sea_orm_migration::{prelude::*, schema::*, sea_orm::DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Modules {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ValiditySpans {
    Table,
    UserId,
    ModuleId,
    CurriculumId,
    ValidFrom,
    ValidUntil,
    LapsesOn,
}

/// 9999-12-31 as a day number: "never expires".
const NEVER: i32 = 2_932_896;

/// The ranges of every completion: each opens a range that lasts until the person's next
/// completion of the module or until all so far have expired; `lapses_on` is the latest expiry
/// so far. `{day}` turns a date column into a day number on the backend at hand.
const BACKFILL: &str = "
INSERT INTO validity_spans (user_id, module_id, curriculum_id, valid_from, valid_until, lapses_on)
SELECT user_id, module_id, curriculum_id, valid_from,
       CASE WHEN next_from IS NOT NULL AND next_from < lapses_on THEN next_from ELSE lapses_on END,
       lapses_on
FROM (
    SELECT c.user_id, c.module_id, m.curriculum_id, {day(c.completed_on)} AS valid_from,
           MAX(COALESCE({day(c.expires_on)}, {never})) OVER (
               PARTITION BY c.user_id, c.module_id ORDER BY c.completed_on, c.id
               ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS lapses_on,
           LEAD({day(c.completed_on)}) OVER (
               PARTITION BY c.user_id, c.module_id ORDER BY c.completed_on, c.id) AS next_from
    FROM completions c JOIN modules m ON m.id = c.module_id
) ranges
WHERE valid_from < CASE WHEN next_from IS NOT NULL AND next_from < lapses_on THEN next_from ELSE lapses_on END";

fn backfill_sql(backend: DatabaseBackend) -> String {
    let day = |col: &str| match backend {
        DatabaseBackend::Postgres => format!("({col} - DATE '1970-01-01')"),
        _ => format!("CAST(julianday({col}) - 2440587.5 AS INTEGER)"),
    };
    BACKFILL
        .replace("{day(c.completed_on)}", &day("c.completed_on"))
        .replace("{day(c.expires_on)}", &day("c.expires_on"))
        .replace("{never}", &NEVER.to_string())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ValiditySpans::Table)
                    .col(uuid(ValiditySpans::UserId))
                    .col(uuid(ValiditySpans::ModuleId))
                    .col(uuid(ValiditySpans::CurriculumId))
                    .col(integer(ValiditySpans::ValidFrom))
                    .col(integer(ValiditySpans::ValidUntil))
                    .col(integer(ValiditySpans::LapsesOn))
                    .primary_key(
                        Index::create()
                            .col(ValiditySpans::UserId)
                            .col(ValiditySpans::ModuleId)
                            .col(ValiditySpans::ValidFrom),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_validity_spans_user")
                            .from(ValiditySpans::Table, ValiditySpans::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_validity_spans_module")
                            .from(ValiditySpans::Table, ValiditySpans::ModuleId)
                            .to(Modules::Table, Modules::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // everything the readiness aggregation reads, in the order it groups by
        manager
            .create_index(
                Index::create()
                    .name("ix_validity_spans_readiness")
                    .table(ValiditySpans::Table)
                    .col(ValiditySpans::UserId)
                    .col(ValiditySpans::CurriculumId)
                    .col(ValiditySpans::ValidFrom)
                    .col(ValiditySpans::ValidUntil)
                    .col(ValiditySpans::LapsesOn)
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        db.execute_unprepared(&backfill_sql(db.get_database_backend()))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ValiditySpans::Table).to_owned())
            .await
    }
}
