"""`sakip`: the headless command line. A user error prints one line and exits 1."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import Any

from ..errors import KesalahanPengguna
from . import bahasa

Perintah = Callable[[argparse.Namespace], int]


def buat_parser() -> argparse.ArgumentParser:
    bahasa.pasang()
    parser = argparse.ArgumentParser(
        prog="sakip",
        description="SAKIP Desktop tanpa jendela: basis data, demo, pohon kinerja, capaian.",
    )
    parser.add_argument(
        "--database",
        metavar="URL_ATAU_PATH",
        help="berkas SQLite atau URL SQLAlchemy (bawaan: SAKIP_DATABASE_URL atau folder data)",
    )
    parser.add_argument(
        "--data-dir", metavar="FOLDER", help="folder data (basis data bawaan dan cadangan)"
    )
    parser.add_argument(
        "--user",
        metavar="NAMA",
        help="pengguna untuk perintah yang menulis (sandi dari stdin atau SAKIP_PASSWORD)",
    )
    sub = parser.add_subparsers(dest="perintah", metavar="PERINTAH", required=True)
    for modul in modul_perintah():
        modul.daftarkan(sub)
    return parser


def modul_perintah() -> list[Any]:
    """Every ``cli/perintah_*.py`` module, in name order; each has ``daftarkan(sub)``.

    Each area of the program adds its commands in its own module, so no shared list has
    to be edited (and the frozen build lists them in its hidden imports).
    """
    import pkgutil

    from .. import cli

    nama = sorted(
        m.name for m in pkgutil.iter_modules(cli.__path__) if m.name.startswith("perintah_")
    )
    return [importlib.import_module(f"{cli.__name__}.{n}") for n in nama]


def main(argv: Sequence[str] | None = None) -> int:
    parser = buat_parser()
    args = parser.parse_args(argv)
    jalankan: Perintah = args.jalankan
    try:
        return jalankan(args)
    except KesalahanPengguna as exc:
        print(f"Kesalahan: {exc.pesan}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Dibatalkan.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
