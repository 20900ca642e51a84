"""Organisation (SOTK): units as a tree, positions with their superior, people and holders."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import CheckConstraint, Date, Enum, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..domain import Eselon, JenisUnit, StatusPemangku
from .base import Base, Berversi


def enum_kolom(enum_cls: type, nama: str) -> Enum:
    """Store an enum as its value in a VARCHAR with a CHECK, portable to PostgreSQL."""
    return Enum(
        enum_cls,
        name=nama,
        native_enum=False,
        create_constraint=True,
        length=30,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


class UnitKerja(Berversi, Base):
    """Dinas, sekretariat, bidang, seksi… as a tree within one OPD."""

    __tablename__ = "unit_kerja"
    __table_args__ = (Index("ix_unit_kerja_opd_parent", "opd_id", "parent_id"),)

    opd_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("opd.id", ondelete="CASCADE"))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("unit_kerja.id", ondelete="RESTRICT")
    )
    jenis: Mapped[JenisUnit] = mapped_column(enum_kolom(JenisUnit, "jenis_unit"))
    nama: Mapped[str] = mapped_column(String(200))
    kode: Mapped[str | None] = mapped_column(String(40))
    """Short code users type (e.g. "PK" for Bidang Pelatihan Kerja)."""
    urutan: Mapped[int] = mapped_column(default=0)

    parent: Mapped[UnitKerja | None] = relationship(
        remote_side="UnitKerja.id", back_populates="anak"
    )
    anak: Mapped[list[UnitKerja]] = relationship(
        back_populates="parent", order_by="UnitKerja.urutan"
    )


class Jabatan(Berversi, Base):
    """A position: Kepala Dinas, Kabid, Kasi, a staff post — or the Bupati (no unit)."""

    __tablename__ = "jabatan"

    pemda_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pemda.id", ondelete="CASCADE"))
    opd_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("opd.id", ondelete="CASCADE"))
    unit_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("unit_kerja.id", ondelete="RESTRICT")
    )
    atasan_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("jabatan.id", ondelete="SET NULL")
    )
    nama: Mapped[str] = mapped_column(String(250))
    """As printed on the PK: "Kepala Bidang Pelatihan Kerja"."""
    eselon: Mapped[Eselon] = mapped_column(enum_kolom(Eselon, "eselon"))
    urutan: Mapped[int] = mapped_column(default=0)

    unit: Mapped[UnitKerja | None] = relationship()
    atasan: Mapped[Jabatan | None] = relationship(remote_side="Jabatan.id")
    pemangku: Mapped[list[PemangkuJabatan]] = relationship(
        back_populates="jabatan", order_by="PemangkuJabatan.mulai"
    )


class Pegawai(Berversi, Base):
    """A person. NIP is 18 digits for civil servants; the Bupati has none."""

    __tablename__ = "pegawai"
    __table_args__ = (CheckConstraint("nip IS NULL OR length(nip) = 18", name="nip_18_digit"),)

    pemda_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pemda.id", ondelete="CASCADE"))
    nama: Mapped[str] = mapped_column(String(150))
    gelar_depan: Mapped[str | None] = mapped_column(String(50))
    gelar_belakang: Mapped[str | None] = mapped_column(String(80))
    nip: Mapped[str | None] = mapped_column(String(18), unique=True)
    pangkat: Mapped[str | None] = mapped_column(String(80))
    golongan: Mapped[str | None] = mapped_column(String(10))
    fiktif: Mapped[bool] = mapped_column(default=False)
    """True for the demo's placeholder people (the source names nobody)."""

    @property
    def nama_lengkap(self) -> str:
        """Name with titles as printed: "Drs. H. Nama, M.Si."."""
        depan = f"{self.gelar_depan} " if self.gelar_depan else ""
        belakang = f", {self.gelar_belakang}" if self.gelar_belakang else ""
        return f"{depan}{self.nama}{belakang}"

    @property
    def pangkat_golongan(self) -> str | None:
        if self.pangkat and self.golongan:
            return f"{self.pangkat} ({self.golongan})"
        return self.pangkat or self.golongan


class PemangkuJabatan(Berversi, Base):
    """Who held which position when, definitive or acting (Plt./Plh.)."""

    __tablename__ = "pemangku_jabatan"
    __table_args__ = (
        CheckConstraint("selesai IS NULL OR selesai >= mulai", name="selesai_setelah_mulai"),
        Index("ix_pemangku_jabatan_mulai", "jabatan_id", "mulai"),
    )

    jabatan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jabatan.id", ondelete="CASCADE"))
    pegawai_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pegawai.id", ondelete="RESTRICT"))
    mulai: Mapped[date] = mapped_column(Date)
    selesai: Mapped[date | None] = mapped_column(Date)
    status: Mapped[StatusPemangku] = mapped_column(
        enum_kolom(StatusPemangku, "status_pemangku"), default=StatusPemangku.DEFINITIF
    )

    jabatan: Mapped[Jabatan] = relationship(back_populates="pemangku")
    pegawai: Mapped[Pegawai] = relationship()
