"""Log-in, the first administrator and one's own password change.

The dialogs call the account services (`services/pengguna.py`) and show their messages
as they are. After repeated failures the service answers with a delay (`GagalMasuk.tunggu`);
the dialog then greys its button and counts down "Coba lagi dalam N detik". ``jam``
(seconds, monotonic) and ``kini`` (the time handed to the service) are injectable for tests.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import KesalahanPengguna
from ..services.pelaku import Pelaku
from ..services.pengguna import (
    PANJANG_SANDI_MIN,
    GagalMasuk,
    HasilMasuk,
    buat_administrator_pertama,
    ganti_sandi,
    masuk,
)
from ..storage import Database

Jam = Callable[[], float]
Kini = Callable[[], datetime]
GAYA_PESAN = "color: #b3261e;"


def kalimat_pertama(pesan: str) -> str:
    """'Nama pengguna atau sandi salah. Tunggu 2 detik …' → 'Nama pengguna atau sandi salah.'
    (the countdown replaces the rest)."""
    awal, _, _ = pesan.partition(". ")
    return awal if awal.endswith(".") else awal + "."


class HitungMundur(QObject):
    """Greys a button until a delay has passed, showing 'Coba lagi dalam N detik'."""

    def __init__(self, tombol: QPushButton, label: QLabel, *, jam: Jam = time.monotonic) -> None:
        super().__init__(tombol)
        self._tombol = tombol
        self._label = label
        self._jam = jam
        self._sampai = 0.0
        self._pesan = ""
        self.timer = QTimer(self)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.detak)

    @property
    def aktif(self) -> bool:
        return self.timer.isActive()

    def mulai(self, detik: float, pesan: str) -> None:
        self._sampai = self._jam() + detik
        self._pesan = pesan
        self._tombol.setEnabled(False)
        self.timer.start()
        self.detak()

    def sisa(self) -> int:
        return max(0, math.ceil(self._sampai - self._jam()))

    def detak(self) -> None:
        sisa = self.sisa()
        if sisa <= 0:
            self.timer.stop()
            self._tombol.setEnabled(True)
            self._label.setText(self._pesan)
            return
        self._label.setText(f"{self._pesan}\nCoba lagi dalam {sisa} detik.")


class _DialogSandi(QDialog):
    """What the three dialogs share: a message line, a main button and the countdown."""

    def __init__(
        self,
        judul: str,
        teks_tombol: str,
        *,
        teks_batal: str = "Batal",
        jam: Jam = time.monotonic,
        kini: Kini | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(judul)
        self._kini = kini
        self.tata = QVBoxLayout(self)
        self.formulir = QFormLayout()
        self.pesan = QLabel(objectName="pesanDialog", styleSheet=GAYA_PESAN, wordWrap=True)
        self.tombol_kotak = QDialogButtonBox()
        self.tombol_ok = QPushButton(teks_tombol, objectName="tombolOk")
        self.tombol_ok.setDefault(True)
        self.tombol_batal = QPushButton(teks_batal, objectName="tombolBatal")
        self.tombol_kotak.addButton(self.tombol_ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.tombol_kotak.addButton(self.tombol_batal, QDialogButtonBox.ButtonRole.RejectRole)
        self.tombol_kotak.accepted.connect(self._coba)
        self.tombol_kotak.rejected.connect(self.reject)
        self.hitung = HitungMundur(self.tombol_ok, self.pesan, jam=jam)
        self.setMinimumWidth(420)

    def _selesaikan_tata(self) -> None:
        self.tata.addLayout(self.formulir)
        self.tata.addWidget(self.pesan)
        self.tata.addWidget(self.tombol_kotak)

    def _waktu(self) -> datetime | None:
        return self._kini() if self._kini is not None else None

    def _sandi(self, placeholder: str = "") -> QLineEdit:
        isian = QLineEdit(placeholderText=placeholder)
        isian.setEchoMode(QLineEdit.EchoMode.Password)
        return isian

    def _tolak(self, exc: KesalahanPengguna) -> None:
        """Show a refusal; with a delay, grey the button and count down."""
        tunggu = getattr(exc, "tunggu", 0.0)
        if tunggu > 0:
            self.hitung.mulai(tunggu, kalimat_pertama(exc.pesan))
        else:
            self.pesan.setText(exc.pesan)

    def _coba(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _sibuk(self, fungsi: Callable[[], object]) -> object:
        """Hashing takes a moment: show the busy cursor meanwhile."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return fungsi()
        finally:
            QApplication.restoreOverrideCursor()


class DialogMasuk(_DialogSandi):
    """Username and password; ``hasil`` holds the `HasilMasuk` once accepted."""

    def __init__(
        self,
        db: Database,
        *,
        username: str = "",
        keterangan: str | None = None,
        jam: Jam = time.monotonic,
        kini: Kini | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "Masuk — SAKIP Desktop", "Masuk", teks_batal="Keluar", jam=jam, kini=kini, parent=parent
        )
        self.setObjectName("dialogMasuk")
        self.setMinimumWidth(480)
        self._db = db
        self.hasil: HasilMasuk | None = None
        self.sandi_dipakai: str | None = None
        """The password that worked, kept only until a forced change (`minta_masuk`)."""
        judul = QLabel("<b style='font-size:15pt'>SAKIP Desktop</b>")
        self.tata.addWidget(judul)
        self.tata.addWidget(QLabel(keterangan or "Masuk dengan akun pengguna Anda.", wordWrap=True))
        basis = QLabel(f"Basis data: {db.label}", styleSheet="color: #5f6368;")
        basis.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tata.addWidget(basis)
        self.isian_username = QLineEdit(username, objectName="isianUsername")
        self.isian_sandi = self._sandi()
        self.isian_sandi.setObjectName("isianSandi")
        self.formulir.addRow("&Nama pengguna", self.isian_username)
        self.formulir.addRow("&Sandi", self.isian_sandi)
        self._selesaikan_tata()
        (self.isian_sandi if username else self.isian_username).setFocus()

    def _coba(self) -> None:
        if self.hitung.aktif:
            return
        username = self.isian_username.text().strip()
        sandi = self.isian_sandi.text()
        if not username or not sandi:
            self.pesan.setText("Isi nama pengguna dan sandi.")
            return
        try:
            hasil = self._sibuk(lambda: masuk(self._db, username, sandi, kini=self._waktu()))
        except KesalahanPengguna as exc:
            self.isian_sandi.clear()
            self.isian_sandi.setFocus()
            self._tolak(exc)
            return
        assert isinstance(hasil, HasilMasuk)
        self.hasil = hasil
        self.sandi_dipakai = sandi if hasil.harus_ganti_sandi else None
        self.isian_sandi.clear()
        self.accept()


class DialogAdminPertama(_DialogSandi):
    """First run: the first account, an Administrator. ``hasil`` is its log-in."""

    def __init__(
        self,
        db: Database,
        *,
        kini: Kini | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "Buat akun administrator", "Buat akun", teks_batal="Keluar", kini=kini, parent=parent
        )
        self.setObjectName("dialogAdminPertama")
        self._db = db
        self.hasil: HasilMasuk | None = None
        self.tata.addWidget(
            QLabel(
                "<b>Basis data ini belum memiliki akun pengguna.</b><br>Buat akun Administrator "
                "pertama. Administrator kemudian membuat akun untuk pengguna lain dan "
                "menentukan perannya.",
                wordWrap=True,
            )
        )
        self.isian_username = QLineEdit(placeholderText="mis. admin", objectName="isianUsername")
        self.isian_nama = QLineEdit(placeholderText="mis. Rina Wulandari", objectName="isianNama")
        self.isian_sandi = self._sandi(f"paling sedikit {PANJANG_SANDI_MIN} karakter")
        self.isian_sandi.setObjectName("isianSandi")
        self.isian_ulang = self._sandi()
        self.isian_ulang.setObjectName("isianUlang")
        self.formulir.addRow("&Nama pengguna *", self.isian_username)
        self.formulir.addRow("Nama &lengkap", self.isian_nama)
        self.formulir.addRow("&Sandi *", self.isian_sandi)
        self.formulir.addRow("&Ulangi sandi *", self.isian_ulang)
        self._selesaikan_tata()
        self.isian_username.setFocus()

    def _coba(self) -> None:
        username = self.isian_username.text().strip()
        sandi = self.isian_sandi.text()
        if not username or not sandi:
            self.pesan.setText("Isi nama pengguna dan sandi.")
            return
        if sandi != self.isian_ulang.text():
            self.pesan.setText("Kedua sandi tidak sama. Ketik ulang sandi yang sama dua kali.")
            self.isian_ulang.clear()
            self.isian_ulang.setFocus()
            return
        nama = self.isian_nama.text().strip() or None

        def buat() -> HasilMasuk:
            info = buat_administrator_pertama(self._db, username, sandi, nama=nama)
            return masuk(self._db, info.username, sandi, kini=self._waktu())

        try:
            hasil = self._sibuk(buat)
        except KesalahanPengguna as exc:
            self._tolak(exc)
            return
        assert isinstance(hasil, HasilMasuk)
        self.hasil = hasil
        self.isian_sandi.clear()
        self.isian_ulang.clear()
        self.accept()


class DialogGantiSandi(_DialogSandi):
    """One's own password: old, new twice. With ``sandi_lama`` (a forced change right
    after log-in) the old password is not asked again."""

    def __init__(
        self,
        db: Database,
        pelaku: Pelaku,
        *,
        sandi_lama: str | None = None,
        jam: Jam = time.monotonic,
        kini: Kini | None = None,
        parent: QWidget | None = None,
    ) -> None:
        wajib = sandi_lama is not None
        super().__init__(
            "Ganti sandi",
            "Ganti sandi",
            teks_batal="Keluar" if wajib else "Batal",
            jam=jam,
            kini=kini,
            parent=parent,
        )
        self.setObjectName("dialogGantiSandi")
        self._db = db
        self._pelaku = pelaku
        self._sandi_lama = sandi_lama
        teks = f"Sandi baru untuk <b>{pelaku.label}</b> ({pelaku.username})."
        if wajib:
            teks = (
                "Sandi Anda diatur ulang oleh Administrator atau dibuat sementara. "
                "Buat sandi baru sebelum melanjutkan.<br>" + teks
            )
        self.tata.addWidget(QLabel(teks, wordWrap=True))
        self.isian_lama = self._sandi()
        self.isian_lama.setObjectName("isianSandiLama")
        self.isian_baru = self._sandi(f"paling sedikit {PANJANG_SANDI_MIN} karakter")
        self.isian_baru.setObjectName("isianSandiBaru")
        self.isian_ulang = self._sandi()
        self.isian_ulang.setObjectName("isianUlang")
        if not wajib:
            self.formulir.addRow("Sandi &lama", self.isian_lama)
        self.formulir.addRow("Sandi &baru", self.isian_baru)
        self.formulir.addRow("&Ulangi sandi baru", self.isian_ulang)
        self._selesaikan_tata()
        (self.isian_baru if wajib else self.isian_lama).setFocus()

    def _coba(self) -> None:
        if self.hitung.aktif:
            return
        lama = self._sandi_lama if self._sandi_lama is not None else self.isian_lama.text()
        baru = self.isian_baru.text()
        if not lama or not baru:
            self.pesan.setText("Isi sandi lama dan sandi baru.")
            return
        if baru != self.isian_ulang.text():
            self.pesan.setText("Sandi baru dan ulangannya tidak sama.")
            self.isian_ulang.clear()
            self.isian_ulang.setFocus()
            return
        try:
            self._sibuk(lambda: ganti_sandi(self._db, self._pelaku, lama, baru, kini=self._waktu()))
        except GagalMasuk as exc:
            self.isian_lama.clear()
            self.isian_lama.setFocus()
            self._tolak(exc)
            return
        except KesalahanPengguna as exc:
            self._tolak(exc)
            return
        self._sandi_lama = None
        for isian in (self.isian_lama, self.isian_baru, self.isian_ulang):
            isian.clear()
        self.accept()


# --- for the start-up sequence ------------------------------------------------------------------


def minta_masuk(db: Database, *, parent: QWidget | None = None) -> HasilMasuk | None:
    """The log-in dialog, then a forced password change when the account needs one.
    None when the user cancels (the program then quits)."""
    dlg = DialogMasuk(db, parent=parent)
    if dlg.exec() != QDialog.DialogCode.Accepted or dlg.hasil is None:
        return None
    hasil = dlg.hasil
    if hasil.harus_ganti_sandi:
        ganti = DialogGantiSandi(db, hasil.pelaku, sandi_lama=dlg.sandi_dipakai, parent=parent)
        dlg.sandi_dipakai = None
        if ganti.exec() != QDialog.DialogCode.Accepted:
            return None
    return hasil


def minta_admin_pertama(db: Database, *, parent: QWidget | None = None) -> HasilMasuk | None:
    """The mandatory first-administrator dialog; None when cancelled (the program quits)."""
    dlg = DialogAdminPertama(db, parent=parent)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return None
    return dlg.hasil
