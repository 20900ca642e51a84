"""Monitoring IKU, the eselon measurement pages, rencana aksi and budget with performance."""

from .tabel import HalamanTabel


class HalamanMonitoring(HalamanTabel):
    kunci = "monitoring"
    judul = "Monitoring IKU"
    tabel = (
        "monitoring-iku",
        "pengukuran-eselon-2",
        "pengukuran-eselon-3",
        "rencana-aksi",
        "realisasi-anggaran",
        "anggaran-kinerja",
    )
