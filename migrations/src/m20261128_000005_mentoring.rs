//! Mentor pairing: mentor and mentee profiles, matching runs (kept as rows, executed off the
//! request path), pairings with their lifecycle, and check-ins.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum MentorProfiles {
    Table,
    UserId,
    Capacity,
    Languages,
    Specialties,
    YearsInLogistics,
    Available,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum MenteeProfiles {
    Table,
    UserId,
    SpecialtiesWanted,
    Languages,
    YearsInLogistics,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum MentoringRuns {
    Table,
    Id,
    CreatedBy,
    NationId,
    Pool,
    Weights,
    MinYearsGap,
    Pins,
    Forbids,
    Status,
    Progress,
    Input,
    Result,
    Error,
    CreatedAt,
    FinishedAt,
}

#[derive(DeriveIden)]
enum MentoringPairings {
    Table,
    Id,
    RunId,
    MentorId,
    MenteeId,
    Status,
    Score,
    Breakdown,
    AcceptedAt,
    EndedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum MentoringCheckins {
    Table,
    Id,
    PairingId,
    AuthorId,
    On,
    Notes,
    CreatedAt,
}

fn user_fk(name: &str, from: (impl IntoIden, impl IntoIden)) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(Users::Table, Users::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(MentorProfiles::Table)
                    .col(uuid(MentorProfiles::UserId).primary_key())
                    .col(integer(MentorProfiles::Capacity))
                    .col(text(MentorProfiles::Languages))
                    .col(text(MentorProfiles::Specialties))
                    .col(integer(MentorProfiles::YearsInLogistics))
                    .col(boolean(MentorProfiles::Available))
                    .col(timestamp_with_time_zone(MentorProfiles::UpdatedAt))
                    .foreign_key(&mut user_fk(
                        "fk_mentor_profiles_user",
                        (MentorProfiles::Table, MentorProfiles::UserId),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MenteeProfiles::Table)
                    .col(uuid(MenteeProfiles::UserId).primary_key())
                    .col(text(MenteeProfiles::SpecialtiesWanted))
                    .col(text(MenteeProfiles::Languages))
                    .col(integer(MenteeProfiles::YearsInLogistics).default(0))
                    .col(timestamp_with_time_zone(MenteeProfiles::UpdatedAt))
                    .foreign_key(&mut user_fk(
                        "fk_mentee_profiles_user",
                        (MenteeProfiles::Table, MenteeProfiles::UserId),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MentoringRuns::Table)
                    .col(uuid(MentoringRuns::Id).primary_key())
                    .col(uuid(MentoringRuns::CreatedBy))
                    .col(uuid_null(MentoringRuns::NationId))
                    .col(text(MentoringRuns::Pool))
                    .col(text(MentoringRuns::Weights))
                    .col(integer(MentoringRuns::MinYearsGap))
                    .col(text(MentoringRuns::Pins))
                    .col(text(MentoringRuns::Forbids))
                    .col(string_len(MentoringRuns::Status, 16))
                    .col(integer(MentoringRuns::Progress))
                    .col(text_null(MentoringRuns::Input))
                    .col(text_null(MentoringRuns::Result))
                    .col(text_null(MentoringRuns::Error))
                    .col(timestamp_with_time_zone(MentoringRuns::CreatedAt))
                    .col(timestamp_with_time_zone_null(MentoringRuns::FinishedAt))
                    .foreign_key(&mut user_fk(
                        "fk_mentoring_runs_creator",
                        (MentoringRuns::Table, MentoringRuns::CreatedBy),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_mentoring_runs_created_at")
                    .table(MentoringRuns::Table)
                    .col(MentoringRuns::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MentoringPairings::Table)
                    .col(uuid(MentoringPairings::Id).primary_key())
                    .col(uuid_null(MentoringPairings::RunId))
                    .col(uuid(MentoringPairings::MentorId))
                    .col(uuid(MentoringPairings::MenteeId))
                    .col(string_len(MentoringPairings::Status, 16))
                    .col(integer_null(MentoringPairings::Score))
                    .col(text_null(MentoringPairings::Breakdown))
                    .col(timestamp_with_time_zone_null(MentoringPairings::AcceptedAt))
                    .col(timestamp_with_time_zone_null(MentoringPairings::EndedAt))
                    .col(timestamp_with_time_zone(MentoringPairings::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_mentoring_pairings_run")
                            .from(MentoringPairings::Table, MentoringPairings::RunId)
                            .to(MentoringRuns::Table, MentoringRuns::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(&mut user_fk(
                        "fk_mentoring_pairings_mentor",
                        (MentoringPairings::Table, MentoringPairings::MentorId),
                    ))
                    .foreign_key(&mut user_fk(
                        "fk_mentoring_pairings_mentee",
                        (MentoringPairings::Table, MentoringPairings::MenteeId),
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("ix_mentoring_pairings_run", MentoringPairings::RunId),
            ("ix_mentoring_pairings_mentor", MentoringPairings::MentorId),
            ("ix_mentoring_pairings_mentee", MentoringPairings::MenteeId),
            ("ix_mentoring_pairings_status", MentoringPairings::Status),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(MentoringPairings::Table)
                        .col(col)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(MentoringCheckins::Table)
                    .col(uuid(MentoringCheckins::Id).primary_key())
                    .col(uuid(MentoringCheckins::PairingId))
                    .col(uuid(MentoringCheckins::AuthorId))
                    .col(date(MentoringCheckins::On))
                    .col(text(MentoringCheckins::Notes))
                    .col(timestamp_with_time_zone(MentoringCheckins::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_mentoring_checkins_pairing")
                            .from(MentoringCheckins::Table, MentoringCheckins::PairingId)
                            .to(MentoringPairings::Table, MentoringPairings::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(&mut user_fk(
                        "fk_mentoring_checkins_author",
                        (MentoringCheckins::Table, MentoringCheckins::AuthorId),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_mentoring_checkins_pairing")
                    .table(MentoringCheckins::Table)
                    .col(MentoringCheckins::PairingId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            MentoringCheckins::Table.into_iden(),
            MentoringPairings::Table.into_iden(),
            MentoringRuns::Table.into_iden(),
            MenteeProfiles::Table.into_iden(),
            MentorProfiles::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
