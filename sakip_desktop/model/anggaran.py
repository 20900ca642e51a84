"""Budget: pagu per program/kegiatan/sub-kegiatan, its revisions, and its realization."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..domain import DokumenAnggaran
from .base import Base, Berversi, Uang
from .organisasi import enum_kolom
from .pohon import NodeKinerja


class Anggaran(Berversi, Base):
    """The pagu of a node for a year as set by one budget document (Renja, RKA, DPA).

    The pagu in force on a date is ``pagu`` plus every `RevisiAnggaran` dated on or before
    it, so a report of TW I shows the budget before an April refocusing and the year's
    report the budget after it.
    """

    __tablename__ = "anggaran"
    __table_args__ = (
        UniqueConstraint("node_id", "tahun", "dokumen"),
        CheckConstraint("pagu >= 0", name="pagu_tidak_negatif"),
    )

    node_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("node_kinerja.id", ondelete="RESTRICT"))
    tahun: Mapped[int]
    dokumen: Mapped[DokumenAnggaran] = mapped_column(
        enum_kolom(DokumenAnggaran, "dokumen_anggaran"), default=DokumenAnggaran.DPA
    )
    pagu: Mapped[Decimal] = mapped_column(Uang)
    sumber_dana: Mapped[str | None] = mapped_column(String(120))

    node: Mapped[NodeKinerja] = relationship()


class RevisiAnggaran(Berversi, Base):
    """A change of a pagu during the year (refocusing, APBD perubahan), history kept."""

    __tablename__ = "revisi_anggaran"
    __table_args__ = (Index("ix_revisi_anggaran_node_tahun", "node_id", "tahun"),)

    node_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("node_kinerja.id", ondelete="RESTRICT"))
    tahun: Mapped[int]
    tanggal: Mapped[date] = mapped_column(Date)
    selisih: Mapped[Decimal] = mapped_column(Uang)
    """Negative for a cut (refocusing), positive for an increase."""
    jenis: Mapped[str] = mapped_column(String(40), default="refocusing")
    alasan: Mapped[str] = mapped_column(Text)
    nomor_dokumen: Mapped[str | None] = mapped_column(String(120))
    upaya: Mapped[str | None] = mapped_column(Text)
    """"Upaya/strategi" column of the source's refocusing table."""

    node: Mapped[NodeKinerja] = relationship()


class RealisasiAnggaran(Berversi, Base):
    """Money spent on a node in one quarter (not cumulative)."""

    __tablename__ = "realisasi_anggaran"
    __table_args__ = (
        UniqueConstraint("node_id", "tahun", "triwulan"),
        CheckConstraint("triwulan BETWEEN 1 AND 4", name="triwulan_sah"),
        CheckConstraint("jumlah >= 0", name="jumlah_tidak_negatif"),
    )

    node_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("node_kinerja.id", ondelete="RESTRICT"))
    tahun: Mapped[int]
    triwulan: Mapped[int]
    jumlah: Mapped[Decimal] = mapped_column(Uang)
    catatan: Mapped[str | None] = mapped_column(Text)

    node: Mapped[NodeKinerja] = relationship()
