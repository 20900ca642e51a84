"""The dashboard: capaian per IKU by quarter, budget absorption, early warnings that open
the Realisasi page, and the new value after a save."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from gui_pengukuran_bantu import ketik
from PySide6.QtCore import QPoint, Qt

from sakip_desktop.gui.grafik import DataGrafik, GrafikTriwulan, langkah_rapi
from sakip_desktop.gui.halaman.dashboard import PERAN_PERINGATAN, HalamanDasbor
from sakip_desktop.gui.halaman.realisasi import HalamanRealisasi
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.gui.model_realisasi import K_KOMPONEN_A, K_KOMPONEN_B

D = Decimal


@pytest.fixture
def dasbor(jendela: JendelaUtama) -> HalamanDasbor:
    jendela.buka_halaman("dashboard")
    h = jendela.halaman_aktif()
    assert isinstance(h, HalamanDasbor)
    h.atur_tanggal(date(2020, 7, 15))
    return h


def kartu(h: HalamanDasbor, kode: str):  # type: ignore[no-untyped-def]
    for k in h.kartu:
        if k.indikator.kode == kode:
            return k
    raise AssertionError(f"{kode} tidak ada di dasbor")


def test_kartu_iku_tw1_2020(dasbor: HalamanDasbor) -> None:
    assert [k.indikator.kode for k in dasbor.kartu] == ["IKU.1", "IKU.2", "IKU.3", "IKU.4"]
    bpjs = kartu(dasbor, "IKU.2")
    data = bpjs.grafik.data
    assert data.realisasi == (D("1.01"), None, None, None)
    assert data.target == (D("1.01"), D("2.02"), D("3.17"), D("5.15"))
    assert data.target_tahunan == D("5.15")
    assert data.warna[0] == "#1b7f3b"  # TW I on its quarterly path: Sangat Berhasil
    assert "19,61%" in bpjs.label_capaian.text() and "Kurang Berhasil" in bpjs.label_capaian.text()
    assert "realisasi 1,01%" in bpjs.grafik.accessibleDescription()
    assert "20,83%" in kartu(dasbor, "IKU.4").label_capaian.text()
    assert "—" in kartu(dasbor, "IKU.1").label_capaian.text()
    # budget absorption of the year (pagu after the 2020 refocusing)
    assert bpjs.bilah.serapan == D("27.80")
    assert "Rp 13.900.000 dari pagu Rp 50.000.000" in bpjs.label_anggaran.text()
    assert kartu(dasbor, "IKU.4").bilah.teks_pendek() == "Belum ada realisasi"
    assert "Tahun 2020" in dasbor.ringkasan.text() and "15 Juli 2020" in dasbor.ringkasan.text()


def test_peringatan_dini_per_tanggal(dasbor: HalamanDasbor) -> None:
    pesan = [p.pesan for p in dasbor.peringatan_tampil()]
    assert any(p.startswith("IKP.02:") and "29,63%" in p for p in pesan)  # projected to miss
    assert "IKU.2: realisasi TW II 2020 belum diisi." in pesan
    assert all(p.level is not None and p.level <= 3 for p in dasbor.peringatan_tampil())
    dasbor.pilih_tingkat.setCurrentIndex(dasbor.pilih_tingkat.findData(None))
    assert any(p.kode == "IKK.15" for p in dasbor.peringatan_tampil())
    dasbor.atur_tanggal(date(2020, 5, 1))  # TW II not over yet
    assert "IKU.2: realisasi TW II 2020 belum diisi." not in [
        p.pesan for p in dasbor.peringatan_tampil()
    ]


def test_klik_peringatan_membuka_realisasi(
    qtbot,  # type: ignore[no-untyped-def]
    jendela: JendelaUtama,
    dasbor: HalamanDasbor,
) -> None:
    daftar = dasbor.daftar_peringatan
    item = next(
        daftar.item(i)
        for i in range(daftar.count())
        if daftar.item(i).data(PERAN_PERINGATAN) is not None
        and daftar.item(i).data(PERAN_PERINGATAN).pesan.startswith("IKU.2: realisasi TW II")
    )
    daftar.scrollToItem(item)
    rect = daftar.visualItemRect(item)
    qtbot.mouseClick(daftar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    h = jendela.halaman_aktif()
    assert isinstance(h, HalamanRealisasi)
    assert h.triwulan() == 2
    e = h.entri_terpilih()
    assert e is not None and e.kode == "IKU.2" and e.triwulan == 2


def test_klik_grafik_membuka_triwulannya(
    qtbot,  # type: ignore[no-untyped-def]
    jendela: JendelaUtama,
    dasbor: HalamanDasbor,
) -> None:
    g = kartu(dasbor, "IKU.4").grafik
    qtbot.mouseClick(g, Qt.MouseButton.LeftButton, pos=g.kotak_triwulan(3).center().toPoint())
    h = jendela.halaman_aktif()
    assert isinstance(h, HalamanRealisasi)
    assert h.triwulan() == 3 and h.entri_terpilih().kode == "IKU.4"  # type: ignore[union-attr]


def test_dasbor_menampilkan_nilai_baru_setelah_simpan(
    qtbot,  # type: ignore[no-untyped-def]
    jendela: JendelaUtama,
    dasbor: HalamanDasbor,
) -> None:
    jendela.buka_halaman("realisasi")
    h = jendela.halaman_aktif()
    assert isinstance(h, HalamanRealisasi)
    h.pilih_triwulan.setCurrentIndex(1)
    ketik(qtbot, h, "IKU.2", K_KOMPONEN_A, "10.202")
    ketik(qtbot, h, "IKU.2", K_KOMPONEN_B, "10.000")
    assert h.simpan()
    jendela.buka_halaman("dashboard")
    assert jendela.halaman_aktif() is dasbor
    bpjs = kartu(dasbor, "IKU.2")
    assert bpjs.grafik.data.realisasi[:2] == (D("1.01"), D("2.02"))
    assert "realisasi 2,02%" in bpjs.grafik.accessibleDescription()
    assert "39,22%" in bpjs.label_capaian.text()
    pesan = [p.pesan for p in dasbor.peringatan_tampil()]
    assert "IKU.2: realisasi TW II 2020 belum diisi." not in pesan


def test_grafik_skala_dan_klik(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert langkah_rapi(D("5.15")) == D("2")
    assert langkah_rapi(D("2700")) == D("1000")
    assert langkah_rapi(D("100")) == D("25")
    g = GrafikTriwulan()
    qtbot.addWidget(g)
    g.resize(320, 200)
    g.atur(
        DataGrafik(
            "IKP.02",
            "loker",
            (D(675), D(1350), None, None),
            (D(200), None, None, None),
            D(2700),
            ("#c0392b", None, None, None),
        )
    )
    assert g._skala() == (D(0), D(3000))
    g.show()
    qtbot.waitExposed(g)
    with qtbot.waitSignal(g.triwulanDiklik) as sinyal:
        qtbot.mouseClick(g, Qt.MouseButton.LeftButton, pos=g.kotak_triwulan(2).center().toPoint())
    assert sinyal.args == [2]
    assert g.grab().width() == 320
    qtbot.mouseClick(g, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))  # outside: no signal
