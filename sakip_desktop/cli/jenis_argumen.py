"""Argument types with messages in Bahasa Indonesia."""

from __future__ import annotations

import argparse
from decimal import Decimal

from ..angka import AngkaTidakSah, parse_angka


def tahun(teks: str) -> int:
    try:
        nilai = int(teks)
    except ValueError:
        raise argparse.ArgumentTypeError(f"tahun harus angka empat digit, bukan {teks!r}") from None
    if not 1990 <= nilai <= 2100:
        raise argparse.ArgumentTypeError(f"tahun {nilai} tidak masuk akal")
    return nilai


def triwulan(teks: str) -> int:
    try:
        nilai = int(teks.strip().upper().replace("TW", "").strip() or "x")
    except ValueError:
        nilai = {"I": 1, "II": 2, "III": 3, "IV": 4}.get(teks.strip().upper(), 0)
    if not 1 <= nilai <= 4:
        raise argparse.ArgumentTypeError(f"triwulan harus 1, 2, 3 atau 4, bukan {teks!r}")
    return nilai


def angka(teks: str) -> Decimal:
    """A number in Indonesian format (1.234,5) or plain (1234.5 is refused as ambiguous)."""
    try:
        return parse_angka(teks)
    except AngkaTidakSah as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
