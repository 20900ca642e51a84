"""Is the schema already current? Answered without importing Alembic (a third of a second
on an office PC), so the window of a database that needs no upgrade opens sooner.

Only a sure "yes" is trusted: the revisions stored in ``alembic_version`` equal the heads
read from the revision files. Anything else — an empty, older, newer, foreign or damaged
database, a revision file this reader does not understand — answers "unknown", and the
caller runs the full check (`migrasi.tingkatkan`), which also gives the clear messages.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from sqlalchemy import text

from .database import Database

FOLDER_VERSI = Path(__file__).with_name("migrations") / "versions"

_POLA = {
    nama: re.compile(rf"^{nama}\s*(?::[^=\n]*)?=\s*(.+?)\s*(?:#.*)?$", re.MULTILINE)
    for nama in ("revision", "down_revision")
}


def _nilai(teks: str, nama: str) -> object:
    cocok = _POLA[nama].search(teks)
    if cocok is None:
        raise ValueError(nama)
    return ast.literal_eval(cocok.group(1))


def kepala_dari_berkas(folder: Path = FOLDER_VERSI) -> frozenset[str] | None:
    """The head revisions of the revision files, or None when a file cannot be read
    this simply (then only Alembic can say)."""
    revisi: set[str] = set()
    induk: set[str] = set()
    try:
        for berkas in folder.glob("*.py"):
            isi = berkas.read_text(encoding="utf-8")
            if "revision" not in isi:
                continue  # __init__.py
            r = _nilai(isi, "revision")
            turun = _nilai(isi, "down_revision")
            if not isinstance(r, str):
                return None
            revisi.add(r)
            if isinstance(turun, str):
                induk.add(turun)
            elif isinstance(turun, tuple | list):
                induk.update(str(t) for t in turun)
            elif turun is not None:
                return None
    except (OSError, ValueError, SyntaxError):
        return None
    kepala = frozenset(revisi - induk)
    return kepala or None


def skema_mutakhir(db: Database) -> bool:
    """True only when the database's revisions are exactly the heads of the files."""
    kepala = kepala_dari_berkas()
    if kepala is None:
        return False
    try:
        with db.engine.connect() as conn:
            tersimpan = frozenset(
                conn.execute(text("SELECT version_num FROM alembic_version")).scalars()
            )
    except Exception:  # no table, damaged file, server down: the full check explains
        return False
    return tersimpan == kepala
