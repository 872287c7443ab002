//! Exact maximum-cardinality, maximum-score bipartite b-matching (each left node at most once,
//! each right node at most its capacity) by min-cost max-flow, one connected component at a
//! time (the per-component solver is `primal_dual.rs`). Indices only; must not import the
//! domain model or I/O.
//!
//! Network: source → left (cap 1, cost 0) → right (cap 1, cost `smax − score`) → sink (cap
//! = capacity, cost 0). Every source–sink path crosses one more left→right edge than it undoes,
//! so among flows of a given size the cheapest has the highest score; successive shortest paths
//! reach the maximum flow at minimum cost, i.e. (count, score) lexicographically maximal.

use super::primal_dual::{Local, NONE, solve_component};

/// A b-matching instance in left-major CSR form: left node `i` has edges
/// `start[i]..start[i + 1]` into `right` with `score` (a pair's score is at most
/// 4 × 100 × 100 = 40,000, so it fits `u16`).
#[derive(Clone, Debug)]
pub(crate) struct Instance {
    pub caps: Vec<u32>,
    pub start: Vec<usize>,
    pub right: Vec<u32>,
    pub score: Vec<u16>,
}

impl Instance {
    fn left_count(&self) -> usize {
        self.start.len().saturating_sub(1)
    }
}

/// Solves `inst` to the proven optimum and returns each left node's right node (or `None`).
/// `progress(settled)` is called after each phase with the number of left nodes whose
/// component is finished plus the augmentations made in the current one (never decreasing,
/// at most the left count). Deterministic for equal input.
pub(crate) fn solve(inst: &Instance, progress: &mut dyn FnMut(usize)) -> Vec<Option<u32>> {
    let mut result = vec![None; inst.left_count()];
    let mut settled = 0;
    for comp in components(inst) {
        let (local, lefts, rights) = comp.localise(inst);
        let mates = solve_component(local, &mut |flow| progress(settled + flow));
        for (&gi, &m) in lefts.iter().zip(&mates) {
            if m != NONE {
                result[gi] = Some(rights[m as usize]);
            }
        }
        settled += lefts.len();
        progress(settled);
    }
    result
}

/// The left and right nodes of one connected component (ascending).
struct Component {
    lefts: Vec<usize>,
    rights: Vec<u32>,
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Connected components that contain at least one usable edge, ordered by smallest left node.
fn components(inst: &Instance) -> Vec<Component> {
    let nl = inst.left_count();
    let nr = inst.caps.len();
    let mut parent: Vec<usize> = (0..nl + nr).collect();
    for i in 0..nl {
        for e in inst.start[i]..inst.start[i + 1] {
            let j = inst.right[e] as usize;
            if inst.caps[j] == 0 {
                continue;
            }
            let (a, b) = (find(&mut parent, i), find(&mut parent, nl + j));
            if a != b {
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut index = vec![NONE; nl + nr];
    let mut out: Vec<Component> = Vec::new();
    for i in 0..nl {
        let has_edge =
            (inst.start[i]..inst.start[i + 1]).any(|e| inst.caps[inst.right[e] as usize] > 0);
        if !has_edge {
            continue;
        }
        let r = find(&mut parent, i);
        if index[r] == NONE {
            index[r] = out.len() as u32;
            out.push(Component {
                lefts: vec![],
                rights: vec![],
            });
        }
        out[index[r] as usize].lefts.push(i);
    }
    for j in 0..nr {
        let r = find(&mut parent, nl + j);
        if index[r] != NONE {
            out[index[r] as usize].rights.push(j as u32);
        }
    }
    out
}

impl Component {
    fn localise(self, inst: &Instance) -> (Local, Vec<usize>, Vec<u32>) {
        let mut local_of = vec![NONE; inst.caps.len()];
        for (k, &j) in self.rights.iter().enumerate() {
            local_of[j as usize] = k as u32;
        }
        let smax = self
            .lefts
            .iter()
            .flat_map(|&i| inst.score[inst.start[i]..inst.start[i + 1]].iter().copied())
            .max()
            .unwrap_or(0);
        let mut start = Vec::with_capacity(self.lefts.len() + 1);
        let mut fwd = Vec::new();
        start.push(0);
        for &i in &self.lefts {
            for e in inst.start[i]..inst.start[i + 1] {
                let j = inst.right[e] as usize;
                if inst.caps[j] > 0 {
                    fwd.push((local_of[j], i32::from(smax) - i32::from(inst.score[e])));
                }
            }
            start.push(fwd.len());
        }
        let caps: Vec<u32> = self.rights.iter().map(|&j| inst.caps[j as usize]).collect();
        let mut rstart = vec![0usize; caps.len() + 1];
        for &(j, _) in &fwd {
            rstart[j as usize + 1] += 1;
        }
        for j in 0..caps.len() {
            rstart[j + 1] += rstart[j];
        }
        let mut fill = rstart.clone();
        let mut rev = vec![(0u32, 0i32); fwd.len()];
        for i in 0..self.lefts.len() {
            for &(j, c) in &fwd[start[i]..start[i + 1]] {
                let slot = &mut fill[j as usize];
                rev[*slot] = (i as u32, c);
                *slot += 1;
            }
        }
        let local = Local {
            caps,
            start,
            fwd,
            rstart,
            rev,
        };
        (local, self.lefts, self.rights)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn instance(caps: Vec<u32>, rows: &[Vec<(u32, u16)>]) -> Instance {
        let mut start = vec![0];
        let (mut right, mut score) = (vec![], vec![]);
        for row in rows {
            for &(j, s) in row {
                right.push(j);
                score.push(s);
            }
            start.push(right.len());
        }
        Instance {
            caps,
            start,
            right,
            score,
        }
    }

    fn value(inst: &Instance, mates: &[Option<u32>]) -> (usize, i64) {
        let mut load = vec![0u32; inst.caps.len()];
        let mut out = (0, 0);
        for (i, m) in mates.iter().enumerate() {
            if let Some(j) = m {
                let e = (inst.start[i]..inst.start[i + 1])
                    .find(|&e| inst.right[e] == *j)
                    .expect("matched along an edge");
                load[*j as usize] += 1;
                out.0 += 1;
                out.1 += i64::from(inst.score[e]);
            }
        }
        for (l, c) in load.iter().zip(&inst.caps) {
            assert!(l <= c, "capacity exceeded");
        }
        out
    }

    fn brute(inst: &Instance, i: usize, load: &mut [u32]) -> (usize, i64) {
        if i + 1 >= inst.start.len() {
            return (0, 0);
        }
        let mut best = brute(inst, i + 1, load);
        for e in inst.start[i]..inst.start[i + 1] {
            let j = inst.right[e] as usize;
            if load[j] < inst.caps[j] {
                load[j] += 1;
                let (c, s) = brute(inst, i + 1, load);
                load[j] -= 1;
                best = best.max((c + 1, s + i64::from(inst.score[e])));
            }
        }
        best
    }

    #[test]
    fn count_comes_before_score() {
        // left 0 could take right 0 for 100, but then left 1 (only right 0) stays unmatched
        let inst = instance(vec![1, 1], &[vec![(0, 100), (1, 1)], vec![(0, 1)]]);
        let mates = solve(&inst, &mut |_| {});
        assert_eq!(mates, vec![Some(1), Some(0)]);
    }

    #[test]
    fn a_long_chain_of_reassignments_is_found() {
        let n = 40u32;
        let rows: Vec<Vec<(u32, u16)>> = (0..n)
            .map(|i| {
                let mut r = vec![(i, 5)];
                if i + 1 < n {
                    r.push((i + 1, 10));
                }
                r
            })
            .collect();
        let inst = instance(vec![1; n as usize], &rows);
        let mates = solve(&inst, &mut |_| {});
        // the last left node reaches only its own right node, which forces every left node i
        // onto right node i: the greedy 10-point choices must all be undone
        assert_eq!(value(&inst, &mates), (n as usize, i64::from(n) * 5));
        assert!(mates.iter().enumerate().all(|(i, m)| *m == Some(i as u32)));
    }

    fn arb_instance() -> impl Strategy<Value = Instance> {
        (1usize..=4, 0usize..=7).prop_flat_map(|(nr, nl)| {
            (
                prop::collection::vec(0u32..=3, nr),
                prop::collection::vec(
                    prop::collection::btree_map(0..nr as u32, 0u16..=60, 0..=nr),
                    nl,
                ),
            )
                .prop_map(|(caps, rows)| {
                    let rows: Vec<Vec<(u32, u16)>> =
                        rows.into_iter().map(|r| r.into_iter().collect()).collect();
                    instance(caps, &rows)
                })
        })
    }

    /// Textbook min-cost max-flow: one Bellman-Ford shortest path per unit of flow on the
    /// explicit network. Returns (count, score).
    fn reference(inst: &Instance) -> (usize, i64) {
        let nl = inst.start.len() - 1;
        let nr = inst.caps.len();
        let (s, t) = (nl + nr, nl + nr + 1);
        // edges as (to, cap, cost); edge k's reverse is k ^ 1
        let mut edges: Vec<(usize, i64, i64)> = vec![];
        let mut adj = vec![vec![]; nl + nr + 2];
        let mut add = |a: usize, b: usize, cap: i64, cost: i64, adj: &mut Vec<Vec<usize>>| {
            adj[a].push(edges.len());
            edges.push((b, cap, cost));
            adj[b].push(edges.len());
            edges.push((a, 0, -cost));
        };
        for i in 0..nl {
            add(s, i, 1, 0, &mut adj);
            for e in inst.start[i]..inst.start[i + 1] {
                let j = inst.right[e] as usize;
                add(i, nl + j, 1, -i64::from(inst.score[e]), &mut adj);
            }
        }
        for j in 0..nr {
            add(nl + j, t, i64::from(inst.caps[j]), 0, &mut adj);
        }
        let (mut count, mut cost) = (0usize, 0i64);
        loop {
            let mut dist = vec![i64::MAX; nl + nr + 2];
            let mut via = vec![usize::MAX; nl + nr + 2];
            dist[s] = 0;
            for _ in 0..nl + nr + 2 {
                let mut changed = false;
                for a in 0..nl + nr + 2 {
                    if dist[a] == i64::MAX {
                        continue;
                    }
                    for &k in &adj[a] {
                        let (b, cap, c) = edges[k];
                        if cap > 0 && dist[a] + c < dist[b] {
                            dist[b] = dist[a] + c;
                            via[b] = k;
                            changed = true;
                        }
                    }
                }
                if !changed {
                    break;
                }
            }
            if dist[t] == i64::MAX {
                return (count, -cost);
            }
            let mut v = t;
            while v != s {
                let k = via[v];
                edges[k].1 -= 1;
                edges[k ^ 1].1 += 1;
                v = edges[k ^ 1].0;
            }
            count += 1;
            cost += dist[t];
        }
    }

    fn arb_medium() -> impl Strategy<Value = Instance> {
        (1usize..=10, 0usize..=40, 1u16..=6).prop_flat_map(|(nr, nl, spread)| {
            (
                prop::collection::vec(0u32..=4, nr),
                prop::collection::vec(
                    prop::collection::btree_map(0..nr as u32, 0u16..=spread, 0..=nr),
                    nl,
                ),
            )
                .prop_map(|(caps, rows)| {
                    let rows: Vec<Vec<(u32, u16)>> =
                        rows.into_iter().map(|r| r.into_iter().collect()).collect();
                    instance(caps, &rows)
                })
        })
    }

    proptest! {
        #[test]
        fn solver_matches_brute_force_on_small_graphs(inst in arb_instance()) {
            let mates = solve(&inst, &mut |_| {});
            let got = value(&inst, &mates);
            let mut load = vec![0; inst.caps.len()];
            prop_assert_eq!(got, brute(&inst, 0, &mut load));
        }

        #[test]
        fn solver_matches_textbook_min_cost_flow_on_tie_heavy_graphs(inst in arb_medium()) {
            let mates = solve(&inst, &mut |_| {});
            prop_assert_eq!(value(&inst, &mates), reference(&inst));
        }
    }
}
