"""Load the Disnaker Lamongan demo, the whole SAKIP of the source document."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import CursorResult, delete, func, select, update
from sqlalchemy.orm import Session

from ..errors import AksesDitolak, KesalahanPengguna
from ..model import Base, Jabatan, JejakAudit, Opd, Pengguna
from ..storage import Database
from ..storage.jejak import catat_massal
from ..sumber_daya import berkas_demo
from .muat_data import RingkasanMuat, baca_berkas, muat_data
from .otorisasi import PERAN_PENUH, wajib_peran
from .pelaku import SISTEM, Pelaku
from .pengaturan import pasang_bawaan

DIPERTAHANKAN = {JejakAudit.__tablename__, Pengguna.__tablename__}
"""Tables ``--replace`` keeps: the append-only audit trail and the user accounts."""


def database_berisi(db: Database) -> bool:
    """True when the database holds any agency (the demo refuses to mix into it)."""
    with db.baca() as sesi:
        return (sesi.scalar(select(func.count()).select_from(Opd)) or 0) > 0


def _pelaku_muat(db: Database, pelaku: Pelaku | None) -> Pelaku:
    """Who loads: the given user (Administrator or Perencana), or SISTEM while no account
    exists yet (single-user mode)."""
    if pelaku is None:
        with db.baca() as sesi:
            ada_akun = (sesi.scalar(select(func.count()).select_from(Pengguna)) or 0) > 0
        if ada_akun:
            raise AksesDitolak(
                "Basis data ini sudah memiliki akun pengguna: memuat data demo harus dilakukan "
                "oleh Administrator atau Perencana yang masuk (--user)."
            )
        return SISTEM
    wajib_peran(pelaku, PERAN_PENUH, "memuat data demo")
    return pelaku


def _kosongkan(sesi: Session) -> dict[uuid.UUID, str]:
    """Delete every row except the audit trail and the accounts; return each account's
    position name so it can be linked again to the demo's position of the same name."""
    jabatan_akun = {
        pid: nama
        for pid, nama in sesi.execute(
            select(Pengguna.id, Jabatan.nama).join(Jabatan, Pengguna.jabatan_id == Jabatan.id)
        )
    }
    sesi.execute(update(Pengguna).values(jabatan_id=None))
    for tabel in reversed(Base.metadata.sorted_tables):
        if tabel.name in DIPERTAHANKAN:
            continue
        for fk in tabel.foreign_keys:
            if fk.column.table is tabel:  # unlink trees first (portable to PostgreSQL)
                sesi.execute(update(tabel).values({fk.parent.name: None}))
        hasil: CursorResult[Any] = sesi.execute(delete(tabel))  # type: ignore[assignment]
        jumlah = hasil.rowcount
        if jumlah:
            catat_massal(sesi, "hapus", tabel.name, jumlah)
    return jabatan_akun


def _tautkan_kembali(sesi: Session, jabatan_akun: dict[uuid.UUID, str]) -> None:
    if not jabatan_akun:
        return
    sesi.flush()
    per_nama = {j.nama: j.id for j in sesi.scalars(select(Jabatan))}
    for akun in sesi.scalars(select(Pengguna).where(Pengguna.id.in_(jabatan_akun))):
        akun.jabatan_id = per_nama.get(jabatan_akun[akun.id])


def muat_demo(
    db: Database,
    *,
    ganti: bool = False,
    berkas: Path | None = None,
    oleh: str | None = None,
    pelaku: Pelaku | None = None,
) -> RingkasanMuat:
    """Load the demo file into ``db`` in one transaction.

    A database that already holds data is refused unless ``ganti`` (``--replace``), in which
    case everything is removed and the demo loaded in the same transaction: a failure
    leaves the old data untouched. The audit trail is append-only and the user accounts are
    not demo data, so both stay; accounts are linked again to the positions of the same
    name. Once accounts exist, ``pelaku`` must be an Administrator or Perencana.
    """
    data = baca_berkas(berkas or berkas_demo())
    pemuat = _pelaku_muat(db, pelaku)
    if not ganti and database_berisi(db):
        raise KesalahanPengguna(
            "Basis data sudah berisi data. Gunakan --replace untuk menggantinya dengan data demo "
            "(semua data yang ada akan dihapus)."
        )
    with db.transaksi(pemuat, alasan="Muat data demo", audit="ringkas") as sesi:
        jabatan_akun = _kosongkan(sesi) if ganti else {}
        pasang_bawaan(sesi)
        ringkasan = muat_data(sesi, data, oleh=oleh)
        _tautkan_kembali(sesi, jabatan_akun)
        return ringkasan
