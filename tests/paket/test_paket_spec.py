"""What the frozen build carries: the data folders, the dynamically found modules, and
what it leaves out (unused Qt plugins, locales). Cheap checks, no PyInstaller run."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

import sakip_desktop

AKAR = Path(__file__).resolve().parents[2]
FOLDER_PAKET = AKAR / "packaging"

SPEC = FOLDER_PAKET / "sakip-desktop.spec"


def _tercatat_git(folder: str) -> set[str]:
    hasil = subprocess.run(
        ["git", "ls-files", folder], cwd=AKAR, capture_output=True, text=True, check=False
    )
    if hasil.returncode != 0:
        pytest.skip("bukan checkout git")
    return set(hasil.stdout.split())


def test_setiap_berkas_resources_masuk_bundel(isi: ModuleType) -> None:
    data = {Path(s).relative_to(AKAR).as_posix(): t for s, t in isi.berkas_data()}
    tercatat = _tercatat_git("resources")
    assert tercatat, "resources/ kosong?"
    for berkas in sorted(tercatat):
        assert data.get(berkas) == str(Path(berkas).parent), f"{berkas} tidak dibundel"


def test_setiap_folder_resources_masuk_wheel() -> None:
    """pip install . (not editable) installs resources/ as data files, folder by folder:
    a new folder under resources/ needs its line in pyproject.toml."""
    with (AKAR / "pyproject.toml").open("rb") as f:
        data_files = tomllib.load(f)["tool"]["setuptools"]["data-files"]
    dipetakan = {
        tujuan.removeprefix("share/sakip-desktop/"): sumber for tujuan, sumber in data_files.items()
    }
    for folder in sorted({str(Path(f).parent) for f in _tercatat_git("resources")}):
        assert dipetakan.get(folder) == [f"{folder}/*"], f"{folder} tidak ada di data-files"


def test_migrasi_dibundel_sebagai_berkas(isi: ModuleType) -> None:
    """Alembic reads env.py, script.py.mako and versions/*.py from disk."""
    data = {Path(s).relative_to(AKAR).as_posix(): tujuan for s, tujuan in isi.berkas_data()}
    migrasi = AKAR / "sakip_desktop" / "storage" / "migrations"
    wajib = [migrasi / "env.py", migrasi / "script.py.mako", *sorted(migrasi.glob("versions/*.py"))]
    assert len(wajib) >= 3
    for berkas in wajib:
        relatif = berkas.relative_to(AKAR).as_posix()
        assert data.get(relatif) == berkas.parent.relative_to(AKAR).as_posix(), relatif
    assert not [s for s in data if "__pycache__" in s or s.endswith(".pyc")]


def test_sumber_daya_penting_dibundel(isi: ModuleType) -> None:
    data = {Path(sumber).relative_to(AKAR).as_posix() for sumber, _t in isi.berkas_data()}
    for wajib in (
        "resources/demo/disnaker-lamongan.yaml",
        "resources/fonts/LiberationSans-Regular.ttf",
        "resources/fonts/LiberationSans-Bold.ttf",
        "resources/fonts/LICENSE-Liberation.txt",
        "resources/icons/sakip.svg",
        "resources/logo/logo-kop-contoh.png",
    ):
        assert wajib in data


def test_perintah_dan_halaman_dinamis_ditemukan_oleh_collect_submodules(isi: ModuleType) -> None:
    """collect_submodules walks packages like pkgutil: every cli/perintah_*.py and
    gui/halaman/*.py must be reachable that way (a folder without __init__.py is not)."""
    assert "sakip_desktop" in isi.PAKET_DINAMIS
    ditemukan = {
        m.name
        for m in pkgutil.walk_packages(sakip_desktop.__path__, "sakip_desktop.", onerror=print)
    }
    paket = Path(sakip_desktop.__file__).parent
    for berkas in [*paket.glob("cli/perintah_*.py"), *paket.glob("gui/halaman/*.py")]:
        nama = ".".join(berkas.relative_to(paket.parent).with_suffix("").parts)
        if nama.endswith("__init__"):
            continue
        assert nama in ditemukan, nama
    assert any(n.startswith("sakip_desktop.gui.ui.ui_form_") for n in ditemukan)


def test_spec_satu_folder_dua_program(isi: ModuleType) -> None:
    """One folder (EXE without binaries, then COLLECT), the window and the CLI."""
    pohon = ast.parse(SPEC.read_text(encoding="utf-8"))
    panggilan = [n for n in ast.walk(pohon) if isinstance(n, ast.Call)]
    nama = [getattr(p.func, "id", None) for p in panggilan]
    assert "COLLECT" in nama and "EXE" in nama
    exe = next(p for p in panggilan if getattr(p.func, "id", None) == "EXE")
    kunci = {k.arg: k.value for k in exe.keywords}
    assert isinstance(kunci["exclude_binaries"], ast.Constant) and kunci["exclude_binaries"].value
    assert isinstance(kunci["upx"], ast.Constant) and kunci["upx"].value is False
    teks = SPEC.read_text(encoding="utf-8")
    for isi_wajib in (
        "isi.berkas_data()",
        "collect_submodules(paket)",
        "copy_metadata(nama, recursive=True)",
        'analisis("masuk_jendela.py")',
        'analisis("masuk_cli.py")',
    ):
        assert isi_wajib in teks
    assert (FOLDER_PAKET / "masuk_jendela.py").is_file()
    assert (FOLDER_PAKET / "masuk_cli.py").is_file()


@pytest.mark.parametrize(
    ("tujuan", "dipakai"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", False),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/translations/qtbase_de.qm", False),
        ("PySide6/opengl32sw.dll", False),
    ],
)
def test_bagian_qt_yang_dibuang(isi: ModuleType, tujuan: str, dipakai: bool) -> None:
    assert isi.qt_dipakai(tujuan) is dipakai


def test_hanya_lokal_babel_yang_dipakai(isi: ModuleType) -> None:
    assert "id" in isi.LOKAL_BABEL and "root" in isi.LOKAL_BABEL
    assert isi.babel_dipakai("babel/locale-data/id.dat")
    assert isi.babel_dipakai("babel/locale-data/root.dat")
    assert isi.babel_dipakai("babel/global.dat")
    assert not isi.babel_dipakai("babel/locale-data/de.dat")
    assert not isi.babel_dipakai("babel/locale-data/zh_Hant_HK.dat")


def test_angka_indonesia_hanya_butuh_lokal_yang_dibundel(isi: ModuleType) -> None:
    """The formats the program uses load from the kept locale files alone."""
    kode = (
        "import babel.localedata as l, sys\n"
        f"simpan = set({list(isi.LOKAL_BABEL)!r})\n"
        "asli = l.load\n"
        "def load(nama, merge_inherited=True):\n"
        "    assert nama in simpan, nama\n"
        "    return asli(nama, merge_inherited)\n"
        "l.load = load\n"
        "from decimal import Decimal\n"
        "from datetime import date\n"
        "from sakip_desktop.angka import format_angka, format_tanggal, parse_angka\n"
        "print(format_angka(Decimal('1234567.89'), 2), format_tanggal(date(2020, 1, 2)),"
        " parse_angka('1.234,5'))\n"
    )
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True)
    assert hasil.returncode == 0, hasil.stderr
    assert "1.234.567,89" in hasil.stdout and "Januari" in hasil.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF hanya di Linux")
def test_elf_perlu_membaca_dt_needed(isi: ModuleType) -> None:
    import _ctypes

    perlu = isi.elf_perlu(Path(_ctypes.__file__))
    assert any(n.startswith("libc.so") for n in perlu) or any("ffi" in n for n in perlu)
    assert isi.elf_perlu(SPEC) == []


def test_pustaka_yatim_hanya_yang_dibutuhkan_berkas_terbuang(
    isi: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """gtk3 plugin dropped → cairo/pango go; glib stays (Qt needs it); a dlopen'd library
    nobody links to stays."""
    grafik = {
        "plugins/platformthemes/libqgtk3.so": ["libcairo.so.2", "libpango-1.0.so.0", "libglib.so"],
        "libcairo.so.2": ["libpixman-1.so.0", "libglib.so"],
        "libpango-1.0.so.0": ["libglib.so"],
        "libpixman-1.so.0": [],
        "libglib.so": [],
        "libQt6Gui.so.6": ["libglib.so"],
        "libdlopen.so": [],
        "QtGui.cpython-311.so": ["libQt6Gui.so.6"],
    }
    berkas = {}
    for nama in grafik:
        path = tmp_path / nama.replace("/", "_")
        path.write_bytes(b"x")
        berkas[nama] = path
    nama_dari = {b: n for n, b in berkas.items()}
    monkeypatch.setattr(isi, "elf_perlu", lambda p: grafik[nama_dari[p]])
    gtk = "plugins/platformthemes/libqgtk3.so"
    dibuang = [(gtk, str(berkas[gtk]))]
    simpan = [(n, str(b)) for n, b in berkas.items() if n != gtk]
    assert isi.pustaka_yatim(simpan, dibuang) == {
        "libcairo.so.2",
        "libpango-1.0.so.0",
        "libpixman-1.so.0",
    }


def test_pustaka_sistem_hanya_di_linux(isi: ModuleType) -> None:
    assert isi.dari_sistem("libstdc++.so.6", "linux")
    assert isi.dari_sistem("libcups.so.2", "linux")
    assert not isi.dari_sistem("libstdc++.so.6", "win32")
    assert not isi.dari_sistem("libQt6Core.so.6", "linux")
