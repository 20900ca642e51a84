"""The performance tree (pohon kinerja / cascading).

One table holds every level, from the regency's visi (RPJMD nodes, shared by the pemda's
agencies) down to a staff task. An agency's tujuan hangs under an RPJMD sasaran; its own
nodes belong to its Renstra. Besides the parent link, a node may support nodes of other
branches or units through `TautanCascading`.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..domain import JenisNode
from .base import Base, Berversi
from .organisasi import Jabatan, enum_kolom

if TYPE_CHECKING:
    from .indikator import Indikator


class NodeKinerja(Berversi, Base):
    __tablename__ = "node_kinerja"
    __table_args__ = (
        CheckConstraint(
            "(rpjmd_id IS NULL) <> (renstra_id IS NULL)", name="milik_rpjmd_atau_renstra"
        ),
        Index("ix_node_kinerja_parent_urutan", "parent_id", "urutan"),
        Index("ix_node_kinerja_renstra_kode", "renstra_id", "kode"),
    )

    rpjmd_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("rpjmd.id", ondelete="CASCADE"))
    renstra_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("renstra.id", ondelete="CASCADE")
    )
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("node_kinerja.id", ondelete="RESTRICT")
    )
    jenis: Mapped[JenisNode] = mapped_column(enum_kolom(JenisNode, "jenis_node"))
    urutan: Mapped[int] = mapped_column(default=0)
    kode: Mapped[str | None] = mapped_column(String(40))
    """Permendagri-style code where known (``2.07.03.2.01``)."""
    uraian: Mapped[str] = mapped_column(Text)
    """The statement: a tujuan/sasaran, or a program/kegiatan name."""
    sasaran: Mapped[str | None] = mapped_column(Text)
    """For program/kegiatan: its sasaran program/kegiatan as the PK prints it."""
    pemilik_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("jabatan.id", ondelete="SET NULL")
    )
    """The position that owns (and answers for) this node."""
    keterangan: Mapped[str | None] = mapped_column(Text)

    parent: Mapped[NodeKinerja | None] = relationship(
        remote_side="NodeKinerja.id", back_populates="anak"
    )
    anak: Mapped[list[NodeKinerja]] = relationship(
        back_populates="parent", order_by="NodeKinerja.urutan"
    )
    pemilik: Mapped[Jabatan | None] = relationship()
    indikator: Mapped[list[Indikator]] = relationship(
        back_populates="node", order_by="Indikator.urutan"
    )

    @property
    def level(self) -> int | None:
        return self.jenis.level


class TautanCascading(Berversi, Base):
    """An upper node (optionally one of its indicators) supported by a lower node.

    The parent link is the tree's structure; these links say what else a node feeds,
    for example a Hubungan Industrial kegiatan that serves the UMK sasaran of another branch.
    Budget allocation per sasaran follows them.
    """

    __tablename__ = "tautan_cascading"
    __table_args__ = (
        UniqueConstraint("node_atas_id", "node_bawah_id", "indikator_atas_id"),
        CheckConstraint("node_atas_id <> node_bawah_id", name="bukan_diri_sendiri"),
    )

    node_atas_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("node_kinerja.id", ondelete="CASCADE")
    )
    node_bawah_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("node_kinerja.id", ondelete="CASCADE")
    )
    indikator_atas_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("indikator.id", ondelete="CASCADE")
    )

    node_atas: Mapped[NodeKinerja] = relationship(foreign_keys=[node_atas_id])
    node_bawah: Mapped[NodeKinerja] = relationship(foreign_keys=[node_bawah_id])
