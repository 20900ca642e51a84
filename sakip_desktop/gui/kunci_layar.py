"""The idle lock: after ``waktu_kunci_layar`` minutes without mouse or keyboard input the
window's content is covered and the same user's password is asked (`buka_kunci_layar`).

Nothing is closed: pages, unsaved edits and undo history stay as they were under the
cover. The activity tracker itself is Qt-free (`services.pengguna.PenjagaDiam`); this
module feeds it from an application-wide event filter and checks it from a timer.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QVBoxLayout, QWidget

from ..errors import KesalahanPengguna
from ..services.pelaku import Pelaku
from ..services.pengguna import PenjagaDiam, buka_kunci_layar
from ..storage import Database
from .dialog_masuk import Jam, Kini, _DialogSandi

PERISTIWA_AKTIF = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
"""Input that counts as activity."""


class PenyaringAktivitas(QObject):
    """Application-wide event filter: any mouse or keyboard input touches the tracker."""

    def __init__(self, penjaga: PenjagaDiam, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.penjaga = penjaga

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        if event.type() in PERISTIWA_AKTIF:
            self.penjaga.sentuh()
        return False


class PenutupLayar(QWidget):
    """An opaque cover over the whole window (menu and toolbar included)."""

    def __init__(self, jendela: QWidget) -> None:
        super().__init__(jendela)
        self.setObjectName("penutupLayar")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#penutupLayar { background: #e8eaed; }")
        tata = QVBoxLayout(self)
        label = QLabel(
            "<div style='font-size:16pt'><b>SAKIP Desktop terkunci</b></div>"
            "<div>Masukkan sandi untuk melanjutkan pekerjaan.</div>"
        )
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tata.addWidget(label)
        jendela.installEventFilter(self)
        self.hide()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def tampil(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()


class DialogBukaKunci(_DialogSandi):
    """The same user's password; cannot be dismissed without it. Emits ``terbuka(Pelaku)``
    (the account as it is now: an administrator may have changed its role meanwhile)."""

    terbuka = Signal(object)
    tutupDiminta = Signal()

    def __init__(
        self,
        db: Database,
        pelaku: Pelaku,
        *,
        jam: Jam = time.monotonic,
        kini: Kini | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "Layar terkunci — SAKIP Desktop",
            "Buka kunci",
            teks_batal="Tutup program…",
            jam=jam,
            kini=kini,
            parent=parent,
        )
        self.setObjectName("dialogBukaKunci")
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.tombol_kotak.rejected.disconnect()
        self.tombol_kotak.rejected.connect(self._minta_tutup)
        self._db = db
        self._pelaku = pelaku
        self.tata.addWidget(
            QLabel(
                f"Layar dikunci. Masukkan sandi <b>{pelaku.label}</b> ({pelaku.username}) "
                "untuk melanjutkan. Isian yang belum disimpan tetap ada.",
                wordWrap=True,
            )
        )
        self.isian_sandi = self._sandi()
        self.isian_sandi.setObjectName("isianSandi")
        self.formulir.addRow("&Sandi", self.isian_sandi)
        self._selesaikan_tata()
        self.isian_sandi.setFocus()

    def _coba(self) -> None:
        if self.hitung.aktif:
            return
        sandi = self.isian_sandi.text()
        if not sandi:
            self.pesan.setText("Isi sandi.")
            return
        try:
            pelaku = self._sibuk(
                lambda: buka_kunci_layar(self._db, self._pelaku, sandi, kini=self._waktu())
            )
        except KesalahanPengguna as exc:
            self.isian_sandi.clear()
            self.isian_sandi.setFocus()
            self._tolak(exc)
            return
        self.isian_sandi.clear()
        self.terbuka.emit(pelaku)
        self.accept()

    def _minta_tutup(self) -> None:
        """A way out for whoever cannot unlock (a forgotten password, a deactivated
        account): close the program, dropping the edits that were not saved."""
        from . import dialog

        if dialog.tanya(
            self,
            "Tutup program",
            "Tutup SAKIP Desktop tanpa membuka kunci? Isian yang belum disimpan akan hilang; "
            "data yang sudah disimpan tetap aman.",
            tombol_ya="Tutup program",
        ):
            self.tutupDiminta.emit()

    def reject(self) -> None:
        """Esc does not unlock."""

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.result() != QDialog.DialogCode.Accepted:
            event.ignore()


class KunciLayar(QObject):
    """Locks ``jendela`` (a window with a `Konteks` as ``k``) after the idle time.

    Signals: terkunciBerubah(bool).
    """

    terkunciBerubah = Signal(bool)

    def __init__(
        self,
        jendela: QWidget,
        menit: int,
        *,
        jam: Jam = time.monotonic,
        kini: Kini | None = None,
        interval_ms: int = 1000,
        saat_terbuka: Callable[[Pelaku], None] | None = None,
    ) -> None:
        super().__init__(jendela)
        self._jendela = jendela
        self._jam = jam
        self._kini = kini
        self._saat_terbuka = saat_terbuka
        self.penjaga = PenjagaDiam(menit, jam=jam)
        self.penyaring = PenyaringAktivitas(self.penjaga, self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.penyaring)
        self.penutup = PenutupLayar(jendela)
        self.dialog: DialogBukaKunci | None = None
        self.ditahan = False
        """True while the window asks for another user's log-in (no idle lock then)."""
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.periksa)
        self.atur_menit(menit)

    @property
    def terkunci(self) -> bool:
        return self.dialog is not None

    def atur_menit(self, menit: int) -> None:
        """Change the idle time (0 = never lock by itself)."""
        self.penjaga.menit = menit
        self.penjaga.sentuh()
        if menit > 0:
            self.timer.start()
        else:
            self.timer.stop()

    def periksa(self) -> None:
        if not self.terkunci and not self.ditahan and self.penjaga.terkunci():
            self.kunci()

    def kunci(self) -> None:
        """Cover the window and ask the password (Ctrl+L, or the idle timer)."""
        if self.terkunci:
            return
        db = self._jendela.k.db  # type: ignore[attr-defined]
        pelaku = self._jendela.k.pelaku  # type: ignore[attr-defined]
        self.penutup.tampil()
        dlg = DialogBukaKunci(db, pelaku, jam=self._jam, kini=self._kini, parent=self._jendela)
        dlg.terbuka.connect(self._terbuka)
        dlg.tutupDiminta.connect(self._tutup_program)
        dlg.setModal(True)
        self.dialog = dlg
        dlg.show()
        dlg.activateWindow()
        self.terkunciBerubah.emit(True)

    def _terbuka(self, pelaku: Pelaku) -> None:
        dlg, self.dialog = self.dialog, None
        if dlg is not None:
            dlg.deleteLater()
        self.penutup.hide()
        self.penjaga.sentuh()
        if self._saat_terbuka is not None:
            self._saat_terbuka(pelaku)
        self.terkunciBerubah.emit(False)

    def _tutup_program(self) -> None:
        dlg, self.dialog = self.dialog, None
        if dlg is not None:
            dlg.done(QDialog.DialogCode.Rejected)
            dlg.deleteLater()
        self._jendela._tutup_tanpa_tanya = True  # type: ignore[attr-defined]
        self._jendela.close()

    def hentikan(self) -> None:
        """Stop watching (the window closes)."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.penyaring)
