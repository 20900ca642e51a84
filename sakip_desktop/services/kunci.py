"""Period locks: a closed quarter freezes its realizations, a locked year its targets.

The checks here are called by every service that writes targets or realizations; closing
and reopening (with a reason, by an allowed role) live here too. Each close or reopen is
one transaction whose audit rows carry the action ("tutup-triwulan", "kunci-target",
"buka-kunci") and, for a reopening, the reason.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import DataTerkunci, InputTidakSah
from ..model import Renstra, TahunKinerja
from ..storage import Database
from .konteks import pilih_opd
from .otorisasi import wajib_buka_periode, wajib_tutup_periode
from .pelaku import Pelaku


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


# --- closing and reopening (who: otorisasi.wajib_tutup_periode / wajib_buka_periode) ---------


@dataclass(frozen=True)
class StatusKunci:
    """The locks of one agency's year, as the window shows them."""

    opd_id: uuid.UUID
    tahun: int
    target_dikunci: bool
    triwulan_ditutup: int
    """The last closed quarter; 0 when none is closed."""

    def triwulan_terkunci(self, triwulan: int) -> bool:
        return 1 <= triwulan <= self.triwulan_ditutup


def _opd_id(sesi: Session, opd: uuid.UUID | str | None) -> uuid.UUID:
    if isinstance(opd, uuid.UUID):
        return opd
    return pilih_opd(sesi, opd).id


def _status(opd_id: uuid.UUID, tahun: int, tk: TahunKinerja | None) -> StatusKunci:
    if tk is None:
        return StatusKunci(opd_id, tahun, False, 0)
    return StatusKunci(opd_id, tahun, tk.target_dikunci, tk.triwulan_ditutup)


def status_kunci(db: Database, tahun: int, opd: uuid.UUID | str | None = None) -> StatusKunci:
    with db.baca() as sesi:
        opd_id = _opd_id(sesi, opd)
        return _status(opd_id, tahun, tahun_kinerja(sesi, opd_id, tahun))


def _tahun_untuk_diubah(sesi: Session, opd_id: uuid.UUID, tahun: int) -> TahunKinerja:
    """The year's row, created when the year has none yet (with the Renstra covering it)."""
    tk = tahun_kinerja(sesi, opd_id, tahun)
    if tk is None:
        renstra = sesi.scalar(
            select(Renstra).where(
                Renstra.opd_id == opd_id, Renstra.tahun_awal <= tahun, Renstra.tahun_akhir >= tahun
            )
        )
        tk = TahunKinerja(opd_id=opd_id, tahun=tahun, renstra_id=renstra.id if renstra else None)
        sesi.add(tk)
    return tk


def _alasan_wajib(alasan: str | None) -> str:
    teks = (alasan or "").strip()
    if len(teks) < 5:
        raise InputTidakSah(
            "Alasan membuka kunci wajib diisi (paling sedikit 5 karakter); "
            "alasan itu dicatat di jejak audit.",
            field="alasan",
        )
    return teks


def _periksa_triwulan(triwulan: int) -> None:
    if not 1 <= triwulan <= 4:
        raise InputTidakSah(f"Triwulan harus 1–4, bukan {triwulan}.", field="triwulan")


def tutup_triwulan(
    db: Database, pelaku: Pelaku, tahun: int, triwulan: int, opd: uuid.UUID | str | None = None
) -> StatusKunci:
    """Close quarter ``triwulan`` (and any earlier one still open): its realizations lock."""
    _periksa_triwulan(triwulan)
    wajib_tutup_periode(pelaku, f"menutup triwulan {triwulan} tahun {tahun}")
    with db.transaksi(pelaku, alasan=f"Tutup triwulan {triwulan} tahun {tahun}") as sesi:
        opd_id = _opd_id(sesi, opd)
        tk = _tahun_untuk_diubah(sesi, opd_id, tahun)
        if triwulan <= tk.triwulan_ditutup:
            raise DataTerkunci(f"Triwulan {triwulan} tahun {tahun} sudah ditutup.")
        sesi.info["aksi"] = "tutup-triwulan"
        tk.triwulan_ditutup = triwulan
        sesi.flush()
        return _status(opd_id, tahun, tk)


def buka_triwulan(
    db: Database,
    pelaku: Pelaku,
    tahun: int,
    triwulan: int,
    alasan: str,
    opd: uuid.UUID | str | None = None,
) -> StatusKunci:
    """Reopen a closed quarter (and the later closed ones: closing is in order) with a
    reason, which the audit trail keeps."""
    _periksa_triwulan(triwulan)
    wajib_buka_periode(pelaku, f"membuka kembali triwulan {triwulan} tahun {tahun}")
    teks = _alasan_wajib(alasan)
    with db.transaksi(pelaku, alasan=teks) as sesi:
        opd_id = _opd_id(sesi, opd)
        tk = tahun_kinerja(sesi, opd_id, tahun)
        if tk is None or triwulan > tk.triwulan_ditutup:
            raise InputTidakSah(
                f"Triwulan {triwulan} tahun {tahun} belum ditutup; tidak ada yang dibuka.",
                field="triwulan",
            )
        sesi.info["aksi"] = "buka-kunci"
        tk.triwulan_ditutup = triwulan - 1
        sesi.flush()
        return _status(opd_id, tahun, tk)


def kunci_target_tahun(
    db: Database, pelaku: Pelaku, tahun: int, opd: uuid.UUID | str | None = None
) -> StatusKunci:
    """Lock the year's targets (every document); changing one then needs a reopening."""
    wajib_tutup_periode(pelaku, f"mengunci target tahun {tahun}")
    with db.transaksi(pelaku, alasan=f"Kunci target tahun {tahun}") as sesi:
        opd_id = _opd_id(sesi, opd)
        tk = _tahun_untuk_diubah(sesi, opd_id, tahun)
        if tk.target_dikunci:
            raise DataTerkunci(f"Target tahun {tahun} sudah dikunci.")
        sesi.info["aksi"] = "kunci-target"
        tk.target_dikunci = True
        sesi.flush()
        return _status(opd_id, tahun, tk)


def buka_target_tahun(
    db: Database, pelaku: Pelaku, tahun: int, alasan: str, opd: uuid.UUID | str | None = None
) -> StatusKunci:
    """Unlock the year's targets with a reason, which the audit trail keeps."""
    wajib_buka_periode(pelaku, f"membuka kunci target tahun {tahun}")
    teks = _alasan_wajib(alasan)
    with db.transaksi(pelaku, alasan=teks) as sesi:
        opd_id = _opd_id(sesi, opd)
        tk = tahun_kinerja(sesi, opd_id, tahun)
        if tk is None or not tk.target_dikunci:
            raise InputTidakSah(f"Target tahun {tahun} tidak sedang dikunci.", field="tahun")
        sesi.info["aksi"] = "buka-kunci"
        tk.target_dikunci = False
        sesi.flush()
        return _status(opd_id, tahun, tk)
