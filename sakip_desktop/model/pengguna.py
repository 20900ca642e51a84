"""Users and the append-only audit trail."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..domain import Peran
from .base import Base, Berversi, Rekaman, sekarang
from .organisasi import Jabatan, enum_kolom


class Pengguna(Berversi, Base):
    """A local account. Only an argon2 hash of the password is ever stored."""

    __tablename__ = "pengguna"

    username: Mapped[str] = mapped_column(String(80), unique=True)
    nama: Mapped[str | None] = mapped_column(String(150))
    hash_sandi: Mapped[str] = mapped_column(String(200))
    peran: Mapped[Peran] = mapped_column(enum_kolom(Peran, "peran"))
    jabatan_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("jabatan.id", ondelete="SET NULL")
    )
    aktif: Mapped[bool] = mapped_column(default=True)
    gagal_berturut: Mapped[int] = mapped_column(default=0)
    gagal_terakhir: Mapped[datetime | None]
    harus_ganti_sandi: Mapped[bool] = mapped_column(default=False)

    jabatan: Mapped[Jabatan | None] = relationship()


class JejakAudit(Rekaman, Base):
    """One changed field of one record: who, when, old and new value, why.

    Written in the same transaction as the change; never updated or deleted by the program.
    """

    __tablename__ = "jejak_audit"
    __table_args__ = (
        Index("ix_jejak_audit_waktu", "waktu"),
        Index("ix_jejak_audit_rekaman", "tabel", "rekaman_id"),
    )

    waktu: Mapped[datetime] = mapped_column(default=sekarang)
    pengguna: Mapped[str | None] = mapped_column(String(80))
    aksi: Mapped[str] = mapped_column(String(20))
    """tambah, ubah, hapus, buka-kunci, impor …"""
    tabel: Mapped[str] = mapped_column(String(60))
    rekaman_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    field: Mapped[str | None] = mapped_column(String(60))
    nilai_lama: Mapped[str | None] = mapped_column(Text)
    nilai_baru: Mapped[str | None] = mapped_column(Text)
    alasan: Mapped[str | None] = mapped_column(Text)
    opd_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    unit_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
