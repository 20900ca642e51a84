"""Capaian bands: the label and colour a capaian is shown with.

Thresholds differ by pemda, so the bands are a settings table (``model.BandCapaian``, per
OPD). ``BAND_BAWAAN`` is the documented default (DOMAIN.md "Capaian bands"):
≥ 100 Sangat Berhasil · 75–< 100 Berhasil · 55–< 75 Cukup Berhasil · < 55 Kurang Berhasil.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["BAND_BAWAAN", "BandCapaian", "band_untuk"]


@dataclass(frozen=True, slots=True)
class BandCapaian:
    """A band: every capaian ≥ ``batas_bawah`` up to the next band's bound.

    ``warna`` is a hex colour ("#1b7f3b"). The lowest band also takes any capaian below its
    own bound (a negative capaian is "Kurang Berhasil", not unbanded).
    """

    batas_bawah: Decimal
    label: str
    warna: str


BAND_BAWAAN: tuple[BandCapaian, ...] = (
    BandCapaian(Decimal(100), "Sangat Berhasil", "#1b7f3b"),
    BandCapaian(Decimal(75), "Berhasil", "#2a9d8f"),
    BandCapaian(Decimal(55), "Cukup Berhasil", "#d08c00"),
    BandCapaian(Decimal(0), "Kurang Berhasil", "#c0392b"),
)
"""The default bands, highest first."""


def band_untuk(
    capaian: Decimal | None, bands: Sequence[BandCapaian] = BAND_BAWAAN
) -> BandCapaian | None:
    """The band ``capaian`` falls in: the highest ``batas_bawah`` ≤ capaian.

    A capaian below every bound falls in the lowest band. ``None`` for a ``None`` capaian
    (nothing measured) or when no band is configured. The order of ``bands`` is irrelevant.
    """
    if capaian is None or not bands:
        return None
    urut = sorted(bands, key=lambda b: b.batas_bawah, reverse=True)
    for band in urut:
        if capaian >= band.batas_bawah:
            return band
    return urut[-1]
