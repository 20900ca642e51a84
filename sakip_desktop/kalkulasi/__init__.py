"""The calculation engine: derived values, capaian, quarterly aggregation, bands, budget.

Pure Python on ``Decimal`` (no Qt, no database); every rule's docstring names its source.
"""

from .agregasi import (
    NAMA_TRIWULAN,
    capaian_tahunan,
    capaian_triwulan,
    cek_target_triwulan,
    realisasi_sampai,
    realisasi_tahun,
    target_sampai,
)
from .anggaran import persentase, porsi
from .band import BAND_BAWAAN, BandCapaian, band_untuk
from .capaian import SKALA_OPINI_BPK, hitung_capaian, hitung_capaian_predikat
from .errors import KomponenTidakSah
from .nilai import nilai_dari_komponen
from .pembulatan import bulat
from .target import NilaiTarget

__all__ = [
    "BAND_BAWAAN",
    "NAMA_TRIWULAN",
    "SKALA_OPINI_BPK",
    "BandCapaian",
    "KomponenTidakSah",
    "NilaiTarget",
    "band_untuk",
    "bulat",
    "capaian_tahunan",
    "capaian_triwulan",
    "cek_target_triwulan",
    "hitung_capaian",
    "hitung_capaian_predikat",
    "nilai_dari_komponen",
    "persentase",
    "porsi",
    "realisasi_sampai",
    "realisasi_tahun",
    "target_sampai",
]
