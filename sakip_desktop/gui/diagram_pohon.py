"""The pohon kinerja as a zoomable, pannable picture (QGraphicsView).

The boxes and edges come from `services.diagram_pohon.TataLetakPohon` as they are: the
same positions, line breaks and colours as the PDF. Text is drawn with the embedded
Liberation Sans at a pixel size in scene units (points), so the drawing scales the same on
a screen, into a PNG and onto a printer.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QKeyEvent,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ..reports.fon import HURUF
from ..services.diagram_pohon import TINGGI_PITA, Garis, Kotak, TataLetakPohon, lebar_teks
from ..sumber_daya import folder_sumber_daya

WARNA_GARIS = "#7f8c8d"
WARNA_TAUTAN = "#8e44ad"
ZOOM_LANGKAH = 1.15
ZOOM_MIN, ZOOM_MAKS = 0.05, 8.0
PIKSEL_ACUAN = 100
"""Text is laid out at this pixel size and scaled down: fractional point sizes, and the
same glyph advances whatever the device."""


@cache
def keluarga_fon() -> str:
    """Load the embedded Liberation Sans faces into Qt once; returns the family name."""
    folder = folder_sumber_daya() / "fonts"
    keluarga = "Liberation Sans"
    for berkas in (
        "LiberationSans-Regular.ttf",
        "LiberationSans-Bold.ttf",
        "LiberationSans-Italic.ttf",
        "LiberationSans-BoldItalic.ttf",
    ):
        i = QFontDatabase.addApplicationFont(str(folder / berkas))
        if i >= 0:
            keluarga = QFontDatabase.applicationFontFamilies(i)[0]
    return keluarga


@cache
def _fon(huruf: str) -> QFont:
    f = QFont(keluarga_fon())
    f.setPixelSize(PIKSEL_ACUAN)
    f.setBold("Bold" in huruf)
    f.setItalic("Italic" in huruf)
    f.setKerning(False)  # the layout measured without kerning (reportlab)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return f


class ItemKotak(QGraphicsItem):
    """One node's box: coloured strip, statement, indicators with targets, owner."""

    def __init__(self, kotak: Kotak) -> None:
        super().__init__()
        self.kotak = kotak
        self.setPos(kotak.x, kotak.y)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(
            "\n".join(b.teks for b in kotak.baris if b.gaya in ("jenis", "judul"))
            + "\n(klik untuk memilih node)"
        )
        self.setData(0, kotak.id)

    def boundingRect(self) -> QRectF:
        return QRectF(-1.5, -1.5, self.kotak.w + 3, self.kotak.h + 3)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        k = self.kotak
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        kotak = QRectF(0, 0, k.w, k.h)
        pita = QColor(k.warna_pita)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(k.warna_isi))
        painter.drawRoundedRect(kotak, 3, 3)
        painter.setBrush(pita)
        painter.drawRoundedRect(QRectF(0, 0, k.w, TINGGI_PITA), 3, 3)
        painter.drawRect(QRectF(0, 3, k.w, TINGGI_PITA - 3))
        tebal = 2.2 if self.isSelected() else 0.8
        painter.setPen(QPen(QColor("#1f4e79") if self.isSelected() else pita, tebal))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(kotak, 3, 3)
        for b in k.baris:
            painter.save()
            painter.setFont(_fon(b.huruf))
            painter.setPen(QColor(b.warna))
            painter.translate(b.x, b.y)
            skala = b.ukuran / PIKSEL_ACUAN
            painter.scale(skala, skala)
            painter.drawText(QPointF(0, 0), b.teks)
            painter.restore()


def _item_garis(g: Garis) -> list[QGraphicsItem]:
    jalur = QPainterPath(QPointF(*g.titik[0]))
    for x, y in g.titik[1:]:
        jalur.lineTo(x, y)
    item = QGraphicsPathItem(jalur)
    if g.jenis == "tautan":
        pena = QPen(QColor(WARNA_TAUTAN), 1.0, Qt.PenStyle.DashLine)
        item.setPen(pena)
        item.setZValue(2)
        item.setToolTip("Tautan cascading: node bawah juga mendukung node atas")
        (x1, y1), (x2, y2) = g.titik[-2], g.titik[-1]
        sudut = math.atan2(y2 - y1, x2 - x1)
        kepala = QPolygonF(
            [QPointF(x2, y2)]
            + [
                QPointF(x2 - 6 * math.cos(sudut + d), y2 - 6 * math.sin(sudut + d))
                for d in (0.4, -0.4)
            ]
        )
        panah = QPainterPath()
        panah.addPolygon(kepala)
        panah.closeSubpath()
        ujung = QGraphicsPathItem(panah)
        ujung.setPen(Qt.PenStyle.NoPen)
        ujung.setBrush(QBrush(QColor(WARNA_TAUTAN)))
        ujung.setZValue(2)
        return [item, ujung]
    item.setPen(QPen(QColor(WARNA_GARIS), 0.8))
    item.setZValue(-1)
    return [item]


def _teks(
    adegan: QGraphicsScene, teks: str, x: float, y: float, ukuran: float, tebal: bool = False
) -> None:
    f = QFont(keluarga_fon())
    f.setPixelSize(PIKSEL_ACUAN)
    f.setBold(tebal)
    item = adegan.addSimpleText(teks, f)
    item.setBrush(QColor("#1c2833"))
    item.setScale(ukuran / PIKSEL_ACUAN)
    item.setPos(x, y)


def bangun_adegan(tata: TataLetakPohon, adegan: QGraphicsScene | None = None) -> QGraphicsScene:
    """A scene holding the title, the legend, the edges and the boxes of ``tata``."""
    adegan = adegan or QGraphicsScene()
    adegan.clear()
    adegan.setBackgroundBrush(QColor("#ffffff"))
    _teks(adegan, tata.judul, 0, -44, 13, tebal=True)
    _teks(adegan, tata.subjudul, 0, -26, 7.5)
    x = 0.0
    for label, warna in tata.legenda:
        adegan.addRect(QRectF(x, -12, 9, 7), QPen(Qt.PenStyle.NoPen), QBrush(QColor(warna)))
        _teks(adegan, label, x + 12, -14, 7)
        x += 12 + lebar_teks(label, HURUF, 7) + 14
    if any(g.jenis == "tautan" for g in tata.garis):
        pena = QPen(QColor(WARNA_TAUTAN), 1.0, Qt.PenStyle.DashLine)
        adegan.addLine(x, -8.5, x + 10, -8.5, pena)
        _teks(adegan, "Tautan cascading (mendukung node lain)", x + 13, -14, 7)
    for g in tata.garis:
        for item in _item_garis(g):
            adegan.addItem(item)
    for k in tata.kotak:
        adegan.addItem(ItemKotak(k))
    batas = adegan.itemsBoundingRect().adjusted(-16, -12, 16, 16)
    adegan.setSceneRect(batas)
    return adegan


def render_gambar(adegan: QGraphicsScene, dpi: float = 150.0) -> QImage:
    """The whole scene as an image at ``dpi`` (scene units are points, 72 per inch)."""
    sumber = adegan.sceneRect()
    f = dpi / 72.0
    ukuran = QSize(math.ceil(sumber.width() * f), math.ceil(sumber.height() * f))
    gambar = QImage(ukuran, QImage.Format.Format_ARGB32)
    gambar.setDotsPerMeterX(round(dpi / 0.0254))
    gambar.setDotsPerMeterY(round(dpi / 0.0254))
    gambar.fill(QColor("#ffffff"))
    painter = QPainter(gambar)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        adegan.render(painter, QRectF(gambar.rect()), sumber)
    finally:
        painter.end()
    return gambar


def pastikan_aplikasi() -> QApplication:
    """A QApplication for headless use (the CLI): offscreen unless a platform is set."""
    app = QApplication.instance()
    if app is None:
        if "QT_QPA_PLATFORM" not in os.environ:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    return app


def tulis_png_pohon(tata: TataLetakPohon, tujuan: Path | str, dpi: float = 150.0) -> QSize:
    """Write the diagram as a PNG (works headless); returns the image size in pixels."""
    pastikan_aplikasi()
    adegan = bangun_adegan(tata)
    gambar = render_gambar(adegan, dpi)
    if not gambar.save(str(tujuan), "PNG"):
        from ..errors import KesalahanPengguna

        raise KesalahanPengguna(f"Gambar tidak dapat ditulis ke {tujuan}")
    return gambar.size()


class DiagramPohon(QGraphicsView):
    """The diagram page's view: Ctrl+wheel or +/− zoom, drag to pan, F fits the window,
    0 shows 100%.

    Signals:
        nodeDipilih(str): the id of the node whose box was clicked.
        zoomBerubah(float): the new zoom factor (1.0 = 100%).
    """

    nodeDipilih = Signal(str)
    zoomBerubah = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundBrush(QColor("#eef1f4"))
        self.tata: TataLetakPohon | None = None
        self._pemuat: Callable[[], TataLetakPohon] | None = None
        self._pas = True
        """Fit-to-window mode: kept while the window resizes, until the user zooms."""
        self.scene().selectionChanged.connect(self._pilihan_berubah)

    # --- content -------------------------------------------------------------------------
    def tampilkan(self, tata: TataLetakPohon) -> None:
        """Show a layout; on a refresh the zoom and the centre of view are kept."""
        pusat = self.mapToScene(self.viewport().rect().center())
        self.tata = tata
        bangun_adegan(tata, self.scene())
        if self._pas:
            self.pas_jendela()
        else:
            self.centerOn(pusat)

    def atur_pemuat(self, pemuat: Callable[[], TataLetakPohon]) -> None:
        """How to get a fresh layout (e.g. ``lambda: layanan.tata_letak(tahun, dari)``);
        loads it at once."""
        self._pemuat = pemuat
        self.segarkan()

    def segarkan(self) -> None:
        """Reload the layout: call when the tree (or the year's capaian) changed."""
        if self._pemuat is not None:
            self.tampilkan(self._pemuat())

    # --- zoom ------------------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def atur_zoom(self, faktor: float) -> None:
        self._pas = False
        faktor = min(max(faktor, ZOOM_MIN), ZOOM_MAKS)
        self.setTransform(self.transform().fromScale(faktor, faktor))
        self.zoomBerubah.emit(faktor)

    def perbesar(self, langkah: float = 1.0) -> None:
        self.atur_zoom(self.zoom * ZOOM_LANGKAH**langkah)

    def perkecil(self, langkah: float = 1.0) -> None:
        self.atur_zoom(self.zoom / ZOOM_LANGKAH**langkah)

    def pas_jendela(self) -> None:
        """Fit the whole drawing in the window."""
        self._pas = True
        if self.scene().items():
            self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
            self.zoomBerubah.emit(self.zoom)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._pas:
            self.pas_jendela()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            langkah = event.angleDelta().y() / 120.0
            if langkah:
                self.atur_zoom(self.zoom * ZOOM_LANGKAH**langkah)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        kunci = event.key()
        if kunci in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.perbesar()
        elif kunci in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.perkecil()
        elif kunci == Qt.Key.Key_F:
            self.pas_jendela()
        elif kunci == Qt.Key.Key_0:
            self.atur_zoom(1.0)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _pilihan_berubah(self) -> None:
        for item in self.scene().selectedItems():
            if isinstance(item, ItemKotak):
                self.nodeDipilih.emit(item.kotak.id)
                return

    # --- output ----------------------------------------------------------------------------
    def ekspor_png(self, tujuan: Path | str, dpi: float = 150.0) -> QSize:
        """Write the whole drawing (not just the visible part) as a PNG."""
        gambar = render_gambar(self.scene(), dpi)
        if not gambar.save(str(tujuan), "PNG"):
            from ..errors import KesalahanPengguna

            raise KesalahanPengguna(f"Gambar tidak dapat ditulis ke {tujuan}")
        return gambar.size()

    def cetak(self, printer: QPrinter | None = None) -> bool:
        """Print the whole drawing on one landscape page (A3 unless the dialog changes it);
        without a printer, ask with the print dialog. Returns False if cancelled."""
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setPageSize(QPageSize(QPageSize.PageSizeId.A3))
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
            dialog = QPrintDialog(printer, self)
            dialog.setWindowTitle("Cetak pohon kinerja")
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return False
        painter = QPainter()
        if not painter.begin(printer):
            return False
        try:
            halaman = printer.pageLayout().paintRectPixels(printer.resolution())
            target = QRectF(0, 0, halaman.width(), halaman.height())
            self.scene().render(
                painter, target, self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio
            )
        finally:
            painter.end()
        return True
