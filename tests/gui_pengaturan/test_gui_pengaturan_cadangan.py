"""Pengaturan › Cadangan: where backups go, "Cadangkan sekarang", and a restore that brings
back exactly the backed-up data in the open window (this page and the others)."""

from __future__ import annotations

import os
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from sqlalchemy import select

from sakip_desktop.domain import Peran
from sakip_desktop.gui.halaman.pengaturan import HalamanPengaturan, TabCadangan, teks_ukuran
from sakip_desktop.gui.halaman.realisasi import HalamanRealisasi
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.gui.model_realisasi import K_TARGET_TAHUN
from sakip_desktop.model import Indikator, Target
from sakip_desktop.services import pengguna as layanan
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.storage import Database
from sakip_desktop.storage.cadangan import baca_pengaturan_cadangan

DI_SERVER = bool(os.environ.get("SAKIP_TEST_DATABASE_URL"))
hanya_sqlite = pytest.mark.skipif(DI_SERVER, reason="cadangan berkas hanya untuk SQLite")


def _sel_realisasi(h: HalamanRealisasi, kode: str, kolom: int) -> str:
    for r in range(h.model.rowCount()):
        if h.model.entri(r).kode == kode:
            return str(h.model.index(r, kolom).data())
    raise AssertionError(kode)


def _ubah_target(db: Database, pelaku: Pelaku, kode: str, nilai: Decimal) -> None:
    with db.transaksi(pelaku, alasan="uji") as sesi:
        baris = sesi.scalars(
            select(Target)
            .join(Indikator)
            .where(Indikator.kode == kode, Target.tahun == 2020, Target.triwulan == 0)
        ).all()
        assert baris
        for t in baris:
            t.nilai = nilai


@hanya_sqlite
def test_tempat_cadangan_dan_cadangkan_sekarang(
    qtbot,  # type: ignore[no-untyped-def]
    halaman_admin: HalamanPengaturan,
    folder_data: Path,
    tmp_path: Path,
    db_demo: Database,
    galat: list[tuple[str, str]],
) -> None:
    h = halaman_admin
    t = h.tab_cadangan
    h.tab.setCurrentWidget(t)
    assert db_demo.path is not None
    assert t.folder.text() == str(db_demo.path.parent / "cadangan")  # the default
    assert t.tabel.rowCount() == 0
    usb = tmp_path / "usb"
    usb.mkdir()
    t._atur_folder(usb)
    t.simpan_n.setValue(3)
    qtbot.mouseClick(t.tombol_simpan, Qt.MouseButton.LeftButton)
    assert not galat
    tersimpan = baca_pengaturan_cadangan(folder_data)
    assert (tersimpan.folder, tersimpan.simpan) == (usb, 3)

    qtbot.mouseClick(t.tombol_cadangkan, Qt.MouseButton.LeftButton)
    assert not galat
    berkas = list(usb.glob("demo-*-manual.sqlite3"))
    assert len(berkas) == 1
    assert str(berkas[0]) in t.label_hasil.text()
    assert t.tabel.rowCount() == 1
    waktu, ukuran, jenis, nama = (t.tabel.item(0, k).text() for k in range(4))
    assert (jenis, nama) == ("manual", berkas[0].name)
    assert ukuran == f"{round(berkas[0].stat().st_size / 1024)} KB"  # "652 KB"
    assert waktu[:2].strip().isdigit()  # "7 Agustus 2025 10.15.00"
    # the new backup is selected and previewed with what it holds
    assert t.terpilih() is not None and "Berkas baik" in t.pratinjau.text()
    assert "indikator" in t.pratinjau.text() and t.tombol_pulihkan.isEnabled()

    # a folder that does not exist is refused with its name
    t._atur_folder(tmp_path / "tidak-ada")
    qtbot.mouseClick(t.tombol_simpan, Qt.MouseButton.LeftButton)
    assert "Folder cadangan tidak ada" in galat[-1][1]


@hanya_sqlite
def test_pulihkan_mengembalikan_data_cadangan_di_jendela_yang_terbuka(
    qtbot,  # type: ignore[no-untyped-def]
    buka: Callable[[Pelaku], JendelaUtama],
    admin: Pelaku,
    db_demo: Database,
    jawaban: list[tuple[str, str]],
    galat: list[tuple[str, str]],
) -> None:
    w = buka(admin)
    w.k.galat.connect(lambda judul, pesan: galat.append((judul, pesan)))
    w.buka_halaman("realisasi")
    realisasi = w.halaman_aktif()
    assert isinstance(realisasi, HalamanRealisasi)
    assert _sel_realisasi(realisasi, "IKU.2", K_TARGET_TAHUN) == "5,15%"
    w.buka_halaman("pengaturan")
    h = w.halaman_aktif()
    assert isinstance(h, HalamanPengaturan)
    t = h.tab_cadangan
    h.tab.setCurrentWidget(t)
    cadangan = t.cadangkan()
    assert cadangan is not None

    # after the backup: a target, an account and a band change
    _ubah_target(db_demo, admin, "IKU.2", Decimal("9.99"))
    layanan.tambah_pengguna(db_demo, admin, "baru", Peran.PEMBACA, sandi="sandi-baru-2020")
    h.tab_capaian.tabel_band.item(0, 1).setText("Diubah")
    assert h.tab_capaian.simpan()
    w.buka_halaman("realisasi")
    assert _sel_realisasi(realisasi, "IKU.2", K_TARGET_TAHUN) == "9,99%"
    w.buka_halaman("pengaturan")
    h.segarkan()
    assert h.tab_pengguna.tabel.rowCount() == 2

    realisasi.undo_stack.push(QUndoCommand("suntingan sebelum pemulihan"))
    for i in range(t.tabel.rowCount()):
        if t.tabel.item(i, 3).text() == cadangan.name:
            t.tabel.selectRow(i)
    qtbot.mouseClick(t.tombol_pulihkan, Qt.MouseButton.LeftButton)
    assert not galat, galat
    judul, teks = jawaban[-1]
    assert judul == "Pulihkan cadangan"
    assert "akan DIGANTI" in teks and "Salinan pengaman" in teks
    assert cadangan.name in teks and "indikator" in teks

    assert realisasi.undo_stack.count() == 0  # nothing to replay onto the restored data
    # this page shows the restored data
    assert h.tab_pengguna.tabel.rowCount() == 1
    assert h.tab_capaian.tabel_band.item(0, 1).text() == "Sangat Berhasil"
    assert "dipulihkan" in t.label_hasil.text()
    hasil = t.hasil_pulih
    assert hasil is not None and hasil.pengaman is not None and hasil.pengaman.exists()
    # the safety copy is listed, and holds the data of before the restore
    assert any(t.tabel.item(i, 2).text() == "sebelum pemulihan" for i in range(t.tabel.rowCount()))
    # another page shows the restored target
    w.buka_halaman("realisasi")
    assert _sel_realisasi(realisasi, "IKU.2", K_TARGET_TAHUN) == "5,15%"
    with pytest.raises(layanan.GagalMasuk):
        layanan.masuk(db_demo, "baru", "sandi-baru-2020")
    with db_demo.baca() as sesi:
        nilai = sesi.scalars(
            select(Target.nilai)
            .join(Indikator)
            .where(Indikator.kode == "IKU.2", Target.tahun == 2020, Target.triwulan == 0)
        ).all()
    assert Decimal("9.99") not in nilai


@hanya_sqlite
def test_pulihkan_dibatalkan_tidak_mengubah_apa_pun(
    qtbot,  # type: ignore[no-untyped-def]
    halaman_admin: HalamanPengaturan,
    admin: Pelaku,
    db_demo: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sakip_desktop.gui import dialog

    t = halaman_admin.tab_cadangan
    cadangan = t.cadangkan()
    assert cadangan is not None
    layanan.tambah_pengguna(db_demo, admin, "tetap", Peran.PEMBACA, sandi="sandi-tetap-20")
    monkeypatch.setattr(dialog, "tanya", lambda *_a, **_k: False)
    assert not t.pulihkan(cadangan)
    assert layanan.masuk(db_demo, "tetap", "sandi-tetap-20")


@hanya_sqlite
def test_kabid_dapat_mencadangkan_tetapi_tidak_memulihkan(
    halaman_kabid: HalamanPengaturan,
    kabid: Pelaku,
    galat: list[tuple[str, str]],
) -> None:
    t = halaman_kabid.tab_cadangan
    assert t.tombol_cadangkan.isEnabled()
    cadangan = t.cadangkan()
    assert cadangan is not None and t.tabel.rowCount() == 1
    t.tabel.selectRow(0)
    assert not t.tombol_pulihkan.isEnabled() and not t.tombol_pulihkan_lain.isEnabled()
    assert not t.tombol_simpan.isEnabled()
    assert not t.pulihkan(cadangan)  # the service check refuses even a direct call
    assert "Akses ditolak" in galat[-1][1]


def test_basis_data_server_menjelaskan_pg_dump(
    halaman_admin: HalamanPengaturan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(TabCadangan, "path_db", property(lambda _self: None))
    t = halaman_admin.tab_cadangan
    t.segarkan()
    assert not t.label_server.isHidden() and "pg_dump" in t.label_server.text()
    for b in (t.tombol_cadangkan, t.tombol_pulihkan, t.tombol_pulihkan_lain, t.tombol_simpan):
        assert not b.isEnabled()
    assert t.tabel.rowCount() == 0


def test_ukuran_berkas_format_indonesia() -> None:
    assert teks_ukuran(100) == "1 KB"
    assert teks_ukuran(1_263_616) == "1.234 KB"
    assert teks_ukuran(12_900_000) == "12,3 MB"


@hanya_sqlite
def test_pulihkan_memakai_kunci_berkas_yang_dipegang_jendela(
    halaman_admin: HalamanPengaturan,
    admin: Pelaku,
    db_demo: Database,
    galat: list[tuple[str, str]],
) -> None:
    from sakip_desktop.storage.kunci_berkas import KunciBerkas

    assert db_demo.path is not None
    kunci = KunciBerkas(db_demo.path).ambil()  # as gui/aplikasi.py holds it
    halaman_admin.k.kunci_berkas = kunci
    try:
        t = halaman_admin.tab_cadangan
        cadangan = t.cadangkan()
        assert cadangan is not None
        layanan.tambah_pengguna(db_demo, admin, "sesudah", Peran.PEMBACA, sandi="sandi-sesudah-1")
        assert t.pulihkan(cadangan), galat
        assert kunci.dipegang  # the window keeps its lock through the restore
        with pytest.raises(layanan.GagalMasuk):
            layanan.masuk(db_demo, "sesudah", "sandi-sesudah-1")
    finally:
        kunci.lepas()
