//! Curricula, ordered modules with quizzes, per-field translations with a status, enrolments,
//! completions and quiz attempts.

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
enum Curricula {
    Table,
    Id,
    Code,
    SourceLocale,
    SelfEnrol,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Modules {
    Table,
    Id,
    CurriculumId,
    Position,
    Code,
    EstimatedMinutes,
    PassMark,
    ValidityMonths,
    ContentVersion,
    Specialty,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ModulePrerequisites {
    Table,
    ModuleId,
    PrerequisiteId,
}

#[derive(DeriveIden)]
enum ContentTexts {
    Table,
    OwnerId,
    Field,
    Locale,
    Text,
    Status,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum QuizQuestions {
    Table,
    Id,
    ModuleId,
    Key,
    Position,
    Multiple,
}

#[derive(DeriveIden)]
enum QuizChoices {
    Table,
    Id,
    QuestionId,
    Key,
    Position,
    Correct,
}

#[derive(DeriveIden)]
enum Enrolments {
    Table,
    Id,
    CurriculumId,
    UserId,
    UnitId,
    DueOn,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Completions {
    Table,
    Id,
    UserId,
    ModuleId,
    CompletedOn,
    ExpiresOn,
    Score,
    Locale,
    ContentVersion,
    Source,
    RecordedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum QuizAttempts {
    Table,
    Id,
    UserId,
    ModuleId,
    Answers,
    Score,
    Passed,
    Locale,
    AttemptedAt,
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

async fn index(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden,
    cols: Vec<DynIden>,
    unique: bool,
) -> Result<(), DbErr> {
    let mut idx = Index::create().name(name).table(table).to_owned();
    for c in cols {
        idx.col(c);
    }
    if unique {
        idx.unique();
    }
    manager.create_index(idx).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Curricula::Table)
                    .col(uuid(Curricula::Id).primary_key())
                    .col(string_len(Curricula::Code, 64).unique_key())
                    .col(string_len(Curricula::SourceLocale, 8))
                    .col(boolean(Curricula::SelfEnrol))
                    .col(timestamp_with_time_zone(Curricula::CreatedAt))
                    .col(timestamp_with_time_zone(Curricula::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Modules::Table)
                    .col(uuid(Modules::Id).primary_key())
                    .col(uuid(Modules::CurriculumId))
                    .col(integer(Modules::Position))
                    .col(string_len(Modules::Code, 64))
                    .col(integer(Modules::EstimatedMinutes))
                    .col(integer(Modules::PassMark))
                    .col(integer(Modules::ValidityMonths))
                    .col(integer(Modules::ContentVersion))
                    .col(string_len_null(Modules::Specialty, 32))
                    .col(timestamp_with_time_zone(Modules::CreatedAt))
                    .col(timestamp_with_time_zone(Modules::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_modules_curriculum",
                        (Modules::Table, Modules::CurriculumId),
                        (Curricula::Table, Curricula::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ux_modules_curriculum_code",
            Modules::Table,
            vec![Modules::CurriculumId.into_iden(), Modules::Code.into_iden()],
            true,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(ModulePrerequisites::Table)
                    .col(uuid(ModulePrerequisites::ModuleId))
                    .col(uuid(ModulePrerequisites::PrerequisiteId))
                    .primary_key(
                        Index::create()
                            .col(ModulePrerequisites::ModuleId)
                            .col(ModulePrerequisites::PrerequisiteId),
                    )
                    .foreign_key(&mut fk(
                        "fk_module_prerequisites_module",
                        (ModulePrerequisites::Table, ModulePrerequisites::ModuleId),
                        (Modules::Table, Modules::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_module_prerequisites_prerequisite",
                        (
                            ModulePrerequisites::Table,
                            ModulePrerequisites::PrerequisiteId,
                        ),
                        (Modules::Table, Modules::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ContentTexts::Table)
                    .col(uuid(ContentTexts::OwnerId))
                    .col(string_len(ContentTexts::Field, 128))
                    .col(string_len(ContentTexts::Locale, 8))
                    .col(text(ContentTexts::Text))
                    .col(string_len(ContentTexts::Status, 16))
                    .col(timestamp_with_time_zone(ContentTexts::UpdatedAt))
                    .primary_key(
                        Index::create()
                            .col(ContentTexts::OwnerId)
                            .col(ContentTexts::Field)
                            .col(ContentTexts::Locale),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(QuizQuestions::Table)
                    .col(uuid(QuizQuestions::Id).primary_key())
                    .col(uuid(QuizQuestions::ModuleId))
                    .col(string_len(QuizQuestions::Key, 32))
                    .col(integer(QuizQuestions::Position))
                    .col(boolean(QuizQuestions::Multiple))
                    .foreign_key(&mut fk(
                        "fk_quiz_questions_module",
                        (QuizQuestions::Table, QuizQuestions::ModuleId),
                        (Modules::Table, Modules::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ux_quiz_questions_module_key",
            QuizQuestions::Table,
            vec![
                QuizQuestions::ModuleId.into_iden(),
                QuizQuestions::Key.into_iden(),
            ],
            true,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(QuizChoices::Table)
                    .col(uuid(QuizChoices::Id).primary_key())
                    .col(uuid(QuizChoices::QuestionId))
                    .col(string_len(QuizChoices::Key, 32))
                    .col(integer(QuizChoices::Position))
                    .col(boolean(QuizChoices::Correct))
                    .foreign_key(&mut fk(
                        "fk_quiz_choices_question",
                        (QuizChoices::Table, QuizChoices::QuestionId),
                        (QuizQuestions::Table, QuizQuestions::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ux_quiz_choices_question_key",
            QuizChoices::Table,
            vec![
                QuizChoices::QuestionId.into_iden(),
                QuizChoices::Key.into_iden(),
            ],
            true,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(Enrolments::Table)
                    .col(uuid(Enrolments::Id).primary_key())
                    .col(uuid(Enrolments::CurriculumId))
                    .col(uuid_null(Enrolments::UserId))
                    .col(uuid_null(Enrolments::UnitId))
                    .col(date_null(Enrolments::DueOn))
                    .col(uuid(Enrolments::CreatedBy))
                    .col(timestamp_with_time_zone(Enrolments::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_enrolments_curriculum",
                        (Enrolments::Table, Enrolments::CurriculumId),
                        (Curricula::Table, Curricula::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_enrolments_user",
                        (Enrolments::Table, Enrolments::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_enrolments_unit",
                        (Enrolments::Table, Enrolments::UnitId),
                        (Units::Table, Units::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("ix_enrolments_user", Enrolments::UserId),
            ("ix_enrolments_unit", Enrolments::UnitId),
            ("ix_enrolments_curriculum", Enrolments::CurriculumId),
        ] {
            index(
                manager,
                name,
                Enrolments::Table,
                vec![col.into_iden()],
                false,
            )
            .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(Completions::Table)
                    .col(uuid(Completions::Id).primary_key())
                    .col(uuid(Completions::UserId))
                    .col(uuid(Completions::ModuleId))
                    .col(date(Completions::CompletedOn))
                    .col(date_null(Completions::ExpiresOn))
                    .col(integer(Completions::Score))
                    .col(string_len(Completions::Locale, 8))
                    .col(integer(Completions::ContentVersion))
                    .col(string_len(Completions::Source, 16))
                    .col(uuid_null(Completions::RecordedBy))
                    .col(timestamp_with_time_zone(Completions::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_completions_user",
                        (Completions::Table, Completions::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_completions_module",
                        (Completions::Table, Completions::ModuleId),
                        (Modules::Table, Modules::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_completions_user_module",
            Completions::Table,
            vec![
                Completions::UserId.into_iden(),
                Completions::ModuleId.into_iden(),
            ],
            false,
        )
        .await?;
        index(
            manager,
            "ix_completions_module",
            Completions::Table,
            vec![Completions::ModuleId.into_iden()],
            false,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(QuizAttempts::Table)
                    .col(uuid(QuizAttempts::Id).primary_key())
                    .col(uuid(QuizAttempts::UserId))
                    .col(uuid(QuizAttempts::ModuleId))
                    .col(text(QuizAttempts::Answers))
                    .col(integer(QuizAttempts::Score))
                    .col(boolean(QuizAttempts::Passed))
                    .col(string_len(QuizAttempts::Locale, 8))
                    .col(timestamp_with_time_zone(QuizAttempts::AttemptedAt))
                    .foreign_key(&mut fk(
                        "fk_quiz_attempts_user",
                        (QuizAttempts::Table, QuizAttempts::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_quiz_attempts_module",
                        (QuizAttempts::Table, QuizAttempts::ModuleId),
                        (Modules::Table, Modules::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_quiz_attempts_user_module",
            QuizAttempts::Table,
            vec![
                QuizAttempts::UserId.into_iden(),
                QuizAttempts::ModuleId.into_iden(),
            ],
            false,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            QuizAttempts::Table.into_iden(),
            Completions::Table.into_iden(),
            Enrolments::Table.into_iden(),
            QuizChoices::Table.into_iden(),
            QuizQuestions::Table.into_iden(),
            ContentTexts::Table.into_iden(),
            ModulePrerequisites::Table.into_iden(),
            Modules::Table.into_iden(),
            Curricula::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
