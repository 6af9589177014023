"""Who knows whom, as a picture: you in the middle, your trusted circle and connections
around you, grouped by the people they are met with or know, and lines between those
who know each other.

`people_picture` is plain data (tested without Qt); `people_picture_chart` draws it with
pyqtgraph in the charts' style, for the dashboard and the network report.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from relationship_journal.health import NetworkHealth

if TYPE_CHECKING:
    from relationship_journal.journal.core import Journal
    from relationship_journal.reports.charts import ChartPalette

MAX_PEOPLE = 40  # the strongest ties; a picture of hundreds says nothing
SHOWN = ("trusted", "connection")
RADIUS = {"trusted": 1.0, "connection": 1.7}


@dataclass(frozen=True)
class PictureNode:
    contact_id: int  # 0: you
    name: str
    kind: str  # me | trusted | connection
    group: int  # people who know each other share a group (-1: you)
    x: float
    y: float


@dataclass(frozen=True)
class PeoplePicture:
    nodes: tuple[PictureNode, ...]
    edges: tuple[tuple[int, int], ...]  # indices into nodes, between people who know each other
    groups: int

    @property
    def people(self) -> int:
        return max(0, len(self.nodes) - 1)


def known_pairs(journal: Journal) -> frozenset[tuple[int, int]]:
    """(a, b) with a < b for everyone linked by a relationship or an entry together."""
    pairs = {tuple(sorted((e.person_id, e.other_id))) for e in journal.relationships.edges()}
    pairs |= journal.relationships.pairs_met()
    return frozenset(pairs)  # type: ignore[arg-type]


def people_picture(network: NetworkHealth, pairs: Iterable[tuple[int, int]]) -> PeoplePicture:
    """Lay out the trusted circle and connections around you, a sector per group."""
    chosen = sorted(
        (c for c in network.contacts if c.classification in SHOWN),
        key=lambda c: (c.classification != "trusted", -(c.score or 0), c.name, c.contact_id),
    )[:MAX_PEOPLE]
    ids = {c.contact_id for c in chosen}
    linked = [(a, b) for a, b in pairs if a in ids and b in ids]
    parent = {cid: cid for cid in ids}

    def root(cid: int) -> int:
        while parent[cid] != cid:
            parent[cid] = parent[parent[cid]]
            cid = parent[cid]
        return cid

    for a, b in linked:
        parent[root(a)] = root(b)
    members: dict[int, list[Any]] = {}
    for c in chosen:
        members.setdefault(root(c.contact_id), []).append(c)
    groups = sorted(members.values(), key=lambda g: (-len(g), g[0].name))
    nodes = [PictureNode(0, "You", "me", -1, 0.0, 0.0)]
    total = max(1, len(chosen))
    start = math.pi / 2
    for number, group in enumerate(groups):
        share = 2 * math.pi * len(group) / total
        for k, c in enumerate(group):
            angle = start + share * (k + 0.5) / len(group)
            radius = RADIUS[c.classification]
            nodes.append(
                PictureNode(
                    c.contact_id,
                    c.name,
                    c.classification,
                    number,
                    radius * math.cos(angle),
                    radius * math.sin(angle),
                )
            )
        start += share
    index = {n.contact_id: i for i, n in enumerate(nodes)}
    edges = tuple(sorted((index[a], index[b]) for a, b in linked))
    return PeoplePicture(tuple(nodes), edges, len(groups))


def people_picture_chart(picture: PeoplePicture, palette: ChartPalette, into: Any = None) -> Any:
    """The picture as a pyqtgraph plot: lines to you, lines between people who know
    each other, the trusted circle named."""
    import pyqtgraph as pg

    from relationship_journal.reports.charts import _emptied, _text

    plot = _emptied(into) if into is not None else pg.PlotItem(enableMenu=False)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    plot.vb.setBackgroundColor(None)
    plot.hideAxis("left")
    plot.hideAxis("bottom")
    plot.showGrid(x=False, y=False)
    plot.setTitle(
        "Who knows whom", color=palette.text, size=f"{palette.point_size * 1.2:.1f}pt", bold=True
    )
    nodes = picture.nodes
    if picture.people == 0:
        plot.addItem(
            _text(
                "No connections yet: the people who know and trust you will show here.",
                palette.muted,
                palette,
                (0.5, 0.5),
            )
        )
        plot.setXRange(-2, 2, padding=0)
        plot.setYRange(-2, 2, padding=0)
        return plot
    spokes = pg.mkPen(palette.grid, width=1)
    ties = pg.mkPen(palette.breadth, width=1.6)
    for i in range(1, len(nodes)):
        plot.plot([0, nodes[i].x], [0, nodes[i].y], pen=spokes)
    for a, b in picture.edges:
        plot.plot([nodes[a].x, nodes[b].x], [nodes[a].y, nodes[b].y], pen=ties)
    colour = {"me": palette.text, "trusted": palette.trusted, "connection": palette.connections}
    size = {"me": 16, "trusted": 13, "connection": 10}
    plot.addItem(
        pg.ScatterPlotItem(
            x=[n.x for n in nodes],
            y=[n.y for n in nodes],
            size=[size[n.kind] for n in nodes],
            brush=[pg.mkBrush(colour[n.kind]) for n in nodes],
            pen=pg.mkPen(palette.background, width=1.5),
        )
    )
    for n in nodes:
        if n.kind in ("me", "trusted"):
            label = _text(
                n.name.split(" ")[0] if n.kind == "trusted" else n.name,
                palette.text,
                palette,
                (0.5, -0.4),
            )
            label.setPos(n.x, n.y)
            plot.addItem(label)
    plot.setXRange(-2.1, 2.1, padding=0)
    plot.setYRange(-2.0, 2.0, padding=0)
    plot.vb.setAspectLocked(True)
    return plot
