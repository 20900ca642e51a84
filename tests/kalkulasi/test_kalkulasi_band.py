"""Capaian bands (default table)."""

import re
from decimal import Decimal as D

import pytest

from sakip_desktop.kalkulasi import BAND_BAWAAN, BandCapaian, band_untuk


@pytest.mark.parametrize(
    ("capaian", "label"),
    [
        ("220.49", "Sangat Berhasil"),
        ("100.00", "Sangat Berhasil"),
        ("99.99", "Berhasil"),
        ("75", "Berhasil"),
        ("74.99", "Cukup Berhasil"),
        ("55", "Cukup Berhasil"),
        ("54.99", "Kurang Berhasil"),
        ("19.61", "Kurang Berhasil"),
        ("0", "Kurang Berhasil"),
        ("-117.19", "Kurang Berhasil"),
    ],
)
def test_band_bawaan(capaian: str, label: str) -> None:
    band = band_untuk(D(capaian))
    assert band is not None
    assert band.label == label


def test_tanpa_capaian_tanpa_band() -> None:
    assert band_untuk(None) is None
    assert band_untuk(D(100), []) is None


def test_warna_hex_berbeda() -> None:
    warna = [b.warna for b in BAND_BAWAAN]
    assert len(set(warna)) == 4
    assert all(re.fullmatch(r"#[0-9a-f]{6}", w) for w in warna)


def test_tabel_pengaturan_sendiri_tanpa_urutan() -> None:
    bands = [
        BandCapaian(D(0), "Rendah", "#ff0000"),
        BandCapaian(D(90), "Tinggi", "#00ff00"),
        BandCapaian(D(60), "Sedang", "#ffff00"),
    ]
    assert band_untuk(D(95), bands).label == "Tinggi"  # type: ignore[union-attr]
    assert band_untuk(D("89.99"), bands).label == "Sedang"  # type: ignore[union-attr]
    assert band_untuk(D(10), bands).label == "Rendah"  # type: ignore[union-attr]
