"""Realisasi: a quarter's realizations of the acting user's indicators, typed in a table.

The table (gui.model_realisasi) keeps what is typed until Ctrl+S, which saves every edited
row in ONE transaction; a refused value stays on screen in red with its reason. The side
panel shows the selected indicator's aggregation rule (with an example), its tindak lanjut
for the quarter and its evidence files. Ajukan / Verifikasi / Buka kembali act on the
selected rows and are enabled by what the acting user may do with them.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from html import escape

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import Agregasi, StatusRealisasi
from ...errors import KesalahanPengguna
from ...model import Realisasi
from ...services import realisasi as layanan
from ...services.pelaku import Pelaku
from ...services.pengaturan import band_capaian
from ...services.realisasi import EntriRealisasi, daftar_entri, label_periode
from ...services.tindak_lanjut import tindak_lanjut_tahun
from .. import dialog
from ..dialog_bukti import PanelBukti
from ..grafik import html_legenda_band
from ..konteks import GAGAL, Konteks
from ..model_realisasi import (
    K_BUKTI,
    K_CAPAIAN_TAHUN,
    K_CAPAIAN_TW,
    K_CATATAN,
    K_INDIKATOR,
    K_KETERANGAN,
    K_KODE,
    K_KOMPONEN_A,
    K_KOMPONEN_B,
    K_REALISASI,
    K_SATUAN,
    K_STATUS,
    K_TARGET_TAHUN,
    K_TARGET_TW,
    K_TINDAK_LANJUT,
    PERAN_ENTRI,
    PERAN_KETIK,
    ModelRealisasi,
    label_komponen,
    simpan_perubahan,
)
from ..perintah_undo import PerintahFungsi
from .dasar import Halaman

Indeks = QModelIndex | QPersistentModelIndex

TINGKAT = (
    ("Semua tingkat", None),
    ("Tujuan & sasaran (IKU)", (0, 1, 2)),
    ("Program (IKP)", (3,)),
    ("Kegiatan (IKK)", (4,)),
    ("Individu (IKI)", (5,)),
)

PENJELASAN_AGREGASI = {
    Agregasi.AKUMULASI: (
        "<b>Akumulasi</b> (arus, misalnya orang dilatih): target triwulan adalah tambahan. "
        "Capaian TW n = jumlah realisasi TW I–n ÷ jumlah target TW I–n; tahunan = jumlah "
        "realisasi ÷ target tahun. Contoh: 50 + 40 orang terhadap 48 + 48 → 93,75%."
    ),
    Agregasi.NILAI_AKHIR: (
        "<b>Nilai akhir</b> (tingkat, misalnya persentase): target triwulan adalah tingkat di "
        "akhir triwulan, TW IV = target tahun. Capaian TW n = realisasi TW n ÷ target TW n; "
        "tahunan = realisasi terakhir ÷ target tahun. Contoh: 1,01% terhadap 5,15% → 19,61%."
    ),
    Agregasi.RATA_RATA: (
        "<b>Rata-rata</b>: capaian = rata-rata triwulan yang terisi ÷ target. Triwulan kosong "
        "tidak dihitung sebagai nol. Contoh: 90% dan 100% terhadap 95% → 100%."
    ),
}

JUDUL_AKSI = {"ajukan": "Ajukan", "verifikasi": "Verifikasi", "buka": "Buka kembali"}


def boleh_aksi(aksi: str, e: EntriRealisasi) -> bool:
    """Whether a status action applies to an entry for the acting user (the window mirrors
    the services' rules; the services still decide)."""
    if e.triwulan_ditutup or e.status is None:
        return False
    if aksi == "ajukan":
        return e.boleh_isi and e.status is StatusRealisasi.DRAF
    if aksi == "verifikasi":
        return e.boleh_verifikasi and e.status is StatusRealisasi.DIAJUKAN
    return e.boleh_verifikasi and e.status is not StatusRealisasi.DRAF


def ubah_status(
    sesi: Session,
    pelaku: Pelaku,
    aksi: str,
    indikator_ids: Sequence[uuid.UUID],
    tahun: int,
    triwulan: int,
    alasan: str | None = None,
) -> int:
    """Submit, verify or reopen several entries in the caller's transaction; how many
    changed."""
    berubah = 0
    for iid in indikator_ids:
        if aksi == "buka":
            ok = layanan.buka_kembali(sesi, pelaku, iid, tahun, triwulan, alasan or "")
        elif aksi == "verifikasi":
            ok = layanan.verifikasi(sesi, pelaku, iid, tahun, triwulan)
        else:
            ok = layanan.ajukan(sesi, pelaku, iid, tahun, triwulan)
        berubah += bool(ok)
    return berubah


class SaringRealisasi(QSortFilterProxyModel):
    """Rows whose code or name contains the search text, at the chosen tree levels."""

    def __init__(self) -> None:
        super().__init__()
        self.teks = ""
        self.tingkat: tuple[int, ...] | None = None
        self.setDynamicSortFilter(False)

    def atur(self, teks: str, tingkat: tuple[int, ...] | None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9; invalidateFilter is deprecated
            self.beginFilterChange()
            self.teks, self.tingkat = teks.strip().casefold(), tingkat
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - Qt 6.8
            self.teks, self.tingkat = teks.strip().casefold(), tingkat
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, baris: int, induk: QModelIndex | QPersistentModelIndex) -> bool:
        e: EntriRealisasi = self.sourceModel().index(baris, 0, induk).data(PERAN_ENTRI)
        if self.tingkat is not None and e.level not in self.tingkat:
            return False
        return not self.teks or self.teks in f"{e.kode} {e.indikator}".casefold()


class DelegasiIsian(QStyledItemDelegate):
    """A line editor that hands every keystroke to the model, so the percentage and capaian
    follow what is typed; Enter or leaving the cell commits it."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Indeks) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        indeks = QPersistentModelIndex(index)

        def ketik(teks: str) -> None:
            if indeks.isValid():
                indeks.model().setData(indeks, teks, PERAN_KETIK)

        editor.textEdited.connect(ketik)
        return editor

    def setEditorData(self, editor: QWidget, index: Indeks) -> None:
        assert isinstance(editor, QLineEdit)
        teks = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if editor.text() != teks:
            editor.setText(teks)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Indeks) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class HalamanRealisasi(Halaman):
    kunci = "realisasi"
    judul = "Realisasi"

    def __init__(self, konteks: Konteks, parent: QWidget | None = None) -> None:
        super().__init__(konteks, parent)
        self._menyimpan = False
        self._berubah_saat_simpan = False
        self._triwulan_awal: int | None = None
        self._indeks_pelaku = 0
        self._pelaku_tampil: Pelaku | None = None
        self._muat_samping = False
        self._bangun()
        self.k.tahunBerubah.connect(self._tahun_berubah)
        self.k.pelakuBerubah.connect(self._pelaku_berubah)
        self.k.dataBerubah.connect(self._data_berubah)

    # --- layout -------------------------------------------------------------------------
    def _bangun(self) -> None:
        tata = QVBoxLayout(self)
        atas = QHBoxLayout()
        atas.addWidget(QLabel("Triwulan:"))
        self.pilih_triwulan = QComboBox(objectName="pilihTriwulanRealisasi")
        for tw, nama in enumerate(("TW I", "TW II", "TW III", "TW IV"), start=1):
            self.pilih_triwulan.addItem(nama, tw)
        self._tw_tampil = 1
        self.pilih_triwulan.currentIndexChanged.connect(self._triwulan_dipilih)
        atas.addWidget(self.pilih_triwulan)
        self.filter = QLineEdit(placeholderText="Cari kode atau indikator…  (Ctrl+F)")
        self.filter.setObjectName("filterRealisasi")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _t: self._saring())
        atas.addWidget(self.filter, 1)
        self.pilih_tingkat = QComboBox(objectName="pilihTingkat")
        for label, tingkat in TINGKAT:
            self.pilih_tingkat.addItem(label, tingkat)
        self.pilih_tingkat.currentIndexChanged.connect(lambda _i: self._saring())
        atas.addWidget(self.pilih_tingkat)
        self.tombol_simpan = QPushButton("Simpan (Ctrl+S)", objectName="tombolSimpanRealisasi")
        self.tombol_ajukan = QPushButton("Ajukan", objectName="tombolAjukan")
        self.tombol_verifikasi = QPushButton("Verifikasi", objectName="tombolVerifikasi")
        self.tombol_buka = QPushButton("Buka kembali…", objectName="tombolBukaKembali")
        self.tombol_simpan.clicked.connect(lambda: self.simpan())
        self.tombol_ajukan.clicked.connect(lambda: self.ubah_status("ajukan"))
        self.tombol_verifikasi.clicked.connect(lambda: self.ubah_status("verifikasi"))
        self.tombol_buka.clicked.connect(lambda: self.ubah_status("buka"))
        self.tombol_riwayat = QPushButton("Riwayat…", objectName="tombolRiwayatRealisasi")
        self.tombol_riwayat.setToolTip(
            "Riwayat perubahan realisasi terpilih: siapa, kapan, nilai lama dan baru, alasan."
        )
        self.tombol_riwayat.clicked.connect(lambda: self.riwayat())
        for w in (
            self.tombol_simpan,
            self.tombol_ajukan,
            self.tombol_verifikasi,
            self.tombol_buka,
            self.tombol_riwayat,
        ):
            atas.addWidget(w)
        tata.addLayout(atas)
        self.info = QLabel(objectName="infoRealisasi")
        tata.addWidget(self.info)

        self.pemisah = QSplitter(Qt.Orientation.Vertical, objectName="pemisahRealisasi")
        kiri = QWidget()
        tk = QVBoxLayout(kiri)
        tk.setContentsMargins(0, 0, 0, 0)
        self.model = ModelRealisasi()
        self.saring = SaringRealisasi()
        self.saring.setSourceModel(self.model)
        self.tabel = QTableView(objectName="tabelRealisasi")
        self.tabel.setModel(self.saring)
        self.tabel.setItemDelegate(DelegasiIsian(self.tabel))
        self.tabel.setAlternatingRowColors(False)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tabel.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.tabel.verticalHeader().setVisible(False)
        self.tabel.verticalHeader().setDefaultSectionSize(24)
        kepala = self.tabel.horizontalHeader()
        kepala.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        kepala.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        kepala.setMinimumHeight(40)
        lebar = {
            K_KODE: 58,
            K_INDIKATOR: 220,
            K_SATUAN: 56,
            K_TARGET_TW: 72,
            K_TARGET_TAHUN: 76,
            K_KOMPONEN_A: 94,
            K_KOMPONEN_B: 104,
            K_REALISASI: 72,
            K_CAPAIAN_TW: 70,
            K_CAPAIAN_TAHUN: 76,
            K_STATUS: 84,
            K_BUKTI: 50,
            K_CATATAN: 150,
            K_KETERANGAN: 140,
            K_TINDAK_LANJUT: 220,
        }
        for kolom, px in lebar.items():
            self.tabel.setColumnWidth(kolom, px)
        self.tabel.selectionModel().currentRowChanged.connect(lambda _a, _b: self._baris_dipilih())
        self.tabel.selectionModel().selectionChanged.connect(lambda _a, _b: self._perbarui_tombol())
        tk.addWidget(self.tabel, 1)
        self.pesan_isian = QLabel(objectName="pesanIsian")
        self.pesan_isian.setWordWrap(True)
        self.pesan_isian.setStyleSheet("color: #8b1a1a; font-weight: bold;")
        self.pesan_isian.hide()
        tk.addWidget(self.pesan_isian)
        self.legenda = QLabel(objectName="legendaBand")
        self.legenda.setWordWrap(True)
        tk.addWidget(self.legenda)
        self.pemisah.addWidget(kiri)
        self.pemisah.addWidget(self._bangun_bawah())
        self.pemisah.setStretchFactor(0, 1)
        self.pemisah.setSizes([480, 170])
        tata.addWidget(self.pemisah, 1)

        self.model.isianBerubah.connect(self._isian_berubah)
        self.model.galatIsian.connect(self._galat_isian)
        self.model.dataChanged.connect(lambda *_a: self._perbarui_tombol())

    def _bangun_bawah(self) -> QWidget:
        """Below the table: the selected indicator's rule, its follow-up and its evidence."""
        w = QWidget(objectName="panelBawah")
        tata = QHBoxLayout(w)
        tata.setContentsMargins(0, 4, 0, 0)
        self.detail = QLabel(objectName="detailIndikator")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        gulir = QScrollArea(objectName="gulirDetail")
        gulir.setWidget(self.detail)
        gulir.setWidgetResizable(True)
        gulir.setFrameShape(QFrame.Shape.NoFrame)
        gulir.setMinimumWidth(300)
        tata.addWidget(gulir, 4)
        tengah = QVBoxLayout()
        self.label_tindak = QLabel("<b>Tindak lanjut</b>")
        tengah.addWidget(self.label_tindak)
        self.edit_tindak_lanjut = QPlainTextEdit(objectName="editTindakLanjut")
        self.edit_tindak_lanjut.setPlaceholderText(
            "Tindak lanjut triwulan ini (masuk ke kolom terakhir Monitoring IKU)…"
        )
        self.edit_tindak_lanjut.textChanged.connect(self._tindak_lanjut_diketik)
        tengah.addWidget(self.edit_tindak_lanjut, 1)
        tata.addLayout(tengah, 3)
        self.panel_bukti = PanelBukti(self.k)
        tata.addWidget(self.panel_bukti, 4)
        return w

    # --- loading ------------------------------------------------------------------------
    def triwulan(self) -> int:
        return int(self.pilih_triwulan.currentData())

    def _triwulan_data(self, sesi: Session) -> int:
        """The latest quarter of the year with any realization (TW I when none)."""
        tw = sesi.scalar(
            select(Realisasi.triwulan)
            .where(Realisasi.tahun == self.k.tahun)
            .order_by(Realisasi.triwulan.desc())
            .limit(1)
        )
        return int(tw) if tw else 1

    def segarkan(self) -> None:
        """Reload the quarter; what is typed and not saved stays on its rows."""
        self._basi = False
        terpilih = self.indikator_terpilih()
        pesan = ""
        try:
            with self.k.baca() as sesi:
                if self._triwulan_awal is None:
                    self._triwulan_awal = self._triwulan_data(sesi)
                    self._setel_triwulan(self._triwulan_awal)
                opd = self.k.opd(sesi)
                tw = self.triwulan()
                entri = daftar_entri(sesi, self.k.pelaku, opd, self.k.tahun, tw)
                tindak = tindak_lanjut_tahun(sesi, opd, self.k.tahun)
                bands = band_capaian(sesi, opd.id)
        except KesalahanPengguna as exc:
            entri, tindak, bands, pesan = [], {}, [], exc.pesan
            tw = self.triwulan()
        self._pelaku_tampil = self.k.pelaku
        tl_tw = {iid: d[tw] for iid, d in tindak.items() if tw in d}
        self.model.setel(entri, tl_tw, self.k.tahun, tw, pertahankan=True)
        self._saring()
        self.legenda.setText(
            "Pita capaian: "
            + html_legenda_band(bands)
            + " &nbsp;·&nbsp; <i>miring</i> = pratinjau belum disimpan"
            + " · <span style='background:#fff3c4'>&nbsp;kuning&nbsp;</span> = diubah"
            + " · <span style='background:#f5c6cb'>&nbsp;merah&nbsp;</span> = ditolak"
        )
        self._perbarui_info(pesan)
        jendela = self.window()
        pilih = getattr(jendela, "pilih_pelaku", None)
        if isinstance(pilih, QComboBox):
            self._indeks_pelaku = pilih.currentIndex()
        if terpilih is None or not self.tampilkan_indikator(terpilih, fokus=False):
            if self.saring.rowCount():
                self.tabel.setCurrentIndex(self.saring.index(0, K_KODE))
            else:
                self._baris_dipilih()

    def _setel_triwulan(self, tw: int) -> None:
        self.pilih_triwulan.blockSignals(True)
        self.pilih_triwulan.setCurrentIndex(tw - 1)
        self.pilih_triwulan.blockSignals(False)
        self._tw_tampil = tw

    def _saring(self) -> None:
        self.saring.atur(self.filter.text(), self.pilih_tingkat.currentData())
        self._perbarui_info()

    def _perbarui_info(self, pesan: str = "") -> None:
        if pesan:
            self.info.setText(f"<span style='color:#8b1a1a'>{escape(pesan)}</span>")
            return
        n, tampil = self.model.rowCount(), self.saring.rowCount()
        periode = label_periode(self.k.tahun, self.triwulan())
        teks = f"<b>{periode}</b> · {escape(self.k.pelaku.label)} · {n} indikator"
        if tampil != n:
            teks += f" ({tampil} ditampilkan)"
        if any(e.triwulan_ditutup for e in self.model.semua_entri()[:1]):
            teks += " · <b>triwulan ditutup</b>"
        ubah = self.model.jumlah_baris_diubah()
        if ubah:
            teks += f" · <span style='color:#9a5b00'><b>{ubah} baris belum disimpan</b></span>"
        self.info.setText(teks)

    # --- selection and side panel ------------------------------------------------------
    def _baris_sumber(self, indeks: QModelIndex) -> int:
        return self.saring.mapToSource(indeks).row() if indeks.isValid() else -1

    def entri_terpilih(self) -> EntriRealisasi | None:
        r = self._baris_sumber(self.tabel.currentIndex())
        return self.model.entri(r) if r >= 0 else None

    def indikator_terpilih(self) -> uuid.UUID | None:
        e = self.entri_terpilih()
        return e.indikator_id if e else None

    def riwayat(self) -> QWidget | None:
        """The audit history of the selected quarter's entry (every role may read it)."""
        from ..hak import buka_riwayat

        e = self.entri_terpilih()
        return buka_riwayat(self, self.k, "realisasi", e.realisasi_id if e else None)

    def baris_terpilih(self) -> list[int]:
        """Source rows of the selection (the current row when nothing is selected)."""
        baris = {self._baris_sumber(i) for i in self.tabel.selectionModel().selectedIndexes()}
        if not baris and self.tabel.currentIndex().isValid():
            baris = {self._baris_sumber(self.tabel.currentIndex())}
        return sorted(b for b in baris if b >= 0)

    def tampilkan_indikator(
        self, indikator_id: uuid.UUID, triwulan: int | None = None, *, fokus: bool = True
    ) -> bool:
        """Go to an indicator (and quarter); False when the acting user's list lacks it."""
        if triwulan is not None and triwulan != self.triwulan():
            self.pilih_triwulan.setCurrentIndex(triwulan - 1)
            if self.triwulan() != triwulan:
                return False
        r = self.model.baris_indikator(indikator_id)
        if r < 0:
            return False
        indeks = self.saring.mapFromSource(self.model.index(r, K_KODE))
        if not indeks.isValid():
            self.filter.clear()
            self.pilih_tingkat.setCurrentIndex(0)
            indeks = self.saring.mapFromSource(self.model.index(r, K_KODE))
        self.tabel.selectionModel().setCurrentIndex(
            indeks,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.tabel.scrollTo(indeks, QAbstractItemView.ScrollHint.PositionAtCenter)
        if fokus:
            self.tabel.setFocus()
        return True

    def _baris_dipilih(self) -> None:
        r = self._baris_sumber(self.tabel.currentIndex())
        e = self.model.entri(r) if r >= 0 else None
        self._muat_samping = True
        try:
            if e is None:
                self.detail.setText("<i>Tidak ada indikator dipilih.</i>")
                self.edit_tindak_lanjut.setPlainText("")
                self.edit_tindak_lanjut.setReadOnly(True)
                self.panel_bukti.tampilkan(None)
            else:
                self.detail.setText(self._teks_detail(e))
                self.label_tindak.setText(
                    f"<b>Tindak lanjut {label_periode(e.tahun, e.triwulan)}</b>"
                )
                self.edit_tindak_lanjut.setPlainText(self.model.tindak_lanjut(r))
                self.edit_tindak_lanjut.setReadOnly(not (e.boleh_isi or e.boleh_verifikasi))
                diubah = self.model.baris_diubah(r, hanya_realisasi=True)
                self.panel_bukti.tampilkan(e, belum_disimpan=diubah)
        finally:
            self._muat_samping = False
        self._perbarui_tombol()

    def _teks_detail(self, e: EntriRealisasi) -> str:
        bagian = [
            f"<b>{escape(e.kode)}</b> — {escape(e.indikator)}",
            f"<span style='color:#5d6d7e'>Sasaran: {escape(e.sasaran)}</span>",
            f"Jenis: {escape(e.jenis.label)}; satuan {escape(e.satuan)}",
        ]
        if e.jenis.dari_komponen:
            a, b = label_komponen(e)
            bagian.append(f"Komponen A: {escape(a)}<br>Komponen B: {escape(b)}")
        bagian.append(PENJELASAN_AGREGASI[e.agregasi])
        if e.status is StatusRealisasi.DIVERIFIKASI:
            bagian.append(f"Diverifikasi oleh {escape(e.diverifikasi_oleh or '—')}.")
        return "<br>".join(bagian)

    def _tindak_lanjut_diketik(self) -> None:
        if self._muat_samping:
            return
        r = self._baris_sumber(self.tabel.currentIndex())
        if r < 0:
            return
        self.model.setData(
            self.model.index(r, K_TINDAK_LANJUT), self.edit_tindak_lanjut.toPlainText(), PERAN_KETIK
        )

    # --- buttons and messages ----------------------------------------------------------
    def _isian_berubah(self) -> None:
        galat = self.model.daftar_galat()
        if galat:
            self.pesan_isian.setText("Isian ditolak: " + galat[0])
            self.pesan_isian.show()
        else:
            self.pesan_isian.hide()
        self._perbarui_info()
        self._perbarui_tombol()

    def _galat_isian(self, pesan: str) -> None:
        self.pesan_isian.setText("Isian ditolak: " + pesan)
        self.pesan_isian.show()
        self._kabar(pesan)

    def _perbarui_tombol(self) -> None:
        self.tombol_simpan.setEnabled(self.model.ada_perubahan())
        entri = [self.model.entri(r) for r in self.baris_terpilih()]
        for aksi, tombol in (
            ("ajukan", self.tombol_ajukan),
            ("verifikasi", self.tombol_verifikasi),
            ("buka", self.tombol_buka),
        ):
            tombol.setEnabled(any(boleh_aksi(aksi, e) for e in entri))
        self.tombol_riwayat.setEnabled(len(entri) == 1 and entri[0].realisasi_id is not None)
        if not any(e.boleh_verifikasi for e in self.model.semua_entri()):
            tip = "Hanya Kepala Bidang (dalam cakupannya) atau Kepala Dinas yang memverifikasi."
        else:
            tip = "Berlaku untuk baris terpilih yang memenuhi syarat."
        self.tombol_verifikasi.setToolTip(tip)
        self.tombol_buka.setToolTip(tip + " Alasan wajib diisi.")
        self.tombol_ajukan.setToolTip("Ajukan realisasi draf terpilih untuk diverifikasi.")

    def _kabar(self, teks: str) -> None:
        jendela = self.window()
        if isinstance(jendela, QMainWindow):
            jendela.statusBar().showMessage(teks, 10000)

    # --- saving -------------------------------------------------------------------------
    def ada_perubahan(self) -> bool:
        self._tutup_editor()
        return self.model.ada_perubahan()

    def buang_perubahan(self) -> None:
        self.model.buang_perubahan()
        self._baris_dipilih()

    def _tutup_editor(self) -> None:
        """Commit a cell still being edited, so Ctrl+S saves what is on screen."""
        delegasi = self.tabel.itemDelegate()
        # A focus change queues the delegate's own commit-and-close: deliver it first, so
        # the editor is not closed twice.
        QCoreApplication.sendPostedEvents(delegasi, QEvent.Type.MetaCall)
        if self.tabel.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.tabel.indexWidget(self.tabel.currentIndex())
        if editor is None:
            return
        # the path the delegate itself takes on Enter
        delegasi.commitData.emit(editor)
        delegasi.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def simpan(self) -> bool:
        """Save every edited row in one transaction; on refusal nothing is saved and what
        was typed stays on screen."""
        self._tutup_editor()
        if not self.model.ada_perubahan():
            return True
        galat = self.model.periksa_lengkap()
        if galat:
            self.k.galat.emit(
                "Tidak dapat disimpan",
                "Isian belum sah, tidak ada yang disimpan:\n• " + "\n• ".join(galat),
            )
            return False
        perubahan = self.model.perubahan()
        tahun, tw = self.model.tahun, self.model.triwulan
        self._menyimpan, self._berubah_saat_simpan = True, False
        try:
            hasil = self.k.tulis(
                simpan_perubahan,
                tahun,
                tw,
                perubahan,
                area="realisasi",
                versi_dimuat=self.model.versi_dimuat(),
            )
        finally:
            self._menyimpan = False
        if hasil is GAGAL or not isinstance(hasil, list):
            if self._berubah_saat_simpan:  # a conflict the user decided: theirs, or merged
                self.segarkan()
                kode = self.model.buang_yang_berubah()
                if kode:
                    self._kabar(
                        f"Isian {', '.join(kode)} diganti nilai yang tersimpan; isian lain "
                        "belum disimpan."
                        if self.model.ada_perubahan()
                        else f"Isian {', '.join(kode)} diganti nilai yang tersimpan."
                    )
            return hasil is not GAGAL and not self.model.ada_perubahan()
        self.model.buang_perubahan()
        self.segarkan()
        periode = label_periode(tahun, tw)

        def tulis(balik: bool) -> object:
            return self.k.tulis(
                simpan_perubahan, tahun, tw, perubahan, balik=balik, area="realisasi"
            )

        self.undo_stack.push(
            PerintahFungsi(
                f"Simpan realisasi {periode} ({len(perubahan)} indikator)",
                lambda: tulis(False),
                lambda: tulis(True),
            )
        )
        self._kabar(" ".join(hasil) if hasil else "Tidak ada yang berubah.")
        return True

    def ubah_status(self, aksi: str) -> bool:
        """Ajukan / Verifikasi / Buka kembali the selected rows (one transaction)."""
        baris = [r for r in self.baris_terpilih() if boleh_aksi(aksi, self.model.entri(r))]
        if not baris:
            return False
        entri = [self.model.entri(r) for r in baris]
        if any(self.model.baris_diubah(r, hanya_realisasi=True) for r in baris):
            self.k.galat.emit(
                JUDUL_AKSI[aksi],
                "Baris terpilih masih memiliki isian yang belum disimpan. Simpan (Ctrl+S) "
                "atau buang perubahannya terlebih dahulu.",
            )
            return False
        kode = ", ".join(e.kode for e in entri)
        periode = label_periode(self.model.tahun, self.model.triwulan)
        alasan = None
        if aksi == "buka":
            alasan = dialog.minta_teks(
                self, "Buka kembali realisasi", f"Alasan membuka kembali {kode} {periode}:"
            )
            if not alasan:
                return False
        hasil = self.k.tulis(
            ubah_status,
            aksi,
            [e.indikator_id for e in entri],
            self.model.tahun,
            self.model.triwulan,
            alasan,
            alasan=alasan,
            area="realisasi",
            judul_galat=f"{JUDUL_AKSI[aksi]} gagal",
        )
        if hasil is GAGAL:
            return False
        kata = {"ajukan": "diajukan", "verifikasi": "diverifikasi", "buka": "dibuka kembali"}
        self._kabar(f"Realisasi {kode} {periode} {kata[aksi]} ({hasil} berubah).")
        return True

    # --- reacting to the window ---------------------------------------------------------
    def _tanya_isian(self) -> str:
        """Unsaved edits before the period or the user changes: "lanjut" or "batal"."""
        if not self.ada_perubahan():
            return "lanjut"
        periode = label_periode(self.model.tahun, self.model.triwulan)
        jawab = dialog.tanya_simpan(self, f"Isian realisasi {periode} belum disimpan.")
        if jawab == "simpan":
            return "lanjut" if self.simpan() else "batal"
        if jawab == "buang":
            self.model.buang_perubahan()
            return "lanjut"
        return "batal"

    def _triwulan_dipilih(self, _i: int) -> None:
        if self._tanya_isian() == "batal":
            self._setel_triwulan(self._tw_tampil)
            return
        self._tw_tampil = self.triwulan()
        self.segarkan()

    def _tahun_berubah(self, _tahun: int) -> None:
        berganti = self.model.rowCount() and self.model.tahun != self.k.tahun
        if berganti and self._tanya_isian() == "batal":
            self._kembalikan_pilihan("pilih_tahun", self.model.tahun, data=True)
            return
        self._triwulan_awal = None
        self.segarkan()

    def _pelaku_berubah(self) -> None:
        if self.k.pelaku == self._pelaku_tampil:
            return  # back to the user whose rows are shown (a cancelled switch)
        if self._tanya_isian() == "batal":
            self._kembalikan_pilihan("pilih_pelaku", self._indeks_pelaku, data=False)
            return
        self.segarkan()

    def _kembalikan_pilihan(self, nama: str, nilai: int, *, data: bool) -> None:
        """Put the window's year or user selector back (the user chose to stay)."""
        pilih = getattr(self.window(), nama, None)
        if not isinstance(pilih, QComboBox):
            return
        indeks = pilih.findData(nilai) if data else nilai
        QTimer.singleShot(0, lambda: pilih.setCurrentIndex(indeks))

    def _data_berubah(self, _area: str) -> None:
        if self._menyimpan:
            self._berubah_saat_simpan = True
            return
        self.segarkan_bila_tampil()

    # --- window commands ----------------------------------------------------------------
    def cari(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def hapus(self) -> None:
        """Del: empty the selected editable cells (an empty quarter is saved as no entry)."""
        for indeks in self.tabel.selectionModel().selectedIndexes():
            if indeks.flags() & Qt.ItemFlag.ItemIsEditable:
                self.saring.setData(indeks, "", Qt.ItemDataRole.EditRole)

    def simpan_keadaan(self, s: QSettings) -> None:
        s.setValue("realisasi/pemisah", self.pemisah.saveState())
        s.setValue("realisasi/kolom", self.tabel.horizontalHeader().saveState())

    def pulihkan_keadaan(self, s: QSettings) -> None:
        for kunci, w in (
            ("realisasi/pemisah", self.pemisah),
            ("realisasi/kolom", self.tabel.horizontalHeader()),
        ):
            nilai = s.value(kunci)
            if isinstance(nilai, QByteArray):
                w.restoreState(nilai)
