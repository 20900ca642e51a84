"""The main window as a whole: pages, state remembered, screenshot switch, forms built."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from sakip_desktop.gui.halaman.daftar import KUNCI_HALAMAN
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.storage import Database

ARTEFAK = Path(__file__).resolve().parents[2] / "test-artifacts"

DI_SERVER = bool(os.environ.get("SAKIP_TEST_DATABASE_URL"))


def test_setiap_halaman_terbuka_dan_tidak_kosong(qtbot, jendela: JendelaUtama) -> None:  # type: ignore[no-untyped-def]
    for kunci in KUNCI_HALAMAN:
        jendela.buka_halaman(kunci)
        h = jendela.halaman_aktif()
        assert h.kunci == kunci
        assert h.findChildren(object), kunci
        assert jendela.windowTitle().startswith(h.judul)


def test_tahun_dipilih_diikuti_status_dan_halaman(qtbot, jendela: JendelaUtama) -> None:  # type: ignore[no-untyped-def]
    jendela.pilih_tahun.setCurrentIndex(jendela.pilih_tahun.findData(2019))
    assert jendela.k.tahun == 2019
    assert jendela.status_tahun.text() == "Tahun: 2019"
    h = jendela.halaman("pohon")
    assert h.model.headerData(3, Qt.Orientation.Horizontal) == "Target 2019"


def test_keadaan_jendela_diingat(qtbot, db_demo: Database, tmp_path: Path, jendela) -> None:  # type: ignore[no-untyped-def]
    jendela.resize(760, 560)
    jendela.buka_halaman("organisasi")
    jendela.pilih_tahun.setCurrentIndex(jendela.pilih_tahun.findData(2019))
    jendela.close()
    s = QSettings(str(tmp_path / "jendela.ini"), QSettings.Format.IniFormat)
    assert s.value("jendela/halaman") == "organisasi"
    assert int(s.value("tahun")) == 2019
    baru = JendelaUtama(jendela.k, jendela._pabrik, s)
    qtbot.addWidget(baru)
    baru.mulai()
    assert baru.halaman_aktif().kunci == "organisasi"
    assert baru.k.tahun == 2019
    assert baru.size().width() == 760


def test_tangkapan_layar_jendela_utama(qtbot, jendela: JendelaUtama) -> None:  # type: ignore[no-untyped-def]
    ARTEFAK.mkdir(exist_ok=True)
    gambar = jendela.grab()
    assert gambar.width() > 800 and gambar.height() > 500
    assert gambar.save(str(ARTEFAK / "jendela-utama.png"))


@pytest.mark.skipif(DI_SERVER, reason="saklar tangkapan diuji dengan berkas SQLite")
def test_saklar_screenshot(db_demo: Database, tmp_path: Path) -> None:
    png = tmp_path / "pohon.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONWARNINGS": "ignore"}
    hasil = subprocess.run(
        [
            sys.executable,
            "-m",
            "sakip_desktop",
            "--database",
            db_demo.url,
            "--data-dir",
            str(tmp_path),
            "--page",
            "pohon",
            "--screenshot",
            str(png),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert hasil.returncode == 0, hasil.stderr
    assert png.stat().st_size > 10_000
    salah = subprocess.run(
        [
            sys.executable,
            "-m",
            "sakip_desktop",
            "--database",
            db_demo.url,
            "--data-dir",
            str(tmp_path),
            "--page",
            "tidak-ada",
            "--screenshot",
            str(png),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert salah.returncode != 0
    assert "halaman 'tidak-ada' tidak ada" in salah.stderr


def test_modul_formulir_mutakhir() -> None:
    """The generated form modules match the Designer sources in ui/."""
    akar = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(akar / "tools"))
    try:
        import buat_ui
    finally:
        sys.path.pop(0)
    for ui in sorted((akar / "ui").glob("*.ui")):
        dibuat = akar / "sakip_desktop" / "gui" / "ui" / f"ui_{ui.stem}.py"
        assert dibuat.read_text(encoding="utf-8") == buat_ui.kompilasi(ui), (
            f"{dibuat.name} usang: jalankan python tools/buat_ui.py"
        )
    assert tempfile.gettempdir()
