"""Dialogs of the user accounts: add or change an account, show a temporary password once.

The dialog only gathers what the administrator typed; saving goes through the ``penyimpan``
callback the page gives (which calls the services). A refused save (`KesalahanPengguna`)
is shown inside the dialog, which stays open with what was typed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..domain import Peran
from ..errors import KesalahanPengguna
from ..services.otorisasi import LABEL_PERAN, PERAN_BERJABATAN
from ..services.pengguna import PANJANG_SANDI_MIN, InfoPengguna

MODE_TAMBAH = "tambah"
MODE_UBAH = "ubah"
MODE_PERTAMA = "pertama"
"""The first Administrator of a database without accounts (the password is typed)."""


@dataclass(frozen=True)
class IsianPengguna:
    """What the dialog gathered. ``sandi`` None: generate a temporary password."""

    username: str
    nama: str
    peran: Peran
    jabatan_id: uuid.UUID | None
    aktif: bool
    sandi: str | None


class DialogPengguna(QDialog):
    """Add (``MODE_TAMBAH``), change (``MODE_UBAH``) or create the first administrator.

    ``jabatan`` lists the agency's positions as (id, text). ``penyimpan`` saves the isian
    and may raise `KesalahanPengguna`; the dialog closes only when it returns.
    """

    def __init__(
        self,
        mode: str,
        jabatan: Sequence[tuple[uuid.UUID, str]],
        penyimpan: Callable[[IsianPengguna], object],
        akun: InfoPengguna | None = None,
        induk: QWidget | None = None,
    ) -> None:
        super().__init__(induk)
        self.mode = mode
        self.penyimpan = penyimpan
        self.setObjectName("dialogPengguna")
        self.setWindowTitle(
            {
                MODE_TAMBAH: "Tambah pengguna",
                MODE_UBAH: "Ubah pengguna",
                MODE_PERTAMA: "Administrator pertama",
            }[mode]
        )
        self.setMinimumWidth(480)
        tata = QVBoxLayout(self)
        form = QFormLayout()
        self.username = QLineEdit(objectName="isianUsername")
        self.username.setPlaceholderText("misalnya budi.santoso (huruf, angka, . - _)")
        self.nama = QLineEdit(objectName="isianNama")
        self.nama.setPlaceholderText("nama lengkap, untuk jejak audit")
        self.peran = QComboBox(objectName="pilihPeran")
        for p in Peran:
            self.peran.addItem(LABEL_PERAN[p], p.value)
        self.jabatan = QComboBox(objectName="pilihJabatan")
        self.jabatan.addItem("— tanpa jabatan —", None)
        for jid, teks in jabatan:
            self.jabatan.addItem(teks, str(jid))
        self.jabatan.setMaxVisibleItems(20)
        self.label_jabatan = QLabel("", objectName="labelSyaratJabatan")
        self.label_jabatan.setWordWrap(True)
        self.aktif = QCheckBox("Akun aktif (boleh masuk)", objectName="pilihAktif")
        self.aktif.setChecked(True)
        form.addRow("Nama pengguna:", self.username)
        form.addRow("Nama:", self.nama)
        form.addRow("Peran:", self.peran)
        form.addRow("Jabatan:", self.jabatan)
        form.addRow("", self.label_jabatan)
        if mode == MODE_UBAH:
            form.addRow("", self.aktif)
        tata.addLayout(form)

        self.sandi_sementara = QRadioButton(
            "Buat sandi sementara (ditampilkan sekali; pengguna menggantinya saat masuk pertama)",
            objectName="pilihSandiSementara",
        )
        self.sandi_ketik = QRadioButton("Ketik sandi awal", objectName="pilihSandiKetik")
        self.sandi = QLineEdit(objectName="isianSandi")
        self.ulang = QLineEdit(objectName="isianSandiUlang")
        for w in (self.sandi, self.ulang):
            w.setEchoMode(QLineEdit.EchoMode.Password)
        self.sandi.setPlaceholderText(f"paling sedikit {PANJANG_SANDI_MIN} karakter")
        self.ulang.setPlaceholderText("ketik sekali lagi")
        if mode != MODE_UBAH:
            form_sandi = QFormLayout()
            if mode == MODE_TAMBAH:
                tata.addWidget(self.sandi_sementara)
                tata.addWidget(self.sandi_ketik)
            form_sandi.addRow("Sandi:", self.sandi)
            form_sandi.addRow("Ulangi sandi:", self.ulang)
            tata.addLayout(form_sandi)
        self.sandi_sementara.setChecked(mode == MODE_TAMBAH)
        self.sandi_ketik.setChecked(mode != MODE_TAMBAH)
        self.sandi_ketik.toggled.connect(self._atur_sandi)

        self.galat = QLabel("", objectName="labelGalatPengguna")
        self.galat.setWordWrap(True)
        self.galat.setStyleSheet("color: #b00020")
        self.galat.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tata.addWidget(self.galat)
        self.tombol = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        simpan = self.tombol.button(QDialogButtonBox.StandardButton.Save)
        simpan.setText("Simpan")
        simpan.setObjectName("tombolSimpanPengguna")
        self.tombol.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        self.tombol.accepted.connect(self.accept)
        self.tombol.rejected.connect(self.reject)
        tata.addWidget(self.tombol)
        self.peran.currentIndexChanged.connect(lambda _i: self._atur_jabatan())

        if mode == MODE_PERTAMA:
            self.peran.setCurrentIndex(self.peran.findData(Peran.ADMINISTRATOR.value))
            self.peran.setEnabled(False)
        if akun is not None:
            self.username.setText(akun.username)
            self.username.setReadOnly(True)
            self.nama.setText(akun.nama or "")
            self.peran.setCurrentIndex(self.peran.findData(akun.peran.value))
            i = self.jabatan.findData(str(akun.jabatan_id) if akun.jabatan_id else None)
            if i < 0 and akun.jabatan_id is not None:  # a position of another agency
                self.jabatan.addItem(akun.jabatan or "(jabatan lain)", str(akun.jabatan_id))
                i = self.jabatan.count() - 1
            self.jabatan.setCurrentIndex(max(i, 0))
            self.aktif.setChecked(akun.aktif)
        self._atur_jabatan()
        self._atur_sandi()

    # --- state ----------------------------------------------------------------------------
    def peran_terpilih(self) -> Peran:
        return Peran(self.peran.currentData())

    def _atur_jabatan(self) -> None:
        peran = self.peran_terpilih()
        if peran in PERAN_BERJABATAN:
            self.label_jabatan.setText(
                f"<b>Wajib</b> untuk {LABEL_PERAN[peran]}: data yang boleh diubahnya mengikuti "
                "unit jabatan ini dan unit di bawahnya."
            )
        else:
            self.label_jabatan.setText(
                f"Tidak wajib untuk {LABEL_PERAN[peran]} (dipakai untuk nama di jejak audit)."
            )

    def _atur_sandi(self) -> None:
        ketik = self.sandi_ketik.isChecked()
        self.sandi.setEnabled(ketik)
        self.ulang.setEnabled(ketik)

    def isian(self) -> IsianPengguna:
        """What was typed; `KesalahanPengguna` for what can be told without the database."""
        peran = self.peran_terpilih()
        jabatan = self.jabatan.currentData()
        jabatan_id = uuid.UUID(jabatan) if jabatan else None
        if not self.username.text().strip():
            raise KesalahanPengguna("Isi nama pengguna.")
        if peran in PERAN_BERJABATAN and jabatan_id is None:
            raise KesalahanPengguna(
                f"Peran {LABEL_PERAN[peran]} memerlukan jabatan: pilih jabatannya."
            )
        sandi: str | None = None
        if self.mode != MODE_UBAH and self.sandi_ketik.isChecked():
            sandi = self.sandi.text()
            if not sandi:
                raise KesalahanPengguna("Ketik sandi awal, atau pilih sandi sementara.")
            if sandi != self.ulang.text():
                raise KesalahanPengguna("Kedua sandi tidak sama; ketik ulang.")
        return IsianPengguna(
            username=self.username.text().strip(),
            nama=self.nama.text().strip(),
            peran=peran,
            jabatan_id=jabatan_id,
            aktif=self.aktif.isChecked(),
            sandi=sandi,
        )

    def accept(self) -> None:
        try:
            self.penyimpan(self.isian())
        except KesalahanPengguna as exc:
            self.galat.setText(exc.pesan)
            return
        self.galat.clear()
        super().accept()


def tampilkan_sandi(induk: QWidget | None, username: str, sandi: str) -> QMessageBox:
    """Show a temporary password once (selectable, with a copy button); not blocking."""
    kotak = QMessageBox(
        QMessageBox.Icon.Information,
        "Sandi sementara",
        f"Sandi sementara untuk <b>{username}</b>:<br><br>"
        f"<span style='font-family: monospace; font-size: 16pt'>{sandi}</span><br><br>"
        "Sandi ini hanya ditampilkan sekali. Serahkan kepada pengguna; ia harus menggantinya "
        "saat masuk pertama kali.",
        QMessageBox.StandardButton.Ok,
        induk,
    )
    kotak.setObjectName("pesanSandi")
    kotak.setTextFormat(Qt.TextFormat.RichText)
    kotak.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    salin = kotak.addButton("Salin lalu tutup", QMessageBox.ButtonRole.ActionRole)
    salin.setObjectName("tombolSalinSandi")
    salin.clicked.connect(lambda: QGuiApplication.clipboard().setText(sandi))
    kotak.open()
    return kotak
