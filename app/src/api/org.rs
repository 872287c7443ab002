//! The organisation as the home page shows it: nations, their bases and unit trees.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BaseView {
    pub id: Uuid,
    pub name: String,
    pub time_zone: String,
    pub capacity: i32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitNode {
    pub id: Uuid,
    pub name: String,
    pub home_base: Option<String>,
    pub children: Vec<UnitNode>,
}

impl UnitNode {
    /// This unit and every unit below it.
    pub fn count(&self) -> usize {
        1 + self.children.iter().map(UnitNode::count).sum::<usize>()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NationView {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub default_locale: String,
    pub bases: Vec<BaseView>,
    pub units: Vec<UnitNode>,
}

/// Every nation with its bases and unit tree, ordered by name.
#[server(prefix = "/api", endpoint = "org/overview")]
pub async fn org_overview() -> Result<Vec<NationView>, AppError> {
    crate::server::ctx::reply(
        async move {
            let state = crate::server::ctx::state()?;
            Ok(crate::server::services::org::overview(&state.db).await?)
        }
        .await,
    )
}
