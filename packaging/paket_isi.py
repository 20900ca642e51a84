"""What the frozen build carries, in one place: the spec, build.py and the tests read it.

Nothing here imports PyInstaller or Qt, so the tests can check the lists cheaply.
"""

from __future__ import annotations

import re
import struct
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
"""The repository root (the folder holding pyproject.toml)."""
FOLDER_BUILD = AKAR / "build"
"""Work files (ignored by git): PyInstaller's work folder, icons, the .deb tree."""
FOLDER_ASET = FOLDER_BUILD / "aset"
FOLDER_DIST = AKAR / "dist"
"""The products (ignored by git): the one-folder app, the .deb, the Windows installer."""

NAMA_APLIKASI = "SAKIP Desktop"
NAMA_PAKET = "sakip-desktop"
"""The distribution, the one-folder directory and the .deb package name."""
EXE_JENDELA = "sakip-desktop"
EXE_CLI = "sakip"
PENERBIT = "Tim SAKIP Desktop"
ID_APLIKASI = "{8F1C2B7E-5D1A-4E0B-9A43-5A4B1D7C0E21}"
"""Inno Setup AppId: fixed forever, so an update replaces the installed version."""

FOLDER_DATA: tuple[tuple[str, str], ...] = (
    ("resources", "resources"),
    ("sakip_desktop/storage/migrations", "sakip_desktop/storage/migrations"),
)
"""(source in the repository, destination in the bundle). All of resources/ (demo data,
fonts, icons, logo, LKE worksheets, and whatever is added there later: sumber_daya.py
finds it under sys._MEIPASS). The migrations are files because Alembic's ScriptDirectory
reads env.py, script.py.mako and versions/*.py from disk. The Designer forms are compiled
modules (sakip_desktop/gui/ui) and travel as code."""

PAKET_DINAMIS = ("sakip_desktop",)
"""Packages whose every submodule is a hidden import: CLI commands are found with
pkgutil.iter_modules (cli/perintah_*.py) and pages with importlib (gui/halaman/<kunci>.py)."""

IMPOR_TERSEMBUNYI = (
    "alembic.context",
    "alembic.op",
    "alembic.ddl.sqlite",
    "alembic.ddl.postgresql",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.dialects.postgresql.psycopg",
    "psycopg",
    "psycopg_binary",
    "babel.numbers",
    "babel.dates",
)
"""Imported by name at run time (Alembic's env.py and revision files, dialect loading)."""

METADATA_REKURSIF = (NAMA_PAKET,)
METADATA_TAMBAHAN = ("psycopg", "psycopg-binary")
"""Distribution metadata to copy: the version (importlib.metadata) and the licences the
About dialog lists (sakip_desktop/tentang.py)."""

MODUL_DIKECUALIKAN = (
    "tkinter",
    "_tkinter",
    "unittest",
    "pydoc",
    "doctest",
    "sqlalchemy.testing",
    "alembic.testing",
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtOpenGL",
    "PySide6.QtDBus",
    "IPython",
    "numpy",
    # in a developer's venv through other tools, never imported by the program
    "lxml",
    "pygments",
    "docx",
    "pytest",
    "_pytest",
    "hypothesis",
)

LOKAL_BABEL = ("root", "id", "id_ID", "en", "en_US")
"""Babel locale files kept (angka.py formats in ``id``); the other ~1,100 are 30 MB."""

QT_DIBUANG = (
    # plugin folders the program never loads: no QML, Qt SQL, network, compositor,
    # embedded (evdev, eglfs, linuxfb, vnc) input or output
    "plugins/qmltooling",
    "plugins/qmllint",
    "plugins/designer",
    "plugins/sqldrivers",
    "plugins/tls",
    "plugins/networkinformation",
    "plugins/generic",
    "plugins/egldeviceintegrations",
    "plugins/wayland-graphics-integration-server",
    "plugins/platforms/libqeglfs",
    "plugins/platforms/libqlinuxfb",
    "plugins/platforms/libqminimalegl",
    "plugins/platforms/libqvnc",
    "plugins/platforms/libqvkkhrdisplay",
    "plugins/platforms/qdirect2d",
    # GTK3 theme: would load the system GTK beside libraries bundled from the build machine
    "plugins/platformthemes/libqgtk3",
    "plugins/imageformats/libqtiff",
    "plugins/imageformats/libqwebp",
    "plugins/imageformats/qtiff",
    "plugins/imageformats/qwebp",
    # Qt's own translations: the program loads no QTranslator (its text is Indonesian)
    "translations/",
    # Windows: software OpenGL and the shader compiler, used by Qt Quick, not by widgets
    "opengl32sw",
    "d3dcompiler_",
)
"""Parts of PySide6 dropped from the bundle (matched on the path below PySide6/Qt or
PySide6/, or on the file name)."""

PUSTAKA_SISTEM_LINUX = ("libstdc++.so.6", "libgcc_s.so.1", "libexpat.so.1", "libcups.so.2")
"""Linux libraries taken from the target system (the .deb depends on them) rather than
copied from the build machine: copies from Debian 12 ask for glibc 2.36, which Ubuntu
22.04 (glibc 2.35) does not have, and every target has its own."""

GLIBC_TERTINGGI = (2, 35)
"""The newest glibc the Linux build may require: Ubuntu 22.04's (Debian 12 has 2.36)."""

PYSIDE_RUSAK = {"PySide6-Essentials": "6.12.0", "python": (3, 11)}
"""PySide6-Essentials 6.12.0 on Python 3.11 aborts with "Fatal Python error: none_dealloc"
after a few thousand Qt calls that return None (tests/test_pyside_pin.py)."""


def versi_proyek() -> str:
    """The one version number, from pyproject.toml."""
    with (AKAR / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def versi_numerik(versi: str) -> str:
    """``0.1.0`` → ``0.1.0.0`` (Windows file versions take four numbers; a pre-release
    or local suffix is left out)."""
    cocok = re.match(r"\d+(?:\.\d+)*", versi.strip())
    angka = [int(x) for x in cocok.group(0).split(".")][:4] if cocok else []
    return ".".join(str(x) for x in [*angka, 0, 0, 0, 0][:4])


def sumber_data() -> list[tuple[Path, str]]:
    """The data folders as (absolute source, destination), each checked to exist."""
    hasil = []
    for sumber, tujuan in FOLDER_DATA:
        path = AKAR / sumber
        if not path.is_dir():
            raise FileNotFoundError(f"folder data tidak ada: {path}")
        hasil.append((path, tujuan))
    return hasil


def berkas_data() -> list[tuple[str, str]]:
    """Every data file as PyInstaller ``datas`` entries (file, destination folder),
    leaving out caches."""
    hasil = []
    for sumber, tujuan in sumber_data():
        for berkas in sorted(sumber.rglob("*")):
            if not berkas.is_file() or "__pycache__" in berkas.parts:
                continue
            if berkas.suffix in (".pyc", ".pyo"):
                continue
            relatif = berkas.parent.relative_to(sumber)
            hasil.append((str(berkas), str(Path(tujuan) / relatif)))
    return hasil


def babel_dipakai(tujuan: str) -> bool:
    """Keep a babel data file unless it is a locale the program never formats in."""
    bagian = Path(tujuan).parts
    if "locale-data" not in bagian:
        return True
    return Path(tujuan).stem in LOKAL_BABEL


def dari_sistem(tujuan: str, platform: str = sys.platform) -> bool:
    """True for a library the target system provides (`PUSTAKA_SISTEM_LINUX`)."""
    return platform.startswith("linux") and Path(tujuan).name in PUSTAKA_SISTEM_LINUX


def qt_dipakai(tujuan: str) -> bool:
    """Keep a bundled file unless it is a part of Qt listed in `QT_DIBUANG`."""
    path = Path(tujuan).as_posix()
    nama = Path(tujuan).name
    for pola in QT_DIBUANG:
        if "/" not in pola:
            if nama.startswith(pola):
                return False
        elif f"/{pola}" in f"/{path}" and "PySide6" in path:
            return False
    return True


def elf_perlu(path: Path) -> list[str]:
    """The DT_NEEDED sonames of a 64-bit little-endian ELF file ([] for anything else)."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return []
    (shoff,) = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    bagian = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    hasil = []
    for _nama, jenis, _f, _a, offset, ukuran, link, _i, _al, _es in bagian:
        if jenis != 6:  # SHT_DYNAMIC
            continue
        str_offset = bagian[link][4]
        for j in range(0, ukuran, 16):
            tag, nilai = struct.unpack_from("<qQ", data, offset + j)
            if tag == 0:
                break
            if tag == 1:  # DT_NEEDED
                akhir = data.index(b"\0", str_offset + nilai)
                hasil.append(data[str_offset + nilai : akhir].decode())
    return hasil


def pustaka_yatim(
    disimpan: Iterable[tuple[str, str]], dibuang: Iterable[tuple[str, str]]
) -> set[str]:
    """Shared libraries (destination names) that only dropped files needed.

    ``disimpan``/``dibuang``: (destination, source) of kept and dropped binaries. A library
    goes only when a dropped file needed it and no kept file needs it any more, so a
    library loaded by dlopen/ctypes (needed by no file) is never touched.
    """
    simpan = {tujuan: Path(sumber) for tujuan, sumber in disimpan}
    perlu = {t: set(elf_perlu(s)) for t, s in simpan.items() if s.is_file()}
    dari_buang: set[str] = set()
    for _tujuan, sumber in dibuang:
        if Path(sumber).is_file():
            dari_buang |= set(elf_perlu(Path(sumber)))
    yatim: set[str] = set()
    while True:
        dipakai = {n for t, ns in perlu.items() if t not in yatim for n in ns}
        baru = {
            t
            for t in simpan
            if t not in yatim
            and Path(t).name in dari_buang
            and Path(t).name not in dipakai
            and ".cpython-" not in t
            and "plugins" not in Path(t).parts
        }
        if not baru:
            return yatim
        yatim |= baru
        for t in baru:  # what the orphan needed may be orphaned in turn
            dari_buang |= perlu.get(t, set())


def pasangan_rusak(versi_pyside: str, versi_python: tuple[int, ...] | None = None) -> bool:
    """True for the PySide6-Essentials + Python pair that aborts (none_dealloc)."""
    python = tuple((versi_python or sys.version_info)[:2])
    return versi_pyside.strip() == PYSIDE_RUSAK["PySide6-Essentials"] and python == tuple(
        PYSIDE_RUSAK["python"]
    )
