//! Nations, their bases and their unit trees.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Nations {
    Table,
    Id,
    Code,
    Name,
    DefaultLocale,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Bases {
    Table,
    Id,
    NationId,
    Name,
    TimeZone,
    Capacity,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Units {
    Table,
    Id,
    NationId,
    ParentId,
    HomeBaseId,
    Name,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Nations::Table)
                    .col(uuid(Nations::Id).primary_key())
                    .col(string_len(Nations::Code, 3).unique_key())
                    .col(string_len(Nations::Name, 120))
                    .col(string_len(Nations::DefaultLocale, 8))
                    .col(timestamp_with_time_zone(Nations::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Bases::Table)
                    .col(uuid(Bases::Id).primary_key())
                    .col(uuid(Bases::NationId))
                    .col(string_len(Bases::Name, 160))
                    .col(string_len(Bases::TimeZone, 64))
                    .col(integer(Bases::Capacity))
                    .col(timestamp_with_time_zone(Bases::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_bases_nation")
                            .from(Bases::Table, Bases::NationId)
                            .to(Nations::Table, Nations::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_bases_nation_name")
                    .table(Bases::Table)
                    .col(Bases::NationId)
                    .col(Bases::Name)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Units::Table)
                    .col(uuid(Units::Id).primary_key())
                    .col(uuid(Units::NationId))
                    .col(uuid_null(Units::ParentId))
                    .col(uuid_null(Units::HomeBaseId))
                    .col(string_len(Units::Name, 160))
                    .col(timestamp_with_time_zone(Units::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_units_nation")
                            .from(Units::Table, Units::NationId)
                            .to(Nations::Table, Nations::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_units_parent")
                            .from(Units::Table, Units::ParentId)
                            .to(Units::Table, Units::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_units_home_base")
                            .from(Units::Table, Units::HomeBaseId)
                            .to(Bases::Table, Bases::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_units_parent")
                    .table(Units::Table)
                    .col(Units::ParentId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_units_nation_name")
                    .table(Units::Table)
                    .col(Units::NationId)
                    .col(Units::Name)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Units::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Bases::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Nations::Table).to_owned())
            .await
    }
}
