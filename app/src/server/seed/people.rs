//! Demo accounts for every role, sharing one password (from `MUSTER_DEMO_PASSWORD`, else a
//! random one the caller prints once).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};
use uuid::Uuid;

use super::demo_id;
use crate::{
    domain::{policy::Role, rank::RankGrade},
    i18n::Locale,
    server::{
        entities::{nation, unit, user_role},
        error::ServiceError,
        services::users::{NewRecord, insert_record},
    },
};

const SOURCE: &str = include_str!("people.txt");

#[derive(Debug, PartialEq)]
pub(crate) struct DemoPerson {
    pub username: String,
    pub display_name: String,
    pub nation: Option<String>,
    pub unit: Option<String>,
    pub rank: RankGrade,
    pub roles: Vec<(Role, bool)>,
    pub locales: Vec<Locale>,
}

pub(crate) fn parse(source: &str) -> Result<Vec<DemoPerson>, String> {
    let mut out = vec![];
    for (no, line) in source.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('|').map(str::trim).collect();
        let [username, display, nation, unit, rank, roles, locales] = f.as_slice() else {
            return Err(format!("line {}: seven fields expected", no + 1));
        };
        let opt = |s: &str| (s != "-").then(|| s.to_owned());
        let roles = roles
            .split(',')
            .map(|r| {
                let r = r.trim();
                let (name, alliance) = r.strip_suffix('*').map_or((r, false), |n| (n, true));
                Role::parse(name)
                    .map(|role| (role, alliance))
                    .ok_or(format!("line {}: role {r}", no + 1))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let locales = locales
            .split(',')
            .map(|l| Locale::parse(l).ok_or(format!("line {}: locale {l}", no + 1)))
            .collect::<Result<Vec<_>, _>>()?;
        out.push(DemoPerson {
            username: (*username).to_owned(),
            display_name: (*display).to_owned(),
            nation: opt(nation),
            unit: opt(unit),
            rank: RankGrade::parse(rank).map_err(|e| format!("line {}: {e}", no + 1))?,
            roles,
            locales,
        });
    }
    Ok(out)
}

/// The demo accounts' usernames and roles, for the start-up banner and the README.
pub fn accounts() -> Vec<(String, String)> {
    parse(SOURCE)
        .unwrap_or_default()
        .into_iter()
        .map(|p| {
            let roles: Vec<String> = p
                .roles
                .iter()
                .map(|(r, a)| format!("{}{}", r.as_str(), if *a { " (alliance)" } else { "" }))
                .collect();
            let nation = p.nation.unwrap_or_else(|| "alliance".into());
            (p.username, format!("{} — {nation}", roles.join(", ")))
        })
        .collect()
}

/// Inserts the demo accounts with `password_hash` (one argon2id hash shared by all: hashing
/// each would only slow down the first start of a demo).
pub(super) async fn seed<C: ConnectionTrait>(
    db: &C,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<usize, ServiceError> {
    let people = parse(SOURCE).map_err(|e| anyhow::anyhow!("demo people: {e}"))?;
    let nations: HashMap<String, Uuid> = nation::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|n| (n.code, n.id))
        .collect();
    let units: HashMap<(Uuid, String), Uuid> = unit::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|u| ((u.nation_id, u.name), u.id))
        .collect();
    for p in &people {
        let nation_id = match &p.nation {
            Some(code) => Some(
                *nations
                    .get(code)
                    .ok_or_else(|| anyhow::anyhow!("demo people: unknown nation {code}"))?,
            ),
            None => None,
        };
        let unit_id = match (&p.unit, nation_id) {
            (Some(name), Some(n)) => Some(
                *units
                    .get(&(n, name.clone()))
                    .ok_or_else(|| anyhow::anyhow!("demo people: unknown unit {name}"))?,
            ),
            _ => None,
        };
        let id = demo_id("user", &p.username);
        insert_record(
            db,
            NewRecord {
                id,
                username: p.username.clone(),
                display_name: p.display_name.clone(),
                email: format!("{}@demo.muster.invalid", p.username),
                nation_id,
                unit_id,
                rank: p.rank.to_string(),
                preferred_locale: p.locales[0].code().to_owned(),
                fallback_locales: p.locales[1..]
                    .iter()
                    .map(|l| l.code())
                    .collect::<Vec<_>>()
                    .join(","),
                password_hash: password_hash.to_owned(),
                must_change_password: false,
            },
            now,
        )
        .await?;
        for (role, alliance) in &p.roles {
            user_role::Entity::insert(user_role::ActiveModel {
                user_id: Set(id),
                role: Set(role.as_str().to_owned()),
                alliance: Set(*alliance),
            })
            .exec(db)
            .await?;
        }
    }
    Ok(people.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_has_a_demo_account() {
        let people = parse(SOURCE).unwrap();
        for role in Role::ALL {
            assert!(
                people
                    .iter()
                    .any(|p| p.roles.iter().any(|(r, _)| *r == role)),
                "{role:?}"
            );
        }
        assert!(people.iter().all(|p| !p.locales.is_empty()));
        let officers: Vec<_> = people
            .iter()
            .filter(|p| {
                p.roles
                    .iter()
                    .any(|(r, a)| *r == Role::TrainingOfficer && !a)
            })
            .collect();
        assert!(officers.len() >= 3, "training officers for several nations");
    }
}
