"""Wizard: move this database into an empty server database (or a server's into a file).

Three pages: where from and where to, the copy with a progress bar, and the verification
(row counts and checksums of every table). The copy runs on the GUI thread in one call;
progress is shown by processing events between tables (a copy is a few seconds for an
office's data).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..angka import format_angka
from ..errors import KesalahanPengguna
from ..storage import Database, buat_url
from ..storage.salin import HasilSalin, salin_isi


class WizardSalin(QWizard):
    """Signals: the QWizard ones. ``hasil`` holds the verified copy after the last page."""

    def __init__(self, sumber: str, tujuan: str = "", induk: QWidget | None = None) -> None:
        super().__init__(induk)
        self.setObjectName("wizardSalin")
        self.setWindowTitle("Salin basis data")
        self.hasil: HasilSalin | None = None
        self.galat: str | None = None
        for tombol, teks in (
            (QWizard.WizardButton.NextButton, "Salin >"),
            (QWizard.WizardButton.BackButton, "< Kembali"),
            (QWizard.WizardButton.FinishButton, "Selesai"),
            (QWizard.WizardButton.CancelButton, "Batal"),
        ):
            self.setButtonText(tombol, teks)

        awal = QWizardPage()
        awal.setTitle("Dari mana ke mana")
        awal.setSubTitle(
            "Setiap baris, termasuk jejak audit, disalin ke basis data tujuan yang kosong, lalu "
            "jumlah baris dan checksum setiap tabel dibandingkan."
        )
        lay = QVBoxLayout(awal)
        lay.addWidget(QLabel("Sumber (berkas SQLite atau alamat postgresql://…):"))
        self.isian_sumber = QLineEdit(sumber, objectName="isianSumber")
        lay.addWidget(self.isian_sumber)
        lay.addWidget(QLabel("Tujuan (harus kosong):"))
        self.isian_tujuan = QLineEdit(tujuan, objectName="isianTujuan")
        self.isian_tujuan.setPlaceholderText("postgresql://pengguna:sandi@server/sakip")
        lay.addWidget(self.isian_tujuan)
        awal.registerField("tujuan*", self.isian_tujuan)
        self.addPage(awal)

        self.halaman_salin = QWizardPage()
        self.halaman_salin.setTitle("Menyalin")
        lay2 = QVBoxLayout(self.halaman_salin)
        self.kemajuan = QProgressBar(objectName="kemajuanSalin")
        self.label_tabel = QLabel("", objectName="labelTabelSalin")
        lay2.addWidget(self.kemajuan)
        lay2.addWidget(self.label_tabel)
        self.addPage(self.halaman_salin)

        self.halaman_hasil = QWizardPage()
        self.halaman_hasil.setTitle("Verifikasi")
        lay3 = QVBoxLayout(self.halaman_hasil)
        self.label_hasil = QLabel("", objectName="labelHasilSalin")
        self.label_hasil.setWordWrap(True)
        self.tabel = QTableWidget(0, 3, objectName="tabelVerifikasi")
        self.tabel.setHorizontalHeaderLabels(["Tabel", "Baris", "Checksum (SHA-256)"])
        lay3.addWidget(self.label_hasil)
        lay3.addWidget(self.tabel)
        self.addPage(self.halaman_hasil)
        self.currentIdChanged.connect(self._halaman_berganti)

    def _halaman_berganti(self, nomor: int) -> None:
        if self.page(nomor) is self.halaman_salin:
            self.jalankan()
            self.next()
        elif self.page(nomor) is self.halaman_hasil:
            self._tampilkan_hasil()

    def _maju(self, tabel: str, i: int, n: int) -> None:
        self.kemajuan.setRange(0, n)
        self.kemajuan.setValue(i)
        self.label_tabel.setText(f"Tabel {tabel}")
        QApplication.processEvents()

    def jalankan(self) -> HasilSalin | None:
        """Copy and verify; the error (in Indonesian) is kept in ``galat``."""
        self.hasil, self.galat = None, None
        try:
            with (
                Database(buat_url(self.isian_sumber.text())) as sumber,
                Database(buat_url(self.isian_tujuan.text())) as tujuan,
            ):
                if sumber.path is not None and not sumber.path.exists():
                    raise KesalahanPengguna(f"Basis data sumber tidak ada: {sumber.path}")
                self.hasil = salin_isi(sumber, tujuan, kemajuan=self._maju)
        except KesalahanPengguna as exc:
            self.galat = exc.pesan
        return self.hasil

    def _tampilkan_hasil(self) -> None:
        if self.hasil is None:
            self.label_hasil.setText(f"Penyalinan gagal: {self.galat}")
            self.label_hasil.setStyleSheet("color: #b00020")
            return
        baris = [(n, j) for n, j in self.hasil.jumlah.items() if j]
        self.tabel.setRowCount(len(baris))
        for i, (nama, jumlah) in enumerate(baris):
            self.tabel.setItem(i, 0, QTableWidgetItem(nama))
            self.tabel.setItem(i, 1, QTableWidgetItem(format_angka(jumlah)))
            self.tabel.setItem(i, 2, QTableWidgetItem(self.hasil.sidik[nama].sha256[:16]))
        self.label_hasil.setText(
            f"Selesai: {format_angka(self.hasil.total_baris)} baris disalin. Jumlah baris dan "
            f"checksum {len(self.hasil.jumlah)} tabel sama dengan sumber."
        )
