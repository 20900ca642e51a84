"""Settings kept in the database, so every PC on a shared database agrees."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Angka, Base, Berversi


class Pengaturan(Berversi, Base):
    """A key/value setting, global (opd_id NULL) or per agency; values are JSON text."""

    __tablename__ = "pengaturan"
    __table_args__ = (UniqueConstraint("opd_id", "kunci"),)

    opd_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("opd.id", ondelete="CASCADE"))
    kunci: Mapped[str] = mapped_column(String(80))
    nilai: Mapped[str] = mapped_column(Text)


class BandCapaian(Berversi, Base):
    """A capaian colour band; thresholds differ by pemda (DOMAIN.md "Capaian bands")."""

    __tablename__ = "band_capaian"

    opd_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("opd.id", ondelete="CASCADE"))
    batas_bawah: Mapped[Decimal] = mapped_column(Angka)
    label: Mapped[str] = mapped_column(String(80))
    warna: Mapped[str] = mapped_column(String(9))


class SkalaPredikat(Berversi, Base):
    """A scale that scores text targets (opini WTP = 4 …)."""

    __tablename__ = "skala_predikat"

    nama: Mapped[str] = mapped_column(String(120), unique=True)
    nilai: Mapped[list[NilaiPredikat]] = relationship(
        back_populates="skala", cascade="all, delete-orphan", order_by="NilaiPredikat.skor.desc()"
    )


class NilaiPredikat(Berversi, Base):
    __tablename__ = "nilai_predikat"
    __table_args__ = (UniqueConstraint("skala_id", "teks"),)

    skala_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("skala_predikat.id", ondelete="CASCADE"))
    teks: Mapped[str] = mapped_column(String(80))
    skor: Mapped[Decimal] = mapped_column(Angka)

    skala: Mapped[SkalaPredikat] = relationship(back_populates="nilai")
