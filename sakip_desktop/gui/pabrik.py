"""Which class makes which page (pages are built on first visit, for a fast start)."""

from __future__ import annotations

from .halaman.daftar import entri
from .halaman.dasar import Halaman
from .halaman.segera import HalamanSegera
from .konteks import Konteks


def buat_halaman(k: Konteks, kunci: str) -> Halaman:
    if kunci == "pohon":
        from .halaman.pohon import HalamanPohon

        return HalamanPohon(k)
    e = entri(kunci)
    return HalamanSegera(k, e.kunci, e.judul, e.uraian)
