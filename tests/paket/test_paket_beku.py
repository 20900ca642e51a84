"""Build the real thing (minutes): the one-folder app with its smoke test, its contents,
and the wheel. Skipped unless SAKIP_UJI_BUILD=1."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

AKAR = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("SAKIP_UJI_BUILD") != "1",
        reason="membangun program beku dan wheel (menit): jalankan dengan SAKIP_UJI_BUILD=1",
    ),
]


@pytest.fixture(scope="module")
def folder_beku(build: ModuleType) -> Path:
    """dist/sakip-desktop, built by build.py (which also runs its smoke test)."""
    hasil = subprocess.run(
        [sys.executable, str(AKAR / "packaging" / "build.py"), "--tanpa-paket"],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert hasil.returncode == 0, (hasil.stdout + hasil.stderr)[-6000:]
    assert "UJI ASAP LULUS" in hasil.stdout
    return AKAR / "dist" / "sakip-desktop"


def test_isi_folder_beku(folder_beku: Path) -> None:
    internal = folder_beku / "_internal"
    for wajib in (
        "resources/demo/disnaker-lamongan.yaml",
        "resources/fonts/LiberationSans-Regular.ttf",
        "resources/icons/sakip.svg",
        "sakip_desktop/storage/migrations/env.py",
        "sakip_desktop/storage/migrations/script.py.mako",
    ):
        assert (internal / wajib).is_file(), wajib
    versi = sorted((AKAR / "sakip_desktop/storage/migrations/versions").glob("*.py"))
    for berkas in versi:
        assert (internal / "sakip_desktop/storage/migrations/versions" / berkas.name).is_file()
    assert list(internal.glob("sakip_desktop-*.dist-info/METADATA"))
    lokal = {p.stem for p in (internal / "babel" / "locale-data").glob("*.dat")}
    assert "id" in lokal and "root" in lokal and len(lokal) <= 5
    assert not list(internal.rglob("qt_*.qm")), "terjemahan Qt tidak dipakai"
    assert not list(internal.rglob("*qvnc*"))


def test_pyz_memuat_modul_yang_dicari_dinamis(folder_beku: Path) -> None:
    """CLI commands (pkgutil) and pages (importlib) are in the frozen archive."""
    from PyInstaller.archive.readers import CArchiveReader

    nama = "sakip-desktop.exe" if sys.platform == "win32" else "sakip-desktop"
    pyz = CArchiveReader(str(folder_beku / nama)).open_embedded_archive("PYZ.pyz")
    modul = set(pyz.toc)
    paket = AKAR / "sakip_desktop"
    for berkas in [*paket.glob("cli/perintah_*.py"), *paket.glob("gui/halaman/*.py")]:
        if berkas.stem != "__init__":
            assert ".".join(berkas.relative_to(AKAR).with_suffix("").parts) in modul, berkas
    assert "sakip_desktop.gui.ui.ui_form_indikator" in modul
    assert not {"lxml", "pygments", "pytest", "tkinter"} & modul


def test_wheel_memuat_resources_dan_migrasi() -> None:
    """pip install . (not editable): resources/ as data files, migrations as package data."""
    with tempfile.TemporaryDirectory() as tmp:
        hasil = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp, str(AKAR)],
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert hasil.returncode == 0, hasil.stderr[-3000:]
        roda = next(Path(tmp).glob("sakip_desktop-*.whl"))
        with zipfile.ZipFile(roda) as z:
            nama = set(z.namelist())
    data = {n.split(".data/data/", 1)[1] for n in nama if ".data/data/" in n}
    for berkas in subprocess.run(
        ["git", "ls-files", "resources"], cwd=AKAR, capture_output=True, text=True, check=True
    ).stdout.split():
        assert f"share/sakip-desktop/{berkas}" in data, berkas
    assert "sakip_desktop/storage/migrations/env.py" in nama
    assert "sakip_desktop/storage/migrations/script.py.mako" in nama
