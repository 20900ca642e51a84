"""An indicator's value derived from the two counts stored for it (DOMAIN.md, "Indicators").

The source stores raw counts and publishes the percentage rounded to two places; capaian is
then computed from that rounded value, exactly as the source's tables do (peningkatan 2,69%
against a target of 1,22% → capaian 220,49%).
"""

from __future__ import annotations

from decimal import Decimal

from ..angka import format_angka
from ..domain import JenisIndikator
from .errors import KomponenTidakSah
from .pembulatan import bulat

__all__ = ["nilai_dari_komponen"]

_SERATUS = Decimal(100)

_NAMA_KOMPONEN = {
    JenisIndikator.PERSENTASE_PENINGKATAN: ("Jumlah tahun N", "Jumlah tahun N−1"),
    JenisIndikator.PERSENTASE_PENYELESAIAN: ("Bagian", "Keseluruhan"),
}


def nilai_dari_komponen(
    jenis: JenisIndikator, a: Decimal | None, b: Decimal | None
) -> Decimal | None:
    """Compute a derived indicator's value from its components, rounded half up to 2 places.

    * ``PERSENTASE_PENINGKATAN``: (a − b) / b × 100, a = count of year N, b = count of year
      N−1 (Renstra formula "Tahun N − Tahun N−1 / Tahun N−1 × 100%"). 10.269 vs 10.000 → 2,69.
    * ``PERSENTASE_PENYELESAIAN``: a / b × 100, a = the part (settled), b = the whole
      (existing). 10 of 10 → 100,00.

    Returns ``None`` when a component is missing or ``b`` is zero: no value, never 0.

    Raises:
        KomponenTidakSah: a count is negative, or (penyelesaian) the part exceeds the whole.
        ValueError: ``jenis`` is not derived from components (JUMLAH, NILAI, PREDIKAT).
    """
    if not jenis.dari_komponen:
        raise ValueError(f"Indikator berjenis {jenis.label!r} tidak dihitung dari komponen.")
    nama_a, nama_b = _NAMA_KOMPONEN[jenis]
    for nama, nilai in ((nama_a, a), (nama_b, b)):
        if nilai is not None and nilai < 0:
            raise KomponenTidakSah(f"{nama} tidak boleh negatif ({format_angka(nilai)}).")
    if a is None or b is None:
        return None
    if jenis is JenisIndikator.PERSENTASE_PENYELESAIAN and a > b:
        raise KomponenTidakSah(
            f"Bagian ({format_angka(a)}) lebih besar dari keseluruhan ({format_angka(b)})."
        )
    if b == 0:
        return None
    if jenis is JenisIndikator.PERSENTASE_PENINGKATAN:
        return bulat((a - b) * _SERATUS / b)
    return bulat(a * _SERATUS / b)
