"""The two widgets the window places: the pohon kinerja diagram and the risk matrix."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QWheelEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from sakip_desktop.gui.diagram_pohon import DiagramPohon, ItemKotak
from sakip_desktop.gui.matriks_risiko import PERAN_ID, MatriksRisikoWidget
from sakip_desktop.model import NodeKinerja
from sakip_desktop.services.diagram_pohon import LayananDiagramPohon
from sakip_desktop.services.pelaku import SISTEM
from sakip_desktop.services.risiko import LayananRisiko
from sakip_desktop.storage import Database

pytestmark = pytest.mark.gui


@pytest.fixture
def diagram(qtbot, db_demo: Database) -> DiagramPohon:  # type: ignore[no-untyped-def]
    view = DiagramPohon()
    qtbot.addWidget(view)
    view.resize(1200, 800)
    layanan = LayananDiagramPohon(db_demo)
    view.atur_pemuat(lambda: layanan.tata_letak(2020))
    view.show()
    qtbot.waitExposed(view)
    return view


def kotak_item(view: DiagramPohon) -> list[ItemKotak]:
    return [i for i in view.scene().items() if isinstance(i, ItemKotak)]


def test_diagram_menampilkan_pohon_demo(diagram: DiagramPohon) -> None:
    assert diagram.tata is not None
    items = kotak_item(diagram)
    assert len(items) == 64
    assert {i.kotak.pernyataan for i in items} == {k.pernyataan for k in diagram.tata.kotak}
    # fitted to the window: the whole drawing is visible
    terlihat = diagram.mapToScene(diagram.viewport().rect()).boundingRect()
    assert terlihat.contains(diagram.scene().itemsBoundingRect().adjusted(4, 4, -4, -4))


def test_zoom_dengan_tombol_dan_ctrl_roda(qtbot, diagram: DiagramPohon) -> None:  # type: ignore[no-untyped-def]
    awal = diagram.transform().m11()
    qtbot.keyClick(diagram, Qt.Key.Key_Plus)
    assert diagram.transform().m11() == pytest.approx(awal * 1.15)
    qtbot.keyClick(diagram, Qt.Key.Key_Minus)
    qtbot.keyClick(diagram, Qt.Key.Key_Minus)
    assert diagram.transform().m11() == pytest.approx(awal / 1.15)
    tengah = QPointF(diagram.viewport().rect().center())
    roda = QWheelEvent(
        tengah,
        QPointF(diagram.viewport().mapToGlobal(tengah.toPoint())),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(diagram.viewport(), roda)
    assert diagram.transform().m11() == pytest.approx(awal / 1.15 * 1.15**2)
    qtbot.keyClick(diagram, Qt.Key.Key_0)
    assert diagram.transform().m11() == pytest.approx(1.0)
    qtbot.keyClick(diagram, Qt.Key.Key_F)
    assert diagram.transform().m11() == pytest.approx(awal)


def test_ekspor_png_berukuran_sesuai_gambar(diagram: DiagramPohon, tmp_path: Path) -> None:
    ukuran = diagram.ekspor_png(tmp_path / "pohon.png", dpi=96)
    rect = diagram.scene().sceneRect()
    assert (ukuran.width(), ukuran.height()) == (
        math.ceil(rect.width() * 96 / 72),
        math.ceil(rect.height() * 96 / 72),
    )
    gambar = QImage(str(tmp_path / "pohon.png"))
    assert gambar.size() == ukuran
    # the strip of the first box is drawn in its band colour (not the white background)
    k = diagram.tata.kotak[0]
    x = round((k.x + k.w / 2 - rect.x()) * 96 / 72)
    y = round((k.y + 4 - rect.y()) * 96 / 72)
    assert gambar.pixelColor(x, y).name() == k.warna_pita


def test_cetak_ke_printer_pdf(diagram: DiagramPohon, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "cetak.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A3))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    assert diagram.cetak(printer)
    halaman = PdfReader(tmp_path / "cetak.pdf").pages
    assert len(halaman) == 1
    assert float(halaman[0].mediabox.width) > float(halaman[0].mediabox.height)


def test_segarkan_setelah_pohon_berubah_menjaga_zoom(
    qtbot,
    diagram: DiagramPohon,
    db_demo: Database,  # type: ignore[no-untyped-def]
) -> None:
    qtbot.keyClick(diagram, Qt.Key.Key_Plus)
    zoom = diagram.transform().m11()
    with db_demo.transaksi(SISTEM) as sesi:
        node = sesi.scalars(select(NodeKinerja).where(NodeKinerja.kode == "S.1")).one()
        node.uraian = "Meningkatnya Penempatan Kerja di Sektor Formal"
    diagram.segarkan()
    assert "Meningkatnya Penempatan Kerja di Sektor Formal" in {
        i.kotak.pernyataan for i in kotak_item(diagram)
    }
    assert diagram.transform().m11() == pytest.approx(zoom)


def test_klik_kotak_memilih_node(qtbot, diagram: DiagramPohon) -> None:  # type: ignore[no-untyped-def]
    k = next(k for k in diagram.tata.kotak if k.pernyataan == "Meningkatnya Perlindungan Pekerja")
    diagram.atur_zoom(1.0)
    diagram.centerOn(k.x + k.w / 2, k.y + k.h / 2)
    titik = diagram.mapFromScene(QPointF(k.x + k.w / 2, k.y + k.h / 2))
    with qtbot.waitSignal(diagram.nodeDipilih, timeout=2000) as sinyal:
        qtbot.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton, pos=titik)
    assert sinyal.args == [k.id]


def test_klik_sel_matriks_memancarkan_id_risikonya(qtbot, db_demo: Database) -> None:  # type: ignore[no-untyped-def]
    layanan = LayananRisiko(db_demo)
    w = MatriksRisikoWidget()
    qtbot.addWidget(w)
    w.resize(700, 620)
    w.muat(layanan, 2020)
    w.show()
    qtbot.waitExposed(w)
    assert "11 risiko" in w.judul.text()
    harapan = [str(r.id) for r in layanan.di_sel(2020, 3, 4)]
    pusat = w.peta.kotak_sel(3, 4).center().toPoint()
    with qtbot.waitSignal(w.risikoDipilih, timeout=2000) as sinyal:
        qtbot.mouseClick(w.peta, Qt.MouseButton.LeftButton, pos=pusat)
    assert sinyal.args == [harapan] and len(harapan) == 3
    assert [w.daftar.item(i).data(PERAN_ID) for i in range(w.daftar.count())] == harapan
    assert "Tingkat Pengangguran Terbuka" in w.daftar.item(0).text()
    kosong = w.peta.kotak_sel(5, 5).center().toPoint()
    with qtbot.waitSignal(w.risikoDipilih, timeout=2000) as sinyal:
        qtbot.mouseClick(w.peta, Qt.MouseButton.LeftButton, pos=kosong)
    assert sinyal.args == [[]] and w.daftar.count() == 0
