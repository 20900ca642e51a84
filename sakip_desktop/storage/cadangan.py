"""Consistent copies of a database while it may be in use.

SQLite uses its online backup API (a plain file copy can catch a half-written page).
A server database is copied table by table into an SQLite file inside one snapshot
transaction, so the copy opens anywhere.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import KesalahanPengguna
from .database import Database


def cadangkan(db: Database, tujuan: Path) -> Path:
    """Write a consistent copy of ``db`` to ``tujuan`` (an SQLite file) and return it."""
    tujuan = Path(tujuan).expanduser().resolve()
    if not tujuan.parent.is_dir():
        raise KesalahanPengguna(f"Folder tujuan cadangan tidak ada: {tujuan.parent}")
    if db.path is not None and tujuan == db.path.resolve():
        raise KesalahanPengguna("Cadangan tidak boleh menimpa basis data yang sedang dipakai.")
    if db.adalah_sqlite:
        return cadangkan_sqlite(db, tujuan)
    return _salin_ke_sqlite(db, tujuan)


def cadangkan_sqlite(db: Database, tujuan: Path) -> Path:
    """SQLite online backup into a temporary file, renamed into place when complete."""
    assert db.path is not None
    sementara = tujuan.with_name(tujuan.name + ".sementara")
    sementara.unlink(missing_ok=True)
    sumber = sqlite3.connect(str(db.path), timeout=30)
    try:
        target = sqlite3.connect(str(sementara))
        try:
            sumber.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            target.close()
    finally:
        sumber.close()
    sementara.replace(tujuan)
    return tujuan


def _salin_ke_sqlite(db: Database, tujuan: Path) -> Path:
    from .salin import salin_isi

    sementara = tujuan.with_name(tujuan.name + ".sementara")
    sementara.unlink(missing_ok=True)
    salinan = Database(str(sementara))
    try:
        salin_isi(db, salinan)
        with salinan.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.exec_driver_sql("PRAGMA journal_mode=DELETE")
    finally:
        salinan.tutup()
    for ekor in ("-wal", "-shm"):
        Path(str(sementara) + ekor).unlink(missing_ok=True)
    sementara.replace(tujuan)
    return tujuan
