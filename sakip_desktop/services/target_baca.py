"""Targets of a node's indicators as the target grids show them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import Agregasi, DokumenTarget
from ..kalkulasi import NilaiTarget
from ..model import Indikator, Target


@dataclass(frozen=True)
class BarisGridTarget:
    """One indicator with its targets in one document: (tahun, triwulan) -> value."""

    indikator_id: uuid.UUID
    kode: str
    nama: str
    satuan: str
    agregasi: Agregasi
    nilai: dict[tuple[int, int], NilaiTarget]


def target_indikator_node(
    sesi: Session, node_id: uuid.UUID, dokumen: DokumenTarget
) -> list[BarisGridTarget]:
    """The node's indicators in order, each with the targets in force in ``dokumen``."""
    indikator = sesi.scalars(
        select(Indikator).where(Indikator.node_id == node_id).order_by(Indikator.urutan)
    ).all()
    hasil = []
    for ind in indikator:
        terpilih: dict[tuple[int, int], Target] = {}
        for t in sesi.scalars(
            select(Target).where(Target.indikator_id == ind.id, Target.dokumen == dokumen)
        ):
            kunci = (t.tahun, t.triwulan)
            if kunci not in terpilih or t.perubahan_ke > terpilih[kunci].perubahan_ke:
                terpilih[kunci] = t
        hasil.append(
            BarisGridTarget(
                ind.id,
                ind.kode,
                ind.nama,
                ind.satuan,
                ind.agregasi,
                {k: NilaiTarget(t.nilai, t.nilai_maks, t.nilai_teks) for k, t in terpilih.items()},
            )
        )
    return hasil


def id_target_berlaku(
    sesi: Session, indikator_id: uuid.UUID, tahun: int, triwulan: int, dokumen: DokumenTarget
) -> uuid.UUID | None:
    """The id of the target row in force for one cell (highest ``perubahan_ke``), if any."""
    return sesi.scalar(
        select(Target.id)
        .where(
            Target.indikator_id == indikator_id,
            Target.tahun == tahun,
            Target.triwulan == triwulan,
            Target.dokumen == dokumen,
        )
        .order_by(Target.perubahan_ke.desc())
        .limit(1)
    )
