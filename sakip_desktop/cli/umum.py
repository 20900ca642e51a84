"""What every command needs: the database, opened and brought to the current schema, and
the user a writing command acts as."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

from ..errors import AksesDitolak, DatabaseBermasalah, KesalahanPengguna
from ..services.pelaku import SISTEM, Pelaku
from ..services.pengguna import ada_pengguna, masuk
from ..storage import Database, url_bawaan
from ..storage.cadangan import (
    PengaturanCadangan,
    baca_pengaturan_cadangan,
    galat_berkas_rusak,
    periksa_berkas,
    periksa_sebelum_buka,
)
from ..storage.database import NAMA_APLIKASI, buat_url
from ..storage.migrasi import tingkatkan

ENV_SANDI = "SAKIP_PASSWORD"
ENV_SANDI_BARU = "SAKIP_NEW_PASSWORD"


def folder_data_cli(args: argparse.Namespace) -> Path:
    """The data folder (``--data-dir`` or the user's), without creating it."""
    if args.data_dir:
        return Path(args.data_dir)
    return Path(user_data_dir(NAMA_APLIKASI, appauthor=False))


def pengaturan_cadangan(args: argparse.Namespace) -> PengaturanCadangan:
    """The backup settings of this PC (``cadangan.json`` in the data folder)."""
    return baca_pengaturan_cadangan(folder_data_cli(args))


def buka_database(args: argparse.Namespace, *, boleh_buat: bool = True) -> Database:
    """Open ``--database`` (or the default), creating or upgrading its schema as needed.

    A ``--database`` file that does not exist is created only by commands that write
    (``boleh_buat``); a reading command refuses it, so a mistyped path is not silently
    turned into a new, empty database. A damaged or foreign SQLite file is refused before
    anything touches it, naming the newest good backup.
    """
    url = buat_url(args.database) if args.database else url_bawaan(args.data_dir)
    db = Database(url)
    try:
        if db.path is not None:
            if db.path.is_dir():
                raise DatabaseBermasalah(
                    f"Alamat basis data adalah folder, bukan berkas: {db.path}"
                )
            if args.database and not db.path.exists() and not boleh_buat:
                raise DatabaseBermasalah(f"Berkas basis data tidak ada: {db.path}")
            periksa_sebelum_buka(db.path, pengaturan_cadangan(args))
        try:
            tingkatkan(db)
        except DatabaseBermasalah as exc:
            if db.path is None or not db.path.exists():
                raise
            hasil = periksa_berkas(db.path, hanya_baca=False)
            if hasil.sah:
                raise
            raise galat_berkas_rusak(db.path, hasil.pesan or "", pengaturan_cadangan(args)) from exc
    except BaseException:
        db.tutup()
        raise
    return db


def baca_sandi(prompt: str, env: str = ENV_SANDI) -> str:
    """A password from ``env``, else typed at the terminal (hidden), else one line of
    standard input — never from the command line, where other users could read it."""
    nilai = os.environ.get(env)
    if nilai is not None:
        return nilai
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    baris = sys.stdin.readline() if sys.stdin is not None else ""
    if not baris:
        raise KesalahanPengguna(
            f"Sandi tidak diberikan: kirim lewat standar masukan (satu baris) atau {env}."
        )
    return baris.rstrip("\r\n")


def baca_sandi_baru(prompt: str = "Sandi baru: ", *, wajib: bool = True) -> str | None:
    """A new password: ``SAKIP_NEW_PASSWORD``, typed twice at a terminal, or the next line of
    standard input. None when none is given and ``wajib`` is False (then one is generated)."""
    nilai = os.environ.get(ENV_SANDI_BARU)
    if nilai is not None:
        return nilai
    if sys.stdin is not None and sys.stdin.isatty():
        pertama = getpass.getpass(prompt)
        if not pertama and not wajib:
            return None
        if getpass.getpass("Ulangi sandi baru: ") != pertama:
            raise KesalahanPengguna("Kedua sandi baru tidak sama.")
        return pertama
    baris = sys.stdin.readline() if sys.stdin is not None else ""
    if not baris:
        if wajib:
            raise KesalahanPengguna(
                f"Sandi baru tidak diberikan: kirim lewat standar masukan atau {ENV_SANDI_BARU}."
            )
        return None
    return baris.rstrip("\r\n")


def pelaku_cli(
    args: argparse.Namespace, db: Database, *, boleh_sandi_sementara: bool = False
) -> Pelaku:
    """The user a writing command acts as (``--user``; password from stdin/SAKIP_PASSWORD).

    A database with no accounts yet is in single-user mode: `SISTEM`, and ``--user`` is
    refused until the first administrator exists (``sakip pengguna tambah``). A database
    with accounts needs ``--user`` for every write, held to the same role rules as the
    window. An account whose password was reset must change it first
    (``boleh_sandi_sementara`` is for that one command).
    """
    sudah = getattr(args, "_pelaku", None)
    if sudah is not None:
        return sudah  # type: ignore[no-any-return]
    user = getattr(args, "user", None)
    if not ada_pengguna(db):
        if user:
            raise KesalahanPengguna(
                "Basis data ini belum memiliki akun pengguna, jadi --user belum dapat dipakai. "
                "Buat administrator pertama: sakip pengguna tambah --username NAMA "
                "--peran administrator (sandi dari stdin atau SAKIP_PASSWORD)."
            )
        return SISTEM
    if not user:
        raise AksesDitolak(
            "Basis data ini memakai akun pengguna: perintah yang mengubah data memerlukan "
            "--user NAMA (sandi dari stdin atau SAKIP_PASSWORD)."
        )
    hasil = masuk(db, user, baca_sandi(f"Sandi {user}: "))
    if hasil.harus_ganti_sandi and not boleh_sandi_sementara:
        raise KesalahanPengguna(
            f"Sandi akun {hasil.pelaku.username} harus diganti dulu: "
            f"sakip --user {hasil.pelaku.username} pengguna sandi"
        )
    args._pelaku = hasil.pelaku
    return hasil.pelaku
