//! `/admin/audit`: the audit trail, newest first, filtered by a plain GET form.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::AdminTabs;
use crate::{
    api::admin::{AuditFilter, AuditPage, list_audit},
    ui::use_i18n,
};

#[component]
pub fn AdminAuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = move || {
        query.with(|q| {
            let text = |k: &str| q.get(k).filter(|v| !v.trim().is_empty());
            AuditFilter {
                actor: text("actor"),
                action: text("action"),
                entity_type: text("entity_type"),
                entity_id: text("entity_id"),
                from: text("from").and_then(|d| d.parse().ok()),
                to: text("to").and_then(|d| d.parse().ok()),
                page: text("page").and_then(|p| p.parse().ok()).unwrap_or(0),
                per_page: 50,
            }
        })
    };
    let page = Resource::new(filter, list_audit);
    let f = filter();
    let input = move |name: &'static str,
                      label: String,
                      value: Option<String>,
                      kind: &'static str| {
        view! {
            <div class="field">
                <label for=format!("audit-{name}")>{label}</label>
                <input id=format!("audit-{name}") name=name type=kind value=value.unwrap_or_default() data-testid=format!("audit-{name}")/>
            </div>
        }
    };
    view! {
        <section class="page">
            <h1>{i18n.t("admin-title")}</h1>
            <AdminTabs/>
            <h2>{i18n.t("admin-audit")}</h2>
            <form method="get" class="card form form-grid" data-testid="audit-filter">
                {input("actor", i18n.t("audit-actor"), f.actor.clone(), "text")}
                {input("action", i18n.t("audit-action"), f.action.clone(), "text")}
                {input("entity_type", i18n.t("audit-entity-type"), f.entity_type.clone(), "text")}
                {input("from", i18n.t("audit-from"), f.from.map(|d| d.to_string()), "date")}
                {input("to", i18n.t("audit-to"), f.to.map(|d| d.to_string()), "date")}
                <button type="submit" class="button">{i18n.t("common-filter")}</button>
            </form>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move { page.await.map(|p| view! { <AuditTable page=p/> }) })}
            </Suspense>
        </section>
    }
}

#[component]
fn AuditTable(page: AuditPage) -> impl IntoView {
    let i18n = use_i18n();
    let pages = page.total.div_ceil(page.per_page).max(1);
    let query = use_query_map();
    let link = move |p: u64| {
        let mut q: Vec<String> = query.with_untracked(|m| {
            ["actor", "action", "entity_type", "entity_id", "from", "to"]
                .iter()
                .filter_map(|k| m.get(k).map(|v| format!("{k}={}", urlencode(&v))))
                .collect()
        });
        q.push(format!("page={p}"));
        format!("/admin/audit?{}", q.join("&"))
    };
    view! {
        <p class="muted" data-testid="audit-total">{i18n.t_with("audit-total", &[("count", (page.total as usize).into())])}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label=i18n.t("admin-audit")>
            <table class="table" data-testid="audit-table">
                <thead><tr>
                    <th scope="col">"#"</th>
                    <th scope="col">{i18n.t("audit-when")}</th>
                    <th scope="col">{i18n.t("audit-actor")}</th>
                    <th scope="col">{i18n.t("audit-action")}</th>
                    <th scope="col">{i18n.t("audit-entity")}</th>
                    <th scope="col">{i18n.t("audit-change")}</th>
                </tr></thead>
                <tbody>
                    {page.rows.into_iter().map(|r| { let action = r.action.clone(); view! {
                        <tr data-testid="audit-row" data-action=action>
                            <td class="num">{r.seq}</td>
                            <td>{i18n.date_time(r.at)}</td>
                            <td>{r.actor}</td>
                            <td><code>{r.action}</code></td>
                            <td>{r.entity_type}" "<span class="muted">{r.entity_id.unwrap_or_default()}</span></td>
                            <td>
                                {(r.before.is_some() || r.after.is_some()).then(|| view! {
                                    <details>
                                        <summary>{i18n.t("audit-details")}</summary>
                                        {r.before.map(|b| view! { <p class="muted">{i18n.t("audit-before")}</p><pre class="json">{b}</pre> })}
                                        {r.after.map(|a| view! { <p class="muted">{i18n.t("audit-after")}</p><pre class="json">{a}</pre> })}
                                    </details>
                                })}
                            </td>
                        </tr>
                    }}).collect_view()}
                </tbody>
            </table>
        </div>
        <nav class="pager" aria-label=i18n.t("common-pages")>
            {(page.page > 0).then(|| view! { <a href=link(page.page - 1) rel="prev">{i18n.t("common-previous")}</a> })}
            <span>{i18n.t_with("common-page-of", &[("page", ((page.page + 1) as usize).into()), ("pages", (pages as usize).into())])}</span>
            {(page.page + 1 < pages).then(|| view! { <a href=link(page.page + 1) rel="next">{i18n.t("common-next")}</a> })}
        </nav>
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
