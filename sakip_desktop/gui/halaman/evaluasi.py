"""Konsistensi, LKjIP & LKE: the page that closes the SAKIP cycle, in three tabs.

* Konsistensi — the document × indicator matrix (differing cells marked with both values)
  and the findings; double-clicking a finding opens its record on the Pohon Kinerja page.
* LKjIP — the narrative blocks of the year, edited one at a time; Save, Buat PDF/DOCX.
* LKE — the worksheet: answers, notes, evidence links, the program's suggestions, the score
  per component and the grade computed while answering.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...angka import format_angka
from ...errors import KesalahanPengguna
from ...services.konsistensi import HasilKonsistensi, Temuan, periksa_konsistensi
from ...services.lke import hitung_skor
from ...services.lke_isian import LembarTerisi, baca_lke, simpan_banyak, terapkan_saran
from ...services.lkjip_narasi import BagianNarasi, daftar_bagian, simpan_narasi
from ..konteks import GAGAL, Konteks
from .dasar import Halaman

MERAH = QColor("#f8d7da")
PERAN_TEMUAN = Qt.ItemDataRole.UserRole


class HalamanEvaluasi(Halaman):
    kunci = "evaluasi"
    judul = "Konsistensi, LKjIP & LKE"

    def __init__(self, konteks: Konteks, parent: QWidget | None = None) -> None:
        super().__init__(konteks, parent)
        self.tab = QTabWidget(objectName="tabEvaluasi")
        QVBoxLayout(self).addWidget(self.tab)
        self._hasil: HasilKonsistensi | None = None
        self._bagian: list[BagianNarasi] = []
        self._narasi_asli: dict[str, str] = {}
        self._narasi: dict[str, str] = {}
        self._lke: LembarTerisi | None = None
        self._lke_ubah: dict[str, dict[str, Any]] = {}
        self._bangun_konsistensi()
        self._bangun_lkjip()
        self._bangun_lke()
        self.k.tahunBerubah.connect(lambda _t: self.segarkan())
        self.k.dataBerubah.connect(lambda _a: self._segarkan_aman() if self.isVisible() else None)

    # --- konsistensi ----------------------------------------------------------------------------
    def _bangun_konsistensi(self) -> None:
        w = QWidget()
        tata = QVBoxLayout(w)
        atas = QHBoxLayout()
        self.label_konsistensi = QLabel(objectName="labelKonsistensi")
        self.label_konsistensi.setWordWrap(True)
        atas.addWidget(self.label_konsistensi, 1)
        for teks, fmt in (("Ekspor PDF…", "pdf"), ("Ekspor Excel…", "xlsx")):
            b = QPushButton(teks, objectName=f"tombolKonsistensi{fmt.capitalize()}")
            b.clicked.connect(lambda _c=False, f=fmt: self.ekspor_konsistensi(f))
            atas.addWidget(b)
        tata.addLayout(atas)
        pisah = QSplitter(Qt.Orientation.Vertical)
        self.matriks = QTableWidget(objectName="matriksKonsistensi")
        self.matriks.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.matriks.verticalHeader().setVisible(False)
        self.temuan = QListWidget(objectName="daftarTemuan")
        self.temuan.setWordWrap(True)
        self.temuan.itemDoubleClicked.connect(self._buka_temuan)
        pisah.addWidget(self.matriks)
        pisah.addWidget(self.temuan)
        pisah.setSizes([400, 160])
        tata.addWidget(pisah, 1)
        self.tab.addTab(w, "Konsistensi")

    def _isi_konsistensi(self) -> None:
        try:
            with self.k.baca() as sesi:
                h = periksa_konsistensi(sesi, self.k.opd(sesi), self.k.tahun)
        except KesalahanPengguna as exc:
            self._hasil = None
            self.label_konsistensi.setText(exc.pesan)
            self.matriks.setRowCount(0)
            self.temuan.clear()
            return
        self._hasil = h
        kolom = ["Kode", "Indikator", *(label for _k, label in h.kolom)]
        self.matriks.clear()
        self.matriks.setColumnCount(len(kolom))
        self.matriks.setHorizontalHeaderLabels(kolom)
        self.matriks.setRowCount(len(h.baris))
        for r, b in enumerate(h.baris):
            self.matriks.setItem(r, 0, QTableWidgetItem(b.kode))
            self.matriks.setItem(r, 1, QTableWidgetItem(b.indikator))
            for c, (k, _label) in enumerate(h.kolom, start=2):
                s = b.sel.get(k)
                item = QTableWidgetItem("—" if s is None else s.teks)
                if s is not None and s.beda:
                    item.setText(f"{s.teks} ≠ {s.acuan}")
                    item.setBackground(QBrush(MERAH))
                    f = item.font()
                    f.setBold(True)
                    item.setFont(f)
                if s is not None and s.catatan:
                    item.setToolTip(s.catatan)
                self.matriks.setItem(r, c, item)
        self.matriks.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.temuan.clear()
        if h.konsisten:
            self.temuan.addItem("Tidak ada perbedaan: semua dokumen konsisten.")
        for t in h.temuan:
            item = QListWidgetItem(f"[{t.jenis}] {t.pesan}")
            item.setData(PERAN_TEMUAN, t)
            if t.node_id is not None:
                item.setToolTip("Klik dua kali untuk membuka rekaman di Pohon Kinerja.")
            self.temuan.addItem(item)
        self.label_konsistensi.setText(
            f"<b>Konsistensi tahun {h.tahun}</b>: {len(h.baris)} indikator, "
            f"{len(h.anggaran)} baris anggaran; "
            + ("tidak ada perbedaan." if h.konsisten else f"<b>{len(h.temuan)} temuan</b>.")
        )

    def _buka_temuan(self, item: QListWidgetItem) -> None:
        t: Temuan | None = item.data(PERAN_TEMUAN)
        if t is None:
            return
        if t.node_id is None:
            self.k.galat.emit("Temuan", f"{t.pesan}\nPerbaiki di halaman Perjanjian Kinerja.")
            return
        self.buka_node(t.node_id)

    def buka_node(self, node_id: uuid.UUID) -> None:
        """Switch the main window to the tree page and select the node to fix."""
        jendela: Any = self.window()
        jendela.buka_halaman("pohon")
        jendela.halaman("pohon").tampilkan_node(node_id)

    def ekspor_konsistensi(self, fmt: str, tujuan: Path | None = None) -> list[Path]:
        if self._hasil is None:
            return []
        if tujuan is None:
            saring = "PDF (*.pdf)" if fmt == "pdf" else "Excel (*.xlsx)"
            nama, _ = QFileDialog.getSaveFileName(
                self, "Simpan sebagai", f"konsistensi-{self.k.tahun}.{fmt}", saring
            )
            if not nama:
                return []
            tujuan = Path(nama)
        from ...services.konsistensi_tabel import tulis_konsistensi

        return tulis_konsistensi(self._hasil, tujuan)

    # --- LKjIP narrative ------------------------------------------------------------------------
    def _bangun_lkjip(self) -> None:
        w = QWidget()
        tata = QHBoxLayout(w)
        self.daftar_bagian = QListWidget(objectName="daftarBagian")
        self.daftar_bagian.currentRowChanged.connect(self._bagian_dipilih)
        kanan = QVBoxLayout()
        self.judul_bagian = QLabel(objectName="judulBagian")
        self.judul_bagian.setWordWrap(True)
        self.editor = QPlainTextEdit(objectName="editorNarasi")
        self.editor.textChanged.connect(self._narasi_diketik)
        tombol = QHBoxLayout()
        self.tombol_simpan_narasi = QPushButton("Simpan", objectName="tombolSimpanNarasi")
        self.tombol_simpan_narasi.clicked.connect(self.simpan_narasi)
        tombol.addWidget(self.tombol_simpan_narasi)
        tombol.addStretch(1)
        for teks, fmt in (("Buat PDF…", "pdf"), ("Buat DOCX…", "docx")):
            b = QPushButton(teks, objectName=f"tombolLkjip{fmt.capitalize()}")
            b.clicked.connect(lambda _c=False, f=fmt: self.buat_lkjip(f))
            tombol.addWidget(b)
        kanan.addWidget(self.judul_bagian)
        kanan.addWidget(self.editor, 1)
        kanan.addLayout(tombol)
        pisah = QSplitter()
        pisah.addWidget(self.daftar_bagian)
        isi = QWidget()
        isi.setLayout(kanan)
        pisah.addWidget(isi)
        pisah.setSizes([320, 600])
        tata.addWidget(pisah)
        self.tab.addTab(w, "LKjIP")

    def _isi_lkjip(self) -> None:
        try:
            with self.k.baca() as sesi:
                self._bagian = daftar_bagian(sesi, self.k.opd(sesi), self.k.tahun)
        except KesalahanPengguna as exc:
            self._bagian = []
            self.judul_bagian.setText(exc.pesan)
        self._narasi_asli = {b.kunci: b.isi for b in self._bagian}
        self._narasi = dict(self._narasi_asli)
        self.daftar_bagian.blockSignals(True)
        self.daftar_bagian.clear()
        for b in self._bagian:
            item = QListWidgetItem(("✓ " if b.isi else "○ ") + b.judul)
            item.setToolTip(f"{b.bab}\n{b.petunjuk}")
            self.daftar_bagian.addItem(item)
        self.daftar_bagian.blockSignals(False)
        self.daftar_bagian.setCurrentRow(0 if self._bagian else -1)
        self._bagian_dipilih(self.daftar_bagian.currentRow())

    def _bagian_dipilih(self, baris: int) -> None:
        self.editor.blockSignals(True)
        if 0 <= baris < len(self._bagian):
            b = self._bagian[baris]
            self.judul_bagian.setText(f"<b>{b.bab}</b> — {b.judul}<br><i>{b.petunjuk}</i>")
            self.editor.setPlainText(self._narasi.get(b.kunci, ""))
            self.editor.setEnabled(True)
        else:
            self.editor.setPlainText("")
            self.editor.setEnabled(False)
        self.editor.blockSignals(False)

    def _narasi_diketik(self) -> None:
        baris = self.daftar_bagian.currentRow()
        if 0 <= baris < len(self._bagian):
            self._narasi[self._bagian[baris].kunci] = self.editor.toPlainText()

    def _narasi_berubah(self) -> dict[str, str]:
        return {k: v for k, v in self._narasi.items() if v.strip() != self._narasi_asli.get(k, "")}

    def simpan_narasi(self) -> bool:
        ubah = self._narasi_berubah()
        if not ubah:
            return True
        hasil = self.k.tulis(
            simpan_narasi,
            self.k.opd_id,
            self.k.tahun,
            ubah,
            alasan=f"Narasi LKjIP {self.k.tahun}",
            area="lkjip",
        )
        if hasil is GAGAL:
            return False
        baris = self.daftar_bagian.currentRow()
        self._isi_lkjip()
        self.daftar_bagian.setCurrentRow(baris)
        return True

    def buat_lkjip(self, fmt: str, tujuan: Path | None = None) -> Path | None:
        """Save the narrative, then write the report (asks for the file unless given)."""
        if not self.simpan_narasi():
            return None
        if tujuan is None:
            saring = "PDF (*.pdf)" if fmt == "pdf" else "Dokumen Word (*.docx)"
            nama, _ = QFileDialog.getSaveFileName(
                self, "Simpan LKjIP", f"lkjip-{self.k.tahun}.{fmt}", saring
            )
            if not nama:
                return None
            tujuan = Path(nama)
        from ...services.lkjip import LayananLkjip

        try:
            with self.k.baca() as sesi:
                opd = self.k.opd(sesi).nama
            path = LayananLkjip(self.k.db).tulis(self.k.tahun, tujuan, opd=opd)
        except KesalahanPengguna as exc:
            self.k.galat.emit("LKjIP", exc.pesan)
            return None
        return path

    # --- LKE worksheet --------------------------------------------------------------------------
    def _bangun_lke(self) -> None:
        w = QWidget()
        tata = QVBoxLayout(w)
        self.label_skor = QLabel(objectName="labelSkor")
        self.label_skor.setWordWrap(True)
        tata.addWidget(self.label_skor)
        self.tabel_lke = QTableWidget(objectName="tabelLke")
        self.tabel_lke.setColumnCount(6)
        self.tabel_lke.setHorizontalHeaderLabels(
            ["Kode", "Kriteria", "Jawaban", "Saran program", "Catatan", "Bukti (pisahkan ;)"]
        )
        self.tabel_lke.verticalHeader().setVisible(False)
        self.tabel_lke.setWordWrap(True)
        self.tabel_lke.itemChanged.connect(self._lke_sel_diubah)
        tata.addWidget(self.tabel_lke, 1)
        tombol = QHBoxLayout()
        self.tombol_simpan_lke = QPushButton("Simpan", objectName="tombolSimpanLke")
        self.tombol_simpan_lke.clicked.connect(self.simpan_lke)
        self.tombol_saran = QPushButton("Terapkan saran", objectName="tombolSaranLke")
        self.tombol_saran.setToolTip("Isi kriteria kosong dengan jawaban dari bukti program.")
        self.tombol_saran.clicked.connect(self.terapkan_saran)
        tombol.addWidget(self.tombol_simpan_lke)
        tombol.addWidget(self.tombol_saran)
        tombol.addStretch(1)
        for teks, fmt in (("Ekspor PDF…", "pdf"), ("Ekspor Excel…", "xlsx")):
            b = QPushButton(teks, objectName=f"tombolLke{fmt.capitalize()}")
            b.clicked.connect(lambda _c=False, f=fmt: self.ekspor_lke(f))
            tombol.addWidget(b)
        tata.addLayout(tombol)
        self.tab.addTab(w, "LKE")

    def _isi_lke(self) -> None:
        try:
            with self.k.baca() as sesi:
                self._lke = baca_lke(sesi, self.k.opd(sesi), self.k.tahun)
        except KesalahanPengguna as exc:
            self._lke = None
            self.label_skor.setText(exc.pesan)
            self.tabel_lke.setRowCount(0)
            return
        self._lke_ubah = {}
        t = self.tabel_lke
        t.blockSignals(True)
        t.setRowCount(len(self._lke.isian))
        for r, i in enumerate(self._lke.isian):
            kode = QTableWidgetItem(i.kode)
            uraian = QTableWidgetItem(i.uraian)
            for item in (kode, uraian):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            t.setItem(r, 0, kode)
            t.setItem(r, 1, uraian)
            pilih = QComboBox(objectName=f"jawaban_{i.kode}")
            pilih.addItem("—", None)
            for p in i.pilihan:
                pilih.addItem(p, p)
            pilih.setCurrentIndex(max(0, pilih.findData(i.jawaban)) if i.jawaban else 0)
            pilih.currentIndexChanged.connect(
                lambda _x, kode=i.kode, cb=pilih: self._lke_ubah_medan(
                    kode, "jawaban", cb.currentData()
                )
            )
            t.setCellWidget(r, 2, pilih)
            saran = QTableWidgetItem(
                f"{i.saran.jawaban}: {i.saran.bukti.uraian}" if i.saran else ""
            )
            saran.setFlags(saran.flags() & ~Qt.ItemFlag.ItemIsEditable)
            t.setItem(r, 3, saran)
            t.setItem(r, 4, QTableWidgetItem(i.catatan or ""))
            t.setItem(r, 5, QTableWidgetItem("; ".join(i.bukti)))
        t.blockSignals(False)
        t.setColumnWidth(0, 60)
        t.setColumnWidth(1, 420)
        t.setColumnWidth(2, 70)
        t.setColumnWidth(3, 260)
        t.setColumnWidth(4, 200)
        t.setColumnWidth(5, 200)
        self._tampilkan_skor()

    def _lke_sel_diubah(self, item: QTableWidgetItem) -> None:
        if self._lke is None or item.column() not in (4, 5):
            return
        kode = self._lke.isian[item.row()].kode
        if item.column() == 4:
            self._lke_ubah_medan(kode, "catatan", item.text())
        else:
            self._lke_ubah_medan(kode, "bukti", [b for b in item.text().split(";") if b.strip()])

    def _lke_ubah_medan(self, kode: str, medan: str, nilai: Any) -> None:
        self._lke_ubah.setdefault(kode, {})[medan] = nilai
        self._tampilkan_skor()

    def jawaban_sekarang(self) -> dict[str, str | None]:
        """The answers as shown (saved ones with the pending edits over them)."""
        if self._lke is None:
            return {}
        jawab = {i.kode: i.jawaban for i in self._lke.isian}
        for kode, medan in self._lke_ubah.items():
            if "jawaban" in medan:
                jawab[kode] = medan["jawaban"]
        return jawab

    def _tampilkan_skor(self) -> None:
        if self._lke is None:
            return
        skor = hitung_skor(self._lke.lembar, self.jawaban_sekarang())
        rinci = " · ".join(
            f"{k.nama} {format_angka(k.nilai, 2)}/{format_angka(k.bobot)}" for k in skor.komponen
        )
        lalu = self._lke.skor_lalu
        banding = (
            f" · tahun {self.k.tahun - 1}: {format_angka(lalu.total, 2)} ({lalu.predikat})"
            if lalu
            else f" · belum ada evaluasi {self.k.tahun - 1}"
        )
        belum = " (belum disimpan)" if self._lke_ubah else ""
        self.label_skor.setText(
            f"<b>Nilai {format_angka(skor.total, 2)} — predikat {skor.predikat} "
            f"({skor.uraian_predikat})</b>{belum}{banding}<br>{rinci}<br>"
            f"{skor.terjawab} dari {skor.jumlah_kriteria} kriteria terjawab · "
            f"{self._lke.lembar.nama}"
        )

    def simpan_lke(self) -> bool:
        if not self._lke_ubah:
            return True
        hasil = self.k.tulis(
            simpan_banyak,
            self.k.opd_id,
            self.k.tahun,
            dict(self._lke_ubah),
            alasan=f"Isi LKE {self.k.tahun}",
            area="lke",
        )
        if hasil is GAGAL:
            return False
        self._lke_ubah = {}
        self._isi_lke()
        return True

    def terapkan_saran(self) -> None:
        if not self.simpan_lke():
            return
        self.k.tulis(
            terapkan_saran,
            self.k.opd_id,
            self.k.tahun,
            alasan=f"Saran LKE {self.k.tahun}",
            area="lke",
        )
        self._isi_lke()

    def ekspor_lke(self, fmt: str, tujuan: Path | None = None) -> Path | None:
        if self._lke is None or not self.simpan_lke():
            return None
        if tujuan is None:
            saring = "PDF (*.pdf)" if fmt == "pdf" else "Excel (*.xlsx)"
            nama, _ = QFileDialog.getSaveFileName(
                self, "Simpan sebagai", f"lke-{self.k.tahun}.{fmt}", saring
            )
            if not nama:
                return None
            tujuan = Path(nama)
        from ...reports.lke import tulis_lke

        with self.k.baca() as sesi:
            opd = self.k.opd(sesi)
            instansi = f"{opd.nama} {opd.pemda.nama}"
        return tulis_lke(self._lke, instansi, tujuan)

    # --- Halaman ---------------------------------------------------------------------------------
    def segarkan(self) -> None:
        self._isi_konsistensi()
        self._isi_lkjip()
        self._isi_lke()

    def _segarkan_aman(self) -> None:
        """After a change elsewhere: reload, but never over edits not yet saved."""
        self._isi_konsistensi()
        if not self._narasi_berubah():
            self._isi_lkjip()
        if not self._lke_ubah:
            self._isi_lke()

    def ada_perubahan(self) -> bool:
        return bool(self._narasi_berubah() or self._lke_ubah)

    def simpan(self) -> bool:
        return self.simpan_narasi() and self.simpan_lke()

    def buang_perubahan(self) -> None:
        self._lke_ubah = {}
        self._narasi = dict(self._narasi_asli)
        self.segarkan()

    def cetak(self) -> None:
        self.tab.setCurrentIndex(1)
        self.buat_lkjip("pdf")
