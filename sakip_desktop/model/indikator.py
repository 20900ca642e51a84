"""Indicators, their targets per planning document, and the quarterly realizations."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..domain import Agregasi, DokumenTarget, JenisIndikator, Polaritas, StatusRealisasi
from .base import Base, Berversi, Rekaman, sekarang
from .organisasi import enum_kolom
from .pohon import NodeKinerja


class Indikator(Berversi, Base):
    """A measurable indicator of a node (IKU of a sasaran, a program's outcome, …)."""

    __tablename__ = "indikator"
    __table_args__ = (Index("ix_indikator_node_urutan", "node_id", "urutan"),)

    node_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("node_kinerja.id", ondelete="RESTRICT"))
    kode: Mapped[str] = mapped_column(String(40))
    """Stable code users see and type (``IKU.1``); unique within a plan (the services check)."""
    urutan: Mapped[int] = mapped_column(default=0)
    nama: Mapped[str] = mapped_column(Text)
    satuan: Mapped[str] = mapped_column(String(40), default="%")
    jenis: Mapped[JenisIndikator] = mapped_column(
        enum_kolom(JenisIndikator, "jenis_indikator"), default=JenisIndikator.NILAI
    )
    rumus: Mapped[str | None] = mapped_column(Text)
    """Formula as the documents print it."""
    label_komponen_a: Mapped[str | None] = mapped_column(Text)
    """What komponen A counts ("Jumlah tenaga kerja yang ditempatkan tahun N")."""
    label_komponen_b: Mapped[str | None] = mapped_column(Text)
    polaritas: Mapped[Polaritas] = mapped_column(
        enum_kolom(Polaritas, "polaritas"), default=Polaritas.POSITIF
    )
    agregasi: Mapped[Agregasi] = mapped_column(
        enum_kolom(Agregasi, "agregasi"), default=Agregasi.NILAI_AKHIR
    )
    baseline: Mapped[Decimal | None]
    baseline_tahun: Mapped[int | None]
    sumber_data: Mapped[str | None] = mapped_column(Text)
    penjelasan: Mapped[str | None] = mapped_column(Text)
    iku: Mapped[bool] = mapped_column(default=False)
    """An Indikator Kinerja Utama of the agency."""
    skala_predikat_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("skala_predikat.id", ondelete="SET NULL")
    )

    node: Mapped[NodeKinerja] = relationship(back_populates="indikator")
    target: Mapped[list[Target]] = relationship(back_populates="indikator")
    realisasi: Mapped[list[Realisasi]] = relationship(back_populates="indikator")


class Target(Berversi, Base):
    """A target of one indicator, year and quarter, in one planning document.

    ``triwulan`` 0 is the yearly target, 1–4 the quarterly ones. ``perubahan_ke`` 0 is the
    document's original target; each revision (Renstra perubahan, PK perubahan…) adds a
    row with a higher number, who made it, why and under which document number, and the
    highest number is the one in force. A range has ``nilai`` as lower and ``nilai_maks``
    as upper bound; a predicate target has ``nilai_teks``.
    """

    __tablename__ = "target"
    __table_args__ = (
        UniqueConstraint("indikator_id", "tahun", "triwulan", "dokumen", "perubahan_ke"),
        CheckConstraint("triwulan BETWEEN 0 AND 4", name="triwulan_sah"),
        CheckConstraint("perubahan_ke >= 0", name="perubahan_sah"),
        CheckConstraint(
            "nilai_maks IS NULL OR (nilai IS NOT NULL AND nilai_maks >= nilai)",
            name="rentang_urut",
        ),
        Index("ix_target_tahun", "tahun", "dokumen"),
    )

    indikator_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("indikator.id", ondelete="CASCADE"))
    tahun: Mapped[int]
    triwulan: Mapped[int] = mapped_column(default=0)
    dokumen: Mapped[DokumenTarget] = mapped_column(enum_kolom(DokumenTarget, "dokumen_target"))
    perubahan_ke: Mapped[int] = mapped_column(default=0)
    nilai: Mapped[Decimal | None]
    nilai_maks: Mapped[Decimal | None]
    nilai_teks: Mapped[str | None] = mapped_column(String(80))
    alasan: Mapped[str | None] = mapped_column(Text)
    nomor_dokumen: Mapped[str | None] = mapped_column(String(120))

    indikator: Mapped[Indikator] = relationship(back_populates="target")


class Realisasi(Berversi, Base):
    """What was achieved for one indicator in one quarter.

    For a derived indicator the raw counts are stored (``komponen_a``/``komponen_b``) and
    ``nilai`` is computed from them by the services; an absent row is an empty quarter,
    which is not a zero.
    """

    __tablename__ = "realisasi"
    __table_args__ = (
        UniqueConstraint("indikator_id", "tahun", "triwulan"),
        CheckConstraint("triwulan BETWEEN 1 AND 4", name="triwulan_sah"),
        Index("ix_realisasi_tahun", "tahun", "triwulan"),
    )

    indikator_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("indikator.id", ondelete="CASCADE"))
    tahun: Mapped[int]
    triwulan: Mapped[int]
    nilai: Mapped[Decimal | None]
    nilai_teks: Mapped[str | None] = mapped_column(String(80))
    komponen_a: Mapped[Decimal | None]
    komponen_b: Mapped[Decimal | None]
    catatan: Mapped[str | None] = mapped_column(Text)
    """Evidence note."""
    sumber_data: Mapped[str | None] = mapped_column(Text)
    keterangan: Mapped[str | None] = mapped_column(Text)
    """The "Ket" column of the eselon measurement tables."""
    status: Mapped[StatusRealisasi] = mapped_column(
        enum_kolom(StatusRealisasi, "status_realisasi"), default=StatusRealisasi.DRAF
    )
    diverifikasi_oleh: Mapped[str | None] = mapped_column(String(80))
    diverifikasi_pada: Mapped[datetime | None]

    indikator: Mapped[Indikator] = relationship(back_populates="realisasi")
    berkas: Mapped[list[BerkasBukti]] = relationship(
        back_populates="realisasi", cascade="all, delete-orphan"
    )


class BerkasBukti(Rekaman, Base):
    """An evidence file kept inside the database, so no path can dangle."""

    __tablename__ = "berkas_bukti"

    realisasi_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("realisasi.id", ondelete="CASCADE"))
    nama_berkas: Mapped[str] = mapped_column(String(255))
    jenis_mime: Mapped[str] = mapped_column(String(120))
    ukuran: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    isi: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    diunggah_oleh: Mapped[str | None] = mapped_column(String(80))
    diunggah_pada: Mapped[datetime] = mapped_column(default=sekarang)

    realisasi: Mapped[Realisasi] = relationship(back_populates="berkas")


class TindakLanjut(Berversi, Base):
    """Follow-up text of Monitoring IKU, per indicator and quarter."""

    __tablename__ = "tindak_lanjut"
    __table_args__ = (
        UniqueConstraint("indikator_id", "tahun", "triwulan"),
        CheckConstraint("triwulan BETWEEN 1 AND 4", name="triwulan_sah"),
    )

    indikator_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("indikator.id", ondelete="CASCADE"))
    tahun: Mapped[int]
    triwulan: Mapped[int]
    uraian: Mapped[str] = mapped_column(Text)

    indikator: Mapped[Indikator] = relationship()
