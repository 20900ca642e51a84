#!/usr/bin/env python3
"""Build SAKIP Desktop for release with one command.

    python packaging/build.py              # Linux: one-folder app, smoke test, .deb
    python packaging/build.py              # Windows: one-folder app, smoke test, installer

Steps: check the environment (refuses the broken PySide6-Essentials 6.12.0 + Python 3.11
pair, the full PySide6 with its add-ons, an installed version that differs from
pyproject.toml), draw the icons, run PyInstaller on packaging/sakip-desktop.spec
(dist/sakip-desktop/), smoke-test the built program, then package it: a .deb with
dpkg-deb on Linux, the Inno Setup installer with ISCC on Windows. Products go to dist/,
work files to build/ (both ignored by git). Exit code 0 only when every step passed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import paket_isi as isi

SPEC = isi.AKAR / "packaging" / "sakip-desktop.spec"
ISS = isi.AKAR / "packaging" / "installer" / "sakip-desktop.iss"
PYINSTALLER_MINIMUM = (6, 10)


class BuildGagal(Exception):
    """A step failed; the message tells the person building what to do."""


# --- environment -----------------------------------------------------------------------------


def _versi_terpasang(nama: str) -> str | None:
    try:
        return version(nama)
    except PackageNotFoundError:
        return None


def _tuple_versi(teks: str) -> tuple[int, ...]:
    angka = []
    for bagian in teks.split("."):
        digit = "".join(c for c in bagian if c.isdigit())
        if not digit:
            break
        angka.append(int(digit))
    return tuple(angka)


def masalah_lingkungan(
    *,
    python: tuple[int, ...],
    pyside: str | None,
    addons: str | None,
    pyinstaller: str | None,
    terpasang: str | None,
    proyek: str,
) -> list[str]:
    """What is wrong with the build environment (empty when it may build)."""
    masalah = []
    if python[:2] < (3, 11):
        masalah.append(f"Python {'.'.join(map(str, python[:3]))} terlalu lama; perlu 3.11+.")
    if pyside is None:
        masalah.append("PySide6-Essentials belum terpasang: pip install -e '.[packaging]'.")
    elif isi.pasangan_rusak(pyside, python):
        masalah.append(
            f"PySide6-Essentials {pyside} dengan Python {python[0]}.{python[1]} menghentikan "
            "program (Fatal Python error: none_dealloc) setelah beberapa ribu panggilan Qt. "
            "Pasang PySide6-Essentials<6.12 (pip install 'PySide6-Essentials<6.12') atau "
            "bangun dengan Python 3.12+."
        )
    if addons is not None:
        masalah.append(
            f"PySide6-Addons {addons} terpasang (paket PySide6 lengkap): build memakai "
            "PySide6-Essentials saja. Bangun di virtualenv bersih: pip uninstall PySide6 "
            "PySide6-Addons, lalu pip install -e '.[packaging]'."
        )
    if pyinstaller is None:
        masalah.append("PyInstaller belum terpasang: pip install -e '.[packaging]'.")
    elif _tuple_versi(pyinstaller) < PYINSTALLER_MINIMUM:
        masalah.append(f"PyInstaller {pyinstaller} terlalu lama; perlu 6.10+.")
    if terpasang is None:
        masalah.append("sakip-desktop belum terpasang: pip install -e '.[packaging]'.")
    elif terpasang != proyek:
        masalah.append(
            f"Metadata terpasang berversi {terpasang}, pyproject.toml {proyek}: pasang ulang "
            "(pip install -e .) agar versi di jendela Tentang sama dengan nama berkas."
        )
    return masalah


def _versi_python() -> tuple[int, ...]:
    return tuple(sys.version_info[:3])


def periksa_lingkungan() -> str:
    """Check this environment; return the version to build."""
    proyek = isi.versi_proyek()
    masalah = masalah_lingkungan(
        python=_versi_python(),
        pyside=_versi_terpasang("PySide6-Essentials"),
        addons=_versi_terpasang("PySide6-Addons"),
        pyinstaller=_versi_terpasang("pyinstaller"),
        terpasang=_versi_terpasang(isi.NAMA_PAKET),
        proyek=proyek,
    )
    if masalah:
        raise BuildGagal("Lingkungan build ditolak:\n- " + "\n- ".join(masalah))
    return proyek


# --- steps -----------------------------------------------------------------------------------


def _jalankan(perintah: list[str], **kw: object) -> None:
    print("  $ " + " ".join(perintah), flush=True)
    hasil = subprocess.run(perintah, **kw)  # type: ignore[call-overload]
    if hasil.returncode != 0:
        raise BuildGagal(f"perintah gagal (kode {hasil.returncode}): {' '.join(perintah)}")


def gambar_aset(versi: str) -> None:
    """Icons (PNG sizes, .ico) and the Windows version resource."""
    isi.FOLDER_ASET.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    _jalankan(
        [
            sys.executable,
            str(isi.AKAR / "packaging" / "paket_ikon.py"),
            str(isi.AKAR / "resources" / "icons" / "sakip.svg"),
            str(isi.FOLDER_ASET),
        ],
        env=env,
    )
    (isi.FOLDER_ASET / "versi-windows.txt").write_text(versi_windows(versi), encoding="utf-8")


def versi_windows(versi: str) -> str:
    """A PyInstaller version-resource file: the version in the .exe's Properties."""
    angka = tuple(int(x) for x in isi.versi_numerik(versi).split("."))
    teks = {
        "CompanyName": isi.PENERBIT,
        "FileDescription": isi.NAMA_APLIKASI,
        "FileVersion": versi,
        "InternalName": isi.EXE_JENDELA,
        "LegalCopyright": f"{isi.PENERBIT}, lisensi MIT",
        "OriginalFilename": f"{isi.EXE_JENDELA}.exe",
        "ProductName": isi.NAMA_APLIKASI,
        "ProductVersion": versi,
    }
    isian = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in teks.items())
    return (
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={angka}, prodvers={angka}, mask=0x3f, flags=0x0,\n"
        "    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        "  kids=[\n"
        "    StringFileInfo([StringTable('040904B0', [\n"
        f"{isian}\n"
        "    ])]),\n"
        "    VarFileInfo([VarStruct('Translation', [1033, 1200])])\n"
        "  ]\n"
        ")\n"
    )


def pyinstaller() -> Path:
    """Run PyInstaller on the spec; return the one-folder app."""
    _jalankan(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(isi.FOLDER_DIST),
            "--workpath",
            str(isi.FOLDER_BUILD / "pyinstaller"),
            str(SPEC),
        ],
        cwd=isi.AKAR,
    )
    folder = isi.FOLDER_DIST / isi.NAMA_PAKET
    if not folder.is_dir():
        raise BuildGagal(f"PyInstaller tidak menghasilkan {folder}")
    return folder


def uji_asap(folder: Path, versi: str) -> None:
    import paket_asap

    try:
        hasil = paket_asap.uji_asap(folder, versi)
    except paket_asap.UjiAsapGagal as exc:
        raise BuildGagal(f"uji asap program beku gagal: {exc}") from exc
    for baris in hasil.keluaran.splitlines():
        if baris.startswith(("[", "UJI ASAP")):
            print(f"  {baris}")
    print(f"  jendela {hasil.detik_jendela:.1f} s, sakip capaian {hasil.detik_cli:.1f} s")


def paket_deb(folder: Path, versi: str) -> Path:
    import paket_deb

    if shutil.which("dpkg-deb") is None:
        raise BuildGagal("dpkg-deb tidak ada (pasang paket dpkg), atau pakai --tanpa-paket.")
    try:
        return paket_deb.bangun_deb(folder, versi, isi.FOLDER_BUILD, isi.FOLDER_DIST)
    except ValueError as exc:
        raise BuildGagal(f"paket .deb ditolak: {exc}") from exc


def cari_iscc() -> Path:
    calon = [os.environ.get("ISCC", "")]
    calon += [
        str(Path(os.environ.get(v, "")) / "Inno Setup 6" / "ISCC.exe")
        for v in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA")
    ]
    calon.append(shutil.which("iscc") or "")
    for c in calon:
        if c and Path(c).is_file():
            return Path(c)
    raise BuildGagal("ISCC.exe (Inno Setup 6) tidak ditemukan; isi variabel ISCC.")


def paket_installer(folder: Path, versi: str) -> Path:
    """Compile the Inno Setup script into dist/SAKIP-Desktop-<versi>-setup.exe."""
    if not (ISS.parent / "Indonesian.isl").is_file():
        raise BuildGagal(
            f"{ISS.parent / 'Indonesian.isl'} tidak ada: unduh terjemahan Inno Setup "
            "(lihat .github/workflows/windows.yml)."
        )
    _jalankan(
        [
            str(cari_iscc()),
            f"/DAppVersion={versi}",
            f"/DAppVersionNumeric={isi.versi_numerik(versi)}",
            f"/DSourceDir={folder}",
            f"/DOutputDir={isi.FOLDER_DIST}",
            f"/DIconFile={isi.FOLDER_ASET / 'sakip.ico'}",
            str(ISS),
        ]
    )
    hasil = isi.FOLDER_DIST / f"SAKIP-Desktop-{versi}-setup.exe"
    if not hasil.is_file():
        raise BuildGagal(f"ISCC tidak menghasilkan {hasil}")
    return hasil


# --- report ----------------------------------------------------------------------------------


def ukuran_folder(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB".replace(".", ",")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="build.py", description=__doc__.splitlines()[0])
    p.add_argument("--periksa", action="store_true", help="hanya periksa lingkungan build")
    p.add_argument("--tanpa-uji", action="store_true", help="lewati uji asap program beku")
    p.add_argument(
        "--tanpa-paket", action="store_true", help="tanpa .deb / installer (folder saja)"
    )
    args = p.parse_args(argv)
    mulai = time.perf_counter()
    try:
        versi = periksa_lingkungan()
        print(
            f"Lingkungan build baik: SAKIP Desktop {versi}, "
            f"Python {'.'.join(map(str, _versi_python()))}, "
            f"PySide6-Essentials {_versi_terpasang('PySide6-Essentials')}, "
            f"PyInstaller {_versi_terpasang('pyinstaller')}"
        )
        if args.periksa:
            return 0
        hasil: dict[str, Path] = {}
        langkah: list[tuple[str, Callable[[], object]]] = [
            ("ikon dan versi", lambda: gambar_aset(versi)),
            ("PyInstaller (satu folder)", lambda: hasil.update(folder=pyinstaller())),
        ]
        if not args.tanpa_uji:
            langkah.append(("uji asap program beku", lambda: uji_asap(hasil["folder"], versi)))
        if not args.tanpa_paket and sys.platform.startswith("linux"):
            langkah.append(
                ("paket .deb", lambda: hasil.update(paket=paket_deb(hasil["folder"], versi)))
            )
        if not args.tanpa_paket and sys.platform == "win32":
            langkah.append(
                (
                    "installer Inno Setup",
                    lambda: hasil.update(paket=paket_installer(hasil["folder"], versi)),
                )
            )
        for nama, fungsi in langkah:
            awal = time.perf_counter()
            print(f"== {nama}", flush=True)
            fungsi()
            print(f"   selesai dalam {time.perf_counter() - awal:.0f} s", flush=True)
    except BuildGagal as exc:
        print(f"BUILD GAGAL: {exc}", file=sys.stderr)
        return 1
    print(f"\nSelesai dalam {time.perf_counter() - mulai:.0f} s:")
    print(f"  {hasil['folder']}  ({mb(ukuran_folder(hasil['folder']))})")
    if "paket" in hasil:
        print(f"  {hasil['paket']}  ({mb(hasil['paket'].stat().st_size)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
