"""Values inside T-C.27 cells: "192 orang", "1,28 %", "Rp 1.341.400.000", "95,92 – 96,89 %".

A T-C.27 table has no Satuan column: the unit is written in the target cell. These
functions split a cell into its number (or range, or predicate text) and its unit, and
write them back the same way for the export, so a round trip keeps both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ...angka import AngkaTidakSah, format_angka, parse_rentang
from .lembar import Sel
from .rencana import NilaiImpor

_KOSONG = {"", "-", "–", "—", "n/a", "na", "..."}
_RP = re.compile(r"\brp\.?\s*", re.IGNORECASE)
_DIGIT = re.compile(r"\d")


class NilaiSelTidakSah(ValueError):
    """A cell that is neither empty, a number, a range, nor a plain predicate text."""

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan


@dataclass(frozen=True)
class NilaiSel:
    """A cell split into its value and the unit written with it (None if none)."""

    nilai: NilaiImpor
    satuan: str | None


def kosong(sel: Sel) -> bool:
    return sel.nilai is None or (isinstance(sel.nilai, str) and sel.nilai.strip() in _KOSONG)


def _angka_sel(x: Decimal, persen: bool) -> NilaiSel:
    if persen:
        return NilaiSel(NilaiImpor(nilai=_rapi(x * 100)), "%")
    return NilaiSel(NilaiImpor(nilai=_rapi(x)), None)


def _rapi(x: Decimal) -> Decimal:
    """Drop float noise of spreadsheet numbers (1.2800000000000000266 → 1.28)."""
    q = x.quantize(Decimal("0.000001")) if x.as_tuple().exponent < -6 else x  # type: ignore[operator]
    q = q.normalize()
    return q.quantize(Decimal(1)) if q.as_tuple().exponent > 0 else q  # type: ignore[operator]


def urai_target(sel: Sel) -> NilaiSel | None:
    """A target or baseline cell; None when empty ("-" counts as empty).

    Raises:
        NilaiSelTidakSah: text with digits that is not a number or range in Indonesian
            format ("1.28" — the dot separates thousands —, "kurang dari 5").
    """
    if kosong(sel):
        return None
    if isinstance(sel.nilai, Decimal):
        return _angka_sel(sel.nilai, sel.persen)
    teks = re.sub(r"\s+", " ", str(sel.nilai)).strip()
    if not _DIGIT.search(teks):
        return NilaiSel(NilaiImpor(teks=teks), None)  # a predicate: "WTP", "BB", "Baik"
    satuan: str | None = None
    isi = teks
    if _RP.search(isi):
        satuan = "Rp"
        isi = _RP.sub("", isi)
    cocok = re.fullmatch(r"(.*\d)\s*([^\d]*?)", isi)
    assert cocok is not None  # isi holds a digit
    angka, akhir = cocok[1], cocok[2].strip()
    if "%" in angka or akhir.startswith("%"):
        satuan = "%"
        angka = angka.replace("%", "")
        akhir = akhir.lstrip("%").strip()
    if akhir:
        satuan = akhir
    try:
        lo, hi = parse_rentang(angka)
    except AngkaTidakSah as exc:
        raise NilaiSelTidakSah(f"{teks!r} bukan angka: {exc.pesan}") from None
    return NilaiSel(NilaiImpor(nilai=lo, nilai_maks=hi), satuan)


def urai_uang(sel: Sel) -> Decimal | None:
    """A pagu (Rp) cell; None when empty.

    Raises:
        NilaiSelTidakSah: anything but an amount of money.
    """
    hasil = urai_target(sel)
    if hasil is None:
        return None
    n = hasil.nilai
    if n.teks is not None or n.nilai_maks is not None or hasil.satuan not in (None, "Rp"):
        raise NilaiSelTidakSah(f"{sel.nilai!r} bukan jumlah rupiah")
    assert n.nilai is not None
    if n.nilai < 0:
        raise NilaiSelTidakSah(f"pagu {sel.nilai!r} negatif")
    return n.nilai


# --- writing ------------------------------------------------------------------------------------


def teks_persis(x: Decimal) -> str:
    """Indonesian format keeping every stored decimal (1,2845 stays 1,2845; 192 stays 192)."""
    x = _rapi(x)
    desimal = max(0, -x.as_tuple().exponent)  # type: ignore[operator]
    return format_angka(x, desimal)


def teks_target(n: NilaiImpor, satuan: str | None) -> str | None:
    """A target as a T-C.27 cell: "1,28%", "192 orang", "95,92%–96,89%", "WTP"."""
    if n.teks is not None:
        return n.teks
    if n.nilai is None:
        return None
    sat = (satuan or "").strip()
    if sat == "Rp":
        awal = "Rp "
        teks = awal + teks_persis(n.nilai)
        if n.nilai_maks is not None:
            teks += "–" + awal + teks_persis(n.nilai_maks)
        return teks
    persen = sat == "%"
    teks = teks_persis(n.nilai) + ("%" if persen else "")
    if n.nilai_maks is not None:
        teks += "–" + teks_persis(n.nilai_maks) + ("%" if persen else "")
    if sat and not persen:
        teks += f" {sat}"
    return teks
