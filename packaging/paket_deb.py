"""The .deb package (Debian 12, Ubuntu 22.04 and newer) around the one-folder app.

Layout: the app in /opt/sakip-desktop, `sakip-desktop` and `sakip` in /usr/bin (links),
a desktop entry and hicolor icons. Qt's own libraries travel inside the app; what the
bundled files need from the system (OpenGL, X11/Wayland, the C/C++ runtime, CUPS) is read
from the ELF files and becomes the Depends line.
Built with ``dpkg-deb --root-owner-group`` (no fakeroot needed).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import paket_isi as isi

FOLDER_PASANG = Path("/opt") / isi.NAMA_PAKET

PAKET_SONAME: dict[str, str] = {
    # the C library family
    "libc.so.6": "libc6",
    "libm.so.6": "libc6",
    "libdl.so.2": "libc6",
    "libpthread.so.0": "libc6",
    "libresolv.so.2": "libc6",
    "librt.so.1": "libc6",
    "libutil.so.1": "libc6",
    "ld-linux-x86-64.so.2": "libc6",
    "ld-linux-aarch64.so.1": "libc6",
    # taken from the system on purpose (paket_isi.PUSTAKA_SISTEM_LINUX)
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
    "libexpat.so.1": "libexpat1",
    "libcups.so.2": "libcups2t64 | libcups2",
    # never bundled by PyInstaller (graphics drivers and the display server's libraries)
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0",
    "libz.so.1": "zlib1g",
}
"""The Debian/Ubuntu package of each library the app needs from the system. A library
missing here stops the build (`bergantung`), so the Depends line is never a guess."""

DISARANKAN = ("fonts-liberation2 | fonts-liberation",)
"""The report's font (Liberation Sans) for the window too."""

ENTRI_DESKTOP = """[Desktop Entry]
Type=Application
Version=1.0
Name=SAKIP Desktop
GenericName=Akuntabilitas Kinerja Instansi Pemerintah
GenericName[en]=Government performance accountability
Comment=Perencanaan, pengukuran dan pelaporan kinerja SAKIP, luring
Comment[en]=Plan, measure and report government performance (SAKIP), offline
Exec=sakip-desktop
Icon=sakip-desktop
Terminal=false
Categories=Office;Finance;
Keywords=SAKIP;kinerja;LKjIP;Renstra;IKU;Perjanjian Kinerja;
StartupWMClass=sakip-desktop
"""


def versi_glibc_minimum(folder_app: Path) -> tuple[int, int]:
    """The highest GLIBC_x.y symbol version any bundled ELF file asks for."""
    tertinggi = (2, 17)
    pola = re.compile(rb"GLIBC_(\d+)\.(\d+)")
    for berkas in _elf(folder_app):
        for cocok in pola.finditer(berkas.read_bytes()):
            tertinggi = max(tertinggi, (int(cocok.group(1)), int(cocok.group(2))))
    return tertinggi


def _elf(folder_app: Path) -> list[Path]:
    hasil = []
    for berkas in sorted(folder_app.rglob("*")):
        if berkas.is_file() and not berkas.is_symlink():
            with berkas.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    hasil.append(berkas)
    return hasil


def pustaka_luar(folder_app: Path) -> dict[str, list[str]]:
    """Libraries the bundled ELF files need that the bundle does not hold, with who needs
    each (relative paths)."""
    ada = {p.name for p in folder_app.rglob("*")}
    hasil: dict[str, list[str]] = {}
    for berkas in _elf(folder_app):
        for soname in isi.elf_perlu(berkas):
            if soname not in ada:
                hasil.setdefault(soname, []).append(str(berkas.relative_to(folder_app)))
    return hasil


def bergantung(folder_app: Path) -> list[str]:
    """The Depends entries: one package per library from the system, and the glibc
    version; refuses an unknown library and a glibc newer than Ubuntu 22.04's."""
    luar = pustaka_luar(folder_app)
    tak_dikenal = sorted(s for s in luar if s not in PAKET_SONAME)
    if tak_dikenal:
        rinci = "; ".join(f"{s} (diperlukan {luar[s][0]})" for s in tak_dikenal)
        raise ValueError(f"pustaka sistem tanpa paket Debian di PAKET_SONAME: {rinci}")
    glibc = versi_glibc_minimum(folder_app)
    if glibc > isi.GLIBC_TERTINGGI:
        batas = ".".join(map(str, isi.GLIBC_TERTINGGI))
        raise ValueError(
            f"berkas dalam paket memerlukan glibc {glibc[0]}.{glibc[1]}, lebih baru dari "
            f"{batas} (Ubuntu 22.04); tambahkan pustaka itu ke PUSTAKA_SISTEM_LINUX"
        )
    paket = {PAKET_SONAME[s] for s in luar}
    paket.discard("libc6")
    return [f"libc6 (>= {glibc[0]}.{glibc[1]})", *sorted(paket)]


def arsitektur() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def kontrol(versi: str, arsitek: str, ukuran_kb: int, syarat: list[str]) -> str:
    """The DEBIAN/control file."""
    return (
        f"Package: {isi.NAMA_PAKET}\n"
        f"Version: {versi}\n"
        f"Architecture: {arsitek}\n"
        f"Maintainer: {isi.PENERBIT} <sakip-desktop@localhost>\n"
        f"Installed-Size: {ukuran_kb}\n"
        f"Depends: {', '.join(syarat)}\n"
        f"Recommends: {', '.join(DISARANKAN)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: SAKIP Desktop - akuntabilitas kinerja instansi pemerintah, luring\n"
        " Aplikasi desktop tanpa internet untuk SAKIP perangkat daerah: pohon kinerja,\n"
        " Renstra, IKU, Renja, Perjanjian Kinerja, pengukuran triwulanan, pelaporan\n"
        " (LKjIP) dan evaluasi. Basis data SQLite di folder pengguna atau PostgreSQL.\n"
        " .\n"
        " Offline desktop program for Indonesian government performance accountability.\n"
    )


def _salin_app(folder_app: Path, tujuan: Path) -> None:
    shutil.copytree(folder_app, tujuan, symlinks=True)
    for berkas in tujuan.rglob("*"):  # readable by every user, executables runnable
        if berkas.is_symlink():
            continue
        mode = 0o755 if berkas.is_dir() or os.access(berkas, os.X_OK) else 0o644
        berkas.chmod(mode)


def bangun_deb(folder_app: Path, versi: str, folder_kerja: Path, folder_keluar: Path) -> Path:
    """Build ``sakip-desktop_<versi>_<arch>.deb`` from the one-folder app; return its path.

    Raises ValueError when the app needs a system library with no known package, or a
    glibc newer than the oldest supported system's."""
    syarat = bergantung(folder_app)
    akar = folder_kerja / "deb-root"
    if akar.exists():
        shutil.rmtree(akar)
    _salin_app(folder_app, akar / FOLDER_PASANG.relative_to("/"))
    bin_ = akar / "usr" / "bin"
    bin_.mkdir(parents=True)
    for nama in (isi.EXE_JENDELA, isi.EXE_CLI):
        (bin_ / nama).symlink_to(FOLDER_PASANG / nama)
    aplikasi = akar / "usr" / "share" / "applications"
    aplikasi.mkdir(parents=True)
    (aplikasi / f"{isi.NAMA_PAKET}.desktop").write_text(ENTRI_DESKTOP, encoding="utf-8")
    ikon = akar / "usr" / "share" / "icons" / "hicolor"
    svg = ikon / "scalable" / "apps" / f"{isi.NAMA_PAKET}.svg"
    svg.parent.mkdir(parents=True)
    shutil.copyfile(isi.AKAR / "resources" / "icons" / "sakip.svg", svg)
    for png in sorted(isi.FOLDER_ASET.glob("sakip-*.png")):
        n = png.stem.split("-")[1]
        tujuan = ikon / f"{n}x{n}" / "apps" / f"{isi.NAMA_PAKET}.png"
        tujuan.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(png, tujuan)
    dok = akar / "usr" / "share" / "doc" / isi.NAMA_PAKET
    dok.mkdir(parents=True)
    (dok / "copyright").write_text(_hak_cipta(), encoding="utf-8")
    for folder in [akar, *akar.rglob("*")]:
        if folder.is_dir() and not folder.is_symlink():
            folder.chmod(0o755)
    ukuran_kb = (
        sum(f.stat().st_size for f in akar.rglob("*") if f.is_file() and not f.is_symlink()) // 1024
    )
    debian = akar / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(
        kontrol(versi, arsitektur(), ukuran_kb, syarat), encoding="utf-8"
    )
    folder_keluar.mkdir(parents=True, exist_ok=True)
    keluaran = folder_keluar / f"{isi.NAMA_PAKET}_{versi}_{arsitektur()}.deb"
    keluaran.unlink(missing_ok=True)
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(akar), str(keluaran)],
        check=True,
        capture_output=True,
    )
    return keluaran


def _hak_cipta() -> str:
    lisensi = (isi.AKAR / "resources" / "fonts" / "LICENSE-Liberation.txt").read_text(
        encoding="utf-8"
    )
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: SAKIP Desktop\n\n"
        "Files: *\n"
        f"Copyright: {isi.PENERBIT}\n"
        "License: MIT\n\n"
        "Files: opt/sakip-desktop/_internal/*\n"
        "Copyright: the authors of Python, Qt/PySide6, SQLAlchemy, Alembic, reportlab,\n"
        " openpyxl, Babel, PyYAML, argon2-cffi, platformdirs, psycopg and their dependencies\n"
        "License: various (PSF-2.0, LGPL-3.0, MIT, BSD)\n"
        " The program's About dialog (Bantuan > Tentang) lists each component with its\n"
        " version and licence. Qt and PySide6 are used under the LGPL-3.0 as shared\n"
        " libraries that can be replaced.\n\n"
        "Files: opt/sakip-desktop/_internal/resources/fonts/*\n"
        "License: OFL-1.1\n"
        + "".join(f" {baris}\n" if baris.strip() else " .\n" for baris in lisensi.splitlines())
    )
