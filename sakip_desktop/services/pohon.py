"""Reading the performance tree: a whole plan in memory in a few queries, in tree order."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..model import Indikator, NodeKinerja, Renstra


@dataclass
class SimpulPohon:
    """A node with its children, detached from the session (plain Python)."""

    node: NodeKinerja
    kedalaman: int
    anak: list[SimpulPohon] = field(default_factory=list)


def muat_pohon(sesi: Session, renstra: Renstra) -> list[SimpulPohon]:
    """The plan's nodes as a tree, topped by the RPJMD chain its tujuan hang under.

    Three queries whatever the size: the plan's nodes with indicators, and the RPJMD nodes.
    """
    nodes = sesi.scalars(
        select(NodeKinerja)
        .where(NodeKinerja.renstra_id == renstra.id)
        .options(selectinload(NodeKinerja.indikator), selectinload(NodeKinerja.pemilik))
        .order_by(NodeKinerja.urutan)
    ).all()
    rpjmd: list[NodeKinerja] = []
    if renstra.rpjmd_id is not None:
        rpjmd = list(
            sesi.scalars(
                select(NodeKinerja)
                .where(NodeKinerja.rpjmd_id == renstra.rpjmd_id)
                .options(selectinload(NodeKinerja.indikator), selectinload(NodeKinerja.pemilik))
                .order_by(NodeKinerja.urutan)
            ).all()
        )
    anak: dict[uuid.UUID | None, list[NodeKinerja]] = {}
    for n in [*rpjmd, *nodes]:
        anak.setdefault(n.parent_id, []).append(n)
    milik_plan = {n.id for n in nodes}

    def relevan(n: NodeKinerja) -> bool:
        """An RPJMD node matters only if some node of this plan hangs below it."""
        if n.id in milik_plan:
            return True
        return any(relevan(a) for a in anak.get(n.id, []))

    def bangun(n: NodeKinerja, d: int) -> SimpulPohon:
        s = SimpulPohon(n, d)
        s.anak = [bangun(a, d + 1) for a in anak.get(n.id, []) if relevan(a)]
        return s

    return [bangun(n, 0) for n in anak.get(None, []) if relevan(n)]


def telusuri(akar: list[SimpulPohon]) -> Iterator[SimpulPohon]:
    """Pre-order walk (the order documents print)."""
    for s in akar:
        yield s
        yield from telusuri(s.anak)


def indikator_urut(akar: list[SimpulPohon]) -> list[tuple[SimpulPohon, Indikator]]:
    return [(s, ind) for s in telusuri(akar) for ind in s.node.indikator]
