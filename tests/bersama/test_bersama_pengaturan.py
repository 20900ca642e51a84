"""Server settings without the password in plain text; the keyring, or asking each start;
the change poller's fallback; the messages for each way a connection fails."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import OperationalError

from sakip_desktop.errors import InputTidakSah, KoneksiTerputus
from sakip_desktop.services.sinkron import PemantauPerubahan
from sakip_desktop.storage import Database
from sakip_desktop.storage.database import terjemahkan_galat_db
from sakip_desktop.storage.server import PengaturanServer, simpan_pengaturan_server


def test_pengaturan_kosong_ditolak(tmp_path):
    with pytest.raises(InputTidakSah, match="Alamat server"):
        simpan_pengaturan_server(PengaturanServer(" ", "sakip", "u"), tmp_path)


@pytest.mark.parametrize(
    ("pesan_driver", "harap"),
    [
        (
            'connection failed: connection to server at "10.0.0.5", port 5432 failed: '
            "Connection refused",
            "tidak dapat dihubungi",
        ),
        (
            'connection failed: FATAL:  password authentication failed for user "x"',
            "Sandi atau nama pengguna",
        ),
        ('connection failed: FATAL:  database "sakip" does not exist', "tidak ada"),
        ("server does not support SSL, but SSL was required", "tidak mendukung SSL"),
        ("failed to resolve host 'srv': Name or service not known", "Nama server tidak dikenal"),
        ("terminating connection due to administrator command", "terputus"),
        ("server closed the connection unexpectedly", "terputus"),
    ],
)
def test_pesan_galat_server(pesan_driver, harap, tmp_path):
    with Database(str(tmp_path / "x.sqlite3")) as db:
        galat = terjemahkan_galat_db(OperationalError("SELECT 1", {}, Exception(pesan_driver)), db)
    assert galat is not None and harap in galat.pesan
    if harap == "terputus":
        assert isinstance(galat, KoneksiTerputus)


def test_pemantau_periodik_di_sqlite(db_demo, templat_bersama):
    if not db_demo.adalah_sqlite:
        pytest.skip("cara periodik diuji di SQLite; PostgreSQL memakai LISTEN/NOTIFY")
    from sakip_desktop.domain import Peran
    from sakip_desktop.model import Pemda
    from sakip_desktop.services.pelaku import Pelaku

    p = Pelaku("rina", Peran.PERENCANA)
    with Database(db_demo.url) as lain, PemantauPerubahan(db_demo) as pantau:
        assert not pantau.mendengar and pantau.periksa() is False
        with db_demo.transaksi(p) as sesi:
            sesi.add(Pemda(nama="Kabupaten A"))
        assert pantau.periksa() is False  # our own change
        with lain.transaksi(p) as sesi:
            sesi.add(Pemda(nama="Kabupaten B"))
        assert pantau.periksa() is True
        assert pantau.periksa() is False
