"""Renja: sasaran → program → kegiatan with indicators, targets and budget."""

from .tabel import HalamanTabel


class HalamanRenja(HalamanTabel):
    kunci = "renja"
    judul = "Renja"
    tabel = ("renja", "alokasi-anggaran", "refocusing")
