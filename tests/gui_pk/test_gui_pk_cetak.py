"""Printing a PK from the window: Simpan PDF in three clicks, Ctrl+P through the print
dialog onto paper (a PDF printer here), the print preview, and the fallback when this PC has
no PDF rasteriser."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QMessageBox

from sakip_desktop.gui import pratinjau_pdf
from sakip_desktop.gui.halaman import pk as halaman_pk
from sakip_desktop.gui.halaman.pk import HalamanPK
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.gui.pratinjau_pdf import HalamanPdf, PerenderPdfium, PerenderPdftoppm
from sakip_desktop.services.pk import LayananPK
from sakip_desktop.storage import Database

KADIS = "Kepala Dinas Tenaga Kerja"
KASI_PENEMPATAN = "Kepala Seksi Penempatan Tenaga Kerja"
A4_PT = (595.28, 841.89)


def perender_nyata() -> list[object]:
    """The rasterisers this PC has (each tested; none on a bare PC)."""
    hasil: list[object] = []
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        hasil.append(pytest.param(None, marks=pytest.mark.skip(reason="pypdfium2 tidak ada")))
    else:
        hasil.append(pytest.param(PerenderPdfium(), id="pypdfium2"))
    program = shutil.which("pdftoppm")
    if program:
        hasil.append(pytest.param(PerenderPdftoppm(program), id="pdftoppm"))
    else:
        hasil.append(pytest.param(None, marks=pytest.mark.skip(reason="pdftoppm tidak ada")))
    return hasil


class PerenderUji:
    """Stands in for a rasteriser where the point is the painting, not PDFium: two A4 pages,
    the first black, the second white."""

    nama = "uji"

    def __init__(self) -> None:
        self.diminta: list[tuple[Path, int]] = []

    def render(self, pdf: Path, dpi: int) -> list[HalamanPdf]:
        self.diminta.append((pdf, dpi))
        hasil = []
        for warna in (Qt.GlobalColor.black, Qt.GlobalColor.white):
            g = QImage(int(A4_PT[0] / 72 * 40), int(A4_PT[1] / 72 * 40), QImage.Format.Format_RGB32)
            g.fill(warna)
            hasil.append(HalamanPdf(g, *A4_PT))
        return hasil


def printer_pdf(path: Path) -> QPrinter:
    p = QPrinter(QPrinter.PrinterMode.HighResolution)
    p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    p.setOutputFileName(str(path))
    p.setResolution(150)
    return p


def test_simpan_pdf_tiga_klik_memuat_nama_dan_target(
    monkeypatch,  # type: ignore[no-untyped-def]
    halaman: HalamanPK,
    pilih: Callable[[str], None],
    klik: Callable[[str], None],
    baca_pdf: Callable[[Path], list[str]],
    tmp_path: Path,
) -> None:
    tujuan = tmp_path / "pk kadis.pdf"
    saran: list[Path] = []

    def dialog_simpan(_induk: object, usul: Path) -> Path:  # click 3: "Save" in the dialog
        saran.append(usul)
        return tujuan

    monkeypatch.setattr(halaman_pk, "pilih_berkas_pdf", dialog_simpan)
    pilih(KADIS)  # click 1
    klik("tombolSimpanPdfPk")  # click 2
    assert saran[0].name == "PK-2020-01-kepala-dinas-tenaga-kerja.pdf"
    assert halaman.pdf_terakhir == tujuan and tujuan.is_file()
    pernyataan, lampiran = baca_pdf(tujuan)
    assert "PERJANJIAN KINERJA TAHUN 2020" in pernyataan
    for teks in (pernyataan, lampiran):
        assert "Drs. Bambang Sutrisno, M.M." in teks
        assert "Drs. H. Hartono Wijaya, M.Si." in teks
        assert "NIP. 19680512 199403 1 007" in teks
    for target in ("1,28%", "5,15%", "100%", "2,40%"):
        assert target in lampiran
    assert "JUMLAH 3.875.400.000" in lampiran
    assert halaman.window().statusBar().currentMessage() == f"PDF disimpan: {tujuan}"


def test_simpan_pdf_draf_yang_diubah(
    halaman: HalamanPK,
    pilih: Callable[[str], None],
    klik: Callable[[str], None],
    baca_pdf: Callable[[Path], list[str]],
    tmp_path: Path,
) -> None:
    pilih(KASI_PENEMPATAN)
    klik("tombolSusunPk")
    baris = halaman.model_kinerja.baris(0)
    assert halaman._simpan_sel(baris, "target", "3.100") is not None
    _, lampiran = baca_pdf(halaman.simpan_pdf(tmp_path / "kasi.pdf"))  # type: ignore[arg-type]
    assert "Sasaran Kegiatan" in lampiran
    assert "3.100" in lampiran


@pytest.mark.parametrize("perender", perender_nyata())
def test_perender_menggambar_halaman_pk(
    perender: pratinjau_pdf.Perender, db_demo: Database, jabatan_id, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    pdf = LayananPK(db_demo).cetak_jabatan(jabatan_id(KADIS), 2020, tmp_path / "k.pdf")
    halaman = perender.render(pdf, 50)
    assert len(halaman) == len(PdfReader(pdf).pages) == 2
    for h in halaman:
        assert (h.lebar_pt, h.tinggi_pt) == pytest.approx(A4_PT, abs=1.5)
        assert h.gambar.width() == pytest.approx(A4_PT[0] / 72 * 50, abs=2)
        # ink on paper: the page is mostly white, with dark text
        assert h.gambar.pixelColor(2, 2).lightness() > 240
        gelap = sum(
            h.gambar.pixelColor(x, y).lightness() < 100
            for x in range(0, h.gambar.width(), 3)
            for y in range(0, h.gambar.height(), 3)
        )
        assert gelap > 50


def test_ctrl_p_mencetak_lewat_dialog_cetak(
    qtbot,  # type: ignore[no-untyped-def]
    monkeypatch,
    jendela: JendelaUtama,
    halaman: HalamanPK,
    pilih: Callable[[str], None],
    tmp_path: Path,
) -> None:
    perender = PerenderUji()
    monkeypatch.setattr(pratinjau_pdf, "perender_tersedia", lambda: perender)
    kertas = tmp_path / "kertas.pdf"
    ditanya: list[str] = []

    def dialog_cetak(_induk: object, judul: str, halaman_: list[HalamanPdf]) -> QPrinter:
        ditanya.append(judul)
        p = printer_pdf(kertas)
        pratinjau_pdf.atur_kertas(p, halaman_)
        return p

    monkeypatch.setattr(pratinjau_pdf, "pilih_printer", dialog_cetak)
    pilih(KADIS)
    jendela.activateWindow()
    halaman.tabel_jabatan.setFocus()
    qtbot.keyClick(halaman.tabel_jabatan, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert ditanya == [f"PK 2020 — {KADIS}"]
    # the PK's PDF went to the rasteriser at print resolution, its pages onto the paper
    pdf, dpi = perender.diminta[0]
    assert pdf.name == "PK-2020-01-kepala-dinas-tenaga-kerja.pdf" and dpi == 300
    assert len(PdfReader(pdf).pages) == 2
    kertas_pdf = PdfReader(kertas)
    assert len(kertas_pdf.pages) == 2
    kotak = kertas_pdf.pages[0].mediabox
    assert (float(kotak.width), float(kotak.height)) == pytest.approx(A4_PT, abs=2)


def kotak_gambar(path: Path) -> list[tuple[float, float, float, float]]:
    """Where each page's image lands on the paper (x, y, width, height in points), from the
    PDF's drawing operators: the transformation in force at each image ``Do``."""
    hasil = []
    for halaman in PdfReader(path).pages:
        isi = ContentStream(halaman.get_contents(), halaman.pdf)
        ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
        tumpuk: list[list[float]] = []
        for operand, operator in isi.operations:
            if operator == b"q":
                tumpuk.append(ctm)
            elif operator == b"Q":
                ctm = tumpuk.pop()
            elif operator == b"cm":
                a, b, c, d, e, f = (float(x) for x in operand)
                A, B, C, D, E, F = ctm
                ctm = [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
                       e * A + f * C + E, e * B + f * D + F]  # fmt: skip
            elif operator == b"Do":
                x0, y0 = ctm[4], ctm[5]
                x1, y1 = ctm[0] + ctm[2] + x0, ctm[1] + ctm[3] + y0
                hasil.append((min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0)))
    return hasil


def test_lukis_halaman_mengisi_kertas(tmp_path: Path) -> None:
    """Each page image is painted once per sheet, over the whole A4 sheet (the PDF has its
    own margins), in the order of the pages."""
    halaman = PerenderUji().render(tmp_path / "x.pdf", 40)
    kertas = tmp_path / "p.pdf"
    printer = printer_pdf(kertas)
    pratinjau_pdf.atur_kertas(printer, halaman)
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    assert pratinjau_pdf.lukis_halaman(printer, halaman) == 2
    hasil = PdfReader(kertas)
    assert len(hasil.pages) == 2
    for sisi in kotak_gambar(kertas):
        assert sisi == pytest.approx((0, 0, *A4_PT), abs=2)
    for i, h in enumerate(hasil.pages):
        (gambar,) = h.images
        assert gambar.image.size == (halaman[i].gambar.width(), halaman[i].gambar.height())
        assert gambar.image.convert("L").getpixel((5, 5)) == (0 if i == 0 else 255)


def test_pratinjau_menampilkan_semua_halaman(
    qtbot,  # type: ignore[no-untyped-def]
    monkeypatch,
    halaman: HalamanPK,
    pilih: Callable[[str], None],
    klik: Callable[[str], None],
) -> None:
    monkeypatch.setattr(pratinjau_pdf, "perender_tersedia", lambda: PerenderUji())
    dibuka: list[pratinjau_pdf.DialogPratinjauPdf] = []
    monkeypatch.setattr(pratinjau_pdf.DialogPratinjauPdf, "open", lambda d: dibuka.append(d))
    pilih(KADIS)
    klik("tombolPratinjauPk")
    (d,) = dibuka
    d.show()
    qtbot.waitUntil(lambda: d.dilukis == 2)
    widget = d.findChild(QPrintPreviewWidget)
    assert widget is not None and widget.pageCount() == 2
    assert d.windowTitle() == f"Pratinjau — PK 2020 — {KADIS}"
    d.close()


def test_tanpa_perender_pdf_dibuka_di_penampil(
    monkeypatch,  # type: ignore[no-untyped-def]
    halaman: HalamanPK,
    pilih: Callable[[str], None],
    klik: Callable[[str], None],
) -> None:
    monkeypatch.setattr(pratinjau_pdf, "perender_tersedia", lambda: None)
    dibuka: list[Path] = []
    monkeypatch.setattr(pratinjau_pdf, "buka_pdf", lambda p: dibuka.append(p) or True)
    monkeypatch.setattr(
        pratinjau_pdf, "pilih_printer", lambda *_a: pytest.fail("tanpa perender, tanpa dialog")
    )
    pilih(KADIS)
    klik("tombolCetakPk")
    klik("tombolPratinjauPk")
    assert len(dibuka) == 2
    assert all(p.is_file() and p.suffix == ".pdf" for p in dibuka)
    info = [k for k in halaman.findChildren(QMessageBox) if k.objectName() == "pesanInfo"]
    assert info and "pypdfium2" in info[-1].text()
    for k in info:
        k.close()


def test_jabatan_tanpa_pemangku_tidak_dicetak(
    halaman: HalamanPK,
    pilih: Callable[[str], None],
    db_demo: Database,
    jabatan_id,
) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from sqlalchemy import select

    from sakip_desktop.model import PemangkuJabatan
    from sakip_desktop.services.pelaku import SISTEM

    with db_demo.transaksi(SISTEM) as sesi:
        p = sesi.scalars(
            select(PemangkuJabatan).where(PemangkuJabatan.jabatan_id == jabatan_id(KASI_PENEMPATAN))
        ).one()
        p.mulai = date(2020, 3, 1)
    halaman.segarkan()
    pilih(KASI_PENEMPATAN)
    assert "tidak ada pemangku" in halaman.label_pertama.text()
    assert not halaman.tombol_cetak.isEnabled() and not halaman.tombol_simpan_pdf.isEnabled()
    assert "tidak ada pemangkunya" in halaman.tombol_cetak.toolTip()
