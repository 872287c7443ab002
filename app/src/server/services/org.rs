//! Nations, bases and units.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DatabaseConnection, EntityTrait, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use super::audit::{self, Entry, Who};
use crate::{
    api::{
        admin::{BaseRow, NationRow, NewBase, NewNation, NewUnit, OrgAdminView, UnitRow},
        org::{BaseView, NationView, UnitNode},
    },
    domain::{
        org::{self as rules, TreeNode, UnitTree, build_forest},
        policy::{Action, Actor, Role, Scope, require},
        text,
    },
    error::{AppError, FieldError},
    i18n::Locale,
    server::{
        db::begin_write,
        entities::{base, nation, unit},
        error::ServiceError,
    },
};

/// The whole unit tree (parent links only), for scope questions.
pub async fn unit_tree<C: ConnectionTrait>(db: &C) -> Result<UnitTree, ServiceError> {
    let rows: Vec<(Uuid, Option<Uuid>)> = unit::Entity::find()
        .select_only()
        .column(unit::Column::Id)
        .column(unit::Column::ParentId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(UnitTree::new(rows))
}

/// Nations, bases and units as an administrator may manage them (their nation, or all).
pub async fn admin_view<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
) -> Result<OrgAdminView, ServiceError> {
    if !actor.has_role(Role::Admin) {
        return Err(AppError::Forbidden.into());
    }
    let all = actor.has_alliance(Role::Admin);
    let visible = |n: Uuid| all || actor.nation_id == Some(n);
    let nations = nation::Entity::find()
        .order_by_asc(nation::Column::Name)
        .all(db)
        .await?;
    let codes: HashMap<Uuid, String> = nations.iter().map(|n| (n.id, n.code.clone())).collect();
    let bases = base::Entity::find()
        .order_by_asc(base::Column::Name)
        .all(db)
        .await?;
    let mut unit_rows = list_units(db, actor).await?;
    unit_rows.retain(|u| visible(u.nation_id));
    Ok(OrgAdminView {
        alliance: all,
        nations: nations
            .into_iter()
            .filter(|n| visible(n.id))
            .map(nation_row)
            .collect(),
        bases: bases
            .into_iter()
            .filter(|b| visible(b.nation_id))
            .map(|b| base_row(b, &codes))
            .collect(),
        units: unit_rows,
    })
}

fn nation_row(n: nation::Model) -> NationRow {
    NationRow {
        id: n.id,
        code: n.code,
        name: n.name,
        default_locale: n.default_locale,
    }
}

fn base_row(b: base::Model, codes: &HashMap<Uuid, String>) -> BaseRow {
    BaseRow {
        nation_code: codes.get(&b.nation_id).cloned().unwrap_or_default(),
        id: b.id,
        nation_id: b.nation_id,
        name: b.name,
        time_zone: b.time_zone,
        capacity: b.capacity,
    }
}

fn unit_row(u: &unit::Model, depth: u32, codes: &HashMap<Uuid, String>) -> UnitRow {
    UnitRow {
        id: u.id,
        nation_id: u.nation_id,
        nation_code: codes.get(&u.nation_id).cloned().unwrap_or_default(),
        parent_id: u.parent_id,
        home_base_id: u.home_base_id,
        name: u.name.clone(),
        depth,
    }
}

fn duplicate(e: ServiceError, field: &str) -> ServiceError {
    if e.is_unique_violation() {
        AppError::field(field, "taken").into()
    } else {
        e
    }
}

/// Creates a nation (alliance administrators only).
pub async fn create_nation(
    db: &DatabaseConnection,
    actor: &Actor,
    input: NewNation,
    now: DateTime<Utc>,
) -> Result<NationRow, ServiceError> {
    require(actor, Action::ManageNations, &Scope::alliance())?;
    let mut errors: Vec<FieldError> = vec![];
    let code = rules::nation_code(&input.code)
        .map_err(|e| errors.push(e))
        .ok();
    let name = text::name("name", &input.name, 120)
        .map_err(|e| errors.push(e))
        .ok();
    let locale = Locale::parse(&input.default_locale)
        .filter(|l| l.code() == input.default_locale.trim())
        .ok_or_else(|| errors.push(FieldError::new("default_locale", "locale")))
        .ok();
    let (Some(code), Some(name), Some(locale)) = (code, name, locale) else {
        return Err(AppError::Validation(errors).into());
    };
    let id = Uuid::new_v4();
    let txn = begin_write(db).await?;
    nation::Entity::insert(nation::ActiveModel {
        id: Set(id),
        code: Set(code),
        name: Set(name),
        default_locale: Set(locale.code().to_owned()),
        created_at: Set(now),
    })
    .exec(&txn)
    .await
    .map_err(|e| duplicate(e.into(), "code"))?;
    let row = nation_row(
        nation::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound)?,
    );
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("nation.created", "nation", id).after(&row),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

async fn codes<C: ConnectionTrait>(db: &C) -> Result<HashMap<Uuid, String>, ServiceError> {
    Ok(nation::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|n| (n.id, n.code))
        .collect())
}

/// Authorizes organisation changes in `nation` and checks it exists (the field errors so far).
async fn nation_in_scope<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    nation_id: Uuid,
) -> Result<Vec<FieldError>, ServiceError> {
    require(actor, Action::ManageOrganisation, &Scope::nation(nation_id))?;
    Ok(
        if nation::Entity::find_by_id(nation_id)
            .one(db)
            .await?
            .is_none()
        {
            vec![FieldError::new("nation_id", "unknown")]
        } else {
            vec![]
        },
    )
}

/// Creates a base of a nation (administrators of that nation, or of the alliance).
pub async fn create_base(
    db: &DatabaseConnection,
    actor: &Actor,
    input: NewBase,
    now: DateTime<Utc>,
) -> Result<BaseRow, ServiceError> {
    let Some(nation_id) = input.nation_id else {
        return Err(AppError::field("nation_id", "required").into());
    };
    let mut errors = nation_in_scope(db, actor, nation_id).await?;
    let name = text::name("name", &input.name, 160)
        .map_err(|e| errors.push(e))
        .ok();
    let tz = rules::time_zone(&input.time_zone)
        .map_err(|e| errors.push(e))
        .ok();
    let capacity = rules::capacity(input.capacity)
        .map_err(|e| errors.push(e))
        .ok();
    let (Some(name), Some(tz), Some(capacity), true) = (name, tz, capacity, errors.is_empty())
    else {
        return Err(AppError::Validation(errors).into());
    };
    let id = Uuid::new_v4();
    let txn = begin_write(db).await?;
    base::Entity::insert(base::ActiveModel {
        id: Set(id),
        nation_id: Set(nation_id),
        name: Set(name),
        time_zone: Set(tz.name().to_owned()),
        capacity: Set(capacity),
        created_at: Set(now),
    })
    .exec(&txn)
    .await
    .map_err(|e| duplicate(e.into(), "name"))?;
    let row = base_row(
        base::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound)?,
        &codes(&txn).await?,
    );
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("base.created", "base", id).after(&row),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// Creates a unit under an optional parent of the same nation.
pub async fn create_unit(
    db: &DatabaseConnection,
    actor: &Actor,
    input: NewUnit,
    now: DateTime<Utc>,
) -> Result<UnitRow, ServiceError> {
    let Some(nation_id) = input.nation_id else {
        return Err(AppError::field("nation_id", "required").into());
    };
    let mut errors = nation_in_scope(db, actor, nation_id).await?;
    let name = text::name("name", &input.name, 160)
        .map_err(|e| errors.push(e))
        .ok();
    let mut depth = 0;
    if let Some(p) = input.parent_id {
        match unit::Entity::find_by_id(p).one(db).await? {
            None => errors.push(FieldError::new("parent_id", "unknown")),
            Some(parent) if parent.nation_id != nation_id => {
                errors.push(FieldError::new("parent_id", "unit-nation-mismatch"))
            }
            Some(_) => depth = unit_tree(db).await?.ancestors_and_self(p).len() as u32,
        }
    }
    if let Some(b) = input.home_base_id
        && base::Entity::find_by_id(b).one(db).await?.is_none()
    {
        errors.push(FieldError::new("home_base_id", "unknown"));
    }
    let (Some(name), true) = (name, errors.is_empty()) else {
        return Err(AppError::Validation(errors).into());
    };
    let id = Uuid::new_v4();
    let txn = begin_write(db).await?;
    unit::Entity::insert(unit::ActiveModel {
        id: Set(id),
        nation_id: Set(nation_id),
        parent_id: Set(input.parent_id),
        home_base_id: Set(input.home_base_id),
        name: Set(name),
        created_at: Set(now),
    })
    .exec(&txn)
    .await
    .map_err(|e| duplicate(e.into(), "name"))?;
    let model = unit::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let row = unit_row(&model, depth, &codes(&txn).await?);
    audit::record(
        &txn,
        &Who::actor(actor),
        now,
        Entry::new("unit.created", "unit", id).after(&row),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

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

/// Every nation (the organisation is shared alliance data; any signed-in caller may read it).
pub async fn list_nations<C: ConnectionTrait>(
    db: &C,
    _actor: &Actor,
) -> Result<Vec<NationRow>, ServiceError> {
    Ok(nation::Entity::find()
        .order_by_asc(nation::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(nation_row)
        .collect())
}

/// Every base.
pub async fn list_bases<C: ConnectionTrait>(
    db: &C,
    _actor: &Actor,
) -> Result<Vec<BaseRow>, ServiceError> {
    let codes = codes(db).await?;
    Ok(base::Entity::find()
        .order_by_asc(base::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|b| base_row(b, &codes))
        .collect())
}

/// Every unit, in tree order with depths.
pub async fn list_units<C: ConnectionTrait>(
    db: &C,
    _actor: &Actor,
) -> Result<Vec<UnitRow>, ServiceError> {
    let codes = codes(db).await?;
    let units = unit::Entity::find()
        .order_by_asc(unit::Column::Name)
        .all(db)
        .await?;
    let mut out = vec![];
    fn walk(
        n: &TreeNode<unit::Model>,
        depth: u32,
        codes: &HashMap<Uuid, String>,
        out: &mut Vec<UnitRow>,
    ) {
        out.push(unit_row(&n.data, depth, codes));
        for c in &n.children {
            walk(c, depth + 1, codes, out);
        }
    }
    for root in build_forest(units.into_iter().map(|u| (u.id, u.parent_id, u)).collect()) {
        walk(&root, 0, &codes, &mut out);
    }
    Ok(out)
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
