"""Pages whose capability a later step of the project fills: they say what will be there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..konteks import Konteks
from .dasar import Halaman


class HalamanSegera(Halaman):
    """Shows the page's title and a description of what it will hold."""

    def __init__(
        self, konteks: Konteks, kunci: str, judul: str, uraian: str, parent: QWidget | None = None
    ) -> None:
        self.kunci, self.judul = kunci, judul
        super().__init__(konteks, parent)
        tata = QVBoxLayout(self)
        kepala = QLabel(f"<h2>{judul}</h2>")
        teks = QLabel(uraian)
        teks.setWordWrap(True)
        teks.setTextFormat(Qt.TextFormat.RichText)
        teks.setObjectName("uraianSegera")
        catatan = QLabel(
            "<i>Halaman ini sedang disiapkan. Datanya sudah tersimpan di basis data dan dapat "
            "diolah lewat perintah <code>sakip</code>.</i>"
        )
        catatan.setWordWrap(True)
        for w in (kepala, teks, catatan):
            tata.addWidget(w)
        tata.addStretch(1)
