"""The form editor of a tree node (Designer form ui/form_node.ui), validating as one types."""

from __future__ import annotations

import re
import uuid
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ..domain import JenisNode
from ..services.pohon_baca import InfoNode
from ..services.pohon_edit import KODE_POLA_PERMENDAGRI
from .hak import GAYA_PESAN_BACA, atur_hanya_baca
from .ui.ui_form_node import Ui_FormNode

BERKODE = (JenisNode.PROGRAM, JenisNode.KEGIATAN, JenisNode.SUB_KEGIATAN)


def teks_edit(w: QPlainTextEdit) -> str:
    return w.toPlainText().strip()


class EditorNode(QWidget):
    """Signals:
    kotorBerubah(bool): the form differs (or no longer differs) from the saved node.
    """

    kotorBerubah = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FormNode()
        self.ui.setupUi(self)
        self._info: InfoNode | None = None
        self._awal: dict[str, Any] = {}
        self._kotor = False
        self._hanya_baca = True
        self._gaya_pesan = self.ui.pesan.styleSheet()
        for w in (self.ui.uraian, self.ui.sasaran, self.ui.keterangan):
            w.textChanged.connect(self._periksa)
        self.ui.kode.textChanged.connect(self._periksa)
        self.ui.pemilik.currentIndexChanged.connect(self._periksa)
        self.setEnabled(False)

    @property
    def info(self) -> InfoNode | None:
        return self._info

    def isi_jabatan(self, jabatan: list[tuple[uuid.UUID, str]]) -> None:
        self.ui.pemilik.blockSignals(True)
        self.ui.pemilik.clear()
        self.ui.pemilik.addItem("— belum ditentukan —", None)
        for jid, nama in jabatan:
            self.ui.pemilik.addItem(nama, str(jid))
        self.ui.pemilik.blockSignals(False)

    def tampilkan(
        self,
        info: InfoNode | None,
        keterangan: str | None,
        boleh_ubah: bool,
        alasan: str = "",
    ) -> None:
        """Show a node; read-only, saying why (``alasan``), when the user may not change it."""
        self._info = info
        widgets = (self.ui.kode, self.ui.uraian, self.ui.sasaran, self.ui.keterangan)
        for w in widgets:
            w.blockSignals(True)
        self.ui.pemilik.blockSignals(True)
        if info is None:
            self.ui.jenis.setText("")
            for w in widgets:
                w.clear() if isinstance(w, QPlainTextEdit) else w.setText("")
            self.ui.pesan.setText("")
            self._hanya_baca = True
            self.setEnabled(False)
        else:
            self.setEnabled(True)
            self.ui.jenis.setText(info.jenis.label)
            self.ui.kode.setText(info.kode or "")
            self.ui.uraian.setPlainText(info.uraian)
            self.ui.sasaran.setPlainText(info.sasaran or "")
            self.ui.keterangan.setPlainText(keterangan or "")
            i = self.ui.pemilik.findData(str(info.pemilik_id) if info.pemilik_id else None)
            self.ui.pemilik.setCurrentIndex(max(i, 0))
            tampak_sasaran = info.jenis in (*BERKODE, JenisNode.RENCANA_HASIL_KERJA)
            self.ui.sasaran.setVisible(tampak_sasaran)
            self.ui.label_sasaran.setVisible(tampak_sasaran)
            bisa = boleh_ubah and not info.milik_rpjmd
            self._hanya_baca = not bisa
            atur_hanya_baca(self, not bisa)
            self.ui.pesan.setStyleSheet(GAYA_PESAN_BACA if not bisa else self._gaya_pesan)
            if not bisa:
                if not alasan:
                    alasan = (
                        "Hanya baca: node ini milik RPJMD pemerintah daerah."
                        if info.milik_rpjmd
                        else "Hanya baca: node ini di luar cakupan Anda."
                    )
                self.ui.pesan.setText(alasan)
            else:
                self.ui.pesan.setText("")
        for w in widgets:
            w.blockSignals(False)
        self.ui.pemilik.blockSignals(False)
        self._awal = self.nilai() if info else {}
        self._setel_kotor(False)

    @property
    def hanya_baca(self) -> bool:
        """The shown node may not be changed by the acting user (or none is shown)."""
        return self._hanya_baca

    def ganti_info(self, info: InfoNode) -> None:
        """Take the saved node's new version without touching what is shown."""
        self._info = info

    def nilai(self) -> dict[str, Any]:
        data = self.ui.pemilik.currentData()
        return {
            "kode": self.ui.kode.text().strip() or None,
            "uraian": teks_edit(self.ui.uraian),
            "sasaran": teks_edit(self.ui.sasaran) or None,
            "keterangan": teks_edit(self.ui.keterangan) or None,
            "pemilik_id": uuid.UUID(data) if data else None,
        }

    def nilai_awal(self) -> dict[str, Any]:
        return dict(self._awal)

    def perubahan(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """(old, new) of the fields that changed."""
        baru = self.nilai()
        beda = [k for k in baru if baru[k] != self._awal.get(k)]
        return {k: self._awal.get(k) for k in beda}, {k: baru[k] for k in beda}

    def galat(self) -> str | None:
        """The first validation problem, in Bahasa Indonesia; None when the form is valid."""
        if self._info is None:
            return None
        v = self.nilai()
        if not v["uraian"]:
            return "Uraian wajib diisi."
        if (
            v["kode"]
            and self._info.jenis in BERKODE
            and not re.match(KODE_POLA_PERMENDAGRI, v["kode"])
        ):
            return f"Kode {v['kode']!r} tidak mengikuti pola Permendagri (mis. 2.07.03.2.01)."
        return None

    @property
    def kotor(self) -> bool:
        return self._kotor

    def tandai_tersimpan(self) -> None:
        self._awal = self.nilai()
        self._setel_kotor(False)

    def _periksa(self) -> None:
        if self._info is None or self._hanya_baca:
            return
        masalah = self.galat()
        self.ui.pesan.setText(masalah or "")
        lama, _ = self.perubahan()
        self._setel_kotor(bool(lama) or bool(self.perubahan()[1]))

    def _setel_kotor(self, nilai: bool) -> None:
        if nilai != self._kotor:
            self._kotor = nilai
            self.kotorBerubah.emit(nilai)
