"""Backups: automatic on opening and closing, rotated; a restore brings back exactly the
backup's data (after checking it and keeping a safety copy); a damaged or foreign file is
refused plainly and the newest good backup is offered."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from bantu_keamanan import isi_semua
from sqlalchemy import select

from sakip_desktop.cli.main import main
from sakip_desktop.domain import DokumenTarget, Peran
from sakip_desktop.errors import KesalahanPengguna
from sakip_desktop.kalkulasi import NilaiTarget
from sakip_desktop.model import Indikator, Risiko
from sakip_desktop.services.indikator import transaksi
from sakip_desktop.services.konteks import pilih_opd
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.pengguna import buat_administrator_pertama, tambah_pengguna
from sakip_desktop.services.target import LayananTarget
from sakip_desktop.storage import Database
from sakip_desktop.storage.cadangan import (
    BerkasRusak,
    PengaturanCadangan,
    baca_pengaturan_cadangan,
    buat_cadangan,
    buka_berkas,
    cadangan_otomatis,
    cadangkan,
    daftar_cadangan,
    nama_cadangan,
    periksa_berkas,
    pulihkan,
    simpan_pengaturan_cadangan,
)

ADMIN = Pelaku("admin", Peran.ADMINISTRATOR)


@pytest.fixture
def kantor(db_demo: Database, tmp_path: Path) -> Path:
    """The office's SQLite file holding the demo (copied from the server database on
    PostgreSQL runs: that copy is itself a backup made with `cadangkan`)."""
    path = tmp_path / "kantor" / "sakip.sqlite3"
    path.parent.mkdir()
    cadangkan(db_demo, path)
    return path


@pytest.fixture
def pengaturan(tmp_path: Path) -> PengaturanCadangan:
    return PengaturanCadangan(folder=tmp_path / "usb" / "cadangan-sakip", simpan=5)


def baca_isi(path: Path, tmp_path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of a database file, read from a copy (opening a file switches it to WAL)."""
    salinan = tmp_path / f"baca-{path.stem}-{datetime.now():%H%M%S%f}.sqlite3"
    shutil.copyfile(path, salinan)
    with Database(str(salinan)) as db:
        return isi_semua(db)


def _ubah_target(db: Database, kode: str, nilai: str) -> None:
    with db.baca() as sesi:
        ind = sesi.scalars(select(Indikator.id).where(Indikator.kode == kode)).one()
    LayananTarget(db).simpan(
        ADMIN, ind, 2020, 0, DokumenTarget.PK, NilaiTarget(Decimal(nilai)), alasan="uji"
    )


def test_pemulihan_mengembalikan_tepat_isi_cadangan(
    kantor: Path, pengaturan: PengaturanCadangan, tmp_path: Path
) -> None:
    with buka_berkas(kantor, pengaturan) as db:
        buat_administrator_pertama(db, "admin", "sandi-admin-1")
        _ubah_target(db, "IKU.1", "1.4")
    cadangan = daftar_cadangan(pengaturan.folder_untuk(kantor))[0]
    assert cadangan.peristiwa == "tutup"
    isi_cadangan = baca_isi(cadangan.path, tmp_path)

    with buka_berkas(kantor, pengaturan) as db:  # work goes on after the backup
        _ubah_target(db, "IKU.1", "1.9")
        tambah_pengguna(db, ADMIN, "kabid2", Peran.PEMBACA, sandi="sandi-kabid-1")
        with transaksi(db, ADMIN, "hapus risiko") as sesi:
            sesi.delete(sesi.scalars(select(Risiko).limit(1)).one())
    isi_sesudah = baca_isi(kantor, tmp_path)
    assert isi_sesudah != isi_cadangan

    hasil = pulihkan(
        kantor,
        cadangan.path,
        folder_pengaman=tmp_path / "pengaman",
        pelaku=ADMIN,
        alasan="Kembali ke cadangan",
    )
    isi_pulih = baca_isi(kantor, tmp_path)
    tanpa_jejak = {t: b for t, b in isi_pulih.items() if t != "jejak_audit"}
    assert tanpa_jejak == {t: b for t, b in isi_cadangan.items() if t != "jejak_audit"}
    # The trail is the backup's plus one row that records the restore itself.
    baru = set(isi_pulih["jejak_audit"]) - set(isi_cadangan["jejak_audit"])
    assert set(isi_cadangan["jejak_audit"]) <= set(isi_pulih["jejak_audit"])
    assert len(baru) == 1
    (baris,) = baru
    assert "'pulihkan'" in baris and repr(cadangan.path.name) in baris and "'admin'" in baris
    # The file as it was before the restore is kept whole.
    assert hasil.pengaman is not None and hasil.pengaman.parent == tmp_path / "pengaman"
    assert baca_isi(hasil.pengaman, tmp_path) == isi_sesudah
    assert hasil.pemeriksaan.sah


@pytest.mark.parametrize("rusak", ["terpotong", "bita-acak"])
def test_berkas_rusak_ditolak_dan_cadangan_baik_terbaru_ditawarkan(
    kantor: Path,
    pengaturan: PengaturanCadangan,
    tmp_path: Path,
    rusak: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for _ in range(2):
        with buka_berkas(kantor, pengaturan):
            pass
    folder = pengaturan.folder_untuk(kantor)
    terbaik = daftar_cadangan(folder)[0]
    # A newer backup that is itself damaged must not be the one offered.
    palsu = nama_cadangan(folder, kantor.stem, "tutup", datetime.now() + timedelta(hours=1))
    palsu.write_bytes(kantor.read_bytes()[:5000])
    assert daftar_cadangan(folder)[0].path == palsu

    asli = kantor.read_bytes()
    isi = asli[: len(asli) // 2] if rusak == "terpotong" else os.urandom(len(asli))
    kantor.write_bytes(isi)
    with pytest.raises(BerkasRusak) as e, buka_berkas(kantor, pengaturan):
        pass
    pesan = e.value.pesan
    assert f"Berkas basis data rusak atau bukan basis data SAKIP: {kantor}" in pesan
    assert e.value.cadangan is not None and e.value.cadangan.path == terbaik.path
    assert f"Cadangan baik terbaru: {terbaik.path}" in pesan
    assert kantor.read_bytes() == isi, "berkas rusak tidak boleh diubah"

    # The command line says the same in one line and exits non-zero.
    data = tmp_path / "data"
    data.mkdir()
    simpan_pengaturan_cadangan(data, pengaturan)
    kode = main(["--data-dir", str(data), "--database", str(kantor), "capaian", "--year", "2020"])
    err = capsys.readouterr().err
    assert kode == 1
    assert err.count("\n") == 1 and "Cadangan baik terbaru" in err and str(terbaik.path) in err

    hasil = pulihkan(kantor, e.value.cadangan.path, folder_pengaman=folder)
    assert hasil.pengaman is not None and hasil.pengaman.read_bytes() == isi
    assert baca_isi(kantor, tmp_path)["indikator"] == baca_isi(terbaik.path, tmp_path)["indikator"]
    with buka_berkas(kantor, pengaturan) as db:
        assert pilih_opd_nama(db) == "Dinas Tenaga Kerja"


def pilih_opd_nama(db: Database) -> str:
    with db.baca() as sesi:
        return pilih_opd(sesi).nama


def test_pulihkan_menolak_cadangan_rusak_asing_atau_lebih_baru(
    kantor: Path, tmp_path: Path
) -> None:
    sebelum = baca_isi(kantor, tmp_path)
    terpotong = tmp_path / "terpotong.sqlite3"
    terpotong.write_bytes(kantor.read_bytes()[:20000])
    asing = tmp_path / "asing.sqlite3"
    conn = sqlite3.connect(asing)
    conn.execute("CREATE TABLE pelanggan (id INTEGER PRIMARY KEY, nama TEXT)")
    conn.commit()
    conn.close()
    baru = tmp_path / "baru.sqlite3"
    shutil.copyfile(kantor, baru)
    conn = sqlite3.connect(baru)
    conn.execute("DELETE FROM alembic_version")
    conn.execute("INSERT INTO alembic_version VALUES ('9999_masa_depan')")
    conn.commit()
    conn.close()
    for berkas, alasan in (
        (terpotong, "rusak"),
        (asing, "bukan basis data SAKIP Desktop"),
        (baru, "versi SAKIP Desktop yang lebih baru"),
    ):
        with pytest.raises(BerkasRusak, match="tidak dapat dipulihkan") as e:
            pulihkan(kantor, berkas)
        assert alasan in e.value.pesan
    assert baca_isi(kantor, tmp_path) == sebelum
    with pytest.raises(KesalahanPengguna, match="basis data itu sendiri"):
        pulihkan(kantor, kantor)


def test_cadangan_skema_lama_dapat_dipulihkan(kantor: Path, tmp_path: Path) -> None:
    lama = Path(__file__).parent.parent / "data" / "skema-0001-demo.sqlite3"
    cek = periksa_berkas(lama)
    assert cek.sah and cek.revisi == "0001" and cek.jumlah and cek.jumlah["indikator"] > 20
    pulihkan(kantor, lama, folder_pengaman=tmp_path / "pengaman")
    with buka_berkas(kantor, PengaturanCadangan(folder=tmp_path / "bak")) as db:
        assert pilih_opd_nama(db) == "Dinas Tenaga Kerja"


def test_rotasi_menyimpan_n_cadangan_otomatis_terakhir(kantor: Path, tmp_path: Path) -> None:
    pengaturan = PengaturanCadangan(folder=tmp_path / "bak", simpan=3)
    with Database(str(kantor)) as db:
        manual = buat_cadangan(db, pengaturan.folder_untuk(kantor), "manual")
    dibuat: list[Path] = []  # every automatic backup, in order of making
    for _ in range(4):
        with buka_berkas(kantor, pengaturan):
            pass
        baru = [c for c in daftar_cadangan(pengaturan.folder_untuk(kantor)) if c.peristiwa]
        dibuat += [c.path for c in baru if c.peristiwa in ("buka", "tutup")][:2][::-1]
    assert len(dibuat) == 8
    daftar = daftar_cadangan(pengaturan.folder_untuk(kantor))
    otomatis = [c.path for c in daftar if c.peristiwa in ("buka", "tutup")]
    assert otomatis == dibuat[::-1][:3]  # the newest three, newest first
    assert manual in [c.path for c in daftar], "cadangan manual tidak ikut dirotasi"
    for c in daftar:
        assert c.ukuran == c.path.stat().st_size > 100_000
        assert abs((datetime.now() - c.waktu).total_seconds()) < 120
        assert c.label.endswith(" KB")
        assert periksa_berkas(c.path).sah


def test_pengaturan_cadangan(tmp_path: Path, db: Database) -> None:
    assert baca_pengaturan_cadangan(tmp_path) == PengaturanCadangan()
    usb = tmp_path / "usb"
    usb.mkdir()
    simpan_pengaturan_cadangan(tmp_path, PengaturanCadangan(folder=usb, simpan=7))
    assert baca_pengaturan_cadangan(tmp_path) == PengaturanCadangan(folder=usb, simpan=7)
    with pytest.raises(KesalahanPengguna, match="Folder cadangan tidak ada"):
        simpan_pengaturan_cadangan(tmp_path, PengaturanCadangan(folder=tmp_path / "x"))
    with pytest.raises(KesalahanPengguna, match="1–1000"):
        simpan_pengaturan_cadangan(tmp_path, PengaturanCadangan(simpan=0))
    (tmp_path / "cadangan.json").write_text("{rusak", encoding="utf-8")
    assert baca_pengaturan_cadangan(tmp_path) == PengaturanCadangan()
    if db.path is None:  # a server database is backed up by its own administrator
        assert cadangan_otomatis(db, PengaturanCadangan(folder=usb), "buka") is None
    else:
        hasil = cadangan_otomatis(db, PengaturanCadangan(folder=usb), "buka")
        assert hasil is not None and hasil.parent == usb
