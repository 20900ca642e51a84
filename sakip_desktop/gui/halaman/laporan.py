"""Pelaporan: every table the office prints, to screen, PDF and Excel."""

from ...services.tabel import DAFTAR_TABEL
from .tabel import HalamanTabel


class HalamanLaporan(HalamanTabel):
    kunci = "laporan"
    judul = "Tabel & ekspor"
    tabel = tuple(DAFTAR_TABEL)
