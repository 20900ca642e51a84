"""Page furniture shared by every PDF: "Halaman X dari Y" and the printed-on line."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..angka import format_tanggal
from .fon import HURUF, daftarkan_fon


def kanvas_bernomor(teks_kiri: str | None = None) -> type:
    """A reportlab Canvas class that numbers pages "Halaman X dari Y" at the bottom right,
    and prints ``teks_kiri`` (e.g. "Dicetak 31 Maret 2020 — SAKIP Desktop") at the left.

    Two passes are not needed: pages are kept until save, then numbered with the total.
    """
    from reportlab.pdfgen.canvas import Canvas

    daftarkan_fon()
    kiri = teks_kiri or f"Dicetak {format_tanggal(date.today())} — SAKIP Desktop"

    class KanvasBernomor(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._halaman: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._halaman.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._halaman)
            for keadaan in self._halaman:
                self.__dict__.update(keadaan)
                self._kaki(total)
                super().showPage()
            super().save()

        def _kaki(self, total: int) -> None:
            lebar, _ = self._pagesize
            self.saveState()
            self.setFont(HURUF, 7.5)
            self.setFillGray(0.35)
            self.drawString(28, 18, kiri)
            self.drawRightString(lebar - 28, 18, f"Halaman {self._pageNumber} dari {total}")
            self.restoreState()

    return KanvasBernomor
