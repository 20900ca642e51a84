"""Shared database mode: the PostgreSQL server this PC works on, and its password.

The settings (host, port, database, user, SSL) are a small JSON file in the data folder,
``server.json``. The password is never written there: it goes to the system keyring (Windows
Credential Manager, macOS Keychain, the Secret Service on Linux) through the ``keyring``
library, or — when no keyring is available, as on a headless PC — it is asked at each
start and kept in memory only.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy.engine import URL

from ..errors import DatabaseBermasalah, InputTidakSah, KesalahanPengguna
from .database import Database, folder_data

NAMA_BERKAS_SERVER = "server.json"
LAYANAN_KEYRING = "SAKIP Desktop (PostgreSQL)"
PORT_BAWAAN = 5432


@dataclass(frozen=True)
class PengaturanServer:
    """Where the shared database is. No password here, by design."""

    host: str
    database: str
    user: str
    port: int = PORT_BAWAAN
    ssl: bool = False

    def periksa(self) -> PengaturanServer:
        """The settings with spaces trimmed; refused when a field is empty or out of range."""
        host, database, user = self.host.strip(), self.database.strip(), self.user.strip()
        for nilai, nama in ((host, "host"), (database, "database"), (user, "user")):
            if not nilai:
                label = {"host": "Alamat server", "database": "Nama basis data"}
                raise InputTidakSah(f"{label.get(nama, 'Nama pengguna')} wajib diisi.", field=nama)
        if not 1 <= int(self.port) <= 65535:
            raise InputTidakSah(f"Port harus 1–65535, bukan {self.port}.", field="port")
        return PengaturanServer(host, database, user, int(self.port), bool(self.ssl))

    @property
    def kunci_keyring(self) -> str:
        """The keyring entry's name: one password per user, server and database."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    @property
    def label(self) -> str:
        return f"{self.database} di {self.host}:{self.port} (pengguna {self.user})"

    def url(self, sandi: str | None) -> str:
        """The SQLAlchemy URL (with the password, for the engine only — never stored)."""
        return URL.create(
            "postgresql+psycopg",
            username=self.user,
            password=sandi or None,
            host=self.host,
            port=self.port,
            database=self.database,
            query={"sslmode": "require" if self.ssl else "disable"},
        ).render_as_string(hide_password=False)


# --- the settings file ----------------------------------------------------------------------


def path_pengaturan_server(data_dir: str | os.PathLike[str] | None = None) -> Path:
    return folder_data(data_dir) / NAMA_BERKAS_SERVER


def baca_pengaturan_server(
    data_dir: str | os.PathLike[str] | None = None,
) -> PengaturanServer | None:
    """The saved server, or None when this PC works on its own SQLite file."""
    path = path_pengaturan_server(data_dir)
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return PengaturanServer(
            host=str(data["host"]),
            database=str(data["database"]),
            user=str(data["user"]),
            port=int(data.get("port", PORT_BAWAAN)),
            ssl=bool(data.get("ssl", False)),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise KesalahanPengguna(
            f"Pengaturan server basis data rusak ({path}); isi ulang di Pengaturan."
        ) from exc


def simpan_pengaturan_server(
    pengaturan: PengaturanServer, data_dir: str | os.PathLike[str] | None = None
) -> Path:
    """Write ``server.json`` (written whole or not at all). The password is not in it."""
    p = pengaturan.periksa()
    path = path_pengaturan_server(data_dir)
    sementara = path.with_suffix(".json.sementara")
    sementara.write_text(json.dumps(asdict(p), indent=2), encoding="utf-8")
    sementara.replace(path)
    return path


def hapus_pengaturan_server(data_dir: str | os.PathLike[str] | None = None) -> None:
    """Back to the local SQLite file (the keyring entry stays until `lupakan_sandi`)."""
    path_pengaturan_server(data_dir).unlink(missing_ok=True)


# --- the password in the system keyring -----------------------------------------------------


def keyring_tersedia() -> bool:
    """True when a real keyring backend is available (not the 'fail' or 'null' ones)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration: treat as absent
        return False
    if isinstance(backend, fail.Keyring):
        return False
    return float(getattr(backend, "priority", 0) or 0) > 0


def simpan_sandi(pengaturan: PengaturanServer, sandi: str) -> bool:
    """Keep the password in the system keyring; False when there is none (ask each start)."""
    if not keyring_tersedia():
        return False
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(LAYANAN_KEYRING, pengaturan.kunci_keyring, sandi)
    except KeyringError:
        return False
    return True


def ambil_sandi(pengaturan: PengaturanServer) -> str | None:
    """The kept password, or None (no keyring, nothing kept, or the keyring is locked)."""
    if not keyring_tersedia():
        return None
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(LAYANAN_KEYRING, pengaturan.kunci_keyring)
    except KeyringError:
        return None


def lupakan_sandi(pengaturan: PengaturanServer) -> None:
    if not keyring_tersedia():
        return
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError, KeyringError):
        keyring.delete_password(LAYANAN_KEYRING, pengaturan.kunci_keyring)


MintaSandi = Callable[[PengaturanServer], str | None]
"""Asks the user for the password (a dialog, or the terminal); None = cancelled."""


def url_server_tersimpan(
    data_dir: str | os.PathLike[str] | None, minta_sandi: MintaSandi | None = None
) -> str | None:
    """The URL of the saved server, or None when this PC has none (use the SQLite file).

    The password comes from the keyring, else from ``minta_sandi`` (the start dialog);
    a server that needs no password (trust, or a .pgpass file) works without one.
    """
    pengaturan = baca_pengaturan_server(data_dir)
    if pengaturan is None:
        return None
    sandi = ambil_sandi(pengaturan)
    if sandi is None and minta_sandi is not None:
        sandi = minta_sandi(pengaturan)
        if sandi is None:
            raise KesalahanPengguna("Sambungan ke server basis data dibatalkan.")
    return pengaturan.url(sandi)


# --- "Tes koneksi" ----------------------------------------------------------------------------


@dataclass(frozen=True)
class HasilUjiKoneksi:
    berhasil: bool
    pesan: str
    kosong: bool = False
    """The database exists but has no SAKIP tables yet (fill it by copying)."""
    perlu_ditingkatkan: bool = False


def uji_koneksi(url: str) -> HasilUjiKoneksi:
    """Connect, read the schema version, and say in one sentence what the user will get.

    Each way it fails has its own message (server down, wrong password, database missing,
    SSL, an unknown host, a schema newer than this program); an older schema is fine — it
    is upgraded when the program opens it.
    """
    from .migrasi import status_skema

    try:
        with Database(url) as db:
            status = status_skema(db)
    except DatabaseBermasalah as exc:
        return HasilUjiKoneksi(False, exc.pesan)
    if status.kosong:
        return HasilUjiKoneksi(
            True,
            "Tersambung. Basis data ini masih kosong: isi dengan menyalin basis data yang "
            "sudah ada (Salin basis data…), atau program akan membuat tabel baru saat dibuka.",
            kosong=True,
        )
    if not status.mutakhir:
        return HasilUjiKoneksi(
            True,
            f"Tersambung. Skema basis data lebih lama ({status.revisi}); program akan "
            "meningkatkannya saat dibuka. Perbarui program di semua PC lain juga.",
            perlu_ditingkatkan=True,
        )
    return HasilUjiKoneksi(True, "Tersambung. Skema basis data sesuai dengan program ini.")
