"""Every table the office prints, built from the database as a `TabelLaporan`.

`DAFTAR_TABEL` maps a stable name (what ``sakip export`` and the window's Export button use)
to its builder; `buat_tabel` opens a read session and builds one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ...errors import InputTidakSah, TidakDitemukan
from ...model import Opd
from ...storage import Database
from ..konteks import pilih_opd
from .aksi_risiko import tabel_rencana_aksi, tabel_risiko
from .anggaran import (
    tabel_alokasi_anggaran,
    tabel_anggaran_kinerja,
    tabel_realisasi_anggaran,
    tabel_refocusing,
)
from .dasar import (
    BarisTabel,
    FormatSel,
    JenisBaris,
    Kolom,
    PosisiKepala,
    SelKepala,
    SelTabel,
    TabelLaporan,
    tata_kepala,
    teks_sel,
)
from .pengukuran import (
    tabel_monitoring_iku,
    tabel_pengukuran_eselon_2,
    tabel_pengukuran_eselon_3,
)
from .perencanaan import tabel_iku, tabel_renstra
from .renja import tabel_renja

Pembangun = Callable[[Session, Opd, int, int | None], TabelLaporan]

__all__ = [
    "DAFTAR_TABEL",
    "BarisTabel",
    "FormatSel",
    "JenisBaris",
    "JenisTabel",
    "Kolom",
    "PosisiKepala",
    "SelKepala",
    "SelTabel",
    "TabelLaporan",
    "bangun_tabel",
    "buat_tabel",
    "jenis_tabel",
    "tata_kepala",
    "teks_sel",
]


@dataclass(frozen=True)
class JenisTabel:
    """One exportable table: its name, a description, its builder, and whether a quarter
    applies (``pakai_triwulan``: the builder takes a triwulan, None = the whole year)."""

    nama: str
    judul: str
    keterangan: str
    bangun: Pembangun
    pakai_triwulan: bool


DAFTAR_TABEL: dict[str, JenisTabel] = {
    j.nama: j
    for j in (
        JenisTabel(
            "renstra",
            "Matriks Renstra",
            "tujuan, sasaran, program dan target setiap tahun periode Renstra",
            tabel_renstra,
            False,
        ),
        JenisTabel(
            "iku",
            "Indikator Kinerja Utama",
            "IKU dengan formulasi, target tahun, penanggung jawab dan program pendukung",
            tabel_iku,
            False,
        ),
        JenisTabel(
            "renja",
            "Renja",
            "sasaran → program → kegiatan dengan indikator, target dan anggaran",
            tabel_renja,
            False,
        ),
        JenisTabel(
            "monitoring-iku",
            "Monitoring IKU",
            "target dan realisasi TW I–IV, capaian dan tindak lanjut setiap IKU",
            tabel_monitoring_iku,
            True,
        ),
        JenisTabel(
            "pengukuran-eselon-2",
            "Pengukuran Capaian Kinerja Eselon II",
            "IKU Kepala Dinas per triwulan dengan keterangan",
            tabel_pengukuran_eselon_2,
            True,
        ),
        JenisTabel(
            "pengukuran-eselon-3",
            "Pengukuran Capaian Kinerja Eselon III",
            "indikator program per bidang per triwulan",
            tabel_pengukuran_eselon_3,
            True,
        ),
        JenisTabel(
            "alokasi-anggaran",
            "Alokasi Anggaran per Sasaran",
            "pagu per sasaran/IKU dan porsinya",
            tabel_alokasi_anggaran,
            True,
        ),
        JenisTabel(
            "realisasi-anggaran",
            "Realisasi Anggaran per Sasaran",
            "% realisasi per triwulan dan serapan tahun",
            tabel_realisasi_anggaran,
            True,
        ),
        JenisTabel(
            "anggaran-kinerja",
            "Realisasi Anggaran dengan Kinerja",
            "capaian kinerja di samping serapan anggaran per IKU",
            tabel_anggaran_kinerja,
            True,
        ),
        JenisTabel(
            "rencana-aksi",
            "Rencana Aksi",
            "aksi per sasaran dan triwulan dengan target dan realisasi",
            tabel_rencana_aksi,
            True,
        ),
        JenisTabel(
            "refocusing",
            "Data Refocusing",
            "pemotongan pagu dengan pagu semula dan setelahnya",
            tabel_refocusing,
            False,
        ),
        JenisTabel(
            "risiko",
            "Manajemen Risiko",
            "register risiko: level, pernyataan, pemilik, penyebab, dampak, pengendalian",
            tabel_risiko,
            False,
        ),
    )
}


def jenis_tabel(nama: str) -> JenisTabel:
    try:
        return DAFTAR_TABEL[nama]
    except KeyError:
        daftar = ", ".join(DAFTAR_TABEL)
        raise TidakDitemukan(f"Tabel {nama!r} tidak dikenal. Pilih salah satu: {daftar}.") from None


def bangun_tabel(
    sesi: Session, opd: Opd, nama: str, tahun: int, triwulan: int | None = None
) -> TabelLaporan:
    """Build table ``nama`` inside an open session; refuses a quarter where none applies."""
    jenis = jenis_tabel(nama)
    if triwulan is not None and not jenis.pakai_triwulan:
        raise InputTidakSah(
            f"Tabel {jenis.judul} disusun per tahun; hapus --triwulan.", field="triwulan"
        )
    if triwulan is not None and not 1 <= triwulan <= 4:
        raise InputTidakSah(f"Triwulan harus 1–4, bukan {triwulan}.", field="triwulan")
    tabel = jenis.bangun(sesi, opd, tahun, triwulan)
    tabel.periksa()
    return tabel


def buat_tabel(
    db: Database, nama: str, tahun: int, triwulan: int | None = None, opd: str | None = None
) -> TabelLaporan:
    """Open a read session, choose the agency, and build table ``nama``."""
    with db.baca() as sesi:
        return bangun_tabel(sesi, pilih_opd(sesi, opd), nama, tahun, triwulan)
