"""`sakip`: the headless command line. A user error prints one line and exits 1."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from ..errors import KesalahanPengguna
from . import bahasa, perintah_dasar

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
    sub = parser.add_subparsers(dest="perintah", metavar="PERINTAH", required=True)
    perintah_dasar.daftarkan(sub)
    return parser


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
