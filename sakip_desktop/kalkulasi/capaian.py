"""Capaian (achievement, %) of a realization against a target.

Rules (DOMAIN.md "Capaian and polarity", PermenPANRB 53/2014 as implemented by several
regencies; T target, R realisasi):

* Higher is better (``Polaritas.POSITIF``): R / T × 100. 2,69 vs 1,22 → 220,49.
* Lower is better (``Polaritas.NEGATIF``): (2T − R) / T × 100, the same as
  (1 + (1 − R/T)) × 100 of the civil-service performance rules, floored at 0.
  T 5, R 4 → 120; R 5 → 100; R 12 → 0 (not −140). (T − R)/T and T/R are avoided: the first
  gives 0 when R = T, the second divides by zero when R = 0.
* A negative target (a planned decrease, e.g. −5%) swaps the two formulas, so that doing
  better than the target still gives more than 100: lower is better, T −5, R −6 → 120.
  (Decided here; the sources only have positive targets.)
* No realization, or no / empty / zero target → ``None`` ("—"), never 0 and never an error.
* A range [low, high]: R within it → 100; outside it, the polarity's formula against the
  nearer bound. 95,92–96,89: R 96 → 100; R 95 → 95 / 95,92 × 100 = 99,04.
* ``batas_atas``: an optional cap (a per-pemda setting, e.g. 120); ``None`` = no cap.
  Higher-is-better results below 0 (a negative growth against a positive target) are kept
  as they are: they are real, not an artefact of the formula.
* Predicates (opini BPK "WTP", predikat "BB"): score(R) / score(T) × 100 through a scale.

Every result is rounded half up to 2 places, and so is the cap.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import MAX_EMAX, MIN_EMIN, Decimal, localcontext

from ..domain import Polaritas
from .pembulatan import bulat
from .target import NilaiTarget

__all__ = ["SKALA_OPINI_BPK", "hitung_capaian", "hitung_capaian_predikat"]

_NOL = Decimal(0)
_SERATUS = Decimal(100)

SKALA_OPINI_BPK: Mapping[str, Decimal] = {
    "WTP": Decimal(4),
    "WDP": Decimal(3),
    "TMP": Decimal(2),
    "TW": Decimal(1),
}
"""Default scale of BPK audit opinions: Wajar Tanpa Pengecualian 4, Wajar Dengan
Pengecualian 3, Tidak Memberikan Pendapat 2, Tidak Wajar 1."""


def _rumus(r: Decimal, t: Decimal, polaritas: Polaritas) -> Decimal | None:
    """The polarity's formula against a single non-zero bound, unrounded; None for T = 0."""
    if t.is_zero():
        return None
    rasio = polaritas is Polaritas.POSITIF
    if t < 0:  # a planned decrease: doing better must still give more than 100
        rasio = not rasio
    with localcontext() as ctx:
        ctx.prec = 60
        ctx.Emax, ctx.Emin = MAX_EMAX, MIN_EMIN
        return r * _SERATUS / t if rasio else (2 * t - r) * _SERATUS / t


def _sebagai_target(target: NilaiTarget | Decimal | None) -> NilaiTarget | None:
    if target is None or isinstance(target, NilaiTarget):
        return target
    return NilaiTarget(target)


def hitung_capaian(
    realisasi: Decimal | None,
    target: NilaiTarget | Decimal | None,
    polaritas: Polaritas,
    *,
    batas_atas: Decimal | None = None,
) -> Decimal | None:
    """Capaian of ``realisasi`` against ``target`` in %, rounded half up to 2 places.

    Args:
        realisasi: the realization (already rounded as published); ``None`` = not filled.
        target: a :class:`NilaiTarget` (number or range) or a bare ``Decimal``. A predicate
            target has no numeric capaian here (use :func:`hitung_capaian_predikat`).
        polaritas: higher or lower is better.
        batas_atas: optional cap (> 0); ``None`` = no cap.

    Returns:
        The capaian, or ``None`` when it cannot be measured (no realization; target absent,
        empty, zero or a predicate). Lower-is-better results are never below 0.

    Raises:
        ValueError: ``batas_atas`` is not positive, or a value is NaN or infinite.
    """
    if batas_atas is not None and not batas_atas > 0:
        raise ValueError(f"batas_atas must be positive, got {batas_atas}")
    nt = _sebagai_target(target)
    if realisasi is None or nt is None or nt.nilai is None:
        return None
    for v in (realisasi, nt.nilai, nt.nilai_maks, batas_atas):
        if v is not None and not v.is_finite():
            raise ValueError(f"Nilai {v} tidak dapat dihitung.")

    if nt.nilai_maks is not None and nt.nilai <= realisasi <= nt.nilai_maks:
        mentah: Decimal | None = _SERATUS
    elif nt.nilai_maks is not None and realisasi > nt.nilai_maks:
        mentah = _rumus(realisasi, nt.nilai_maks, polaritas)
    else:  # a single value, or below the range's lower bound
        mentah = _rumus(realisasi, nt.nilai, polaritas)
    if mentah is None:
        return None

    hasil = bulat(mentah)
    if polaritas is Polaritas.NEGATIF and hasil < 0:
        hasil = bulat(_NOL)
    if batas_atas is not None:
        hasil = min(hasil, bulat(batas_atas))
    return hasil


def _skor(teks: str | None, skala: Mapping[str, Decimal]) -> Decimal | None:
    if teks is None:
        return None
    kunci = teks.strip().casefold()
    for nama, skor in skala.items():
        if nama.strip().casefold() == kunci:
            return skor
    return None


def hitung_capaian_predikat(
    realisasi_teks: str | None,
    target_teks: str | None,
    skala: Mapping[str, Decimal] = SKALA_OPINI_BPK,
) -> Decimal | None:
    """Capaian of a text target: score(R) / score(T) × 100, rounded half up to 2 places.

    The lookup ignores case and surrounding spaces ("wtp" = "WTP"). WDP against a WTP
    target → 3 / 4 × 100 = 75,00.

    Returns:
        ``None`` when either text is absent or not in the scale, or the target scores 0.
    """
    skor_r = _skor(realisasi_teks, skala)
    skor_t = _skor(target_teks, skala)
    if skor_r is None or skor_t is None or skor_t.is_zero():
        return None
    return bulat(skor_r * _SERATUS / skor_t)
