"""A target value as the engine sees it: a number, a range, or a predicate (text)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

__all__ = ["NilaiTarget"]


@dataclass(frozen=True, slots=True)
class NilaiTarget:
    """One target, as stored in ``Target`` (``nilai``, ``nilai_maks``, ``nilai_teks``).

    * a number: ``NilaiTarget(Decimal("1.28"))``;
    * a range when ``nilai_maks`` is set: ``nilai`` is the lower bound, ``nilai_maks`` the
      upper one (95,92%–96,89%); within it the target counts as met (DOMAIN.md);
    * a predicate when ``teks`` is set ("WTP", "BB"), scored through a scale.

    Raises:
        ValueError: a range without lower bound, or with the lower bound above the upper.
    """

    nilai: Decimal | None = None
    nilai_maks: Decimal | None = None
    teks: str | None = None

    def __post_init__(self) -> None:
        if self.nilai_maks is not None:
            if self.nilai is None:
                raise ValueError("Rentang target tanpa batas bawah.")
            if self.nilai_maks < self.nilai:
                raise ValueError(
                    f"Batas bawah rentang ({self.nilai}) lebih besar dari batas atas "
                    f"({self.nilai_maks})."
                )

    @property
    def is_rentang(self) -> bool:
        """True for a range (``nilai_maks`` set)."""
        return self.nilai_maks is not None

    @property
    def is_predikat(self) -> bool:
        """True for a text target ("WTP")."""
        return self.teks is not None and self.teks.strip() != ""

    @property
    def kosong(self) -> bool:
        """True when there is neither a number nor a text: nothing to compare against."""
        return self.nilai is None and not self.is_predikat
