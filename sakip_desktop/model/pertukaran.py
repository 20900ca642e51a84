"""Exchange files (paket) between PCs: the database's shared secret, the log per peer, and
the conflicts left for a person.

`IdentitasBasisData` holds one random secret made when the database is created; every copy
of the database (``sakip db copy``, a backup) carries it, so a paket signed with it comes
from a copy of this agency's database (see docs/paket.md for the trust model).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Index, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Berversi, Rekaman, sekarang


class IdentitasBasisData(Rekaman, Base):
    """The secret every copy of one database shares (HMAC key of its exchange files)."""

    __tablename__ = "identitas_basis_data"

    rahasia: Mapped[str] = mapped_column(String(128))
    """64 random bytes, hex; never shown, never in a paket."""
    dibuat_pada: Mapped[datetime] = mapped_column(default=sekarang)


class PertukaranPaket(Rekaman, Base):
    """One paket sent or received: the exchange log, per peer (``lingkup``).

    ``lingkup`` names the peer by the part of the organisation the paket covers (a bidang's
    unit id, or "semua" for the planning office's consolidated data); ``jejak_sampai`` is
    the newest audit time the paket covered, where the next export to that peer starts.
    """

    __tablename__ = "pertukaran_paket"
    __table_args__ = (
        UniqueConstraint("paket_id", "arah"),
        CheckConstraint("arah IN ('kirim', 'terima')", name="arah_sah"),
        Index("ix_pertukaran_paket_lingkup", "lingkup", "arah", "waktu"),
    )

    paket_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    arah: Mapped[str] = mapped_column(String(10))
    lingkup: Mapped[str] = mapped_column(String(60))
    lingkup_label: Mapped[str | None] = mapped_column(String(250))
    pengirim: Mapped[str | None] = mapped_column(String(80))
    """Username of the person who exported the paket."""
    waktu: Mapped[datetime] = mapped_column(default=sekarang)
    jejak_sampai: Mapped[datetime | None]
    oleh: Mapped[str | None] = mapped_column(String(80))
    """Who exported (kirim) or imported (terima) it on this PC."""
    jumlah_rekaman: Mapped[int] = mapped_column(default=0)
    jumlah_diterapkan: Mapped[int] = mapped_column(default=0)
    jumlah_konflik: Mapped[int] = mapped_column(default=0)
    sha256: Mapped[str | None] = mapped_column(String(64))
    """Of the whole file, to recognise the same paket imported again."""


class KonflikPaket(Berversi, Base):
    """A record changed on both sides since the last exchange, waiting for a person.

    ``entri`` keeps the paket's version of the record (row and audit rows, JSON) so the
    conflict can be settled later without the file.
    """

    __tablename__ = "konflik_paket"
    __table_args__ = (
        UniqueConstraint("paket_id", "tabel", "rekaman_id"),
        CheckConstraint("status IN ('terbuka', 'pakai-paket', 'tetap-lokal')", name="status_sah"),
        Index("ix_konflik_paket_status", "status"),
    )

    paket_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    tabel: Mapped[str] = mapped_column(String(60))
    rekaman_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    label: Mapped[str] = mapped_column(Text)
    pengirim: Mapped[str | None] = mapped_column(String(80))
    nilai_paket: Mapped[str] = mapped_column(Text)
    """JSON {field: text} — the paket's values of the fields in conflict."""
    nilai_lokal: Mapped[str] = mapped_column(Text)
    """JSON {field: text} — this database's values of the same fields."""
    diubah_lokal_oleh: Mapped[str | None] = mapped_column(String(80))
    diubah_lokal_pada: Mapped[datetime | None]
    entri: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="terbuka")
    alasan: Mapped[str | None] = mapped_column(Text)
    diselesaikan_oleh: Mapped[str | None] = mapped_column(String(80))
    diselesaikan_pada: Mapped[datetime | None]
