//! The demo curriculum (from `curriculum.txt`: a dozen real logistics modules with quizzes, in
//! six languages with deliberate gaps), unit and personal enrolments, and a few completions so
//! dashboards show progress and expiring training from the first start.

use chrono::{DateTime, Days, Months, NaiveDate, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};
use uuid::Uuid;

use super::demo_id;
use crate::{
    domain::curriculum::{TranslationStatus, expiry_date},
    server::{
        entities::{
            completion, content_text, curriculum, enrolment, module, module_prerequisite,
            quiz_choice, quiz_question,
        },
        error::ServiceError,
        services::curriculum::status_name,
    },
};

const SOURCE: &str = include_str!("curriculum.txt");

/// One text line: field, locale, status, text.
#[derive(Debug, PartialEq)]
pub(crate) struct Text {
    pub field: String,
    pub locale: String,
    pub status: TranslationStatus,
    pub text: String,
}

#[derive(Debug, Default, PartialEq)]
pub(crate) struct DemoQuestion {
    pub key: String,
    pub multiple: bool,
    /// `(key, correct)`.
    pub choices: Vec<(String, bool)>,
}

#[derive(Debug, Default, PartialEq)]
pub(crate) struct DemoModule {
    pub code: String,
    pub specialty: Option<String>,
    pub minutes: i32,
    pub pass_mark: i32,
    pub validity: i32,
    pub prerequisites: Vec<String>,
    pub questions: Vec<DemoQuestion>,
    pub texts: Vec<Text>,
}

#[derive(Debug, Default, PartialEq)]
pub(crate) struct DemoCurriculum {
    pub code: String,
    pub source_locale: String,
    pub self_enrol: bool,
    pub texts: Vec<Text>,
    pub modules: Vec<DemoModule>,
}

fn cells(rest: &str) -> Vec<&str> {
    rest.split('|').map(str::trim).collect()
}

fn number(s: &str, no: usize) -> Result<i32, String> {
    s.parse()
        .map_err(|_| format!("line {no}: number expected, got {s}"))
}

/// Parses the demo file; errors name the line.
pub(crate) fn parse(source: &str) -> Result<Vec<DemoCurriculum>, String> {
    let mut out: Vec<DemoCurriculum> = vec![];
    for (i, line) in source.lines().enumerate() {
        let no = i + 1;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix("curriculum ") {
            let [code, locale, self_enrol] = cells(rest)[..] else {
                return Err(format!("line {no}: three fields expected"));
            };
            out.push(DemoCurriculum {
                code: code.into(),
                source_locale: locale.into(),
                self_enrol: self_enrol == "yes",
                ..Default::default()
            });
            continue;
        }
        let c = out
            .last_mut()
            .ok_or(format!("line {no}: curriculum first"))?;
        if let Some(rest) = line.strip_prefix("module ") {
            let [code, specialty, minutes, pass, validity, prereqs] = cells(rest)[..] else {
                return Err(format!("line {no}: six fields expected"));
            };
            c.modules.push(DemoModule {
                code: code.into(),
                specialty: (specialty != "-").then(|| specialty.into()),
                minutes: number(minutes, no)?,
                pass_mark: number(pass, no)?,
                validity: number(validity, no)?,
                prerequisites: prereqs
                    .split(',')
                    .map(str::trim)
                    .filter(|p| !p.is_empty() && *p != "-")
                    .map(str::to_owned)
                    .collect(),
                ..Default::default()
            });
        } else if let Some(rest) = line.strip_prefix("question ") {
            let [key, kind, choices] = cells(rest)[..] else {
                return Err(format!("line {no}: three fields expected"));
            };
            let m = c
                .modules
                .last_mut()
                .ok_or(format!("line {no}: module first"))?;
            m.questions.push(DemoQuestion {
                key: key.into(),
                multiple: kind == "multiple",
                choices: choices
                    .split(',')
                    .map(|ch| {
                        let ch = ch.trim();
                        ch.strip_suffix('*')
                            .map_or((ch.to_owned(), false), |k| (k.to_owned(), true))
                    })
                    .collect(),
            });
        } else {
            let (name, text) = line
                .split_once(" = ")
                .ok_or(format!("line {no}: `field.locale = text` expected"))?;
            let (field, locale) = name
                .rsplit_once('.')
                .ok_or(format!("line {no}: field.locale expected"))?;
            let (locale, status) = if let Some(l) = locale.strip_suffix('~') {
                (l, TranslationStatus::Outdated)
            } else if let Some(l) = locale.strip_suffix('?') {
                (l, TranslationStatus::Draft)
            } else {
                (locale, TranslationStatus::Current)
            };
            let t = Text {
                field: field.into(),
                locale: locale.into(),
                status,
                text: text.replace("\\n", "\n"),
            };
            match c.modules.last_mut() {
                Some(m) => m.texts.push(t),
                None => c.texts.push(t),
            }
        }
    }
    Ok(out)
}

async fn texts<C: ConnectionTrait>(
    db: &C,
    owner: Uuid,
    texts: &[Text],
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    for t in texts {
        content_text::Entity::insert(content_text::ActiveModel {
            owner_id: Set(owner),
            field: Set(t.field.clone()),
            locale: Set(t.locale.clone()),
            text: Set(t.text.clone()),
            status: Set(status_name(t.status).to_owned()),
            updated_at: Set(now),
        })
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

/// The id of a demo module by code.
pub fn module_id(code: &str) -> Uuid {
    demo_id("module", code)
}

/// Writes the demo curricula, enrolments and completions; returns the number of modules.
pub(crate) async fn seed<C: ConnectionTrait>(
    db: &C,
    now: DateTime<Utc>,
) -> Result<usize, ServiceError> {
    let curricula = parse(SOURCE).map_err(|e| anyhow::anyhow!("demo curriculum: {e}"))?;
    let mut count = 0;
    for c in &curricula {
        let cid = demo_id("curriculum", &c.code);
        curriculum::Entity::insert(curriculum::ActiveModel {
            id: Set(cid),
            code: Set(c.code.clone()),
            source_locale: Set(c.source_locale.clone()),
            self_enrol: Set(c.self_enrol),
            created_at: Set(now),
            updated_at: Set(now),
        })
        .exec_without_returning(db)
        .await?;
        texts(db, cid, &c.texts, now).await?;
        for (pos, m) in c.modules.iter().enumerate() {
            let mid = module_id(&m.code);
            module::Entity::insert(module::ActiveModel {
                id: Set(mid),
                curriculum_id: Set(cid),
                position: Set(pos as i32),
                code: Set(m.code.clone()),
                estimated_minutes: Set(m.minutes),
                pass_mark: Set(m.pass_mark),
                validity_months: Set(m.validity),
                content_version: Set(1),
                specialty: Set(m.specialty.clone()),
                created_at: Set(now),
                updated_at: Set(now),
            })
            .exec_without_returning(db)
            .await?;
            texts(db, mid, &m.texts, now).await?;
            for (qi, q) in m.questions.iter().enumerate() {
                let qid = demo_id("question", &format!("{}:{}", m.code, q.key));
                quiz_question::Entity::insert(quiz_question::ActiveModel {
                    id: Set(qid),
                    module_id: Set(mid),
                    key: Set(q.key.clone()),
                    position: Set(qi as i32),
                    multiple: Set(q.multiple),
                })
                .exec_without_returning(db)
                .await?;
                for (ci, (key, correct)) in q.choices.iter().enumerate() {
                    quiz_choice::Entity::insert(quiz_choice::ActiveModel {
                        id: Set(demo_id("choice", &format!("{}:{}:{key}", m.code, q.key))),
                        question_id: Set(qid),
                        key: Set(key.clone()),
                        position: Set(ci as i32),
                        correct: Set(*correct),
                    })
                    .exec_without_returning(db)
                    .await?;
                }
            }
            count += 1;
        }
        for m in &c.modules {
            for p in &m.prerequisites {
                module_prerequisite::Entity::insert(module_prerequisite::ActiveModel {
                    module_id: Set(module_id(&m.code)),
                    prerequisite_id: Set(module_id(p)),
                })
                .exec_without_returning(db)
                .await?;
            }
        }
    }
    enrol_and_complete(db, now).await?;
    Ok(count)
}

async fn enrol_and_complete<C: ConnectionTrait>(
    db: &C,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let cid = demo_id("curriculum", "nato-logistics-foundations");
    let today = now.date_naive();
    let in_days = |d: u64| today.checked_add_days(Days::new(d));
    let officer = demo_id("user", "officer.alliance");
    let units = [
        ("POL:1st Logistics Brigade", in_days(60)),
        ("DEU:Logistics Command Support Regiment", in_days(90)),
        ("FRA:Logistics Command Brigade", in_days(45)),
    ];
    let people = [
        ("trainee.ukr", in_days(30)),
        ("trainee.esp", today.checked_sub_days(Days::new(5))),
    ];
    let rows = units
        .iter()
        .map(|(u, due)| (None, Some(demo_id("unit", u)), *due))
        .chain(
            people
                .iter()
                .map(|(p, due)| (Some(demo_id("user", p)), None, *due)),
        );
    for (user_id, unit_id, due_on) in rows {
        enrolment::Entity::insert(enrolment::ActiveModel {
            id: Set(Uuid::new_v4()),
            curriculum_id: Set(cid),
            user_id: Set(user_id),
            unit_id: Set(unit_id),
            due_on: Set(due_on),
            created_by: Set(officer),
            created_at: Set(now),
        })
        .exec_without_returning(db)
        .await?;
    }
    let months_ago = |m: u32, d: u64| {
        today
            .checked_sub_months(Months::new(m))
            .and_then(|x| x.checked_add_days(Days::new(d)))
            .unwrap_or(today)
    };
    // (person, module, completed on, validity months of that module, locale)
    let done: [(&str, &str, NaiveDate, i32, &str); 5] = [
        (
            "trainee.pol",
            "logistics-principles",
            months_ago(3, 0),
            0,
            "pl",
        ),
        ("trainee.pol", "cyber-hygiene", months_ago(12, 40), 12, "en"),
        (
            "trainee.ukr",
            "logistics-principles",
            months_ago(2, 0),
            0,
            "uk",
        ),
        (
            "trainee.ukr",
            "ammunition-safety",
            months_ago(12, 20),
            12,
            "en",
        ),
        (
            "trainee.fra",
            "logistics-principles",
            months_ago(1, 0),
            0,
            "fr",
        ),
    ];
    for (person, code, on, validity, locale) in done {
        completion::Entity::insert(completion::ActiveModel {
            id: Set(Uuid::new_v4()),
            user_id: Set(demo_id("user", person)),
            module_id: Set(module_id(code)),
            completed_on: Set(on),
            expires_on: Set(expiry_date(on, validity as u32)),
            score: Set(90),
            locale: Set(locale.to_owned()),
            content_version: Set(1),
            source: Set("import".to_owned()),
            recorded_by: Set(Some(officer)),
            created_at: Set(now),
        })
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::domain::curriculum::{Question, find_prerequisite_cycle, quiz_issues};

    #[test]
    fn the_demo_curriculum_parses_into_a_dozen_valid_modules() {
        let all = parse(SOURCE).unwrap_or_default();
        assert_eq!(all.len(), 1);
        let c = &all[0];
        assert!(c.modules.len() >= 12);
        let codes: BTreeSet<&str> = c.modules.iter().map(|m| m.code.as_str()).collect();
        let mut edges = vec![];
        for m in &c.modules {
            assert!(m.specialty.is_some(), "{} has a specialty", m.code);
            let fields: BTreeSet<&str> = m
                .texts
                .iter()
                .filter(|t| t.locale == "en")
                .map(|t| t.field.as_str())
                .collect();
            assert!(
                fields.contains("title") && fields.contains("body"),
                "{}",
                m.code
            );
            let questions: Vec<Question> = m
                .questions
                .iter()
                .map(|q| Question {
                    id: q.key.clone(),
                    multiple: q.multiple,
                    choices: q.choices.iter().map(|c| c.0.clone()).collect(),
                    correct: q
                        .choices
                        .iter()
                        .filter(|c| c.1)
                        .map(|c| c.0.clone())
                        .collect(),
                })
                .collect();
            assert_eq!(quiz_issues(&questions), vec![], "{}", m.code);
            for q in &m.questions {
                assert!(fields.contains(format!("questions.{}", q.key).as_str()));
                for (k, _) in &q.choices {
                    assert!(fields.contains(format!("questions.{}.{k}", q.key).as_str()));
                }
            }
            for p in &m.prerequisites {
                assert!(codes.contains(p.as_str()), "{} requires {p}", m.code);
                edges.push((module_id(&m.code), module_id(p)));
            }
            // Every translated field exists in the source.
            for t in m.texts.iter().filter(|t| t.locale != "en") {
                assert!(fields.contains(t.field.as_str()), "{} {}", m.code, t.field);
            }
        }
        assert_eq!(find_prerequisite_cycle(&edges), None);
        let polish = |code: &str| {
            c.modules
                .iter()
                .find(|m| m.code == code)
                .is_some_and(|m| m.texts.iter().any(|t| t.locale == "pl"))
        };
        assert!(!polish("medical-logistics"), "a module without Polish");
        assert!(polish("classes-of-supply"));
    }
}
