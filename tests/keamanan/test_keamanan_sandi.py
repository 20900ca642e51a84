"""Accounts and passwords: argon2 hashes only, never a password in clear anywhere in the
database; log-in with a growing delay; own change, administrator reset; idle lock."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import String, Text, cast, func, select

from sakip_desktop.domain import Peran
from sakip_desktop.errors import AksesDitolak, InputTidakSah, KesalahanPengguna
from sakip_desktop.model import Base, JejakAudit, Pengguna, sekarang
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.pengguna import (
    GagalMasuk,
    PenjagaDiam,
    atur_waktu_kunci_layar,
    buat_administrator_pertama,
    buka_kunci_layar,
    daftar_pengguna,
    ganti_sandi,
    jeda_gagal,
    jeda_masuk,
    masuk,
    reset_sandi,
    tambah_pengguna,
    ubah_pengguna,
    waktu_kunci_layar,
)
from sakip_desktop.storage import Database

SANDI_ADMIN = "Admin-Sandi-7431!"
SANDI_KABID = "Kabid-Sandi-2857!"
TEBAKAN = "Tebakan-Salah-9902!"
SANDI_BARU = "Baru-Sandi-5521!"
SANDI_RESET = "Reset-Sandi-3310!"


@pytest.fixture
def admin(db_demo: Database) -> Pelaku:
    info = buat_administrator_pertama(db_demo, "Admin", SANDI_ADMIN, nama="Admin Dinas")
    return Pelaku(info.username, info.peran)


def _semua_teks(db: Database, cari: str) -> list[str]:
    """Every text column of every table holding ``cari`` (as "tabel.kolom")."""
    hasil = []
    with db.baca() as sesi:
        for tabel in Base.metadata.sorted_tables:
            for kolom in tabel.columns:
                if isinstance(kolom.type, String | Text):
                    syarat = cast(kolom, Text).contains(cari)
                    n = sesi.scalar(select(func.count()).select_from(tabel).where(syarat))
                    if n:
                        hasil.append(f"{tabel.name}.{kolom.name}")
    return hasil


def test_sandi_tidak_pernah_tersimpan_terbuka(
    db_demo: Database, admin: Pelaku, pelaku: dict[str, Pelaku]
) -> None:
    jabatan = pelaku["kabid_pk"].jabatan_id
    info, _ = tambah_pengguna(
        db_demo, admin, "kabid.pk", Peran.KABID, sandi=SANDI_KABID, jabatan=jabatan
    )
    with pytest.raises(GagalMasuk):
        masuk(db_demo, "kabid.pk", TEBAKAN)
    kabid = masuk(db_demo, "kabid.pk", SANDI_KABID).pelaku
    ganti_sandi(db_demo, kabid, SANDI_KABID, SANDI_BARU)
    sementara = reset_sandi(db_demo, admin, "kabid.pk")
    reset_sandi(db_demo, admin, "kabid.pk", SANDI_RESET)
    assert sementara is not None
    semua_sandi = [SANDI_ADMIN, SANDI_KABID, TEBAKAN, SANDI_BARU, SANDI_RESET, sementara]
    for sandi in semua_sandi:
        assert _semua_teks(db_demo, sandi) == [], sandi
    with db_demo.baca() as sesi:
        hash_ = sesi.scalars(select(Pengguna.hash_sandi)).all()
        assert all(h.startswith("$argon2id$") for h in hash_)
        # The audit trail records that a hash changed, never the hash itself.
        nilai = sesi.execute(select(JejakAudit.nilai_lama, JejakAudit.nilai_baru)).all()
        teks_jejak = " ".join(str(v) for baris in nilai for v in baris)
        assert not any(h in teks_jejak for h in hash_)
        assert "$argon2" not in teks_jejak
        perubahan = sesi.scalars(
            select(JejakAudit.nilai_baru).where(JejakAudit.field == "hash_sandi")
        ).all()
        assert perubahan == ["(disembunyikan)"] * 3
    if db_demo.path is not None:  # the raw bytes of the SQLite file and its WAL
        isi = b"".join(
            p.read_bytes() for p in (db_demo.path, Path(str(db_demo.path) + "-wal")) if p.exists()
        )
        assert len(isi) > 100_000
        for sandi in semua_sandi:
            for kode in ("utf-8", "utf-16-le"):
                assert sandi.encode(kode) not in isi, sandi
    assert info.username == "kabid.pk"


def test_jeda_bertambah_setelah_gagal_berturut(db_demo: Database, admin: Pelaku) -> None:
    assert [jeda_gagal(n) for n in range(1, 8)] == [0, 0, 2, 4, 8, 16, 32]
    assert jeda_gagal(40) == 300
    t0 = sekarang()
    tunggu = []
    for i in range(5):
        with pytest.raises(GagalMasuk, match="Nama pengguna atau sandi salah") as e:
            masuk(db_demo, "admin", TEBAKAN, kini=t0 + timedelta(minutes=i))
        tunggu.append(e.value.tunggu)
    assert tunggu == [0, 0, 2, 4, 8]
    # During the delay even the right password is refused, without being checked.
    with pytest.raises(GagalMasuk, match="Coba lagi dalam 5 detik") as e:
        masuk(db_demo, "admin", SANDI_ADMIN, kini=t0 + timedelta(minutes=4, seconds=3))
    assert e.value.tunggu == pytest.approx(5)
    assert jeda_masuk(db_demo, "admin", kini=t0 + timedelta(minutes=4, seconds=3)) == 5
    # After it, the right password works and the counter starts again.
    hasil = masuk(db_demo, "admin", SANDI_ADMIN, kini=t0 + timedelta(minutes=4, seconds=9))
    assert hasil.pelaku.peran is Peran.ADMINISTRATOR
    with db_demo.baca() as sesi:
        assert sesi.scalars(select(Pengguna.gagal_berturut)).one() == 0


def test_nama_tak_dikenal_dan_akun_nonaktif(
    db_demo: Database, admin: Pelaku, pelaku: dict[str, Pelaku]
) -> None:
    with pytest.raises(GagalMasuk, match=r"^Nama pengguna atau sandi salah\.$"):
        masuk(db_demo, "tidak-ada", SANDI_ADMIN)
    jabatan = pelaku["staf_pk1"].jabatan_id
    tambah_pengguna(db_demo, admin, "staf1", Peran.STAF, sandi=SANDI_KABID, jabatan=jabatan)
    ubah_pengguna(db_demo, admin, "staf1", aktif=False)
    with pytest.raises(GagalMasuk, match="dinonaktifkan"):
        masuk(db_demo, "staf1", SANDI_KABID)
    with pytest.raises(GagalMasuk, match="sandi salah"):  # a wrong password says no more
        masuk(db_demo, "staf1", TEBAKAN)


def test_ganti_sandi_sendiri_dan_reset_oleh_administrator(
    db_demo: Database, admin: Pelaku, pelaku: dict[str, Pelaku]
) -> None:
    jabatan = pelaku["kasi_pk1"].jabatan_id
    _, sementara = tambah_pengguna(db_demo, admin, "kasi1", Peran.KASI, jabatan=jabatan)
    assert sementara is not None and len(sementara) == 12
    hasil = masuk(db_demo, "kasi1", sementara)
    assert hasil.harus_ganti_sandi
    kasi = hasil.pelaku
    with pytest.raises(GagalMasuk, match="Sandi lama salah"):
        ganti_sandi(db_demo, kasi, TEBAKAN, SANDI_BARU)
    with pytest.raises(InputTidakSah, match="terlalu pendek"):
        ganti_sandi(db_demo, kasi, sementara, "pendek")
    ganti_sandi(db_demo, kasi, sementara, SANDI_BARU)
    assert not masuk(db_demo, "kasi1", SANDI_BARU).harus_ganti_sandi
    with pytest.raises(GagalMasuk):
        masuk(db_demo, "kasi1", sementara)
    # Only the administrator resets others' passwords; the user must change it after.
    with pytest.raises(AksesDitolak):
        reset_sandi(db_demo, kasi, "admin", SANDI_RESET)
    reset_sandi(db_demo, admin, "kasi1", SANDI_RESET)
    assert masuk(db_demo, "kasi1", SANDI_RESET).harus_ganti_sandi


def test_aturan_akun(db_demo: Database, admin: Pelaku, pelaku: dict[str, Pelaku]) -> None:
    with pytest.raises(KesalahanPengguna, match="sudah memiliki pengguna"):
        buat_administrator_pertama(db_demo, "admin2", SANDI_ADMIN)
    with pytest.raises(InputTidakSah, match="memerlukan jabatan"):
        tambah_pengguna(db_demo, admin, "kabid", Peran.KABID, sandi=SANDI_KABID)
    with pytest.raises(InputTidakSah, match="sudah dipakai"):
        tambah_pengguna(db_demo, admin, "ADMIN", Peran.PEMBACA, sandi=SANDI_KABID)
    with pytest.raises(InputTidakSah, match="tidak sah"):
        tambah_pengguna(db_demo, admin, "nama dengan spasi", Peran.PEMBACA, sandi=SANDI_KABID)
    with pytest.raises(InputTidakSah, match="Administrator aktif terakhir"):
        ubah_pengguna(db_demo, admin, "admin", peran=Peran.PEMBACA)
    info, _ = tambah_pengguna(
        db_demo, admin, "kabid", Peran.KABID, sandi=SANDI_KABID, jabatan="Kepala Bidang Pelatihan"
    )
    assert info.jabatan == "Kepala Bidang Pelatihan Kerja"
    assert [a.username for a in daftar_pengguna(db_demo, admin)] == ["admin", "kabid"]
    with pytest.raises(AksesDitolak):
        daftar_pengguna(db_demo, masuk(db_demo, "kabid", SANDI_KABID).pelaku)


def test_kunci_layar_diam(db_demo: Database, admin: Pelaku, pelaku: dict[str, Pelaku]) -> None:
    assert waktu_kunci_layar(db_demo) == 15
    with pytest.raises(AksesDitolak):
        atur_waktu_kunci_layar(db_demo, pelaku["kadis"], 5)
    with pytest.raises(InputTidakSah):
        atur_waktu_kunci_layar(db_demo, admin, -1)
    atur_waktu_kunci_layar(db_demo, admin, 5)
    assert waktu_kunci_layar(db_demo) == 5
    jam = [1000.0]
    penjaga = PenjagaDiam(waktu_kunci_layar(db_demo), jam=lambda: jam[0])
    jam[0] += 299
    assert not penjaga.terkunci()
    penjaga.sentuh()
    jam[0] += 299
    assert not penjaga.terkunci() and penjaga.detik_tersisa() == 1
    jam[0] += 1
    assert penjaga.terkunci()
    assert PenjagaDiam(0).detik_tersisa() is None
    with pytest.raises(GagalMasuk):
        buka_kunci_layar(db_demo, admin, TEBAKAN)
    assert buka_kunci_layar(db_demo, admin, SANDI_ADMIN).username == "admin"
