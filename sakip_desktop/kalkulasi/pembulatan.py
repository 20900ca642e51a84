"""Rounding as the source's tables do it: half up, to two places by default."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

__all__ = ["bulat"]


def bulat(x: Decimal, tempat: int = 2) -> Decimal:
    """Round ``x`` half up (``ROUND_HALF_UP``) to ``tempat`` decimal places.

    The published SAKIP tables round 0,5 upwards (2,69 / 1,22 × 100 = 220,4918… → 220,49;
    x,xx5 → x,x(x+1)), not to even as Python's default does. Percentages and money are
    always ``Decimal``; a float is refused so that no binary fraction sneaks in.

    The precision is widened as needed, so a very large value never fails to round.

    Raises:
        TypeError: ``x`` is a float (or not a number).
        ValueError: ``x`` is NaN or infinite.
    """
    if isinstance(x, bool) or not isinstance(x, Decimal | int):
        raise TypeError(f"bulat() expects Decimal, got {type(x).__name__}")
    x = Decimal(x)
    if not x.is_finite():
        raise ValueError(f"Tidak dapat membulatkan {x}.")
    kuantum = Decimal(1).scaleb(-tempat)
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, x.adjusted() + tempat + 3)
        hasil = x.quantize(kuantum, rounding=ROUND_HALF_UP)
    return abs(hasil) if hasil.is_zero() else hasil
