"""Which class makes which page. Pages are built on first visit (for a fast start).

A page lives in ``gui/halaman/<kunci>.py`` as a `Halaman` subclass whose ``kunci`` is the
page name; a page without its module yet shows what it will hold (`HalamanSegera`).
"""

from __future__ import annotations

import importlib
import inspect

from .halaman.daftar import entri
from .halaman.dasar import Halaman
from .halaman.segera import HalamanSegera
from .konteks import Konteks


def kelas_halaman(kunci: str) -> type[Halaman] | None:
    try:
        modul = importlib.import_module(f"{__package__}.halaman.{kunci}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__package__}.halaman.{kunci}":
            raise
        return None
    for _nama, kelas in inspect.getmembers(modul, inspect.isclass):
        if issubclass(kelas, Halaman) and kelas.kunci == kunci:
            return kelas
    return None


def buat_halaman(k: Konteks, kunci: str) -> Halaman:
    kelas = kelas_halaman(kunci)
    if kelas is not None:
        return kelas(k)
    e = entri(kunci)
    return HalamanSegera(k, e.kunci, e.judul, e.uraian)
