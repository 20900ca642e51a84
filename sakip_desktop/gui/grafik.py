"""Small charts drawn with QPainter: target vs realization by quarter, and a budget bar.

QtCharts is not part of PySide6-Essentials (the only Qt wheel the program ships), so the
dashboard draws its own: a grouped bar chart of four quarters (a hollow bar for the target,
a filled bar for the realization coloured by its capaian band, a dashed line for the yearly
target) and a horizontal absorption bar. Values arrive as Decimal and are formatted the
Indonesian way; floats are used only for pixel coordinates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from html import escape

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..angka import format_angka, format_persen, format_rupiah
from ..kalkulasi import NAMA_TRIWULAN
from ..kalkulasi import BandCapaian as Band

WARNA_TARGET = "#7f8c8d"
WARNA_NETRAL = "#4a78b5"
"""A realization without a capaian (no target for the quarter) is drawn in neutral blue."""
WARNA_GRID = "#e3e6e8"


def pucat(warna: str | QColor, putih: float = 0.78) -> QColor:
    """A pale tint of a colour (cell backgrounds behind dark text)."""
    c = QColor(warna)
    return QColor(
        round(c.red() + (255 - c.red()) * putih),
        round(c.green() + (255 - c.green()) * putih),
        round(c.blue() + (255 - c.blue()) * putih),
    )


def teks_angka(nilai: Decimal | None, satuan: str) -> str:
    """A chart label: "1,01%" for a percentage, "2.700" for a count (unit on the axis)."""
    if nilai is None:
        return "—"
    return format_persen(nilai, None) if satuan.strip() == "%" else format_angka(nilai)


def html_legenda_band(bands: Sequence[Band]) -> str:
    """The band legend as rich text: coloured squares with their thresholds and labels."""
    urut = sorted(bands, key=lambda b: b.batas_bawah, reverse=True)
    bagian = []
    for i, b in enumerate(urut):
        if i == 0:
            batas = f"≥ {format_angka(b.batas_bawah)}%"
        elif i == len(urut) - 1:
            batas = f"< {format_angka(urut[i - 1].batas_bawah)}%"
        else:
            batas = f"{format_angka(b.batas_bawah)}–< {format_angka(urut[i - 1].batas_bawah)}%"
        bagian.append(
            f"<span style='color:{escape(b.warna)}'>■</span> {escape(batas)} {escape(b.label)}"
        )
    return " &nbsp; ".join(bagian)


def langkah_rapi(rentang: Decimal) -> Decimal:
    """A round axis step (1, 2, 2,5 or 5 × 10ⁿ) giving about four gridlines over ``rentang``."""
    if rentang <= 0:
        return Decimal(1)
    kasar = rentang / 4
    eksponen = kasar.adjusted()
    dasar = Decimal(1).scaleb(eksponen)
    for kali in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10)):
        if dasar * kali >= kasar:
            return (dasar * kali).normalize()
    return (dasar * 10).normalize()  # pragma: no cover - the loop always returns


@dataclass(frozen=True)
class DataGrafik:
    """What one chart shows: four quarters of target and realization, and the year's target.

    ``warna`` holds the band colour of each quarter's realization (None: neutral);
    ``keterangan`` the tooltip of each quarter.
    """

    judul: str
    satuan: str
    target: tuple[Decimal | None, ...]
    realisasi: tuple[Decimal | None, ...]
    target_tahunan: Decimal | None = None
    warna: tuple[str | None, ...] = (None, None, None, None)
    keterangan: tuple[str, ...] = ("", "", "", "")
    subjudul: str = ""
    label_tw: tuple[str, ...] = NAMA_TRIWULAN

    def ringkasan(self) -> str:
        """The chart in words (accessible description, and what tests read)."""
        bagian = [
            f"{self.label_tw[i]}: target {teks_angka(self.target[i], self.satuan)}, "
            f"realisasi {teks_angka(self.realisasi[i], self.satuan)}"
            for i in range(4)
        ]
        tahun = teks_angka(self.target_tahunan, self.satuan)
        return f"{self.judul}. " + "; ".join(bagian) + f"; target tahun {tahun}."


class GrafikTriwulan(QWidget):
    """Grouped bars per quarter: target (hollow) and realization (filled, band colour).

    Signals:
        triwulanDiklik(int): the quarter (1–4) under the mouse was clicked.
    """

    triwulanDiklik = Signal(int)

    KIRI = 46.0
    KANAN = 8.0
    ATAS = 34.0
    BAWAH = 22.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: DataGrafik | None = None
        self.setMinimumSize(200, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def sizeHint(self) -> QSize:
        return QSize(300, 190)

    def atur(self, data: DataGrafik | None) -> None:
        self.data = data
        self.setAccessibleName(data.judul if data else "")
        self.setAccessibleDescription(data.ringkasan() if data else "")
        self.update()

    # --- geometry -----------------------------------------------------------------------------
    def _skala(self) -> tuple[Decimal, Decimal]:
        """(bottom, top) of the value axis: from 0 (or the lowest value) to a round top."""
        d = self.data
        nilai = [
            v for v in (*(d.target if d else ()), *(d.realisasi if d else ())) if v is not None
        ]
        if d is not None and d.target_tahunan is not None:
            nilai.append(d.target_tahunan)
        if not nilai:
            return Decimal(0), Decimal(1)
        bawah = min(Decimal(0), min(nilai))
        atas = max(Decimal(0), max(nilai))
        if atas == bawah:
            atas = bawah + 1
        langkah = langkah_rapi(atas - bawah)
        atas = (atas / langkah).to_integral_value(rounding=ROUND_CEILING) * langkah
        if atas == max(nilai):  # leave room for the value label above the tallest bar
            atas += langkah
        if bawah < 0:
            bawah = (bawah / langkah).to_integral_value(rounding=ROUND_FLOOR) * langkah
        return bawah, atas

    def _area(self) -> QRectF:
        return QRectF(
            self.KIRI,
            self.ATAS,
            max(self.width() - self.KIRI - self.KANAN, 10),
            max(self.height() - self.ATAS - self.BAWAH, 10),
        )

    def _y(self, nilai: Decimal, bawah: Decimal, atas: Decimal, area: QRectF) -> float:
        return area.bottom() - float((nilai - bawah) / (atas - bawah)) * area.height()

    def kotak_triwulan(self, triwulan: int) -> QRectF:
        """The column of a quarter (1–4) in widget coordinates."""
        area = self._area()
        lebar = area.width() / 4
        return QRectF(area.left() + (triwulan - 1) * lebar, area.top(), lebar, area.height())

    def triwulan_di(self, titik: QPointF) -> int | None:
        for tw in range(1, 5):
            kotak = self.kotak_triwulan(tw).adjusted(0, -self.ATAS, 0, self.BAWAH)
            if kotak.contains(titik):
                return tw
        return None

    # --- events -------------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        tw = self.triwulan_di(event.position())
        self.setToolTip(self.data.keterangan[tw - 1] if self.data and tw else "")
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        tw = self.triwulan_di(event.position())
        if tw is not None and event.button() == Qt.MouseButton.LeftButton:
            self.triwulanDiklik.emit(tw)
            event.accept()
            return
        super().mousePressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.fillRect(self.rect(), self.palette().base())
            if self.data is not None:
                self._gambar(p, self.data)
        finally:
            p.end()

    # --- drawing ------------------------------------------------------------------------------
    def _gambar(self, p: QPainter, d: DataGrafik) -> None:
        teks_warna = self.palette().text().color()
        fon = QFont(self.font())
        fon.setPointSizeF(max(fon.pointSizeF() - 1.0, 7.0))
        p.setFont(fon)
        area = self._area()
        bawah, atas = self._skala()
        langkah = langkah_rapi(atas - bawah)

        # title and legend
        judul = QFont(fon)
        judul.setBold(True)
        p.setFont(judul)
        p.setPen(teks_warna)
        judul_pas = p.fontMetrics().elidedText(
            d.judul, Qt.TextElideMode.ElideRight, max(self.width() - 8, 20)
        )
        p.drawText(QRectF(4, 2, self.width() - 8, 16), Qt.AlignmentFlag.AlignLeft, judul_pas)
        p.setFont(fon)
        if d.subjudul:
            p.setPen(QColor("#5d6d7e"))
            p.drawText(QRectF(4, 17, self.width() - 8, 14), Qt.AlignmentFlag.AlignLeft, d.subjudul)

        # gridlines and axis labels
        nilai = bawah
        while nilai <= atas:
            y = self._y(nilai, bawah, atas, area)
            p.setPen(QPen(QColor(WARNA_GRID), 1))
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            p.setPen(QColor("#5d6d7e"))
            p.drawText(
                QRectF(0, y - 8, self.KIRI - 5, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                teks_angka(nilai, d.satuan),
            )
            nilai += langkah
        nol = self._y(Decimal(0), bawah, atas, area)
        p.setPen(QPen(QColor("#95a5a6"), 1))
        p.drawLine(QPointF(area.left(), nol), QPointF(area.right(), nol))

        # bars
        for tw in range(1, 5):
            kolom = self.kotak_triwulan(tw)
            lebar = min(kolom.width() * 0.32, 26.0)
            tengah = kolom.center().x()
            t, r = d.target[tw - 1], d.realisasi[tw - 1]
            if t is not None:
                y = self._y(t, bawah, atas, area)
                kotak = QRectF(tengah - lebar - 1, min(y, nol), lebar, abs(nol - y))
                p.setPen(QPen(QColor(WARNA_TARGET), 1.2))
                p.setBrush(QColor("#eef1f2"))
                p.drawRect(kotak)
            if r is not None:
                y = self._y(r, bawah, atas, area)
                kotak = QRectF(tengah + 1, min(y, nol), lebar, max(abs(nol - y), 1.0))
                warna = QColor(d.warna[tw - 1] or WARNA_NETRAL)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(warna)
                p.drawRect(kotak)
                p.setPen(teks_warna)
                label = QRectF(tengah - 30, min(y, nol) - 15, 60 + lebar, 14)
                p.drawText(label, Qt.AlignmentFlag.AlignCenter, teks_angka(r, d.satuan))
            elif t is not None:
                p.setPen(QColor("#95a5a6"))
                p.drawText(
                    QRectF(tengah + 1, nol - 15, lebar, 14), Qt.AlignmentFlag.AlignCenter, "—"
                )
            p.setPen(teks_warna)
            p.drawText(
                QRectF(kolom.left(), area.bottom() + 3, kolom.width(), 16),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                d.label_tw[tw - 1],
            )
        p.setBrush(Qt.BrushStyle.NoBrush)

        # the yearly target
        if d.target_tahunan is not None:
            y = self._y(d.target_tahunan, bawah, atas, area)
            pena = QPen(QColor("#c0392b"), 1.4, Qt.PenStyle.DashLine)
            p.setPen(pena)
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))


class BilahSerapan(QWidget):
    """Budget absorption: a horizontal bar filled to % serapan, with the amounts in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.serapan: Decimal | None = None
        self.pagu: Decimal | None = None
        self.realisasi: Decimal | None = None
        self.setMinimumHeight(20)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(260, 20)

    def teks(self) -> str:
        if self.pagu is None:
            return "Tanpa anggaran"
        if self.realisasi is None:
            return f"Belum ada realisasi dari {format_rupiah(self.pagu)}"
        return (
            f"{format_persen(self.serapan)} · {format_rupiah(self.realisasi)} dari "
            f"{format_rupiah(self.pagu)}"
        )

    def teks_pendek(self) -> str:
        """What fits inside the bar: the percentage, or why there is none."""
        if self.pagu is None:
            return "Tanpa anggaran"
        if self.realisasi is None:
            return "Belum ada realisasi"
        return f"{format_persen(self.serapan)} terserap"

    def atur(
        self, pagu: Decimal | None, realisasi: Decimal | None, serapan: Decimal | None
    ) -> None:
        self.pagu, self.realisasi, self.serapan = pagu, realisasi, serapan
        self.setToolTip(f"Serapan anggaran: {self.teks()}")
        self.setAccessibleDescription(self.teks())
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            r = QRectF(self.rect()).adjusted(0.5, 1.5, -0.5, -1.5)
            p.setPen(QPen(QColor("#b8c2cc"), 1))
            p.setBrush(QColor("#f4f6f7"))
            p.drawRoundedRect(r, 3, 3)
            if self.serapan is not None and self.serapan > 0:
                bagian = min(float(self.serapan) / 100.0, 1.0)
                isi = QRectF(r.left(), r.top(), r.width() * bagian, r.height())
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor("#5b8fd0"))
                p.drawRoundedRect(isi, 3, 3)
            fon = QFont(self.font())
            fon.setPointSizeF(max(fon.pointSizeF() - 1.0, 7.0))
            p.setFont(fon)
            p.setPen(QColor("#1c2833"))
            p.drawText(r.adjusted(6, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter, self.teks_pendek())
        finally:
            p.end()
