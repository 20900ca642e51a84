"""Questions and messages to the user, in one place (tests replace these functions)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget


def tanya(induk: QWidget | None, judul: str, teks: str, *, tombol_ya: str = "Ya") -> bool:
    """A yes/no question that defaults to No (the safe answer before destroying data)."""
    kotak = QMessageBox(QMessageBox.Icon.Question, judul, teks, parent=induk)
    ya = kotak.addButton(tombol_ya, QMessageBox.ButtonRole.AcceptRole)
    tidak = kotak.addButton("Batal", QMessageBox.ButtonRole.RejectRole)
    kotak.setDefaultButton(tidak)
    kotak.exec()
    return kotak.clickedButton() is ya


def minta_teks(induk: QWidget | None, judul: str, label: str) -> str | None:
    """Ask for a short text (a reason); None when cancelled or left empty."""
    teks, ok = QInputDialog.getText(induk, judul, label)
    return teks.strip() or None if ok else None


def kabari(induk: QWidget | None, judul: str, teks: str, *, galat: bool = True) -> QMessageBox:
    """Show a message without blocking the caller (window-modal, closes with OK)."""
    ikon = QMessageBox.Icon.Warning if galat else QMessageBox.Icon.Information
    kotak = QMessageBox(ikon, judul, teks, QMessageBox.StandardButton.Ok, induk)
    kotak.setObjectName("pesanGalat" if galat else "pesanInfo")
    kotak.open()
    return kotak


def tanya_simpan(induk: QWidget | None, teks: str) -> str:
    """Unsaved edits: returns "simpan", "buang" or "batal" (the default: stay)."""
    kotak = QMessageBox(QMessageBox.Icon.Question, "Perubahan belum disimpan", teks, parent=induk)
    simpan = kotak.addButton("Simpan", QMessageBox.ButtonRole.AcceptRole)
    buang = kotak.addButton("Buang perubahan", QMessageBox.ButtonRole.DestructiveRole)
    batal = kotak.addButton("Batal", QMessageBox.ButtonRole.RejectRole)
    kotak.setDefaultButton(batal)
    kotak.exec()
    if kotak.clickedButton() is simpan:
        return "simpan"
    if kotak.clickedButton() is buang:
        return "buang"
    return "batal"
