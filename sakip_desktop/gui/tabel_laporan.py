"""Showing a `TabelLaporan` on screen: the same description the PDF and XLSX are drawn from.

Header rows with merged cells become multi-line column titles ("Target" over "TW I"); group
rows span the table and are bold, as in print.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..services.tabel import JenisBaris, TabelLaporan, tata_kepala, teks_sel

Indeks = QModelIndex | QPersistentModelIndex


def judul_kolom(tabel: TabelLaporan) -> list[str]:
    """One title per column: the merged header cells above it, one per line."""
    n = len(tabel.kolom)
    bagian: list[list[str]] = [[] for _ in range(n)]
    for p in tata_kepala(tabel.kepala):
        for c in range(p.kolom, min(p.kolom + p.colspan, n)):
            if p.teks and (not bagian[c] or bagian[c][-1] != p.teks):
                bagian[c].append(p.teks)
    return ["\n".join(b) for b in bagian]


class ModelTabelLaporan(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.tabel: TabelLaporan | None = None
        self._judul: list[str] = []
        self._sel: list[list[tuple[int, object]]] = []

    def setel(self, tabel: TabelLaporan | None) -> None:
        self.beginResetModel()
        self.tabel = tabel
        self._judul = judul_kolom(tabel) if tabel else []
        self._sel = []
        if tabel is not None:
            for b in tabel.baris:
                posisi: list[tuple[int, object]] = []
                c = 0
                for s in b.sel:
                    posisi.append((c, s))
                    c += s.colspan
                self._sel.append(posisi)
        self.endResetModel()

    def rentang(self) -> list[tuple[int, int, int]]:
        """(row, column, colspan) of every merged body cell, for QTableView.setSpan."""
        return [
            (r, c, s.colspan)  # type: ignore[attr-defined]
            for r, baris in enumerate(self._sel)
            for c, s in baris
            if s.colspan > 1  # type: ignore[attr-defined]
        ]

    def rowCount(self, parent: Indeks = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.tabel is None else len(self.tabel.baris)

    def columnCount(self, parent: Indeks = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._judul)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._judul[section]
        return None

    def _sel_di(self, index: Indeks):  # type: ignore[no-untyped-def]
        for c, s in self._sel[index.row()]:
            if c == index.column():
                return s
        return None

    def data(self, index: Indeks, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self.tabel is None:
            return None
        s = self._sel_di(index)
        if s is None:
            return None
        baris = self.tabel.baris[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            teks = teks_sel(s)
            return ("    " * s.indent + teks) if role == Qt.ItemDataRole.DisplayRole else teks
        if role == Qt.ItemDataRole.TextAlignmentRole:
            rata = Qt.AlignmentFlag.AlignRight if s.rata_kanan else Qt.AlignmentFlag.AlignLeft
            return int(rata | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (s.tebal or baris.tebal):
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.BackgroundRole and baris.jenis is JenisBaris.GRUP:
            return QBrush(QColor("#e8efe9"))
        return None
