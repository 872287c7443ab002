//! Nations, bases and units.

use std::collections::HashMap;

use sea_orm::{DatabaseConnection, EntityTrait, QueryOrder};

use crate::{
    api::org::{BaseView, NationView, UnitNode},
    domain::org::{TreeNode, build_forest},
    server::{
        entities::{base, nation, unit},
        error::ServiceError,
    },
};

/// Every nation with its bases and its unit forest, nations and siblings ordered by name.
pub async fn overview(db: &DatabaseConnection) -> Result<Vec<NationView>, ServiceError> {
    let nations = nation::Entity::find()
        .order_by_asc(nation::Column::Name)
        .all(db)
        .await?;
    let bases = base::Entity::find()
        .order_by_asc(base::Column::Name)
        .all(db)
        .await?;
    let units = unit::Entity::find()
        .order_by_asc(unit::Column::Name)
        .all(db)
        .await?;

    let base_names: HashMap<_, _> = bases.iter().map(|b| (b.id, b.name.clone())).collect();
    let mut bases_by_nation: HashMap<_, Vec<BaseView>> = HashMap::new();
    for b in bases {
        bases_by_nation
            .entry(b.nation_id)
            .or_default()
            .push(BaseView {
                id: b.id,
                name: b.name,
                time_zone: b.time_zone,
                capacity: b.capacity,
            });
    }
    let mut rows_by_nation: HashMap<_, Vec<_>> = HashMap::new();
    for u in units {
        let home = u.home_base_id.and_then(|id| base_names.get(&id).cloned());
        rows_by_nation
            .entry(u.nation_id)
            .or_default()
            .push((u.id, u.parent_id, (u.name, home)));
    }

    fn to_node(n: TreeNode<(String, Option<String>)>) -> UnitNode {
        UnitNode {
            id: n.id,
            name: n.data.0,
            home_base: n.data.1,
            children: n.children.into_iter().map(to_node).collect(),
        }
    }

    Ok(nations
        .into_iter()
        .map(|n| NationView {
            bases: bases_by_nation.remove(&n.id).unwrap_or_default(),
            units: build_forest(rows_by_nation.remove(&n.id).unwrap_or_default())
                .into_iter()
                .map(to_node)
                .collect(),
            id: n.id,
            code: n.code,
            name: n.name,
            default_locale: n.default_locale,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::{seed, testing::test_db};

    #[tokio::test]
    async fn overview_nests_seeded_units_under_their_nation() {
        let db = test_db().await;
        seed::demo(&db.conn, chrono::Utc::now()).await.unwrap();
        let nations = overview(&db.conn).await.unwrap();
        assert!(nations.len() >= 12);
        let pol = nations.iter().find(|n| n.code == "POL").unwrap();
        assert!(!pol.bases.is_empty());
        let depth = |u: &UnitNode| -> usize {
            fn d(u: &UnitNode) -> usize {
                1 + u.children.iter().map(d).max().unwrap_or(0)
            }
            d(u)
        };
        assert!(
            pol.units.iter().any(|u| depth(u) >= 3),
            "a three-level tree under Poland"
        );
        let total: usize = nations
            .iter()
            .flat_map(|n| &n.units)
            .map(UnitNode::count)
            .sum();
        assert!(total >= 60);
        db.close().await;
    }
}
