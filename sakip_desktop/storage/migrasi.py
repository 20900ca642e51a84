"""Schema versions: create a new database, upgrade an older one (after a backup copy),
refuse one written by a newer program or one that is not a SAKIP database at all."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.exc import DBAPIError

from ..errors import DatabaseBermasalah
from .database import Database, terjemahkan_galat_db

FOLDER_MIGRASI = Path(__file__).with_name("migrations")


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(FOLDER_MIGRASI))
    return cfg


def revisi_terbaru() -> str:
    """The newest schema revision(s), joined with "+" when branches are not merged yet."""
    return "+".join(sorted(ScriptDirectory.from_config(_config()).get_heads()))


@dataclass(frozen=True)
class StatusSkema:
    revisi: str | None
    """The database's revision(s) ("+"-joined), None for an empty database."""
    terbaru: str

    @property
    def kosong(self) -> bool:
        return self.revisi is None

    @property
    def mutakhir(self) -> bool:
        return self.revisi == self.terbaru


def status_skema(db: Database) -> StatusSkema:
    """Read the schema revision; raise a clear error for a foreign or too-new database."""
    skrip = ScriptDirectory.from_config(_config())
    try:
        with db.engine.connect() as conn:
            tabel = set(inspect(conn).get_table_names())
            kepala = MigrationContext.configure(conn).get_current_heads()
            revisi = "+".join(sorted(kepala)) if kepala else None
    except DBAPIError as exc:
        galat = terjemahkan_galat_db(exc, db)
        if galat is None:
            raise
        raise galat from exc
    terbaru = revisi_terbaru()
    if revisi is None:
        if tabel - {"alembic_version"}:
            raise DatabaseBermasalah(
                f"Basis data ini bukan basis data SAKIP Desktop (berisi tabel lain): {db.label}"
            )
        return StatusSkema(None, terbaru)
    try:
        for r in revisi.split("+"):
            if skrip.get_revision(r) is None:
                raise LookupError(r)
    except Exception as exc:  # alembic raises several kinds for an unknown revision
        raise DatabaseBermasalah(
            f"Basis data ini dibuat oleh versi SAKIP Desktop yang lebih baru (skema {revisi}). "
            "Perbarui program sebelum membukanya."
        ) from exc
    return StatusSkema(revisi, terbaru)


def tingkatkan(db: Database, *, folder_cadangan: Path | None = None) -> StatusSkema:
    """Create or upgrade the schema to the newest revision.

    An SQLite file that already holds an older schema is first copied (online backup) next
    to it or into ``folder_cadangan``, so a failed upgrade never costs data.
    """
    status = status_skema(db)
    if status.mutakhir:
        return status
    if not status.kosong and db.path is not None:
        from .cadangan import cadangkan_sqlite

        folder = folder_cadangan or db.path.parent
        nama = f"{db.path.stem}.sebelum-skema-{status.terbaru.replace('+', '_')}.sqlite3"
        cadangkan_sqlite(db, folder / nama)
    cfg = _config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")
    return status_skema(db)
