"""Print preview and printing of a PDF the program wrote (a PK), without QtPdf.

QtPdf is not part of PySide6-Essentials, so Qt cannot draw a PDF itself. The PDF stays the
one print layout (reportlab, fonts embedded); its pages are rasterised and painted on the
`QPrinter` — the same images in the preview and on paper, at up to 300 dpi. Rasterisers, in
order: pypdfium2 (PDFium in a pip wheel, also on Windows), then poppler's ``pdftoppm`` when it
is on the PATH. With neither, the window opens the PDF in the system's PDF viewer, where the
user prints it: saving the PDF never depends on a rasteriser.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from . import dialog

DPI_CETAK = 300
"""Raster resolution for paper and preview (a printer's own is used when lower)."""


@dataclass(frozen=True)
class HalamanPdf:
    """One rasterised page and its size on paper (PDF points, 1/72 inch)."""

    gambar: QImage
    lebar_pt: float
    tinggi_pt: float


class Perender(Protocol):
    """Turns a PDF's pages into images."""

    nama: str

    def render(self, pdf: Path, dpi: int) -> list[HalamanPdf]: ...


class PerenderPdfium:
    """PDFium through pypdfium2 (a pip wheel that carries its own library)."""

    nama = "pypdfium2"

    def render(self, pdf: Path, dpi: int) -> list[HalamanPdf]:
        import pypdfium2 as pdfium

        dokumen = pdfium.PdfDocument(str(pdf))
        try:
            hasil = []
            for i in range(len(dokumen)):
                halaman = dokumen[i]
                lebar, tinggi = halaman.get_size()
                bitmap = halaman.render(scale=dpi / 72, rev_byteorder=True)
                gambar = QImage(
                    bytes(bitmap.buffer),
                    bitmap.width,
                    bitmap.height,
                    bitmap.stride,
                    _FORMAT_PDFIUM[bitmap.mode],
                ).copy()
                hasil.append(HalamanPdf(gambar, float(lebar), float(tinggi)))
                bitmap.close()
                halaman.close()
            return hasil
        finally:
            dokumen.close()


_FORMAT_PDFIUM = {
    "RGB": QImage.Format.Format_RGB888,
    "RGBX": QImage.Format.Format_RGBX8888,
    "RGBA": QImage.Format.Format_RGBA8888,
    "L": QImage.Format.Format_Grayscale8,
}


class PerenderPdftoppm:
    """poppler's ``pdftoppm`` program (common on Linux, rare on Windows)."""

    nama = "pdftoppm"

    def __init__(self, program: str) -> None:
        self.program = program

    def render(self, pdf: Path, dpi: int) -> list[HalamanPdf]:
        with tempfile.TemporaryDirectory(prefix="sakip-render-") as folder:
            awalan = Path(folder) / "hlm"
            tanpa_jendela = getattr(subprocess, "CREATE_NO_WINDOW", 0)
            subprocess.run(
                [self.program, "-r", str(dpi), "-png", str(pdf), str(awalan)],
                check=True,
                capture_output=True,
                timeout=120,
                creationflags=tanpa_jendela if sys.platform == "win32" else 0,
            )
            berkas = sorted(
                Path(folder).glob("hlm-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1])
            )
            hasil = []
            for p in berkas:
                gambar = QImage(str(p))
                if gambar.isNull():
                    raise OSError(f"Gambar halaman tidak terbaca: {p.name}")
                skala = 72 / dpi
                hasil.append(HalamanPdf(gambar, gambar.width() * skala, gambar.height() * skala))
            return hasil


def perender_tersedia() -> Perender | None:
    """The first rasteriser this PC has, or None."""
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        pass
    else:
        return PerenderPdfium()
    program = shutil.which("pdftoppm")
    return PerenderPdftoppm(program) if program else None


# --- painting on a printer ------------------------------------------------------------------


def atur_kertas(printer: QPrinter, halaman: list[HalamanPdf]) -> None:
    """The printer's paper follows the PDF (A4 or F4/Folio), portrait, drawn edge to edge:
    the PDF carries its own margins."""
    if not halaman:
        return
    h = halaman[0]
    ukuran = QPageSize(
        QSizeF(h.lebar_pt, h.tinggi_pt),
        QPageSize.Unit.Point,
        "",
        QPageSize.SizeMatchPolicy.FuzzyMatch,
    )
    orientasi = (
        QPageLayout.Orientation.Landscape
        if h.lebar_pt > h.tinggi_pt
        else QPageLayout.Orientation.Portrait
    )
    printer.setPageLayout(
        QPageLayout(ukuran, orientasi, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    )
    printer.setFullPage(True)


def lukis_halaman(printer: QPrinter, halaman: list[HalamanPdf]) -> int:
    """Paint the pages on ``printer`` (a real one, a PDF file, or the preview), each scaled
    to the paper keeping its proportions; returns the number of pages painted."""
    if not halaman:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("Printer tidak dapat dibuka untuk mencetak.")
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        for i, h in enumerate(halaman):
            if i:
                printer.newPage()
            area = QRectF(painter.window())
            skala = min(area.width() / h.lebar_pt, area.height() / h.tinggi_pt)
            lebar, tinggi = h.lebar_pt * skala, h.tinggi_pt * skala
            tujuan = QRectF(
                area.x() + (area.width() - lebar) / 2,
                area.y() + (area.height() - tinggi) / 2,
                lebar,
                tinggi,
            )
            painter.drawImage(tujuan, h.gambar)
    finally:
        painter.end()
    return len(halaman)


def pilih_printer(induk: QWidget | None, judul: str, halaman: list[HalamanPdf]) -> QPrinter | None:
    """The system print dialog (printer, copies, pages); None when cancelled. Tests replace
    this function."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(judul)
    atur_kertas(printer, halaman)
    d = QPrintDialog(printer, induk)
    d.setWindowTitle(f"Cetak — {judul}")
    if d.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


def buka_pdf(pdf: Path) -> bool:
    """Open the PDF in the system's viewer (tests replace this function)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf)))


def _tanpa_perender(induk: QWidget | None, pdf: Path, apa: str) -> bool:
    dialog.kabari(
        induk,
        apa,
        f"{apa} langsung dari SAKIP Desktop memerlukan komponen pypdfium2 (atau program "
        "pdftoppm), yang tidak terpasang di komputer ini. PDF dibuka di penampil PDF sistem; "
        f"cetak dari sana.\n\n{pdf}",
        galat=False,
    )
    return buka_pdf(pdf)


def _render(induk: QWidget | None, perender: Perender, pdf: Path, dpi: int) -> list[HalamanPdf]:
    try:
        return perender.render(pdf, dpi)
    except (OSError, subprocess.SubprocessError, ValueError) as exc:
        dialog.kabari(induk, "Cetak", f"Halaman PDF tidak dapat digambar ({perender.nama}): {exc}")
        return []


def cetak_pdf(
    induk: QWidget | None,
    pdf: Path,
    judul: str,
    *,
    perender: Perender | None = None,
    printer: QPrinter | None = None,
) -> bool:
    """Print a PDF: the print dialog (unless ``printer`` is given), then its pages at the
    printer's resolution (at most 300 dpi). Without a rasteriser the PDF opens in the
    system's viewer. True when something was sent to a printer or a viewer."""
    perender = perender or perender_tersedia()
    if perender is None:
        return _tanpa_perender(induk, pdf, "Mencetak")
    halaman = _render(induk, perender, pdf, DPI_CETAK)
    if not halaman:
        return False
    if printer is None:
        printer = pilih_printer(induk, judul, halaman)
        if printer is None:
            return False
    else:
        atur_kertas(printer, halaman)
    return lukis_halaman(printer, halaman) > 0


class DialogPratinjauPdf(QPrintPreviewDialog):
    """Qt's print preview (zoom, page by page, print button) over a PDF's page images."""

    def __init__(self, halaman: list[HalamanPdf], judul: str, induk: QWidget | None) -> None:
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setDocName(judul)
        atur_kertas(self.printer, halaman)
        super().__init__(self.printer, induk)
        self.setObjectName("dialogPratinjauPk")
        self.setWindowTitle(f"Pratinjau — {judul}")
        self.halaman = halaman
        self.dilukis = 0
        self.paintRequested.connect(self._lukis)
        self.resize(900, 760)

    def _lukis(self, printer: QPrinter) -> None:
        self.dilukis = lukis_halaman(printer, self.halaman)


def pratinjau_pdf(
    induk: QWidget | None,
    pdf: Path,
    judul: str,
    *,
    perender: Perender | None = None,
    buka: Callable[[DialogPratinjauPdf], None] | None = None,
) -> DialogPratinjauPdf | None:
    """Show the print preview of a PDF (window-modal, does not block); None when there is
    no rasteriser (the PDF then opens in the system's viewer) or the pages failed."""
    perender = perender or perender_tersedia()
    if perender is None:
        _tanpa_perender(induk, pdf, "Pratinjau")
        return None
    halaman = _render(induk, perender, pdf, DPI_CETAK)
    if not halaman:
        return None
    d = DialogPratinjauPdf(halaman, judul, induk)
    (buka or DialogPratinjauPdf.open)(d)
    return d
