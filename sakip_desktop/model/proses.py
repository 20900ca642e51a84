"""Proses bisnis (management, core, support) and the SOP register (kepatuhan internal)."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..domain import JenisProses
from .base import Base, Berversi
from .organisasi import enum_kolom
from .pohon import NodeKinerja


class ProsesBisnis(Berversi, Base):
    """One line of the process outline; core processes map to tree nodes (level 1–4)."""

    __tablename__ = "proses_bisnis"

    opd_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("opd.id", ondelete="CASCADE"))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("proses_bisnis.id", ondelete="CASCADE")
    )
    jenis: Mapped[JenisProses] = mapped_column(enum_kolom(JenisProses, "jenis_proses"))
    urutan: Mapped[int] = mapped_column(default=0)
    uraian: Mapped[str] = mapped_column(Text)
    keterangan: Mapped[str | None] = mapped_column(Text)
    node_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("node_kinerja.id", ondelete="SET NULL")
    )

    node: Mapped[NodeKinerja | None] = relationship()


class Sop(Berversi, Base):
    """A standard operating procedure with its document kept inside the database."""

    __tablename__ = "sop"

    opd_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("opd.id", ondelete="CASCADE"))
    judul: Mapped[str] = mapped_column(Text)
    nomor: Mapped[str | None] = mapped_column(String(120))
    tahun: Mapped[int | None]
    unit_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("unit_kerja.id", ondelete="SET NULL")
    )
    status: Mapped[str] = mapped_column(String(40), default="berlaku")
    proses_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("proses_bisnis.id", ondelete="SET NULL")
    )
    node_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("node_kinerja.id", ondelete="SET NULL")
    )
    nama_berkas: Mapped[str | None] = mapped_column(String(255))
    jenis_mime: Mapped[str | None] = mapped_column(String(120))
    sha256: Mapped[str | None] = mapped_column(String(64))
    isi: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
