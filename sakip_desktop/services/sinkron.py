"""Other users' changes, noticed without restarting: a poller with no Qt in it.

On PostgreSQL every committed write sends ``NOTIFY sakip_berubah`` with the writer's token
(`Database.transaksi`); the poller LISTENs on its own connection and reports notices from
other programs. Elsewhere (SQLite, or when LISTEN fails) it compares a cheap fingerprint of
the append-only audit trail — its row count and newest time — with the last one, minus
the audit rows this program wrote itself (`Database.jejak_lokal`). The window calls
`periksa()` from a timer (gui/pantau.py); a CLI or a test can call it directly.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from ..model import JejakAudit
from ..storage.database import KANAL_PERUBAHAN, Database


@dataclass(frozen=True)
class SidikJejak:
    jumlah: int
    terbaru: datetime | None


def sidik_jejak(db: Database) -> SidikJejak:
    """Row count and newest time of the audit trail (one indexed aggregate query)."""
    with db.baca() as sesi:
        jumlah, terbaru = sesi.execute(
            select(func.count(JejakAudit.id), func.max(JejakAudit.waktu))
        ).one()
    return SidikJejak(int(jumlah or 0), terbaru)


class PemantauPerubahan:
    """Tells whether someone else changed the database since the last call.

    ``periksa()`` is cheap: on PostgreSQL it only reads pending notices (no query); the
    fallback runs one aggregate query. Errors (a server that went away) are swallowed and
    reported as "no news": the next save will show the real message.
    """

    def __init__(self, db: Database, *, dengar: bool = True) -> None:
        self.db = db
        self._conn: Any = None
        self._sidik = sidik_jejak(db)
        self._lokal = db.jejak_lokal
        if dengar and db.adalah_postgresql:
            self._mulai_dengar()

    @property
    def mendengar(self) -> bool:
        """True when PostgreSQL LISTEN/NOTIFY is in use (else the periodic check)."""
        return self._conn is not None

    def _mulai_dengar(self) -> None:
        try:
            raw = self.db.engine.raw_connection()
            conn = raw.driver_connection
            raw.detach()  # its own connection, never handed back to the pool
            conn.rollback()
            conn.autocommit = True
            conn.execute(f"LISTEN {KANAL_PERUBAHAN}")
        except Exception:  # no LISTEN (a pooler in transaction mode, a dropped link)
            self._conn = None
            return
        self._raw = raw
        self._conn = conn

    def _dari_notifikasi(self) -> bool:
        ada = False
        try:
            for n in self._conn.notifies(timeout=0, stop_after=1000):
                if n.payload != self.db.penanda:
                    ada = True
        except Exception:  # connection lost: fall back to the fingerprint from now on
            self.tutup()
            self._sidik = sidik_jejak(self.db)
            self._lokal = self.db.jejak_lokal
            return True
        return ada

    def _dari_sidik(self) -> bool:
        try:
            baru = sidik_jejak(self.db)
        except Exception:
            return False
        lokal = self.db.jejak_lokal - self._lokal
        lain = baru.jumlah - self._sidik.jumlah - lokal
        self._sidik, self._lokal = baru, self.db.jejak_lokal
        return lain > 0

    def periksa(self) -> bool:
        """True when another program (another PC, another window) changed data."""
        if self._conn is not None:
            return self._dari_notifikasi()
        return self._dari_sidik()

    def tutup(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._raw.close()
            self._conn = None

    def __enter__(self) -> PemantauPerubahan:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.tutup()
