//! A nation's unit tree. Without JavaScript every level is shown; once hydrated, each unit with
//! subordinates gets a disclosure button that folds them client-side.

use leptos::prelude::*;

use crate::{api::org::UnitNode, i18n::Arg, ui::use_i18n};

#[component]
pub fn UnitTree(units: Vec<UnitNode>) -> impl IntoView {
    view! {
        <ul class="unit-tree">
            {units.into_iter().map(|u| view! { <UnitBranch unit=u/> }).collect_view()}
        </ul>
    }
}

#[component]
fn UnitBranch(unit: UnitNode) -> AnyView {
    let i18n = use_i18n();
    let expanded = RwSignal::new(true);
    let children_id = format!("unit-children-{}", unit.id);
    let has_children = !unit.children.is_empty();
    let toggle_label = i18n.t_with(
        "unit-tree-toggle",
        &[("unit", Arg::from(unit.name.as_str()))],
    );
    let count = unit.count() - 1;
    let toggle = has_children.then(|| {
        let controls = children_id.clone();
        view! {
            <button
                type="button"
                class="tree-toggle js-only"
                aria-expanded=move || expanded.get().to_string()
                aria-controls=controls
                aria-label=toggle_label
                data-testid="unit-toggle"
                on:click=move |_| expanded.update(|e| *e = !*e)
            >
                <span aria-hidden="true" class="tree-chevron"></span>
            </button>
        }
    });
    let home = unit
        .home_base
        .clone()
        .map(|b| view! { <span class="unit-base">{b}</span> });
    let subordinate = (count > 0).then(|| {
        view! {
            <span class="unit-count">
                {i18n.t_with("unit-tree-subordinates", &[("count", Arg::from(count))])}
            </span>
        }
    });
    let children = has_children.then(|| {
        view! {
            <ul class="unit-tree" id=children_id hidden=move || !expanded.get() data-testid="unit-children">
                {unit.children.into_iter().map(|c| view! { <UnitBranch unit=c/> }).collect_view()}
            </ul>
        }
    });
    view! {
        <li class="unit" data-testid="unit">
            <div class="unit-row">
                {toggle}
                <span class="unit-name">{unit.name}</span>
                {home}
                {subordinate}
            </div>
            {children}
        </li>
    }
    .into_any()
}
