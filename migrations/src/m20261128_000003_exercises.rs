//! The exercise calendar: exercises with their texts, units, participants, objectives,
//! releasability and ratings; national blackout periods; calendar feed tokens.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Nations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Bases {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Units {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Exercises {
    Table,
    Id,
    Code,
    Kind,
    Status,
    Name,
    Description,
    LinesOfCommunication,
    Themes,
    Climate,
    Terrain,
    HostBaseId,
    LeadNationId,
    StartAt,
    EndAt,
    Sequence,
    ReleasableToAll,
    OverrideReason,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ExerciseTranslations {
    Table,
    ExerciseId,
    Locale,
    Name,
    Description,
}

#[derive(DeriveIden)]
enum ExerciseReleasability {
    Table,
    ExerciseId,
    NationId,
}

#[derive(DeriveIden)]
enum ExerciseUnits {
    Table,
    ExerciseId,
    UnitId,
    Headcount,
}

#[derive(DeriveIden)]
enum ExerciseParticipants {
    Table,
    ExerciseId,
    UserId,
}

#[derive(DeriveIden)]
enum ExerciseObjectives {
    Table,
    Id,
    ExerciseId,
    Position,
    Text,
}

#[derive(DeriveIden)]
enum ExerciseRatings {
    Table,
    Id,
    ExerciseId,
    ObjectiveId,
    UnitId,
    Rating,
    Comment,
    RatedBy,
    RatedAt,
}

#[derive(DeriveIden)]
enum Blackouts {
    Table,
    Id,
    NationId,
    StartAt,
    EndAt,
    Reason,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CalendarFeeds {
    Table,
    Id,
    OwnerId,
    Scope,
    SubjectId,
    TokenHash,
    CreatedAt,
    RevokedAt,
}

fn fk(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(on_delete)
        .to_owned()
}

fn index(name: &str, table: impl IntoIden, cols: Vec<DynIden>) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(table);
    for c in cols {
        i.col(c);
    }
    i.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::{Cascade, Restrict, SetNull};
        manager
            .create_table(
                Table::create()
                    .table(Exercises::Table)
                    .col(uuid(Exercises::Id).primary_key())
                    .col(string_len(Exercises::Code, 32).unique_key())
                    .col(string_len(Exercises::Kind, 8))
                    .col(string_len(Exercises::Status, 16))
                    .col(string_len(Exercises::Name, 200))
                    .col(text(Exercises::Description))
                    .col(string_len(Exercises::LinesOfCommunication, 200))
                    .col(string_len(Exercises::Themes, 400))
                    .col(string_len(Exercises::Climate, 32))
                    .col(string_len(Exercises::Terrain, 32))
                    .col(uuid(Exercises::HostBaseId))
                    .col(uuid(Exercises::LeadNationId))
                    .col(timestamp_with_time_zone(Exercises::StartAt))
                    .col(timestamp_with_time_zone(Exercises::EndAt))
                    .col(integer(Exercises::Sequence))
                    .col(boolean(Exercises::ReleasableToAll))
                    .col(text_null(Exercises::OverrideReason))
                    .col(uuid_null(Exercises::CreatedBy))
                    .col(timestamp_with_time_zone(Exercises::CreatedAt))
                    .col(timestamp_with_time_zone(Exercises::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_exercises_base",
                        (Exercises::Table, Exercises::HostBaseId),
                        (Bases::Table, Bases::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_exercises_nation",
                        (Exercises::Table, Exercises::LeadNationId),
                        (Nations::Table, Nations::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_exercises_created_by",
                        (Exercises::Table, Exercises::CreatedBy),
                        (Users::Table, Users::Id),
                        SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_exercises_time",
                Exercises::Table,
                vec![Exercises::StartAt.into_iden(), Exercises::EndAt.into_iden()],
            ))
            .await?;
        manager
            .create_index(index(
                "ix_exercises_base",
                Exercises::Table,
                vec![Exercises::HostBaseId.into_iden()],
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ExerciseTranslations::Table)
                    .col(uuid(ExerciseTranslations::ExerciseId))
                    .col(string_len(ExerciseTranslations::Locale, 8))
                    .col(string_len(ExerciseTranslations::Name, 200))
                    .col(text(ExerciseTranslations::Description))
                    .primary_key(
                        Index::create()
                            .col(ExerciseTranslations::ExerciseId)
                            .col(ExerciseTranslations::Locale),
                    )
                    .foreign_key(&mut fk(
                        "fk_exercise_translations_exercise",
                        (
                            ExerciseTranslations::Table,
                            ExerciseTranslations::ExerciseId,
                        ),
                        (Exercises::Table, Exercises::Id),
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ExerciseReleasability::Table)
                    .col(uuid(ExerciseReleasability::ExerciseId))
                    .col(uuid(ExerciseReleasability::NationId))
                    .primary_key(
                        Index::create()
                            .col(ExerciseReleasability::ExerciseId)
                            .col(ExerciseReleasability::NationId),
                    )
                    .foreign_key(&mut fk(
                        "fk_exercise_releasability_exercise",
                        (
                            ExerciseReleasability::Table,
                            ExerciseReleasability::ExerciseId,
                        ),
                        (Exercises::Table, Exercises::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_exercise_releasability_nation",
                        (
                            ExerciseReleasability::Table,
                            ExerciseReleasability::NationId,
                        ),
                        (Nations::Table, Nations::Id),
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ExerciseUnits::Table)
                    .col(uuid(ExerciseUnits::ExerciseId))
                    .col(uuid(ExerciseUnits::UnitId))
                    .col(integer(ExerciseUnits::Headcount))
                    .primary_key(
                        Index::create()
                            .col(ExerciseUnits::ExerciseId)
                            .col(ExerciseUnits::UnitId),
                    )
                    .foreign_key(&mut fk(
                        "fk_exercise_units_exercise",
                        (ExerciseUnits::Table, ExerciseUnits::ExerciseId),
                        (Exercises::Table, Exercises::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_exercise_units_unit",
                        (ExerciseUnits::Table, ExerciseUnits::UnitId),
                        (Units::Table, Units::Id),
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_exercise_units_unit",
                ExerciseUnits::Table,
                vec![ExerciseUnits::UnitId.into_iden()],
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ExerciseParticipants::Table)
                    .col(uuid(ExerciseParticipants::ExerciseId))
                    .col(uuid(ExerciseParticipants::UserId))
                    .primary_key(
                        Index::create()
                            .col(ExerciseParticipants::ExerciseId)
                            .col(ExerciseParticipants::UserId),
                    )
                    .foreign_key(&mut fk(
                        "fk_exercise_participants_exercise",
                        (
                            ExerciseParticipants::Table,
                            ExerciseParticipants::ExerciseId,
                        ),
                        (Exercises::Table, Exercises::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_exercise_participants_user",
                        (ExerciseParticipants::Table, ExerciseParticipants::UserId),
                        (Users::Table, Users::Id),
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_exercise_participants_user",
                ExerciseParticipants::Table,
                vec![ExerciseParticipants::UserId.into_iden()],
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ExerciseObjectives::Table)
                    .col(uuid(ExerciseObjectives::Id).primary_key())
                    .col(uuid(ExerciseObjectives::ExerciseId))
                    .col(integer(ExerciseObjectives::Position))
                    .col(text(ExerciseObjectives::Text))
                    .foreign_key(&mut fk(
                        "fk_exercise_objectives_exercise",
                        (ExerciseObjectives::Table, ExerciseObjectives::ExerciseId),
                        (Exercises::Table, Exercises::Id),
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_exercise_objectives_exercise",
                ExerciseObjectives::Table,
                vec![
                    ExerciseObjectives::ExerciseId.into_iden(),
                    ExerciseObjectives::Position.into_iden(),
                ],
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ExerciseRatings::Table)
                    .col(uuid(ExerciseRatings::Id).primary_key())
                    .col(uuid(ExerciseRatings::ExerciseId))
                    .col(uuid(ExerciseRatings::ObjectiveId))
                    .col(uuid(ExerciseRatings::UnitId))
                    .col(string_len(ExerciseRatings::Rating, 1))
                    .col(text(ExerciseRatings::Comment))
                    .col(uuid_null(ExerciseRatings::RatedBy))
                    .col(timestamp_with_time_zone(ExerciseRatings::RatedAt))
                    .foreign_key(&mut fk(
                        "fk_exercise_ratings_exercise",
                        (ExerciseRatings::Table, ExerciseRatings::ExerciseId),
                        (Exercises::Table, Exercises::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_exercise_ratings_objective",
                        (ExerciseRatings::Table, ExerciseRatings::ObjectiveId),
                        (ExerciseObjectives::Table, ExerciseObjectives::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_exercise_ratings_unit",
                        (ExerciseRatings::Table, ExerciseRatings::UnitId),
                        (Units::Table, Units::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_exercise_ratings_rated_by",
                        (ExerciseRatings::Table, ExerciseRatings::RatedBy),
                        (Users::Table, Users::Id),
                        SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                index(
                    "ux_exercise_ratings_objective_unit",
                    ExerciseRatings::Table,
                    vec![
                        ExerciseRatings::ObjectiveId.into_iden(),
                        ExerciseRatings::UnitId.into_iden(),
                    ],
                )
                .unique()
                .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_exercise_ratings_unit",
                ExerciseRatings::Table,
                vec![ExerciseRatings::UnitId.into_iden()],
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Blackouts::Table)
                    .col(uuid(Blackouts::Id).primary_key())
                    .col(uuid(Blackouts::NationId))
                    .col(timestamp_with_time_zone(Blackouts::StartAt))
                    .col(timestamp_with_time_zone(Blackouts::EndAt))
                    .col(string_len(Blackouts::Reason, 200))
                    .col(timestamp_with_time_zone(Blackouts::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_blackouts_nation",
                        (Blackouts::Table, Blackouts::NationId),
                        (Nations::Table, Nations::Id),
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_blackouts_time",
                Blackouts::Table,
                vec![Blackouts::StartAt.into_iden(), Blackouts::EndAt.into_iden()],
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CalendarFeeds::Table)
                    .col(uuid(CalendarFeeds::Id).primary_key())
                    .col(uuid(CalendarFeeds::OwnerId))
                    .col(string_len(CalendarFeeds::Scope, 8))
                    .col(uuid(CalendarFeeds::SubjectId))
                    .col(string_len(CalendarFeeds::TokenHash, 64).unique_key())
                    .col(timestamp_with_time_zone(CalendarFeeds::CreatedAt))
                    .col(timestamp_with_time_zone_null(CalendarFeeds::RevokedAt))
                    .foreign_key(&mut fk(
                        "fk_calendar_feeds_owner",
                        (CalendarFeeds::Table, CalendarFeeds::OwnerId),
                        (Users::Table, Users::Id),
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            CalendarFeeds::Table.into_iden(),
            Blackouts::Table.into_iden(),
            ExerciseRatings::Table.into_iden(),
            ExerciseObjectives::Table.into_iden(),
            ExerciseParticipants::Table.into_iden(),
            ExerciseUnits::Table.into_iden(),
            ExerciseReleasability::Table.into_iden(),
            ExerciseTranslations::Table.into_iden(),
            Exercises::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
