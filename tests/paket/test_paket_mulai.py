"""Start-up: the window of a current database opens without loading reportlab, openpyxl,
the export code or Alembic; the schema check that replaces Alembic there is exact."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import text

from sakip_desktop.storage import Database
from sakip_desktop.storage.migrasi import FOLDER_MIGRASI, tingkatkan
from sakip_desktop.storage.skema_cepat import kepala_dari_berkas, skema_mutakhir

BERAT = ("reportlab", "openpyxl", "alembic", "PIL", "sakip_desktop.reports")
"""Loaded only when first used: PDF, spreadsheet, images, the export code, migrations."""

SKRIP = textwrap.dedent(
    """
    import os, sys
    os.environ["SAKIP_UKUR_MULAI"] = "1"
    from sakip_desktop.gui.aplikasi import jalankan
    kode = jalankan(sys.argv[2:])
    berat = tuple(sys.argv[1].split(","))
    awalan = tuple(b + "." for b in berat)
    dimuat = sorted(m for m in sys.modules if m in berat or m.startswith(awalan))
    print("KODE", kode)
    print("BERAT", ",".join(dimuat))
    """
)


@pytest.mark.slow
def test_jendela_demo_terbuka_tanpa_modul_berat(templat_demo: Path | None, tmp_path: Path) -> None:
    if templat_demo is None:
        pytest.skip("memakai berkas demo SQLite")
    salinan = tmp_path / "demo.sqlite3"
    shutil.copyfile(templat_demo, salinan)
    hasil = subprocess.run(
        [
            sys.executable,
            "-c",
            SKRIP,
            ",".join(BERAT),
            "--database",
            str(salinan),
            "--data-dir",
            str(tmp_path),
            "--page",
            "pohon",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert "KODE 0" in hasil.stdout, hasil.stdout + hasil.stderr
    assert "SIAP" in hasil.stdout
    baris = next(b for b in hasil.stdout.splitlines() if b.startswith("BERAT"))
    assert baris == "BERAT ", f"dimuat saat mulai: {baris[6:]}"


def test_kepala_dari_berkas_sama_dengan_alembic() -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(FOLDER_MIGRASI))
    assert kepala_dari_berkas() == frozenset(ScriptDirectory.from_config(cfg).get_heads())


def test_skema_mutakhir_hanya_bila_sama_persis(db: Database) -> None:
    assert skema_mutakhir(db)
    with db.engine.begin() as conn:
        versi = list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
        conn.execute(text("DELETE FROM alembic_version WHERE version_num = :v"), {"v": versi[0]})
    assert not skema_mutakhir(db)  # an older (or partial) schema: Alembic must look


def test_skema_kosong_atau_rusak_bukan_mutakhir(tmp_path: Path) -> None:
    with Database(str(tmp_path / "kosong.sqlite3")) as db:
        assert not skema_mutakhir(db)
        tingkatkan(db)
        assert skema_mutakhir(db)
    rusak = tmp_path / "rusak.sqlite3"
    rusak.write_bytes(b"bukan basis data" * 100)
    with Database(str(rusak)) as db:
        assert not skema_mutakhir(db)  # the full check then explains what is wrong


def test_berkas_revisi_yang_tidak_terbaca_berarti_tidak_tahu(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text('revision = "a"\ndown_revision = None\n', encoding="utf-8")
    (tmp_path / "b.py").write_text('revision = "b"\ndown_revision = "a"\n', encoding="utf-8")
    (tmp_path / "m.py").write_text(
        'revision: str = "m"\ndown_revision: tuple = ("b", "c")  # gabung\n', encoding="utf-8"
    )
    (tmp_path / "c.py").write_text("revision = 'c'\ndown_revision = 'a'\n", encoding="utf-8")
    assert kepala_dari_berkas(tmp_path) == frozenset({"m"})
    (tmp_path / "x.py").write_text("revision = hitung()\ndown_revision = None\n", encoding="utf-8")
    assert kepala_dari_berkas(tmp_path) is None
