"""The Pengaturan page at 1366×768: the Pengguna and Cadangan tabs
(docs/screenshots/pengaturan-pengguna.png and pengaturan-cadangan.png are these pictures)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from sakip_desktop.domain import Peran
from sakip_desktop.gui.halaman.pengaturan import HalamanPengaturan
from sakip_desktop.model import Jabatan
from sakip_desktop.services import pengguna as layanan
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.storage import Database

ARTEFAK = Path(__file__).resolve().parents[2] / "test-artifacts"


def _jabatan(db: Database, awal: str) -> object:
    with db.baca() as sesi:
        return sesi.scalars(select(Jabatan.id).where(Jabatan.nama.startswith(awal))).first()


def test_tangkapan_layar_pengguna(
    qtbot,  # type: ignore[no-untyped-def]
    halaman_admin: HalamanPengaturan,
    admin: Pelaku,
    db_demo: Database,
) -> None:
    for username, nama, peran, jabatan in (
        ("kadis", "Kepala Dinas", Peran.KEPALA_DINAS, "Kepala Dinas"),
        ("perencana", "Subbag Perencanaan", Peran.PERENCANA, None),
        ("kabid.penta", "Kabid Penempatan", Peran.KABID, "Kepala Bidang Penempatan"),
        ("kasi.penempatan", "Kasi Penempatan", Peran.KASI, "Kepala Seksi Penempatan"),
        ("pembaca", "Inspektorat", Peran.PEMBACA, None),
    ):
        jid = _jabatan(db_demo, jabatan) if jabatan else None
        layanan.tambah_pengguna(db_demo, admin, username, peran, jabatan=jid, nama=nama)
    layanan.reset_sandi(db_demo, admin, "kadis")
    layanan.ubah_pengguna(db_demo, admin, "pembaca", aktif=False)
    h = halaman_admin
    h.tab.setCurrentWidget(h.tab_pengguna)
    h.segarkan()
    h.tab_pengguna.pilih("kabid.penta")
    qtbot.wait(50)
    gambar = h.window().grab()
    assert (gambar.width(), gambar.height()) == (1366, 768)
    assert h.tab_pengguna.tabel.rowCount() == 6
    ARTEFAK.mkdir(exist_ok=True)
    assert gambar.save(str(ARTEFAK / "pengaturan-pengguna.png"))


@pytest.mark.skipif(
    bool(os.environ.get("SAKIP_TEST_DATABASE_URL")), reason="cadangan berkas hanya untuk SQLite"
)
def test_tangkapan_layar_cadangan(
    qtbot,  # type: ignore[no-untyped-def]
    halaman_admin: HalamanPengaturan,
) -> None:
    h = halaman_admin
    t = h.tab_cadangan
    h.tab.setCurrentWidget(t)
    for _ in range(2):
        assert t.cadangkan() is not None
    qtbot.wait(50)
    gambar = h.window().grab()
    assert (gambar.width(), gambar.height()) == (1366, 768)
    assert t.tabel.rowCount() == 2
    ARTEFAK.mkdir(exist_ok=True)
    assert gambar.save(str(ARTEFAK / "pengaturan-cadangan.png"))
