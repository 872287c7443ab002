//! Parses `organisation.txt` and inserts its nations, bases and units.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};
use uuid::Uuid;

use super::{SeedReport, demo_id};
use crate::server::{
    entities::{base, nation, unit},
    error::ServiceError,
};

const SOURCE: &str = include_str!("organisation.txt");

#[derive(Debug, PartialEq)]
pub(crate) struct SeedUnit {
    pub name: String,
    pub parent: Option<String>,
    pub home_base: Option<String>,
}

#[derive(Debug, Default, PartialEq)]
pub(crate) struct SeedNation {
    pub code: String,
    pub name: String,
    pub locale: String,
    pub bases: Vec<(String, String, i32)>,
    pub units: Vec<SeedUnit>,
}

fn fields(rest: &str) -> Vec<String> {
    rest.split('|').map(|f| f.trim().to_owned()).collect()
}

/// Reads the indented organisation file. Errors name the offending line.
pub(crate) fn parse(source: &str) -> Result<Vec<SeedNation>, String> {
    let mut nations: Vec<SeedNation> = vec![];
    // (indent, unit name, home base) of the open ancestors of the next unit
    let mut stack: Vec<(usize, String, Option<String>)> = vec![];
    for (no, raw) in source.lines().enumerate() {
        let line = raw.trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let (kind, rest) = line
            .trim_start()
            .split_once(' ')
            .ok_or(format!("line {}: no kind", no + 1))?;
        match kind {
            "nation" => {
                let f = fields(rest);
                let [code, name, locale] = f.as_slice() else {
                    return Err(format!(
                        "line {}: nation needs code | name | locale",
                        no + 1
                    ));
                };
                nations.push(SeedNation {
                    code: code.clone(),
                    name: name.clone(),
                    locale: locale.clone(),
                    ..Default::default()
                });
                stack.clear();
            }
            "base" => {
                let n = nations
                    .last_mut()
                    .ok_or(format!("line {}: base before nation", no + 1))?;
                let f = fields(rest);
                let [name, tz, cap] = f.as_slice() else {
                    return Err(format!(
                        "line {}: base needs name | zone | capacity",
                        no + 1
                    ));
                };
                let cap = cap
                    .parse()
                    .map_err(|_| format!("line {}: bad capacity", no + 1))?;
                n.bases.push((name.clone(), tz.clone(), cap));
            }
            "unit" => {
                let n = nations
                    .last_mut()
                    .ok_or(format!("line {}: unit before nation", no + 1))?;
                let (name, home) = match rest.split_once('@') {
                    Some((a, b)) => (a.trim().to_owned(), Some(b.trim().to_owned())),
                    None => (rest.trim().to_owned(), None),
                };
                while stack.last().is_some_and(|(i, _, _)| *i >= indent) {
                    stack.pop();
                }
                let parent = stack.last().cloned();
                let home = home.or_else(|| parent.as_ref().and_then(|p| p.2.clone()));
                n.units.push(SeedUnit {
                    name: name.clone(),
                    parent: parent.map(|p| p.1),
                    home_base: home.clone(),
                });
                stack.push((indent, name, home));
            }
            other => return Err(format!("line {}: unknown kind {other}", no + 1)),
        }
    }
    Ok(nations)
}

pub(super) async fn seed<C: ConnectionTrait>(
    db: &C,
    now: DateTime<Utc>,
) -> Result<SeedReport, ServiceError> {
    let nations = parse(SOURCE).map_err(|e| anyhow::anyhow!("demo organisation: {e}"))?;
    let mut report = SeedReport::default();
    for n in &nations {
        let nation_id = demo_id("nation", &n.code);
        nation::Entity::insert(nation::ActiveModel {
            id: Set(nation_id),
            code: Set(n.code.clone()),
            name: Set(n.name.clone()),
            default_locale: Set(n.locale.clone()),
            created_at: Set(now),
        })
        .exec(db)
        .await?;
        report.nations += 1;
        let mut base_ids: HashMap<&str, Uuid> = HashMap::new();
        for (name, tz, cap) in &n.bases {
            let id = demo_id("base", &format!("{}:{name}", n.code));
            base_ids.insert(name, id);
            base::Entity::insert(base::ActiveModel {
                id: Set(id),
                nation_id: Set(nation_id),
                name: Set(name.clone()),
                time_zone: Set(tz.clone()),
                capacity: Set(*cap),
                created_at: Set(now),
            })
            .exec(db)
            .await?;
            report.bases += 1;
        }
        for u in &n.units {
            let unit_id = |name: &str| demo_id("unit", &format!("{}:{name}", n.code));
            unit::Entity::insert(unit::ActiveModel {
                id: Set(unit_id(&u.name)),
                nation_id: Set(nation_id),
                parent_id: Set(u.parent.as_deref().map(unit_id)),
                home_base_id: Set(u
                    .home_base
                    .as_deref()
                    .and_then(|b| base_ids.get(b).copied())),
                name: Set(u.name.clone()),
                created_at: Set(now),
            })
            .exec(db)
            .await?;
            report.units += 1;
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_organisation_is_a_dozen_nations_with_deep_trees() {
        let nations = parse(SOURCE).unwrap();
        assert_eq!(nations.len(), 12);
        for n in &nations {
            assert!(
                crate::domain::org::nation_code(&n.code).is_ok(),
                "{}",
                n.code
            );
            assert!(
                crate::i18n::Locale::parse(&n.locale).is_some(),
                "{}",
                n.locale
            );
            assert!(n.bases.len() >= 2, "{} has bases", n.code);
            for (name, tz, _) in &n.bases {
                assert!(crate::domain::org::time_zone(tz).is_ok(), "{name}: {tz}");
            }
            for u in &n.units {
                let home = u.home_base.as_deref().unwrap_or_default();
                assert!(
                    n.bases.iter().any(|b| b.0 == home),
                    "{}: unknown base {home}",
                    u.name
                );
            }
        }
    }

    #[test]
    fn indentation_gives_the_parent_and_home_bases_are_inherited() {
        let src = "nation AAA | A | en\n  base B1 | UTC | 1\n  unit Top @ B1\n    unit Mid\n      unit Low\n    unit Mid2\n  unit Other\n";
        let n = &parse(src).unwrap()[0];
        let parent_of = |name: &str| {
            n.units
                .iter()
                .find(|u| u.name == name)
                .and_then(|u| u.parent.clone())
        };
        assert_eq!(parent_of("Mid").as_deref(), Some("Top"));
        assert_eq!(parent_of("Low").as_deref(), Some("Mid"));
        assert_eq!(parent_of("Mid2").as_deref(), Some("Top"));
        assert_eq!(parent_of("Other"), None);
        assert_eq!(n.units[2].home_base.as_deref(), Some("B1"));
        assert!(parse("base X | UTC | 1").is_err());
        assert!(parse("nation AAA | A | en\n  base X | UTC | many").is_err());
    }
}
