"""Acting on the measurement pages as a user does: find a row, type in a cell, press Ctrl+S,
work as another position."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLineEdit

from sakip_desktop.gui.halaman.realisasi import HalamanRealisasi
from sakip_desktop.gui.jendela_utama import JendelaUtama


def baris(h: HalamanRealisasi, kode: str) -> int:
    """The model row of an indicator on the page (fails when it is not listed)."""
    for r in range(h.model.rowCount()):
        if h.model.entri(r).kode == kode:
            return r
    raise AssertionError(f"{kode} tidak ada di halaman Realisasi")


def sel(h: HalamanRealisasi, kode: str, kolom: int) -> str:
    """What a cell shows."""
    return str(h.model.index(baris(h, kode), kolom).data())


def ketik(
    qtbot, h: HalamanRealisasi, kode: str, kolom: int, teks: str, *, enter: bool = True
) -> QLineEdit:  # type: ignore[no-untyped-def]
    """Select a cell and type into it with the keyboard, as a user does."""
    indeks = h.saring.mapFromSource(h.model.index(baris(h, kode), kolom))
    assert indeks.isValid(), f"{kode} tersaring"
    h.tabel.setCurrentIndex(indeks)
    h.tabel.scrollTo(indeks)
    h.tabel.setFocus()
    qtbot.keyClick(h.tabel, Qt.Key.Key_F2)  # start editing
    editor = h.tabel.indexWidget(indeks)
    assert isinstance(editor, QLineEdit), "sel tidak dapat diedit"
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, teks)
    if enter:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        QCoreApplication.processEvents()  # the delegate commits Enter through a queued call
    return editor


def simpan_ctrl_s(qtbot, jendela: JendelaUtama) -> None:  # type: ignore[no-untyped-def]
    """Press Ctrl+S in the window."""
    jendela.activateWindow()
    qtbot.keyClick(jendela.halaman_aktif(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def pilih_pelaku(jendela: JendelaUtama, nama: str) -> None:
    """Work as a position through the "Bekerja sebagai" selector."""
    i = jendela.pilih_pelaku.findText(nama)
    assert i >= 0, nama
    jendela.pilih_pelaku.setCurrentIndex(i)
