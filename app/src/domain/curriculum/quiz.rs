//! Quiz scoring and quiz authoring checks, by question and choice ids only; pure: must not
//! import I/O, a clock, the database or Leptos.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::FieldIssue;

/// A quiz question by ids only: choice texts live in translations, so scoring cannot depend on
/// language or display order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    /// Several choices may be selected.
    pub multiple: bool,
    pub choices: Vec<String>,
    pub correct: BTreeSet<String>,
}

/// A trainee's submission: question id → chosen choice ids.
pub type Answers = BTreeMap<String, BTreeSet<String>>;

/// Result of a quiz attempt; `percent` is floored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizScore {
    pub correct: u32,
    pub total: u32,
    pub percent: u32,
}

/// Why a submission is rejected (a 422; nothing is recorded). Every variant names the question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum AnswerError {
    #[error("no question `{question}` in this quiz")]
    UnknownQuestion { question: String },
    #[error("question `{question}` has no choice `{choice}`")]
    UnknownChoice { question: String, choice: String },
    #[error("question `{question}` has an empty selection")]
    EmptySelection { question: String },
    #[error("question `{question}` takes a single choice")]
    TooManyChoices { question: String },
    #[error("question `{question}` is not answered")]
    Missing { question: String },
}

impl AnswerError {
    /// The question the error is about.
    pub fn question(&self) -> &str {
        match self {
            Self::UnknownQuestion { question }
            | Self::UnknownChoice { question, .. }
            | Self::EmptySelection { question }
            | Self::TooManyChoices { question }
            | Self::Missing { question } => question,
        }
    }

    /// As a form issue: field `answers.<question id>`, code e.g. `unknown-choice`.
    pub fn field_issue(&self) -> FieldIssue {
        let code = match self {
            Self::UnknownQuestion { .. } => "unknown-question",
            Self::UnknownChoice { .. } => "unknown-choice",
            Self::EmptySelection { .. } => "empty-selection",
            Self::TooManyChoices { .. } => "too-many-choices",
            Self::Missing { .. } => "required",
        };
        FieldIssue::new(format!("answers.{}", self.question()), code)
    }
}

/// Scores a submission: a question is correct iff the chosen set equals its correct set. Fails on
/// the first problem in a fixed order (unknown question ids in id order, then each question in id
/// order: missing, empty, unknown choice, several choices for a single-answer question), so the
/// outcome never depends on question or choice order. An empty quiz scores 0 of 0, 0 %.
pub fn score(questions: &[Question], answers: &Answers) -> Result<QuizScore, AnswerError> {
    let mut by_id: Vec<&Question> = questions.iter().collect();
    by_id.sort_by(|a, b| a.id.cmp(&b.id));
    let known: BTreeSet<&str> = by_id.iter().map(|q| q.id.as_str()).collect();
    if let Some(unknown) = answers.keys().find(|k| !known.contains(k.as_str())) {
        return Err(AnswerError::UnknownQuestion {
            question: unknown.clone(),
        });
    }
    let mut correct = 0u32;
    for q in &by_id {
        let question = || q.id.clone();
        let chosen = answers.get(&q.id).ok_or_else(|| AnswerError::Missing {
            question: question(),
        })?;
        if chosen.is_empty() {
            return Err(AnswerError::EmptySelection {
                question: question(),
            });
        }
        if let Some(choice) = chosen.iter().find(|c| !q.choices.contains(c)) {
            return Err(AnswerError::UnknownChoice {
                question: question(),
                choice: choice.clone(),
            });
        }
        if !q.multiple && chosen.len() > 1 {
            return Err(AnswerError::TooManyChoices {
                question: question(),
            });
        }
        if *chosen == q.correct {
            correct += 1;
        }
    }
    let total = u32::try_from(by_id.len()).unwrap_or(u32::MAX);
    let percent = if total == 0 {
        0
    } else {
        u32::try_from(u64::from(correct) * 100 / u64::from(total)).unwrap_or(100)
    };
    Ok(QuizScore {
        correct,
        total,
        percent,
    })
}

/// Whether the attempt reaches the pass mark (exact: `correct / total ≥ pass_mark / 100`, which
/// agrees with the floored percent).
pub fn passed(score: &QuizScore, pass_mark_percent: u32) -> bool {
    u64::from(score.correct) * 100 >= u64::from(pass_mark_percent) * u64::from(score.total)
}

/// Authoring issues of a quiz, field `questions.<id>`: `duplicate-question`, `too-few-choices`
/// (< 2), `duplicate-choice`, `unknown-correct-choice`, `no-correct-choice`, and
/// `single-needs-one-correct` for a single-answer question with several correct choices.
/// A quiz with no question gets (`questions`, `required`).
pub fn quiz_issues(questions: &[Question]) -> Vec<FieldIssue> {
    if questions.is_empty() {
        return vec![FieldIssue::new("questions", "required")];
    }
    let mut issues = Vec::new();
    let mut seen = BTreeSet::new();
    for q in questions {
        let field = format!("questions.{}", q.id);
        let choices: BTreeSet<&String> = q.choices.iter().collect();
        let checks = [
            (!seen.insert(&q.id), "duplicate-question"),
            (q.choices.len() < 2, "too-few-choices"),
            (choices.len() != q.choices.len(), "duplicate-choice"),
            (
                q.correct.iter().any(|c| !choices.contains(c)),
                "unknown-correct-choice",
            ),
            (q.correct.is_empty(), "no-correct-choice"),
            (
                !q.multiple && q.correct.len() > 1,
                "single-needs-one-correct",
            ),
        ];
        issues.extend(
            checks
                .into_iter()
                .filter(|(broken, _)| *broken)
                .map(|(_, code)| FieldIssue::new(field.clone(), code)),
        );
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    fn q(id: &str, multiple: bool, choices: &[&str], correct: &[&str]) -> Question {
        Question {
            id: id.to_owned(),
            multiple,
            choices: choices.iter().map(|s| (*s).to_owned()).collect(),
            correct: set(correct),
        }
    }

    fn answers(entries: &[(&str, &[&str])]) -> Answers {
        entries
            .iter()
            .map(|(q, c)| ((*q).to_owned(), set(c)))
            .collect()
    }

    fn quiz() -> Vec<Question> {
        vec![
            q("q1", false, &["a", "b", "c"], &["b"]),
            q("q2", true, &["a", "b", "c", "d"], &["a", "c"]),
            q("q3", false, &["yes", "no"], &["no"]),
        ]
    }

    #[test]
    fn a_question_is_correct_only_when_the_chosen_set_equals_the_correct_set() {
        let a = answers(&[("q1", &["b"]), ("q2", &["a"]), ("q3", &["no"])]);
        let s = score(&quiz(), &a).unwrap();
        assert_eq!(
            s,
            QuizScore {
                correct: 2,
                total: 3,
                percent: 66
            }
        );
        assert!(passed(&s, 66) && !passed(&s, 67));
        let all = answers(&[("q1", &["b"]), ("q2", &["c", "a"]), ("q3", &["no"])]);
        assert_eq!(score(&quiz(), &all).unwrap().percent, 100);
        let over = answers(&[("q1", &["b"]), ("q2", &["a", "c", "d"]), ("q3", &["no"])]);
        assert_eq!(score(&quiz(), &over).unwrap().correct, 2);
    }

    #[test]
    fn scoring_ignores_display_language_and_choice_order() {
        // the Polish screen lists choices in another order; answers carry ids either way
        let mut polish = quiz();
        for question in &mut polish {
            question.choices.reverse();
        }
        polish.reverse();
        let a = answers(&[("q1", &["c"]), ("q2", &["c", "a"]), ("q3", &["no"])]);
        assert_eq!(score(&quiz(), &a), score(&polish, &a));
        assert_eq!(score(&polish, &a).unwrap().correct, 2);
    }

    #[test]
    fn each_invalid_submission_is_rejected_naming_the_question() {
        let ok: &[(&str, &[&str])] = &[("q1", &["b"]), ("q2", &["a"]), ("q3", &["no"])];
        let with = |q: &str, c: &[&str]| {
            let mut a = answers(ok);
            a.insert(q.to_owned(), set(c));
            score(&quiz(), &a).unwrap_err()
        };
        assert_eq!(
            with("q9", &["a"]),
            AnswerError::UnknownQuestion {
                question: "q9".into()
            }
        );
        assert_eq!(
            with("q2", &["z"]),
            AnswerError::UnknownChoice {
                question: "q2".into(),
                choice: "z".into()
            }
        );
        assert_eq!(
            with("q3", &[]),
            AnswerError::EmptySelection {
                question: "q3".into()
            }
        );
        let many = with("q1", &["a", "b"]);
        assert_eq!(
            many,
            AnswerError::TooManyChoices {
                question: "q1".into()
            }
        );
        assert_eq!(
            many.field_issue(),
            FieldIssue::new("answers.q1", "too-many-choices")
        );
        let mut missing = answers(ok);
        missing.remove("q2");
        let err = score(&quiz(), &missing).unwrap_err();
        assert_eq!(
            err,
            AnswerError::Missing {
                question: "q2".into()
            }
        );
        assert_eq!(err.question(), "q2");
    }

    #[test]
    fn an_empty_quiz_scores_zero_of_zero() {
        let s = score(&[], &Answers::new()).unwrap();
        assert_eq!(
            s,
            QuizScore {
                correct: 0,
                total: 0,
                percent: 0
            }
        );
        assert!(passed(&s, 0));
    }

    #[test]
    fn quiz_authoring_flags_malformed_questions() {
        assert!(quiz_issues(&quiz()).is_empty());
        assert_eq!(
            quiz_issues(&[]),
            vec![FieldIssue::new("questions", "required")]
        );
        let bad = vec![
            q("a", false, &["x"], &["x"]),
            q("b", false, &["x", "x", "y"], &["x", "y"]),
            q("c", true, &["x", "y"], &[]),
            q("c", true, &["x", "y"], &["z"]),
        ];
        let got: Vec<(String, String)> = quiz_issues(&bad)
            .into_iter()
            .map(|i| (i.field, i.code))
            .collect();
        let want: Vec<(String, String)> = [
            ("a", "too-few-choices"),
            ("b", "duplicate-choice"),
            ("b", "single-needs-one-correct"),
            ("c", "no-correct-choice"),
            ("c", "duplicate-question"),
            ("c", "unknown-correct-choice"),
        ]
        .iter()
        .map(|(f, c)| (format!("questions.{f}"), (*c).to_owned()))
        .collect();
        assert_eq!(got, want);
    }

    /// Brute-force oracle: count questions whose answer matches, looking each one up linearly.
    fn oracle(questions: &[Question], answers: &[(String, Vec<String>)]) -> u32 {
        questions
            .iter()
            .filter(|q| {
                let given = answers.iter().find(|(id, _)| *id == q.id).map(|(_, c)| c);
                given.is_some_and(|c| {
                    c.len() == q.correct.len() && c.iter().all(|x| q.correct.contains(x))
                })
            })
            .count() as u32
    }

    proptest! {
        #[test]
        fn scoring_is_invariant_under_reordering_and_matches_the_oracle(
            picks in proptest::collection::vec(
                (proptest::collection::btree_set(0usize..4, 1..4), proptest::collection::btree_set(0usize..4, 1..4)),
                1..6,
            ),
            seed in any::<u64>(),
        ) {
            let names = ["a", "b", "c", "d"];
            let questions: Vec<Question> = picks.iter().enumerate().map(|(i, (correct, _))| Question {
                id: format!("q{i}"),
                multiple: true,
                choices: names.iter().map(|s| (*s).to_owned()).collect(),
                correct: correct.iter().map(|&c| names[c].to_owned()).collect(),
            }).collect();
            let given: Vec<(String, Vec<String>)> = picks.iter().enumerate()
                .map(|(i, (_, chosen))| (format!("q{i}"), chosen.iter().map(|&c| names[c].to_owned()).collect()))
                .collect();
            let a: Answers = given.iter().map(|(q, c)| (q.clone(), c.iter().cloned().collect())).collect();
            let base = score(&questions, &a).unwrap();
            prop_assert_eq!(base.correct, oracle(&questions, &given));

            // permute question order and every choice list with a deterministic shuffle
            let mut shuffled = questions.clone();
            let n = shuffled.len();
            shuffled.rotate_left((seed as usize) % n);
            if seed & 1 == 1 { shuffled.reverse(); }
            for (k, question) in shuffled.iter_mut().enumerate() {
                question.choices.rotate_left(((seed >> 8) as usize + k) % 4);
                if (seed >> (k + 2)) & 1 == 1 { question.choices.reverse(); }
            }
            let rebuilt: Answers = given.iter().rev()
                .map(|(q, c)| (q.clone(), c.iter().rev().cloned().collect()))
                .collect();
            prop_assert_eq!(score(&shuffled, &rebuilt).unwrap(), base);
        }
    }
}
