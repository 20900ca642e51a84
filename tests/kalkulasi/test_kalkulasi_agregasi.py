"""Quarterly aggregation: akumulasi, nilai akhir, rata-rata; an empty quarter is not zero."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip_desktop.domain import Agregasi, Polaritas
from sakip_desktop.kalkulasi import (
    NilaiTarget,
    bulat,
    capaian_tahunan,
    capaian_triwulan,
    cek_target_triwulan,
    hitung_capaian,
    realisasi_sampai,
    realisasi_tahun,
    target_sampai,
)
from sakip_desktop.kalkulasi import agregasi as modul_agregasi

AKU = Agregasi.AKUMULASI
AKHIR = Agregasi.NILAI_AKHIR
RATA = Agregasi.RATA_RATA
POS = Polaritas.POSITIF

BPJS_TARGET_TW = [D("1.01"), D("2.02"), D("3.17"), D("5.15")]


def test_tw1_terhadap_target_tahunan_sumber() -> None:
    # Realisasi anggaran dengan kinerja, TW I 2020: BPJS 1,01 / 5,15; UMK 0,50 / 2,40
    assert capaian_tahunan(AKHIR, [D("1.01")], D("5.15"), POS, sampai=1) == D("19.61")
    assert capaian_tahunan(AKHIR, [D("0.50")], D("2.40"), POS, sampai=1) == D("20.83")


def test_nilai_akhir_per_triwulan() -> None:
    realisasi = [D("1.01"), D("1.90"), None, None]
    assert capaian_triwulan(AKHIR, realisasi, BPJS_TARGET_TW, 1, POS) == D(100)
    assert capaian_triwulan(AKHIR, realisasi, BPJS_TARGET_TW, 2, POS) == D("94.06")
    # TW III not filled: no capaian, even though TW II was
    assert capaian_triwulan(AKHIR, realisasi, BPJS_TARGET_TW, 3, POS) is None
    assert realisasi_sampai(AKHIR, realisasi, 3) is None
    assert target_sampai(AKHIR, BPJS_TARGET_TW, 3) == D("3.17")


def test_nilai_akhir_tahunan_memakai_triwulan_terakhir_yang_terisi() -> None:
    realisasi = [D("1.01"), D("2.10"), None, None]
    assert realisasi_tahun(AKHIR, realisasi) == D("2.10")
    assert realisasi_tahun(AKHIR, realisasi, sampai=1) == D("1.01")
    assert realisasi_tahun(AKHIR, [None, None, None, None]) is None


def test_akumulasi() -> None:
    target = [D(50), D(50), D(50), D(42)]  # 192 orang in the year
    realisasi = [D(40), D(60), None, None]
    assert realisasi_sampai(AKU, realisasi, 2) == D(100)
    assert target_sampai(AKU, target, 2) == D(100)
    assert capaian_triwulan(AKU, realisasi, target, 2, POS) == D(100)
    assert capaian_tahunan(AKU, realisasi, D(192), POS) == D("52.08")
    # nothing realized yet is "—", not 0%
    assert capaian_triwulan(AKU, [None] * 4, target, 2, POS) is None
    assert realisasi_sampai(AKU, [D(0)], 1) == D(0)


def test_rata_rata_melewati_triwulan_kosong() -> None:
    realisasi = [D(80), D(90), None, D(100)]
    assert realisasi_tahun(RATA, realisasi) == D(90)  # not (80 + 90 + 0 + 100) / 4
    assert capaian_tahunan(RATA, realisasi, D(95), POS) == D("94.74")
    assert realisasi_sampai(RATA, realisasi, 3) == D(85)
    assert target_sampai(RATA, [D(1), D(2), None, None], 4) == D("1.50")
    assert realisasi_tahun(RATA, [D(1), D(1), D(2)]) == D("1.33")  # shown and used as 1,33
    assert realisasi_tahun(RATA, []) is None


def test_tahunan_dengan_target_rentang_dan_polaritas_negatif() -> None:
    rentang = NilaiTarget(D("95.92"), D("96.89"))
    assert capaian_tahunan(AKHIR, [D(96), D(97)], rentang, POS, sampai=1) == D(100)
    assert capaian_tahunan(AKU, [D(2), D(1)], D(5), Polaritas.NEGATIF) == D(140)


def test_triwulan_dan_panjang_tidak_sah() -> None:
    with pytest.raises(ValueError):
        realisasi_sampai(AKU, [D(1)], 0)
    with pytest.raises(ValueError):
        realisasi_sampai(AKU, [D(1)], 5)
    with pytest.raises(ValueError):
        realisasi_tahun(AKU, [D(1)] * 5)


def test_cek_target_bpjs_konsisten() -> None:
    assert cek_target_triwulan(AKHIR, D("5.15"), BPJS_TARGET_TW) is None


def test_cek_target_nilai_akhir_berbeda() -> None:
    pesan = cek_target_triwulan(AKHIR, D("2.50"), [D("0.50"), D(1), D("1.80"), D("2.40")])
    assert pesan is not None
    assert pesan.startswith("Target TW IV (2,40) berbeda dengan target tahunan (2,50).")


def test_cek_target_nilai_akhir_tw4_kosong() -> None:
    pesan = cek_target_triwulan(AKHIR, D("5.15"), [D("1.01"), D("2.02"), None, None])
    assert pesan is not None
    assert "TW IV belum diisi" in pesan and "5,15" in pesan


def test_cek_target_akumulasi() -> None:
    assert cek_target_triwulan(AKU, D(192), [D(50), D(50), D(50), D(42)]) is None
    pesan = cek_target_triwulan(AKU, D(2745), [D(700), D(700), D(700), D(600)])
    assert pesan == "Jumlah target TW I–IV (2.700) berbeda dengan target tahunan (2.745)."
    pesan = cek_target_triwulan(AKU, D(2745), [D(700), D(700), None, None])
    assert pesan is not None
    assert "(1.400)" in pesan and "TW III dan TW IV belum diisi" in pesan


@pytest.mark.parametrize("agregasi", list(Agregasi))
def test_cek_target_tidak_dapat_diperiksa(agregasi: Agregasi) -> None:
    assert cek_target_triwulan(agregasi, None, BPJS_TARGET_TW) is None
    assert cek_target_triwulan(agregasi, D(5), [None] * 4) is None


def test_cek_target_rata_rata_tidak_diperiksa() -> None:
    assert cek_target_triwulan(RATA, D(90), [D(1), D(2), D(3), D(4)]) is None


def test_docstring_memberi_contoh_setiap_aturan() -> None:
    teks = modul_agregasi.__doc__
    assert teks is not None
    for judul in ("Akumulasi", "Nilai akhir", "Rata-rata", "Contoh", "19,61%", "BUKAN nol"):
        assert judul in teks


nilai_tw = st.decimals(min_value=D(-10_000), max_value=D(10_000), places=2)
kuartal = st.lists(st.none() | nilai_tw, min_size=4, max_size=4)


@given(realisasi=kuartal, target=st.decimals(min_value=D("0.01"), max_value=D(10_000), places=2))
def test_tahunan_nilai_akhir_adalah_triwulan_terisi_terakhir(
    realisasi: list[D | None], target: D
) -> None:
    terisi = [v for v in realisasi if v is not None]
    hasil = capaian_tahunan(AKHIR, realisasi, target, POS)
    if not terisi:
        assert hasil is None
    else:
        assert hasil == bulat(terisi[-1] * 100 / target)
        assert hasil == hitung_capaian(terisi[-1], target, POS)


@given(realisasi=kuartal, n=st.integers(1, 4))
def test_triwulan_kosong_tidak_mengubah_akumulasi(realisasi: list[D | None], n: int) -> None:
    terisi = [v for v in realisasi[:n] if v is not None]
    hasil = realisasi_sampai(AKU, realisasi, n)
    assert hasil == (sum(terisi, D(0)) if terisi else None)
    # trailing empty quarters omitted or given as None: the same
    pendek = list(realisasi)
    while pendek and pendek[-1] is None:
        pendek.pop()
    assert realisasi_sampai(AKU, pendek, n) == hasil
    assert realisasi_tahun(AKU, pendek) == realisasi_tahun(AKU, realisasi)
    # and an empty quarter is not a zero for the mean
    if terisi:
        assert realisasi_sampai(RATA, realisasi, n) == bulat(sum(terisi, D(0)) / len(terisi))
