"""Perjanjian Kinerja: the year's positions, one position's PK versions, the PK itself.

Left: every position of the agency in organisation order with its holder, PK status and
version, and below it the versions of the selected position's PK (earlier versions stay
listed and printable). Right: the shown version — its parties, place and date, its rows
(editable while a draft, locked with a visible badge once signed), where it differs from
the tree, and the actions: Susun dari pohon, Susun ulang, Tandatangani, PK perubahan,
Hapus draf, Pratinjau, Cetak…, Simpan PDF…. Selecting a position and printing or saving
its PK takes three clicks (position, Cetak…/Simpan PDF…, the dialog's button).

Every write calls `LayananPK` with the acting user (it opens its own transaction and checks
who may do what); a refusal is shown through `Konteks.galat` and changes nothing. A cell
edit is undoable (Ctrl+Z writes the old value back through the same service).
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QDate, QLocale, QSettings, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from ...angka import AngkaTidakSah, format_rupiah, format_tanggal, parse_angka_opsional
from ...domain import StatusPK
from ...errors import AksesDitolak, KesalahanPengguna
from ...model import Indikator, Jabatan
from ...reports.pk_pdf import nip_cetak
from ...services.pk import (
    BarisPKData,
    DokumenPK,
    LayananPK,
    SelisihPK,
    nama_berkas_pk,
    wajib_kelola_pk,
    wajib_tandatangani_pk,
)
from ...services.pk_susun import Pihak
from .. import dialog, pratinjau_pdf
from ..dialog_cetak_massal import DialogCetakMassal
from ..konteks import GAGAL, Konteks
from ..model_pk import (
    K_JABATAN,
    K_PEMANGKU,
    K_STATUS,
    KA_ANGGARAN,
    KA_INDUK,
    KA_KETERANGAN,
    KA_NO,
    KA_URAIAN,
    KK_INDIKATOR,
    KK_KETERANGAN,
    KK_KODE,
    KK_NO,
    KK_SASARAN,
    KK_SATUAN,
    KK_TARGET,
    KR_ALASAN,
    KR_STATUS,
    KR_TANGGAL,
    KR_VERSI,
    PERAN_BARIS_DAFTAR,
    PERAN_CARI,
    ModelAnggaranPK,
    ModelDaftarPK,
    ModelKinerjaPK,
    ModelRiwayatPK,
    label_versi,
)
from ..perintah_undo import PerintahFungsi
from .dasar import Halaman

LOKAL_ID = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)

LENCANA = {
    None: ("BELUM DISUSUN · pratinjau dari pohon kinerja", "#e8eef5", "#2c4a6b"),
    StatusPK.DRAF: ("DRAF · dapat diubah", "#fff1c2", "#7a5200"),
    StatusPK.DITANDATANGANI: ("DITANDATANGANI · TERKUNCI", "#d6f0dc", "#145c2c"),
    StatusPK.DIGANTI: ("DIGANTI OLEH PK PERUBAHAN · arsip", "#e6e8ea", "#4a5358"),
}


@dataclass(frozen=True)
class PermintaanPerubahan:
    """What the user gave for a PK perubahan."""

    alasan: str
    tanggal: date
    susun_ulang: bool


def ke_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def dari_qdate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def edit_tanggal(nama: str) -> QDateEdit:
    """A date field that shows "2 Januari 2020" with a calendar."""
    w = QDateEdit(objectName=nama)
    w.setLocale(LOKAL_ID)
    w.setDisplayFormat("d MMMM yyyy")
    w.setCalendarPopup(True)
    return w


class DialogPerubahanPK(QDialog):
    """Reason and date of a PK perubahan, and whether to draft the rows again from the tree."""

    def __init__(self, induk: QWidget | None, awal: date, batas: date | None) -> None:
        super().__init__(induk)
        self.setObjectName("dialogPerubahanPk")
        self.setWindowTitle("PK perubahan")
        form = QFormLayout(self)
        self.alasan = QLineEdit(objectName="editAlasanPerubahan")
        self.alasan.setPlaceholderText("misalnya Refocusing anggaran, pergantian pejabat")
        self.tanggal = edit_tanggal("editTanggalPerubahan")
        self.tanggal.setDate(ke_qdate(awal))
        if batas is not None:
            self.tanggal.setMinimumDate(ke_qdate(batas))
        self.susun_ulang = QCheckBox("Susun ulang baris dari pohon kinerja pada tanggal itu")
        self.susun_ulang.setToolTip("Tidak dicentang: baris PK lama disalin apa adanya.")
        self.susun_ulang.setChecked(True)
        form.addRow("Alasan perubahan:", self.alasan)
        form.addRow("Tanggal:", self.tanggal)
        form.addRow(self.susun_ulang)
        tombol = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        tombol.button(QDialogButtonBox.StandardButton.Ok).setText("Buat PK perubahan")
        tombol.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        tombol.accepted.connect(self.accept)
        tombol.rejected.connect(self.reject)
        ok = tombol.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.alasan.textChanged.connect(lambda t: ok.setEnabled(bool(t.strip())))
        form.addRow(tombol)
        self.resize(520, 160)


def minta_perubahan(
    induk: QWidget | None, awal: date, batas: date | None
) -> PermintaanPerubahan | None:
    """Ask for a PK perubahan's reason and date; None when cancelled (tests replace this)."""
    d = DialogPerubahanPK(induk, awal, batas)
    if d.exec() != QDialog.DialogCode.Accepted:
        return None
    return PermintaanPerubahan(
        d.alasan.text().strip(), dari_qdate(d.tanggal.date()), d.susun_ulang.isChecked()
    )


def pilih_berkas_pdf(induk: QWidget | None, saran: Path) -> Path | None:
    """The save dialog for a PDF; None when cancelled (tests replace this)."""
    nama, _ = QFileDialog.getSaveFileName(induk, "Simpan PDF", str(saran), "PDF (*.pdf)")
    if not nama:
        return None
    path = Path(nama)
    return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")


def teks_pihak(p: Pihak | None, peran: str) -> str:
    """A party as the page shows it: role, name, then jabatan, pangkat and NIP."""
    if p is None:
        return f"<b>{peran}</b><br><span style='color:#a61b1b'>tidak ada pemangku</span>"
    rinci = [escape(p.pangkat)] if p.pangkat else []
    if p.nip:
        rinci.append(f"NIP. {escape(nip_cetak(p.nip))}")
    baris = [f"<b>{peran}</b>", escape(p.nama), f"<small>{escape(p.jabatan_cetak)}</small>"]
    if rinci:
        baris.append(f"<small>{' · '.join(rinci)}</small>")
    return "<br>".join(baris)


class HalamanPK(Halaman):
    kunci = "pk"
    judul = "Perjanjian Kinerja"

    def __init__(self, konteks: Konteks, parent: QWidget | None = None) -> None:
        super().__init__(konteks, parent)
        self.layanan = LayananPK(konteks.db)
        self.dokumen: DokumenPK | None = None
        self.selisih: list[SelisihPK] = []
        self.boleh_kelola = False
        self.boleh_tandatangani = False
        self.pdf_terakhir: Path | None = None
        self._jabatan_id: uuid.UUID | None = None
        self._kepala_kotor = False
        self._memuat = False
        self._folder = Path(tempfile.mkdtemp(prefix="sakip-pk-"))
        weakref.finalize(self, shutil.rmtree, self._folder, True)
        self._bangun()
        self.k.tahunBerubah.connect(lambda _t: self.segarkan())
        self.k.pelakuBerubah.connect(self._pelaku_berubah)
        self.k.dataBerubah.connect(self._data_berubah)

    # --- layout --------------------------------------------------------------------------
    def _bangun(self) -> None:
        tata = QVBoxLayout(self)
        atas = QHBoxLayout()
        self.filter = QLineEdit(objectName="filterPk", placeholderText="Cari jabatan…  (Ctrl+F)")
        self.filter.setClearButtonEnabled(True)
        atas.addWidget(self.filter, 1)
        self.tombol_massal = QPushButton("Cetak massal…", objectName="tombolCetakMassal")
        self.tombol_massal.setToolTip("Semua PK tahun ini (atau satu bidang), dengan kemajuan")
        self.tombol_massal.clicked.connect(self.cetak_massal)
        atas.addWidget(self.tombol_massal)
        tata.addLayout(atas)

        self.pemisah = QSplitter(Qt.Orientation.Horizontal, objectName="pemisahPk")
        self.pemisah.addWidget(self._bangun_kiri())
        self.pemisah.addWidget(self._bangun_kanan())
        self.pemisah.setStretchFactor(1, 1)
        self.pemisah.setSizes([460, 670])
        tata.addWidget(self.pemisah, 1)

    def _tabel(self, nama: str) -> QTableView:
        t = QTableView(objectName=nama)
        t.verticalHeader().setVisible(False)
        t.verticalHeader().setDefaultSectionSize(24)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setWordWrap(False)
        return t

    def _bangun_kiri(self) -> QWidget:
        kiri = QSplitter(Qt.Orientation.Vertical, objectName="pemisahKiriPk")
        self.model_daftar = ModelDaftarPK()
        self.saring = QSortFilterProxyModel(self)
        self.saring.setSourceModel(self.model_daftar)
        self.saring.setFilterKeyColumn(K_JABATAN)
        self.saring.setFilterRole(PERAN_CARI)
        self.saring.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.textChanged.connect(self.saring.setFilterFixedString)
        self.tabel_jabatan = self._tabel("tabelJabatanPk")
        self.tabel_jabatan.setModel(self.saring)
        kepala = self.tabel_jabatan.horizontalHeader()
        kepala.setSectionResizeMode(K_JABATAN, QHeaderView.ResizeMode.Stretch)
        for kolom, lebar in ((K_PEMANGKU, 126), (K_STATUS, 106)):
            kepala.setSectionResizeMode(kolom, QHeaderView.ResizeMode.Interactive)
            self.tabel_jabatan.setColumnWidth(kolom, lebar)
        self.tabel_jabatan.selectionModel().currentRowChanged.connect(
            lambda _a, _b: self._jabatan_dipilih()
        )
        kiri.addWidget(self.tabel_jabatan)

        bawah = QWidget()
        tb = QVBoxLayout(bawah)
        tb.setContentsMargins(0, 4, 0, 0)
        self.label_versi = QLabel("<b>Versi PK</b>", objectName="labelVersiPk")
        tb.addWidget(self.label_versi)
        self.model_riwayat = ModelRiwayatPK()
        self.tabel_versi = self._tabel("tabelVersiPk")
        self.tabel_versi.setModel(self.model_riwayat)
        kv = self.tabel_versi.horizontalHeader()
        for kolom, lebar in ((KR_VERSI, 100), (KR_STATUS, 104), (KR_TANGGAL, 104)):
            self.tabel_versi.setColumnWidth(kolom, lebar)
        kv.setSectionResizeMode(KR_ALASAN, QHeaderView.ResizeMode.Stretch)
        self.tabel_versi.selectionModel().currentRowChanged.connect(
            lambda _a, _b: self._versi_dipilih()
        )
        tb.addWidget(self.tabel_versi, 1)
        kiri.addWidget(bawah)
        kiri.setSizes([520, 110])
        return kiri

    def _bangun_kanan(self) -> QWidget:
        kanan = QWidget(objectName="panelPk")
        tata = QVBoxLayout(kanan)
        tata.setContentsMargins(6, 0, 0, 0)
        judul = QHBoxLayout()
        self.label_judul = QLabel(objectName="judulPk")
        self.label_judul.setWordWrap(True)
        judul.addWidget(self.label_judul, 1)
        self.lencana = QLabel(objectName="lencanaStatusPk")
        judul.addWidget(self.lencana, 0, Qt.AlignmentFlag.AlignTop)
        tata.addLayout(judul)
        self.label_catatan = QLabel(objectName="catatanPk")
        self.label_catatan.setWordWrap(True)
        tata.addWidget(self.label_catatan)

        pihak = QGridLayout()
        self.label_pertama = QLabel(objectName="pihakPertama")
        self.label_kedua = QLabel(objectName="pihakKedua")
        for i, w in enumerate((self.label_pertama, self.label_kedua)):
            w.setWordWrap(True)
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            w.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            pihak.addWidget(w, 0, i)
        tata.addLayout(pihak)

        kepala = QHBoxLayout()
        kepala.addWidget(QLabel("Tempat:"))
        self.edit_tempat = QLineEdit(objectName="editTempatPk")
        self.edit_tempat.setMaximumWidth(180)
        self.edit_tempat.textEdited.connect(lambda _t: self._kepala_diubah())
        kepala.addWidget(self.edit_tempat)
        kepala.addWidget(QLabel("Tanggal:"))
        self.edit_tanggal = edit_tanggal("editTanggalPk")
        self.edit_tanggal.dateChanged.connect(lambda _d: self._kepala_diubah())
        kepala.addWidget(self.edit_tanggal)
        self.tombol_simpan_kepala = QPushButton("Simpan (Ctrl+S)", objectName="tombolSimpanPk")
        self.tombol_simpan_kepala.clicked.connect(lambda: self.simpan())
        kepala.addWidget(self.tombol_simpan_kepala)
        kepala.addStretch(1)
        tata.addLayout(kepala)

        aksi = QHBoxLayout()
        self.tombol_susun = self._tombol("Susun dari pohon", "tombolSusunPk", self.susun)
        self.tombol_susun_ulang = self._tombol(
            "Susun ulang", "tombolSusunUlangPk", self.susun_ulang
        )
        self.tombol_tandatangani = self._tombol(
            "Tandatangani…", "tombolTandatanganiPk", self.tandatangani
        )
        self.tombol_perubahan = self._tombol("PK perubahan…", "tombolPerubahanPk", self.perubahan)
        self.tombol_hapus = self._tombol("Hapus draf", "tombolHapusDrafPk", self.hapus)
        for w in (
            self.tombol_susun,
            self.tombol_susun_ulang,
            self.tombol_tandatangani,
            self.tombol_perubahan,
            self.tombol_hapus,
        ):
            aksi.addWidget(w)
        aksi.addStretch(1)
        tata.addLayout(aksi)
        cetak = QHBoxLayout()
        self.tombol_pratinjau = self._tombol("Pratinjau", "tombolPratinjauPk", self.pratinjau)
        self.tombol_cetak = self._tombol("Cetak… (Ctrl+P)", "tombolCetakPk", self.cetak)
        self.tombol_simpan_pdf = self._tombol("Simpan PDF…", "tombolSimpanPdfPk", self.simpan_pdf)
        for w in (self.tombol_pratinjau, self.tombol_cetak, self.tombol_simpan_pdf):
            cetak.addWidget(w)
        cetak.addStretch(1)
        tata.addLayout(cetak)

        self.peringatan = QLabel(objectName="peringatanSelisihPk")
        self.peringatan.setWordWrap(True)
        self.peringatan.setStyleSheet(
            "background:#fde7c8; color:#6b3d00; padding:4px 6px; border-radius:3px;"
        )
        self.peringatan.hide()
        tata.addWidget(self.peringatan)

        self.tab = QTabWidget(objectName="tabPk")
        self.model_kinerja = ModelKinerjaPK()
        self.model_kinerja.penyimpan = self._simpan_sel
        self.tabel_kinerja = self._tabel("tabelKinerjaPk")
        self.tabel_kinerja.setModel(self.model_kinerja)
        self._atur_kolom(
            self.tabel_kinerja,
            tetap={KK_NO: 30, KK_KODE: 50, KK_TARGET: 76, KK_SATUAN: 52, KK_KETERANGAN: 96},
            lentur=(KK_SASARAN, KK_INDIKATOR),
        )
        self.tab.addTab(self.tabel_kinerja, "Sasaran && indikator")

        anggaran = QWidget()
        ta = QVBoxLayout(anggaran)
        ta.setContentsMargins(0, 0, 0, 0)
        self.model_anggaran = ModelAnggaranPK()
        self.model_anggaran.penyimpan = self._simpan_sel
        self.tabel_anggaran = self._tabel("tabelAnggaranPk")
        self.tabel_anggaran.setModel(self.model_anggaran)
        self._atur_kolom(
            self.tabel_anggaran,
            tetap={KA_NO: 32, KA_ANGGARAN: 130, KA_KETERANGAN: 120},
            lentur=(KA_INDUK, KA_URAIAN),
        )
        ta.addWidget(self.tabel_anggaran, 1)
        self.label_total = QLabel(objectName="totalAnggaranPk")
        self.label_total.setAlignment(Qt.AlignmentFlag.AlignRight)
        ta.addWidget(self.label_total)
        self.tab.addTab(anggaran, "Program && anggaran")

        self.daftar_selisih = QListWidget(objectName="daftarSelisihPk")
        self.daftar_selisih.setWordWrap(True)
        self.tab.addTab(self.daftar_selisih, "Selisih dengan pohon")
        tata.addWidget(self.tab, 1)
        for model in (self.model_kinerja, self.model_anggaran):
            model.dataChanged.connect(lambda *_a: self._perbarui_total())
        return kanan

    @staticmethod
    def _atur_kolom(tabel: QTableView, tetap: dict[int, int], lentur: tuple[int, ...]) -> None:
        """Fixed-width number columns; the text columns share the rest and wrap, so a PK
        fits the page width without scrolling sideways."""
        kepala = tabel.horizontalHeader()
        for kolom, lebar in tetap.items():
            kepala.setSectionResizeMode(kolom, QHeaderView.ResizeMode.Interactive)
            tabel.setColumnWidth(kolom, lebar)
        for kolom in lentur:
            kepala.setSectionResizeMode(kolom, QHeaderView.ResizeMode.Stretch)
        tabel.setWordWrap(True)
        tabel.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _tombol(self, teks: str, nama: str, fungsi: Callable[[], object]) -> QPushButton:
        t = QPushButton(teks, objectName=nama)
        t.clicked.connect(lambda: fungsi())
        return t

    # --- loading ---------------------------------------------------------------------------
    def segarkan(self) -> None:
        """Reload the year's positions and show the selected one again."""
        self._basi = False
        pilih = self._jabatan_id
        try:
            daftar = self.layanan.daftar(self.k.tahun)
        except KesalahanPengguna as exc:
            daftar = []
            self.label_catatan.setText(escape(exc.pesan))
        self._memuat = True
        self.model_daftar.setel(daftar)
        self._memuat = False
        if not self.pilih_jabatan(pilih) and self.saring.rowCount():
            self.tabel_jabatan.setCurrentIndex(self.saring.index(0, K_JABATAN))
        elif not self.saring.rowCount():
            self._jabatan_id = None
            self._tampilkan(None)

    def pilih_jabatan(self, jabatan_id: uuid.UUID | None) -> bool:
        """Select a position in the list (shows its latest PK)."""
        i = self.model_daftar.cari(jabatan_id) if jabatan_id else -1
        if i < 0:
            return False
        indeks = self.saring.mapFromSource(self.model_daftar.index(i, K_JABATAN))
        if not indeks.isValid():
            return False
        if self.tabel_jabatan.currentIndex().row() == indeks.row():
            self._jabatan_dipilih()
        else:
            self.tabel_jabatan.setCurrentIndex(indeks)
        self.tabel_jabatan.scrollTo(indeks)
        return True

    def pilih_versi(self, pk_id: uuid.UUID) -> bool:
        """Show one stored version of the selected position's PK."""
        i = self.model_riwayat.cari(pk_id)
        if i < 0:
            return False
        self.tabel_versi.setCurrentIndex(self.model_riwayat.index(i, KR_VERSI))
        return True

    def _jabatan_dipilih(self) -> None:
        if self._memuat:
            return
        if not self._boleh_pindah():
            return
        indeks = self.tabel_jabatan.currentIndex()
        if not indeks.isValid():
            return
        baris = indeks.data(PERAN_BARIS_DAFTAR)
        self._jabatan_id = baris.jabatan_id
        self._memuat = True
        self.model_riwayat.setel(baris.riwayat)
        self._memuat = False
        self.label_versi.setText(f"<b>Versi PK {self.k.tahun}</b> ({len(baris.riwayat)})")
        if self.model_riwayat.rowCount():
            self.tabel_versi.setCurrentIndex(self.model_riwayat.index(0, KR_VERSI))
            self._versi_dipilih()
        else:
            self._tampilkan(None)

    def _versi_dipilih(self) -> None:
        if self._memuat or not self._boleh_pindah():
            return
        indeks = self.tabel_versi.currentIndex()
        if indeks.isValid():
            self._tampilkan(self.model_riwayat.ringkasan(indeks.row()).id)

    def _boleh_pindah(self) -> bool:
        """Unsaved place/date: save, discard or stay (like leaving the page)."""
        if not self._kepala_kotor:
            return True
        jawab = dialog.tanya_simpan(self, "Tempat/tanggal PK belum disimpan.")
        if jawab == "simpan":
            return self.simpan()
        if jawab == "buang":
            self._kepala_kotor = False
            return True
        return False

    def _tampilkan(self, pk_id: uuid.UUID | None) -> None:
        """Show a stored version, or (None) what the tree would give the selected position."""
        self._kepala_kotor = False
        dokumen: DokumenPK | None = None
        pesan = ""
        try:
            if pk_id is not None:
                dokumen = self.layanan.baca(pk_id)
                self.selisih = self.layanan.selisih(pk_id)
            elif self._jabatan_id is not None:
                dokumen = self.layanan.pratinjau(self._jabatan_id, self.k.tahun)
                self.selisih = []
        except KesalahanPengguna as exc:
            pesan = exc.pesan
            self.selisih = []
        self.dokumen = dokumen
        self._hitung_izin()
        self._isi(pesan)

    def _hitung_izin(self) -> None:
        """Mirror the services' rules for the acting user (the services still decide)."""
        self.boleh_kelola = self.boleh_tandatangani = False
        if self._jabatan_id is None:
            return
        with self.k.baca() as sesi:
            jabatan = sesi.get(Jabatan, self._jabatan_id)
            if jabatan is None:
                return
            try:
                wajib_kelola_pk(sesi, self.k.pelaku, jabatan)
                self.boleh_kelola = True
            except AksesDitolak:
                pass
            try:
                wajib_tandatangani_pk(self.k.pelaku, jabatan)
                self.boleh_tandatangani = True
            except AksesDitolak:
                pass

    @property
    def dapat_diubah(self) -> bool:
        """The shown PK is a stored draft the acting user may edit."""
        d = self.dokumen
        return bool(d and d.id and d.status is StatusPK.DRAF and self.boleh_kelola)

    def _terbaru(self) -> bool:
        d = self.dokumen
        return bool(
            d
            and d.id
            and self.model_riwayat.rowCount()
            and self.model_riwayat.ringkasan(0).id == d.id
        )

    def _kode_indikator(self, baris: tuple[BarisPKData, ...]) -> dict[uuid.UUID, str]:
        ids = [b.indikator_id for b in baris if b.indikator_id]
        if not ids:
            return {}
        with self.k.baca() as sesi:
            return {
                i: k
                for i, k in sesi.execute(
                    select(Indikator.id, Indikator.kode).where(Indikator.id.in_(ids))
                )
                if k
            }

    def _isi(self, pesan: str = "") -> None:
        d = self.dokumen
        ubah = self.dapat_diubah
        if d is None:
            self.label_judul.setText("<h3>Perjanjian Kinerja</h3>")
            self.label_catatan.setText(
                f"<span style='color:#a61b1b'>{escape(pesan)}</span>"
                if pesan
                else "Pilih jabatan di sebelah kiri."
            )
            self.label_catatan.show()
            self.lencana.hide()
            self.label_pertama.clear()
            self.label_kedua.clear()
            self.model_kinerja.setel([], boleh_ubah=False)
            self.model_anggaran.setel([], boleh_ubah=False)
        else:
            jenis = label_versi(d.versi_ke) if d.id else "Draf dari pohon (belum disimpan)"
            self.label_judul.setText(
                f"<h3 style='margin:0'>PK {d.tahun} — {escape(d.jabatan)}</h3>"
                f"<small>{escape(d.eselon.label)}"
                + (f" · {escape(d.unit)}" if d.unit else "")
                + f" · {escape(jenis)}</small>"
            )
            teks, latar, warna = LENCANA[d.status if d.id else None]
            tip = ""
            if d.id and d.status is StatusPK.DRAF and not self.boleh_kelola:
                teks = "DRAF · hanya baca"
                tip = (
                    f"{self.k.pelaku.label} tidak dapat mengubah PK ini: hanya Perencana, "
                    "Administrator, atau Kabid untuk jabatan di bidangnya."
                )
            self.lencana.setText(teks)
            self.lencana.setToolTip(tip)
            self.lencana.setStyleSheet(
                f"background:{latar}; color:{warna}; font-weight:bold; padding:4px 8px;"
                f"border:1px solid {warna}; border-radius:4px;"
            )
            self.lencana.show()
            catatan = []
            if d.alasan_perubahan:
                catatan.append(f"Alasan perubahan: <i>{escape(d.alasan_perubahan)}</i>")
            if not d.id:
                catatan.append("Klik <b>Susun dari pohon</b> untuk menyimpan draf PK ini.")
            self.label_catatan.setText(" · ".join(catatan))
            self.label_catatan.setVisible(bool(catatan))
            self.label_pertama.setText(teks_pihak(d.pertama, "PIHAK PERTAMA"))
            if d.satu_penandatangan:
                self.label_kedua.clear()
            else:
                self.label_kedua.setText(teks_pihak(d.kedua, "PIHAK KEDUA"))
            beda = {s.baris_id: s.pesan for s in self.selisih if s.baris_id}
            self.model_kinerja.setel_eselon(
                d.kinerja,
                d.eselon,
                boleh_ubah=ubah,
                kode=self._kode_indikator(d.kinerja),
                selisih=beda,
            )
            self.model_anggaran.setel_eselon(d.anggaran, d.eselon, boleh_ubah=ubah, selisih=beda)
            self.tabel_kinerja.resizeRowsToContents()
        self.tabel_anggaran.setColumnHidden(KA_INDUK, not self.model_anggaran.ada_induk)
        self._isi_kepala()
        self._isi_selisih()
        self._perbarui_total()
        self._perbarui_tombol()

    def _isi_kepala(self) -> None:
        d = self.dokumen
        for w in (self.edit_tempat, self.edit_tanggal):
            w.blockSignals(True)
        self.edit_tempat.setText((d.tempat or "") if d else "")
        self.edit_tanggal.setDate(ke_qdate(d.tanggal) if d and d.tanggal else QDate.currentDate())
        for w in (self.edit_tempat, self.edit_tanggal):
            w.blockSignals(False)
        ubah = self.dapat_diubah
        self.edit_tempat.setEnabled(ubah)
        self.edit_tanggal.setEnabled(ubah)
        self._kepala_kotor = False

    def _isi_selisih(self) -> None:
        self.daftar_selisih.clear()
        for s in self.selisih:
            self.daftar_selisih.addItem(s.pesan)
        n = len(self.selisih)
        self.tab.setTabText(2, f"Selisih dengan pohon ({n})" if n else "Selisih dengan pohon")
        if n:
            self.peringatan.setText(
                f"<b>PK ini berbeda dengan pohon kinerja di {n} baris</b> (target tahun "
                f"{self.k.tahun} atau pagu yang berlaku) — baris berwarna jingga; rinciannya "
                "di tab Selisih dengan pohon."
            )
        self.peringatan.setVisible(bool(n))

    def _perbarui_total(self) -> None:
        ada = self.model_anggaran.rowCount() > 0
        self.label_total.setText(
            f"<b>Jumlah: {format_rupiah(self.model_anggaran.total)}</b>" if ada else ""
        )

    def _perbarui_tombol(self) -> None:
        d = self.dokumen
        draf = bool(d and d.id and d.status is StatusPK.DRAF)
        ada_versi = self.model_riwayat.rowCount() > 0
        self.tombol_susun.setEnabled(bool(self._jabatan_id) and not ada_versi and self.boleh_kelola)
        self.tombol_susun_ulang.setEnabled(draf and self.boleh_kelola)
        self.tombol_tandatangani.setEnabled(draf and self.boleh_tandatangani)
        self.tombol_perubahan.setEnabled(
            bool(
                d and d.status is StatusPK.DITANDATANGANI and self._terbaru() and self.boleh_kelola
            )
        )
        self.tombol_hapus.setEnabled(draf and self.boleh_kelola)
        cetak = bool(d and d.pertama is not None)
        for w in (self.tombol_pratinjau, self.tombol_cetak, self.tombol_simpan_pdf):
            w.setEnabled(cetak)
            w.setToolTip("" if cetak else "Jabatan ini tidak ada pemangkunya: PK tidak dicetak.")
        self.tombol_simpan_kepala.setEnabled(self._kepala_kotor)

    # --- writes ------------------------------------------------------------------------------
    def _jalankan(self, judul: str, fungsi: Callable[[], Any]) -> Any:
        """Run one service call; a refusal goes to the window's message, returns GAGAL."""
        try:
            hasil = fungsi()
        except KesalahanPengguna as exc:
            self.k.galat.emit(judul, exc.pesan)
            return GAGAL
        self.k.dataBerubah.emit("pk")
        return hasil

    def _setelah_tulis(self, dokumen: DokumenPK | None) -> None:
        """Reload the list row and the versions, then show ``dokumen`` (or the latest)."""
        try:
            daftar = self.layanan.daftar(self.k.tahun)
        except KesalahanPengguna:
            daftar = []
        for b in daftar:
            if b.jabatan_id == self._jabatan_id:
                self.model_daftar.ganti(b)
        self._kepala_kotor = False
        self._jabatan_dipilih()
        if dokumen is not None and dokumen.id is not None:
            self.pilih_versi(dokumen.id)

    def susun(self) -> DokumenPK | None:
        """Draft and store the selected position's PK from the tree."""
        if self._jabatan_id is None:
            return None
        jid, tahun = self._jabatan_id, self.k.tahun
        hasil = self._jalankan(
            "PK tidak dapat disusun", lambda: self.layanan.susun(self.k.pelaku, jid, tahun)
        )
        if hasil is GAGAL:
            return None
        self._setelah_tulis(hasil)
        return hasil

    def susun_ulang(self) -> DokumenPK | None:
        d = self.dokumen
        if d is None or d.id is None:
            return None
        if not dialog.tanya(
            self,
            "Susun ulang draf PK",
            f"Susun ulang {d.label} dari pohon kinerja? Perubahan pada baris draf ini "
            "(target, anggaran, keterangan) akan hilang.",
            tombol_ya="Susun ulang",
        ):
            return None
        pk_id, versi = d.id, d.versi
        hasil = self._jalankan(
            "PK tidak dapat disusun ulang",
            lambda: self.layanan.susun_ulang(self.k.pelaku, pk_id, versi=versi),
        )
        if hasil is GAGAL:
            return None
        self._setelah_tulis(hasil)
        return hasil

    def tandatangani(self) -> DokumenPK | None:
        d = self.dokumen
        if d is None or d.id is None or not self.simpan():
            return None
        d = self.dokumen
        assert d is not None and d.id is not None
        if not dialog.tanya(
            self,
            "Tandatangani PK",
            f"Catat {d.label} sebagai sudah ditandatangani pada "
            f"{format_tanggal(d.tanggal)}?\n\nKedua pihak dan semua baris dibekukan; PK yang "
            "sudah ditandatangani tidak dapat diubah lagi kecuali lewat PK perubahan.",
            tombol_ya="Tandatangani",
        ):
            return None
        pk_id, versi = d.id, d.versi
        hasil = self._jalankan(
            "PK tidak dapat ditandatangani",
            lambda: self.layanan.tandatangani(self.k.pelaku, pk_id, versi=versi),
        )
        if hasil is GAGAL:
            return None
        self._setelah_tulis(hasil)
        return hasil

    def perubahan(self) -> DokumenPK | None:
        """Start a PK perubahan of the signed PK shown (asks the reason and the date)."""
        d = self.dokumen
        if d is None or d.id is None:
            return None
        batas = d.tanggal
        awal = min(max(date.today(), batas or date.today()), date(d.tahun, 12, 31))
        minta = minta_perubahan(self, awal, batas)
        if minta is None:
            return None
        pk_id = d.id
        hasil = self._jalankan(
            "PK perubahan tidak dapat dibuat",
            lambda: self.layanan.revisi(
                self.k.pelaku, pk_id, minta.alasan, minta.tanggal, susun_ulang=minta.susun_ulang
            ),
        )
        if hasil is GAGAL:
            return None
        self._setelah_tulis(hasil)
        return hasil

    def hapus(self) -> None:
        """Delete the draft shown (Del), after confirmation; a signed PK is never deleted."""
        d = self.dokumen
        if d is None or d.id is None or d.status is not StatusPK.DRAF:
            self.k.galat.emit(
                "Hapus draf PK", "Hanya draf PK yang dapat dihapus; pilih jabatan dengan PK draf."
            )
            return
        if not dialog.tanya(
            self, "Hapus draf PK", f"Hapus draf {d.label}?", tombol_ya="Hapus draf"
        ):
            return
        pk_id, versi = d.id, d.versi
        if (
            self._jalankan(
                "Draf PK tidak dapat dihapus",
                lambda: self.layanan.hapus_draf(self.k.pelaku, pk_id, versi=versi),
            )
            is not GAGAL
        ):
            self._setelah_tulis(None)

    def _kepala_diubah(self) -> None:
        if self.dapat_diubah:
            self._kepala_kotor = True
            self.tombol_simpan_kepala.setEnabled(True)

    def ada_perubahan(self) -> bool:
        return self._kepala_kotor

    def buang_perubahan(self) -> None:
        self._kepala_kotor = False
        self._isi_kepala()
        self._perbarui_tombol()

    def simpan(self) -> bool:
        """Save the draft's place and date of signing (Ctrl+S); the parties follow the date."""
        d = self.dokumen
        if not self._kepala_kotor or d is None or d.id is None:
            return True
        pk_id, versi = d.id, d.versi
        tempat, tanggal = self.edit_tempat.text(), dari_qdate(self.edit_tanggal.date())
        hasil = self._jalankan(
            "Tempat/tanggal PK tidak dapat disimpan",
            lambda: self.layanan.ubah_kepala(
                self.k.pelaku, pk_id, tempat=tempat, tanggal=tanggal, versi=versi
            ),
        )
        if hasil is GAGAL:
            return False
        self._kepala_kotor = False
        self._setelah_tulis(hasil)
        return True

    # --- cell edits -------------------------------------------------------------------------
    def _nilai_sel(self, b: BarisPKData, field: str, teks: str) -> Any:
        if field == "anggaran":
            return parse_angka_opsional(teks, nama_field="Anggaran")
        return teks

    def _simpan_sel(self, b: BarisPKData, field: str, teks: str) -> BarisPKData | None:
        """The models' penyimpan: write one cell, push its undo."""
        assert b.id is not None
        try:
            baru = self._nilai_sel(b, field, teks)
        except AngkaTidakSah as exc:
            self.k.galat.emit("Baris PK tidak dapat disimpan", exc.pesan)
            return None
        lama: Any = {"target": b.target, "anggaran": b.anggaran, "keterangan": b.keterangan}[field]
        hasil = self._tulis_baris(b.id, field, baru, versi=b.versi, muat_model=False)
        if hasil is GAGAL:
            return None
        baris_id = b.id
        self.undo_stack.push(
            PerintahFungsi(
                f"Ubah {field} PK",
                lambda: self._tulis_baris(baris_id, field, baru),
                lambda: self._tulis_baris(baris_id, field, lama),
            )
        )
        return hasil

    def _tulis_baris(
        self,
        baris_id: uuid.UUID,
        field: str,
        nilai: Any,
        *,
        versi: int | None = None,
        muat_model: bool = True,
    ) -> Any:
        hasil = self._jalankan(
            "Baris PK tidak dapat disimpan",
            lambda: self.layanan.ubah_baris(self.k.pelaku, baris_id, versi=versi, **{field: nilai}),
        )
        if hasil is GAGAL:
            return GAGAL
        if muat_model:
            for model in (self.model_kinerja, self.model_anggaran):
                model.ganti(hasil)
        self._segarkan_selisih()
        return hasil

    def _segarkan_selisih(self) -> None:
        d = self.dokumen
        if d is None or d.id is None:
            return
        try:
            self.dokumen = self.layanan.baca(d.id)
            self.selisih = self.layanan.selisih(d.id)
        except KesalahanPengguna:
            return
        beda = {s.baris_id: s.pesan for s in self.selisih if s.baris_id}
        for model in (self.model_kinerja, self.model_anggaran):
            model.setel_selisih(beda)
        self._isi_selisih()

    # --- printing ----------------------------------------------------------------------------
    def _nama_berkas(self) -> str:
        d = self.dokumen
        assert d is not None
        return nama_berkas_pk(d, self.model_daftar.cari(d.jabatan_id) + 1)

    def _tulis_pdf(self, tujuan: Path) -> Path | None:
        d = self.dokumen
        if d is None:
            return None
        jid, tahun = d.jabatan_id, d.tahun
        try:
            if d.id is not None:
                pk_id = d.id
                return self.layanan.cetak(pk_id, tujuan)
            return self.layanan.cetak_jabatan(jid, tahun, tujuan)
        except KesalahanPengguna as exc:
            self.k.galat.emit("PK tidak dapat dicetak", exc.pesan)
        except OSError as exc:
            self.k.galat.emit("PDF tidak dapat ditulis", f"{tujuan}: {exc.strerror or exc}")
        return None

    def _pdf_sementara(self) -> Path | None:
        return self._tulis_pdf(self._folder / self._nama_berkas()) if self.dokumen else None

    def cetak(self) -> None:
        """Print the PK shown on the office printer (Ctrl+P): the print dialog, then paper."""
        path = self._pdf_sementara()
        if path is not None and self.dokumen is not None:
            pratinjau_pdf.cetak_pdf(self, path, self.dokumen.label)

    def pratinjau(self) -> pratinjau_pdf.DialogPratinjauPdf | None:
        path = self._pdf_sementara()
        if path is None or self.dokumen is None:
            return None
        return pratinjau_pdf.pratinjau_pdf(self, path, self.dokumen.label)

    def simpan_pdf(self, tujuan: Path | None = None) -> Path | None:
        """Save the PK shown as a PDF (asks where unless ``tujuan`` is given)."""
        if self.dokumen is None:
            return None
        if tujuan is None:
            tujuan = pilih_berkas_pdf(self, Path.home() / self._nama_berkas())
            if tujuan is None:
                return None
        path = self._tulis_pdf(tujuan)
        if path is not None:
            self.pdf_terakhir = path
            bar = getattr(self.window(), "statusBar", None)
            if callable(bar):
                bar().showMessage(f"PDF disimpan: {path}", 10000)
        return path

    def cetak_massal(self) -> DialogCetakMassal:
        d = DialogCetakMassal(self.k, self.layanan, self)
        d.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        d.open()
        return d

    # --- window hooks -------------------------------------------------------------------------
    def cari(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def _pelaku_berubah(self) -> None:
        """Another acting user: same PK, their permissions."""
        if self.dokumen is not None:
            self._hitung_izin()
            self._isi()

    def _data_berubah(self, area: str) -> None:
        if area == "pk":
            return
        self.segarkan_bila_tampil()

    def simpan_keadaan(self, s: QSettings) -> None:
        s.setValue(f"{self.kunci}/pemisah", self.pemisah.saveState())

    def pulihkan_keadaan(self, s: QSettings) -> None:
        nilai = s.value(f"{self.kunci}/pemisah")
        if isinstance(nilai, QByteArray):
            self.pemisah.restoreState(nilai)
