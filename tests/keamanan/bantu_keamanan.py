"""Helpers of the security tests: what a user would read back from the database."""

from __future__ import annotations

from sqlalchemy import func, select

from sakip_desktop.domain import DokumenTarget
from sakip_desktop.model import Base, Indikator, JejakAudit, Realisasi, Target
from sakip_desktop.storage import Database


def target_pk(db: Database, kode: str, tahun: int = 2020) -> object:
    """The yearly PK target value in force for an indicator (what a user would read)."""
    with db.baca() as sesi:
        baris = sesi.scalars(
            select(Target)
            .join(Indikator)
            .where(
                Indikator.kode == kode,
                Target.tahun == tahun,
                Target.triwulan == 0,
                Target.dokumen == DokumenTarget.PK,
            )
            .order_by(Target.perubahan_ke)
        ).all()
        return baris[-1].nilai if baris else None


def realisasi(db: Database, kode: str, tahun: int, triwulan: int) -> object:
    with db.baca() as sesi:
        return sesi.scalar(
            select(Realisasi.nilai)
            .join(Indikator)
            .where(Indikator.kode == kode, Realisasi.tahun == tahun, Realisasi.triwulan == triwulan)
        )


def jumlah_jejak(db: Database) -> int:
    with db.baca() as sesi:
        return sesi.scalar(select(func.count()).select_from(JejakAudit)) or 0


def isi_semua(
    db: Database, *, kecuali: set[str] | None = None
) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, sorted: two databases hold the same data when equal."""
    kecuali = kecuali or set()
    with db.baca() as sesi:
        return {
            t.name: sorted((tuple(map(repr, b)) for b in sesi.execute(t.select())), key=repr)
            for t in Base.metadata.sorted_tables
            if t.name not in kecuali
        }
