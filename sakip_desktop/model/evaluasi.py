"""The LKE self-evaluation (Lembar Kerja Evaluasi): one evaluation per agency and year,
and its answers per criterion.

The worksheet itself (components, sub-components, criteria, weights) is versioned data in
resources/lke/*.yaml, not tables: an evaluation names the worksheet version it was answered
against (``versi_lke``), so an older scheme (PermenPANRB 12/2015) and the current one
(88/2021) can both be kept and scored.
"""

from __future__ import annotations

import uuid

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Berversi


class EvaluasiLke(Berversi, Base):
    """An agency's self-evaluation of one year against one worksheet version."""

    __tablename__ = "evaluasi_lke"
    __table_args__ = (UniqueConstraint("opd_id", "tahun"),)

    opd_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("opd.id", ondelete="CASCADE"))
    tahun: Mapped[int]
    versi_lke: Mapped[str] = mapped_column(String(60))
    """Worksheet version key, e.g. ``permenpanrb-88-2021``."""
    catatan: Mapped[str | None] = mapped_column(Text)

    jawaban: Mapped[list[JawabanLke]] = relationship(
        back_populates="evaluasi", cascade="all, delete-orphan", order_by="JawabanLke.kriteria"
    )


class JawabanLke(Berversi, Base):
    """The answer to one criterion: Y/T or A–E, a note, and evidence links.

    ``bukti`` holds one link per line: ``node:<uuid>``, ``pk:<uuid>``, ``realisasi:<uuid>``,
    ``berkas:<uuid>``, ``lkjip:<tahun>``, a file path or a web address.
    """

    __tablename__ = "jawaban_lke"
    __table_args__ = (
        UniqueConstraint("evaluasi_id", "kriteria"),
        CheckConstraint(
            "jawaban IS NULL OR jawaban IN ('Y', 'T', 'A', 'B', 'C', 'D', 'E')",
            name="jawaban_sah",
        ),
    )

    evaluasi_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("evaluasi_lke.id", ondelete="CASCADE")
    )
    kriteria: Mapped[str] = mapped_column(String(40))
    """The criterion's code in the worksheet (``1.a.3``)."""
    jawaban: Mapped[str | None] = mapped_column(String(1))
    catatan: Mapped[str | None] = mapped_column(Text)
    bukti: Mapped[str | None] = mapped_column(Text)

    evaluasi: Mapped[EvaluasiLke] = relationship(back_populates="jawaban")
