"""Against the real PostgreSQL server (SAKIP_TEST_DATABASE_URL; `.ci/run` sets it): moving a
database to the server and back, a connection dropped in the middle of a save, change
notices, and the messages of "Tes koneksi"."""

from __future__ import annotations

import os
import shutil
from decimal import Decimal

import pytest
from bantu_bersama import id_indikator, semua_baris, sidik
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from sakip_desktop.domain import DokumenTarget
from sakip_desktop.errors import DatabaseBermasalah, KoneksiTerputus
from sakip_desktop.kalkulasi import NilaiTarget
from sakip_desktop.model import Base, BerkasBukti, Realisasi, Target
from sakip_desktop.services.sinkron import PemantauPerubahan
from sakip_desktop.services.target import simpan_target
from sakip_desktop.storage import Database
from sakip_desktop.storage.salin import salin_isi, verifikasi
from sakip_desktop.storage.server import uji_koneksi

URL = os.environ.get("SAKIP_TEST_DATABASE_URL")
pytestmark = pytest.mark.skipif(
    not URL or not URL.startswith("postgresql"),
    reason="perlu server PostgreSQL: setel SAKIP_TEST_DATABASE_URL (.ci/run menyetelnya)",
)


@pytest.fixture
def server(db_url: str) -> str:
    """The test server's database, emptied (the shared ``db_url`` fixture wipes it)."""
    assert db_url == URL
    return db_url


def test_salin_sqlite_ke_postgresql_dan_kembali_sama_persis(
    server, templat_bersama, akun, tmp_path
):
    asal = tmp_path / "asal.sqlite3"
    shutil.copyfile(templat_bersama, asal)
    with Database(str(asal)) as a:
        # Some history and an evidence file, so timestamps and binary contents travel too.
        agus = akun["agus"]
        with a.transaksi(agus, alasan="uji salin") as sesi:
            simpan_target(
                sesi,
                agus,
                id_indikator(a, "IKK.01"),
                2020,
                0,
                DokumenTarget.RENJA,
                NilaiTarget(Decimal("18")),
            )
            r = sesi.scalars(select(Realisasi)).first()
            r.berkas.append(
                BerkasBukti(
                    nama_berkas="bukti.pdf",
                    jenis_mime="application/pdf",
                    ukuran=4,
                    sha256="0" * 64,
                    isi=b"%PDF",
                )
            )
        with Database(server) as pg, Database(str(tmp_path / "kembali.sqlite3")) as b:
            ke_server = salin_isi(a, pg)
            assert ke_server.sah and ke_server.jumlah["jejak_audit"] > 0
            kembali = salin_isi(pg, b)
            assert kembali.sah
            # Every row of every table is the same after the round trip.
            for t in Base.metadata.sorted_tables:
                assert semua_baris(a, t.name) == semua_baris(b, t.name), t.name
            assert verifikasi(a, pg) == [] and sidik(a) == sidik(b)
            with b.baca() as sesi:
                assert sesi.scalars(select(BerkasBukti.isi)).one() == b"%PDF"
            # The server database is no longer empty: a second copy into it is refused.
            with pytest.raises(DatabaseBermasalah, match="tidak kosong"):
                salin_isi(a, pg)


def test_koneksi_putus_di_tengah_simpan_tidak_meninggalkan_sisa(
    server, templat_bersama, akun, tmp_path
):
    asal = tmp_path / "asal.sqlite3"
    shutil.copyfile(templat_bersama, asal)
    with Database(str(asal)) as a, Database(server) as pg:
        salin_isi(a, pg)
    rina = akun["rina"]
    with Database(server) as db, Database(server) as admin_db:
        ind = id_indikator(db, "IKK.01")
        sebelum = sidik(db)

        def simpan(sesi, putuskan: bool) -> None:  # type: ignore[no-untyped-def]
            simpan_target(sesi, rina, ind, 2020, 0, DokumenTarget.RENJA, NilaiTarget(Decimal("21")))
            sesi.flush()  # the first half of the save reached the server
            if putuskan:
                pid = sesi.execute(text("SELECT pg_backend_pid()")).scalar_one()
                with admin_db.engine.begin() as conn:
                    conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
            simpan_target(sesi, rina, ind, 2020, 1, DokumenTarget.RENJA, NilaiTarget(Decimal("5")))

        with pytest.raises(KoneksiTerputus, match="terputus") as info, db.transaksi(rina) as sesi:
            simpan(sesi, True)
        assert "coba simpan lagi" in info.value.pesan
        assert sidik(db) == sebelum  # nothing partial: no target, no audit row
        # The network is back: the same save, retried, succeeds (pre-ping replaced the link).
        with db.transaksi(rina) as sesi:
            simpan(sesi, False)
        with db.baca() as sesi:
            nilai = sesi.scalars(
                select(Target.nilai)
                .where(
                    Target.indikator_id == ind,
                    Target.tahun == 2020,
                    Target.dokumen == DokumenTarget.RENJA,
                )
                .order_by(Target.triwulan)
            ).all()
        assert nilai == [Decimal("21"), Decimal("5")]


def _tunggu(pantau: PemantauPerubahan, detik: float = 5.0) -> bool:
    import time

    batas = time.monotonic() + detik
    while time.monotonic() < batas:
        if pantau.periksa():
            return True
        time.sleep(0.05)
    return False


def test_pemberitahuan_perubahan_dari_pc_lain(server, akun):
    from sakip_desktop.storage.migrasi import tingkatkan

    with Database(server) as pc_a, Database(server) as pc_b:
        tingkatkan(pc_a)
        with PemantauPerubahan(pc_a) as pantau:
            assert pantau.mendengar  # LISTEN/NOTIFY in use
            assert pantau.periksa() is False
            from sakip_desktop.model import Pemda

            with pc_b.transaksi(akun["rina"]) as sesi:
                sesi.add(Pemda(nama="Kabupaten Uji"))
            assert _tunggu(pantau) is True  # a notice may take a moment to arrive
            assert pantau.periksa() is False
            with pc_a.transaksi(akun["rina"]) as sesi:  # its own write is no news
                sesi.add(Pemda(nama="Kabupaten Uji Dua"))
            assert _tunggu(pantau, detik=0.5) is False


def test_pesan_tes_koneksi(server):
    url = make_url(server)
    mati = url.set(port=1).render_as_string(hide_password=False)
    assert "tidak dapat dihubungi" in uji_koneksi(mati).pesan
    tidak_ada = url.set(database="sakip_tidak_ada_h12").render_as_string(hide_password=False)
    hasil = uji_koneksi(tidak_ada)
    assert not hasil.berhasil and "tidak ada" in hasil.pesan
    kosong = uji_koneksi(server)
    assert kosong.berhasil and kosong.kosong
    from sakip_desktop.storage.migrasi import tingkatkan

    with Database(server) as db:
        tingkatkan(db)
        assert "sesuai" in uji_koneksi(server).pesan
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "UPDATE alembic_version SET version_num = 'zz_99' WHERE version_num LIKE 'pt_%'"
                )
            )
    baru = uji_koneksi(server)
    assert not baru.berhasil and "lebih baru" in baru.pesan
