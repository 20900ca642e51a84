"""Manajemen Risiko: the register, the likelihood × impact map, business processes, SOPs.

Who edits the register mirrors the services: Perencana/Administrator everything, a Kabid the
risks of nodes in the bidang; for anyone else a risk opens read-only ("Lihat…"), the
editing buttons are disabled (hidden for roles that never change the plan) and a badge says
why.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import JenisProses
from ...errors import KesalahanPengguna
from ...services.proses import LayananProses, SimpulProses
from ...services.risiko import DataRisiko, LayananRisiko, RingkasanRisiko, level_risiko
from ...services.sop import LayananSop
from .. import dialog
from ..hak import BOLEH, Izin, Lencana, atur_hanya_baca, hak_jendela
from ..konteks import Konteks
from ..matriks_risiko import MatriksRisikoWidget
from .dasar import Halaman

KOLOM_RISIKO = (
    "Level",
    "Pernyataan risiko",
    "Pemilik",
    "Penyebab",
    "Dampak",
    "K",
    "D",
    "Skor",
    "Tingkat",
    "Rencana tindak pengendalian",
    "Penanggung jawab",
)
LABEL_PROSES = {
    JenisProses.MANAJEMEN: "Proses bisnis manajemen",
    JenisProses.INTI: "Proses bisnis inti",
    JenisProses.PENDUKUNG: "Proses bisnis pendukung",
}


class DialogRisiko(QDialog):
    """Add or change one risk of the register."""

    def __init__(
        self,
        r: RingkasanRisiko | None,
        tahun: int,
        parent: QWidget | None,
        hanya_baca: str = "",
    ) -> None:
        """``hanya_baca``: why the risk may not be changed (the dialog then only shows it)."""
        super().__init__(parent)
        self.setWindowTitle("Risiko" if r else "Risiko baru")
        self.tahun = tahun
        tata = QFormLayout(self)
        self.level = QSpinBox(minimum=0, maximum=5)
        self.pernyataan = QPlainTextEdit()
        self.pemilik = QPlainTextEdit()
        self.penyebab = QPlainTextEdit()
        self.dampak = QPlainTextEdit()
        self.pengendalian = QPlainTextEdit()
        self.rencana = QPlainTextEdit()
        self.kemungkinan = QSpinBox(minimum=0, maximum=5, specialValueText="—")
        self.dampak_skala = QSpinBox(minimum=0, maximum=5, specialValueText="—")
        self.pj = QPlainTextEdit()
        self.tenggat = QDateEdit(QDate(tahun, 12, 31), calendarPopup=True)
        self.tenggat.setDisplayFormat("dd-MM-yyyy")
        for w in (
            self.pernyataan,
            self.pemilik,
            self.penyebab,
            self.dampak,
            self.pengendalian,
            self.rencana,
            self.pj,
        ):
            w.setMaximumHeight(52)
            w.setTabChangesFocus(True)
        for label, w in (
            ("&Level pohon (0–5)", self.level),
            ("&Pernyataan risiko *", self.pernyataan),
            ("Pe&milik", self.pemilik),
            ("Pen&yebab", self.penyebab),
            ("&Dampak", self.dampak),
            ("Pengendalian yang &ada", self.pengendalian),
            ("&Rencana tindak pengendalian", self.rencana),
            ("&Kemungkinan (1–5)", self.kemungkinan),
            ("Dampak (&1–5)", self.dampak_skala),
            ("Penanggung &jawab", self.pj),
            ("&Tenggat", self.tenggat),
        ):
            tata.addRow(label, w)
        if hanya_baca:
            lencana = Lencana()
            lencana.tampilkan(Izin(False, hanya_baca))
            tata.insertRow(0, lencana)
            tombol = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        else:
            tombol = QDialogButtonBox(
                QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            )
        tombol.accepted.connect(self.accept)
        tombol.rejected.connect(self.reject)
        tata.addRow(tombol)
        if r is not None:
            self.level.setValue(r.level)
            for w, v in (
                (self.pernyataan, r.pernyataan),
                (self.pemilik, r.pemilik),
                (self.penyebab, r.penyebab),
                (self.dampak, r.dampak),
                (self.pengendalian, r.pengendalian_ada),
                (self.rencana, r.rencana_tindak),
                (self.pj, r.penanggung_jawab),
            ):
                w.setPlainText(v or "")
            self.kemungkinan.setValue(r.kemungkinan or 0)
            self.dampak_skala.setValue(r.dampak_skala or 0)
            if r.tenggat:
                self.tenggat.setDate(QDate(r.tenggat.year, r.tenggat.month, r.tenggat.day))
        self._asal = r
        if hanya_baca:
            atur_hanya_baca(self, True, kecuali=tuple(tombol.buttons()))

    def data(self) -> DataRisiko:
        d = self.tenggat.date()

        def teks(w: QPlainTextEdit) -> str | None:
            return w.toPlainText().strip() or None

        return DataRisiko(
            tahun=self.tahun,
            pernyataan=teks(self.pernyataan) or "",
            level=self.level.value(),
            node_id=self._asal.node_id if self._asal else None,
            pemilik_id=self._asal.pemilik_id if self._asal else None,
            pemilik_teks=teks(self.pemilik),
            penyebab=teks(self.penyebab),
            dampak=teks(self.dampak),
            pengendalian_ada=teks(self.pengendalian),
            rencana_tindak=teks(self.rencana),
            kemungkinan=self.kemungkinan.value() or None,
            dampak_skala=self.dampak_skala.value() or None,
            penanggung_jawab=teks(self.pj),
            tenggat=date(d.year(), d.month(), d.day()),
        )


class HalamanRisiko(Halaman):
    kunci = "risiko"
    judul = "Manajemen Risiko"

    def __init__(self, konteks: Konteks, parent: QWidget | None = None) -> None:
        super().__init__(konteks, parent)
        self.layanan = LayananRisiko(konteks.db)
        self.proses = LayananProses(konteks.db)
        self.sop = LayananSop(konteks.db)
        tata = QVBoxLayout(self)
        self.tab = QTabWidget(objectName="tabRisiko")
        tata.addWidget(self.tab)
        self.tab.addTab(self._bangun_register(), "Register risiko")
        self.matriks = MatriksRisikoWidget()
        self.matriks.risikoDipilih.connect(self._pilih_risiko)
        self.tab.addTab(self.matriks, "Peta risiko")
        self.pohon_proses = QTreeWidget(objectName="pohonProses")
        self.pohon_proses.setHeaderLabels(["Proses", "Node pohon kinerja", "Keterangan"])
        self.pohon_proses.itemDoubleClicked.connect(self._buka_node_proses)
        self.tab.addTab(self.pohon_proses, "Proses bisnis")
        self.tab.addTab(self._bangun_sop(), "SOP")
        self._risiko: list[RingkasanRisiko] = []
        self._sop: list[Any] = []
        self.hak = hak_jendela(konteks)
        self._izin: Izin = BOLEH
        self.k.tahunBerubah.connect(lambda _t: self.segarkan())
        self.k.pelakuBerubah.connect(self._terapkan_hak)
        self._terapkan_hak()

    def _bangun_register(self) -> QWidget:
        w = QWidget()
        tata = QVBoxLayout(w)
        tombol = QHBoxLayout()
        self.tombol_tambah = QPushButton("Tambah…", objectName="tombolTambahRisiko")
        self.tombol_ubah = QPushButton("Ubah…", objectName="tombolUbahRisiko")
        self.tombol_hapus = QPushButton("Hapus", objectName="tombolHapusRisiko")
        for b, fungsi in (
            (self.tombol_tambah, self._tambah),
            (self.tombol_ubah, self._ubah),
            (self.tombol_hapus, self.hapus),
        ):
            b.clicked.connect(fungsi)
            tombol.addWidget(b)
        tombol.addStretch(1)
        tata.addLayout(tombol)
        self.lencana = Lencana()
        tata.addWidget(self.lencana)
        self.tabel = QTableWidget(0, len(KOLOM_RISIKO), objectName="tabelRisiko")
        self.tabel.setHorizontalHeaderLabels(KOLOM_RISIKO)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabel.setWordWrap(True)
        self.tabel.doubleClicked.connect(lambda _i: self._ubah())
        self.tabel.horizontalHeader().setStretchLastSection(True)
        self.tabel.currentCellChanged.connect(lambda *_: self._terapkan_hak())
        tata.addWidget(self.tabel)
        return w

    def _bangun_sop(self) -> QWidget:
        w = QWidget()
        tata = QVBoxLayout(w)
        tombol = QHBoxLayout()
        lampir = QPushButton("Lampirkan dokumen…", objectName="tombolLampirSop")
        self.tombol_lampir_sop = lampir
        buka = QPushButton("Buka dokumen", objectName="tombolBukaSop")
        lampir.clicked.connect(self._lampirkan_sop)
        buka.clicked.connect(self._buka_sop)
        tombol.addWidget(lampir)
        tombol.addWidget(buka)
        tombol.addStretch(1)
        tata.addLayout(tombol)
        self.tabel_sop = QTableWidget(0, 6, objectName="tabelSop")
        self.tabel_sop.setHorizontalHeaderLabels(
            ["Judul", "Nomor", "Tahun", "Unit", "Status", "Dokumen"]
        )
        self.tabel_sop.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel_sop.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabel_sop.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tabel_sop.currentCellChanged.connect(lambda *_: self._terapkan_hak())
        tata.addWidget(self.tabel_sop)
        tata.addWidget(
            QLabel(
                "Dokumen SOP disimpan di dalam basis data dan dibuka dengan penampil bawaan sistem."
            )
        )
        return w

    # --- data -------------------------------------------------------------------------------
    def _nama_opd(self) -> str:
        with self.k.baca() as sesi:
            return self.k.opd(sesi).nama

    def segarkan(self) -> None:
        opd = self._nama_opd()
        self._risiko = self.layanan.daftar(self.k.tahun, opd=opd)
        self.tabel.setRowCount(len(self._risiko))
        for r, x in enumerate(self._risiko):
            tingkat = level_risiko(x.kemungkinan, x.dampak_skala) if x.skor else None
            isi = (
                f"Level {x.level}",
                x.pernyataan,
                x.pemilik or "",
                x.penyebab or "",
                x.dampak or "",
                str(x.kemungkinan or "—"),
                str(x.dampak_skala or "—"),
                str(x.skor or "—"),
                tingkat.label if tingkat else "—",
                x.rencana_tindak or "",
                x.penanggung_jawab or "",
            )
            for c, teks in enumerate(isi):
                self.tabel.setItem(r, c, QTableWidgetItem(teks))
        for c, lebar in enumerate((60, 180, 110, 170, 170, 34, 34, 44, 80, 190, 130)):
            self.tabel.setColumnWidth(c, lebar)
        self.tabel.resizeRowsToContents()
        self.matriks.muat(self.layanan, self.k.tahun, opd=opd)
        self.pohon_proses.clear()
        for jenis, simpul in self.proses.outline(opd=opd).items():
            kepala = QTreeWidgetItem(self.pohon_proses, [LABEL_PROSES[jenis]])
            for s in simpul:
                self._isi_proses(s, kepala)
        self.pohon_proses.expandAll()
        self.pohon_proses.resizeColumnToContents(0)
        self._sop = self.sop.daftar(opd=opd)
        self.tabel_sop.setRowCount(len(self._sop))
        for r, s in enumerate(self._sop):
            for c, teks in enumerate(
                (
                    s.judul,
                    s.nomor or "",
                    str(s.tahun or ""),
                    s.unit or "",
                    s.status,
                    s.nama_berkas or "— belum ada —",
                )
            ):
                self.tabel_sop.setItem(r, c, QTableWidgetItem(teks))
        self._terapkan_hak()

    # --- permissions ------------------------------------------------------------------------
    @property
    def izin(self) -> Izin:
        """Whether the acting user may change the selected risk (or add one), and why not."""
        return self._izin

    def _terapkan_hak(self) -> None:
        """Mirror the services' rule for the acting user and the selected risk."""
        tambah = self.hak.izin_node(None)
        r = self._terpilih()
        self._izin = self.hak.izin_node(r.node_id) if r is not None else tambah
        if r is not None and not self._izin and r.node_id is None and self.hak.hak.ubah_rencana:
            self._izin = Izin(
                False,
                "Hanya baca: risiko ini tidak terkait node bidang Anda; diubah Perencana.",
                self._izin.rinci,
            )
        elif not self._izin and self._izin.alasan.startswith("Hanya baca: node ini"):
            self._izin = Izin(
                False, self._izin.alasan.replace("node ini", "risiko node ini", 1), self._izin.rinci
            )
        tampak = self.hak.hak.ubah_rencana
        for b in (self.tombol_tambah, self.tombol_hapus, self.tombol_lampir_sop):
            b.setVisible(tampak)
        self.tombol_tambah.setEnabled(bool(tambah))
        self.tombol_tambah.setToolTip("" if tambah else tambah.alasan)
        self.tombol_hapus.setEnabled(r is not None and bool(self._izin))
        self.tombol_ubah.setText("Ubah…" if self._izin or r is None else "Lihat…")
        self.tombol_ubah.setEnabled(r is not None)
        s = self._sop_terpilih()
        self.tombol_lampir_sop.setEnabled(s is not None and self.hak.boleh_unit(s.unit_id))
        self.lencana.tampilkan(self._izin if r is not None else self.hak.izin_peran())

    def _isi_proses(self, s: SimpulProses, induk: QTreeWidgetItem) -> None:
        node = f"{s.node_kode or ''} {s.node_uraian or ''}".strip()
        item = QTreeWidgetItem(induk, [s.uraian, node, s.keterangan or ""])
        item.setData(0, 256, str(s.node_id) if s.node_id else None)
        for a in s.anak:
            self._isi_proses(a, item)

    def _buka_node_proses(self, item: QTreeWidgetItem, _kolom: int) -> None:
        node = item.data(0, 256)
        if node:
            jendela: Any = self.window()
            jendela.buka_halaman("pohon")
            jendela.halaman("pohon").tampilkan_node(uuid.UUID(node))

    # --- writes -----------------------------------------------------------------------------
    def _coba(self, fungsi: Callable[[], object], judul: str) -> bool:
        try:
            fungsi()
        except KesalahanPengguna as exc:
            self.k.galat.emit(judul, exc.pesan)
            return False
        self.k.dataBerubah.emit("risiko")
        self.segarkan()
        return True

    def _terpilih(self) -> RingkasanRisiko | None:
        baris = self.tabel.currentRow()
        return self._risiko[baris] if 0 <= baris < len(self._risiko) else None

    def _tambah(self) -> None:
        if not self.tombol_tambah.isEnabled() or not self.tombol_tambah.isVisible():
            return
        dlg = DialogRisiko(None, self.k.tahun, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            opd = self._nama_opd()
            self._coba(
                lambda: self.layanan.tambah(self.k.pelaku, dlg.data(), opd=opd),
                "Risiko tidak disimpan",
            )

    def _ubah(self) -> None:
        r = self._terpilih()
        if r is None:
            return
        if not self._izin:  # shown, not changed
            DialogRisiko(r, self.k.tahun, self, hanya_baca=self._izin.alasan).exec()
            return
        dlg = DialogRisiko(r, self.k.tahun, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self._coba(
                lambda: self.layanan.ubah(self.k.pelaku, r.id, dlg.data(), versi=r.versi),
                "Risiko tidak disimpan",
            )

    def hapus(self) -> None:
        r = self._terpilih()
        if (
            r is None
            or not self._izin
            or not dialog.tanya(
                self, "Konfirmasi hapus", f"Hapus risiko “{r.pernyataan}”?", tombol_ya="Hapus"
            )
        ):
            return
        self._coba(
            lambda: self.layanan.hapus(self.k.pelaku, r.id, versi=r.versi), "Risiko tidak dihapus"
        )

    def _pilih_risiko(self, ids: list[str]) -> None:
        self.tab.setCurrentIndex(0)
        self.tabel.clearSelection()
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for r, x in enumerate(self._risiko):
            if str(x.id) in ids:
                self.tabel.selectRow(r)
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

    def _sop_terpilih(self) -> Any:
        baris = self.tabel_sop.currentRow()
        return self._sop[baris] if 0 <= baris < len(self._sop) else None

    def _lampirkan_sop(self) -> None:
        s = self._sop_terpilih()
        if s is None or not self.hak.boleh_unit(s.unit_id):
            return
        nama, _ = QFileDialog.getOpenFileName(
            self, "Dokumen SOP", "", "Dokumen (*.pdf *.docx *.doc *.png *.jpg)"
        )
        if nama:
            from pathlib import Path

            self._coba(
                lambda: self.sop.lampirkan(self.k.pelaku, s.id, Path(nama)),
                "Dokumen tidak dilampirkan",
            )

    def _buka_sop(self) -> None:
        s = self._sop_terpilih()
        if s is None or not s.nama_berkas:
            return
        try:
            path = self.sop.buka_sementara(s.id)
        except KesalahanPengguna as exc:
            self.k.galat.emit("Dokumen tidak dapat dibuka", exc.pesan)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def cetak(self) -> None:
        jendela: Any = self.window()
        jendela.buka_halaman("laporan")
        h = jendela.halaman("laporan")
        h.pilih_tabel.setCurrentIndex(h.pilih_tabel.findData("risiko"))
