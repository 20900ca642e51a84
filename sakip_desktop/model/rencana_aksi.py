"""Rencana Aksi: the quarterly actions planned per sasaran, and their realization."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Berversi
from .pohon import NodeKinerja


class RencanaAksi(Berversi, Base):
    __tablename__ = "rencana_aksi"
    __table_args__ = (
        CheckConstraint("triwulan BETWEEN 1 AND 4", name="triwulan_sah"),
        Index("ix_rencana_aksi_node_tahun", "node_id", "tahun", "triwulan"),
    )

    node_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("node_kinerja.id", ondelete="CASCADE"))
    """The sasaran (or program/kegiatan) the action serves."""
    indikator_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("indikator.id", ondelete="SET NULL")
    )
    tahun: Mapped[int]
    triwulan: Mapped[int]
    urutan: Mapped[int] = mapped_column(default=0)
    uraian: Mapped[str] = mapped_column(Text)
    target: Mapped[Decimal | None]
    satuan: Mapped[str | None] = mapped_column(String(40))
    realisasi: Mapped[Decimal | None]
    catatan: Mapped[str | None] = mapped_column(Text)

    node: Mapped[NodeKinerja] = relationship()
