"""Schema creation, upgrade and refusal of foreign, damaged or newer databases."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from sakip_desktop.errors import DatabaseBermasalah
from sakip_desktop.model import Base
from sakip_desktop.storage import Database
from sakip_desktop.storage.migrasi import revisi_terbaru, status_skema, tingkatkan

DI_SERVER = bool(os.environ.get("SAKIP_TEST_DATABASE_URL"))


def test_database_baru_dibuat_dengan_skema_terbaru(db: Database) -> None:
    status = status_skema(db)
    assert status.revisi == revisi_terbaru()
    assert status.mutakhir


def test_migrasi_sama_dengan_model(db: Database) -> None:
    """The migrations create exactly the tables, columns and constraints of the model."""
    with db.engine.connect() as conn:
        beda = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert beda == []


def test_database_dari_versi_lebih_baru_ditolak(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM alembic_version"))
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES ('9999_masa_depan')"))
    with pytest.raises(DatabaseBermasalah, match="versi SAKIP Desktop yang lebih baru"):
        tingkatkan(db)


def test_database_asing_ditolak(db_url: str) -> None:
    with Database(db_url) as db:
        with db.engine.begin() as conn:
            conn.execute(text("CREATE TABLE pelanggan (id INTEGER PRIMARY KEY, nama TEXT)"))
        with pytest.raises(DatabaseBermasalah, match="bukan basis data SAKIP"):
            tingkatkan(db)


@pytest.mark.skipif(DI_SERVER, reason="berkas rusak hanya bermakna untuk SQLite")
@pytest.mark.parametrize(
    "isi",
    [os.urandom(8192), b"SQLite format 3\x00" + b"\x00" * 20],
    ids=["bita-acak", "terpotong"],
)
def test_berkas_rusak_ditolak_dengan_pesan(tmp_path: Path, isi: bytes) -> None:
    path = tmp_path / "rusak.sqlite3"
    path.write_bytes(isi)
    with Database(str(path)) as db, pytest.raises(DatabaseBermasalah, match="rusak atau bukan"):
        tingkatkan(db)
    assert path.read_bytes() == isi, "berkas rusak tidak boleh diubah"


@pytest.mark.skipif(DI_SERVER, reason="berkas lama adalah SQLite")
def test_berkas_skema_awal_ditingkatkan_setelah_dicadangkan(tmp_path: Path) -> None:
    """A real database file of the first schema, kept in tests/data, opens and upgrades."""
    asli = Path(__file__).parent.parent / "data" / "skema-0001-demo.sqlite3"
    path = tmp_path / "lama.sqlite3"
    path.write_bytes(asli.read_bytes())
    db = Database(str(path))
    sebelum = status_skema(db)
    db.tutup()
    tingkatkan(db)
    assert status_skema(db).mutakhir
    if sebelum.revisi != revisi_terbaru():
        cadangan = list(tmp_path.glob("lama.sebelum-skema-*.sqlite3"))
        assert len(cadangan) == 1
    with db.baca() as sesi:
        assert sesi.execute(text("SELECT count(*) FROM indikator")).scalar_one() > 20
