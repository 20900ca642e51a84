"""Settings of the shared database: host, port, database, user, password, SSL, "Tes koneksi".

The password goes to the system keyring when there is one; otherwise the dialog says it
will be asked at each start. Nothing here writes a password to a file. Saving takes effect
at the next start (the window keeps its open database).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..errors import KesalahanPengguna
from ..storage import server


class DialogKoneksi(QDialog):
    """Signals: the QDialog ones (accepted after the settings were saved)."""

    def __init__(self, data_dir: str | Path | None = None, induk: QWidget | None = None) -> None:
        super().__init__(induk)
        self.setObjectName("dialogKoneksi")
        self.setWindowTitle("Basis data bersama (server PostgreSQL)")
        self.data_dir = data_dir
        lay = QVBoxLayout(self)
        self.pilih_lokal = QRadioButton("Berkas di PC ini (SQLite)", objectName="pilihLokal")
        self.pilih_server = QRadioButton(
            "Server PostgreSQL di jaringan kantor", objectName="pilihServer"
        )
        lay.addWidget(self.pilih_lokal)
        lay.addWidget(self.pilih_server)
        self.formulir = QWidget()
        f = QFormLayout(self.formulir)
        self.host = QLineEdit(objectName="isianHost")
        self.host.setPlaceholderText("misalnya 192.168.1.10 atau server-sakip")
        self.port = QSpinBox(objectName="isianPort")
        self.port.setRange(1, 65535)
        self.port.setValue(server.PORT_BAWAAN)
        self.database = QLineEdit("sakip", objectName="isianDatabase")
        self.user = QLineEdit(objectName="isianPengguna")
        self.sandi = QLineEdit(objectName="isianSandi")
        self.sandi.setEchoMode(QLineEdit.EchoMode.Password)
        self.ssl = QCheckBox("Gunakan SSL (wajib bila server melewati jaringan lain)")
        self.ssl.setObjectName("pilihSsl")
        f.addRow("Alamat server:", self.host)
        f.addRow("Port:", self.port)
        f.addRow("Nama basis data:", self.database)
        f.addRow("Pengguna server:", self.user)
        f.addRow("Sandi server:", self.sandi)
        f.addRow("", self.ssl)
        lay.addWidget(self.formulir)
        brankas = (
            "Sandi disimpan di brankas sandi sistem (keyring)."
            if server.keyring_tersedia()
            else "PC ini tidak memiliki brankas sandi: sandi akan ditanyakan setiap program "
            "dibuka (tidak pernah disimpan di berkas)."
        )
        self.label_brankas = QLabel(brankas, objectName="labelBrankas")
        self.label_brankas.setWordWrap(True)
        lay.addWidget(self.label_brankas)
        self.tombol_tes = QPushButton("Tes koneksi", objectName="tombolTesKoneksi")
        self.tombol_tes.clicked.connect(self.tes)
        lay.addWidget(self.tombol_tes)
        self.hasil = QLabel("", objectName="labelHasilTes")
        self.hasil.setWordWrap(True)
        self.hasil.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.hasil)
        tombol = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        tombol.button(QDialogButtonBox.StandardButton.Save).setText("Simpan")
        tombol.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        tombol.accepted.connect(self.simpan)
        tombol.rejected.connect(self.reject)
        lay.addWidget(tombol)
        self.pilih_server.toggled.connect(self._atur_aktif)
        self._isi()

    def _isi(self) -> None:
        try:
            p = server.baca_pengaturan_server(self.data_dir)
        except KesalahanPengguna as exc:
            self.hasil.setText(exc.pesan)
            p = None
        if p is None:
            self.pilih_lokal.setChecked(True)
        else:
            self.pilih_server.setChecked(True)
            self.host.setText(p.host)
            self.port.setValue(p.port)
            self.database.setText(p.database)
            self.user.setText(p.user)
            self.ssl.setChecked(p.ssl)
            self.sandi.setText(server.ambil_sandi(p) or "")
        self._atur_aktif()

    def _atur_aktif(self) -> None:
        aktif = self.pilih_server.isChecked()
        self.formulir.setEnabled(aktif)
        self.tombol_tes.setEnabled(aktif)

    def pengaturan(self) -> server.PengaturanServer:
        return server.PengaturanServer(
            self.host.text(),
            self.database.text(),
            self.user.text(),
            self.port.value(),
            self.ssl.isChecked(),
        ).periksa()

    def tes(self) -> server.HasilUjiKoneksi | None:
        """Try the connection and show what the user will get (or why it fails)."""
        try:
            p = self.pengaturan()
        except KesalahanPengguna as exc:
            self.hasil.setText(exc.pesan)
            return None
        hasil = server.uji_koneksi(p.url(self.sandi.text()))
        warna = "#1b5e20" if hasil.berhasil else "#b00020"
        self.hasil.setStyleSheet(f"color: {warna}")
        self.hasil.setText(hasil.pesan)
        return hasil

    def simpan(self) -> None:
        if self.pilih_lokal.isChecked():
            server.hapus_pengaturan_server(self.data_dir)
            self.accept()
            return
        try:
            p = self.pengaturan()
        except KesalahanPengguna as exc:
            self.hasil.setText(exc.pesan)
            return
        server.simpan_pengaturan_server(p, self.data_dir)
        if self.sandi.text():
            server.simpan_sandi(p, self.sandi.text())
        self.accept()


def buka_dialog_koneksi(induk: QWidget | None = None, data_dir: str | Path | None = None) -> bool:
    """Open the dialog modally; True when settings were saved (effective at next start)."""
    return DialogKoneksi(data_dir, induk).exec() == QDialog.DialogCode.Accepted
