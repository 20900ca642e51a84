"""The database connection: SQLite by default, any SQLAlchemy URL (PostgreSQL) instead.

One user action is one transaction (`Database.transaksi`): it commits whole or rolls back
whole, so a failed save leaves nothing half-changed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import DatabaseBermasalah

NAMA_APLIKASI = "SAKIP Desktop"
NAMA_BERKAS = "sakip.sqlite3"


def folder_data(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The folder for the database and backups (``--data-dir`` wins over platformdirs)."""
    folder = Path(data_dir) if data_dir else Path(user_data_dir(NAMA_APLIKASI, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def url_bawaan(data_dir: str | os.PathLike[str] | None = None) -> str:
    """``SAKIP_DATABASE_URL`` if set, else the SQLite file in the user's data folder."""
    env = os.environ.get("SAKIP_DATABASE_URL")
    if env:
        return buat_url(env)
    return buat_url(str(folder_data(data_dir) / NAMA_BERKAS))


def buat_url(url_atau_path: str) -> str:
    """Accept a SQLAlchemy URL or a plain file path (made into an SQLite URL)."""
    teks = url_atau_path.strip()
    if "://" in teks:
        try:
            url = make_url(teks)
        except ArgumentError as exc:
            raise DatabaseBermasalah(f"Alamat basis data tidak dikenali: {teks}") from exc
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        return url.render_as_string(hide_password=False)
    path = Path(teks).expanduser().resolve()
    return f"sqlite:///{path}"


def _atur_sqlite(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    """Foreign keys on (SQLite ignores them otherwise), WAL journal, a wait for locks."""
    cur = dbapi_conn.cursor()
    try:
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
    finally:
        cur.close()


class Database:
    """Engine plus session factory for one database."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = buat_url(url)
        self._url = make_url(self.url)
        kwargs: dict[str, object] = {"echo": echo, "future": True}
        if self.adalah_sqlite:
            if self.path is not None and not self.path.parent.exists():
                raise DatabaseBermasalah(f"Folder basis data tidak ada: {self.path.parent}")
            kwargs["connect_args"] = {"timeout": 30}
        else:
            kwargs["pool_pre_ping"] = True
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.adalah_sqlite:
            event.listen(self.engine, "connect", _atur_sqlite)
        self._sesi = sessionmaker(self.engine, expire_on_commit=False)
        from .jejak import catat_perubahan

        event.listen(self._sesi, "before_flush", catat_perubahan)

    @property
    def adalah_sqlite(self) -> bool:
        return self._url.get_backend_name() == "sqlite"

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database or an in-memory one."""
        if not self.adalah_sqlite or not self._url.database or self._url.database == ":memory:":
            return None
        return Path(self._url.database)

    @property
    def label(self) -> str:
        """What the status bar shows: the file, or server/database without the password."""
        if self.path is not None:
            return str(self.path)
        return self._url.render_as_string(hide_password=True)

    @contextmanager
    def transaksi(
        self, pelaku: Any = None, *, alasan: str | None = None, audit: str = "rinci"
    ) -> Iterator[Session]:
        """One unit of work: commit at the end, roll back whole on any error.

        ``pelaku`` (a services.pelaku.Pelaku) and ``alasan`` go into the audit rows the
        session writes with the change; ``audit="ringkas"`` summarises a bulk load.
        """
        with self._sesi() as sesi:
            sesi.info.update(pelaku=pelaku, alasan=alasan, audit=audit)
            try:
                with sesi.begin():
                    yield sesi
            except DBAPIError as exc:
                galat = terjemahkan_galat_db(exc, self)
                if galat is None:
                    raise
                raise galat from exc

    @contextmanager
    def baca(self) -> Iterator[Session]:
        """A session for reading: never commits; objects stay usable (detached) after it."""
        with self._sesi() as sesi:
            try:
                yield sesi
            except DBAPIError as exc:
                galat = terjemahkan_galat_db(exc, self)
                if galat is None:
                    raise
                raise galat from exc
            if sesi.new or sesi.dirty or sesi.deleted:
                raise RuntimeError("Perubahan di sesi baca: gunakan Database.transaksi()")

    def tutup(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.tutup()


def terjemahkan_galat_db(exc: DBAPIError, db: Database) -> DatabaseBermasalah | None:
    """Turn a driver error about the file or server into a message a user can act on."""
    teks = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    if "file is not a database" in teks or "malformed" in teks or "disk image" in teks:
        return DatabaseBermasalah(
            f"Berkas basis data rusak atau bukan basis data SAKIP: {db.label}. "
            "Pulihkan dari cadangan terbaru."
        )
    if "database is locked" in teks:
        return DatabaseBermasalah(
            f"Basis data sedang dipakai program lain dan terkunci: {db.label}. Coba lagi sebentar."
        )
    if "unable to open database" in teks:
        return DatabaseBermasalah(f"Berkas basis data tidak dapat dibuka: {db.label}")
    if "connection refused" in teks or "could not connect" in teks or "connection failed" in teks:
        return DatabaseBermasalah(
            f"Server basis data tidak dapat dihubungi ({db.label}). Periksa jaringan dan server."
        )
    if "password authentication failed" in teks:
        return DatabaseBermasalah("Sandi atau nama pengguna server basis data salah.")
    if "does not exist" in teks and "database" in teks:
        return DatabaseBermasalah(f"Basis data di server tidak ada: {db.label}")
    return None
