"""Budget percentages: realization against the ceiling (serapan) and shares of a total."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TypeVar

from .pembulatan import bulat

__all__ = ["persentase", "porsi"]

K = TypeVar("K")

_SERATUS = Decimal(100)


def persentase(bagian: Decimal | None, total: Decimal | None) -> Decimal | None:
    """``bagian`` / ``total`` × 100, rounded half up to 2 places.

    Serapan TW I 316.057.144 of 3.080.400.000 → 10,26. ``None`` when either is ``None`` or
    the total is zero (a "—" in the table, as the source prints for an unspent budget line
    with no realization).
    """
    if bagian is None or total is None or total.is_zero():
        return None
    return bulat(bagian * _SERATUS / total)


def porsi(nilai: Mapping[K, Decimal | None]) -> dict[K, Decimal | None]:
    """Each value's share of their total, in %, rounded half up to 2 places.

    3.080.400.000 / 50.000.000 / 195.000.000 / 150.000.000 → 88,63 / 1,44 / 5,61 / 4,32.
    A ``None`` value is left out of the total and has share ``None``; all shares are
    ``None`` when the total is zero. Shares are rounded one by one (as the source does), so
    they may not add up to exactly 100,00.
    """
    total = sum((v for v in nilai.values() if v is not None), Decimal(0))
    return {k: persentase(v, total) for k, v in nilai.items()}
