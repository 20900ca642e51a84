"""A page that shows one of several printable tables, with Export PDF/Excel and Print."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...errors import KesalahanPengguna
from ...services.tabel import DAFTAR_TABEL, TabelLaporan, bangun_tabel
from ..konteks import Konteks
from ..tabel_laporan import ModelTabelLaporan
from .dasar import Halaman


class HalamanTabel(Halaman):
    """Subclasses set ``kunci``, ``judul`` and ``tabel`` (registry names to choose from)."""

    tabel: tuple[str, ...] = ()

    def __init__(self, konteks: Konteks, parent: QWidget | None = None) -> None:
        super().__init__(konteks, parent)
        tata = QVBoxLayout(self)
        atas = QHBoxLayout()
        self.pilih_tabel = QComboBox(objectName="pilihTabel")
        for nama in self.tabel:
            self.pilih_tabel.addItem(DAFTAR_TABEL[nama].judul, nama)
        self.pilih_triwulan = QComboBox(objectName="pilihTriwulan")
        self.pilih_triwulan.addItem("Setahun", None)
        for tw in range(1, 5):
            self.pilih_triwulan.addItem(f"Triwulan {tw}", tw)
        self.pilih_tabel.currentIndexChanged.connect(lambda _i: self.segarkan())
        self.pilih_triwulan.currentIndexChanged.connect(lambda _i: self.segarkan())
        atas.addWidget(QLabel("Tabel:"))
        atas.addWidget(self.pilih_tabel, 1)
        self.label_triwulan = QLabel("Periode:")
        atas.addWidget(self.label_triwulan)
        atas.addWidget(self.pilih_triwulan)
        self.tombol_pdf = QPushButton("Ekspor PDF…", objectName="tombolEksporPdf")
        self.tombol_xlsx = QPushButton("Ekspor Excel…", objectName="tombolEksporXlsx")
        self.tombol_pdf.clicked.connect(lambda: self.ekspor("pdf"))
        self.tombol_xlsx.clicked.connect(lambda: self.ekspor("xlsx"))
        atas.addWidget(self.tombol_pdf)
        atas.addWidget(self.tombol_xlsx)
        tata.addLayout(atas)
        self.judul_tabel = QLabel(objectName="judulTabel")
        self.judul_tabel.setWordWrap(True)
        tata.addWidget(self.judul_tabel)
        self.model = ModelTabelLaporan()
        self.tampilan = QTableView(objectName="tampilanTabel")
        self.tampilan.setModel(self.model)
        self.tampilan.setWordWrap(True)
        self.tampilan.verticalHeader().setVisible(False)
        self.tampilan.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        tata.addWidget(self.tampilan, 1)
        self._tabel: TabelLaporan | None = None
        self.k.tahunBerubah.connect(lambda _t: self.segarkan())
        self.k.dataBerubah.connect(lambda _a: self.segarkan_bila_tampil())

    def nama_tabel(self) -> str:
        return str(self.pilih_tabel.currentData())

    def triwulan(self) -> int | None:
        jenis = DAFTAR_TABEL[self.nama_tabel()]
        return self.pilih_triwulan.currentData() if jenis.pakai_triwulan else None

    def segarkan(self) -> None:
        jenis = DAFTAR_TABEL[self.nama_tabel()]
        self.pilih_triwulan.setVisible(jenis.pakai_triwulan)
        self.label_triwulan.setVisible(jenis.pakai_triwulan)
        try:
            with self.k.baca() as sesi:
                tabel = bangun_tabel(
                    sesi, self.k.opd(sesi), self.nama_tabel(), self.k.tahun, self.triwulan()
                )
        except KesalahanPengguna as exc:
            self._tabel = None
            self.model.setel(None)
            self.judul_tabel.setText(exc.pesan)
            return
        self._tabel = tabel
        self.model.setel(tabel)
        self.tampilan.clearSpans()
        for r, c, n in self.model.rentang():
            self.tampilan.setSpan(r, c, 1, n)
        self.judul_tabel.setText(
            "<b>" + " — ".join(tabel.judul) + f"</b><br>{tabel.instansi} · {tabel.periode}"
        )
        lebar = self.tampilan.fontMetrics().averageCharWidth()
        for i, kolom in enumerate(tabel.kolom):
            self.tampilan.setColumnWidth(i, int(max(kolom.lebar, 9) * lebar * 1.15))
        self.tampilan.resizeRowsToContents()

    def ekspor(self, format: str, tujuan: Path | None = None) -> Path | None:
        """Write the shown table to PDF or XLSX (asks for the file unless given)."""
        if self._tabel is None:
            return None
        if tujuan is None:
            saran = f"{self._tabel.nama}-{self.k.tahun}.{format}"
            saring = "PDF (*.pdf)" if format == "pdf" else "Excel (*.xlsx)"
            nama, _ = QFileDialog.getSaveFileName(self, "Simpan sebagai", saran, saring)
            if not nama:
                return None
            tujuan = Path(nama)
        if format == "pdf":
            from ...reports.pdf_tabel import tulis_pdf

            tulis_pdf(self._tabel, tujuan)
        else:
            from ...reports.xlsx_tabel import tulis_xlsx

            tulis_xlsx(self._tabel, tujuan)
        self.window().statusBar().showMessage(f"Disimpan: {tujuan}", 8000)  # type: ignore[attr-defined]
        return tujuan

    def cetak(self) -> None:
        """Print through the system's PDF viewer (the PDF is the print layout)."""
        if self._tabel is None:
            return
        folder = Path(tempfile.mkdtemp(prefix="sakip-cetak-"))
        path = self.ekspor("pdf", folder / f"{self._tabel.nama}-{self.k.tahun}.pdf")
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def simpan_keadaan(self, s: QSettings) -> None:
        s.setValue(f"{self.kunci}/tabel", self.nama_tabel())
        s.setValue(f"{self.kunci}/kolom", self.tampilan.horizontalHeader().saveState())

    def pulihkan_keadaan(self, s: QSettings) -> None:
        nama = s.value(f"{self.kunci}/tabel")
        i = self.pilih_tabel.findData(nama)
        if i >= 0:
            self.pilih_tabel.setCurrentIndex(i)
        kolom = s.value(f"{self.kunci}/kolom")
        if isinstance(kolom, QByteArray):
            self.tampilan.horizontalHeader().restoreState(kolom)
