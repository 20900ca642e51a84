"""Budget shares and absorption (realisasi anggaran), figures of the 2020 source."""

from decimal import Decimal as D

import pytest

from sakip_desktop.kalkulasi import persentase, porsi


def test_porsi_anggaran_per_sasaran() -> None:
    anggaran = {
        "Penempatan Kerja": D(3_080_400_000),
        "BPJS": D(50_000_000),
        "Perselisihan": D(195_000_000),
        "UMK": D(150_000_000),
    }
    assert porsi(anggaran) == {
        "Penempatan Kerja": D("88.63"),
        "BPJS": D("1.44"),
        "Perselisihan": D("5.61"),
        "UMK": D("4.32"),
    }


@pytest.mark.parametrize(
    ("realisasi", "pagu", "serapan"),
    [
        (316_057_144, 3_080_400_000, "10.26"),
        (13_900_000, 50_000_000, "27.80"),
        (24_694_000, 195_000_000, "12.66"),
        (0, 150_000_000, "0.00"),
    ],
)
def test_serapan_tw1(realisasi: int, pagu: int, serapan: str) -> None:
    assert persentase(D(realisasi), D(pagu)) == D(serapan)


def test_persentase_tanpa_nilai() -> None:
    assert persentase(None, D(150_000_000)) is None  # "—", not 0%
    assert persentase(D(5), None) is None
    assert persentase(D(5), D(0)) is None


def test_porsi_nilai_kosong_dan_total_nol() -> None:
    assert porsi({"a": D(3), "b": None, "c": D(1)}) == {"a": D(75), "b": None, "c": D(25)}
    assert porsi({"a": D(0), "b": D(0)}) == {"a": None, "b": None}
    assert porsi({}) == {}
