"""Indikator Kinerja Utama and the Renstra matrix, printable."""

from .tabel import HalamanTabel


class HalamanIku(HalamanTabel):
    kunci = "iku"
    judul = "Indikator Kinerja Utama"
    tabel = ("iku", "renstra")
