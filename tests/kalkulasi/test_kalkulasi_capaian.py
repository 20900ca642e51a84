"""Capaian against a target: the source's published figures, polarity, ranges, predicates."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip_desktop.domain import Polaritas
from sakip_desktop.kalkulasi import (
    SKALA_OPINI_BPK,
    NilaiTarget,
    bulat,
    hitung_capaian,
    hitung_capaian_predikat,
)

POS = Polaritas.POSITIF
NEG = Polaritas.NEGATIF


@pytest.mark.parametrize(
    ("realisasi", "target", "capaian"),
    [
        # LKjIP 2019 of Disnaker Lamongan, "Target, realisasi dan capaian kinerja sasaran"
        ("2.69", "1.22", "220.49"),  # peningkatan penempatan kerja sektor formal
        ("4.86", "4.82", "100.83"),  # peningkatan peserta BPJS Ketenagakerjaan
        ("2.25", "2.18", "103.21"),  # peningkatan pekerja menerima UMK
        ("100", "100", "100.00"),  # penyelesaian perselisihan kerja
        # 2020 TW I against the yearly target
        ("1.01", "5.15", "19.61"),  # BPJS
        ("0.50", "2.40", "20.83"),  # UMK
    ],
)
def test_angka_sumber(realisasi: str, target: str, capaian: str) -> None:
    assert hitung_capaian(D(realisasi), NilaiTarget(D(target)), POS) == D(capaian)


def test_target_boleh_decimal_langsung() -> None:
    assert hitung_capaian(D("2.69"), D("1.22"), POS) == D("220.49")


def test_hasil_dibulatkan_setengah_ke_atas() -> None:
    # exactly halfway at the third place: rounds up (half-even would give 12,34 and 100,00)
    assert hitung_capaian(D("0.12345"), D(1), POS) == D("12.35")
    assert hitung_capaian(D("1.00005"), D(1), POS) == D("100.01")


@pytest.mark.parametrize(
    ("realisasi", "capaian"),
    [
        ("4", "120.00"),
        ("5", "100.00"),
        ("6", "80.00"),
        ("10", "0.00"),
        ("12", "0.00"),
        ("0", "200.00"),
    ],
)
def test_polaritas_negatif(realisasi: str, capaian: str) -> None:
    # lower is better, target 5: (2T − R) / T × 100, never below 0
    assert hitung_capaian(D(realisasi), D(5), NEG) == D(capaian)


def test_polaritas_negatif_tidak_nol_saat_tepat_target() -> None:
    # the (T − R)/T formula some apps use would give 0 here
    assert hitung_capaian(D("5.50"), D("5.50"), NEG) == D(100)


def test_target_negatif_membalik_rumus() -> None:
    # a planned decrease of 5%: falling 6% is better than planned
    assert hitung_capaian(D(-6), D(-5), NEG) == D(120)
    assert hitung_capaian(D(2), D(-5), NEG) == D(0)
    # higher is better with a negative target: −4 beats −5
    assert hitung_capaian(D(-4), D(-5), POS) == D(120)


def test_polaritas_positif_tidak_dipotong_di_nol() -> None:
    # a fall of 1,5% against a planned rise of 1,28% is a real negative achievement
    assert hitung_capaian(D("-1.5"), D("1.28"), POS) == D("-117.19")


@pytest.mark.parametrize(
    "target",
    [None, NilaiTarget(), NilaiTarget(D(0)), NilaiTarget(D("0.00")), NilaiTarget(teks="WTP")],
)
@pytest.mark.parametrize("polaritas", [POS, NEG])
def test_tanpa_target_tidak_ada_capaian(target: NilaiTarget | None, polaritas: Polaritas) -> None:
    assert hitung_capaian(D(5), target, polaritas) is None


@pytest.mark.parametrize("polaritas", [POS, NEG])
def test_tanpa_realisasi_tidak_ada_capaian(polaritas: Polaritas) -> None:
    assert hitung_capaian(None, D("1.28"), polaritas) is None


def test_realisasi_nol_bukan_kosong() -> None:
    assert hitung_capaian(D(0), D("1.28"), POS) == D(0)


RENTANG = NilaiTarget(D("95.92"), D("96.89"))


@pytest.mark.parametrize(
    ("realisasi", "polaritas", "capaian"),
    [
        ("95.92", POS, "100.00"),
        ("96.50", POS, "100.00"),
        ("96.89", NEG, "100.00"),
        ("95.00", POS, "99.04"),  # 95 / 95,92
        ("97.50", POS, "100.63"),  # 97,5 / 96,89
        ("97.50", NEG, "99.37"),  # (2 × 96,89 − 97,5) / 96,89
        ("95.00", NEG, "100.96"),  # (2 × 95,92 − 95) / 95,92
    ],
)
def test_rentang(realisasi: str, polaritas: Polaritas, capaian: str) -> None:
    assert hitung_capaian(D(realisasi), RENTANG, polaritas) == D(capaian)


def test_rentang_dengan_batas_terdekat_nol() -> None:
    assert hitung_capaian(D(-1), NilaiTarget(D(0), D(5)), POS) is None
    assert hitung_capaian(D(3), NilaiTarget(D(0), D(5)), POS) == D(100)


def test_target_rentang_terbalik_ditolak() -> None:
    with pytest.raises(ValueError, match="lebih besar"):
        NilaiTarget(D("96.89"), D("95.92"))
    with pytest.raises(ValueError):
        NilaiTarget(None, D(5))


def test_sifat_nilai_target() -> None:
    assert RENTANG.is_rentang and not RENTANG.kosong
    assert NilaiTarget().kosong and NilaiTarget(teks="  ").kosong
    assert not NilaiTarget(D(1)).is_rentang
    assert not NilaiTarget(teks="WTP").kosong


def test_batas_atas() -> None:
    assert hitung_capaian(D("2.69"), D("1.22"), POS, batas_atas=D(120)) == D(120)
    assert hitung_capaian(D("1.01"), D("5.15"), POS, batas_atas=D(120)) == D("19.61")
    assert hitung_capaian(D(0), D(5), NEG, batas_atas=D(150)) == D(150)
    with pytest.raises(ValueError):
        hitung_capaian(D(1), D(1), POS, batas_atas=D(0))


@pytest.mark.parametrize(
    ("realisasi", "target", "capaian"),
    [
        ("WTP", "WTP", D(100)),
        ("WDP", "WTP", D(75)),
        ("wtp", " WDP ", D("133.33")),
        ("TW", "WTP", D(25)),
        (None, "WTP", None),
        ("WTP", None, None),
        ("Baik", "WTP", None),
    ],
)
def test_predikat(realisasi: str | None, target: str | None, capaian: D | None) -> None:
    assert hitung_capaian_predikat(realisasi, target, SKALA_OPINI_BPK) == capaian


def test_predikat_skala_sendiri_dan_skor_nol() -> None:
    skala = {"BB": D(4), "B": D(3), "D": D(0)}
    assert hitung_capaian_predikat("B", "BB", skala) == D(75)
    assert hitung_capaian_predikat("B", "D", skala) is None


def test_nilai_tak_hingga_ditolak() -> None:
    with pytest.raises(ValueError):
        hitung_capaian(D("Infinity"), D(1), POS)


angka = st.decimals(allow_nan=False, allow_infinity=False)
angka_opsional = st.none() | angka


@st.composite
def target_apa_saja(draw: st.DrawFn) -> NilaiTarget | None:
    jenis = draw(st.sampled_from(["none", "kosong", "tunggal", "rentang"]))
    if jenis == "none":
        return None
    if jenis == "kosong":
        return NilaiTarget()
    if jenis == "tunggal":
        return NilaiTarget(draw(angka))
    a, b = sorted([draw(angka), draw(angka)])
    return NilaiTarget(a, b)


@given(
    realisasi=angka_opsional,
    target=target_apa_saja(),
    polaritas=st.sampled_from(Polaritas),
    batas_atas=st.none() | st.decimals(min_value=D("0.01"), max_value=D(1000), places=2),
)
def test_tidak_pernah_gagal(
    realisasi: D | None, target: NilaiTarget | None, polaritas: Polaritas, batas_atas: D | None
) -> None:
    hasil = hitung_capaian(realisasi, target, polaritas, batas_atas=batas_atas)
    if realisasi is None or target is None or target.nilai is None:
        assert hasil is None
    if hasil is not None:
        assert bulat(hasil) == hasil  # two places
        if polaritas is NEG:
            assert hasil >= 0
        if batas_atas is not None:
            assert hasil <= batas_atas


@pytest.mark.parametrize("besar", [D("1E+100"), D("-1E+100"), D("1E-100")])
def test_angka_ekstrem(besar: D) -> None:
    assert hitung_capaian(besar, D("1E-50"), POS) is not None
    assert hitung_capaian(D(1), besar, NEG) is not None


@given(
    x=st.decimals(allow_nan=False, allow_infinity=False),
    tempat=st.integers(min_value=0, max_value=4),
)
def test_bulat_idempoten(x: D, tempat: int) -> None:
    sekali = bulat(x, tempat)
    assert bulat(sekali, tempat) == sekali
    assert abs(sekali - x) <= D("0.5") * D(10) ** -tempat


def test_bulat_setengah_ke_atas() -> None:
    assert bulat(D("2.345")) == D("2.35")
    assert bulat(D("-2.345")) == D("-2.35")  # half away from zero
    assert bulat(D("2.5"), 0) == D(3)
    assert bulat(D("220.4918")) == D("220.49")
    with pytest.raises(TypeError):
        bulat(2.345)  # type: ignore[arg-type]
