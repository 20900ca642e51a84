"""Renja: sasaran → program → kegiatan with indicators, targets and budget."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..hak import pasang_lencana_peran
from ..konteks import Konteks
from .tabel import HalamanTabel


class HalamanRenja(HalamanTabel):
    kunci = "renja"
    judul = "Renja"
    tabel = ("renja", "alokasi-anggaran", "refocusing")

    def __init__(self, konteks: Konteks, parent: QWidget | None = None) -> None:
        super().__init__(konteks, parent)
        self.lencana = pasang_lencana_peran(self, konteks)
        """Read-only badge for roles that never change the plan (the table itself is a view;
        indicators and targets are changed in Pohon Kinerja)."""
