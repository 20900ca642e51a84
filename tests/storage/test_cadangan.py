"""`sakip backup`: a consistent copy that opens on its own and holds the same data."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from sakip_desktop.errors import KesalahanPengguna
from sakip_desktop.model import Base
from sakip_desktop.storage import Database
from sakip_desktop.storage.cadangan import cadangkan
from sakip_desktop.storage.migrasi import status_skema


def hitung(db: Database) -> dict[str, int]:
    with db.baca() as sesi:
        return {
            t.name: sesi.scalar(select(func.count()).select_from(t)) or 0
            for t in Base.metadata.sorted_tables
        }


def test_cadangan_berisi_data_yang_sama(db_demo: Database, tmp_path: Path) -> None:
    tujuan = tmp_path / "cadangan.sqlite3"
    cadangkan(db_demo, tujuan)
    salinan = Database(str(tujuan))
    try:
        assert status_skema(salinan).mutakhir
        assert hitung(salinan) == hitung(db_demo)
        assert hitung(salinan)["indikator"] > 20
    finally:
        salinan.tutup()


def test_cadangan_ke_folder_yang_tidak_ada_ditolak(db: Database, tmp_path: Path) -> None:
    with pytest.raises(KesalahanPengguna, match="Folder tujuan cadangan tidak ada"):
        cadangkan(db, tmp_path / "tidak-ada" / "x.sqlite3")
