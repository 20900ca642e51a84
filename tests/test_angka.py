"""Indonesian number format: what the tables print and what the forms accept."""

from datetime import date, datetime
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip_desktop.angka import (
    KOSONG,
    AngkaTidakSah,
    format_angka,
    format_persen,
    format_rentang,
    format_rupiah,
    format_tanggal,
    parse_angka,
    parse_angka_opsional,
    parse_rentang,
)


@pytest.mark.parametrize(
    ("nilai", "teks"),
    [
        (D("1234567.89"), "1.234.567,89"),
        (192, "192"),
        (D(2745), "2.745"),
        (D("1.28"), "1,28"),
        (D("1.0"), "1"),
        (D("100.00"), "100"),
        (D("2.4"), "2,40"),
        (D("0.125"), "0,13"),  # half up
        (D("0.004"), "0"),
        (D("-0.001"), "0"),  # never "-0"
        (D("-1234.5"), "-1.234,50"),
        (D("1E+30"), "1.000.000.000.000.000.000.000.000.000.000"),
        (None, "—"),
    ],
)
def test_format_angka(nilai: D | int | None, teks: str) -> None:
    assert format_angka(nilai) == teks


def test_format_angka_desimal_tetap() -> None:
    assert format_angka(D("1234.5"), 2) == "1.234,50"
    assert format_angka(D("220.4918"), 1) == "220,5"
    assert format_angka(D("2.5"), 0) == "3"  # half up, not to even
    assert format_angka(D(100), 2) == "100,00"


def test_float_ditolak() -> None:
    with pytest.raises(TypeError):
        format_angka(1.28)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("nilai", "teks"),
    [(D("1.28"), "1,28%"), (D("220.49"), "220,49%"), (D(100), "100,00%"), (None, "—")],
)
def test_format_persen_dua_desimal(nilai: D | None, teks: str) -> None:
    assert format_persen(nilai) == teks


def test_format_persen_gaya_sumber() -> None:
    assert format_persen(D(100), None) == "100%"
    assert format_persen(D("61.36"), None) == "61,36%"
    assert format_persen(D("19.6117"), 1) == "19,6%"


@pytest.mark.parametrize(
    ("nilai", "teks"),
    [
        (D(3_080_400_000), "Rp 3.080.400.000"),
        (316_057_144, "Rp 316.057.144"),
        (D("3080400000.00"), "Rp 3.080.400.000"),
        (D("1500.5"), "Rp 1.500,50"),
        (D(-5000), "-Rp 5.000"),
        (D(0), "Rp 0"),
        (None, "—"),
    ],
)
def test_format_rupiah(nilai: D | int | None, teks: str) -> None:
    assert format_rupiah(nilai) == teks


def test_format_tanggal() -> None:
    assert format_tanggal(date(2020, 3, 31)) == "31 Maret 2020"
    assert format_tanggal(date(2021, 1, 2)) == "2 Januari 2021"
    assert format_tanggal(datetime(2020, 12, 31, 23, 59)) == "31 Desember 2020"
    assert format_tanggal(None) == KOSONG


def test_format_rentang() -> None:
    assert format_rentang(D("95.92"), D("96.89"), "%") == "95,92%–96,89%"
    assert format_rentang(D(10), D(12), "orang") == "10–12 orang"
    assert format_rentang(D("1.28"), None, "%") == "1,28%"
    assert format_rentang(D(2745), None) == "2.745"
    assert format_rentang(None, None, "%") == "—"


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        ("1,28", D("1.28")),
        ("1.234.567,89", D("1234567.89")),
        ("192", D(192)),
        ("-5", D(-5)),
        ("−5", D(-5)),
        ("  3.000 ", D(3000)),
        ("1.280", D(1280)),
        ("1,28%", D("1.28")),
        ("220,49 %", D("220.49")),
        ("Rp 3.080.400.000", D(3_080_400_000)),
        ("Rp3.080.400.000", D(3_080_400_000)),
        ("-Rp 5.000", D(-5000)),
        ("\xa01,28\xa0", D("1.28")),  # pasted from a spreadsheet
        ("0,5", D("0.5")),
    ],
)
def test_parse_angka(teks: str, nilai: D) -> None:
    hasil = parse_angka(teks)
    assert hasil == nilai


def test_parse_angka_menyimpan_desimal_yang_diketik() -> None:
    assert str(parse_angka("1,50")) == "1.50"
    assert str(parse_angka("-0")) == "0"


def test_parse_angka_bukan_angka() -> None:
    with pytest.raises(AngkaTidakSah) as info:
        parse_angka("abc", nama_field="Target")
    assert (
        info.value.pesan
        == 'Target: "abc" bukan angka. Gunakan format Indonesia, misalnya 1.234,56.'
    )
    assert str(info.value) == info.value.pesan
    assert info.value.nama_field == "Target"
    assert isinstance(info.value, ValueError)


def test_parse_angka_titik_desimal_ditolak_dengan_saran() -> None:
    with pytest.raises(AngkaTidakSah) as info:
        parse_angka("1.28", nama_field="Realisasi")
    pesan = info.value.pesan
    assert pesan.startswith('Realisasi: "1.28" bukan angka yang sah')
    assert "titik memisahkan ribuan" in pesan
    assert "Maksud Anda 1,28?" in pesan


def test_parse_angka_format_inggris_disarankan_ditukar() -> None:
    with pytest.raises(AngkaTidakSah, match=r"Maksud Anda 1\.234,56\?"):
        parse_angka("1,234.56")


@pytest.mark.parametrize(
    "teks", ["", "   ", "12.34.567", "1.2345", "1 000", "1e5", "٣", "+-5", "Rp", "5.", "1,2,3", "%"]
)
def test_parse_angka_ditolak(teks: str) -> None:
    with pytest.raises(AngkaTidakSah):
        parse_angka(teks, nama_field="Anggaran")


def test_parse_angka_kosong_menyebut_field() -> None:
    with pytest.raises(AngkaTidakSah, match=r"^Target: isian kosong"):
        parse_angka(" ", nama_field="Target")


def test_parse_angka_opsional() -> None:
    assert parse_angka_opsional("") is None
    assert parse_angka_opsional(None) is None
    assert parse_angka_opsional("—") is None
    assert parse_angka_opsional("0") == D(0)
    with pytest.raises(AngkaTidakSah):
        parse_angka_opsional("x")


@pytest.mark.parametrize(
    "teks",
    [
        "95,92–96,89",
        "95,92 - 96,89",
        "95,92-96,89",
        "95,92 s.d. 96,89",
        "95,92 sd 96,89",
        "95,92 s/d 96,89",
        "95,92% – 96,89%",
        "95,92 — 96,89",
        "95,92 sampai dengan 96,89",
    ],
)
def test_parse_rentang(teks: str) -> None:
    assert parse_rentang(teks) == (D("95.92"), D("96.89"))


def test_parse_rentang_satu_nilai_dan_negatif() -> None:
    assert parse_rentang("1,28") == (D("1.28"), None)
    assert parse_rentang("-5") == (D(-5), None)
    assert parse_rentang("-5 - -3") == (D(-5), D(-3))


def test_parse_rentang_terbalik_ditolak() -> None:
    with pytest.raises(AngkaTidakSah) as info:
        parse_rentang("96,89–95,92", nama_field="Target")
    assert info.value.pesan == "Target: batas bawah (96,89) lebih besar dari batas atas (95,92)."


@pytest.mark.parametrize("teks", ["1–2–3", "95,92 – abc", "s.d. 5"])
def test_parse_rentang_tidak_sah(teks: str) -> None:
    with pytest.raises(AngkaTidakSah):
        parse_rentang(teks)


dua_tempat = st.decimals(
    min_value=D("-1E15"), max_value=D("1E15"), places=2, allow_nan=False, allow_infinity=False
)


@given(dua_tempat)
def test_format_lalu_parse_kembali_sama(x: D) -> None:
    assert parse_angka(format_angka(x)) == x
    assert parse_angka(format_persen(x)) == x
    assert parse_angka(format_rupiah(x)) == x


@given(dua_tempat, dua_tempat)
def test_rentang_diformat_lalu_dibaca_kembali(a: D, b: D) -> None:
    lo, hi = sorted([a, b])
    assert parse_rentang(format_rentang(lo, hi, "%")) == (lo, hi)
