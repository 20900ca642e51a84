"""Helpers of the shared-database tests (named to stay unique across the test tree)."""

from __future__ import annotations

import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from sakip_desktop.domain import DokumenTarget, Peran
from sakip_desktop.model import Base, Indikator, Jabatan, Pengguna, Realisasi, Target
from sakip_desktop.services.demo import muat_demo
from sakip_desktop.services.pelaku import SISTEM, Pelaku
from sakip_desktop.services.pengguna import pelaku_dari, tambah_pengguna
from sakip_desktop.storage import Database
from sakip_desktop.storage.migrasi import tingkatkan
from sakip_desktop.storage.salin import baris_kanonik, sidik_basis_data

SANDI = "sandi-uji-123"
_AKUN = {
    "admin": (Peran.ADMINISTRATOR, None),
    "rina": (Peran.PERENCANA, None),
    "agus": (Peran.KABID, "Kepala Bidang Pelatihan Kerja"),
    "endang": (
        Peran.KABID,
        "Kepala Bidang Penempatan Tenaga Kerja dan Perluasan Kesempatan Kerja",
    ),
    "sari": (Peran.KASI, "Kepala Seksi Kelembagaan Pelatihan"),
    "kadis": (Peran.KEPALA_DINAS, "Kepala Dinas Tenaga Kerja"),
}


def buat_templat(path: Path) -> Path:
    with Database(str(path)) as db:
        tingkatkan(db)
        muat_demo(db)
        admin = None
        for nama, (peran, jabatan) in _AKUN.items():
            jid = None
            if jabatan:
                with db.baca() as sesi:
                    jid = sesi.scalars(select(Jabatan.id).where(Jabatan.nama == jabatan)).one()
            tambah_pengguna(db, admin or SISTEM, nama, peran, sandi=SANDI, jabatan=jid)
            admin = admin or Pelaku("admin", Peran.ADMINISTRATOR)
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def AKUN(db: Database) -> dict[str, Pelaku]:
    with db.baca() as sesi:
        return {a.username: pelaku_dari(a) for a in sesi.scalars(select(Pengguna))}


def id_indikator(db: Database, kode: str) -> uuid.UUID:
    with db.baca() as sesi:
        return sesi.scalars(select(Indikator.id).where(Indikator.kode == kode)).one()


def nilai_target(db: Database, kode: str, dokumen: DokumenTarget, tahun: int = 2020) -> Any:
    with db.baca() as sesi:
        return sesi.scalar(
            select(Target.nilai)
            .join(Indikator)
            .where(
                Indikator.kode == kode,
                Target.tahun == tahun,
                Target.triwulan == 0,
                Target.dokumen == dokumen,
            )
            .order_by(Target.perubahan_ke.desc())
        )


def realisasi(db: Database, kode: str, tahun: int, triwulan: int) -> Realisasi | None:
    with db.baca() as sesi:
        return sesi.scalar(
            select(Realisasi)
            .join(Indikator)
            .where(Indikator.kode == kode, Realisasi.tahun == tahun, Realisasi.triwulan == triwulan)
        )


def sidik(db: Database) -> dict[str, Any]:
    """Counts and checksums of every table (to show that nothing changed)."""
    with db.engine.connect() as conn:
        return sidik_basis_data(conn)


def semua_baris(db: Database, tabel: str) -> dict[str, str]:
    """Every row of a table in canonical form, by id (to compare two databases)."""
    t = Base.metadata.tables[tabel]
    with db.engine.connect() as conn:
        return {
            str(b._mapping["id"]): baris_kanonik(dict(b._mapping)) for b in conn.execute(select(t))
        }


D = Decimal
