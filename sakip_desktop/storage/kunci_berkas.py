"""One program per database file on one PC: an OS lock on a sidecar file.

SQLite itself lets two programs write the same file safely, one transaction at a time,
but two windows of SAKIP Desktop on one file confuse their users (each shows stale data,
a restore in one pulls the file from under the other). So the window takes an exclusive
OS lock on ``<database>.kunci`` while it has the file open. The operating system drops
the lock when the process ends in any way — closed, crashed, killed — so a stale lock
never blocks the next start. The file's text (process id, computer, time) only makes the
message more helpful; the lock is what counts.

Limits: the lock is advisory and local. Programs that do not take it (a DB browser) are
not stopped, and on a network share the lock may not reach other computers.
"""

from __future__ import annotations

import os
import socket
import sys
from datetime import datetime
from pathlib import Path
from typing import IO

from ..errors import DatabaseBermasalah

AKHIRAN = ".kunci"
_POSISI_KUNCI_WINDOWS = 1 << 20
"""Windows locks byte ranges; lock one far past the text so others can still read it."""


class BerkasSedangDipakai(DatabaseBermasalah):
    """Another copy of the program on this PC has the database file open."""


def path_kunci(path_db: Path) -> Path:
    path_db = Path(path_db)
    return path_db.with_name(path_db.name + AKHIRAN)


def _kunci_os(berkas: IO[bytes]) -> None:
    """Take the exclusive lock without waiting; OSError when another process holds it."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        berkas.seek(_POSISI_KUNCI_WINDOWS)
        msvcrt.locking(berkas.fileno(), msvcrt.LK_NBLCK, 1)
        berkas.seek(0)
    else:
        import fcntl

        fcntl.flock(berkas.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _lepas_os(berkas: IO[bytes]) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        berkas.seek(_POSISI_KUNCI_WINDOWS)
        msvcrt.locking(berkas.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(berkas.fileno(), fcntl.LOCK_UN)


def _pemegang(path: Path) -> str:
    """What the holder wrote about itself, as a phrase for the message (may be empty)."""
    try:
        baris = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    if len(baris) < 3:
        return ""
    pid, komputer, sejak = baris[:3]
    try:
        waktu = datetime.fromisoformat(sejak).strftime("%d-%m-%Y %H:%M")
    except ValueError:
        waktu = sejak
    return f" (proses {pid} di {komputer}, sejak {waktu})"


class KunciBerkas:
    """The lock for one database file; use as a context manager or ambil()/lepas()."""

    def __init__(self, path_db: Path) -> None:
        self.path_db = Path(path_db)
        self.path = path_kunci(self.path_db)
        self._berkas: IO[bytes] | None = None

    @property
    def dipegang(self) -> bool:
        return self._berkas is not None

    def ambil(self) -> KunciBerkas:
        """Take the lock, or raise `BerkasSedangDipakai` saying who holds it."""
        if self._berkas is not None:
            return self
        try:
            berkas = open(self.path, "a+b")  # noqa: SIM115 - held open while locked
        except OSError as exc:
            raise DatabaseBermasalah(
                f"Tidak dapat membuat berkas kunci {self.path} ({exc.strerror}). "
                "Pastikan folder basis data dapat ditulisi."
            ) from exc
        try:
            _kunci_os(berkas)
        except OSError:
            berkas.close()
            raise BerkasSedangDipakai(
                f"Berkas basis data {self.path_db} sedang dibuka oleh SAKIP Desktop lain di "
                f"komputer ini{_pemegang(self.path)}. Tutup program itu dulu, atau pakai "
                "jendela yang sudah terbuka."
            ) from None
        berkas.seek(0)
        berkas.truncate()
        berkas.write(
            f"{os.getpid()}\n{socket.gethostname()}\n{datetime.now().isoformat()}\n".encode()
        )
        berkas.flush()
        self._berkas = berkas
        return self

    def lepas(self) -> None:
        """Release the lock (the sidecar file stays: deleting it would race a new holder)."""
        berkas, self._berkas = self._berkas, None
        if berkas is None:
            return
        try:
            _lepas_os(berkas)
        finally:
            berkas.close()

    def __enter__(self) -> KunciBerkas:
        return self.ambil()

    def __exit__(self, *_exc: object) -> None:
        self.lepas()
