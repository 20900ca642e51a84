"""Load the Disnaker Lamongan demo, the whole SAKIP of the source document."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, func, select, update

from ..errors import KesalahanPengguna
from ..model import Base, Opd
from ..storage import Database
from ..sumber_daya import berkas_demo
from .muat_data import RingkasanMuat, baca_berkas, muat_data
from .pelaku import SISTEM
from .pengaturan import pasang_bawaan


def database_berisi(db: Database) -> bool:
    """True when the database holds any agency (the demo refuses to mix into it)."""
    with db.baca() as sesi:
        return (sesi.scalar(select(func.count()).select_from(Opd)) or 0) > 0


def muat_demo(
    db: Database, *, ganti: bool = False, berkas: Path | None = None, oleh: str | None = None
) -> RingkasanMuat:
    """Load the demo file into ``db`` in one transaction.

    A database that already holds data is refused unless ``ganti`` (``--replace``), in which
    case everything is removed and the demo loaded in the same transaction: a failure
    leaves the old data untouched.
    """
    data = baca_berkas(berkas or berkas_demo())
    if not ganti and database_berisi(db):
        raise KesalahanPengguna(
            "Basis data sudah berisi data. Gunakan --replace untuk menggantinya dengan data demo "
            "(semua data yang ada akan dihapus)."
        )
    with db.transaksi(SISTEM, alasan="Muat data demo", audit="ringkas") as sesi:
        if ganti:
            for tabel in reversed(Base.metadata.sorted_tables):
                for fk in tabel.foreign_keys:
                    if fk.column.table is tabel:  # unlink trees first (portable to PostgreSQL)
                        sesi.execute(update(tabel).values({fk.parent.name: None}))
                sesi.execute(delete(tabel))
        pasang_bawaan(sesi)
        return muat_data(sesi, data, oleh=oleh)
