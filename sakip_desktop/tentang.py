"""What the About dialog says: the one version number, the schema, the data folder, and
the licences of everything the installed program carries.

The version and the licences come from the package metadata, which the frozen build
copies along (packaging/sakip-desktop.spec), so the installer and the source tree say
the same thing.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__

if TYPE_CHECKING:
    from .storage import Database

NAMA_DISTRIBUSI = "sakip-desktop"

TAMBAHAN_DIBUNDEL = ("psycopg", "psycopg-binary")
"""Optional libraries the installer bundles besides the requirements (PostgreSQL)."""

BUKAN_PAKET_PYTHON: tuple[tuple[str, str, str], ...] = (
    ("Python", f"{sys.version_info.major}.{sys.version_info.minor}", "PSF-2.0"),
    ("Qt 6 (lewat PySide6)", "", "LGPL-3.0-only"),
    ("Liberation Sans (fon laporan)", "2", "OFL-1.1"),
)


@dataclass(frozen=True)
class Pustaka:
    nama: str
    versi: str
    lisensi: str


@dataclass(frozen=True)
class InfoProgram:
    versi: str
    skema: str
    """The database's schema revision(s), or a short note when it cannot be read."""
    folder_data: Path
    basis_data: str
    pustaka: tuple[Pustaka, ...]


def _nama_kunci(nama: str) -> str:
    return re.sub(r"[-_.]+", "-", nama).lower()


def lisensi_dari_metadata(metadata: object) -> str:
    """A short licence name: License-Expression, a one-line License, or the classifier."""
    ambil = getattr(metadata, "get", None)
    semua = getattr(metadata, "get_all", None)
    if ambil is None or semua is None:
        return "tidak diketahui"
    ekspresi = ambil("License-Expression")
    if ekspresi:
        return str(ekspresi).strip()
    teks = str(ambil("License") or "").strip()
    if teks and "\n" not in teks and len(teks) <= 80:
        return teks
    for klas in semua("Classifier") or []:
        if str(klas).startswith("License ::"):
            return str(klas).split("::")[-1].strip()
    return "lihat metadata paket"


def pustaka_dibundel() -> tuple[Pustaka, ...]:
    """Every installed distribution the program needs (recursively), with its licence."""
    hasil: dict[str, Pustaka] = {}
    antre = [NAMA_DISTRIBUSI, *TAMBAHAN_DIBUNDEL]
    while antre:
        nama = antre.pop(0)
        kunci = _nama_kunci(nama)
        if kunci in hasil:
            continue
        try:
            dist = distribution(nama)
        except PackageNotFoundError:
            continue  # an optional or other-platform requirement that is not installed
        hasil[kunci] = Pustaka(
            dist.metadata["Name"], dist.version, lisensi_dari_metadata(dist.metadata)
        )
        for syarat in dist.requires or []:
            if re.search(r"extra\s*==", syarat):
                continue  # an optional extra the program does not need
            cocok = re.match(r"[A-Za-z0-9._-]+", syarat)
            if cocok:
                antre.append(cocok.group(0))
    hasil.pop(_nama_kunci(NAMA_DISTRIBUSI), None)
    daftar = sorted(hasil.values(), key=lambda p: p.nama.lower())
    lain = [Pustaka(n, v, lis) for n, v, lis in BUKAN_PAKET_PYTHON]
    return (*lain, *daftar)


def skema_basis_data(db: Database) -> str:
    """The schema revision of ``db`` (a `Database`), or why it cannot be read."""
    from .errors import KesalahanPengguna
    from .storage.migrasi import status_skema

    try:
        status = status_skema(db)
    except KesalahanPengguna as exc:
        return exc.pesan
    if status.revisi is None:
        return "kosong"
    catatan = "mutakhir" if status.mutakhir else f"program mengenal {status.terbaru}"
    return f"{status.revisi} ({catatan})"


def info_program(db: Database, folder_data: Path) -> InfoProgram:
    """Everything the About dialog shows for the open database ``db``."""
    return InfoProgram(
        versi=__version__,
        skema=skema_basis_data(db),
        folder_data=folder_data,
        basis_data=db.label,
        pustaka=pustaka_dibundel(),
    )
