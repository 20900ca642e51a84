"""The database connection: SQLite by default, any SQLAlchemy URL (PostgreSQL) instead.

One user action is one transaction (`Database.transaksi`): it commits whole or rolls back
whole, so a failed save leaves nothing half-changed. Several PCs on one PostgreSQL database
never overwrite each other silently: a save checks the versions its form was loaded with
(``versi_dimuat``) and the version counter of every updated row, and a refused save says
who changed the record, when, and both values (`KonflikVersi`). A committed write on
PostgreSQL announces itself (``NOTIFY sakip_berubah``) so other open windows refresh.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from ..errors import DatabaseBermasalah, KoneksiTerputus

NAMA_APLIKASI = "SAKIP Desktop"
NAMA_BERKAS = "sakip.sqlite3"
KANAL_PERUBAHAN = "sakip_berubah"
"""PostgreSQL channel on which every committed write is announced (payload: the writer's
`Database.penanda`, so a window can ignore its own writes)."""
BATAS_TUNGGU_SAMBUNG = 10
"""Seconds to wait for a server before saying it cannot be reached."""


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
            # pre_ping replaces a connection the server dropped (a short network outage)
            # before it is used; UTC keeps timestamps identical when rows move between
            # SQLite (naive) and PostgreSQL (timestamptz).
            kwargs["pool_pre_ping"] = True
            if self._url.get_backend_name() == "postgresql":
                kwargs["connect_args"] = {
                    "connect_timeout": BATAS_TUNGGU_SAMBUNG,
                    "options": "-c timezone=UTC",
                }
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.adalah_sqlite:
            event.listen(self.engine, "connect", _atur_sqlite)
        self._sesi = sessionmaker(self.engine, expire_on_commit=False)
        self.penanda = uuid.uuid4().hex
        """Identifies this program's writes in change announcements."""
        self.jejak_lokal = 0
        """Audit rows this Database committed (a change poller tells them from others')."""
        from .jejak import catat_perubahan
        from .konflik_versi import periksa_versi_dimuat

        event.listen(self._sesi, "before_flush", periksa_versi_dimuat)
        event.listen(self._sesi, "before_flush", catat_perubahan)
        event.listen(self._sesi, "after_flush", _hitung_tulis)

    @property
    def adalah_postgresql(self) -> bool:
        return self._url.get_backend_name() == "postgresql"

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
        self,
        pelaku: Any = None,
        *,
        alasan: str | None = None,
        audit: str = "rinci",
        versi_dimuat: Mapping[uuid.UUID, int] | None = None,
    ) -> Iterator[Session]:
        """One unit of work: commit at the end, roll back whole on any error.

        ``pelaku`` (a services.pelaku.Pelaku) and ``alasan`` go into the audit rows the
        session writes with the change; ``audit="ringkas"`` summarises a bulk load.
        ``versi_dimuat`` maps record ids to the version the user's form was loaded with: a
        record that has moved on since is refused with `KonflikVersi` (who, when, both
        values) instead of being overwritten. A row changed by another PC between this
        transaction's read and its write is refused the same way. A dropped server
        connection becomes `KoneksiTerputus`; nothing of the action is saved.
        """
        from .konflik_versi import konflik_dari_basi

        with self._sesi() as sesi:
            sesi.info.update(
                pelaku=pelaku,
                alasan=alasan,
                audit=audit,
                versi_dimuat=dict(versi_dimuat or {}),
                jejak_baru=0,
                ditulis=False,
            )
            try:
                with sesi.begin():
                    try:
                        yield sesi
                        sesi.flush()
                    except StaleDataError as exc:
                        raise konflik_dari_basi(self, sesi) from exc
                    if sesi.info["ditulis"] and self.adalah_postgresql:
                        sesi.execute(
                            text("SELECT pg_notify(:kanal, :penanda)"),
                            {"kanal": KANAL_PERUBAHAN, "penanda": self.penanda},
                        )
            except DBAPIError as exc:
                galat = terjemahkan_galat_db(exc, self)
                if galat is None:
                    raise
                raise galat from exc
            self.jejak_lokal += int(sesi.info["jejak_baru"])

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


def _hitung_tulis(sesi: Session, _konteks: Any) -> None:
    """after_flush: remember that this transaction wrote, and how many audit rows."""
    from ..model import JejakAudit

    sesi.info["ditulis"] = True
    sesi.info["jejak_baru"] = int(sesi.info.get("jejak_baru", 0)) + sum(
        1 for o in sesi.new if isinstance(o, JejakAudit)
    )


def tandai_tulis(sesi: Session, *, jejak: int = 0) -> None:
    """For writes that bypass the ORM (Core inserts): count them like a flush would."""
    sesi.info["ditulis"] = True
    sesi.info["jejak_baru"] = int(sesi.info.get("jejak_baru", 0)) + jejak


_TANDA_PUTUS = (
    "server closed the connection",
    "terminating connection",
    "connection is closed",
    "connection already closed",
    "consuming input failed",
    "connection is lost",
    "could not receive data from server",
    "could not send data to server",
    "ssl syscall error",
    "ssl connection has been closed",
    "no connection to the server",
    "connection reset by peer",
    "broken pipe",
)


def terjemahkan_galat_db(exc: DBAPIError, db: Database) -> DatabaseBermasalah | None:
    """Turn a driver error about the file or server into a message a user can act on.

    The most specific cause is tried first: psycopg words a wrong password or a missing
    database as "connection failed: … FATAL: …", which must not read as "server down".
    """
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
    if "password authentication failed" in teks or "no password supplied" in teks:
        return DatabaseBermasalah(f"Sandi atau nama pengguna server basis data salah ({db.label}).")
    if "role" in teks and "does not exist" in teks:
        return DatabaseBermasalah(
            f"Nama pengguna server basis data tidak dikenal oleh server ({db.label})."
        )
    if "does not exist" in teks and "database" in teks:
        return DatabaseBermasalah(
            f"Basis data di server tidak ada: {db.label}. Periksa namanya, atau minta "
            "pengelola server membuatnya (createdb)."
        )
    if "no pg_hba.conf entry" in teks:
        return DatabaseBermasalah(
            f"Server menolak sambungan dari PC ini ({db.label}): alamat PC belum diizinkan "
            "di pg_hba.conf server."
        )
    if "server does not support ssl" in teks:
        return DatabaseBermasalah(
            f"Server tidak mendukung SSL ({db.label}). Matikan pilihan SSL atau aktifkan SSL "
            "di server."
        )
    if (
        "failed to resolve host" in teks
        or "could not translate host name" in teks
        or ("name or service not known" in teks)
    ):
        return DatabaseBermasalah(
            f"Nama server tidak dikenal ({db.label}). Periksa penulisan nama atau alamat IP."
        )
    if exc.connection_invalidated or any(t in teks for t in _TANDA_PUTUS):
        return KoneksiTerputus(
            f"Sambungan ke server basis data terputus ({db.label}). Tidak ada yang tersimpan "
            "dari aksi ini; isian Anda tetap ada. Periksa jaringan, lalu coba simpan lagi."
        )
    if (
        "connection refused" in teks
        or "could not connect" in teks
        or "connection failed" in teks
        or "timeout expired" in teks
        or "timed out" in teks
    ):
        return DatabaseBermasalah(
            f"Server basis data tidak dapat dihubungi ({db.label}). Periksa jaringan dan "
            "pastikan server menyala."
        )
    return None
