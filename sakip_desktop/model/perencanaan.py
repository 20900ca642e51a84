"""Planning periods: the regency's RPJMD, an agency's Renstra, and the years inside it."""

from __future__ import annotations

import uuid

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Berversi
from .wilayah import Opd, Pemda


class Rpjmd(Berversi, Base):
    """The regency's medium-term plan; its visi, misi, tujuan and sasaran are tree nodes."""

    __tablename__ = "rpjmd"
    __table_args__ = (
        UniqueConstraint("pemda_id", "tahun_awal"),
        CheckConstraint("tahun_akhir >= tahun_awal", name="periode_urut"),
    )

    pemda_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pemda.id", ondelete="CASCADE"))
    tahun_awal: Mapped[int]
    tahun_akhir: Mapped[int]
    nama: Mapped[str | None] = mapped_column(String(200))
    nomor_dokumen: Mapped[str | None] = mapped_column(String(120))

    pemda: Mapped[Pemda] = relationship()


class Renstra(Berversi, Base):
    """An agency's five-year strategic plan, e.g. Renstra Disnaker 2016–2021."""

    __tablename__ = "renstra"
    __table_args__ = (
        UniqueConstraint("opd_id", "tahun_awal"),
        CheckConstraint("tahun_akhir >= tahun_awal", name="periode_urut"),
    )

    opd_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("opd.id", ondelete="CASCADE"))
    rpjmd_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("rpjmd.id", ondelete="SET NULL"))
    tahun_awal: Mapped[int]
    tahun_akhir: Mapped[int]
    nama: Mapped[str | None] = mapped_column(String(200))
    nomor_dokumen: Mapped[str | None] = mapped_column(String(120))

    opd: Mapped[Opd] = relationship()
    rpjmd: Mapped[Rpjmd | None] = relationship()

    @property
    def tahun(self) -> range:
        return range(self.tahun_awal, self.tahun_akhir + 1)

    @property
    def label(self) -> str:
        return f"{self.tahun_awal}–{self.tahun_akhir}"


class TahunKinerja(Berversi, Base):
    """One year of an agency's cycle, with its locks.

    ``target_dikunci`` freezes the year's targets; ``triwulan_ditutup`` is the last closed
    quarter (0 = none), whose realizations are then locked.
    """

    __tablename__ = "tahun_kinerja"
    __table_args__ = (
        UniqueConstraint("opd_id", "tahun"),
        CheckConstraint("triwulan_ditutup BETWEEN 0 AND 4", name="triwulan_ditutup_sah"),
    )

    opd_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("opd.id", ondelete="CASCADE"))
    renstra_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("renstra.id", ondelete="SET NULL")
    )
    tahun: Mapped[int]
    target_dikunci: Mapped[bool] = mapped_column(default=False)
    triwulan_ditutup: Mapped[int] = mapped_column(default=0)
