"""The audit trail is append-only in the database itself: whoever writes the SQL (any role
through the program, or another program on the file) cannot update or delete a row."""

from __future__ import annotations

import pytest
from bantu_keamanan import jumlah_jejak
from sqlalchemy import delete, func, select, text, update
from sqlalchemy.exc import DBAPIError

from sakip_desktop.model import JejakAudit
from sakip_desktop.services.demo import muat_demo
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.storage import Database

PESAN = "Jejak audit hanya dapat ditambah"


def _isi_jejak(db: Database) -> list[tuple[object, ...]]:
    with db.baca() as sesi:
        return sorted(
            (tuple(map(repr, b)) for b in sesi.execute(select(JejakAudit.__table__))), key=repr
        )


def test_trigger_ada_setelah_peningkatan_skema(db: Database) -> None:
    with db.engine.connect() as conn:
        if db.adalah_sqlite:
            nama = conn.execute(
                text(
                    "SELECT name FROM sqlite_master "
                    "WHERE type = 'trigger' AND tbl_name = 'jejak_audit'"
                )
            ).scalars()
        else:
            nama = conn.execute(
                text(
                    "SELECT tgname FROM pg_trigger WHERE tgrelid = 'jejak_audit'::regclass "
                    "AND NOT tgisinternal"
                )
            ).scalars()
        assert len(set(nama)) >= 2


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE jejak_audit SET nilai_baru = 'dipalsukan'",
        "UPDATE jejak_audit SET pengguna = NULL WHERE aksi = 'tambah'",
        "DELETE FROM jejak_audit",
        "DELETE FROM jejak_audit WHERE tabel = 'target'",
    ],
    ids=["ubah-nilai", "hapus-pelaku", "hapus-semua", "hapus-sebagian"],
)
def test_sql_langsung_ditolak_basis_data(db_demo: Database, sql: str) -> None:
    """As a DB browser or psql would do it, outside the program."""
    sebelum = _isi_jejak(db_demo)
    with pytest.raises(DBAPIError, match=PESAN), db_demo.engine.begin() as conn:
        conn.execute(text(sql))
    assert _isi_jejak(db_demo) == sebelum


def test_kosongkan_tabel_ditolak_di_postgresql(db_demo: Database) -> None:
    if db_demo.adalah_sqlite:
        pytest.skip("SQLite tidak mengenal TRUNCATE")
    with pytest.raises(DBAPIError, match=PESAN), db_demo.engine.begin() as conn:
        conn.execute(text("TRUNCATE jejak_audit"))
    assert jumlah_jejak(db_demo) > 0


@pytest.mark.parametrize(
    "peran", ["admin", "perencana", "kadis", "kabid_pk", "kasi_pk1", "staf_pk1", "pembaca"]
)
def test_setiap_peran_tidak_dapat_mengubah_jejak(
    db_demo: Database, pelaku: dict[str, Pelaku], peran: str
) -> None:
    """Through the program's own sessions: the session refuses an ORM change, and a bulk
    statement that bypasses the session is refused by the database."""
    sebelum = _isi_jejak(db_demo)
    p = pelaku[peran]
    with pytest.raises(RuntimeError, match="tidak boleh diubah"), db_demo.transaksi(p) as sesi:
        sesi.scalars(select(JejakAudit).limit(1)).one().nilai_baru = "dipalsukan"
    with pytest.raises(RuntimeError, match="tidak boleh dihapus"), db_demo.transaksi(p) as sesi:
        sesi.delete(sesi.scalars(select(JejakAudit).limit(1)).one())
    for perintah in (
        update(JejakAudit).values(alasan="dipalsukan"),
        delete(JejakAudit),
    ):
        with pytest.raises(Exception, match=PESAN), db_demo.transaksi(p) as sesi:
            sesi.execute(perintah)
    assert _isi_jejak(db_demo) == sebelum


def test_demo_pengganti_mempertahankan_jejak(db_demo: Database) -> None:
    """``sakip demo --replace`` wipes the data but keeps every audit row and adds its own."""
    sebelum = _isi_jejak(db_demo)
    muat_demo(db_demo, ganti=True)
    sesudah = _isi_jejak(db_demo)
    assert set(sebelum) < set(sesudah)
    with db_demo.baca() as sesi:
        hapus = sesi.scalar(
            select(func.count()).select_from(JejakAudit).where(JejakAudit.aksi == "hapus")
        )
        assert hapus and hapus > 10  # one row per emptied table, with its count
