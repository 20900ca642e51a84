"""Indonesian number format: display and input (1.234.567,89 · 1,28% · Rp 3.080.400.000).

In Indonesian format a dot separates thousands and a comma marks decimals. Formatting and
parsing go through ``babel`` (locale ``id``); rounding is half up as in the source's tables.

Rules decided here:

* ``format_angka(x)`` without ``desimal`` shows a whole value without decimals (192 → "192",
  1,0 → "1") and any other value with exactly two (1,28 → "1,28", 2,4 → "2,40"), the way
  the published tables print targets and realizations.
* ``format_persen`` keeps two decimals by default, whole values too (100 → "100,00%"), so a
  column of capaian lines up; ``desimal=None`` gives the source's own style ("100%",
  "1,28%").
* ``format_rupiah`` shows no decimals unless the amount has sen (cents).
* ``parse_angka`` refuses "1.28": the dot is a thousands separator, so only groups of three
  digits may follow it ("1.280" is 1280); the message suggests "1,28".

This module is a leaf: it imports nothing from the rest of the application.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext

from babel.dates import format_date
from babel.numbers import NumberFormatError, format_decimal, parse_decimal

__all__ = [
    "KOSONG",
    "AngkaTidakSah",
    "format_angka",
    "format_persen",
    "format_rentang",
    "format_rupiah",
    "format_tanggal",
    "parse_angka",
    "parse_angka_opsional",
    "parse_rentang",
]

LOKAL = "id"
KOSONG = "—"
"""What is shown where there is no value (never "0")."""

_CONTOH = "Gunakan format Indonesia, misalnya 1.234,56."


class AngkaTidakSah(ValueError):
    """Text that is not a number in Indonesian format; ``pesan`` is shown to the user as is.

    Attributes:
        pesan: the Indonesian message (also ``str(error)``).
        teks: the text that was refused.
        nama_field: the field's name, if the caller gave one.
    """

    def __init__(self, pesan: str, teks: str = "", nama_field: str | None = None) -> None:
        super().__init__(pesan)
        self.pesan = pesan
        self.teks = teks
        self.nama_field = nama_field


# --- display ---------------------------------------------------------------------------------


def _ke_decimal(x: Decimal | int) -> Decimal:
    if isinstance(x, bool) or not isinstance(x, Decimal | int):
        raise TypeError(f"expected Decimal or int, got {type(x).__name__}")
    x = Decimal(x)
    if not x.is_finite():
        raise ValueError(f"cannot format {x}")
    return x


def _bulat(x: Decimal, tempat: int) -> Decimal:
    """Half-up rounding with enough precision for any size (same rule as kalkulasi.bulat)."""
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, x.adjusted() + tempat + 3)
        hasil = x.quantize(Decimal(1).scaleb(-tempat), rounding=ROUND_HALF_UP)
    return abs(hasil) if hasil.is_zero() else hasil  # never "-0"


def _babel(x: Decimal, desimal: int) -> str:
    pola = "#,##0" + ("." + "0" * desimal if desimal > 0 else "")
    nilai = _bulat(x, desimal)
    with localcontext() as ctx:  # babel quantizes again in the current context
        ctx.prec = max(ctx.prec, nilai.adjusted() + desimal + 3)
        ctx.rounding = ROUND_HALF_UP
        return format_decimal(nilai, format=pola, locale=LOKAL)


def _desimal_otomatis(x: Decimal) -> int:
    """Zero places for a value that is whole once rounded to 2 places, else two."""
    return 0 if _bulat(x, 2) == _bulat(x, 0) else 2


def format_angka(x: Decimal | int | None, desimal: int | None = None) -> str:
    """Format a number the Indonesian way: ``1234567.89`` → ``"1.234.567,89"``.

    Args:
        x: the value; ``None`` gives ``"—"``.
        desimal: fixed number of decimals (half-up rounding). ``None``: a whole value
            without decimals (192 → "192", 1,00 → "1"), any other with two (1,28 → "1,28",
            2,4 → "2,40", 0,125 → "0,13").
    """
    if x is None:
        return KOSONG
    nilai = _ke_decimal(x)
    return _babel(nilai, _desimal_otomatis(nilai) if desimal is None else desimal)


def format_persen(x: Decimal | int | None, desimal: int | None = 2) -> str:
    """Format a percentage: ``220.4918`` → ``"220,49%"``, ``None`` → ``"—"``.

    Two decimals by default, whole values too (``100`` → ``"100,00%"``), so capaian and
    targets line up in a column. ``desimal=None`` follows :func:`format_angka`
    (``100`` → ``"100%"``, ``1.28`` → ``"1,28%"``), the style of the source's tables.
    """
    if x is None:
        return KOSONG
    return format_angka(x, desimal) + "%"


def format_rupiah(x: Decimal | int | None) -> str:
    """Format money: ``3080400000`` → ``"Rp 3.080.400.000"``; sen only when present.

    ``1500.5`` → ``"Rp 1.500,50"``; ``-5000`` → ``"-Rp 5.000"``; ``None`` → ``"—"``.
    """
    if x is None:
        return KOSONG
    nilai = _bulat(_ke_decimal(x), 2)
    teks = _babel(abs(nilai), _desimal_otomatis(nilai))
    return ("-" if nilai < 0 else "") + "Rp " + teks


def format_rentang(
    lo: Decimal | int | None,
    hi: Decimal | int | None,
    satuan: str | None = None,
    desimal: int | None = None,
) -> str:
    """Format a target range: ``"95,92%–96,89%"``, ``"10–12 orang"``; one value if ``hi`` is None.

    The unit "%" is written after each bound without a space, any other unit once at the end
    after a space. ``lo`` None gives ``"—"``.
    """
    if lo is None:
        return KOSONG
    persen = satuan is not None and satuan.strip() == "%"

    def satu(v: Decimal | int) -> str:
        return format_angka(v, desimal) + ("%" if persen else "")

    teks = satu(lo) if hi is None else f"{satu(lo)}–{satu(hi)}"
    if satuan and not persen:
        teks += f" {satuan.strip()}"
    return teks


def format_tanggal(d: date | None) -> str:
    """Format a date with the Indonesian month name: ``date(2020, 3, 31)`` → ``"31 Maret 2020"``."""
    if d is None:
        return KOSONG
    return format_date(d, "d MMMM y", locale=LOKAL)


# --- input -----------------------------------------------------------------------------------

_BENTUK = re.compile(
    r"(?P<tanda1>[+-]?)\s*(?:rp\.?\s*)?(?P<tanda2>[+-]?)(?P<angka>[^\s%]*)\s*%?",
    re.IGNORECASE,
)
_ANGKA = re.compile(r"[0-9.,]+")


def _awalan(nama_field: str | None) -> str:
    return f"{nama_field}: " if nama_field else ""


def _tolak(teks: str, nama_field: str | None, alasan: str) -> AngkaTidakSah:
    return AngkaTidakSah(f'{_awalan(nama_field)}"{teks}" {alasan}', teks, nama_field)


def _parse_ketat(angka: str) -> Decimal | None:
    try:
        return parse_decimal(angka, locale=LOKAL, strict=True)
    except NumberFormatError:
        return None


def parse_angka(teks: str, *, nama_field: str | None = None) -> Decimal:
    """Read a number typed in Indonesian format.

    Accepts "1,28", "1.234.567,89", "192", "-5", "  3.000 ", "1,28%", "Rp 3.080.400.000"
    (and "−5" with a typographic minus). The decimals are kept as typed ("1,50" → 1.50).

    Raises:
        AngkaTidakSah: the text is empty or not a number in Indonesian format. A dot
            followed by anything but groups of three digits ("1.28") is refused with a
            suggestion ("Maksud Anda 1,28?"), since the dot separates thousands.
    """
    asli = teks
    bersih = teks.replace("\u2212", "-").replace("\xa0", " ").replace("\u202f", " ").strip()
    if not bersih:
        raise AngkaTidakSah(
            f"{_awalan(nama_field)}isian kosong. Masukkan angka, misalnya 1.234,56.",
            asli,
            nama_field,
        )
    cocok = _BENTUK.fullmatch(bersih)
    if (
        cocok is None
        or not _ANGKA.fullmatch(cocok["angka"])
        or (cocok["tanda1"] and cocok["tanda2"])
    ):
        raise _tolak(bersih, nama_field, f"bukan angka. {_CONTOH}")
    angka = cocok["angka"]
    tanda = "-" if "-" in (cocok["tanda1"], cocok["tanda2"]) else ""
    nilai = _parse_ketat(angka)
    if nilai is None:
        if "." in angka:
            tukar = angka.translate(str.maketrans(".,", ",."))
            if _parse_ketat(tukar) is not None:
                saran = f"Maksud Anda {tanda}{tukar}?"
            else:
                saran = "Setelah titik harus ada tepat tiga angka, misalnya 1.234.567."
            raise _tolak(
                bersih,
                nama_field,
                "bukan angka yang sah: dalam format Indonesia titik memisahkan ribuan dan "
                f"koma menandai desimal. {saran}",
            )
        raise _tolak(bersih, nama_field, f"bukan angka. {_CONTOH}")
    if tanda:
        nilai = -nilai
    return abs(nilai) if nilai.is_zero() else nilai


def parse_angka_opsional(teks: str | None, *, nama_field: str | None = None) -> Decimal | None:
    """Like :func:`parse_angka`, but an empty field (or "—") is ``None``: no value, not zero."""
    if teks is None or teks.strip() in ("", KOSONG, "-"):
        return None
    return parse_angka(teks, nama_field=nama_field)


# A range separator: "s.d.", "s/d", "sd", "sampai (dengan)", an en or em dash, or a hyphen that
# follows a digit or "%" (so the minus of "-5" is not taken for one).
_PEMISAH_RENTANG = re.compile(
    r"\s*(?:s\s*[./]?\s*d\.?|sampai(?:\s+dengan)?|[–—]|(?<=[\d%])\s*-)\s*", re.IGNORECASE
)


def parse_rentang(teks: str, *, nama_field: str | None = None) -> tuple[Decimal, Decimal | None]:
    """Read a target that is one value or a range: ``(lo, hi)``, ``hi`` None for one value.

    Accepts "95,92–96,89", "95,92 - 96,89", "95,92 s.d. 96,89", "95,92 sd 96,89",
    "95,92% – 96,89%" and a single value ("1,28").

    Raises:
        AngkaTidakSah: a bound is not a number, there are more than two, or the lower bound
            is above the upper one.
    """
    bagian = _PEMISAH_RENTANG.split(teks.strip())
    if len(bagian) > 2:
        raise _tolak(
            teks.strip(),
            nama_field,
            "bukan rentang yang sah: tulis dua angka, misalnya 95,92–96,89.",
        )
    lo = parse_angka(bagian[0], nama_field=nama_field)
    if len(bagian) == 1:
        return lo, None
    hi = parse_angka(bagian[1], nama_field=nama_field)
    if lo > hi:
        raise AngkaTidakSah(
            f"{_awalan(nama_field)}batas bawah ({format_angka(lo)}) lebih besar dari batas atas "
            f"({format_angka(hi)}).",
            teks,
            nama_field,
        )
    return lo, hi
