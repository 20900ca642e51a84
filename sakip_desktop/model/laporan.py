"""The LKjIP's narrative: the paragraphs the agency writes itself, kept per year.

Tables and charts of the LKjIP come from the data; causes of success or failure, solutions
and analysis are written by people. Each paragraph block is stored under a stable key
(``kata_pengantar``, ``bab1.latar_belakang``, ``bab3.sasaran.<node id>`` …, see
services/lkjip_narasi.py), so a report of the year can be drafted again at any time.
"""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Berversi


class NarasiLkjip(Berversi, Base):
    """One narrative block of one agency's LKjIP of one year."""

    __tablename__ = "narasi_lkjip"
    __table_args__ = (UniqueConstraint("opd_id", "tahun", "bagian"),)

    opd_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("opd.id", ondelete="CASCADE"))
    tahun: Mapped[int]
    bagian: Mapped[str] = mapped_column(String(120))
    """Which block: a key of services/lkjip_narasi.py."""
    isi: Mapped[str] = mapped_column(Text, default="")
