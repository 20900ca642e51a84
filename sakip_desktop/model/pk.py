"""Perjanjian Kinerja: a header per position and year and version, and its rows.

A signed PK keeps a snapshot of both parties (name, NIP, pangkat, jabatan, Plt./Plh.) and
of every row, so it reprints identically after people move or targets change.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..domain import StatusPemangku, StatusPK
from .base import Base, Berversi, Uang
from .organisasi import Jabatan, enum_kolom


class PerjanjianKinerja(Berversi, Base):
    __tablename__ = "perjanjian_kinerja"
    __table_args__ = (
        UniqueConstraint("jabatan_id", "tahun", "versi_ke"),
        CheckConstraint("versi_ke >= 0", name="versi_sah"),
    )

    jabatan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jabatan.id", ondelete="RESTRICT"))
    tahun: Mapped[int]
    versi_ke: Mapped[int] = mapped_column(default=0)
    """0 the original PK; 1, 2… each PK perubahan."""
    status: Mapped[StatusPK] = mapped_column(
        enum_kolom(StatusPK, "status_pk"), default=StatusPK.DRAF
    )
    alasan_perubahan: Mapped[str | None] = mapped_column(Text)
    tempat: Mapped[str | None] = mapped_column(String(100))
    tanggal: Mapped[date | None] = mapped_column(Date)
    ditandatangani_pada: Mapped[datetime | None]

    # Snapshot of the parties, filled when signed (and shown while a draft).
    pertama_pegawai_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("pegawai.id", ondelete="SET NULL")
    )
    pertama_nama: Mapped[str | None] = mapped_column(String(250))
    pertama_nip: Mapped[str | None] = mapped_column(String(18))
    pertama_pangkat: Mapped[str | None] = mapped_column(String(120))
    pertama_jabatan: Mapped[str | None] = mapped_column(String(250))
    pertama_status: Mapped[StatusPemangku | None] = mapped_column(
        enum_kolom(StatusPemangku, "pertama_status")
    )
    kedua_pegawai_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("pegawai.id", ondelete="SET NULL")
    )
    kedua_nama: Mapped[str | None] = mapped_column(String(250))
    kedua_nip: Mapped[str | None] = mapped_column(String(18))
    kedua_pangkat: Mapped[str | None] = mapped_column(String(120))
    kedua_jabatan: Mapped[str | None] = mapped_column(String(250))
    kedua_status: Mapped[StatusPemangku | None] = mapped_column(
        enum_kolom(StatusPemangku, "kedua_status")
    )

    jabatan: Mapped[Jabatan] = relationship()
    baris: Mapped[list[BarisPK]] = relationship(
        back_populates="pk", cascade="all, delete-orphan", order_by="BarisPK.urutan"
    )


class BarisPK(Berversi, Base):
    """One row of the lampiran: a performance row (sasaran · indikator · target) or a
    budget row (program/kegiatan · anggaran), with the texts snapshotted."""

    __tablename__ = "baris_pk"
    __table_args__ = (CheckConstraint("bagian IN ('kinerja', 'anggaran')", name="bagian_sah"),)

    pk_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("perjanjian_kinerja.id", ondelete="CASCADE")
    )
    bagian: Mapped[str] = mapped_column(String(10))
    urutan: Mapped[int] = mapped_column(default=0)
    node_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("node_kinerja.id", ondelete="SET NULL")
    )
    indikator_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("indikator.id", ondelete="SET NULL")
    )
    induk_teks: Mapped[str | None] = mapped_column(Text)
    """Grouping heading: the program a kegiatan sits under (Eselon III/IV budget tables)."""
    uraian: Mapped[str] = mapped_column(Text)
    """Sasaran (kinerja rows) or program/kegiatan name (anggaran rows)."""
    indikator_teks: Mapped[str | None] = mapped_column(Text)
    target: Mapped[Decimal | None]
    target_maks: Mapped[Decimal | None]
    target_teks: Mapped[str | None] = mapped_column(String(80))
    satuan: Mapped[str | None] = mapped_column(String(40))
    anggaran: Mapped[Decimal | None] = mapped_column(Uang)
    keterangan: Mapped[str | None] = mapped_column(Text)

    pk: Mapped[PerjanjianKinerja] = relationship(back_populates="baris")
