"""Interval audit: what an attacker can infer about each hidden cell from what is published.

The attacker knows, for every cell, a range of possible true counts (its *knowledge*): a single
value for an exact number, the counts that round to a published rounded number, ``1..t-1`` for a
cell suppressed by the threshold rule, and so on. They also know that margins are sums of cells.
The audit computes, for each cell, the smallest and largest true count consistent with all of it.

Method (exact, no LP library): a one- or two-way table with margins is a *circulation* in a small
network — source → row margin → inner cell → column margin → sink → (grand total) → source — with
each cell's knowledge as lower/upper bounds on its edge. Flow networks with integer bounds have
integer extreme points, so the integer bounds equal the linear-programming bounds. We find one
feasible circulation (Edmonds–Karp max-flow with the standard lower-bound reduction), then for a
cell edge u→v its maximum is its flow plus the largest extra flow from v back to u in the residual
network without that edge, and its minimum likewise with u→v.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass

from pipeline.errors import AnonymiseError
from pipeline.stats.tabulate import TOTAL, Key, Table

#: Stand-in for "no upper bound"; far above any count a table can hold.
INF = 10**15


class AuditFailure(AnonymiseError):
    """A hidden cell could be worked out from the published table and cannot be protected."""

    code = "audit-failed"


@dataclass(frozen=True)
class Interval:
    """The true counts an attacker cannot rule out for one cell (``hi`` None: unbounded)."""

    lo: int
    hi: int | None

    @property
    def values(self) -> int | None:
        """How many whole numbers the interval holds (None: unbounded)."""
        return None if self.hi is None else self.hi - self.lo + 1

    def at_least(self, n: int) -> bool:
        """Whether the interval holds at least ``n`` whole numbers."""
        return self.values is None or self.values >= n


class _Network:
    """A directed graph with integer capacities, for max-flow."""

    def __init__(self, nodes: int) -> None:
        self.adj: list[list[int]] = [[] for _ in range(nodes)]
        self.to: list[int] = []
        self.cap: list[int] = []

    def add(self, u: int, v: int, cap: int) -> int:
        """Add edge u→v (and its zero-capacity reverse); return the forward edge id."""
        self.adj[u].append(len(self.to))
        self.to.append(v)
        self.cap.append(cap)
        self.adj[v].append(len(self.to))
        self.to.append(u)
        self.cap.append(0)
        return len(self.to) - 2

    def max_flow(self, s: int, t: int, limit: int = INF) -> int:
        """Push up to ``limit`` units from s to t (Edmonds–Karp); return the amount pushed."""
        pushed = 0
        while pushed < limit:
            parent = [-1] * len(self.adj)
            parent[s] = -2
            queue = deque([s])
            while queue and parent[t] == -1:
                u = queue.popleft()
                for e in self.adj[u]:
                    if self.cap[e] > 0 and parent[self.to[e]] == -1:
                        parent[self.to[e]] = e
                        queue.append(self.to[e])
            if parent[t] == -1:
                break
            bottleneck, v = limit - pushed, t
            while v != s:
                e = parent[v]
                bottleneck = min(bottleneck, self.cap[e])
                v = self.to[e ^ 1]
            v = t
            while v != s:
                e = parent[v]
                self.cap[e] -= bottleneck
                self.cap[e ^ 1] += bottleneck
                v = self.to[e ^ 1]
            pushed += bottleneck
        return pushed


def _endpoints(table: Table) -> dict[Key, tuple[int, int]]:
    """Map each key to its edge (u, v) in the circulation network."""
    source, sink = 0, 1
    ends: dict[Key, tuple[int, int]] = {}
    if len(table.dims) == 1:
        for c in table.categories[0]:
            ends[(c,)] = (source, sink)
        ends[(TOTAL,)] = (sink, source)
        return ends
    rows, cols = table.categories
    row_node = {r: 2 + i for i, r in enumerate(rows)}
    col_node = {c: 2 + len(rows) + j for j, c in enumerate(cols)}
    for r in rows:
        ends[(r, TOTAL)] = (source, row_node[r])
        for c in cols:
            ends[(r, c)] = (row_node[r], col_node[c])
    for c in cols:
        ends[(TOTAL, c)] = (col_node[c], sink)
    ends[(TOTAL, TOTAL)] = (sink, source)
    return ends


class Circulation:
    """One feasible assignment of counts under the attacker's knowledge, ready for queries."""

    def __init__(self, table: Table, knowledge: Mapping[Key, tuple[int, int | None]]) -> None:
        """Find a feasible circulation.

        Args:
            table: The table (only its shape is used).
            knowledge: For every key, the (low, high) true counts the attacker cannot rule out.

        Raises:
            ValueError: the knowledge is inconsistent (no table fits it), which means a bug.
        """
        self.ends = _endpoints(table)
        self.nodes = max(max(e) for e in self.ends.values()) + 1
        self.low = {k: knowledge[k][0] for k in self.ends}
        self.high = {k: INF if knowledge[k][1] is None else knowledge[k][1] for k in self.ends}
        net = _Network(self.nodes + 2)
        super_s, super_t = self.nodes, self.nodes + 1
        excess = [0] * self.nodes
        edge_id: dict[Key, int] = {}
        for key, (u, v) in self.ends.items():
            if self.high[key] < self.low[key]:
                raise ValueError("empty knowledge interval")
            edge_id[key] = net.add(u, v, self.high[key] - self.low[key])
            excess[v] += self.low[key]
            excess[u] -= self.low[key]
        need = 0
        for node, amount in enumerate(excess):
            if amount > 0:
                net.add(super_s, node, amount)
                need += amount
            elif amount < 0:
                net.add(node, super_t, -amount)
        if net.max_flow(super_s, super_t) != need:
            raise ValueError("no table is consistent with the published values")
        self.flow = {k: self.low[k] + net.cap[edge_id[k] ^ 1] for k in self.ends}

    def _residual_push(self, skip: Key, start: int, end: int, limit: int) -> int:
        net = _Network(self.nodes)
        for key, (u, v) in self.ends.items():
            if key == skip:
                continue
            f = self.flow[key]
            if self.high[key] - f > 0:
                net.add(u, v, self.high[key] - f)
            if f - self.low[key] > 0:
                net.add(v, u, f - self.low[key])
        return net.max_flow(start, end, limit) if limit > 0 else 0

    def interval(self, key: Key) -> Interval:
        """The smallest and largest true count of ``key`` consistent with the knowledge."""
        u, v = self.ends[key]
        f = self.flow[key]
        up = self._residual_push(key, v, u, self.high[key] - f)
        down = self._residual_push(key, u, v, f - self.low[key])
        hi = f + up
        return Interval(f - down, None if hi >= INF // 2 else hi)


def intervals(table: Table, knowledge: Mapping[Key, tuple[int, int | None]],
              keys: list[Key]) -> dict[Key, Interval]:
    """Attacker intervals for the given keys (see the module docstring for the method)."""
    circulation = Circulation(table, knowledge)
    return {k: circulation.interval(k) for k in keys}
