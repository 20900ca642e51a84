"""Batch printing from the PK page: a worker thread with progress, cancel, and the summary of
positions that lack a holder or a target."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from sakip_desktop.gui.dialog_cetak_massal import DialogCetakMassal
from sakip_desktop.gui.halaman.pk import HalamanPK
from sakip_desktop.model import PemangkuJabatan
from sakip_desktop.services.pelaku import SISTEM
from sakip_desktop.storage import Database

KABID_PK = "Kepala Bidang Pelatihan Kerja"
BATAS = 180_000  # ms: a whole agency on a slow CI machine


def buka_dialog(halaman: HalamanPK, klik: Callable[[str], None]) -> DialogCetakMassal:
    klik("tombolCetakMassal")
    d = halaman.findChild(DialogCetakMassal)
    assert d is not None and d.isVisible()
    return d


def test_massal_per_jabatan_dengan_kemajuan_dan_ringkasan(
    qtbot,  # type: ignore[no-untyped-def]
    halaman: HalamanPK,
    klik: Callable[[str], None],
    db_demo: Database,
    jabatan_id: Callable[[str], uuid.UUID],
    tmp_path: Path,
) -> None:
    # the Kabid Pelatihan Kerja took office in March 2020: not printed, nor its Kasi (no PIHAK
    # KEDUA), and the summary says so
    with db_demo.transaksi(SISTEM) as sesi:
        p = sesi.scalars(
            select(PemangkuJabatan).where(PemangkuJabatan.jabatan_id == jabatan_id(KABID_PK))
        ).one()
        p.mulai = date(2020, 3, 1)
    d = buka_dialog(halaman, klik)
    kemajuan: list[tuple[int, int, str]] = []
    d.kemajuan.connect(lambda a, b, c: kemajuan.append((a, b, c)))
    out = tmp_path / "PK 2020"
    assert d.mulai(out, gabung=False)
    assert d.berjalan and d.progres is not None and d.progres.isVisible()
    assert not d.tombol_cetak.isEnabled()
    qtbot.waitUntil(lambda: d.hasil is not None, timeout=BATAS)
    hasil = d.hasil
    assert hasil is not None and not hasil.dibatalkan
    berkas = sorted(out.glob("*.pdf"))
    assert len(berkas) == len(hasil.dicetak) == len(hasil.berkas)
    assert len(hasil.tanpa_pemangku) == 4  # the Kabid and its three Kasi
    assert len(berkas) == hasil.total - 4
    assert berkas[0].name == "PK-2020-01-kepala-dinas-tenaga-kerja.pdf"
    # progress came back by signal for every position, the last one at the total
    assert [k[0] for k in kemajuan] == list(range(1, hasil.total + 1))
    assert kemajuan[-1][1] == hasil.total
    assert d.progres is None and not d.berjalan and d.tombol_cetak.isEnabled()
    ringkasan = d.ringkasan.toPlainText()
    assert f"{len(berkas)} dari {hasil.total} PK tahun 2020 dicetak." in ringkasan
    assert "Tidak dicetak, jabatan tanpa pemangku (4):" in ringkasan
    assert f"Jabatan {KABID_PK} tidak ada pemangkunya" in ringkasan
    assert "Dicetak dengan target kosong" in ringkasan
    assert d.tombol_buka.isEnabled()
    teks = " ".join((PdfReader(berkas[0]).pages[1].extract_text() or "").split())
    assert "1,28%" in teks


def test_massal_dibatalkan_setelah_kemajuan_pertama(
    qtbot,  # type: ignore[no-untyped-def]
    halaman: HalamanPK,
    klik: Callable[[str], None],
    tmp_path: Path,
) -> None:
    d = buka_dialog(halaman, klik)
    kemajuan: list[int] = []

    def saat_kemajuan(selesai: int, _total: int, _label: str) -> None:
        kemajuan.append(selesai)
        if len(kemajuan) == 1:
            assert d.progres is not None
            batal = d.progres.findChild(QPushButton)
            assert batal is not None and batal.text() == "Batal"
            qtbot.mouseClick(batal, Qt.MouseButton.LeftButton)

    d.kemajuan.connect(saat_kemajuan)
    out = tmp_path / "batal"
    assert d.mulai(out, gabung=False)
    qtbot.waitUntil(lambda: d.hasil is not None, timeout=BATAS)
    hasil = d.hasil
    assert hasil is not None and hasil.dibatalkan
    berkas = list(out.glob("*.pdf"))
    assert 1 <= len(berkas) < hasil.total
    assert len(berkas) == len(hasil.dicetak) <= 3  # stops before the next position
    assert "(dibatalkan)" in d.ringkasan.toPlainText()
    assert d.progres is None and d.tombol_cetak.isEnabled()


def test_massal_gabung_satu_bidang(
    qtbot,  # type: ignore[no-untyped-def]
    halaman: HalamanPK,
    klik: Callable[[str], None],
    tmp_path: Path,
) -> None:
    d = buka_dialog(halaman, klik)
    assert d.pilih_cakupan.findData("PK") > 0
    tujuan = tmp_path / "gabung" / "PK-2020-bidang-pk.pdf"
    assert d.mulai(tujuan, gabung=True, bidang="PK")
    qtbot.waitUntil(lambda: d.hasil is not None, timeout=BATAS)
    hasil = d.hasil
    assert hasil is not None and hasil.berkas == [tujuan]
    assert hasil.total == 7  # the Kabid, three Kasi and their staf
    pdf = PdfReader(tujuan)
    teks = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    assert teks.count("PERJANJIAN KINERJA TAHUN 2020") >= 7
    assert "Kepala Dinas Tenaga Kerja" in teks  # PIHAK KEDUA of the Kabid
    assert "Seksi Penempatan" not in teks
    assert "7 dari 7 PK tahun 2020 dicetak." in d.ringkasan.toPlainText()


def test_massal_tanpa_tujuan_tidak_dimulai(halaman: HalamanPK, klik: Callable[[str], None]) -> None:
    d = buka_dialog(halaman, klik)
    d.edit_tujuan.clear()
    assert not d.mulai()
    assert not d.berjalan and "tempat menyimpan" in d.ringkasan.toPlainText()
    d.reject()
