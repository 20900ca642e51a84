"""The Realisasi page: the TW I 2020 figures of the source, typing components with the
percentage computed at once, Ctrl+S in one transaction, undo, refused input, leaving."""

from __future__ import annotations

from decimal import Decimal

import pytest
from gui_pengukuran_bantu import baris, ketik, sel, simpan_ctrl_s
from PySide6.QtCore import Qt

from sakip_desktop.domain import StatusRealisasi
from sakip_desktop.gui import dialog
from sakip_desktop.gui.halaman.realisasi import HalamanRealisasi
from sakip_desktop.gui.halaman.tabel import HalamanTabel
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.gui.model_realisasi import (
    K_CAPAIAN_TAHUN,
    K_CAPAIAN_TW,
    K_KOMPONEN_A,
    K_KOMPONEN_B,
    K_REALISASI,
    K_STATUS,
    K_TARGET_TAHUN,
    K_TARGET_TW,
    PERAN_BAND,
    PERAN_GALAT,
)
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.realisasi import LayananRealisasi
from sakip_desktop.storage import Database

D = Decimal


def sel_monitoring(h: HalamanTabel, indikator: str, kolom: str) -> str:
    """A cell of the Monitoring IKU table: the row whose indicator contains ``indikator``,
    the column titled ``kolom`` ("Realisasi\nII")."""
    m = h.model
    judul = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    c = judul.index(kolom)
    for r in range(m.rowCount()):
        if any(indikator in str(m.data(m.index(r, k)) or "") for k in range(4)):
            return str(m.data(m.index(r, c)))
    raise AssertionError(f"{indikator} tidak ada di Monitoring IKU")


def test_tw1_2020_seperti_sumber(realisasi: HalamanRealisasi) -> None:
    """BPJS 1,01% against 5,15% → 19,61%; UMK 0,50% against 2,40% → 20,83%."""
    h = realisasi
    assert h.triwulan() == 1 and h.model.rowCount() == 72  # planning staff: every indicator
    assert (sel(h, "IKU.2", K_REALISASI), sel(h, "IKU.2", K_TARGET_TAHUN)) == ("1,01%", "5,15%")
    assert sel(h, "IKU.2", K_CAPAIAN_TAHUN) == "19,61%"
    assert (sel(h, "IKU.2", K_KOMPONEN_A), sel(h, "IKU.2", K_KOMPONEN_B)) == ("10.101", "10.000")
    assert (sel(h, "IKU.4", K_REALISASI), sel(h, "IKU.4", K_TARGET_TAHUN)) == ("0,50%", "2,40%")
    assert sel(h, "IKU.4", K_CAPAIAN_TAHUN) == "20,83%"
    # against the quarter's own target (1,01% of 1,01%) the quarter is on track
    assert (sel(h, "IKU.2", K_TARGET_TW), sel(h, "IKU.2", K_CAPAIAN_TW)) == ("1,01%", "100,00%")
    band = h.model.index(baris(h, "IKU.2"), K_CAPAIAN_TAHUN).data(PERAN_BAND)
    assert band.label == "Kurang Berhasil"
    assert (
        h.model.index(baris(h, "IKU.2"), K_CAPAIAN_TAHUN).data(Qt.ItemDataRole.BackgroundRole)
        is not None
    )
    assert sel(h, "IKU.2", K_STATUS) == "Diverifikasi"
    assert sel(h, "IKU.1", K_REALISASI) == "—" and sel(h, "IKU.1", K_CAPAIAN_TAHUN) == "—"
    # a verified entry is read-only; an empty one takes input
    kunci = h.model.index(baris(h, "IKU.2"), K_KOMPONEN_A).flags()
    assert not kunci & Qt.ItemFlag.ItemIsEditable
    assert h.model.index(baris(h, "IKU.1"), K_KOMPONEN_A).flags() & Qt.ItemFlag.ItemIsEditable


def test_komponen_tw2_bpjs_dihitung_saat_diketik_lalu_ctrl_s(
    qtbot,  # type: ignore[no-untyped-def]
    jendela: JendelaUtama,
    tersimpan,  # type: ignore[no-untyped-def]
) -> None:
    jendela.buka_halaman("realisasi")
    h = jendela.halaman_aktif()
    assert isinstance(h, HalamanRealisasi)
    h.pilih_triwulan.setCurrentIndex(1)
    assert h.triwulan() == 2 and sel(h, "IKU.2", K_REALISASI) == "—"

    ketik(qtbot, h, "IKU.2", K_KOMPONEN_A, "10.202")
    editor = ketik(qtbot, h, "IKU.2", K_KOMPONEN_B, "10.000", enter=False)
    # still typing in the cell: the percentage and capaian are there already
    assert editor.isVisible()
    assert sel(h, "IKU.2", K_REALISASI) == "2,02%"
    assert sel(h, "IKU.2", K_CAPAIAN_TW) == "100,00%"  # 2,02% of the TW II target 2,02%
    assert sel(h, "IKU.2", K_CAPAIAN_TAHUN) == "39,22%"  # 2,02 / 5,15
    assert h.ada_perubahan() and tersimpan("IKU.2", 2020, 2) is None

    simpan_ctrl_s(qtbot, jendela)
    r = tersimpan("IKU.2", 2020, 2)
    assert r is not None and r.nilai == D("2.02")
    assert (r.komponen_a, r.komponen_b) == (D(10202), D(10000))
    assert r.status is StatusRealisasi.DRAF
    assert not h.ada_perubahan() and sel(h, "IKU.2", K_STATUS) == "Draf"
    assert "Realisasi IKU.2 TW II 2020 disimpan: 2,02%" in jendela.statusBar().currentMessage()

    jendela.buka_halaman("monitoring")
    monitoring = jendela.halaman_aktif()
    assert isinstance(monitoring, HalamanTabel)
    assert sel_monitoring(monitoring, "BPJS", "Realisasi\nI") == "1,01%"
    assert sel_monitoring(monitoring, "BPJS", "Realisasi\nII") == "2,02%"


def test_monitoring_yang_sudah_dibuka_mengikuti_simpanan(
    qtbot,  # type: ignore[no-untyped-def]
    jendela: JendelaUtama,
) -> None:
    jendela.buka_halaman("monitoring")
    monitoring = jendela.halaman_aktif()
    assert isinstance(monitoring, HalamanTabel)
    assert sel_monitoring(monitoring, "BPJS", "Realisasi\nII") == "—"
    jendela.buka_halaman("realisasi")
    h = jendela.halaman_aktif()
    assert isinstance(h, HalamanRealisasi)
    h.pilih_triwulan.setCurrentIndex(1)
    ketik(qtbot, h, "IKU.2", K_KOMPONEN_A, "10.202")
    ketik(qtbot, h, "IKU.2", K_KOMPONEN_B, "10.000")
    assert h.simpan()
    jendela.buka_halaman("monitoring")
    assert sel_monitoring(monitoring, "BPJS", "Realisasi\nII") == "2,02%"


def test_urungkan_dan_ulangi_simpanan(qtbot, jendela: JendelaUtama, tersimpan) -> None:  # type: ignore[no-untyped-def]
    jendela.buka_halaman("realisasi")
    h = jendela.halaman_aktif()
    assert isinstance(h, HalamanRealisasi)
    h.pilih_triwulan.setCurrentIndex(1)
    ketik(qtbot, h, "IKP.01", K_REALISASI, "50")
    ketik(qtbot, h, "IKU.4", K_KOMPONEN_A, "10.120")
    ketik(qtbot, h, "IKU.4", K_KOMPONEN_B, "10.000")
    assert h.simpan()
    assert tersimpan("IKP.01", 2020, 2).nilai == 50
    assert tersimpan("IKU.4", 2020, 2).nilai == D("1.2")
    assert h.undo_stack.count() == 1

    jendela.aksi_urungkan.trigger()  # one save, one undo: both rows go back
    assert tersimpan("IKP.01", 2020, 2) is None and tersimpan("IKU.4", 2020, 2) is None
    assert sel(h, "IKP.01", K_REALISASI) == "—" and sel(h, "IKU.4", K_REALISASI) == "—"
    jendela.aksi_ulangi.trigger()
    assert tersimpan("IKP.01", 2020, 2).nilai == 50
    assert sel(h, "IKU.4", K_REALISASI) == "1,20%" and sel(h, "IKU.4", K_CAPAIAN_TW) == "120,00%"


def test_isian_ditolak_dijelaskan_dan_tidak_ada_yang_tersimpan(
    qtbot,  # type: ignore[no-untyped-def]
    jendela: JendelaUtama,
    realisasi: HalamanRealisasi,
    galat: list[tuple[str, str]],
    tersimpan,  # type: ignore[no-untyped-def]
) -> None:
    h = realisasi
    h.pilih_triwulan.setCurrentIndex(1)
    ketik(qtbot, h, "IKP.02", K_REALISASI, "450")  # a good row typed first
    ketik(qtbot, h, "IKP.05", K_KOMPONEN_A, "5")
    ketik(qtbot, h, "IKP.05", K_KOMPONEN_B, "4")  # part larger than the whole
    r = baris(h, "IKP.05")
    pesan = h.model.index(r, K_KOMPONEN_B).data(PERAN_GALAT)
    assert pesan is not None and "lebih besar dari keseluruhan" in pesan
    assert h.model.index(r, K_KOMPONEN_B).data(Qt.ItemDataRole.ToolTipRole) == pesan
    assert h.model.index(r, K_KOMPONEN_B).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert h.pesan_isian.isVisible() and "lebih besar dari keseluruhan" in h.pesan_isian.text()
    assert sel(h, "IKP.05", K_REALISASI) == "—" and sel(h, "IKP.05", K_CAPAIAN_TAHUN) == "—"

    ketik(qtbot, h, "IKP.01", K_REALISASI, "sepuluh")  # text in a number cell
    r1 = baris(h, "IKP.01")
    assert "bukan angka" in h.model.index(r1, K_REALISASI).data(PERAN_GALAT)
    assert sel(h, "IKP.01", K_REALISASI) == "sepuluh"  # what was typed stays on screen

    simpan_ctrl_s(qtbot, jendela)
    assert galat and galat[-1][0] == "Tidak dapat disimpan"
    assert "lebih besar dari keseluruhan" in galat[-1][1] and "bukan angka" in galat[-1][1]
    assert tersimpan("IKP.02", 2020, 2) is None  # the good row is not saved either
    assert tersimpan("IKP.05", 2020, 2) is None and tersimpan("IKP.01", 2020, 2) is None
    assert h.ada_perubahan() and sel(h, "IKP.02", K_REALISASI) == "450"

    # corrected, everything goes in one save
    ketik(qtbot, h, "IKP.05", K_KOMPONEN_A, "3")
    ketik(qtbot, h, "IKP.01", K_REALISASI, "50")
    assert not h.pesan_isian.isVisible()
    assert h.simpan()
    assert tersimpan("IKP.05", 2020, 2).nilai == 75 and tersimpan("IKP.02", 2020, 2).nilai == 450


def test_satu_komponen_saja_ditolak_di_selnya(
    qtbot,  # type: ignore[no-untyped-def]
    realisasi: HalamanRealisasi,
    galat: list[tuple[str, str]],
    tersimpan,  # type: ignore[no-untyped-def]
) -> None:
    h = realisasi
    h.pilih_triwulan.setCurrentIndex(1)
    ketik(qtbot, h, "IKU.2", K_KOMPONEN_A, "10.202")
    assert not h.simpan()
    pesan = h.model.index(baris(h, "IKU.2"), K_KOMPONEN_B).data(PERAN_GALAT)
    assert "wajib diisi" in pesan and galat
    assert tersimpan("IKU.2", 2020, 2) is None


def test_gagal_di_layanan_tidak_menyimpan_setengah_dan_isian_tetap(
    qtbot,  # type: ignore[no-untyped-def]
    realisasi: HalamanRealisasi,
    db_demo: Database,
    galat: list[tuple[str, str]],
    tersimpan,  # type: ignore[no-untyped-def]
) -> None:
    """Another user submits IKP.02 TW II while this page has edits: the save is refused
    whole — IKP.01, typed before it, is not saved either — and the typed values stay."""
    h = realisasi
    h.pilih_triwulan.setCurrentIndex(1)
    ketik(qtbot, h, "IKP.01", K_REALISASI, "50")
    ketik(qtbot, h, "IKP.02", K_REALISASI, "450")
    lain = Pelaku("rina", h.k.pelaku.peran, nama="Rina")
    layanan = LayananRealisasi(db_demo)
    iid = h.model.entri(baris(h, "IKP.02")).indikator_id
    layanan.simpan(lain, iid, 2020, 2, nilai=D(300))
    layanan.ajukan(lain, iid, 2020, 2)

    assert not h.simpan()
    assert "sudah diajukan" in galat[-1][1]
    assert tersimpan("IKP.01", 2020, 2) is None
    assert tersimpan("IKP.02", 2020, 2).nilai == 300
    assert h.ada_perubahan() and sel(h, "IKP.01", K_REALISASI) == "50"


@pytest.mark.parametrize("jawab", ["batal", "buang", "simpan"])
def test_meninggalkan_halaman_dengan_isian_bertanya(
    qtbot,  # type: ignore[no-untyped-def]
    jendela: JendelaUtama,
    monkeypatch: pytest.MonkeyPatch,
    tersimpan,  # type: ignore[no-untyped-def]
    jawab: str,
) -> None:
    ditanya: list[str] = []

    def tanya_simpan(_induk: object, teks: str) -> str:
        ditanya.append(teks)
        return jawab

    monkeypatch.setattr(dialog, "tanya_simpan", tanya_simpan)
    jendela.buka_halaman("realisasi")
    h = jendela.halaman_aktif()
    assert isinstance(h, HalamanRealisasi)
    h.pilih_triwulan.setCurrentIndex(1)
    ketik(qtbot, h, "IKP.01", K_REALISASI, "50")
    jendela.buka_halaman("pohon")
    assert len(ditanya) == 1 and "Realisasi" in ditanya[0]
    if jawab == "batal":
        assert jendela.halaman_aktif() is h and sel(h, "IKP.01", K_REALISASI) == "50"
        assert tersimpan("IKP.01", 2020, 2) is None
    elif jawab == "buang":
        assert jendela.halaman_aktif().kunci == "pohon"
        assert not h.ada_perubahan() and tersimpan("IKP.01", 2020, 2) is None
    else:
        assert jendela.halaman_aktif().kunci == "pohon"
        assert tersimpan("IKP.01", 2020, 2).nilai == 50


def test_ganti_triwulan_dengan_isian_bertanya(
    qtbot,  # type: ignore[no-untyped-def]
    realisasi: HalamanRealisasi,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    h = realisasi
    monkeypatch.setattr(dialog, "tanya_simpan", lambda _i, _t: "batal")
    h.pilih_triwulan.setCurrentIndex(1)
    ketik(qtbot, h, "IKP.01", K_REALISASI, "50")
    h.pilih_triwulan.setCurrentIndex(2)
    assert h.triwulan() == 2 and sel(h, "IKP.01", K_REALISASI) == "50"
    monkeypatch.setattr(dialog, "tanya_simpan", lambda _i, _t: "buang")
    h.pilih_triwulan.setCurrentIndex(2)
    assert h.triwulan() == 3 and not h.ada_perubahan()


def test_model_realisasi_lulus_qtmodeltester(qtmodeltester, realisasi: HalamanRealisasi) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(realisasi.model)
    qtmodeltester.check(realisasi.saring)


@pytest.mark.parametrize("pilihan", ["mereka", "saya"])
def test_disimpan_orang_lain_saat_mengetik_ditanyakan(
    qtbot,  # type: ignore[no-untyped-def]
    realisasi: HalamanRealisasi,
    db_demo: Database,
    tersimpan,  # type: ignore[no-untyped-def]
    pilihan: str,
) -> None:
    """Another PC saves the entry while this page has typed over it: the save is not a
    silent overwrite — the conflict is put to the user, even after a reload in between."""
    from sakip_desktop.gui.dialog_konflik import KeputusanKonflik

    h = realisasi
    h.pilih_triwulan.setCurrentIndex(1)
    ketik(qtbot, h, "IKP.01", K_REALISASI, "50")
    ketik(qtbot, h, "IKP.02", K_REALISASI, "450")
    assert h.simpan()
    ketik(qtbot, h, "IKP.01", K_REALISASI, "60")
    lain = Pelaku("budi", h.k.pelaku.peran, nama="Budi")
    iid = h.model.entri(baris(h, "IKP.01")).indikator_id
    LayananRealisasi(db_demo).simpan(lain, iid, 2020, 2, nilai=D(55))
    h.segarkan()  # e.g. the change watcher reloads the page: the typed value stays
    assert sel(h, "IKP.01", K_REALISASI) == "60"

    ditanya = []

    def putuskan(konflik):  # type: ignore[no-untyped-def]
        ditanya.append(konflik)
        return KeputusanKonflik(
            pilihan, "Angka daftar hadir terbaru" if pilihan == "saya" else None
        )

    h.k.penangan_konflik = putuskan
    hasil = h.simpan()
    assert len(ditanya) == 1 and ditanya[0].rekaman_id == tersimpan("IKP.01", 2020, 2).id
    if pilihan == "mereka":
        assert not hasil and tersimpan("IKP.01", 2020, 2).nilai == 55
        assert sel(h, "IKP.01", K_REALISASI) == "55" and not h.ada_perubahan()
    else:
        assert hasil and tersimpan("IKP.01", 2020, 2).nilai == 60
        assert sel(h, "IKP.01", K_REALISASI) == "60" and not h.ada_perubahan()


def test_riwayat_realisasi_terpilih(
    qtbot,  # type: ignore[no-untyped-def]
    jendela: JendelaUtama,
) -> None:
    from sakip_desktop.gui.dialog_riwayat import DialogRiwayat

    jendela.buka_halaman("realisasi")
    h = jendela.halaman_aktif()
    assert isinstance(h, HalamanRealisasi)
    h.pilih_triwulan.setCurrentIndex(1)
    ketik(qtbot, h, "IKU.2", K_KOMPONEN_A, "10.202")
    ketik(qtbot, h, "IKU.2", K_KOMPONEN_B, "10.000")
    assert h.simpan()
    ketik(qtbot, h, "IKU.2", K_KOMPONEN_A, "10.303")  # corrected: 2,02% → 3,03%
    assert h.simpan()
    h.tabel.setCurrentIndex(h.saring.mapFromSource(h.model.index(baris(h, "IKU.2"), K_REALISASI)))
    assert h.tombol_riwayat.isEnabled()
    qtbot.mouseClick(h.tombol_riwayat, Qt.MouseButton.LeftButton)
    (dlg,) = [d for d in h.findChildren(DialogRiwayat) if d.isVisible()]
    assert dlg.tabel == "realisasi" and dlg.rekaman_id == h.entri_terpilih().realisasi_id
    isi = " ".join(
        str(dlg.model.index(r, c).data())
        for r in range(dlg.model.rowCount())
        for c in range(dlg.model.columnCount())
    )
    assert "Tambah" in isi and "Ubah" in isi, isi
    assert "10.202" in isi and "10.303" in isi and "3,03" in isi, isi
    dlg.reject()
    # a quarter with nothing entered has no history to show
    h.tabel.setCurrentIndex(h.saring.mapFromSource(h.model.index(baris(h, "IKU.1"), K_REALISASI)))
    assert not h.tombol_riwayat.isEnabled()
