"""Tindak lanjut: the follow-up text per indicator and quarter (Monitoring IKU's last column).

Who writes it: whoever may enter the indicator's realizations or verify them (staff and
Kabid in scope, Kepala Dinas, Perencana, Administrator) — the follow-up is decided when
the quarter is reviewed. It is not frozen by closing the quarter, because it is written
after the measurement, when the quarter usually is already closed.
"""

from __future__ import annotations

import uuid
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import InputTidakSah
from ..model import Indikator, NodeKinerja, Opd, TindakLanjut
from ..storage import Database
from . import otorisasi
from .indikator import ambil_indikator, transaksi, wajib_tahun_dalam_periode
from .konteks import pilih_opd, renstra_untuk
from .pelaku import Pelaku

PANJANG_MAKS = 4000
"""A follow-up is a paragraph in a table cell, not a report."""


def wajib_tulis_tindak_lanjut(sesi: Session, pelaku: Pelaku, ind: Indikator) -> None:
    """Allowed to enter or to verify the indicator's realizations; else AksesDitolak."""
    if otorisasi.diizinkan(otorisasi.wajib_verifikasi, sesi, pelaku, ind):
        return
    otorisasi.wajib_isi_realisasi(sesi, pelaku, ind)


def simpan_tindak_lanjut(
    sesi: Session,
    pelaku: Pelaku,
    indikator_id: uuid.UUID,
    tahun: int,
    triwulan: int,
    uraian: str | None,
) -> bool:
    """Save (or, with empty text, delete) one quarter's follow-up; True when it changed."""
    if not 1 <= triwulan <= 4:
        raise InputTidakSah(f"Triwulan harus 1–4, bukan {triwulan}.", field="triwulan")
    ind = ambil_indikator(sesi, indikator_id)
    wajib_tahun_dalam_periode(sesi, ind, tahun)
    wajib_tulis_tindak_lanjut(sesi, pelaku, ind)
    teks = (uraian or "").strip() or None
    if teks is not None and len(teks) > PANJANG_MAKS:
        raise InputTidakSah(
            f"Tindak lanjut {ind.kode} terlalu panjang ({len(teks)} karakter, "
            f"paling banyak {PANJANG_MAKS}).",
            field="uraian",
        )
    tl = sesi.scalar(
        select(TindakLanjut).where(
            TindakLanjut.indikator_id == ind.id,
            TindakLanjut.tahun == tahun,
            TindakLanjut.triwulan == triwulan,
        )
    )
    if tl is None:
        if teks is None:
            return False
        sesi.add(TindakLanjut(indikator_id=ind.id, tahun=tahun, triwulan=triwulan, uraian=teks))
        return True
    if teks is None:
        sesi.delete(tl)
        return True
    if tl.uraian == teks:
        return False
    tl.uraian = teks
    return True


def baca_tindak_lanjut(sesi: Session, indikator_id: uuid.UUID, tahun: int) -> dict[int, str]:
    """Quarter → text for one indicator and year (absent quarters have none)."""
    return {
        tl.triwulan: tl.uraian
        for tl in sesi.scalars(
            select(TindakLanjut).where(
                TindakLanjut.indikator_id == indikator_id, TindakLanjut.tahun == tahun
            )
        )
    }


def tindak_lanjut_tahun(sesi: Session, opd: Opd, tahun: int) -> dict[uuid.UUID, dict[int, str]]:
    """Indicator id → quarter → text, for every indicator of the plan holding ``tahun``."""
    renstra = renstra_untuk(sesi, opd, tahun)
    hasil: dict[uuid.UUID, dict[int, str]] = defaultdict(dict)
    lingkup = NodeKinerja.renstra_id == renstra.id
    if renstra.rpjmd_id is not None:
        lingkup = lingkup | (NodeKinerja.rpjmd_id == renstra.rpjmd_id)
    for tl in sesi.scalars(
        select(TindakLanjut)
        .join(Indikator, TindakLanjut.indikator_id == Indikator.id)
        .join(NodeKinerja, Indikator.node_id == NodeKinerja.id)
        .where(TindakLanjut.tahun == tahun, lingkup)
    ):
        hasil[tl.indikator_id][tl.triwulan] = tl.uraian
    return dict(hasil)


class LayananTindakLanjut:
    def __init__(self, db: Database) -> None:
        self.db = db

    def simpan(
        self,
        pelaku: Pelaku,
        indikator_id: uuid.UUID,
        tahun: int,
        triwulan: int,
        uraian: str | None,
    ) -> bool:
        with transaksi(self.db, pelaku) as sesi:
            return simpan_tindak_lanjut(sesi, pelaku, indikator_id, tahun, triwulan, uraian)

    def baca(self, indikator_id: uuid.UUID, tahun: int) -> dict[int, str]:
        with self.db.baca() as sesi:
            return baca_tindak_lanjut(sesi, indikator_id, tahun)

    def tahun(self, tahun: int, opd: str | None = None) -> dict[uuid.UUID, dict[int, str]]:
        with self.db.baca() as sesi:
            return tindak_lanjut_tahun(sesi, pilih_opd(sesi, opd), tahun)
