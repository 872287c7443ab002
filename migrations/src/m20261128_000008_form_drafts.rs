//! What a person typed into a form that was posted without JavaScript and refused, so the page
//! the refusal returns to shows it again. One per session and form action; it goes with the
//! session.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Sessions {
    Table,
    IdHash,
}

#[derive(DeriveIden)]
enum FormDrafts {
    Table,
    SessionHash,
    Action,
    Body,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FormDrafts::Table)
                    .col(string_len(FormDrafts::SessionHash, 64))
                    .col(string_len(FormDrafts::Action, 200))
                    .col(text(FormDrafts::Body))
                    .col(timestamp_with_time_zone(FormDrafts::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(FormDrafts::SessionHash)
                            .col(FormDrafts::Action),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_form_drafts_session")
                            .from(FormDrafts::Table, FormDrafts::SessionHash)
                            .to(Sessions::Table, Sessions::IdHash)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(FormDrafts::Table).to_owned())
            .await
    }
}
