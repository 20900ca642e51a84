"""Budget figures: the pagu in force on a date, and what was spent per quarter."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import DokumenAnggaran
from ..model import Anggaran, RealisasiAnggaran, RevisiAnggaran

URUTAN_DOKUMEN_ANGGARAN = (DokumenAnggaran.DPA, DokumenAnggaran.RKA, DokumenAnggaran.RENJA)
"""The DPA is the approved budget; before it exists the RKA, then the Renja, stand in."""

AKHIR_TRIWULAN = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}


def akhir_triwulan(tahun: int, triwulan: int) -> date:
    bulan, hari = AKHIR_TRIWULAN[triwulan]
    return date(tahun, bulan, hari)


def pagu_berlaku(
    sesi: Session,
    node_ids: Iterable[uuid.UUID],
    tahun: int,
    per_tanggal: date | None = None,
) -> dict[uuid.UUID, Decimal]:
    """Pagu of each node on ``per_tanggal`` (default: the end of the year).

    The base is the node's DPA pagu (else RKA, else Renja); every revision (refocusing,
    APBD perubahan) dated on or before the date is added. Nodes without a budget are absent.
    """
    ids = list(node_ids)
    tanggal = per_tanggal or date(tahun, 12, 31)
    dasar: dict[uuid.UUID, dict[DokumenAnggaran, Decimal]] = defaultdict(dict)
    for a in sesi.scalars(
        select(Anggaran).where(Anggaran.tahun == tahun, Anggaran.node_id.in_(ids))
    ):
        dasar[a.node_id][a.dokumen] = a.pagu
    hasil: dict[uuid.UUID, Decimal] = {}
    for node_id, per_dok in dasar.items():
        for dok in URUTAN_DOKUMEN_ANGGARAN:
            if dok in per_dok:
                hasil[node_id] = per_dok[dok]
                break
    for r in sesi.scalars(
        select(RevisiAnggaran).where(
            RevisiAnggaran.tahun == tahun,
            RevisiAnggaran.node_id.in_(ids),
            RevisiAnggaran.tanggal <= tanggal,
        )
    ):
        hasil[r.node_id] = hasil.get(r.node_id, Decimal(0)) + r.selisih
    return hasil


def realisasi_per_triwulan(
    sesi: Session, node_ids: Iterable[uuid.UUID], tahun: int
) -> dict[uuid.UUID, dict[int, Decimal]]:
    """Money spent per node and quarter (quarters with no entry are absent, not zero)."""
    hasil: dict[uuid.UUID, dict[int, Decimal]] = defaultdict(dict)
    for r in sesi.scalars(
        select(RealisasiAnggaran).where(
            RealisasiAnggaran.tahun == tahun, RealisasiAnggaran.node_id.in_(list(node_ids))
        )
    ):
        hasil[r.node_id][r.triwulan] = r.jumlah
    return dict(hasil)
