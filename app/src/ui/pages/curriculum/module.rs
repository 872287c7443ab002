//! `/training/curricula/:id`: a curriculum's modules with the reader's status;
//! `/training/modules/:id`: reading a module (with fallback and outdated notices), its
//! prerequisites, and its quiz with the result.

use leptos::prelude::*;
use leptos_router::{
    components::A,
    hooks::{use_params_map, use_query_map},
};
use uuid::Uuid;

use super::{ForRoles, LangMark, endonym};
use crate::{
    api::curriculum::{ModuleView, SubmitQuiz, get_curriculum, get_module},
    domain::policy::Role,
    error::AppError,
    ui::{
        components::form::{FormAlert, last_error},
        use_i18n,
    },
};

pub(super) fn param_id() -> impl Fn() -> Option<Uuid> + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        params
            .with(|p| p.get("id"))
            .and_then(|s| Uuid::parse_str(&s).ok())
    }
}

#[component]
pub fn CurriculumPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = param_id();
    let data = Resource::new(id, |id| async move {
        get_curriculum(id.ok_or(AppError::NotFound)?).await
    });
    view! {
        <section class="page cur-page">
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    data.await.map(|c| view! {
                        <h1>{c.title.text.clone()}<LangMark text=c.title.clone()/></h1>
                        <p class="lead">{c.description.text.clone()}</p>
                        {(!c.enrolled).then(|| view! { <p class="notice">{i18n.t("curriculum-not-enrolled")}</p> })}
                        <ForRoles roles=&[Role::TrainingOfficer]>
                            <p><A href=format!("/training/curricula/{}/modules/new", c.id) attr:class="button button-small" attr:data-testid="add-module-link">{i18n.t("authoring-add-module")}</A></p>
                        </ForRoles>
                        <ol class="cur-modules">
                            {c.modules.into_iter().map(|m| {
                                let status = match (m.completed_on, m.expires_on) {
                                    (Some(_), Some(e)) => i18n.t_with("curriculum-valid-until", &[("date", i18n.date(e).as_str().into())]),
                                    (Some(_), None) => i18n.t("curriculum-completed"),
                                    _ => i18n.t("curriculum-not-completed"),
                                };
                                let (title, text) = (m.title.clone(), m.title.text.clone());
                                view! {
                                    <li class="card cur-module" class:cur-done=m.completed_on.is_some() data-testid="module-item" data-code=m.code.clone()>
                                        <A href=format!("/training/modules/{}", m.id) attr:data-testid="module-link">{text}</A>
                                        <LangMark text=title/>
                                        <span class="muted">" · "{i18n.t_with("curriculum-minutes", &[("count", (m.estimated_minutes as i64).into())])}</span>
                                        <span class="badge" class:badge-ok=m.completed_on.is_some()>{status}</span>
                                        <ForRoles roles=&[Role::TrainingOfficer]>
                                            " "<A href=format!("/training/modules/{}/edit", m.id) attr:data-testid="module-edit-link">{i18n.t("authoring-edit")}</A>
                                        </ForRoles>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    })
                })}
            </Suspense>
        </section>
    }
}

#[component]
pub fn ModulePage() -> impl IntoView {
    let i18n = use_i18n();
    let id = param_id();
    let submit = ServerAction::<SubmitQuiz>::new();
    let data = Resource::new(
        move || (id(), submit.version().get()),
        |(id, _)| async move { get_module(id.ok_or(AppError::NotFound)?).await },
    );
    let error = last_error(submit.value());
    view! {
        <section class="page cur-page">
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    data.await.map(|m| view! { <ModuleBody m submit/> })
                })}
            </Suspense>
            <FormAlert error/>
            <QuizResult submit/>
        </section>
    }
}

#[component]
fn ModuleBody(m: ModuleView, submit: ServerAction<SubmitQuiz>) -> impl IntoView {
    let i18n = use_i18n();
    let shown = endonym(&m.body.locale);
    let fallback = m.fell_back().then(|| view! {
        <p class="notice notice-warn" role="note" data-testid="fallback-notice" lang=i18n.locale.code()>
            {i18n.t_with("curriculum-fallback-notice", &[("lang", shown.as_str().into())])}
        </p>
    });
    let outdated = m.outdated().then(|| view! {
        <p class="notice notice-warn" role="note" data-testid="outdated-notice">{i18n.t("curriculum-outdated-notice")}</p>
    });
    let locked = !m.unlocked();
    let missing: Vec<(uuid::Uuid, String)> = m
        .prerequisites
        .iter()
        .filter(|p| !p.done)
        .map(|p| (p.id, p.title.text.clone()))
        .collect();
    let prerequisites = locked.then(move || {
        view! {
            <div class="notice notice-bad" role="note" data-testid="prerequisites-notice">
                <p>{i18n.t("curriculum-prerequisites-notice")}</p>
                <ul>
                    {missing.into_iter().map(|(id, title)| view! {
                        <li><A href=format!("/training/modules/{id}")>{title}</A></li>
                    }).collect_view()}
                </ul>
            </div>
        }
    });
    let completion = m.completion.clone().map(|c| view! {
        <p class="notice notice-ok" data-testid="module-completed">
            {i18n.t_with("curriculum-completed-on", &[("date", i18n.date(c.completed_on).as_str().into()), ("score", (c.score as i64).into())])}
        </p>
    });
    let module_id = m.id.to_string();
    let quiz_locale = m.body.locale.clone();
    view! {
        <p class="muted"><A href=format!("/training/curricula/{}", m.curriculum_id)>{i18n.t("curriculum-back")}</A></p>
        <h1 lang=m.title.locale.clone() data-testid="module-title">{m.title.text.clone()}</h1>
        <AuthorLinks id=m.id/>
        <p class="muted">
            {i18n.t_with("curriculum-minutes", &[("count", (m.estimated_minutes as i64).into())])}
            " · "{i18n.t_with("curriculum-pass-mark", &[("pct", (m.pass_mark as i64).into())])}
            " · "{i18n.t_with("curriculum-version", &[("version", (m.content_version as i64).into())])}
        </p>
        {fallback}
        {outdated}
        {completion}
        <article class="cur-body" lang=m.body.locale.clone() data-testid="module-body" inner_html=m.body_html.clone()></article>
        {prerequisites}
        {(!locked && !m.questions.is_empty()).then(|| view! {
            <h2>{i18n.t("curriculum-quiz")}</h2>
            <ActionForm action=submit attr:class="card form cur-quiz" attr:data-testid="quiz-form">
                <input type="hidden" name="form[module_id]" value=module_id.clone()/>
                <input type="hidden" name="form[locale]" value=quiz_locale.clone()/>
                {m.questions.iter().map(|q| {
                    let hint = if q.multiple { i18n.t("curriculum-choose-several") } else { i18n.t("curriculum-choose-one") };
                    view! {
                        <fieldset class="cur-question" data-testid="quiz-question" data-key=q.key.clone()>
                            <legend lang=q.prompt.locale.clone()>{q.prompt.text.clone()}</legend>
                            <p class="field-hint">{hint}</p>
                            {q.choices.iter().map(|c| {
                                let (kind, name) = if q.multiple {
                                    ("checkbox", format!("form[answers][{}~{}]", q.key, c.key))
                                } else {
                                    ("radio", format!("form[answers][{}]", q.key))
                                };
                                view! {
                                    <label class="cur-choice" lang=c.text.locale.clone()>
                                        <input type=kind name=name value=c.key.clone() data-testid=format!("choice-{}-{}", q.key, c.key)/>
                                        " "{c.text.text.clone()}
                                    </label>
                                }
                            }).collect_view()}
                        </fieldset>
                    }
                }).collect_view()}
                <button type="submit" class="button" data-testid="quiz-submit">{i18n.t("curriculum-submit-quiz")}</button>
            </ActionForm>
        })}
    }
}

/// The translation editor and module editor links, for training officers (both check access).
#[component]
fn AuthorLinks(id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ForRoles roles=&[Role::TrainingOfficer]>
            <p>
                <A href=format!("/training/translate/{id}?locale=pl") attr:data-testid="translate-link">{i18n.t("curriculum-translate-link")}</A>
                " · "<A href=format!("/training/modules/{id}/edit") attr:data-testid="edit-module-link">{i18n.t("authoring-edit-module")}</A>
            </p>
        </ForRoles>
    }
}

/// The outcome of the last submission (from the action, or from the query after a plain post).
#[component]
fn QuizResult(submit: ServerAction<SubmitQuiz>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    move || {
        let from_action = submit
            .value()
            .get()
            .and_then(|r| r.ok())
            .map(|r| (r.passed, r.percent, r.pass_mark as u32));
        let from_query = query.with(|q| {
            let score = q.get("score")?.parse::<u32>().ok()?;
            let passed = q.get("passed")? == "true";
            let mark = q
                .get("mark")
                .and_then(|m| m.parse::<u32>().ok())
                .unwrap_or(0);
            Some((passed, score, mark))
        });
        from_action.or(from_query).map(|(passed, percent, mark)| {
            let key = if passed { "curriculum-quiz-passed" } else { "curriculum-quiz-failed" };
            view! {
                <div class="alert" class:alert-ok=passed class:alert-error=!passed role="status" data-testid="quiz-result" data-passed=passed.to_string()>
                    {i18n.t_with(key, &[("score", (percent as i64).into()), ("mark", (mark as i64).into())])}
                </div>
            }
        })
    }
}
