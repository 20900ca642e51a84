"""Every kind of bad row is reported at its sheet, row and column, and nothing is written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sakip_desktop.domain import Peran
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.tc27 import ImporDitolak, JenisMasalah, impor_rencana, pratinjau_impor

PERENCANA = Pelaku("rina", Peran.PERENCANA)
LEMBAR = "T-C.27 Renstra"
DATA = 8  # first data row of the standard test sheet (title, 3 header rows, "(1) (2) …")


def _kode_tanpa_induk(b: list[dict[str, Any]]) -> tuple[int, str]:
    b.append(
        {
            "kode": "1.02.03.2.01",
            "uraian": "Kegiatan Tanpa Program",
            "indikator": "Jumlah Sesuatu",
            "target": {2017: "5 unit"},
        }
    )
    return DATA + len(b) - 1, "C"


def _sub_tanpa_induk(b: list[dict[str, Any]]) -> tuple[int, str]:
    b.append(
        {
            "kode": "1.02.01.2.09.0003",
            "uraian": "Sub Kegiatan Yatim",
            "indikator": "Jumlah Dokumen",
            "target": {2017: "1 dokumen"},
        }
    )
    return DATA + len(b) - 1, "C"


def _target_bukan_angka(b: list[dict[str, Any]]) -> tuple[int, str]:
    b[2]["target"][2019] = "1.28 %"  # a dot decimal: in Indonesian format that is not 1,28
    return DATA + 2, "K"


def _target_teks_di_antara_angka(b: list[dict[str, Any]]) -> tuple[int, str]:
    b[1]["target"][2018] = "menurun"
    return DATA + 1, "I"


def _pagu_bukan_angka(b: list[dict[str, Any]]) -> tuple[int, str]:
    b[3]["pagu"][2020] = "Rp dua miliar"
    return DATA + 3, "N"


def _kode_ganda(b: list[dict[str, Any]]) -> tuple[int, str]:
    b.append(
        {
            "kode": "1.02.02.2.02",
            "uraian": "Kegiatan Ditulis Dua Kali",
            "indikator": "Jumlah Lain",
            "target": {2017: "3 unit"},
        }
    )
    return DATA + len(b) - 1, "C"


def _kode_tidak_dikenal(b: list[dict[str, Any]]) -> tuple[int, str]:
    b[9]["kode"] = "1.2.A"
    return DATA + 9, "C"


KASUS: dict[str, tuple[Callable[[list[dict[str, Any]]], tuple[int, str]], JenisMasalah]] = {
    "kode tanpa induk": (_kode_tanpa_induk, JenisMasalah.KODE_TANPA_INDUK),
    "sub kegiatan tanpa induk": (_sub_tanpa_induk, JenisMasalah.KODE_TANPA_INDUK),
    "target bukan angka": (_target_bukan_angka, JenisMasalah.BUKAN_ANGKA),
    "teks di antara angka": (_target_teks_di_antara_angka, JenisMasalah.BUKAN_ANGKA),
    "pagu bukan angka": (_pagu_bukan_angka, JenisMasalah.BUKAN_ANGKA),
    "kode ganda": (_kode_ganda, JenisMasalah.KODE_GANDA),
    "kode tidak dikenal": (_kode_tidak_dikenal, JenisMasalah.KODE_TIDAK_DIKENAL),
}


@pytest.mark.parametrize("kasus", list(KASUS))
def test_baris_rusak_dilaporkan_dan_tidak_ada_yang_ditulis(
    kasus: str, db_demo, tc27, baris_contoh, tmp_path: Path, hitung
) -> None:
    ubah, jenis = KASUS[kasus]
    baris = baris_contoh()
    r, kolom = ubah(baris)
    berkas = tc27(tmp_path / "rusak.xlsx", baris)
    prat = pratinjau_impor(db_demo, berkas, opd="Dinas Kesehatan")
    galat = [m for m in prat.galat if m.jenis is jenis]
    assert galat, [str(m) for m in prat.masalah]
    assert (galat[0].lembar, galat[0].baris, galat[0].kolom) == (LEMBAR, r, kolom)
    assert not prat.bisa_diimpor
    sebelum = hitung(db_demo)
    with pytest.raises(ImporDitolak) as info:
        impor_rencana(db_demo, PERENCANA, berkas, opd="Dinas Kesehatan")
    assert f"baris {r}, kolom {kolom}" in info.value.pesan
    assert hitung(db_demo) == sebelum


def test_tahun_di_luar_periode(db, tc27, tmp_path: Path, hitung) -> None:
    """The title says 2016–2021; a sixth year column (2022) lies outside."""
    berkas = tc27(tmp_path / "tahun.xlsx", tahun=[2017, 2018, 2019, 2020, 2021, 2022])
    prat = pratinjau_impor(db, berkas, opd="Dinas Kesehatan")
    galat = [m for m in prat.galat if m.jenis is JenisMasalah.TAHUN_DI_LUAR_PERIODE]
    # target and Rp columns of Tahun-6 (2022): Q and R, reported on the header row
    assert [(m.baris, m.kolom) for m in galat] == [(4, "Q"), (4, "R")]
    assert "tahun 2022" in galat[0].pesan and "2016–2021" in galat[0].pesan
    sebelum = hitung(db)
    with pytest.raises(ImporDitolak):
        impor_rencana(db, PERENCANA, berkas, opd="Dinas Kesehatan", pemda="Kabupaten Lamongan")
    assert hitung(db) == sebelum


def test_tahun_di_luar_periode_renstra_yang_ada(db, tc27, tmp_path: Path) -> None:
    """Without a title period, the agency's existing Renstra sets the period."""
    impor_rencana(
        db, PERENCANA, tc27(tmp_path / "a.xlsx"), opd="Dinas Kesehatan", pemda="Kabupaten Lamongan"
    )
    berkas = tc27(tmp_path / "b.xlsx", judul=None, tahun=[2019, 2020, 2021, 2022, 2023])
    prat = pratinjau_impor(db, berkas, opd="Dinas Kesehatan")
    assert prat.periode == (2016, 2021)
    tahun = sorted(
        {m.pesan.split()[1] for m in prat.galat if m.jenis is JenisMasalah.TAHUN_DI_LUAR_PERIODE}
    )
    assert tahun == ["2022", "2023"]


def test_semua_masalah_sekaligus(db, tc27, baris_contoh, tmp_path: Path) -> None:
    baris = baris_contoh()
    letak = {(LEMBAR, *ubah(baris)) for ubah, _ in KASUS.values()}
    prat = pratinjau_impor(db, tc27(tmp_path / "rusak.xlsx", baris), opd="Dinas Kesehatan")
    assert letak <= {(m.lembar, m.baris, m.kolom) for m in prat.galat}
    assert all(str(m).startswith("Galat (lembar 'T-C.27 Renstra', baris ") for m in prat.galat)
