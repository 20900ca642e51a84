"""Every table of the demo exports to PDF and XLSX and opens again with the source's figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from sakip_desktop.reports.pdf_tabel import tulis_pdf
from sakip_desktop.reports.xlsx_tabel import tulis_xlsx
from sakip_desktop.services.tabel import (
    DAFTAR_TABEL,
    JenisBaris,
    TabelLaporan,
    buat_tabel,
    teks_sel,
)
from sakip_desktop.storage import Database


def periode_demo(nama: str) -> tuple[int, int | None]:
    return 2020, (1 if DAFTAR_TABEL[nama].pakai_triwulan else None)


def teks_pdf(path: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)


def semua_teks(tabel: TabelLaporan) -> list[str]:
    return [teks_sel(s) for b in tabel.baris for s in b.sel]


@pytest.mark.parametrize("nama", list(DAFTAR_TABEL))
def test_setiap_tabel_demo_ke_pdf_dan_xlsx(nama: str, db_demo: Database, tmp_path: Path) -> None:
    tahun, tw = periode_demo(nama)
    tabel = buat_tabel(db_demo, nama, tahun, tw)
    assert tabel.baris, f"{nama}: tabel demo kosong"

    pdf = tmp_path / f"{nama}.pdf"
    tulis_pdf(tabel, pdf)
    teks = teks_pdf(pdf)
    assert tabel.judul[0].split()[0] in teks
    assert "Halaman 1 dari" in teks
    assert "Dicetak" in teks
    baca = PdfReader(str(pdf))
    lebar, tinggi = baca.pages[0].mediabox.width, baca.pages[0].mediabox.height
    assert (lebar > tinggi) == tabel.lanskap  # A4 landscape for wide tables
    assert round(min(lebar, tinggi)) == 595 and round(max(lebar, tinggi)) == 842
    fon = baca.pages[0]["/Resources"]["/Font"]
    nama_fon = [str(f.get_object()["/BaseFont"]) for f in fon.values()]
    assert nama_fon and all("LiberationSans" in n for n in nama_fon)  # embedded, no Helvetica

    xlsx = tmp_path / f"{nama}.xlsx"
    tulis_xlsx(tabel, xlsx)
    ws = load_workbook(xlsx).active
    awal = len(tabel.judul) + 2 + len(tabel.kepala) + 1
    assert ws.freeze_panes == f"A{awal}"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.orientation == ("landscape" if tabel.lanskap else "portrait")
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows is not None
    # each body row of the table is on its row of the sheet, numbers stored as numbers
    for i, b in enumerate(tabel.baris):
        c = 1
        for sel in b.sel:
            nilai = ws.cell(awal + i, c).value
            if isinstance(sel.nilai, Decimal):
                assert isinstance(nilai, int | float), (nama, i, c, nilai)
            c += sel.colspan


def test_pengukuran_eselon_2_2019_memuat_capaian_sumber(db_demo: Database, tmp_path: Path) -> None:
    tabel = buat_tabel(db_demo, "pengukuran-eselon-2", 2019, 4)
    pdf = tmp_path / "e2.pdf"
    tulis_pdf(tabel, pdf)
    teks = teks_pdf(pdf)
    for angka in ("220,49%", "100,83%", "103,21%", "2,69%", "1,22%"):
        assert angka in teks
    assert "TRIWULAN IV TAHUN 2019" in teks


def test_monitoring_iku_tw1_2020(db_demo: Database, tmp_path: Path) -> None:
    tabel = buat_tabel(db_demo, "monitoring-iku", 2020, 1)
    teks = semua_teks(tabel)
    for angka in ("19,61%", "20,83%", "1,01%", "0,50%", "5,15%", "3,17%"):
        assert angka in teks
    assert any("Mendorong kepesertaan" in t for t in teks)
    # IKU.1 has no TW I realization: "—", never 0
    baris_iku1 = tabel.baris[0]
    assert [teks_sel(s) for s in baris_iku1.sel[9:14]] == ["—"] * 5

    xlsx = tmp_path / "mi.xlsx"
    tulis_xlsx(tabel, xlsx)
    ws = load_workbook(xlsx).active
    awal = len(tabel.judul) + 2 + len(tabel.kepala) + 1
    capaian = ws.cell(awal + 1, 14)  # IKU.2
    assert capaian.value == pytest.approx(0.1961)
    assert capaian.number_format == "0.00%"
    assert ws.cell(awal + 1, 5).number_format == "0.00%"  # target 5,15 %
    # merged header "Target" over TW I–IV, "Realisasi" beside it
    gabung = {str(r) for r in ws.merged_cells.ranges}
    kepala = len(tabel.judul) + 3
    assert f"F{kepala}:I{kepala}" in gabung and f"J{kepala}:M{kepala}" in gabung


def test_alokasi_anggaran_tw1_2020(db_demo: Database, tmp_path: Path) -> None:
    tabel = buat_tabel(db_demo, "alokasi-anggaran", 2020, 1)
    pdf = tmp_path / "alokasi.pdf"
    tulis_pdf(tabel, pdf)
    teks = teks_pdf(pdf)
    for angka in (
        "3.080.400.000",
        "50.000.000",
        "195.000.000",
        "150.000.000",
        "88,63%",
        "1,44%",
        "5,61%",
        "4,32%",
        "3.475.400.000",
    ):
        assert angka in teks
    xlsx = tmp_path / "alokasi.xlsx"
    tulis_xlsx(tabel, xlsx)
    ws = load_workbook(xlsx).active
    awal = len(tabel.judul) + 2 + len(tabel.kepala) + 1
    assert ws.cell(awal, 4).value == 3080400000
    assert ws.cell(awal, 4).number_format == "#,##0"
    assert ws.cell(awal, 5).value == pytest.approx(0.8863)
    total = next(b for b in tabel.baris if b.jenis is JenisBaris.TOTAL)
    assert teks_sel(total.sel[2]) == "3.475.400.000"


def test_anggaran_setahun_setelah_refocusing(db_demo: Database) -> None:
    """The year's report uses the pagu after the April refocusing."""
    teks = semua_teks(buat_tabel(db_demo, "alokasi-anggaran", 2020))
    assert "2.647.436.700" in teks and "3.080.400.000" not in teks


def test_realisasi_anggaran_dan_kinerja_tw1(db_demo: Database) -> None:
    teks = semua_teks(buat_tabel(db_demo, "realisasi-anggaran", 2020, 1))
    for angka in ("10,26%", "27,80%", "12,66%", "316.057.144"):
        assert angka in teks
    kinerja = buat_tabel(db_demo, "anggaran-kinerja", 2020, 1)
    baris = [[teks_sel(s) for s in b.sel] for b in kinerja.baris]
    assert baris[1][3:] == ["5,15%", "1,01%", "19,61%", "50.000.000", "13.900.000", "27,80%"]
    assert baris[3][3:] == ["2,40%", "0,50%", "20,83%", "150.000.000", "—", "—"]


def test_refocusing_enam_potongan(db_demo: Database) -> None:
    tabel = buat_tabel(db_demo, "refocusing", 2020)
    data = [b for b in tabel.baris if b.jenis is JenisBaris.DATA]
    assert len(data) == 6
    total = tabel.baris[-1]
    assert total.jenis is JenisBaris.TOTAL and teks_sel(total.sel[3]) == "593.700.000"
    assert any("Upaya" in c for c in tabel.catatan)


def test_renja_dan_renstra(db_demo: Database, tmp_path: Path) -> None:
    tabel = buat_tabel(db_demo, "renja", 2020)
    pdf = tmp_path / "renja.pdf"
    tulis_pdf(tabel, pdf)
    halaman = PdfReader(str(pdf)).pages
    assert len(halaman) > 1
    for h in halaman:  # the header row is repeated on every page
        assert "Sasaran / Program / Kegiatan" in h.extract_text()
    renja = semua_teks(tabel)
    for angka in ("1.341.400.000", "200.000.000", "42.000.000", "285.000.000", "3.080.400.000"):
        assert angka in renja
    renstra = semua_teks(buat_tabel(db_demo, "renstra", 2020))
    for angka in ("1,06%", "1,51%", "5,42%", "2,87%", "95,92% – 96,89%"):
        assert angka in renstra


def test_risiko_sebelas_baris(db_demo: Database) -> None:
    tabel = buat_tabel(db_demo, "risiko", 2020)
    assert len(tabel.baris) == 11
    assert teks_sel(tabel.baris[0].sel[1]) == "Level 0"
    assert teks_sel(tabel.baris[0].sel[3]) == "BUPATI"


@pytest.mark.parametrize("nama", ["alokasi-anggaran", "risiko", "rencana-aksi"])
def test_tahun_tanpa_data_tetap_tercetak(nama: str, db_demo: Database, tmp_path: Path) -> None:
    """2019 has no budget, risk register or action plan in the demo: the export says so."""
    tabel = buat_tabel(db_demo, nama, 2019)
    assert tabel.baris == []
    pdf = tmp_path / "kosong.pdf"
    tulis_pdf(tabel, pdf)
    assert "Tidak ada data untuk periode ini." in teks_pdf(pdf)
    xlsx = tmp_path / "kosong.xlsx"
    tulis_xlsx(tabel, xlsx)
    assert load_workbook(xlsx).active["A1"].value == tabel.judul[0]
