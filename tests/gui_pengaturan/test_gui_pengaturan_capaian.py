"""Pengaturan › Capaian & PK, Kunci layar and Basis data: saved through the services and read
back; a wrong entry is explained and nothing is saved."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from sakip_desktop.gui.halaman.pengaturan import HalamanPengaturan
from sakip_desktop.kalkulasi import BAND_BAWAAN
from sakip_desktop.kalkulasi import BandCapaian as Band
from sakip_desktop.services import pengaturan as atur
from sakip_desktop.services import pengguna as layanan
from sakip_desktop.storage import Database


def _sel(h: HalamanPengaturan, baris: int, kolom: int, teks: str) -> None:
    h.tab_capaian.tabel_band.item(baris, kolom).setText(teks)


def _tersimpan(db: Database, h: HalamanPengaturan) -> tuple[list[Band], str, bool]:
    with db.baca() as sesi:
        return (
            atur.band_capaian(sesi, h.k.opd_id),
            atur.baca(sesi, "kertas_pk", h.k.opd_id),
            atur.baca(sesi, "kolom_satuan_pk", h.k.opd_id),
        )


def test_pita_dan_pk_disimpan_lalu_dibaca_kembali(
    qtbot,  # type: ignore[no-untyped-def]
    halaman_admin: HalamanPengaturan,
    db_demo: Database,
    galat: list[tuple[str, str]],
) -> None:
    h = halaman_admin
    t = h.tab_capaian
    h.tab.setCurrentWidget(t)
    assert [b.label for b in t.band()] == [b.label for b in BAND_BAWAAN]
    assert t.tabel_band.item(0, 0).text() == "100"
    _sel(h, 0, 1, "Istimewa")
    _sel(h, 0, 2, "#123456")
    _sel(h, 1, 0, "80,5")
    assert t.tabel_band.item(0, 2).background().color().name() == "#123456"
    assert "Istimewa" in t.pratinjau.text() and "#123456" in t.pratinjau.text()
    assert "80,50% ≤ capaian &lt; 100%" in t.pratinjau.text()
    t.kertas.setCurrentIndex(t.kertas.findData("F4"))
    t.kolom_satuan.setChecked(False)
    assert h.ada_perubahan()
    qtbot.mouseClick(t.tombol_simpan, Qt.MouseButton.LeftButton)
    assert not galat and not h.ada_perubahan()

    band, kertas, satuan = _tersimpan(db_demo, h)
    assert band[0] == Band(Decimal(100), "Istimewa", "#123456")
    assert band[1].batas_bawah == Decimal("80.5")
    assert (kertas, satuan) == ("F4", False)
    h.segarkan()  # read back into the form
    assert t.tabel_band.item(0, 1).text() == "Istimewa"
    assert t.tabel_band.item(1, 0).text() == "80,50"
    assert t.kertas.currentData() == "F4" and not t.kolom_satuan.isChecked()

    # back to the defaults: the form first, saved with Simpan
    qtbot.mouseClick(t.tombol_bawaan, Qt.MouseButton.LeftButton)
    assert h.ada_perubahan() and t.kertas.currentData() == "A4"
    assert h.simpan()
    band, kertas, satuan = _tersimpan(db_demo, h)
    assert band == list(BAND_BAWAAN) and (kertas, satuan) == ("A4", True)


def test_isian_pita_salah_dijelaskan_dan_tidak_tersimpan(
    qtbot,  # type: ignore[no-untyped-def]
    halaman_admin: HalamanPengaturan,
    db_demo: Database,
    galat: list[tuple[str, str]],
) -> None:
    h = halaman_admin
    t = h.tab_capaian
    _sel(h, 0, 0, "seratus")
    assert "Pita baris 1" in t.pratinjau.text()
    qtbot.mouseClick(t.tombol_simpan, Qt.MouseButton.LeftButton)
    assert galat and "Pita baris 1" in galat[-1][1]
    _sel(h, 0, 0, "100")
    _sel(h, 2, 2, "hijau")
    assert t.tabel_band.item(2, 2).foreground().color().name() == "#b00020"
    qtbot.mouseClick(t.tombol_simpan, Qt.MouseButton.LeftButton)
    assert "bukan kode warna" in galat[-1][1]
    _sel(h, 2, 2, "#d08c00")
    t.tabel_band.setCurrentCell(3, 0)
    qtbot.mouseClick(t.tombol_hapus_band, Qt.MouseButton.LeftButton)  # the band from 0
    qtbot.mouseClick(t.tombol_simpan, Qt.MouseButton.LeftButton)
    assert "mulai dari 0" in galat[-1][1]
    assert _tersimpan(db_demo, h)[0] == list(BAND_BAWAAN)
    h.buang_perubahan()
    assert t.tabel_band.rowCount() == 4 and not h.ada_perubahan()


def test_kunci_layar(
    qtbot,  # type: ignore[no-untyped-def]
    halaman_admin: HalamanPengaturan,
    db_demo: Database,
) -> None:
    t = halaman_admin.tab_kunci
    assert t.menit.value() == layanan.KUNCI_LAYAR_BAWAAN
    t.menit.setValue(0)
    assert t.menit.text() == "Tidak pernah"
    qtbot.mouseClick(t.tombol_simpan, Qt.MouseButton.LeftButton)
    assert layanan.waktu_kunci_layar(db_demo) == 0
    t.menit.setValue(30)
    assert t.simpan()
    assert layanan.waktu_kunci_layar(db_demo) == 30


def test_basis_data_tanpa_sandi(halaman_admin: HalamanPengaturan, db_demo: Database) -> None:
    t = halaman_admin.tab_basis_data
    assert t.alamat.text() == db_demo.label
    assert t.skema.text().endswith("(mutakhir)")
    assert t.folder.text() == str(halaman_admin.k.folder_data)
    t.tombol_server.click()
    assert t.jendela_anak is not None and t.jendela_anak.objectName() == "dialogKoneksi"
    t.jendela_anak.close()
    t.tombol_salin.click()
    assert t.jendela_anak.objectName() == "wizardSalin"
    t.jendela_anak.close()
