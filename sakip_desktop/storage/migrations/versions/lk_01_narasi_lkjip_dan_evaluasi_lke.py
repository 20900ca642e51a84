"""narasi LKjIP dan evaluasi mandiri LKE

Tables for the LKjIP narrative written per year (narasi_lkjip) and the LKE self-evaluation
with its answers (evaluasi_lke, jawaban_lke).

Revision ID: lk_01
Revises: 0001
Create Date: 2026-11-28 13:39:21.705055
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "lk_01"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evaluasi_lke",
        sa.Column("opd_id", sa.Uuid(), nullable=False),
        sa.Column("tahun", sa.Integer(), nullable=False),
        sa.Column("versi_lke", sa.String(length=60), nullable=False),
        sa.Column("catatan", sa.Text(), nullable=True),
        sa.Column("versi", sa.Integer(), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("diubah_oleh", sa.String(length=80), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["opd_id"], ["opd.id"], name=op.f("fk_evaluasi_lke_opd_id_opd"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluasi_lke")),
        sa.UniqueConstraint("opd_id", "tahun", name=op.f("uq_evaluasi_lke_opd_id_tahun")),
    )
    op.create_table(
        "narasi_lkjip",
        sa.Column("opd_id", sa.Uuid(), nullable=False),
        sa.Column("tahun", sa.Integer(), nullable=False),
        sa.Column("bagian", sa.String(length=120), nullable=False),
        sa.Column("isi", sa.Text(), nullable=False),
        sa.Column("versi", sa.Integer(), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("diubah_oleh", sa.String(length=80), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["opd_id"], ["opd.id"], name=op.f("fk_narasi_lkjip_opd_id_opd"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_narasi_lkjip")),
        sa.UniqueConstraint(
            "opd_id", "tahun", "bagian", name=op.f("uq_narasi_lkjip_opd_id_tahun_bagian")
        ),
    )
    op.create_table(
        "jawaban_lke",
        sa.Column("evaluasi_id", sa.Uuid(), nullable=False),
        sa.Column("kriteria", sa.String(length=40), nullable=False),
        sa.Column("jawaban", sa.String(length=1), nullable=True),
        sa.Column("catatan", sa.Text(), nullable=True),
        sa.Column("bukti", sa.Text(), nullable=True),
        sa.Column("versi", sa.Integer(), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(timezone=True), nullable=False),
        sa.Column("diubah_oleh", sa.String(length=80), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "jawaban IS NULL OR jawaban IN ('Y', 'T', 'A', 'B', 'C', 'D', 'E')",
            name=op.f("ck_jawaban_lke_jawaban_sah"),
        ),
        sa.ForeignKeyConstraint(
            ["evaluasi_id"],
            ["evaluasi_lke.id"],
            name=op.f("fk_jawaban_lke_evaluasi_id_evaluasi_lke"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jawaban_lke")),
        sa.UniqueConstraint(
            "evaluasi_id", "kriteria", name=op.f("uq_jawaban_lke_evaluasi_id_kriteria")
        ),
    )


def downgrade() -> None:
    op.drop_table("jawaban_lke")
    op.drop_table("narasi_lkjip")
    op.drop_table("evaluasi_lke")
