"""The second save, refused: who changed the record, when, both values, and a choice.

Keep theirs (nothing is saved, the page reloads their values), take mine (saved over
theirs, with a reason for the audit trail), or merge by hand (a value per field, also with
a reason). The dialog only decides; `Konteks.tulis` carries the decision out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..angka import format_tanggal
from ..errors import KonflikVersi
from ..storage.konflik_versi import tampil_nilai

MEREKA = "mereka"
SAYA = "saya"
GABUNG = "gabung"

LABEL_FIELD = {
    "nilai": "Nilai",
    "nilai_maks": "Nilai maksimum",
    "nilai_teks": "Nilai (teks)",
    "komponen_a": "Komponen A",
    "komponen_b": "Komponen B",
    "catatan": "Catatan",
    "keterangan": "Keterangan",
    "target": "Target",
    "anggaran": "Anggaran",
    "(rekaman)": "Rekaman",
}


@dataclass(frozen=True)
class KeputusanKonflik:
    pilihan: str
    """MEREKA, SAYA or GABUNG."""
    alasan: str | None = None
    nilai: dict[str, str | None] = field(default_factory=dict)
    """GABUNG: the value chosen per field, as typed."""


def teks_waktu(pada: object) -> str:
    if not isinstance(pada, datetime):
        return "waktu tidak diketahui"
    lokal = pada.astimezone() if pada.tzinfo else pada
    return f"{format_tanggal(lokal.date())} pukul {lokal:%H.%M}"


class DialogKonflik(QDialog):
    """Shows a `KonflikVersi` and asks what to do; `keputusan` holds the answer.

    Signals: the QDialog ones (accepted when a choice was made, rejected = keep theirs).
    """

    def __init__(self, konflik: KonflikVersi, induk: QWidget | None = None) -> None:
        super().__init__(induk)
        self.setObjectName("dialogKonflik")
        self.setWindowTitle("Data sudah diubah pengguna lain")
        self.konflik = konflik
        self.keputusan = KeputusanKonflik(MEREKA)
        lay = QVBoxLayout(self)
        siapa = konflik.oleh or "pengguna lain"
        judul = QLabel(
            f"<b>{konflik.label or 'Rekaman ini'}</b> sudah diubah oleh <b>{siapa}</b> pada "
            f"{teks_waktu(konflik.pada)} sejak Anda membukanya.<br>Simpanan Anda belum "
            "ditulis. Pilih mana yang berlaku.",
            objectName="labelKonflik",
        )
        judul.setWordWrap(True)
        lay.addWidget(judul)

        self.field = list(dict.fromkeys([*konflik.nilai_saya, *konflik.nilai_mereka]))
        self.tabel = QTableWidget(len(self.field), 4, objectName="tabelKonflik")
        self.tabel.setHorizontalHeaderLabels(
            ["Isian", f"Nilai {siapa}", "Nilai Anda", "Hasil gabungan"]
        )
        self.tabel.verticalHeader().setVisible(False)
        self.tabel.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.isian_gabung: dict[str, QLineEdit] = {}
        for i, f in enumerate(self.field):
            mereka = konflik.nilai_mereka.get(f)
            saya = konflik.nilai_saya.get(f, mereka)
            for kolom, teks in enumerate(
                (LABEL_FIELD.get(f, f), tampil_nilai(mereka), tampil_nilai(saya))
            ):
                self.tabel.setItem(i, kolom, QTableWidgetItem(teks))
            isian = QLineEdit(objectName=f"gabung_{f}")
            isian.setText("" if saya is None else tampil_nilai(saya))
            self.isian_gabung[f] = isian
            self.tabel.setCellWidget(i, 3, isian)
        self.tabel.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        lay.addWidget(self.tabel)

        lay.addWidget(QLabel("Alasan (wajib untuk menimpa atau menggabungkan):"))
        self.isian_alasan = QLineEdit(objectName="isianAlasan")
        self.isian_alasan.setPlaceholderText("misalnya: angka sesuai DPA terbaru")
        lay.addWidget(self.isian_alasan)
        self.label_galat = QLabel("", objectName="labelGalatKonflik")
        self.label_galat.setStyleSheet("color: #b00020")
        lay.addWidget(self.label_galat)

        tombol = QHBoxLayout()
        self.tombol_mereka = QPushButton(f"Pertahankan milik {siapa}", objectName="tombolMereka")
        self.tombol_saya = QPushButton("Pakai milik saya", objectName="tombolSaya")
        self.tombol_gabung = QPushButton("Simpan gabungan", objectName="tombolGabung")
        for t in (self.tombol_mereka, self.tombol_saya, self.tombol_gabung):
            t.setAutoDefault(False)
            tombol.addWidget(t)
        lay.addLayout(tombol)
        self.tombol_mereka.clicked.connect(self._pilih_mereka)
        self.tombol_saya.clicked.connect(lambda: self._pilih(SAYA))
        self.tombol_gabung.clicked.connect(lambda: self._pilih(GABUNG))
        dihapus = "(rekaman)" in konflik.nilai_saya or "(rekaman)" in konflik.nilai_mereka
        self.tombol_gabung.setEnabled(not dihapus and konflik.versi_sekarang is not None)
        self.resize(720, 360)

    def _pilih_mereka(self) -> None:
        self.keputusan = KeputusanKonflik(MEREKA)
        self.accept()

    def _pilih(self, pilihan: str) -> None:
        alasan = self.isian_alasan.text().strip()
        if not alasan:
            self.label_galat.setText("Isi alasan dulu: alasan dicatat di jejak audit.")
            self.isian_alasan.setFocus()
            return
        nilai: dict[str, str | None] = {}
        if pilihan == GABUNG:
            nilai = {
                f: (w.text().strip() or None)
                for f, w in self.isian_gabung.items()
                if f != "(rekaman)"
            }
        self.keputusan = KeputusanKonflik(pilihan, alasan, nilai)
        self.accept()

    def reject(self) -> None:  # Esc / close = keep theirs, nothing saved
        self.keputusan = KeputusanKonflik(MEREKA)
        super().reject()


def tanya_konflik(konflik: KonflikVersi, induk: QWidget | None = None) -> KeputusanKonflik:
    """Open the dialog modally and return the decision (the default `Konteks` handler)."""
    from PySide6.QtWidgets import QApplication

    dlg = DialogKonflik(konflik, induk or QApplication.activeWindow())
    dlg.exec()
    return dlg.keputusan
