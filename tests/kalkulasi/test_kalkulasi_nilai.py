"""Values derived from the two stored counts (persentase peningkatan / penyelesaian)."""

from decimal import Decimal as D

import pytest

from sakip_desktop.domain import JenisIndikator, Polaritas
from sakip_desktop.kalkulasi import KomponenTidakSah, hitung_capaian, nilai_dari_komponen

NAIK = JenisIndikator.PERSENTASE_PENINGKATAN
SELESAI = JenisIndikator.PERSENTASE_PENYELESAIAN


def test_peningkatan() -> None:
    # 10.269 placed this year against 10.000 last year → 2,69%
    assert nilai_dari_komponen(NAIK, D(10269), D(10000)) == D("2.69")


def test_peningkatan_negatif_bila_turun() -> None:
    assert nilai_dari_komponen(NAIK, D(9850), D(10000)) == D("-1.50")


def test_peningkatan_dibulatkan_setengah_ke_atas() -> None:
    # 1 / 800 × 100 = 0,125 → 0,13 (half-even would give 0,12)
    assert nilai_dari_komponen(NAIK, D(801), D(800)) == D("0.13")


def test_capaian_dihitung_dari_nilai_yang_dibulatkan() -> None:
    # 10.269,4 vs 10.000 is 2,694%; published 2,69 → capaian 220,49 as the source prints
    nilai = nilai_dari_komponen(NAIK, D("10269.4"), D(10000))
    assert nilai == D("2.69")
    assert hitung_capaian(nilai, D("1.22"), Polaritas.POSITIF) == D("220.49")


def test_penyelesaian() -> None:
    assert nilai_dari_komponen(SELESAI, D(10), D(10)) == D(100)
    assert nilai_dari_komponen(SELESAI, D(2), D(3)) == D("66.67")
    assert nilai_dari_komponen(SELESAI, D(0), D(4)) == D(0)


@pytest.mark.parametrize("jenis", [NAIK, SELESAI])
@pytest.mark.parametrize(("a", "b"), [(None, D(10)), (D(10), None), (None, None), (D(0), D(0))])
def test_tanpa_nilai(jenis: JenisIndikator, a: D | None, b: D | None) -> None:
    assert nilai_dari_komponen(jenis, a, b) is None


def test_peningkatan_dari_nol_tidak_dibagi() -> None:
    assert nilai_dari_komponen(NAIK, D(25), D(0)) is None


def test_bagian_lebih_besar_ditolak() -> None:
    with pytest.raises(KomponenTidakSah) as info:
        nilai_dari_komponen(SELESAI, D(12), D(10))
    assert info.value.pesan == "Bagian (12) lebih besar dari keseluruhan (10)."
    assert str(info.value) == info.value.pesan
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("jenis", [NAIK, SELESAI])
@pytest.mark.parametrize(("a", "b"), [(D(-5), D(10)), (D(5), D(-10)), (D(-5), None)])
def test_jumlah_negatif_ditolak(jenis: JenisIndikator, a: D | None, b: D | None) -> None:
    with pytest.raises(KomponenTidakSah, match="tidak boleh negatif"):
        nilai_dari_komponen(jenis, a, b)


@pytest.mark.parametrize(
    "jenis", [JenisIndikator.JUMLAH, JenisIndikator.NILAI, JenisIndikator.PREDIKAT]
)
def test_jenis_tanpa_komponen(jenis: JenisIndikator) -> None:
    with pytest.raises(ValueError):
        nilai_dari_komponen(jenis, D(1), D(2))
