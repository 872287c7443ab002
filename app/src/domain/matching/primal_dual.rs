//! The per-component optimiser: primal-dual successive shortest paths for a b-matching
//! (Dijkstra with potentials over right nodes only, then as many zero-reduced-cost augmenting
//! paths as a backward search finds, until the sink is unreachable). Indices only; must not
//! import the domain model or I/O.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// "No node".
pub(crate) const NONE: u32 = u32::MAX;
const INF: i64 = i64::MAX / 4;

/// A component with local indices and edge costs `smax − score ≥ 0`: `fwd` holds
/// `(right, cost)` in left-major CSR form (`start`), `rev` the same edges as `(left, cost)`
/// grouped by right node (`rstart`; left nodes ascending).
pub(crate) struct Local {
    pub caps: Vec<u32>,
    pub start: Vec<usize>,
    pub fwd: Vec<(u32, i32)>,
    pub rstart: Vec<usize>,
    pub rev: Vec<(u32, i32)>,
}

/// Solves one component to the optimum; returns each left node's right node or [`NONE`].
/// `progress(flow)` is called after each phase with the flow pushed so far.
pub(crate) fn solve_component(g: Local, progress: &mut dyn FnMut(usize)) -> Vec<u32> {
    let mut solver = Solver::new(g);
    solver.run(progress);
    solver.mate
}

/// A frame of the backward search: right node `j`, reached from the sink side through the
/// left node `via` (which would move from `j` to the previous frame's right node over an edge
/// of cost `via_cost`); `cursor` walks `j`'s tight predecessors.
struct Back {
    j: usize,
    via: usize,
    via_cost: i64,
    cursor: u32,
    tried_free: bool,
}

/// Primal-dual state of one component, searched on right nodes only.
///
/// A residual source–sink path runs: source → free left → right `j_k` → (a left node assigned
/// to `j_k` moves on) → right `j_{k−1}` → … → right `j_0` with spare capacity → sink. So the
/// search needs, per right node, the cheapest edge from a free left node (`best`) and the
/// cheapest way to move one of its assigned left nodes to each other right node (`moves`).
/// Left potentials stay implicit: a free left node's is 0, an assigned one's is
/// `pr[mate] − mate_cost`, which keeps every matched edge tight.
struct Solver {
    g: Local,
    mate: Vec<u32>,
    mate_cost: Vec<i64>,
    assigned: Vec<Vec<u32>>,
    /// `(cost, left)` of the cheapest edge from a free left node into each right node, ties by
    /// left index; refreshed lazily (left nodes never become free again); `NONE` when none.
    best: Vec<(i64, u32)>,
    /// Per right node `j'`: `(j, c_ij − c_ij')` minimised over the left nodes `i` assigned to
    /// `j'`, and in `movers` the minimising `i`; rebuilt lazily when `stale` (after its
    /// assignments change).
    moves: Vec<Vec<(u32, i32)>>,
    movers: Vec<Vec<u32>>,
    stale: Vec<bool>,
    scratch: Vec<(i64, u32)>,
    /// Potentials of right nodes and the sink (the source's and free left nodes' stay 0).
    pr: Vec<i64>,
    pt: i64,
    dr: Vec<i64>,
    /// Finalised in Dijkstra; reused as "visited" in the augmenting searches.
    done_r: Vec<bool>,
    seen_l: Vec<bool>,
    heap: BinaryHeap<Reverse<(i64, u32)>>,
    /// Left→right edges that were tight when the last Dijkstra relaxed them, as linked lists
    /// per right node (`tight_head`) in an arena of `(left, edge cost, next)`.
    tight_head: Vec<u32>,
    tight: Vec<(u32, i64, u32)>,
}

impl Solver {
    fn new(g: Local) -> Self {
        let nl = g.start.len() - 1;
        let nr = g.caps.len();
        let mut solver = Solver {
            g,
            mate: vec![NONE; nl],
            mate_cost: vec![0; nl],
            assigned: vec![Vec::new(); nr],
            best: vec![(INF, NONE); nr],
            moves: vec![Vec::new(); nr],
            movers: vec![Vec::new(); nr],
            stale: vec![false; nr],
            scratch: vec![(INF, NONE); nr],
            pr: vec![0; nr],
            pt: 0,
            dr: vec![INF; nr],
            done_r: vec![false; nr],
            seen_l: vec![false; nl],
            heap: BinaryHeap::new(),
            tight_head: vec![NONE; nr],
            tight: Vec::new(),
        };
        for j in 0..nr {
            solver.refresh_best(j);
        }
        solver
    }

    fn refresh_best(&mut self, j: usize) {
        let mut found = (INF, NONE);
        for &(i, c) in &self.g.rev[self.g.rstart[j]..self.g.rstart[j + 1]] {
            if self.mate[i as usize] == NONE && i64::from(c) < found.0 {
                found = (i64::from(c), i);
            }
        }
        self.best[j] = found;
    }

    fn best_free(&mut self, j: usize) -> Option<(i64, usize)> {
        let (_, i) = self.best[j];
        if i != NONE && self.mate[i as usize] != NONE {
            self.refresh_best(j);
        }
        let (c, i) = self.best[j];
        (i != NONE).then_some((c, i as usize))
    }

    fn rebuild_moves(&mut self, from: usize) {
        let mut row = std::mem::take(&mut self.moves[from]);
        let mut who = std::mem::take(&mut self.movers[from]);
        row.clear();
        who.clear();
        for &i in &self.assigned[from] {
            // both costs lie in 0..=u16::MAX, so the difference fits i32
            let here = self.mate_cost[i as usize] as i32;
            let edges = &self.g.fwd[self.g.start[i as usize]..self.g.start[i as usize + 1]];
            for &(j, c) in edges {
                if j as usize == from {
                    continue;
                }
                let (w, slot) = (c - here, &mut self.scratch[j as usize]);
                if slot.1 == NONE {
                    *slot = (i64::from(w), i);
                    row.push((j, 0));
                } else if i64::from(w) < slot.0 {
                    *slot = (i64::from(w), i);
                }
            }
        }
        for entry in &mut row {
            let slot = &mut self.scratch[entry.0 as usize];
            entry.1 = slot.0 as i32;
            who.push(slot.1);
            *slot = (INF, NONE);
        }
        self.moves[from] = row;
        self.movers[from] = who;
        self.stale[from] = false;
    }

    fn spare(&self, j: usize) -> bool {
        (self.assigned[j].len() as u32) < self.g.caps[j]
    }

    fn run(&mut self, progress: &mut dyn FnMut(usize)) {
        let mut flow = 0;
        while self.dijkstra() {
            let pushed = self.augment_all();
            if pushed == 0 {
                break;
            }
            flow += pushed;
            progress(flow);
        }
    }

    /// Shortest reduced distances from the source to every right node, stopping past the
    /// sink's distance, recording tight edges; then raises every potential by
    /// `min(distance, sink distance)`. False when the sink is unreachable (the flow is maximum).
    fn dijkstra(&mut self) -> bool {
        let nr = self.pr.len();
        self.dr.fill(INF);
        self.done_r.fill(false);
        self.tight_head.fill(NONE);
        self.tight.clear();
        self.heap.clear();
        for j in 0..nr {
            if let Some((c, _)) = self.best_free(j) {
                self.dr[j] = c - self.pr[j];
                self.heap.push(Reverse((self.dr[j], j as u32)));
            }
        }
        let mut dt = INF;
        while let Some(Reverse((d, from))) = self.heap.pop() {
            if d > dt {
                break;
            }
            let from = from as usize;
            if self.done_r[from] || d > self.dr[from] {
                continue;
            }
            self.done_r[from] = true;
            let base = d + self.pr[from];
            if self.spare(from) {
                dt = dt.min(base - self.pt);
            }
            if self.stale[from] {
                self.rebuild_moves(from);
            }
            let row = std::mem::take(&mut self.moves[from]);
            for (k, &(j, w)) in row.iter().enumerate() {
                let (j, w) = (j as usize, i64::from(w));
                let nd = base + w - self.pr[j];
                if nd > self.dr[j] {
                    continue;
                }
                if nd < self.dr[j] {
                    if self.done_r[j] {
                        continue;
                    }
                    self.dr[j] = nd;
                    self.tight_head[j] = NONE;
                    self.heap.push(Reverse((nd, j as u32)));
                }
                let i = self.movers[from][k];
                let cost = w + self.mate_cost[i as usize];
                self.tight.push((i, cost, self.tight_head[j]));
                self.tight_head[j] = (self.tight.len() - 1) as u32;
            }
            self.moves[from] = row;
        }
        if dt >= INF {
            return false;
        }
        for (p, (d, done)) in self.pr.iter_mut().zip(self.dr.iter().zip(&self.done_r)) {
            *p += if *done { *d } else { dt };
        }
        self.pt += dt;
        true
    }

    /// Pushes augmenting paths made of zero-reduced-cost edges, searching backwards from each
    /// right node with spare capacity and a tight sink edge; nodes whose search failed stay
    /// blocked for the phase, nodes of a successful path are released. Returns the count.
    fn augment_all(&mut self) -> usize {
        self.seen_l.fill(false);
        self.done_r.fill(false);
        let mut stack = Vec::new();
        let mut pushed = 0;
        for j in 0..self.pr.len() {
            while self.spare(j) && self.pr[j] == self.pt && !self.done_r[j] {
                self.done_r[j] = true;
                stack.clear();
                stack.push(Back {
                    j,
                    via: NONE as usize,
                    via_cost: 0,
                    cursor: self.tight_head[j],
                    tried_free: false,
                });
                let Some(root) = self.search(&mut stack) else {
                    break;
                };
                self.apply(root, &stack);
                for f in &stack {
                    self.done_r[f.j] = false;
                    if f.via != NONE as usize {
                        self.seen_l[f.via] = false;
                    }
                }
                pushed += 1;
            }
        }
        pushed
    }

    /// Depth-first search backwards over admissible edges from the frames on `stack` to a
    /// free left node; returns it with its edge cost, leaving the path on `stack`.
    fn search(&mut self, stack: &mut Vec<Back>) -> Option<(usize, i64)> {
        while let Some(top) = stack.last_mut() {
            let j = top.j;
            if !top.tried_free {
                top.tried_free = true;
                if let Some((c, root)) = self.best_free(j)
                    && c == self.pr[j]
                {
                    return Some((root, c));
                }
                continue;
            }
            let mut next = None;
            while top.cursor != NONE {
                let (i, cost, link) = self.tight[top.cursor as usize];
                top.cursor = link;
                let i = i as usize;
                let from = self.mate[i] as usize;
                if self.mate[i] == NONE
                    || self.seen_l[i]
                    || from == j
                    || self.done_r[from]
                    || cost + self.pr[from] - self.mate_cost[i] != self.pr[j]
                {
                    continue;
                }
                self.seen_l[i] = true;
                self.done_r[from] = true;
                next = Some(Back {
                    j: from,
                    via: i,
                    via_cost: cost,
                    cursor: self.tight_head[from],
                    tried_free: false,
                });
                break;
            }
            match next {
                Some(f) => stack.push(f),
                None => {
                    stack.pop();
                }
            }
        }
        None
    }

    /// Flips the path `root → stack[last].j → … → stack[0].j → sink`: each left node moves to
    /// the right node one frame nearer the sink, taking the slot its successor vacated.
    fn apply(&mut self, (root, root_cost): (usize, i64), stack: &[Back]) {
        for (m, frame) in stack.iter().enumerate() {
            let (incoming, cost) = match stack.get(m + 1) {
                Some(next) => (next.via, next.via_cost),
                None => (root, root_cost),
            };
            self.mate[incoming] = frame.j as u32;
            self.mate_cost[incoming] = cost;
            self.stale[frame.j] = true;
            let slots = &mut self.assigned[frame.j];
            match slots.iter().position(|&x| x as usize == frame.via) {
                Some(p) if m > 0 => slots[p] = incoming as u32,
                _ => slots.push(incoming as u32),
            }
        }
    }
}
