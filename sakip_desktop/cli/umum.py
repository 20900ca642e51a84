"""What every command needs: the database, opened and brought to the current schema."""

from __future__ import annotations

import argparse

from ..errors import DatabaseBermasalah
from ..services.pelaku import SISTEM, Pelaku
from ..storage import Database, url_bawaan
from ..storage.database import buat_url
from ..storage.migrasi import tingkatkan


def buka_database(args: argparse.Namespace, *, boleh_buat: bool = True) -> Database:
    """Open ``--database`` (or the default), creating or upgrading its schema as needed.

    A ``--database`` file that does not exist is created only by commands that write
    (``boleh_buat``); a reading command refuses it, so a mistyped path is not silently
    turned into a new, empty database.
    """
    url = buat_url(args.database) if args.database else url_bawaan(args.data_dir)
    db = Database(url)
    if db.path is not None:
        if db.path.is_dir():
            raise DatabaseBermasalah(f"Alamat basis data adalah folder, bukan berkas: {db.path}")
        if args.database and not db.path.exists() and not boleh_buat:
            raise DatabaseBermasalah(f"Berkas basis data tidak ada: {db.path}")
    try:
        tingkatkan(db)
    except BaseException:
        db.tutup()
        raise
    return db


def pelaku_cli(args: argparse.Namespace, db: Database) -> Pelaku:
    """The user a writing command acts as (``--user``; password from stdin/SAKIP_PASSWORD).

    Until the users issue lands, and while a database has no user accounts, this is
    `SISTEM` (single-user mode).
    """
    return SISTEM
