//! Readiness: the model's parameters, today's figures kept current per person and per unit, the
//! daily per-unit snapshots behind the trends, and commanders' own assessments.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Units {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Completions {
    Table,
    UserId,
    ModuleId,
    CompletedOn,
    ExpiresOn,
}

#[derive(DeriveIden)]
enum ReadinessSettings {
    Table,
    Id,
    Params,
    UpdatedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ReadinessPeople {
    Table,
    UserId,
    UnitId,
    ComputedOn,
    Training,
    Exercise,
    Mentorship,
    Score,
    RecentRating,
    Lapse30,
    Lapse60,
    Lapse90,
    Projected30,
    Projected60,
    Projected90,
}

#[derive(DeriveIden)]
enum ReadinessUnits {
    Table,
    UnitId,
    People,
    ScoreSum,
    TrainingSum,
    TrainingN,
    ExerciseSum,
    MentorshipSum,
    MentorshipN,
    Confident,
    LapsePeople30,
    LapsePeople60,
    LapsePeople90,
    LapseModules30,
    LapseModules60,
    LapseModules90,
    ProjectedSum30,
    ProjectedSum60,
    ProjectedSum90,
}

#[derive(DeriveIden)]
enum ReadinessCache {
    Table,
    Id,
    CacheOn,
}

#[derive(DeriveIden)]
enum ReadinessDirty {
    Table,
    UserId,
}

#[derive(DeriveIden)]
enum ReadinessSnapshots {
    Table,
    UnitId,
    TakenOn,
    People,
    Score,
    Training,
    Exercise,
    Mentorship,
    Confidence,
}

#[derive(DeriveIden)]
enum ReadinessAssessments {
    Table,
    Id,
    UnitId,
    Level,
    Reason,
    ComputedLevel,
    ComputedScore,
    AssessedBy,
    AssessedAt,
}

fn fk(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // the readiness aggregation reads only these columns of completions: with them in the
        // index it never touches the table
        manager
            .create_index(
                Index::create()
                    .name("ix_completions_readiness")
                    .table(Completions::Table)
                    .col(Completions::UserId)
                    .col(Completions::ModuleId)
                    .col(Completions::CompletedOn)
                    .col(Completions::ExpiresOn)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReadinessSettings::Table)
                    .col(integer(ReadinessSettings::Id).primary_key())
                    .col(text(ReadinessSettings::Params))
                    .col(uuid_null(ReadinessSettings::UpdatedBy))
                    .col(timestamp_with_time_zone(ReadinessSettings::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReadinessPeople::Table)
                    .col(uuid(ReadinessPeople::UserId).primary_key())
                    .col(uuid_null(ReadinessPeople::UnitId))
                    .col(date(ReadinessPeople::ComputedOn))
                    .col(double_null(ReadinessPeople::Training))
                    .col(double(ReadinessPeople::Exercise))
                    .col(double_null(ReadinessPeople::Mentorship))
                    .col(double(ReadinessPeople::Score))
                    .col(boolean(ReadinessPeople::RecentRating))
                    .col(integer(ReadinessPeople::Lapse30))
                    .col(integer(ReadinessPeople::Lapse60))
                    .col(integer(ReadinessPeople::Lapse90))
                    .col(double(ReadinessPeople::Projected30))
                    .col(double(ReadinessPeople::Projected60))
                    .col(double(ReadinessPeople::Projected90))
                    .foreign_key(&mut fk(
                        "fk_readiness_people_user",
                        (ReadinessPeople::Table, ReadinessPeople::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_readiness_people_unit")
                    .table(ReadinessPeople::Table)
                    .col(ReadinessPeople::UnitId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReadinessUnits::Table)
                    .col(uuid(ReadinessUnits::UnitId).primary_key())
                    .col(big_integer(ReadinessUnits::People))
                    .col(double(ReadinessUnits::ScoreSum))
                    .col(double(ReadinessUnits::TrainingSum))
                    .col(big_integer(ReadinessUnits::TrainingN))
                    .col(double(ReadinessUnits::ExerciseSum))
                    .col(double(ReadinessUnits::MentorshipSum))
                    .col(big_integer(ReadinessUnits::MentorshipN))
                    .col(big_integer(ReadinessUnits::Confident))
                    .col(big_integer(ReadinessUnits::LapsePeople30))
                    .col(big_integer(ReadinessUnits::LapsePeople60))
                    .col(big_integer(ReadinessUnits::LapsePeople90))
                    .col(big_integer(ReadinessUnits::LapseModules30))
                    .col(big_integer(ReadinessUnits::LapseModules60))
                    .col(big_integer(ReadinessUnits::LapseModules90))
                    .col(double(ReadinessUnits::ProjectedSum30))
                    .col(double(ReadinessUnits::ProjectedSum60))
                    .col(double(ReadinessUnits::ProjectedSum90))
                    .foreign_key(&mut fk(
                        "fk_readiness_units_unit",
                        (ReadinessUnits::Table, ReadinessUnits::UnitId),
                        (Units::Table, Units::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReadinessCache::Table)
                    .col(integer(ReadinessCache::Id).primary_key())
                    .col(date_null(ReadinessCache::CacheOn))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReadinessDirty::Table)
                    .col(uuid(ReadinessDirty::UserId).primary_key())
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReadinessSnapshots::Table)
                    .col(uuid(ReadinessSnapshots::UnitId))
                    .col(date(ReadinessSnapshots::TakenOn))
                    .col(big_integer(ReadinessSnapshots::People))
                    .col(double_null(ReadinessSnapshots::Score))
                    .col(double_null(ReadinessSnapshots::Training))
                    .col(double_null(ReadinessSnapshots::Exercise))
                    .col(double_null(ReadinessSnapshots::Mentorship))
                    .col(double(ReadinessSnapshots::Confidence))
                    .primary_key(
                        Index::create()
                            .col(ReadinessSnapshots::UnitId)
                            .col(ReadinessSnapshots::TakenOn),
                    )
                    .foreign_key(&mut fk(
                        "fk_readiness_snapshots_unit",
                        (ReadinessSnapshots::Table, ReadinessSnapshots::UnitId),
                        (Units::Table, Units::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReadinessAssessments::Table)
                    .col(uuid(ReadinessAssessments::Id).primary_key())
                    .col(uuid(ReadinessAssessments::UnitId))
                    .col(string_len(ReadinessAssessments::Level, 2))
                    .col(text(ReadinessAssessments::Reason))
                    .col(string_len_null(ReadinessAssessments::ComputedLevel, 2))
                    .col(double_null(ReadinessAssessments::ComputedScore))
                    .col(uuid(ReadinessAssessments::AssessedBy))
                    .col(timestamp_with_time_zone(ReadinessAssessments::AssessedAt))
                    .foreign_key(&mut fk(
                        "fk_readiness_assessments_unit",
                        (ReadinessAssessments::Table, ReadinessAssessments::UnitId),
                        (Units::Table, Units::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_readiness_assessments_unit")
                    .table(ReadinessAssessments::Table)
                    .col(ReadinessAssessments::UnitId)
                    .col(ReadinessAssessments::AssessedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_completions_readiness")
                    .table(Completions::Table)
                    .to_owned(),
            )
            .await?;
        for table in [
            ReadinessAssessments::Table.into_iden(),
            ReadinessSnapshots::Table.into_iden(),
            ReadinessDirty::Table.into_iden(),
            ReadinessCache::Table.into_iden(),
            ReadinessUnits::Table.into_iden(),
            ReadinessPeople::Table.into_iden(),
            ReadinessSettings::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
