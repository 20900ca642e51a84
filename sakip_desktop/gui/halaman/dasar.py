"""What every page offers the main window: refresh, save, delete, find, print, undo."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import QWidget

from ..konteks import Konteks


class Halaman(QWidget):
    """A page of the window. Subclasses override what they support; the window's menus
    and shortcuts (Ctrl+S, Del, Ctrl+F, Ctrl+P, F5) call these."""

    kunci = ""
    judul = ""

    def __init__(self, konteks: Konteks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.k = konteks
        self.undo_stack = QUndoStack(self)
        self.setObjectName(f"halaman_{self.kunci}")
        self._basi = False
        """Data changed while the page was hidden: reload when it is shown again."""

    def segarkan(self) -> None:
        """Reload from the database (F5, year change, data changed elsewhere)."""

    def segarkan_bila_tampil(self) -> None:
        """Reload now when the page is visible, else on its next show: data changed
        elsewhere costs a hidden page nothing until the user returns to it."""
        if self.isVisible():
            self._basi = False
            self.segarkan()
        else:
            self._basi = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._basi:
            self._basi = False
            self.segarkan()

    def simpan(self) -> bool:
        """Save pending edits; True when saved or nothing to save."""
        return True

    def ada_perubahan(self) -> bool:
        """Unsaved edits that leaving the page would lose."""
        return False

    def buang_perubahan(self) -> None:
        """Discard unsaved edits (after the user chose to)."""

    def hapus(self) -> None:
        """Delete the selected item (Del)."""

    def cari(self) -> None:
        """Focus the page's search box (Ctrl+F)."""

    def cetak(self) -> None:
        """Print or export what the page shows (Ctrl+P)."""
        self.k.galat.emit("Cetak", "Halaman ini belum memiliki cetakan.")

    def simpan_keadaan(self, s: QSettings) -> None:
        """Remember splitter positions and the like."""

    def pulihkan_keadaan(self, s: QSettings) -> None:
        """Restore what `simpan_keadaan` stored."""
