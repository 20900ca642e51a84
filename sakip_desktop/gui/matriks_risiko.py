"""The risk matrix of a year: a 5 × 5 likelihood × impact heat map, clickable to its risks.

Likelihood (kemungkinan) runs up the left side, impact (dampak) along the bottom, as the
risk registers of pemda draw it; each cell is coloured by the level of its score
(`services.risiko.SKALA_LEVEL_RISIKO`) and shows how many risks are in it. Clicking a
cell lists its risks below the map and emits their ids.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..services.risiko import (
    LABEL_DAMPAK,
    LABEL_KEMUNGKINAN,
    SKALA_LEVEL_RISIKO,
    LayananRisiko,
    MatriksRisiko,
    RingkasanRisiko,
    hitung_matriks,
    level_risiko,
)

PERAN_ID = Qt.ItemDataRole.UserRole


def _pucat(warna: QColor, putih: float = 0.78) -> QColor:
    return QColor(
        round(warna.red() + (255 - warna.red()) * putih),
        round(warna.green() + (255 - warna.green()) * putih),
        round(warna.blue() + (255 - warna.blue()) * putih),
    )


class PetaPanasRisiko(QWidget):
    """The 5 × 5 grid itself.

    Signals:
        selDiklik(int, int): kemungkinan and dampak of the clicked cell.
    """

    selDiklik = Signal(int, int)

    KIRI = 150.0
    BAWAH = 58.0
    ATAS = 8.0
    KANAN = 8.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matriks: MatriksRisiko | None = None
        self.terpilih: tuple[int, int] | None = None
        self.setMinimumSize(420, 330)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def sizeHint(self) -> QSize:
        return QSize(560, 420)

    def atur(self, matriks: MatriksRisiko | None) -> None:
        self.matriks = matriks
        self.update()

    def _ukuran_sel(self) -> tuple[float, float]:
        w = (self.width() - self.KIRI - self.KANAN) / 5
        h = (self.height() - self.ATAS - self.BAWAH) / 5
        return w, h

    def kotak_sel(self, kemungkinan: int, dampak: int) -> QRectF:
        """Where a cell is drawn (widget coordinates); likelihood 5 is the top row."""
        w, h = self._ukuran_sel()
        return QRectF(self.KIRI + (dampak - 1) * w, self.ATAS + (5 - kemungkinan) * h, w, h)

    def sel_di(self, titik: QPointF) -> tuple[int, int] | None:
        for k in range(1, 6):
            for d in range(1, 6):
                if self.kotak_sel(k, d).contains(titik):
                    return k, d
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        sel = self.sel_di(event.position())
        if sel is not None and event.button() == Qt.MouseButton.LeftButton:
            self.terpilih = sel
            self.update()
            self.selDiklik.emit(*sel)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        sel = self.sel_di(event.position())
        if sel is None:
            self.setToolTip("")
        else:
            k, d = sel
            lv = level_risiko(k, d)
            jumlah = self.matriks.jumlah(k, d) if self.matriks else 0
            self.setToolTip(
                f"Kemungkinan {k} ({LABEL_KEMUNGKINAN[k]}) × dampak {d} ({LABEL_DAMPAK[d]}) "
                f"= skor {k * d}, level {lv.label if lv else '—'}: {jumlah} risiko"
            )
        super().mouseMoveEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.fillRect(self.rect(), self.palette().base())
            w, h = self._ukuran_sel()
            fon = QFont(self.font())
            for k in range(1, 6):
                for d in range(1, 6):
                    r = self.kotak_sel(k, d)
                    lv = level_risiko(k, d)
                    warna = QColor(lv.warna if lv else "#cccccc")
                    jumlah = self.matriks.jumlah(k, d) if self.matriks else 0
                    if jumlah == 0:  # an empty cell: a pale tint of its level's colour
                        warna = _pucat(warna)
                    p.fillRect(r.adjusted(1, 1, -1, -1), warna)
                    if self.terpilih == (k, d):
                        p.setPen(QPen(QColor("#1c2833"), 3))
                        p.drawRect(r.adjusted(2, 2, -2, -2))
                    p.setPen(QColor("#ffffff") if jumlah else QColor("#5d6d7e"))
                    fon.setPointSizeF(max(9.0, min(w, h) / 3.2) if jumlah else 8.0)
                    fon.setBold(jumlah > 0)
                    p.setFont(fon)
                    teks = str(jumlah) if jumlah else str(k * d)
                    p.drawText(r, Qt.AlignmentFlag.AlignCenter, teks)
            fon.setBold(False)
            fon.setPointSizeF(8.0)
            p.setFont(fon)
            p.setPen(self.palette().text().color())
            for k in range(1, 6):
                r = self.kotak_sel(k, 1)
                label = QRectF(26, r.top(), self.KIRI - 32, r.height())
                p.drawText(
                    label,
                    Qt.AlignmentFlag.AlignRight
                    | Qt.AlignmentFlag.AlignVCenter
                    | Qt.TextFlag.TextWordWrap,
                    f"{k} · {LABEL_KEMUNGKINAN[k]}",
                )
            for d in range(1, 6):
                r = self.kotak_sel(1, d)
                label = QRectF(r.left(), r.bottom() + 2, r.width(), 30)
                p.drawText(
                    label,
                    Qt.AlignmentFlag.AlignHCenter
                    | Qt.AlignmentFlag.AlignTop
                    | Qt.TextFlag.TextWordWrap,
                    f"{d} · {LABEL_DAMPAK[d]}",
                )
            fon.setBold(True)
            p.setFont(fon)
            p.drawText(
                QRectF(self.KIRI, self.height() - 22, 5 * w, 20),
                Qt.AlignmentFlag.AlignCenter,
                "Dampak →",
            )
            p.save()
            p.translate(12, self.ATAS + 5 * h / 2)
            p.rotate(-90)
            p.drawText(QRectF(-80, -10, 160, 20), Qt.AlignmentFlag.AlignCenter, "Kemungkinan →")
            p.restore()
        finally:
            p.end()


class MatriksRisikoWidget(QWidget):
    """Heat map, legend and the list of the clicked cell's risks.

    Signals:
        risikoDipilih(list): ids (``str``) of the risks in the clicked cell.
    """

    risikoDipilih = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matriks: MatriksRisiko | None = None
        self._risiko: dict[str, RingkasanRisiko] = {}
        self.judul = QLabel()
        self.judul.setObjectName("judulMatriksRisiko")
        huruf = self.judul.font()
        huruf.setBold(True)
        huruf.setPointSizeF(huruf.pointSizeF() * 1.2)
        self.judul.setFont(huruf)
        self.peta = PetaPanasRisiko(self)
        self.legenda = QLabel(self._teks_legenda())
        self.legenda.setTextFormat(Qt.TextFormat.RichText)
        self.keterangan = QLabel("Klik sel untuk melihat risikonya.")
        self.daftar = QListWidget()
        self.daftar.setWordWrap(True)
        self.daftar.setMinimumHeight(110)
        tata = QVBoxLayout(self)
        tata.addWidget(self.judul)
        tata.addWidget(self.peta, 3)
        tata.addWidget(self.legenda)
        tata.addWidget(self.keterangan)
        tata.addWidget(self.daftar, 1)
        self.peta.selDiklik.connect(self.pilih_sel)

    @staticmethod
    def _teks_legenda() -> str:
        butir = [
            f'<span style="color:{lv.warna}">■</span> {lv.label} ({lv.batas_bawah}–{lv.batas_atas})'
            for lv in SKALA_LEVEL_RISIKO
        ]
        return "Level risiko (kemungkinan × dampak): " + " &nbsp; ".join(butir)

    def tampilkan(self, risiko: Sequence[RingkasanRisiko], tahun: int) -> None:
        """Show the register of ``tahun`` (the matrix is counted from it)."""
        self._risiko = {str(r.id): r for r in risiko}
        self.matriks = hitung_matriks(tahun, risiko)
        belum = len(self.matriks.belum_dinilai)
        tambahan = f"; {belum} belum dinilai" if belum else ""
        self.judul.setText(
            f"Peta risiko tahun {tahun}: {self.matriks.total} risiko dinilai{tambahan}"
        )
        self.peta.terpilih = None
        self.peta.atur(self.matriks)
        self.daftar.clear()
        self.keterangan.setText("Klik sel untuk melihat risikonya.")

    def muat(self, layanan: LayananRisiko, tahun: int, *, opd: str | None = None) -> None:
        self.tampilkan(layanan.daftar(tahun, opd=opd), tahun)

    def pilih_sel(self, kemungkinan: int, dampak: int) -> list[str]:
        """List the risks of a cell and emit their ids (also what a click does)."""
        self.peta.terpilih = (kemungkinan, dampak)
        self.peta.update()
        ids = (
            [str(i) for i in self.matriks.sel.get((kemungkinan, dampak), ())]
            if self.matriks
            else []
        )
        lv = level_risiko(kemungkinan, dampak)
        self.keterangan.setText(
            f"Kemungkinan {kemungkinan} × dampak {dampak} (skor {kemungkinan * dampak}, "
            f"{lv.label if lv else '—'}): {len(ids)} risiko"
        )
        self.daftar.clear()
        for i in ids:
            r = self._risiko[i]
            pemilik = f" — {r.pemilik}" if r.pemilik else ""
            item = QListWidgetItem(f"Level {r.level} · {r.pernyataan}{pemilik}")
            item.setData(PERAN_ID, i)
            item.setToolTip(
                f"Penyebab: {r.penyebab or '—'}\nDampak: {r.dampak or '—'}\n"
                f"Rencana tindak pengendalian: {r.rencana_tindak or '—'}"
            )
            self.daftar.addItem(item)
        self.risikoDipilih.emit(ids)
        return ids
