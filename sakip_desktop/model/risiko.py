"""Manajemen risiko: the risk register linked to the tree, with its status per quarter."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Berversi
from .organisasi import Jabatan
from .pohon import NodeKinerja


class Risiko(Berversi, Base):
    __tablename__ = "risiko"
    __table_args__ = (
        CheckConstraint("level BETWEEN 0 AND 5", name="level_sah"),
        CheckConstraint("kemungkinan IS NULL OR kemungkinan BETWEEN 1 AND 5", name="kemungkinan"),
        CheckConstraint("dampak_skala IS NULL OR dampak_skala BETWEEN 1 AND 5", name="dampak"),
    )

    opd_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("opd.id", ondelete="CASCADE"))
    tahun: Mapped[int]
    urutan: Mapped[int] = mapped_column(default=0)
    level: Mapped[int]
    node_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("node_kinerja.id", ondelete="SET NULL")
    )
    pemilik_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("jabatan.id", ondelete="SET NULL")
    )
    pemilik_teks: Mapped[str | None] = mapped_column(String(120))
    """Owner as the source prints it (BUPATI, KEPALA OPD, KEPALA BIDANG)."""
    pernyataan: Mapped[str] = mapped_column(Text)
    penyebab: Mapped[str | None] = mapped_column(Text)
    dampak: Mapped[str | None] = mapped_column(Text)
    pengendalian_ada: Mapped[str | None] = mapped_column(Text)
    rencana_tindak: Mapped[str | None] = mapped_column(Text)
    kemungkinan: Mapped[int | None]
    dampak_skala: Mapped[int | None]
    penanggung_jawab: Mapped[str | None] = mapped_column(String(200))
    tenggat: Mapped[date | None] = mapped_column(Date)

    node: Mapped[NodeKinerja | None] = relationship()
    pemilik: Mapped[Jabatan | None] = relationship()

    @property
    def skor(self) -> int | None:
        """Likelihood × impact (1–25)."""
        if self.kemungkinan is None or self.dampak_skala is None:
            return None
        return self.kemungkinan * self.dampak_skala


class StatusRisiko(Berversi, Base):
    __tablename__ = "status_risiko"
    __table_args__ = (
        UniqueConstraint("risiko_id", "tahun", "triwulan"),
        CheckConstraint("triwulan BETWEEN 1 AND 4", name="triwulan_sah"),
    )

    risiko_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("risiko.id", ondelete="CASCADE"))
    tahun: Mapped[int]
    triwulan: Mapped[int]
    status: Mapped[str] = mapped_column(String(40))
    catatan: Mapped[str | None] = mapped_column(Text)
