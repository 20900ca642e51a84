"""The regency (pemda) and its agencies (OPD); one database may hold several agencies."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Berversi


class Pemda(Berversi, Base):
    """A regency or city government, e.g. Pemerintah Kabupaten Lamongan."""

    __tablename__ = "pemda"

    nama: Mapped[str] = mapped_column(String(200), unique=True)
    """"Kabupaten Lamongan" — letterheads print "PEMERINTAH " + nama in capitals."""
    ibu_kota: Mapped[str | None] = mapped_column(String(100))
    jabatan_kepala_daerah: Mapped[str] = mapped_column(String(100), default="Bupati")

    opd: Mapped[list[Opd]] = relationship(back_populates="pemda", order_by="Opd.nama")


class Opd(Berversi, Base):
    """An agency (Organisasi Perangkat Daerah), e.g. Dinas Tenaga Kerja."""

    __tablename__ = "opd"
    __table_args__ = (UniqueConstraint("pemda_id", "nama"),)

    pemda_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pemda.id", ondelete="RESTRICT"))
    nama: Mapped[str] = mapped_column(String(200))
    singkatan: Mapped[str | None] = mapped_column(String(50))
    kode: Mapped[str | None] = mapped_column(String(40))
    alamat: Mapped[str | None] = mapped_column(Text)
    telepon: Mapped[str | None] = mapped_column(String(80))
    surel: Mapped[str | None] = mapped_column(String(120))
    laman: Mapped[str | None] = mapped_column(String(200))
    tempat_ttd: Mapped[str | None] = mapped_column(String(100))
    """Place printed above signatures ("Lamongan")."""

    pemda: Mapped[Pemda] = relationship(back_populates="opd")
