"""Other users' changes appear in an open window: a thin Qt adapter over the poller.

A timer asks `services.sinkron.PemantauPerubahan` every few seconds (on PostgreSQL that only
reads pending LISTEN notices; elsewhere it is one small query) and announces news as
`Konteks.dataBerubah("*")`, so every page reloads what it shows. While ``tunda()`` says the
user is typing (unsaved edits on the open page), the news waits, so a reload never throws
away what was typed; it is announced at the first tick after.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from ..services.sinkron import PemantauPerubahan
from .konteks import Konteks

SELANG_DENGAR_MS = 2000
SELANG_PERIKSA_MS = 10000


class PantauPerubahan(QObject):
    """Signals: none of its own; emits ``konteks.dataBerubah("*")`` on outside changes."""

    def __init__(
        self,
        konteks: Konteks,
        induk: QObject | None = None,
        *,
        tunda: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(induk)
        self.k = konteks
        self._tunda = tunda
        self._tertunda = False
        self.pemantau = PemantauPerubahan(konteks.db)
        self.timer = QTimer(self)
        self.timer.setInterval(SELANG_DENGAR_MS if self.pemantau.mendengar else SELANG_PERIKSA_MS)
        self.timer.timeout.connect(self.periksa)
        self.timer.start()
        self.destroyed.connect(lambda *_: self.pemantau.tutup())

    def periksa(self) -> bool:
        """Check now; True (and the signal) when another program changed data."""
        self._tertunda = self.pemantau.periksa() or self._tertunda
        if not self._tertunda or (self._tunda is not None and self._tunda()):
            return False
        self._tertunda = False
        self.k.dataBerubah.emit("*")
        return True

    def hentikan(self) -> None:
        self.timer.stop()
        self.pemantau.tutup()
