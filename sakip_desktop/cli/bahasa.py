"""argparse in Bahasa Indonesia: its own messages translated, so a user error reads as one."""

from __future__ import annotations

import argparse

_TERJEMAHAN = {
    "usage: ": "penggunaan: ",
    "options": "opsi",
    "positional arguments": "argumen posisi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "%(prog)s: error: %(message)s\n": "%(prog)s: kesalahan: %(message)s\n",
    "the following arguments are required: %s": "argumen wajib belum diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan %(value)r tidak sah (pilih dari %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "nilai %(value)r tidak sah",
    "expected one argument": "memerlukan satu nilai",
    "expected at least one argument": "memerlukan paling sedikit satu nilai",
    "expected at most one argument": "memerlukan paling banyak satu nilai",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "not allowed with argument %s": "tidak boleh dipakai bersama argumen %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "ambiguous option: %(option)s could match %(matches)s": (
        "opsi %(option)s ambigu, bisa berarti %(matches)s"
    ),
    "can't open '%(filename)s': %(error)s": "tidak dapat membuka '%(filename)s': %(error)s",
}


def _terjemahkan(teks: str) -> str:
    return _TERJEMAHAN.get(teks, teks)


def pasang() -> None:
    """Route argparse's gettext lookups through the table above."""
    argparse._ = _terjemahkan  # type: ignore[attr-defined]
