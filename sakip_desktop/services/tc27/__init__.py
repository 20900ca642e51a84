"""Renstra exchange: import from the T-C.27 spreadsheet of Permendagri 86/2017 (or the
``sakip-data/1`` file) with a preview, and export back to T-C.27.

Public API (docs/format-tc27.md):

* `pratinjau_impor(db, berkas, opd=…)` → `Pratinjau` (tree, counts, problems, differences)
* `impor_rencana(db, pelaku, berkas, opd=…, konfirmasi=…)` → `HasilImpor`
* `baca_pemetaan(db, berkas)` → `PemetaanKolom`; `simpan_pemetaan(db, pelaku, pemetaan)`
* `ekspor_tc27(db, tujuan, opd=…, tahun=…)` → Path
"""

from .ekspor import ekspor_tc27
from .impor import (
    HasilImpor,
    ImporDitolak,
    PerluKonfirmasi,
    Pratinjau,
    baca_pemetaan,
    impor_rencana,
    pratinjau_impor,
    simpan_pemetaan,
)
from .kolom import KolomPeta, PemetaanKolom, PeranKolom
from .rencana import IndikatorImpor, JenisMasalah, Masalah, NilaiImpor, NodeImpor, RencanaImpor
from .sinkron import Perubahan

__all__ = [
    "HasilImpor",
    "ImporDitolak",
    "IndikatorImpor",
    "JenisMasalah",
    "KolomPeta",
    "Masalah",
    "NilaiImpor",
    "NodeImpor",
    "PemetaanKolom",
    "PeranKolom",
    "PerluKonfirmasi",
    "Perubahan",
    "Pratinjau",
    "RencanaImpor",
    "baca_pemetaan",
    "ekspor_tc27",
    "impor_rencana",
    "pratinjau_impor",
    "simpan_pemetaan",
]
