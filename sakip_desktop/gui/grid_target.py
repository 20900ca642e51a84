"""Target grids: a node's indicators × the years of the Renstra, and × the four quarters.

Cells take Indonesian numbers ("1,28", "2.745") or a range ("95,92–96,89"); a refused
value is reported at once and the cell keeps its old value. The quarter grid warns where a
*nilai akhir* indicator's TW IV differs from the year, or an *akumulasi* indicator's
quarters do not add up to it. A grid of a node the acting user may not change is
read-only: no cell is editable, a forced edit is refused, and each cell's tooltip says why.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ..angka import AngkaTidakSah, parse_rentang
from ..kalkulasi import NilaiTarget, cek_target_triwulan
from ..services.target_baca import BarisGridTarget
from .model_pohon import teks_target

Indeks = QModelIndex | QPersistentModelIndex
Simpan = Callable[[uuid.UUID, int, int, NilaiTarget | None, NilaiTarget | None], bool]
"""(indikator_id, tahun, triwulan, lama, baru) -> saved?"""


def baca_sel(teks: str) -> NilaiTarget | None:
    """Parse what the user typed into a target cell; empty clears the target."""
    teks = teks.strip()
    if not teks or teks in {"-", "—"}:
        return None
    bawah, atas = parse_rentang(teks, nama_field="Target")
    return NilaiTarget(nilai=bawah, nilai_maks=atas)


class ModelGridTarget(QAbstractTableModel):
    """Rows: indicators. Columns: the years (``triwulan`` None) or TW I–IV + the year +
    a warning column (``triwulan`` mode, for one year)."""

    def __init__(self, simpan: Simpan, galat: Callable[[str], None]) -> None:
        super().__init__()
        self._simpan = simpan
        self._galat = galat
        self.baris: list[BarisGridTarget] = []
        self.tahun: list[int] = []
        self.tahun_triwulan: int | None = None
        self.boleh_ubah = False
        self.alasan_baca = ""
        """Why the grid is read-only ("Hanya baca: node ini milik …"), for the tooltips."""

    def setel(
        self,
        baris: list[BarisGridTarget],
        tahun: list[int],
        tahun_triwulan: int | None,
        boleh_ubah: bool,
        alasan_baca: str = "",
    ) -> None:
        self.beginResetModel()
        self.baris, self.tahun, self.tahun_triwulan = baris, tahun, tahun_triwulan
        self.boleh_ubah = boleh_ubah
        self.alasan_baca = "" if boleh_ubah else alasan_baca
        self.endResetModel()

    def sel(self, index: Indeks) -> tuple[uuid.UUID, int, int] | None:
        """(indikator_id, tahun, triwulan) of a target cell; None for the warning column."""
        if not index.isValid() or not 0 <= index.row() < len(self.baris):
            return None
        kunci = self._kunci(index.column())
        if kunci is None:
            return None
        return (self.baris[index.row()].indikator_id, kunci[0], kunci[1])

    def _kunci(self, kolom: int) -> tuple[int, int] | None:
        if self.tahun_triwulan is None:
            return (self.tahun[kolom], 0) if kolom < len(self.tahun) else None
        if kolom < 4:
            return (self.tahun_triwulan, kolom + 1)
        if kolom == 4:
            return (self.tahun_triwulan, 0)
        return None

    def rowCount(self, parent: Indeks = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.baris)

    def columnCount(self, parent: Indeks = QModelIndex()) -> int:
        if parent.isValid():
            return 0
        return len(self.tahun) if self.tahun_triwulan is None else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            b = self.baris[section]
            return f"{b.kode} ({b.satuan})" if b.satuan else b.kode
        if self.tahun_triwulan is None:
            return str(self.tahun[section])
        return ("TW I", "TW II", "TW III", "TW IV", f"Tahun {self.tahun_triwulan}", "Peringatan")[
            section
        ]

    def peringatan(self, b: BarisGridTarget) -> str | None:
        if self.tahun_triwulan is None:
            return None
        t = self.tahun_triwulan
        tahunan = b.nilai.get((t, 0))
        tw = [b.nilai[(t, q)].nilai if (t, q) in b.nilai else None for q in range(1, 5)]
        return cek_target_triwulan(b.agregasi, tahunan.nilai if tahunan else None, tw)

    def data(self, index: Indeks, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        b = self.baris[index.row()]
        kunci = self._kunci(index.column())
        if kunci is None:  # the warning column
            pesan = self.peringatan(b)
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return pesan or ""
            if role == Qt.ItemDataRole.ForegroundRole and pesan:
                return QBrush(QColor("#9a5b00"))
            return None
        nilai = b.nilai.get(kunci)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return teks_target(nilai, b.satuan)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if not self.boleh_ubah:
                return f"{b.nama}\n{self.alasan_baca or 'Hanya baca.'}"
            return f"{b.nama}\nKetik angka format Indonesia (1,28) atau rentang (95,92–96,89)."
        if role == Qt.ItemDataRole.BackgroundRole and self.peringatan(b) and kunci[1] in (0, 4):
            return QBrush(QColor("#fff4d6"))
        return None

    def flags(self, index: Indeks) -> Qt.ItemFlag:
        dasar = super().flags(index)
        if self.boleh_ubah and self._kunci(index.column()) is not None:
            return dasar | Qt.ItemFlag.ItemIsEditable
        return dasar

    def setData(self, index: Indeks, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        kunci = self._kunci(index.column())
        if kunci is None:
            return False
        if not self.boleh_ubah:
            self._galat(self.alasan_baca or "Hanya baca: target ini tidak dapat diubah.")
            return False
        b = self.baris[index.row()]
        try:
            baru = baca_sel(str(value))
        except AngkaTidakSah as exc:
            self._galat(exc.pesan)
            return False
        lama = b.nilai.get(kunci)
        if baru == lama:
            return False
        if not self._simpan(b.indikator_id, kunci[0], kunci[1], lama, baru):
            return False
        self.perbarui_sel(b.indikator_id, kunci, baru)
        return True

    def perbarui_sel(
        self, indikator_id: uuid.UUID, kunci: tuple[int, int], nilai: NilaiTarget | None
    ) -> None:
        """Show a value saved elsewhere (after undo/redo) without reloading the grid."""
        for r, b in enumerate(self.baris):
            if b.indikator_id != indikator_id:
                continue
            if nilai is None:
                b.nilai.pop(kunci, None)
            else:
                b.nilai[kunci] = nilai
            self.dataChanged.emit(self.index(r, 0), self.index(r, self.columnCount() - 1))
