"""Pages that show printable tables: what is on screen, and its export."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt

from sakip_desktop.gui.halaman.tabel import HalamanTabel
from sakip_desktop.gui.jendela_utama import JendelaUtama


def teks_tampilan(h: HalamanTabel) -> str:
    m = h.model
    return "\n".join(
        " | ".join(str(m.data(m.index(r, c)) or "") for c in range(m.columnCount()))
        for r in range(m.rowCount())
    )


def test_monitoring_iku_menampilkan_capaian_tw1(qtbot, jendela: JendelaUtama) -> None:  # type: ignore[no-untyped-def]
    jendela.buka_halaman("monitoring")
    h = jendela.halaman_aktif()
    assert isinstance(h, HalamanTabel)
    assert h.nama_tabel() == "monitoring-iku"
    teks = teks_tampilan(h)
    assert "1,01%" in teks and "19,61%" in teks and "20,83%" in teks
    judul = [h.model.headerData(c, Qt.Orientation.Horizontal) for c in range(h.model.columnCount())]
    assert "Target\nI" in judul and "Realisasi\nI" in judul


def test_alokasi_anggaran_tw1_dan_setelah_refocusing(qtbot, jendela: JendelaUtama) -> None:  # type: ignore[no-untyped-def]
    jendela.buka_halaman("laporan")
    h = jendela.halaman_aktif()
    assert isinstance(h, HalamanTabel)
    h.pilih_tabel.setCurrentIndex(h.pilih_tabel.findData("alokasi-anggaran"))
    h.pilih_triwulan.setCurrentIndex(h.pilih_triwulan.findData(1))
    teks = teks_tampilan(h)
    assert "3.080.400.000" in teks and "88,63%" in teks
    h.pilih_triwulan.setCurrentIndex(h.pilih_triwulan.findData(None))
    assert "3.080.400.000" not in teks_tampilan(h)  # the year's pagu is after the refocusing


def test_ekspor_pdf_dan_excel_dari_halaman(qtbot, jendela: JendelaUtama, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    jendela.buka_halaman("iku")
    h = jendela.halaman_aktif()
    assert isinstance(h, HalamanTabel)
    pdf = h.ekspor("pdf", tmp_path / "iku.pdf")
    xlsx = h.ekspor("xlsx", tmp_path / "iku.xlsx")
    assert pdf is not None and xlsx is not None
    teks = "".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "INDIKATOR KINERJA UTAMA" in teks.upper() and "1,28" in teks
    wb = load_workbook(xlsx)
    assert wb.active.freeze_panes is not None
