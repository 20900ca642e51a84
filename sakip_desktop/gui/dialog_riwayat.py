"""A record's history: every audited change of one record, oldest first.

Forms open it with a "Riwayat…" button::

    from ..dialog_riwayat import tampilkan_riwayat
    tampilkan_riwayat(self, self.k, "target", target_id)

"Buka di Jejak Audit" shows the same rows on the audit page (`buka_jejak_audit`), where
they can be exported.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..angka import format_angka
from ..services.audit import LABEL_TABEL, BarisAudit, riwayat_rekaman
from .konteks import Konteks
from .model_audit import (
    K_KOLOM,
    K_LAMA,
    K_REKAMAN,
    K_WAKTU,
    ModelAudit,
    label_rekaman,
)


def judul_rekaman(tabel: str, baris: list[BarisAudit]) -> str:
    """ "Target: IKP.01 · tahun=2020, …" from the newest row that names the record."""
    for b in reversed(baris):
        if b.rekaman:
            return label_rekaman(b)
    return LABEL_TABEL.get(tabel, tabel.replace("_", " ").capitalize())


class DialogRiwayat(QDialog):
    """The history of one record (read-only)."""

    def __init__(
        self,
        k: Konteks,
        tabel: str,
        rekaman_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.k = k
        self.tabel = tabel
        self.rekaman_id = rekaman_id
        self.setObjectName("dialogRiwayat")
        self.setWindowTitle("Riwayat perubahan")
        self.resize(980, 420)
        tata = QVBoxLayout(self)
        self.judul = QLabel(objectName="judulRiwayat")
        self.judul.setWordWrap(True)
        self.judul.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tata.addWidget(self.judul)
        self.model = ModelAudit()
        self.tabel_riwayat = QTableView(objectName="tabelRiwayat")
        self.tabel_riwayat.setModel(self.model)
        self.tabel_riwayat.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel_riwayat.setAlternatingRowColors(True)
        self.tabel_riwayat.setWordWrap(False)
        self.tabel_riwayat.setColumnHidden(K_REKAMAN, True)  # one record: said in the title
        kepala = self.tabel_riwayat.horizontalHeader()
        kepala.setStretchLastSection(True)
        lebar_waktu = self.fontMetrics().horizontalAdvance("00-00-0000 00:00:00") + 14
        for kolom, lebar in ((K_WAKTU, lebar_waktu), (K_KOLOM, 110), (K_LAMA, 150)):
            self.tabel_riwayat.setColumnWidth(kolom, lebar)
        kepala.setSectionResizeMode(K_WAKTU, QHeaderView.ResizeMode.Interactive)
        tata.addWidget(self.tabel_riwayat, 1)
        self.kosong = QLabel(
            "Belum ada perubahan yang tercatat untuk rekaman ini.", objectName="riwayatKosong"
        )
        tata.addWidget(self.kosong)
        tombol = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        tombol.button(QDialogButtonBox.StandardButton.Close).setText("Tutup")
        self.tombol_audit = QPushButton("Buka di Jejak Audit", objectName="tombolBukaAudit")
        self.tombol_audit.setToolTip(
            "Tampilkan riwayat ini di halaman Jejak Audit (dapat diekspor)."
        )
        tombol.addButton(self.tombol_audit, QDialogButtonBox.ButtonRole.ActionRole)
        self.tombol_audit.clicked.connect(self._buka_audit)
        self.tombol_audit.setVisible(hasattr(self._jendela(), "buka_halaman"))
        tombol.rejected.connect(self.reject)
        tata.addWidget(tombol)
        self.segarkan()

    def _jendela(self) -> Any:
        induk = self.parentWidget()
        return induk.window() if induk is not None else None

    def segarkan(self) -> None:
        baris = riwayat_rekaman(self.k.db, self.tabel, self.rekaman_id)
        self.model.tetapkan(baris)
        jumlah = f"{format_angka(len(baris))} perubahan"
        self.judul.setText(f"<b>{judul_rekaman(self.tabel, baris)}</b> — {jumlah}")
        self.kosong.setVisible(not baris)
        self.tabel_riwayat.setVisible(bool(baris))
        self.tabel_riwayat.resizeRowsToContents()

    def _buka_audit(self) -> None:
        jendela = self._jendela()
        self.accept()
        if jendela is not None:
            buka_jejak_audit(jendela, self.tabel, self.rekaman_id)


def tampilkan_riwayat(
    parent: QWidget | None, k: Konteks, tabel: str, rekaman_id: uuid.UUID | str
) -> DialogRiwayat:
    """Open the history of record ``rekaman_id`` of table ``tabel`` (window-modal, returns
    at once; the dialog deletes itself when closed)."""
    if isinstance(rekaman_id, str):
        rekaman_id = uuid.UUID(rekaman_id)
    dlg = DialogRiwayat(k, tabel, rekaman_id, parent)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.open()
    return dlg


def buka_jejak_audit(
    widget: QWidget, tabel: str | None = None, rekaman_id: uuid.UUID | None = None
) -> bool:
    """Switch the main window to the Jejak Audit page, filtered to one record when given.
    False when ``widget`` is not inside the main window."""
    jendela: Any = widget.window()
    if not hasattr(jendela, "buka_halaman") or not hasattr(jendela, "halaman"):
        return False
    jendela.buka_halaman("audit")
    halaman = jendela.halaman("audit")
    if tabel is not None and rekaman_id is not None:
        halaman.saring_rekaman(tabel, rekaman_id)
    return True
