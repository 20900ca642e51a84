"""jejak audit hanya-tambah (trigger menolak UPDATE/DELETE)

The audit trail must stay as written for every role, the administrator included, and for
any program that opens the database (a DB browser, psql), not only for SAKIP Desktop. So
the database itself refuses: triggers that raise on UPDATE and DELETE of ``jejak_audit``
(and on TRUNCATE in PostgreSQL). DDL differs per dialect; both paths are here.

Note for later migrations: an Alembic batch operation on ``jejak_audit`` in SQLite
recreates the table and drops these triggers; such a migration must create them again
(``buat_trigger`` below). tests/keamanan checks they exist after upgrading to heads.

Revision ID: keamanan_01
Revises: 0001
Create Date: 2026-12-01 09:00:00
"""

from __future__ import annotations

from alembic import op

revision = "keamanan_01"
down_revision = "0001"
branch_labels = None
depends_on = None

PESAN = "Jejak audit hanya dapat ditambah; baris jejak tidak boleh diubah atau dihapus."


def buat_trigger() -> None:
    """Create the refusing triggers for the connection's dialect."""
    dialek = op.get_bind().dialect.name
    if dialek == "sqlite":
        for nama, peristiwa in (
            ("jejak_audit_tolak_ubah", "UPDATE"),
            ("jejak_audit_tolak_hapus", "DELETE"),
        ):
            op.execute(
                f"CREATE TRIGGER {nama} BEFORE {peristiwa} ON jejak_audit "
                f"BEGIN SELECT RAISE(ABORT, '{PESAN}'); END"
            )
    elif dialek == "postgresql":
        op.execute(
            "CREATE OR REPLACE FUNCTION jejak_audit_tolak() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN "
            f"RAISE EXCEPTION USING MESSAGE = '{PESAN} (' || TG_OP || ')', "
            "ERRCODE = 'insufficient_privilege'; "
            "END $$"
        )
        op.execute(
            "CREATE TRIGGER jejak_audit_tolak_ubah BEFORE UPDATE OR DELETE ON jejak_audit "
            "FOR EACH ROW EXECUTE FUNCTION jejak_audit_tolak()"
        )
        op.execute(
            "CREATE TRIGGER jejak_audit_tolak_kosongkan BEFORE TRUNCATE ON jejak_audit "
            "FOR EACH STATEMENT EXECUTE FUNCTION jejak_audit_tolak()"
        )
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise NotImplementedError(f"Trigger jejak audit untuk {dialek} belum dibuat.")


def upgrade() -> None:
    buat_trigger()


def downgrade() -> None:
    dialek = op.get_bind().dialect.name
    if dialek == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS jejak_audit_tolak_ubah")
        op.execute("DROP TRIGGER IF EXISTS jejak_audit_tolak_hapus")
    elif dialek == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS jejak_audit_tolak_kosongkan ON jejak_audit")
        op.execute("DROP TRIGGER IF EXISTS jejak_audit_tolak_ubah ON jejak_audit")
        op.execute("DROP FUNCTION IF EXISTS jejak_audit_tolak()")
