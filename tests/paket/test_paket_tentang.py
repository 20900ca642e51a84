"""The About dialog: one version (the package metadata), the schema, the data folder and
the licences of the bundled libraries."""

from __future__ import annotations

import os
from email.message import Message
from importlib.metadata import version
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sakip_desktop.storage import Database
from sakip_desktop.tentang import info_program, lisensi_dari_metadata, pustaka_dibundel


def test_info_program_pada_demo(db_demo: Database, tmp_path: Path) -> None:
    info = info_program(db_demo, tmp_path)
    assert info.versi == version("sakip-desktop")
    assert info.skema.endswith("(mutakhir)")
    assert info.folder_data == tmp_path
    assert info.basis_data == db_demo.label


def test_pustaka_dan_lisensinya() -> None:
    per_nama = {p.nama.lower().replace("_", "-"): p for p in pustaka_dibundel()}
    for nama in ("pyside6-essentials", "sqlalchemy", "alembic", "reportlab", "openpyxl", "babel"):
        assert nama in per_nama, nama
        assert per_nama[nama].versi == version(nama)
    assert "LGPL" in per_nama["pyside6-essentials"].lisensi
    assert per_nama["sqlalchemy"].lisensi == "MIT"
    assert "BSD" in per_nama["reportlab"].lisensi
    assert per_nama["python"].lisensi == "PSF-2.0"
    assert "OFL" in next(p.lisensi for n, p in per_nama.items() if n.startswith("liberation"))
    assert "sakip-desktop" not in per_nama
    assert not [p for p in per_nama.values() if p.lisensi in ("", "tidak diketahui")]


@pytest.mark.parametrize(
    ("kolom", "harapan"),
    [
        ({"License-Expression": "MIT"}, "MIT"),
        ({"License": "BSD-3-Clause"}, "BSD-3-Clause"),
        (
            {"License": "Panjang\nsekali", "Classifier": "License :: OSI Approved :: MIT License"},
            "MIT License",
        ),
        ({}, "lihat metadata paket"),
    ],
)
def test_lisensi_dari_metadata(kolom: dict[str, str], harapan: str) -> None:
    m = Message()
    for k, v in kolom.items():
        m[k] = v
    assert lisensi_dari_metadata(m) == harapan


@pytest.mark.gui
def test_dialog_tentang_menyebut_versi_skema_folder_dan_lisensi(
    qtbot, db_demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from sakip_desktop.gui.jendela_utama import JendelaUtama
    from sakip_desktop.gui.konteks import PERENCANA_LOKAL, Konteks
    from sakip_desktop.gui.pabrik import buat_halaman
    from sakip_desktop.services.konteks import pilih_opd

    with db_demo.baca() as sesi:
        opd_id = pilih_opd(sesi).id
    k = Konteks(db_demo, opd_id, 2020, PERENCANA_LOKAL)
    folder = tmp_path / "data pengguna"
    folder.mkdir()
    s = QSettings(str(folder / "jendela.ini"), QSettings.Format.IniFormat)
    w = JendelaUtama(k, buat_halaman, s)
    qtbot.addWidget(w)
    ditampilkan: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "about", lambda _i, judul, teks: ditampilkan.append((judul, teks))
    )
    w.findChild(type(w.aksi_simpan), "aksiTentang").trigger()
    assert len(ditampilkan) == 1
    judul, teks = ditampilkan[0]
    assert judul == "Tentang SAKIP Desktop"
    assert f"SAKIP Desktop {version('sakip-desktop')}" in teks
    assert "Versi skema basis data:" in teks and "(mutakhir)" in teks
    assert f"Folder data: {folder}" in teks
    assert "PySide6" in teks and "LGPL" in teks and "reportlab" in teks
