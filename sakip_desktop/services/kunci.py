"""Period locks: a closed quarter freezes its realizations, a locked year its targets.

The checks here are called by every service that writes targets or realizations; closing
and reopening (with a reason, by an allowed role) live here too.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import DataTerkunci
from ..model import TahunKinerja


def tahun_kinerja(sesi: Session, opd_id: uuid.UUID, tahun: int) -> TahunKinerja | None:
    return sesi.scalar(
        select(TahunKinerja).where(TahunKinerja.opd_id == opd_id, TahunKinerja.tahun == tahun)
    )


def wajib_target_terbuka(sesi: Session, opd_id: uuid.UUID, tahun: int) -> None:
    """Refuse a target change in a year whose targets are locked."""
    tk = tahun_kinerja(sesi, opd_id, tahun)
    if tk is not None and tk.target_dikunci:
        raise DataTerkunci(
            f"Target tahun {tahun} sudah dikunci. "
            "Buka kunci tahun (dengan alasan) untuk mengubahnya."
        )


def wajib_triwulan_terbuka(sesi: Session, opd_id: uuid.UUID, tahun: int, triwulan: int) -> None:
    """Refuse a realization change in a closed quarter."""
    tk = tahun_kinerja(sesi, opd_id, tahun)
    if tk is not None and triwulan <= tk.triwulan_ditutup:
        raise DataTerkunci(
            f"Triwulan {triwulan} tahun {tahun} sudah ditutup. "
            "Buka kembali triwulan itu (dengan alasan) untuk mengubah realisasinya."
        )
