"""The start-up sequence: file lock, damaged file with a backup to restore, automatic
backups, log-in or first administrator, and the non-interactive runs."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from bantu_akun import SANDI_RINA
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from sakip_desktop.domain import Peran
from sakip_desktop.errors import KesalahanPengguna
from sakip_desktop.gui import aplikasi, awal, dialog_masuk
from sakip_desktop.gui.konteks import PERENCANA_LOKAL
from sakip_desktop.model import Opd
from sakip_desktop.services.pengguna import buat_administrator_pertama, masuk
from sakip_desktop.storage import Database
from sakip_desktop.storage.cadangan import (
    PengaturanCadangan,
    cadangan_otomatis,
    cadangkan_sqlite,
    daftar_cadangan,
)
from sakip_desktop.storage.kunci_berkas import BerkasSedangDipakai, KunciBerkas

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("SAKIP_TEST_DATABASE_URL")),
    reason="urutan mulai berkas SQLite program (kunci berkas, berkas rusak, cadangan otomatis) "
    "diuji pada putaran SQLite; sambungan server diuji di tests/bersama",
)


@pytest.fixture(autouse=True)
def tanpa_ukur(monkeypatch: pytest.MonkeyPatch) -> None:
    for nama in ("SAKIP_UKUR_MULAI", "SAKIP_USER", "SAKIP_PASSWORD"):
        monkeypatch.delenv(nama, raising=False)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "data"
    f.mkdir()
    return f


@pytest.fixture
def berkas(db_akun: Database, folder: Path) -> Path:
    """A copy of the demo with accounts, as the program's database file."""
    path = folder / "sakip.sqlite3"
    cadangkan_sqlite(db_akun, path)
    return path


def args_untuk(path: Path, folder: Path) -> argparse.Namespace:
    return argparse.Namespace(
        database=str(path), data_dir=str(folder), demo=False, page="pohon", screenshot=None
    )


@pytest.fixture
def buka(qtbot, folder: Path) -> Iterator:  # type: ignore[no-untyped-def,type-arg]
    """siapkan_jendela as `jalankan` calls it; closes what it opened."""
    dibuka = []

    def jalankan(path: Path, *, interaktif: bool = True):  # type: ignore[no-untyped-def]
        s = QSettings(str(folder / "jendela.ini"), QSettings.Format.IniFormat)
        j = aplikasi.siapkan_jendela(
            args_untuk(path, folder), folder, s, None, interaktif=interaktif
        )
        if j is not None:
            qtbot.addWidget(j)
            dibuka.append(j)
        return j

    yield jalankan
    for j in dibuka:
        j._tutup_tanpa_tanya = True
        j.close()
        aplikasi.tutup_basis_data(j)


@pytest.fixture
def masuk_rina(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The log-in dialog answered by Rina; records that it was shown."""
    ditanya: list[str] = []

    def minta_masuk(db: Database, **_kw: object):  # type: ignore[no-untyped-def]
        ditanya.append("masuk")
        return masuk(db, "rina", SANDI_RINA)

    def minta_admin_pertama(_db: Database, **_kw: object):  # type: ignore[no-untyped-def]
        raise AssertionError("dialog admin pertama tidak diharapkan")

    monkeypatch.setattr(dialog_masuk, "minta_masuk", minta_masuk)
    monkeypatch.setattr(dialog_masuk, "minta_admin_pertama", minta_admin_pertama)
    return ditanya


def jumlah_opd(db: Database) -> int:
    with db.baca() as sesi:
        return sesi.scalar(select(func.count()).select_from(Opd)) or 0


# --- a second copy of the program -------------------------------------------------------------


def test_instans_kedua_ditolak_dengan_pesan(berkas: Path, buka, masuk_rina) -> None:  # type: ignore[no-untyped-def]
    pertama = KunciBerkas(berkas).ambil()
    with pytest.raises(BerkasSedangDipakai):
        KunciBerkas(berkas).ambil()
    with pytest.raises(KesalahanPengguna) as galat:
        buka(berkas)
    pesan = galat.value.pesan
    assert pesan.startswith("Berkas basis data sedang dipakai oleh program SAKIP lain di PC ini (")
    assert str(berkas) in pesan and f"proses {os.getpid()}" in pesan
    assert masuk_rina == []  # refused before any log-in
    pertama.lepas()

    j = buka(berkas)  # the first copy closed: the file opens
    assert j is not None and j.kunci_berkas is not None and j.kunci_berkas.dipegang
    assert masuk_rina == ["masuk"]
    assert j.k.pelaku.username == "rina" and j.k.pelaku.peran is Peran.PERENCANA
    assert j.berakun and j.kunci_layar is not None
    with pytest.raises(BerkasSedangDipakai):  # and now this window holds it
        KunciBerkas(berkas).ambil()


def test_jalankan_instans_kedua_keluar_bersih(  # type: ignore[no-untyped-def]
    qapp, berkas: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pesan: list[tuple[str, str]] = []
    monkeypatch.setattr(
        aplikasi, "_pesan_fatal", lambda judul, teks, **_kw: pesan.append((judul, teks))
    )
    monkeypatch.setattr(
        QGuiApplication, "setHighDpiScaleFactorRoundingPolicy", lambda _kebijakan: None
    )  # only before the application exists (the tests' one exists already)
    with KunciBerkas(berkas):
        kode = aplikasi.jalankan(["--database", str(berkas), "--data-dir", str(folder)])
    assert kode == 1
    assert "sedang dipakai oleh program SAKIP lain di PC ini" in pesan[0][1]


# --- a damaged file ---------------------------------------------------------------------------


def rusakkan(path: Path, cara: str) -> None:
    if cara == "acak":
        path.write_bytes(os.urandom(64 * 1024))
    else:  # truncated in the middle of its pages
        path.write_bytes(path.read_bytes()[:5000])
    for ekor in ("-wal", "-shm"):
        Path(str(path) + ekor).unlink(missing_ok=True)


def siapkan_cadangan(path: Path) -> Path:
    with Database(str(path)) as db:
        hasil = cadangan_otomatis(db, PengaturanCadangan(), "buka")
    assert hasil is not None
    return hasil


def jawab_kotak(monkeypatch: pytest.MonkeyPatch, tombol: str | None) -> list[QMessageBox]:
    """Answer the start-up message boxes: click ``tombol`` when the box has it."""
    kotak_ditampilkan: list[QMessageBox] = []

    def tanya(kotak: QMessageBox):  # type: ignore[no-untyped-def]
        kotak_ditampilkan.append(kotak)
        return next((b for b in kotak.buttons() if b.text() == tombol), None)

    monkeypatch.setattr(awal, "tanya_kotak", tanya)
    return kotak_ditampilkan


@pytest.mark.parametrize("cara", ["acak", "terpotong"])
def test_berkas_rusak_tawarkan_cadangan_terbaru_dan_pulihkan(  # type: ignore[no-untyped-def]
    berkas: Path, folder: Path, buka, masuk_rina, monkeypatch: pytest.MonkeyPatch, cara: str
) -> None:
    cadangan = siapkan_cadangan(berkas)
    rusakkan(berkas, cara)
    kotak = jawab_kotak(monkeypatch, "Pulihkan cadangan ini")

    j = buka(berkas)

    assert kotak[0].windowTitle() == "Basis data rusak"
    assert str(berkas) in kotak[0].text()
    assert "Masalahnya:" in kotak[0].text()
    if cara == "acak":
        assert "bukan berkas basis data SQLite" in kotak[0].text()
    assert str(cadangan) in kotak[0].informativeText()
    assert {b.text() for b in kotak[0].buttons()} == {"Pulihkan cadangan ini", "Keluar"}
    assert kotak[1].windowTitle() == "Basis data dipulihkan"
    assert j is not None  # the restored data opens, after the log-in
    assert masuk_rina == ["masuk"]
    assert jumlah_opd(j.k.db) == 1
    assert j.k.pelaku.username == "rina"
    rusak = [c for c in daftar_cadangan(folder / "cadangan") if c.peristiwa == "rusak"]
    assert len(rusak) == 1  # the damaged file was kept


def test_berkas_rusak_keluar_melepas_kunci(  # type: ignore[no-untyped-def]
    berkas: Path, buka, masuk_rina, monkeypatch: pytest.MonkeyPatch
) -> None:
    siapkan_cadangan(berkas)
    rusakkan(berkas, "acak")
    isi_rusak = berkas.read_bytes()
    kotak = jawab_kotak(monkeypatch, "Keluar")
    assert buka(berkas) is None
    assert len(kotak) == 1 and masuk_rina == []
    assert berkas.read_bytes() == isi_rusak  # nothing restored
    KunciBerkas(berkas).ambil().lepas()  # the lock was released


def test_berkas_rusak_tanpa_cadangan(  # type: ignore[no-untyped-def]
    berkas: Path, buka, masuk_rina, monkeypatch: pytest.MonkeyPatch
) -> None:
    rusakkan(berkas, "acak")
    kotak = jawab_kotak(monkeypatch, "Pulihkan cadangan ini")
    assert buka(berkas) is None
    assert "Tidak ada cadangan yang baik" in kotak[0].informativeText()
    assert [b.text() for b in kotak[0].buttons()] == ["Keluar"]


def test_berkas_rusak_tanpa_jendela_satu_pesan(berkas: Path, buka) -> None:  # type: ignore[no-untyped-def]
    rusakkan(berkas, "acak")
    with pytest.raises(KesalahanPengguna, match="rusak atau bukan basis data SAKIP"):
        buka(berkas, interaktif=False)


# --- automatic backups ------------------------------------------------------------------------


def test_cadangan_otomatis_buka_dan_tutup(berkas: Path, folder: Path, buka, masuk_rina) -> None:  # type: ignore[no-untyped-def]
    j = buka(berkas)
    assert aplikasi.cadangan_otomatis_jendela(j, "buka") is None
    assert aplikasi.cadangan_otomatis_jendela(j, "tutup") is None
    peristiwa = sorted(c.peristiwa or "" for c in daftar_cadangan(folder / "cadangan"))
    assert peristiwa == ["buka", "tutup"]


def test_cadangan_otomatis_gagal_hanya_peringatan(  # type: ignore[no-untyped-def]
    berkas: Path, folder: Path, buka, masuk_rina
) -> None:
    bukan_folder = folder / "usb-tidak-tersambung"
    bukan_folder.write_text("sebuah berkas, bukan folder")
    (folder / "cadangan.json").write_text(json.dumps({"folder": str(bukan_folder)}))
    j = buka(berkas)
    pesan = aplikasi.cadangan_otomatis_jendela(j, "buka")
    assert pesan is not None
    assert pesan.startswith("Cadangan otomatis saat basis data dibuka gagal:")
    assert "Pekerjaan dapat dilanjutkan" in pesan
    assert jumlah_opd(j.k.db) == 1


def test_tanpa_jendela_tidak_ada_cadangan_dan_kunci(  # type: ignore[no-untyped-def]
    berkas: Path, folder: Path, buka, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAKIP_USER", "rina")
    monkeypatch.setenv("SAKIP_PASSWORD", SANDI_RINA)
    j = buka(berkas, interaktif=False)
    assert j.kunci_berkas is None
    assert aplikasi.cadangan_otomatis_jendela(j, "buka") is None
    assert not (folder / "cadangan").exists()


# --- log-in without a dialog, first administrator ---------------------------------------------


def test_tangkapan_layar_dengan_akun_perlu_variabel_lingkungan(  # type: ignore[no-untyped-def]
    berkas: Path, buka, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(KesalahanPengguna, match="SAKIP_USER dan SAKIP_PASSWORD"):
        buka(berkas, interaktif=False)
    monkeypatch.setenv("SAKIP_USER", "rina")
    monkeypatch.setenv("SAKIP_PASSWORD", "bukan-sandinya")
    with pytest.raises(KesalahanPengguna, match="Nama pengguna atau sandi salah"):
        buka(berkas, interaktif=False)
    monkeypatch.setenv("SAKIP_PASSWORD", SANDI_RINA)
    j = buka(berkas, interaktif=False)
    assert j.k.pelaku.username == "rina" and j.berakun


def test_tanpa_akun_tanpa_dialog_tetap_perencana_lokal(  # type: ignore[no-untyped-def]
    db_demo: Database, folder: Path, buka, masuk_rina, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = folder / "demo.sqlite3"
    cadangkan_sqlite(db_demo, path)
    j = buka(path, interaktif=False)
    assert j.k.pelaku == PERENCANA_LOKAL and not j.berakun and j.kunci_layar is None
    monkeypatch.setenv("SAKIP_UKUR_MULAI", "1")  # the start-up benchmark: no dialog either
    j.close()
    aplikasi.tutup_basis_data(j)
    j2 = buka(path)
    assert j2.k.pelaku == PERENCANA_LOKAL and j2.kunci_berkas is not None


def test_tanpa_akun_wajib_buat_administrator(  # type: ignore[no-untyped-def]
    db_demo: Database, folder: Path, buka, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = folder / "demo.sqlite3"
    cadangkan_sqlite(db_demo, path)
    monkeypatch.setattr(dialog_masuk, "minta_admin_pertama", lambda _db, **_kw: None)
    assert buka(path) is None  # cancelled = quit
    KunciBerkas(path).ambil().lepas()

    def buat(db: Database, **_kw: object):  # type: ignore[no-untyped-def]
        buat_administrator_pertama(db, "admin", "sandi-admin-1", nama="Admin")
        return masuk(db, "admin", "sandi-admin-1")

    monkeypatch.setattr(dialog_masuk, "minta_admin_pertama", buat)
    j = buka(path)
    assert j is not None and j.berakun
    assert j.k.pelaku.username == "admin" and j.k.pelaku.peran is Peran.ADMINISTRATOR
    assert j.status_pengguna.text() == "Pengguna: Admin (Administrator)"
