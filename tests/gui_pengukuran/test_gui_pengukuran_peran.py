"""Who sees and does what on the Realisasi page: submit as staff, verify and reopen (with a
reason) as the Kabid, a Kasi of another bidang sees only the seksi's indicators."""

from __future__ import annotations

import pytest
from gui_pengukuran_bantu import baris, ketik, pilih_pelaku, sel
from PySide6.QtCore import Qt
from sqlalchemy import select

from sakip_desktop.domain import StatusRealisasi
from sakip_desktop.gui import dialog
from sakip_desktop.gui.halaman.realisasi import HalamanRealisasi
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.gui.model_realisasi import K_KOMPONEN_A, K_KOMPONEN_B, K_REALISASI, K_STATUS
from sakip_desktop.model import JejakAudit
from sakip_desktop.storage import Database

KABID_HI = "Kepala Bidang Hubungan Industrial dan Jaminan Sosial Tenaga Kerja"
KASI_UPAH = "Kepala Seksi Pengupahan dan Jaminan Sosial Tenaga Kerja"
KASI_PENEMPATAN = "Kepala Seksi Penempatan Tenaga Kerja"


def pilih(h: HalamanRealisasi, kode: str) -> None:
    assert h.tampilkan_indikator(h.model.entri(baris(h, kode)).indikator_id)


def test_ajukan_verifikasi_buka_kembali_dengan_alasan(
    qtbot,  # type: ignore[no-untyped-def]
    jendela: JendelaUtama,
    realisasi: HalamanRealisasi,
    db_demo: Database,
    monkeypatch: pytest.MonkeyPatch,
    tersimpan,  # type: ignore[no-untyped-def]
) -> None:
    h = realisasi
    h.pilih_triwulan.setCurrentIndex(1)
    ketik(qtbot, h, "IKP.05", K_KOMPONEN_A, "2")
    ketik(qtbot, h, "IKP.05", K_KOMPONEN_B, "4")
    assert sel(h, "IKP.05", K_REALISASI) == "50%"
    pilih(h, "IKP.05")
    assert not h.tombol_ajukan.isEnabled()  # unsaved: nothing to submit yet
    assert h.simpan()
    pilih(h, "IKP.05")
    assert h.tombol_ajukan.isEnabled()
    assert not h.tombol_verifikasi.isEnabled()  # the planner may submit, not verify
    qtbot.mouseClick(h.tombol_ajukan, Qt.MouseButton.LeftButton)
    assert tersimpan("IKP.05", 2020, 2).status is StatusRealisasi.DIAJUKAN
    assert sel(h, "IKP.05", K_STATUS) == "Diajukan"
    kunci = h.model.index(baris(h, "IKP.05"), K_KOMPONEN_A).flags()
    assert not kunci & Qt.ItemFlag.ItemIsEditable  # submitted: frozen

    pilih_pelaku(jendela, KABID_HI)
    assert h.model.rowCount() == 13 and h.triwulan() == 2
    pilih(h, "IKP.05")
    assert h.tombol_verifikasi.isEnabled() and h.tombol_buka.isEnabled()
    qtbot.mouseClick(h.tombol_verifikasi, Qt.MouseButton.LeftButton)
    r = tersimpan("IKP.05", 2020, 2)
    assert r.status is StatusRealisasi.DIVERIFIKASI
    assert r.diverifikasi_oleh is not None and r.diverifikasi_oleh.startswith("jabatan:")
    assert sel(h, "IKP.05", K_STATUS) == "Diverifikasi"
    assert not h.tombol_verifikasi.isEnabled() and h.tombol_buka.isEnabled()

    ditanya: list[str] = []
    monkeypatch.setattr(dialog, "minta_teks", lambda _i, _j, label: ditanya.append(label))
    qtbot.mouseClick(h.tombol_buka, Qt.MouseButton.LeftButton)  # cancelled: no reason
    assert ditanya and "IKP.05 TW II 2020" in ditanya[0]
    assert tersimpan("IKP.05", 2020, 2).status is StatusRealisasi.DIVERIFIKASI

    alasan = "Keseluruhan kasus salah ketik, seharusnya 5"
    monkeypatch.setattr(dialog, "minta_teks", lambda _i, _j, _l: alasan)
    qtbot.mouseClick(h.tombol_buka, Qt.MouseButton.LeftButton)
    assert tersimpan("IKP.05", 2020, 2).status is StatusRealisasi.DRAF
    assert sel(h, "IKP.05", K_STATUS) == "Draf"
    with db_demo.baca() as sesi:
        jejak = sesi.scalars(
            select(JejakAudit).where(JejakAudit.tabel == "realisasi", JejakAudit.rekaman_id == r.id)
        ).all()
    assert any(j.alasan == alasan for j in jejak)
    # reopened, the Kabid corrects it
    ketik(qtbot, h, "IKP.05", K_KOMPONEN_B, "5")
    assert sel(h, "IKP.05", K_REALISASI) == "40%" and h.simpan()
    assert tersimpan("IKP.05", 2020, 2).nilai == 40


def test_kasi_tidak_dapat_memverifikasi(
    qtbot,  # type: ignore[no-untyped-def]
    jendela: JendelaUtama,
    realisasi: HalamanRealisasi,
    tersimpan,  # type: ignore[no-untyped-def]
) -> None:
    h = realisasi
    h.pilih_triwulan.setCurrentIndex(1)
    pilih_pelaku(jendela, KASI_UPAH)
    assert {h.model.entri(r).kode for r in range(h.model.rowCount())} == {
        "IKK.26",
        "IKK.27",
        "IKI.21",
        "IKK.28",
        "IKI.22",
    }
    ketik(qtbot, h, "IKK.26", K_REALISASI, "15")
    assert h.simpan()
    pilih(h, "IKK.26")
    qtbot.mouseClick(h.tombol_ajukan, Qt.MouseButton.LeftButton)
    assert tersimpan("IKK.26", 2020, 2).status is StatusRealisasi.DIAJUKAN
    pilih(h, "IKK.26")
    assert not h.tombol_verifikasi.isEnabled() and not h.tombol_buka.isEnabled()
    assert h.ubah_status("verifikasi") is False
    assert tersimpan("IKK.26", 2020, 2).status is StatusRealisasi.DIAJUKAN


def test_kasi_bidang_lain_hanya_melihat_indikatornya(
    jendela: JendelaUtama, realisasi: HalamanRealisasi
) -> None:
    h = realisasi
    assert h.model.rowCount() == 72
    pilih_pelaku(jendela, KASI_PENEMPATAN)
    kode = {h.model.entri(r).kode for r in range(h.model.rowCount())}
    assert kode == {"IKK.15", "IKK.16", "IKI.12", "IKK.17", "IKI.13"}
    assert not kode & {"IKU.2", "IKP.05", "IKK.26"}
    e = h.model.entri(baris(h, "IKK.15"))
    assert e.boleh_isi and not e.boleh_verifikasi
    editable = h.model.index(baris(h, "IKK.15"), K_REALISASI).flags()
    assert editable & Qt.ItemFlag.ItemIsEditable
    assert KASI_PENEMPATAN in h.info.text()


def test_ganti_pelaku_dengan_isian_bertanya_dan_batal_mengembalikan(
    qtbot,  # type: ignore[no-untyped-def]
    jendela: JendelaUtama,
    realisasi: HalamanRealisasi,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    h = realisasi
    h.pilih_triwulan.setCurrentIndex(1)
    ketik(qtbot, h, "IKK.26", K_REALISASI, "15")
    monkeypatch.setattr(dialog, "tanya_simpan", lambda _i, _t: "batal")
    pilih_pelaku(jendela, KASI_PENEMPATAN)
    qtbot.waitUntil(lambda: jendela.pilih_pelaku.currentIndex() == 0)
    assert jendela.k.pelaku.label == "Perencana"
    assert sel(h, "IKK.26", K_REALISASI) == "15" and h.ada_perubahan()
