"""The performance tree as the window reads it: one level at a time, and by search.

Plain values (`InfoNode`) leave the session, so the Qt model never holds ORM objects.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from ..domain import JenisNode
from ..kalkulasi import NilaiTarget
from ..model import Indikator, Jabatan, NodeKinerja, Renstra, Target
from .capaian import target_berlaku


@dataclass(frozen=True)
class InfoIndikator:
    id: uuid.UUID
    kode: str
    nama: str
    satuan: str
    target: NilaiTarget | None


@dataclass(frozen=True)
class InfoNode:
    """One row of the tree: what the columns show, and whether it can expand."""

    id: uuid.UUID
    parent_id: uuid.UUID | None
    jenis: JenisNode
    kode: str | None
    uraian: str
    sasaran: str | None
    penanggung_jawab: str | None
    pemilik_id: uuid.UUID | None
    indikator: tuple[InfoIndikator, ...]
    jumlah_anak: int
    milik_rpjmd: bool
    versi: int


def _syarat_rencana(renstra: Renstra):  # type: ignore[no-untyped-def]
    """Nodes of this plan, or of the RPJMD it cascades from."""
    if renstra.rpjmd_id is None:
        return NodeKinerja.renstra_id == renstra.id
    return or_(NodeKinerja.renstra_id == renstra.id, NodeKinerja.rpjmd_id == renstra.rpjmd_id)


def _relevan_rpjmd(sesi: Session, renstra: Renstra) -> set[uuid.UUID]:
    """RPJMD nodes with some node of this plan below them (other agencies' stay hidden)."""
    if renstra.rpjmd_id is None:
        return set()
    induk = dict(
        sesi.execute(
            select(NodeKinerja.id, NodeKinerja.parent_id).where(_syarat_rencana(renstra))
        ).all()
    )
    milik = set(
        sesi.scalars(select(NodeKinerja.id).where(NodeKinerja.renstra_id == renstra.id)).all()
    )
    relevan: set[uuid.UUID] = set()
    for nid in milik:
        p = induk.get(nid)
        while p is not None and p not in relevan and p not in milik:
            relevan.add(p)
            p = induk.get(p)
    return relevan


def anak_node(
    sesi: Session, renstra: Renstra, parent_id: uuid.UUID | None, tahun: int
) -> list[InfoNode]:
    """The children of ``parent_id`` (None: the top) with their indicators and targets."""
    relevan = _relevan_rpjmd(sesi, renstra)
    nodes = sesi.scalars(
        select(NodeKinerja)
        .where(
            _syarat_rencana(renstra),
            NodeKinerja.parent_id == parent_id if parent_id else NodeKinerja.parent_id.is_(None),
        )
        .options(selectinload(NodeKinerja.indikator), selectinload(NodeKinerja.pemilik))
        .order_by(NodeKinerja.urutan, NodeKinerja.uraian)
    ).all()
    nodes = [n for n in nodes if n.renstra_id == renstra.id or n.id in relevan]
    ids = [n.id for n in nodes]
    jumlah: dict[uuid.UUID, int] = defaultdict(int)
    for pid, nid, rid in sesi.execute(
        select(NodeKinerja.parent_id, NodeKinerja.id, NodeKinerja.renstra_id).where(
            NodeKinerja.parent_id.in_(ids)
        )
    ):
        if rid == renstra.id or nid in relevan:
            jumlah[pid] += 1
    ind_ids = [i.id for n in nodes for i in n.indikator]
    target: dict[uuid.UUID, list[Target]] = defaultdict(list)
    if ind_ids:
        for t in sesi.scalars(
            select(Target).where(Target.tahun == tahun, Target.indikator_id.in_(ind_ids))
        ):
            target[t.indikator_id].append(t)
    return [
        InfoNode(
            id=n.id,
            parent_id=n.parent_id,
            jenis=n.jenis,
            kode=n.kode,
            uraian=n.uraian,
            sasaran=n.sasaran,
            penanggung_jawab=n.pemilik.nama if n.pemilik else None,
            pemilik_id=n.pemilik_id,
            indikator=tuple(
                InfoIndikator(i.id, i.kode, i.nama, i.satuan, target_berlaku(target[i.id]).tahunan)
                for i in n.indikator
            ),
            jumlah_anak=jumlah[n.id],
            milik_rpjmd=n.rpjmd_id is not None,
            versi=n.versi,
        )
        for n in nodes
    ]


def jalur_node(sesi: Session, node_id: uuid.UUID) -> list[uuid.UUID]:
    """Ids from the top of the tree down to ``node_id`` (to reveal it in the view)."""
    jalur: list[uuid.UUID] = []
    n = sesi.get(NodeKinerja, node_id)
    while n is not None:
        jalur.append(n.id)
        n = n.parent
    return list(reversed(jalur))


def cari_node(sesi: Session, renstra: Renstra, teks: str, batas: int = 200) -> list[uuid.UUID]:
    """Nodes whose statement, code, sasaran or one of whose indicators contains ``teks``
    (case-insensitive), in tree order of discovery."""
    pola = f"%{teks.strip().lower()}%"
    if not teks.strip():
        return []
    lewat_indikator = select(Indikator.node_id).where(
        or_(func.lower(Indikator.nama).like(pola), func.lower(Indikator.kode).like(pola))
    )
    hasil = sesi.scalars(
        select(NodeKinerja.id)
        .where(
            _syarat_rencana(renstra),
            or_(
                func.lower(NodeKinerja.uraian).like(pola),
                func.lower(func.coalesce(NodeKinerja.kode, "")).like(pola),
                func.lower(func.coalesce(NodeKinerja.sasaran, "")).like(pola),
                NodeKinerja.id.in_(lewat_indikator),
            ),
        )
        .order_by(NodeKinerja.urutan)
        .limit(batas)
    ).all()
    relevan = _relevan_rpjmd(sesi, renstra)
    milik = set(
        sesi.scalars(select(NodeKinerja.id).where(NodeKinerja.renstra_id == renstra.id)).all()
    )
    return [h for h in hasil if h in milik or h in relevan]


def daftar_jabatan(sesi: Session, opd_id: uuid.UUID) -> list[tuple[uuid.UUID, str]]:
    """Positions an owner can be chosen from (the agency's, and the regency head's)."""
    baris = sesi.execute(
        select(Jabatan.id, Jabatan.nama)
        .where(or_(Jabatan.opd_id == opd_id, Jabatan.opd_id.is_(None)))
        .order_by(Jabatan.urutan, Jabatan.nama)
    ).all()
    return [(i, n) for i, n in baris]
