"""Pohon Kinerja / Renstra: the performance tree, its node forms and the target grids.

What the acting user may change is mirrored from the services (`gui/hak.py`): a Kabid sees
the whole tree but edits only the nodes, indicators and targets of the bidang and its seksi;
elsewhere the forms are read-only, the editing actions are disabled, and a badge says why.
Roles that never change the plan (Pembaca, Kepala Dinas, Kasi, Staf) do not see the editing
actions at all. "Riwayat…" opens the audit history of the node, the indicator or the
target cell.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QItemSelectionModel, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from ...angka import AngkaTidakSah
from ...domain import DokumenTarget, JenisNode
from ...kalkulasi import NilaiTarget
from ...model import Indikator, NodeKinerja, Target
from ...services import pohon_edit
from ...services.indikator import (
    DataIndikator,
    data_indikator,
    hapus_indikator,
    tambah_indikator,
    ubah_indikator,
)
from ...services.pohon_baca import InfoNode, anak_node, cari_node, daftar_jabatan, jalur_node
from ...services.target_baca import id_target_berlaku, target_indikator_node
from .. import dialog
from ..editor_indikator import EditorIndikator
from ..editor_node import EditorNode
from ..grid_target import ModelGridTarget
from ..hak import BOLEH, Izin, Lencana, buka_riwayat, hak_jendela
from ..konteks import GAGAL, Konteks
from ..model_pohon import K_URAIAN, ModelPohon, PeranInfo
from ..perintah_undo import (
    PerintahFungsi,
    PerintahHapusNode,
    PerintahPindahNode,
    PerintahTambahNode,
    PerintahUbahNode,
)
from .dasar import Halaman

if TYPE_CHECKING:
    from ..diagram_pohon import DiagramPohon


class HalamanPohon(Halaman):
    kunci = "pohon"
    judul = "Pohon Kinerja / Renstra"

    def __init__(self, konteks: Konteks, parent: QWidget | None = None) -> None:
        super().__init__(konteks, parent)
        self.hak = hak_jendela(konteks)
        self._izin: Izin = BOLEH
        """The acting user's verdict on the selected node (or, with none, the top level)."""
        self._kembali = False
        self._bangun()
        self.k.tahunBerubah.connect(lambda _t: self.segarkan())
        self.k.pelakuBerubah.connect(self._pelaku_berubah)

    # --- layout -----------------------------------------------------------------------------
    def _bangun(self) -> None:
        tata = QVBoxLayout(self)
        baris = QHBoxLayout()
        self.filter = QLineEdit(placeholderText="Cari uraian, kode atau indikator…  (Ctrl+F)")
        self.filter.setClearButtonEnabled(True)
        self.filter.setObjectName("filterPohon")
        self.filter.returnPressed.connect(self._cari_berikut)
        self.filter.textChanged.connect(lambda _t: self._jadwal_cari.start())
        self._jadwal_cari = QTimer(self, singleShot=True, interval=350)
        self._jadwal_cari.timeout.connect(self._cari_pertama)
        self._hasil_cari: list[uuid.UUID] = []
        self._posisi_cari = 0
        self.label_cari = QLabel("")
        baris.addWidget(self.filter, 1)
        baris.addWidget(self.label_cari)
        self.tombol_tambah = QToolButton(text="Tambah ▾", objectName="tombolTambah")
        self.tombol_tambah.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_tambah = QMenu(self)
        self.tombol_tambah.setMenu(self.menu_tambah)
        self.menu_tambah.aboutToShow.connect(self._isi_menu_tambah)
        self.tombol_naik = QPushButton("Naik", objectName="tombolNaik")
        self.tombol_turun = QPushButton("Turun", objectName="tombolTurun")
        self.tombol_hapus = QPushButton("Hapus", objectName="tombolHapus")
        self.tombol_naik.clicked.connect(lambda: self._geser(-1))
        self.tombol_turun.clicked.connect(lambda: self._geser(1))
        self.tombol_hapus.clicked.connect(self.hapus)
        self.tombol_diagram = QPushButton("Diagram", objectName="tombolDiagram", checkable=True)
        self.tombol_diagram.setToolTip(
            "Gambar pohon kinerja dari node terpilih ke bawah (Ctrl+roda untuk zoom, F: pas)"
        )
        self.tombol_diagram.toggled.connect(self._tampilan_diagram)
        for w in (
            self.tombol_tambah,
            self.tombol_naik,
            self.tombol_turun,
            self.tombol_hapus,
            self.tombol_diagram,
        ):
            baris.addWidget(w)
        tata.addLayout(baris)

        self.pemisah = QSplitter(Qt.Orientation.Horizontal, objectName="pemisahPohon")
        self.pohon = QTreeView(objectName="tampilanPohon")
        self.model = ModelPohon(
            self._muat_anak,
            self._boleh_ubah,
            self._pindah,
            self.k.tahun,
            alasan_baca=lambda info: self.hak.alasan_node(info.id, info.milik_rpjmd),
        )
        self.pohon.setModel(self.model)
        self.pohon.setUniformRowHeights(True)
        self.pohon.setAlternatingRowColors(True)
        self.pohon.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.pohon.setDragEnabled(True)
        self.pohon.setAcceptDrops(True)
        self.pohon.setDropIndicatorShown(True)
        self.pohon.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.pohon.customContextMenuRequested.connect(self._menu_konteks)
        self.pohon.selectionModel().currentChanged.connect(self._sebelum_pindah_node)
        self.kiri = QStackedWidget(objectName="kiriPohon")
        self.kiri.addWidget(self.pohon)
        self.diagram: DiagramPohon | None = None
        self.pemisah.addWidget(self.kiri)

        kanan = QWidget(objectName="kananPohon")
        tk = QVBoxLayout(kanan)
        tk.setContentsMargins(0, 0, 0, 0)
        self.lencana = Lencana()
        tk.addWidget(self.lencana)
        self.tab = QTabWidget(objectName="tabDetail")
        tk.addWidget(self.tab, 1)
        halaman_detail = QWidget()
        td = QVBoxLayout(halaman_detail)
        self.editor = EditorNode()
        self.editor.kotorBerubah.connect(self._kotor_berubah)
        td.addWidget(self.editor)
        baris_simpan = QHBoxLayout()
        self.tombol_riwayat_node = QPushButton("Riwayat…", objectName="tombolRiwayatNode")
        self.tombol_riwayat_node.setToolTip("Siapa mengubah node ini, kapan, dan apa yang berubah")
        self.tombol_riwayat_node.clicked.connect(self.riwayat_node)
        baris_simpan.addWidget(self.tombol_riwayat_node)
        baris_simpan.addStretch(1)
        self.tombol_simpan = QPushButton("Simpan (Ctrl+S)", objectName="tombolSimpan")
        self.tombol_simpan.setEnabled(False)
        self.tombol_simpan.clicked.connect(self.simpan)
        baris_simpan.addWidget(self.tombol_simpan)
        td.addLayout(baris_simpan)
        self.tab.addTab(halaman_detail, "Detail")
        self.tab.addTab(self._bangun_tab_indikator(), "Indikator")

        halaman_target = QWidget()
        tt = QVBoxLayout(halaman_target)
        pilih = QHBoxLayout()
        pilih.addWidget(QLabel("Dokumen:"))
        self.dokumen = QComboBox(objectName="pilihDokumen")
        for d in DokumenTarget:
            self.dokumen.addItem(d.label, d.value)
        self.dokumen.setCurrentIndex(self.dokumen.findData(DokumenTarget.RENSTRA.value))
        self.dokumen.currentIndexChanged.connect(lambda _i: self._muat_target())
        pilih.addWidget(self.dokumen)
        pilih.addStretch(1)
        self.tombol_riwayat_target = QPushButton(
            "Riwayat target…", objectName="tombolRiwayatTarget"
        )
        self.tombol_riwayat_target.setToolTip("Riwayat perubahan target pada sel terpilih")
        self.tombol_riwayat_target.clicked.connect(lambda: self.riwayat_target())
        pilih.addWidget(self.tombol_riwayat_target)
        tt.addLayout(pilih)
        tt.addWidget(QLabel("<b>Target tahunan per tahun Renstra</b>"))
        self.model_tahun = ModelGridTarget(self._simpan_target, self._galat)
        self.grid_tahun = QTableView(objectName="gridTargetTahun")
        self.grid_tahun.setModel(self.model_tahun)
        tt.addWidget(self.grid_tahun)
        self.label_tw = QLabel()
        tt.addWidget(self.label_tw)
        self.model_tw = ModelGridTarget(self._simpan_target, self._galat)
        self.grid_tw = QTableView(objectName="gridTargetTriwulan")
        self.grid_tw.setModel(self.model_tw)
        tt.addWidget(self.grid_tw)
        self._grid_aktif: QTableView = self.grid_tahun
        for g in (self.grid_tahun, self.grid_tw):
            g.selectionModel().currentChanged.connect(
                lambda _b, _l, g=g: self._grid_dipilih(g)  # type: ignore[misc]
            )
            g.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            g.customContextMenuRequested.connect(
                lambda pos, g=g: self._menu_grid(g, pos)  # type: ignore[misc]
            )
            g.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            g.setEditTriggers(
                QAbstractItemView.EditTrigger.DoubleClicked
                | QAbstractItemView.EditTrigger.EditKeyPressed
                | QAbstractItemView.EditTrigger.AnyKeyPressed
            )
        self.tab.addTab(halaman_target, "Target")
        self.pemisah.addWidget(kanan)
        self.pemisah.setStretchFactor(0, 3)
        self.pemisah.setStretchFactor(1, 2)
        self.pemisah.setSizes([640, 420])
        tata.addWidget(self.pemisah, 1)

        simpan = QAction(self)
        simpan.setShortcut(QKeySequence("Ctrl+Return"))
        simpan.triggered.connect(self.simpan)
        self.addAction(simpan)

    def _bangun_tab_indikator(self) -> QWidget:
        w = QWidget()
        tata = QHBoxLayout(w)
        kiri = QVBoxLayout()
        self.daftar_indikator = QListWidget(objectName="daftarIndikator")
        self.daftar_indikator.currentRowChanged.connect(self._indikator_dipilih)
        kiri.addWidget(self.daftar_indikator)
        self.tombol_indikator_baru = QPushButton("Indikator baru", objectName="tombolIndikatorBaru")
        self.tombol_indikator_baru.clicked.connect(self._indikator_baru)
        self.tombol_hapus_indikator = QPushButton("Hapus indikator", objectName="tombolHapusInd")
        self.tombol_hapus_indikator.clicked.connect(self._hapus_indikator)
        kiri.addWidget(self.tombol_indikator_baru)
        kiri.addWidget(self.tombol_hapus_indikator)
        tata.addLayout(kiri, 2)
        kanan = QVBoxLayout()
        self.editor_indikator = EditorIndikator()
        kanan.addWidget(self.editor_indikator)
        self.tombol_simpan_indikator = QPushButton(
            "Simpan indikator", objectName="tombolSimpanIndikator"
        )
        self.tombol_simpan_indikator.clicked.connect(self.simpan_indikator)
        self.tombol_riwayat_indikator = QPushButton("Riwayat…", objectName="tombolRiwayatIndikator")
        self.tombol_riwayat_indikator.setToolTip(
            "Siapa mengubah indikator ini, kapan, dan apa yang berubah"
        )
        self.tombol_riwayat_indikator.clicked.connect(self.riwayat_indikator)
        baris_simpan = QHBoxLayout()
        baris_simpan.addWidget(self.tombol_riwayat_indikator)
        baris_simpan.addStretch(1)
        baris_simpan.addWidget(self.tombol_simpan_indikator)
        kanan.addLayout(baris_simpan)
        tata.addLayout(kanan, 5)
        self._indikator: list[tuple[uuid.UUID, int, DataIndikator]] = []
        return w

    def _tampilan_diagram(self, aktif: bool) -> None:
        """Swap the list for the drawn tree, from the selected node down."""
        # The diagram (fonts, print support) loads on first use, not at start-up.
        from ...services.diagram_pohon import LayananDiagramPohon
        from ..diagram_pohon import DiagramPohon

        if aktif and self.diagram is None:
            self.diagram = DiagramPohon()
            self.diagram.setObjectName("diagramPohon")
            self.diagram.nodeDipilih.connect(lambda nid: self.tampilkan_node(uuid.UUID(nid)))
            self.kiri.addWidget(self.diagram)
        if aktif and self.diagram is not None:
            info = self.node_terpilih()
            dari = info.id if info is not None and not info.milik_rpjmd else None
            layanan = LayananDiagramPohon(self.k.db)
            with self.k.baca() as sesi:
                nama_opd = self.k.opd(sesi).nama
            self.diagram.atur_pemuat(lambda: layanan.tata_letak(self.k.tahun, dari, opd=nama_opd))
            self.kiri.setCurrentWidget(self.diagram)
        else:
            self.kiri.setCurrentWidget(self.pohon)

    # --- data -------------------------------------------------------------------------------
    def _muat_anak(self, parent_id: uuid.UUID | None) -> list[InfoNode]:
        terbatas = self.hak.hak.ubah_rencana and not self.hak.hak.ubah_rencana_semua
        with self.k.baca() as sesi:
            infos = anak_node(sesi, self.k.renstra(sesi), parent_id, self.k.tahun)
            if terbatas:  # a Kabid: remember each node's unit while the session is open
                for i in infos:
                    node = sesi.get(NodeKinerja, i.id)
                    if node is not None:
                        self.hak.catat_unit_node(sesi, node)
            return infos

    def _boleh_ubah(self, info: InfoNode) -> bool:
        """Cheap per-row mirror (cached scope) for the tree's grey rows and drag-and-drop."""
        return self.hak.boleh_node(info.id, info.milik_rpjmd)

    def _pelaku_berubah(self) -> None:
        """Another acting user: same tree, their permissions; the old undo history is not
        theirs to replay."""
        self.undo_stack.clear()
        self._hitung_ulang_hak()

    def _hitung_ulang_hak(self) -> None:
        """Decide again which loaded nodes may be changed, and reload the selection's forms."""
        if self.hak.hak.ubah_rencana and not self.hak.hak.ubah_rencana_semua:
            self.hak.siapkan_unit_node(self.model.id_dimuat())  # one read, not one per row
        self.model.setel_boleh_ubah()
        self._pilihan_berubah()

    def segarkan(self) -> None:
        terpilih = self.node_terpilih()
        self.hak.lupakan()
        with self.k.baca() as sesi:
            self.editor.isi_jabatan(daftar_jabatan(sesi, self.k.opd_id))
        self.model.tahun = self.k.tahun
        self.model.muat_ulang()
        self._buka_sampai_sasaran()
        for kolom in range(1, self.model.columnCount()):
            self.pohon.resizeColumnToContents(kolom)
        self.pohon.setColumnWidth(K_URAIAN, max(self.pohon.columnWidth(K_URAIAN), 420))
        if terpilih is not None:
            self.tampilkan_node(terpilih.id)
        else:
            self._pilihan_berubah()
        if self.diagram is not None and self.kiri.currentWidget() is self.diagram:
            self.diagram.segarkan()

    def _buka_sampai_sasaran(self) -> None:
        """Open the tree from the visi down to the sasaran (children load on demand)."""
        antrean = [self.model.index(r, 0) for r in range(self.model.rowCount())]
        while antrean:
            indeks = antrean.pop()
            info: InfoNode = indeks.data(PeranInfo)
            if info is None or info.jenis in (JenisNode.SASARAN, JenisNode.PROGRAM):
                continue
            self.model.pastikan_dimuat(indeks)
            self.pohon.expand(indeks)
            antrean.extend(
                self.model.index(r, 0, indeks) for r in range(self.model.rowCount(indeks))
            )

    def node_terpilih(self) -> InfoNode | None:
        indeks = self.pohon.currentIndex()
        return indeks.data(PeranInfo) if indeks.isValid() else None

    def tampilkan_node(self, node_id: uuid.UUID) -> bool:
        """Expand the path to a node and select it."""
        with self.k.baca() as sesi:
            jalur = jalur_node(sesi, node_id)
        for nid in jalur[:-1]:
            indeks = self.model.indeks_id(nid)
            if not indeks.isValid():
                return False
            self.model.pastikan_dimuat(indeks)
            self.pohon.expand(indeks)
        indeks = self.model.indeks_id(node_id)
        if not indeks.isValid():
            return False
        self.pohon.selectionModel().setCurrentIndex(
            indeks,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.pohon.scrollTo(indeks)
        return True

    def _sebelum_pindah_node(self, baru: object, lama: object) -> None:
        """Selecting another node with unsaved edits asks first: save, discard, or stay."""
        if self._kembali:
            return
        if self.ada_perubahan() and self.editor.info is not None:
            jawab = dialog.tanya_simpan(
                self, f"Perubahan pada “{self.editor.info.uraian[:60]}” belum disimpan."
            )
            if jawab == "batal" or (jawab == "simpan" and not self.simpan()):
                self._kembali = True
                self.pohon.selectionModel().setCurrentIndex(
                    lama,  # type: ignore[arg-type]
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self._kembali = False
                return
        self._pilihan_berubah()

    def _pilihan_berubah(self) -> None:
        info = self.node_terpilih()
        keterangan = None
        if info is not None:
            with self.k.baca() as sesi:
                node = sesi.get(NodeKinerja, info.id)
                keterangan = node.keterangan if node else None
        self._izin = (
            self.hak.izin_node(info.id, info.milik_rpjmd)
            if info is not None
            else self.hak.izin_node(None)
        )
        boleh = info is not None and bool(self._izin)
        self.editor.tampilkan(info, keterangan, boleh, self._izin.alasan)
        self.tombol_hapus.setEnabled(boleh)
        self.tombol_naik.setEnabled(boleh)
        self.tombol_turun.setEnabled(boleh)
        punya_anak = info is None or bool(info.jenis.anak_yang_boleh())
        self.tombol_tambah.setEnabled(bool(self._izin) and punya_anak)
        self.tombol_tambah.setToolTip("" if self._izin else self._izin.alasan)
        self.tombol_riwayat_node.setEnabled(info is not None)
        self._kotor_berubah(self.editor.kotor)
        tampak = self.hak.hak.ubah_rencana  # roles that never edit the plan: no edit actions
        for w in (
            self.tombol_tambah,
            self.tombol_naik,
            self.tombol_turun,
            self.tombol_hapus,
            self.tombol_simpan,
            self.tombol_indikator_baru,
            self.tombol_hapus_indikator,
            self.tombol_simpan_indikator,
        ):
            w.setVisible(tampak)
        self.lencana.tampilkan(self._izin if info is not None else self.hak.izin_peran())
        self._muat_indikator()
        self._muat_target()

    @property
    def izin(self) -> Izin:
        """Whether the acting user may change the selected node, and why not."""
        return self._izin

    def _muat_indikator(self, pilih: uuid.UUID | None = None) -> None:
        info = self.node_terpilih()
        self._indikator = []
        if info is not None:
            with self.k.baca() as sesi:
                for i in sesi.scalars(
                    select(Indikator).where(Indikator.node_id == info.id).order_by(Indikator.urutan)
                ):
                    self._indikator.append((i.id, i.versi, data_indikator(i)))
        self.daftar_indikator.blockSignals(True)
        self.daftar_indikator.clear()
        for _iid, _v, d in self._indikator:
            self.daftar_indikator.addItem(f"{d.kode} — {d.nama}")
        self.daftar_indikator.blockSignals(False)
        boleh = info is not None and bool(self._izin)
        alasan = self._izin.alasan.replace("node ini", "indikator node ini", 1)
        self.tombol_indikator_baru.setEnabled(boleh)
        self.tombol_hapus_indikator.setEnabled(boleh and bool(self._indikator))
        self.tombol_simpan_indikator.setEnabled(boleh)
        self.tombol_riwayat_indikator.setEnabled(bool(self._indikator))
        baris = next((n for n, x in enumerate(self._indikator) if x[0] == pilih), 0)
        self.editor_indikator.setEnabled(info is not None)
        if self._indikator:
            self.daftar_indikator.setCurrentRow(baris)
            self._indikator_dipilih(baris)
        else:
            self.editor_indikator.kosongkan(boleh_ubah=boleh, alasan=alasan)

    def _indikator_dipilih(self, baris: int) -> None:
        info = self.node_terpilih()
        boleh = info is not None and bool(self._izin)
        alasan = self._izin.alasan.replace("node ini", "indikator node ini", 1)
        self.tombol_riwayat_indikator.setEnabled(0 <= baris < len(self._indikator))
        if 0 <= baris < len(self._indikator):
            self.editor_indikator.isi(self._indikator[baris][2], boleh_ubah=boleh, alasan=alasan)

    def _indikator_baru(self) -> None:
        if not self._izin or self.node_terpilih() is None:
            return
        self.tombol_riwayat_indikator.setEnabled(False)
        self.daftar_indikator.clearSelection()
        self.daftar_indikator.setCurrentRow(-1)
        self.editor_indikator.kosongkan()
        self.editor_indikator.setEnabled(True)
        self.editor_indikator.ui.kode.setFocus()

    def simpan_indikator(self) -> bool:
        info = self.node_terpilih()
        if info is None or not self._izin:
            return False
        try:
            data = self.editor_indikator.data()
        except AngkaTidakSah as exc:
            self._galat(exc.pesan)
            return False
        baris = self.daftar_indikator.currentRow()
        if 0 <= baris < len(self._indikator):
            iid, versi, lama = self._indikator[baris]
            hasil = self.k.tulis(ubah_indikator, iid, data, versi=versi, area="target")
            if hasil is GAGAL:
                return False
            self.undo_stack.push(
                PerintahFungsi(
                    f"Ubah indikator {data.kode}",
                    lambda: self.k.tulis(ubah_indikator, iid, data, area="target"),
                    lambda: self.k.tulis(ubah_indikator, iid, lama, area="target"),
                )
            )
        else:
            hasil = self.k.tulis(tambah_indikator, info.id, data, area="target")
            if hasil is GAGAL:
                return False
            iid = hasil.id
            self.undo_stack.push(
                PerintahFungsi(
                    f"Tambah indikator {data.kode}",
                    lambda: self.k.tulis(tambah_indikator, info.id, data, area="target"),
                    lambda: self.k.tulis(
                        hapus_indikator, self._id_indikator(info.id, data.kode), area="target"
                    ),
                )
            )
        self.editor_indikator.isi(data, boleh_ubah=True)  # saved: no longer dirty
        self._muat_ulang_sekitar(info.parent_id, info.id)
        self.tab.setCurrentIndex(1)
        self._muat_indikator(pilih=iid)
        return True

    def _id_indikator(self, node_id: uuid.UUID, kode: str) -> uuid.UUID | None:
        with self.k.baca() as sesi:
            return sesi.scalar(
                select(Indikator.id).where(Indikator.node_id == node_id, Indikator.kode == kode)
            )

    def _hapus_indikator(self) -> None:
        baris = self.daftar_indikator.currentRow()
        if not 0 <= baris < len(self._indikator) or not self._izin:
            return
        iid, _v, data = self._indikator[baris]
        if not dialog.tanya(
            self,
            "Konfirmasi hapus",
            f"Hapus indikator {data.kode} beserta semua targetnya?",
            tombol_ya="Hapus",
        ):
            return
        if self.k.tulis(hapus_indikator, iid, area="target") is GAGAL:
            return
        info = self.node_terpilih()
        if info is not None:
            self._muat_ulang_sekitar(info.parent_id, info.id)
            self.tab.setCurrentIndex(1)

    def _muat_target(self) -> None:
        info = self.node_terpilih()
        dokumen = DokumenTarget(self.dokumen.currentData())
        rencana = self.k.rencana()
        baris = []
        if info is not None:
            with self.k.baca() as sesi:
                baris = target_indikator_node(sesi, info.id, dokumen)
        boleh = info is not None and bool(self._izin)
        alasan = self._izin.alasan.replace("node ini", "target node ini", 1)
        self.model_tahun.setel(baris, rencana.tahun, None, boleh, alasan)
        salinan = target_indikator_node_salin(baris)
        self.model_tw.setel(salinan, rencana.tahun, self.k.tahun, boleh, alasan)
        self.label_tw.setText(f"<b>Target triwulan tahun {self.k.tahun}</b>")
        self._grid_dipilih(self._grid_aktif)

    # --- history ----------------------------------------------------------------------------
    def riwayat_node(self) -> QWidget | None:
        info = self.node_terpilih()
        return buka_riwayat(self, self.k, NodeKinerja.__tablename__, info.id if info else None)

    def riwayat_indikator(self) -> QWidget | None:
        baris = self.daftar_indikator.currentRow()
        iid = self._indikator[baris][0] if 0 <= baris < len(self._indikator) else None
        return buka_riwayat(self, self.k, Indikator.__tablename__, iid)

    def _sel_target(self, grid: QTableView) -> tuple[uuid.UUID, int, int] | None:
        model = grid.model()
        assert isinstance(model, ModelGridTarget)
        return model.sel(grid.currentIndex())

    def _grid_dipilih(self, grid: QTableView) -> None:
        self._grid_aktif = grid
        self.tombol_riwayat_target.setEnabled(self._sel_target(grid) is not None)

    def riwayat_target(self, grid: QTableView | None = None) -> QWidget | None:
        """History of the target row in force in the selected cell."""
        sel = self._sel_target(grid or self._grid_aktif)
        if sel is None:
            return buka_riwayat(self, self.k, Target.__tablename__, None)
        dokumen = DokumenTarget(self.dokumen.currentData())
        with self.k.baca() as sesi:
            tid = id_target_berlaku(sesi, sel[0], sel[1], sel[2], dokumen)
        if tid is None:
            self.k.galat.emit(
                "Riwayat", "Sel ini belum memiliki target tersimpan, jadi belum ada riwayatnya."
            )
            return None
        return buka_riwayat(self, self.k, Target.__tablename__, tid)

    def _menu_grid(self, grid: QTableView, pos: object) -> None:
        indeks = grid.indexAt(pos)  # type: ignore[arg-type]
        if indeks.isValid():
            grid.setCurrentIndex(indeks)
        menu = QMenu(self)
        aksi = menu.addAction("Riwayat…", lambda: self.riwayat_target(grid))
        aksi.setEnabled(self._sel_target(grid) is not None)
        menu.exec(grid.viewport().mapToGlobal(pos))  # type: ignore[arg-type]

    # --- editing ----------------------------------------------------------------------------
    def _kotor_berubah(self, kotor: bool) -> None:
        self.tombol_simpan.setEnabled(kotor and bool(self._izin) and not self.editor.hanya_baca)
        judul = "Detail *" if kotor else "Detail"
        self.tab.setTabText(0, judul)

    def ada_perubahan(self) -> bool:
        return self.editor.kotor or self.editor_indikator.kotor

    def buang_perubahan(self) -> None:
        self._pilihan_berubah()

    def simpan(self) -> bool:
        if self.editor_indikator.kotor and not self.simpan_indikator():
            return False
        info = self.editor.info
        if info is None or not self.editor.kotor or self.editor.hanya_baca:
            return True
        masalah = self.editor.galat()
        if masalah:
            self._galat(masalah)
            return False
        lama, baru = self.editor.perubahan()
        hasil = self.k.tulis(pohon_edit.ubah_node, info.id, versi=info.versi, area="pohon", **baru)
        if hasil is GAGAL:
            return False
        self.undo_stack.push(PerintahUbahNode(self.k, info.id, lama, baru))
        self.editor.tandai_tersimpan()
        self.model.perbarui_info(info.id)
        simpul = self.model.simpul_id(info.id)
        if simpul is not None and simpul.info is not None:
            self.editor.ganti_info(simpul.info)
        if "pemilik_id" in baru:  # the node (and the nodes below it) may now be another unit's
            self._hitung_ulang_hak()
        return True

    def _isi_menu_tambah(self) -> None:
        self.menu_tambah.clear()
        info = self.node_terpilih()
        jenis_boleh: tuple[JenisNode, ...]
        if info is None:
            jenis_boleh = (JenisNode.TUJUAN, JenisNode.PROGRAM)
        else:
            jenis_boleh = info.jenis.anak_yang_boleh()
        for jenis in jenis_boleh:
            aksi = self.menu_tambah.addAction(f"{jenis.label} baru")
            aksi.setObjectName(f"tambah_{jenis.value}")
            aksi.triggered.connect(lambda _c=False, j=jenis: self.tambah_anak(j))

    def tambah_anak(self, jenis: JenisNode, uraian: str | None = None) -> uuid.UUID | None:
        if not self._izin:
            return None
        info = self.node_terpilih()
        parent_id = info.id if info else None
        uraian = uraian or f"{jenis.label} baru"
        rencana = self.k.rencana()
        hasil = self.k.tulis(
            pohon_edit.tambah_node, rencana.id, parent_id, jenis, uraian, area="pohon"
        )
        if hasil is GAGAL:
            return None
        self.undo_stack.push(PerintahTambahNode(self.k, hasil, jenis.label))
        self._muat_ulang_anak(parent_id)
        if info is not None:
            self.pohon.expand(self.model.indeks_id(info.id))
        self.tampilkan_node(hasil)
        self.tab.setCurrentIndex(0)
        self.editor.ui.uraian.setFocus()
        self.editor.ui.uraian.selectAll()
        return hasil

    def hapus(self) -> None:
        info = self.node_terpilih()
        if info is None or not self._izin:
            return
        with self.k.baca() as sesi:
            dampak = pohon_edit.dampak_hapus(sesi, info.id)
        teks = (
            f"Hapus {info.jenis.label.lower()} “{info.uraian}”?\n\n"
            f"Ikut terhapus: {dampak.uraian()}.\n\n"
            "Penghapusan dapat diurungkan (Ctrl+Z) selama program masih terbuka."
        )
        if not dialog.tanya(self, "Konfirmasi hapus", teks, tombol_ya="Hapus"):
            return
        hasil = self.k.tulis(
            pohon_edit.hapus_node,
            info.id,
            versi=info.versi,
            area="pohon",
            alasan="Hapus node dari jendela",
        )
        if hasil is GAGAL:
            return
        self.undo_stack.push(PerintahHapusNode(self.k, hasil, info.jenis.label))
        self._muat_ulang_anak(info.parent_id)
        if info.parent_id:
            self.tampilkan_node(info.parent_id)

    def _geser(self, arah: int) -> None:
        info = self.node_terpilih()
        if info is None or not self._izin:
            return
        lama = self.pohon.currentIndex().row()
        if self._pindah(info.id, lama + arah):
            self._muat_ulang_anak(info.parent_id)
            self.tampilkan_node(info.id)

    def _pindah(self, node_id: uuid.UUID, posisi: int) -> bool:
        s = self.model.simpul_id(node_id)
        lama = s.baris() if s else 0
        if posisi < 0:
            return False
        hasil = self.k.tulis(pohon_edit.pindah_node, node_id, posisi, area="pohon")
        if hasil is GAGAL or not hasil:
            return False
        self.undo_stack.push(PerintahPindahNode(self.k, node_id, lama, posisi))
        return True

    def _simpan_target(
        self,
        indikator_id: uuid.UUID,
        tahun: int,
        triwulan: int,
        lama: NilaiTarget | None,
        baru: NilaiTarget | None,
    ) -> bool:
        from ...services.target import simpan_target

        dokumen = DokumenTarget(self.dokumen.currentData())

        def tulis(nilai: NilaiTarget | None) -> object:
            hasil = self.k.tulis(
                simpan_target, indikator_id, tahun, triwulan, dokumen, nilai, area="target"
            )
            if hasil is not GAGAL:
                for m in (self.model_tahun, self.model_tw):
                    m.perbarui_sel(indikator_id, (tahun, triwulan), nilai)
            return hasil

        if tulis(baru) is GAGAL:
            return False
        label = "TW " + str(triwulan) if triwulan else str(tahun)
        self.undo_stack.push(
            PerintahFungsi(f"Ubah target {label}", lambda: tulis(baru), lambda: tulis(lama))
        )
        return True

    def _muat_ulang_anak(self, parent_id: uuid.UUID | None) -> None:
        """Reload a node's children; the selection moves, but nothing is asked."""
        self._kembali = True
        try:
            self.model.muat_ulang_anak(parent_id)
        finally:
            self._kembali = False

    def _muat_ulang_sekitar(self, parent_id: uuid.UUID | None, node_id: uuid.UUID) -> None:
        self._muat_ulang_anak(parent_id)
        self.tampilkan_node(node_id)

    def _galat(self, pesan: str) -> None:
        self.k.galat.emit("Isian tidak sah", pesan)

    def cetak(self) -> None:
        """Print the drawn tree (from the selected node down) through the print dialog."""
        self.tombol_diagram.setChecked(True)
        if self.diagram is not None:
            self.diagram.cetak()

    # --- search -----------------------------------------------------------------------------
    def cari(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def _cari_pertama(self) -> None:
        teks = self.filter.text()
        with self.k.baca() as sesi:
            self._hasil_cari = cari_node(sesi, self.k.renstra(sesi), teks) if teks else []
        self._posisi_cari = 0
        if not teks:
            self.label_cari.setText("")
            return
        if not self._hasil_cari:
            self.label_cari.setText("tidak ditemukan")
            return
        self.tampilkan_node(self._hasil_cari[0])
        self.label_cari.setText(f"1 dari {len(self._hasil_cari)} (Enter: berikutnya)")

    def _cari_berikut(self) -> None:
        if self._jadwal_cari.isActive():
            self._jadwal_cari.stop()
            self._cari_pertama()
            return
        if not self._hasil_cari:
            return
        self._posisi_cari = (self._posisi_cari + 1) % len(self._hasil_cari)
        self.tampilkan_node(self._hasil_cari[self._posisi_cari])
        self.label_cari.setText(
            f"{self._posisi_cari + 1} dari {len(self._hasil_cari)} (Enter: berikutnya)"
        )

    def _menu_konteks(self, pos: object) -> None:
        menu = QMenu(self)
        if self.hak.hak.ubah_rencana:  # roles that never edit the plan see only "Riwayat…"
            self._isi_menu_tambah()
            for aksi in self.menu_tambah.actions():
                menu.addAction(aksi)
                aksi.setEnabled(self.tombol_tambah.isEnabled())
            menu.addSeparator()
            ubah = self.node_terpilih() is not None and bool(self._izin)
            for teks, fungsi in (
                ("Naik", lambda: self._geser(-1)),
                ("Turun", lambda: self._geser(1)),
                ("Hapus…", self.hapus),
            ):
                menu.addAction(teks, fungsi).setEnabled(ubah)
            menu.addSeparator()
        menu.addAction("Riwayat…", self.riwayat_node).setEnabled(self.node_terpilih() is not None)
        menu.exec(self.pohon.viewport().mapToGlobal(pos))  # type: ignore[arg-type]

    # --- state ------------------------------------------------------------------------------
    def simpan_keadaan(self, s: QSettings) -> None:
        s.setValue("pohon/pemisah", self.pemisah.saveState())
        s.setValue("pohon/kolom", self.pohon.header().saveState())

    def pulihkan_keadaan(self, s: QSettings) -> None:
        for kunci, w in (("pohon/pemisah", self.pemisah), ("pohon/kolom", self.pohon.header())):
            nilai = s.value(kunci)
            if isinstance(nilai, QByteArray):
                w.restoreState(nilai)


def target_indikator_node_salin(baris: list) -> list:  # type: ignore[type-arg]
    """The quarter grid edits its own copy of the rows (both grids stay in step by id)."""
    from dataclasses import replace

    return [replace(b, nilai=dict(b.nilai)) for b in baris]
