"""Pengaturan › Pengguna: an Administrator adds, changes and resets accounts through the
dialog; other roles see why the tab is not theirs, and the services refuse them anyway."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from sakip_desktop.domain import Peran
from sakip_desktop.errors import AksesDitolak
from sakip_desktop.gui.dialog_pengguna import DialogPengguna
from sakip_desktop.gui.halaman.pengaturan import HalamanPengaturan
from sakip_desktop.services import pengguna as layanan
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.storage import Database


def _isi_tabel(h: HalamanPengaturan) -> dict[str, list[str]]:
    t = h.tab_pengguna.tabel
    return {
        t.item(i, 0).text(): [t.item(i, k).text() for k in range(t.columnCount())]
        for i in range(t.rowCount())
    }


def _buka_tambah(qtbot, h: HalamanPengaturan) -> DialogPengguna:  # type: ignore[no-untyped-def]
    h.tab.setCurrentWidget(h.tab_pengguna)
    qtbot.mouseClick(h.tab_pengguna.tombol_tambah, Qt.MouseButton.LeftButton)
    d = h.tab_pengguna.dialog_aktif
    assert d is not None and d.isVisible()
    return d


def _simpan(qtbot, d: DialogPengguna) -> None:  # type: ignore[no-untyped-def]
    tombol = d.tombol.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(tombol, Qt.MouseButton.LeftButton)


def _klik_kiri(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    """Click a radio or check box on its indicator (its middle may be past the text)."""
    qtbot.mouseClick(w, Qt.MouseButton.LeftButton, pos=QPoint(6, w.height() // 2))


def _pilih_teks(combo, teks: str) -> None:  # type: ignore[no-untyped-def]
    i = next(i for i in range(combo.count()) if combo.itemText(i).startswith(teks))
    combo.setCurrentIndex(i)


def test_admin_menambah_pengguna_lewat_dialog_lalu_pengguna_dapat_masuk(
    qtbot,  # type: ignore[no-untyped-def]
    halaman_admin: HalamanPengaturan,
    db_demo: Database,
    galat: list[tuple[str, str]],
) -> None:
    h = halaman_admin
    assert h.tab_pengguna.isi.isVisible() and not h.tab_pengguna.label_larangan.isVisible()
    assert list(_isi_tabel(h)) == ["admin"]
    d = _buka_tambah(qtbot, h)
    qtbot.keyClicks(d.username, "Siti.Rahma")
    qtbot.keyClicks(d.nama, "Siti Rahmawati")
    _pilih_teks(d.peran, "Kepala Seksi")
    assert "Wajib" in d.label_jabatan.text()
    _klik_kiri(qtbot, d.sandi_ketik)
    assert d.sandi.isEnabled()
    qtbot.keyClicks(d.sandi, "sandi-siti-2020")
    qtbot.keyClicks(d.ulang, "sandi-siti-2020")

    _simpan(qtbot, d)  # no position yet: refused inside the dialog, which stays open
    assert d.isVisible() and "memerlukan jabatan" in d.galat.text()
    _pilih_teks(d.jabatan, "Kepala Seksi Penempatan")
    _simpan(qtbot, d)
    assert not d.isVisible() and not galat

    baris = _isi_tabel(h)["siti.rahma"]
    assert baris[1:5] == ["Siti Rahmawati", "Kepala Seksi", baris[3], "Ya"]
    assert baris[3].startswith("Kepala Seksi Penempatan")
    hasil = layanan.masuk(db_demo, "siti.rahma", "sandi-siti-2020")
    assert hasil.pelaku.peran is Peran.KASI and hasil.pelaku.jabatan_id is not None
    assert not hasil.harus_ganti_sandi


def test_sandi_sementara_ditampilkan_sekali_dan_harus_diganti(
    qtbot,  # type: ignore[no-untyped-def]
    halaman_admin: HalamanPengaturan,
    db_demo: Database,
) -> None:
    h = halaman_admin
    d = _buka_tambah(qtbot, h)
    assert d.sandi_sementara.isChecked() and not d.sandi.isEnabled()
    qtbot.keyClicks(d.username, "pembaca1")
    _pilih_teks(d.peran, "Pembaca")
    _simpan(qtbot, d)
    pesan = h.tab_pengguna.pesan_sandi
    assert pesan is not None and pesan.isVisible()
    sandi = re.search(r"font-size: 16pt'>([^<]+)<", pesan.text())
    assert sandi is not None
    hasil = layanan.masuk(db_demo, "pembaca1", sandi.group(1))
    assert hasil.harus_ganti_sandi
    assert "harus ganti sandi" in _isi_tabel(h)["pembaca1"][5]
    pesan.close()

    # reset: a new temporary password, the old one no longer works
    h.tab_pengguna.pilih("pembaca1")
    qtbot.mouseClick(h.tab_pengguna.tombol_reset, Qt.MouseButton.LeftButton)
    baru = re.search(r"font-size: 16pt'>([^<]+)<", h.tab_pengguna.pesan_sandi.text())
    assert baru is not None and baru.group(1) != sandi.group(1)
    with pytest.raises(layanan.GagalMasuk):
        layanan.masuk(db_demo, "pembaca1", sandi.group(1))
    assert layanan.masuk(db_demo, "pembaca1", baru.group(1)).harus_ganti_sandi


def test_ubah_peran_dan_nonaktifkan(
    qtbot,  # type: ignore[no-untyped-def]
    halaman_admin: HalamanPengaturan,
    admin: Pelaku,
    db_demo: Database,
) -> None:
    layanan.tambah_pengguna(db_demo, admin, "budi", Peran.PEMBACA, sandi="sandi-budi-2020")
    h = halaman_admin
    h.segarkan()
    h.tab_pengguna.pilih("budi")
    qtbot.mouseClick(h.tab_pengguna.tombol_ubah, Qt.MouseButton.LeftButton)
    d = h.tab_pengguna.dialog_aktif
    assert d is not None and d.username.isReadOnly() and d.username.text() == "budi"
    _pilih_teks(d.peran, "Perencana")
    _klik_kiri(qtbot, d.aktif)
    _simpan(qtbot, d)
    assert _isi_tabel(h)["budi"][2:5] == ["Perencana", "—", "Tidak"]
    with pytest.raises(layanan.GagalMasuk, match="dinonaktifkan"):
        layanan.masuk(db_demo, "budi", "sandi-budi-2020")

    # the last active Administrator cannot demote itself: the dialog says why
    h.tab_pengguna.pilih("admin")
    qtbot.mouseClick(h.tab_pengguna.tombol_ubah, Qt.MouseButton.LeftButton)
    d = h.tab_pengguna.dialog_aktif
    _pilih_teks(d.peran, "Pembaca")
    _simpan(qtbot, d)
    assert d.isVisible() and "Administrator aktif terakhir" in d.galat.text()
    d.reject()


def test_kabid_tidak_dapat_mengelola_pengguna(
    halaman_kabid: HalamanPengaturan, kabid: Pelaku, db_demo: Database
) -> None:
    t = halaman_kabid.tab_pengguna
    halaman_kabid.tab.setCurrentWidget(t)
    assert not t.isi.isEnabled() and not t.isi.isVisible()
    assert t.label_larangan.isVisible()
    assert "Hanya Administrator" in t.label_larangan.text()
    assert "Kepala Bidang" in t.label_larangan.text()
    assert t.tabel.rowCount() == 0  # the accounts are not even read
    assert halaman_kabid.tab.tabToolTip(0)
    with pytest.raises(AksesDitolak):
        layanan.tambah_pengguna(db_demo, kabid, "nakal", Peran.ADMINISTRATOR, sandi="x" * 12)
    with pytest.raises(AksesDitolak):
        layanan.daftar_pengguna(db_demo, kabid)
    # the other settings are read-only for a Kabid
    assert not halaman_kabid.tab_capaian.tombol_simpan.isEnabled()
    assert not halaman_kabid.tab_capaian.label_hak.isHidden()
    assert not halaman_kabid.tab_kunci.tombol_simpan.isEnabled()
    assert not halaman_kabid.tab_cadangan.tombol_simpan.isEnabled()


def test_mode_satu_pengguna_membuat_administrator_pertama(
    qtbot,  # type: ignore[no-untyped-def]
    buka,  # type: ignore[no-untyped-def]
    db_demo: Database,
) -> None:
    from sakip_desktop.gui.konteks import PERENCANA_LOKAL

    h = buka(PERENCANA_LOKAL).halaman_aktif()
    assert isinstance(h, HalamanPengaturan)
    t = h.tab_pengguna
    assert not t.isi.isVisible() and t.tombol_pertama.isVisible()
    assert "belum memiliki akun pengguna" in t.label_larangan.text()
    qtbot.mouseClick(t.tombol_pertama, Qt.MouseButton.LeftButton)
    d = t.dialog_aktif
    assert d is not None and not d.peran.isEnabled() and d.sandi.isEnabled()
    assert d.peran_terpilih() is Peran.ADMINISTRATOR
    qtbot.keyClicks(d.username, "kepala.tu")
    qtbot.keyClicks(d.sandi, "sandi-pertama-1")
    qtbot.keyClicks(d.ulang, "sandi-pertama-2")
    _simpan(qtbot, d)
    assert d.isVisible() and "tidak sama" in d.galat.text()
    d.ulang.clear()
    qtbot.keyClicks(d.ulang, "sandi-pertama-1")
    _simpan(qtbot, d)
    assert not d.isVisible()
    hasil = layanan.masuk(db_demo, "kepala.tu", "sandi-pertama-1")
    assert hasil.pelaku.peran is Peran.ADMINISTRATOR
    # the window still works as before until it is opened again; the offer is gone
    assert not t.tombol_pertama.isVisible()
    assert "Hanya Administrator" in t.label_larangan.text()
