//! Who may see which unit's readiness: the units table loaded once per request, and the policy
//! checks on a unit or a person. Commanders reach their unit's subtree, training officers their
//! nation, alliance grants everything.

use std::collections::HashMap;

use sea_orm::{ConnectionTrait, DbErr, Statement};
use uuid::Uuid;

use crate::{
    domain::{
        org::UnitTree,
        policy::{Action, Actor, Scope, allows, require},
    },
    error::AppError,
    server::error::ServiceError,
};

/// A unit as the readiness views need it.
#[derive(Clone, Debug)]
pub struct UnitInfo {
    pub name: String,
    pub parent_id: Option<Uuid>,
    pub nation_id: Uuid,
}

/// Every unit and the tree they form.
pub struct Org {
    pub units: HashMap<Uuid, UnitInfo>,
    pub tree: UnitTree,
}

impl Org {
    pub async fn load<C: ConnectionTrait>(db: &C) -> Result<Self, DbErr> {
        let stmt = Statement::from_string(
            db.get_database_backend(),
            "SELECT id, name, parent_id, nation_id FROM units",
        );
        let mut units = HashMap::new();
        for row in db.query_all_raw(stmt).await? {
            units.insert(
                row.try_get_by_index::<Uuid>(0)?,
                UnitInfo {
                    name: row.try_get_by_index(1)?,
                    parent_id: row.try_get_by_index(2)?,
                    nation_id: row.try_get_by_index(3)?,
                },
            );
        }
        let tree = UnitTree::new(units.iter().map(|(id, u)| (*id, u.parent_id)));
        Ok(Self { units, tree })
    }

    pub fn name(&self, unit: Uuid) -> String {
        self.units
            .get(&unit)
            .map(|u| u.name.clone())
            .unwrap_or_default()
    }

    fn scope(&self, unit: Uuid) -> Option<Scope> {
        let info = self.units.get(&unit)?;
        Some(Scope::unit(
            info.nation_id,
            self.tree.ancestors_and_self(unit),
        ))
    }

    /// 404 for an unknown unit, 403 outside the actor's reach.
    pub fn require_unit(
        &self,
        actor: &Actor,
        action: Action,
        unit: Uuid,
    ) -> Result<(), ServiceError> {
        let scope = self.scope(unit).ok_or(AppError::NotFound)?;
        Ok(require(actor, action, &scope)?)
    }

    pub fn may_view(&self, actor: &Actor, unit: Uuid) -> bool {
        self.scope(unit)
            .is_some_and(|s| allows(actor, Action::ViewReadiness, &s))
    }

    /// The highest units the actor may view (their own unit for a commander, their nation's top
    /// units for an officer, every top unit for an alliance grant), by name.
    pub fn roots(&self, actor: &Actor) -> Vec<(Uuid, String)> {
        let mut roots: Vec<(Uuid, String)> = self
            .units
            .iter()
            .filter(|(id, u)| {
                self.may_view(actor, **id) && u.parent_id.is_none_or(|p| !self.may_view(actor, p))
            })
            .map(|(id, u)| (*id, u.name.clone()))
            .collect();
        roots.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
        roots
    }
}
