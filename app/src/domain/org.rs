//! The organisation: nation codes, bases and the unit tree (subtrees give commanders their scope,
//! ancestors give the chain of command).

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use crate::error::FieldError;

/// An ISO 3166-1 alpha-3 code: exactly three ASCII letters, stored upper-case.
pub fn nation_code(raw: &str) -> Result<String, FieldError> {
    let code = raw.trim().to_ascii_uppercase();
    if code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()) {
        Ok(code)
    } else {
        Err(FieldError::new("code", "nation-code"))
    }
}

/// An IANA time zone name such as `Europe/Warsaw`.
pub fn time_zone(raw: &str) -> Result<chrono_tz::Tz, FieldError> {
    raw.trim()
        .parse::<chrono_tz::Tz>()
        .map_err(|_| FieldError::new("time_zone", "time-zone"))
}

/// A personnel capacity: zero or more, at most a million.
pub fn capacity(value: i64) -> Result<i32, FieldError> {
    if (0..=1_000_000).contains(&value) {
        Ok(value as i32)
    } else {
        Err(FieldError::new("capacity", "out-of-range"))
    }
}

/// A node of a unit forest, carrying the caller's payload.
#[derive(Clone, Debug, PartialEq)]
pub struct TreeNode<T> {
    pub id: Uuid,
    pub data: T,
    pub children: Vec<TreeNode<T>>,
}

/// Parent links of the unit tree, for scope questions. Robust to missing parents and cycles
/// (a unit whose parent is unknown, or that sits on a cycle, counts as a root).
#[derive(Clone, Debug, Default)]
pub struct UnitTree {
    parent: HashMap<Uuid, Option<Uuid>>,
    children: HashMap<Uuid, Vec<Uuid>>,
}

impl UnitTree {
    /// Builds the tree from `(unit, parent)` pairs.
    pub fn new(edges: impl IntoIterator<Item = (Uuid, Option<Uuid>)>) -> Self {
        let parent: HashMap<Uuid, Option<Uuid>> = edges.into_iter().collect();
        let mut tree = UnitTree {
            parent,
            children: HashMap::new(),
        };
        let ids: Vec<Uuid> = tree.parent.keys().copied().collect();
        for id in ids {
            if let Some(p) = tree.effective_parent(id) {
                tree.children.entry(p).or_default().push(id);
            }
        }
        tree
    }

    fn effective_parent(&self, id: Uuid) -> Option<Uuid> {
        let p = (*self.parent.get(&id)?)?;
        if !self.parent.contains_key(&p) {
            return None;
        }
        // a unit on a cycle is treated as a root
        let mut seen = HashSet::from([id]);
        let mut cur = Some(p);
        while let Some(c) = cur {
            if !seen.insert(c) {
                return if c == id { None } else { Some(p) };
            }
            cur = self.parent.get(&c).copied().flatten();
        }
        Some(p)
    }

    /// Whether `unit` is known.
    pub fn contains(&self, unit: Uuid) -> bool {
        self.parent.contains_key(&unit)
    }

    /// `root` and every unit below it.
    pub fn subtree(&self, root: Uuid) -> Vec<Uuid> {
        if !self.contains(root) {
            return vec![];
        }
        let mut out = vec![root];
        let mut i = 0;
        while i < out.len() {
            if let Some(kids) = self.children.get(&out[i]) {
                out.extend(kids.iter().copied());
            }
            i += 1;
        }
        out
    }

    /// Whether `unit` lies in the subtree of `root` (a unit is in its own subtree).
    pub fn is_within(&self, unit: Uuid, root: Uuid) -> bool {
        self.ancestors_and_self(unit).contains(&root)
    }

    /// `unit`, its parent, its parent's parent … up to the root.
    pub fn ancestors_and_self(&self, unit: Uuid) -> Vec<Uuid> {
        let mut out = vec![];
        if !self.contains(unit) {
            return out;
        }
        let mut cur = Some(unit);
        while let Some(c) = cur {
            if out.contains(&c) {
                break;
            }
            out.push(c);
            cur = self.effective_parent(c);
        }
        out
    }
}

/// Arranges flat `(id, parent, payload)` rows into a forest. Siblings keep the input order, so
/// callers sort the rows first.
pub fn build_forest<T: Clone>(rows: Vec<(Uuid, Option<Uuid>, T)>) -> Vec<TreeNode<T>> {
    let tree = UnitTree::new(rows.iter().map(|(id, p, _)| (*id, *p)));
    let order: HashMap<Uuid, usize> = rows.iter().enumerate().map(|(i, r)| (r.0, i)).collect();
    let data: HashMap<Uuid, T> = rows.iter().map(|(id, _, d)| (*id, d.clone())).collect();
    fn build<T: Clone>(
        id: Uuid,
        tree: &UnitTree,
        data: &HashMap<Uuid, T>,
        order: &HashMap<Uuid, usize>,
    ) -> Option<TreeNode<T>> {
        let mut kids: Vec<Uuid> = tree.children.get(&id).cloned().unwrap_or_default();
        kids.sort_by_key(|k| order.get(k).copied().unwrap_or(usize::MAX));
        Some(TreeNode {
            id,
            data: data.get(&id)?.clone(),
            children: kids
                .into_iter()
                .filter_map(|k| build(k, tree, data, order))
                .collect(),
        })
    }
    rows.iter()
        .filter(|(id, _, _)| tree.effective_parent(*id).is_none())
        .filter_map(|(id, _, _)| build(*id, &tree, &data, &order))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<Uuid> {
        (0..n).map(|i| Uuid::from_u128(i as u128 + 1)).collect()
    }

    #[test]
    fn nation_codes_are_three_letters_upper_cased() {
        assert_eq!(nation_code(" pol "), Ok("POL".into()));
        assert!(nation_code("PL").is_err());
        assert!(nation_code("P0L").is_err());
        assert!(nation_code("POLA").is_err());
    }

    #[test]
    fn time_zones_must_be_iana_names() {
        assert!(time_zone("Europe/Warsaw").is_ok());
        assert_eq!(
            time_zone("Mars/Olympus").map_err(|e| e.code),
            Err("time-zone".into())
        );
    }

    #[test]
    fn capacity_rejects_negative_numbers() {
        assert_eq!(capacity(0), Ok(0));
        assert!(capacity(-1).is_err());
        assert!(capacity(2_000_000).is_err());
    }

    #[test]
    fn subtree_and_ancestors_follow_the_parent_links() {
        let u = ids(5);
        // 0 ─ 1 ─ 2
        //   └ 3        4 (separate root)
        let tree = UnitTree::new([
            (u[0], None),
            (u[1], Some(u[0])),
            (u[2], Some(u[1])),
            (u[3], Some(u[0])),
            (u[4], None),
        ]);
        let mut sub = tree.subtree(u[0]);
        sub.sort();
        assert_eq!(sub, vec![u[0], u[1], u[2], u[3]]);
        assert_eq!(tree.subtree(u[2]), vec![u[2]]);
        assert_eq!(tree.ancestors_and_self(u[2]), vec![u[2], u[1], u[0]]);
        assert!(tree.is_within(u[2], u[0]));
        assert!(!tree.is_within(u[0], u[2]));
        assert!(!tree.is_within(u[4], u[0]));
        assert!(tree.subtree(Uuid::nil()).is_empty());
    }

    #[test]
    fn cycles_and_dangling_parents_do_not_loop() {
        let u = ids(3);
        let tree = UnitTree::new([
            (u[0], Some(u[1])),
            (u[1], Some(u[0])),
            (u[2], Some(Uuid::nil())),
        ]);
        assert!(tree.ancestors_and_self(u[0]).len() <= 2);
        assert_eq!(tree.ancestors_and_self(u[2]), vec![u[2]]);
        let forest = build_forest(vec![
            (u[0], Some(u[1]), 'a'),
            (u[1], Some(u[0]), 'b'),
            (u[2], None, 'c'),
        ]);
        let count: usize = forest.iter().map(|n| 1 + n.children.len()).sum();
        assert_eq!(count, 3, "every unit appears exactly once: {forest:?}");
    }

    #[test]
    fn forest_keeps_input_order_among_siblings() {
        let u = ids(4);
        let forest = build_forest(vec![
            (u[0], None, "root"),
            (u[3], Some(u[0]), "b"),
            (u[1], Some(u[0]), "a"),
            (u[2], Some(u[1]), "a1"),
        ]);
        assert_eq!(forest.len(), 1);
        let names: Vec<_> = forest[0].children.iter().map(|c| c.data).collect();
        assert_eq!(names, vec!["b", "a"]);
        assert_eq!(forest[0].children[1].children[0].data, "a1");
    }
}
