"""Jejak Audit: every change — who, when, which record and field, old and new value, why.

Read-only for everyone (the trail is append-only in the database). Filters combine: user,
bidang/unit (with the units below it), kind of record, action, a text, and a date range;
the table loads a page at a time (`ModelAudit`), and "Ekspor…" writes every matching row
to Excel or CSV.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...angka import format_angka
from ...services import organisasi as org
from ...services.audit import (
    LABEL_AKSI,
    LABEL_TABEL,
    SaringAudit,
    cari_jejak,
    ekspor_csv,
    ekspor_xlsx,
    pilihan_saring,
)
from .. import dialog
from ..dialog_riwayat import tampilkan_riwayat
from ..konteks import Konteks
from ..model_audit import (
    K_AKSI,
    K_ALASAN,
    K_BARU,
    K_KOLOM,
    K_LAMA,
    K_PENGGUNA,
    K_REKAMAN,
    K_WAKTU,
    ModelAudit,
)
from .dasar import Halaman

LOKAL_ID = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
FORMAT_TANGGAL = "dd-MM-yyyy"
SARING_EKSPOR = "Excel (*.xlsx);;CSV untuk Excel (*.csv)"


def pilih_berkas_ekspor(induk: QWidget | None, usulan: str) -> Path | None:
    """Ask where to export (tests replace this function); None when cancelled."""
    nama, saring = QFileDialog.getSaveFileName(induk, "Ekspor jejak audit", usulan, SARING_EKSPOR)
    if not nama:
        return None
    path = Path(nama)
    if path.suffix.lower() not in {".xlsx", ".csv"}:
        path = path.with_suffix(".csv" if "csv" in saring.lower() else ".xlsx")
    return path


def _ke_date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def _label_tabel(tabel: str) -> str:
    return LABEL_TABEL.get(tabel, tabel.replace("_", " ").capitalize())


class HalamanAudit(Halaman):
    kunci = "audit"
    judul = "Jejak Audit"

    def __init__(self, konteks: Konteks, parent: QWidget | None = None) -> None:
        super().__init__(konteks, parent)
        self._rekaman: tuple[str, uuid.UUID] | None = None
        tata = QVBoxLayout(self)
        tata.addLayout(self._bangun_saringan())
        tata.addLayout(self._bangun_saringan_tanggal())
        self.model = ModelAudit(konteks.db)
        self.tabel = QTableView(objectName="tabelAudit")
        self.tabel.setModel(self.model)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabel.setAlternatingRowColors(True)
        self.tabel.setWordWrap(False)
        self.tabel.verticalHeader().setDefaultSectionSize(24)
        self.tabel.horizontalHeader().setStretchLastSection(True)
        for kolom, lebar in (
            (K_WAKTU, self.fontMetrics().horizontalAdvance("00-00-0000 00:00:00") + 14),
            (K_PENGGUNA, 84),
            (K_AKSI, 104),
            (K_REKAMAN, 240),
            (K_KOLOM, 106),
            (K_LAMA, 110),
            (K_BARU, 110),
            (K_ALASAN, 180),
        ):
            self.tabel.setColumnWidth(kolom, lebar)
        self.tabel.doubleClicked.connect(self._riwayat_baris)
        self.model.rowsInserted.connect(self._perbarui_jumlah)
        tata.addWidget(self.tabel, 1)
        bawah = QHBoxLayout()
        self.label_jumlah = QLabel(objectName="labelJumlahAudit")
        bawah.addWidget(self.label_jumlah)
        bawah.addStretch(1)
        bawah.addWidget(
            QLabel(
                "Jejak audit hanya dapat dibaca: tidak ada yang dapat mengubah atau menghapusnya. "
                "Klik dua kali sebuah baris untuk riwayat rekamannya."
            )
        )
        tata.addLayout(bawah)
        self._tunda_cari = QTimer(self, singleShot=True, interval=350)
        self._tunda_cari.timeout.connect(self.terapkan)
        self.k.dataBerubah.connect(self._data_berubah)

    # --- construction -----------------------------------------------------------------------
    def _bangun_saringan(self) -> QHBoxLayout:
        baris = QHBoxLayout()
        self.pilih_pengguna = QComboBox(objectName="saringPengguna")
        self.pilih_unit = QComboBox(objectName="saringUnit")
        self.pilih_tabel = QComboBox(objectName="saringTabel")
        self.pilih_aksi = QComboBox(objectName="saringAksi")
        self.pilih_unit.setMinimumContentsLength(22)
        self.pilih_unit.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        for label, w in (
            ("&Pengguna", self.pilih_pengguna),
            ("&Bidang/unit", self.pilih_unit),
            ("&Jenis rekaman", self.pilih_tabel),
            ("A&ksi", self.pilih_aksi),
        ):
            lbl = QLabel(label)
            lbl.setBuddy(w)
            baris.addWidget(lbl)
            baris.addWidget(w)
            w.currentIndexChanged.connect(self.terapkan)
        baris.addStretch(1)
        return baris

    def _bangun_saringan_tanggal(self) -> QHBoxLayout:
        baris = QHBoxLayout()
        self.isian_cari = QLineEdit(objectName="saringCari")
        self.isian_cari.setPlaceholderText("Cari kolom, nilai atau alasan…")
        self.isian_cari.setClearButtonEnabled(True)
        self.isian_cari.setMinimumWidth(240)
        self.isian_cari.textChanged.connect(lambda _t: self._tunda_cari.start())
        self.isian_cari.returnPressed.connect(self.terapkan)
        lbl = QLabel("&Cari")
        lbl.setBuddy(self.isian_cari)
        baris.addWidget(lbl)
        baris.addWidget(self.isian_cari)
        hari_ini = QDate.currentDate()
        self.pakai_dari = QCheckBox("&Dari", objectName="pakaiDari")
        self.tanggal_dari = self._isian_tanggal("tanggalDari", hari_ini.addMonths(-1))
        self.pakai_sampai = QCheckBox("&Sampai", objectName="pakaiSampai")
        self.tanggal_sampai = self._isian_tanggal("tanggalSampai", hari_ini)
        for pakai, isian in (
            (self.pakai_dari, self.tanggal_dari),
            (self.pakai_sampai, self.tanggal_sampai),
        ):
            isian.setEnabled(False)
            pakai.toggled.connect(isian.setEnabled)
            pakai.toggled.connect(lambda _b: self.terapkan())
            isian.dateChanged.connect(self._tanggal_berubah)
            baris.addWidget(pakai)
            baris.addWidget(isian)
        self.chip_rekaman = QToolButton(objectName="chipRekaman")
        self.chip_rekaman.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.chip_rekaman.setToolTip("Hanya satu rekaman; klik untuk kembali ke semua rekaman.")
        self.chip_rekaman.clicked.connect(self.hapus_saring_rekaman)
        self.chip_rekaman.hide()
        baris.addWidget(self.chip_rekaman)
        baris.addStretch(1)
        self.tombol_bersihkan = QPushButton("Bersihkan saringan", objectName="tombolBersihkan")
        self.tombol_bersihkan.clicked.connect(self.bersihkan_saringan)
        baris.addWidget(self.tombol_bersihkan)
        self.tombol_ekspor = QPushButton("Ekspor…", objectName="tombolEksporAudit")
        self.tombol_ekspor.setToolTip("Semua baris yang cocok dengan saringan ke Excel atau CSV.")
        self.tombol_ekspor.clicked.connect(self.ekspor)
        baris.addWidget(self.tombol_ekspor)
        return baris

    def _isian_tanggal(self, nama: str, awal: QDate) -> QDateEdit:
        isian = QDateEdit(awal, objectName=nama, calendarPopup=True)
        isian.setLocale(LOKAL_ID)
        isian.setDisplayFormat(FORMAT_TANGGAL)
        return isian

    # --- filter options -----------------------------------------------------------------------
    def _isi_pilihan(self) -> None:
        """Fill the filter lists from what the trail holds, keeping the current choices."""
        pengguna, tabel, aksi = pilihan_saring(self.k.db)
        with self.k.baca() as sesi:
            unit = _urut_pohon(org.daftar_unit(sesi, self.k.opd_id))
        for kotak, semua, isi in (
            (self.pilih_pengguna, "Semua pengguna", [(p, p) for p in pengguna]),
            (
                self.pilih_unit,
                "Semua bidang/unit",
                [
                    ("    " * d + (f"{u.kode} · " if u.kode else "") + u.nama, str(u.id))
                    for u, d in unit
                ],
            ),
            (self.pilih_tabel, "Semua jenis rekaman", [(_label_tabel(t), t) for t in tabel]),
            (self.pilih_aksi, "Semua aksi", [(LABEL_AKSI.get(a, a), a) for a in aksi]),
        ):
            pilihan = kotak.currentData()
            kotak.blockSignals(True)
            kotak.clear()
            kotak.addItem(semua, None)
            for teks, data in isi:
                kotak.addItem(teks, data)
            i = kotak.findData(pilihan) if pilihan is not None else 0
            kotak.setCurrentIndex(max(i, 0))
            kotak.blockSignals(False)

    # --- the filter -------------------------------------------------------------------------
    def saringan(self) -> SaringAudit:
        """What the filter bar says, as the service's filter."""
        unit = self.pilih_unit.currentData()
        dari = _ke_date(self.tanggal_dari.date()) if self.pakai_dari.isChecked() else None
        sampai = _ke_date(self.tanggal_sampai.date()) if self.pakai_sampai.isChecked() else None
        tabel = self.pilih_tabel.currentData()
        rekaman = None
        if self._rekaman is not None:
            tabel, rekaman = self._rekaman
        return SaringAudit(
            pengguna=self.pilih_pengguna.currentData(),
            unit_id=uuid.UUID(unit) if unit else None,
            tabel=tabel,
            rekaman_id=rekaman,
            aksi=self.pilih_aksi.currentData(),
            sejak=dari,
            sampai=sampai,
            cari=self.isian_cari.text().strip() or None,
        )

    def _tanggal_berubah(self) -> None:
        if self.pakai_dari.isChecked() or self.pakai_sampai.isChecked():
            self.terapkan()

    def terapkan(self) -> None:
        """Reload the table with the current filter."""
        self._tunda_cari.stop()
        saring = self.saringan()
        if saring.sejak and saring.sampai and saring.sejak > saring.sampai:
            self.label_jumlah.setText("Tanggal “dari” sesudah tanggal “sampai”: tidak ada baris.")
            self.model.tetapkan([])
            return
        self.model.muat(saring)
        self._basi = False
        self._perbarui_jumlah()

    def _perbarui_jumlah(self, *_a: object) -> None:
        total = self.model.total
        teks = f"{format_angka(total)} perubahan"
        if total > self.model.dimuat:
            teks += f" (dimuat {format_angka(self.model.dimuat)}; gulir untuk memuat berikutnya)"
        self.label_jumlah.setText(teks)

    def saring_rekaman(self, tabel: str, rekaman_id: uuid.UUID, label: str | None = None) -> None:
        """Show only one record's rows (from a record's history dialog)."""
        self._rekaman = (tabel, rekaman_id)
        teks = label or f"{_label_tabel(tabel)} {str(rekaman_id)[:8]}…"
        self.chip_rekaman.setText(f"Rekaman: {teks}  ✕")
        self.chip_rekaman.show()
        self.terapkan()

    def hapus_saring_rekaman(self) -> None:
        self._rekaman = None
        self.chip_rekaman.hide()
        self.terapkan()

    def bersihkan_saringan(self) -> None:
        for kotak in (self.pilih_pengguna, self.pilih_unit, self.pilih_tabel, self.pilih_aksi):
            kotak.blockSignals(True)
            kotak.setCurrentIndex(0)
            kotak.blockSignals(False)
        for w in (self.isian_cari, self.pakai_dari, self.pakai_sampai):
            w.blockSignals(True)
        self.isian_cari.clear()
        self.pakai_dari.setChecked(False)
        self.pakai_sampai.setChecked(False)
        self.tanggal_dari.setEnabled(False)
        self.tanggal_sampai.setEnabled(False)
        for w in (self.isian_cari, self.pakai_dari, self.pakai_sampai):
            w.blockSignals(False)
        self._rekaman = None
        self.chip_rekaman.hide()
        self.terapkan()

    # --- page commands ----------------------------------------------------------------------
    def segarkan(self) -> None:
        self._isi_pilihan()
        self.terapkan()

    def _data_berubah(self, _area: str) -> None:
        self.segarkan_bila_tampil()

    def cari(self) -> None:
        self.isian_cari.setFocus()
        self.isian_cari.selectAll()

    def cetak(self) -> None:
        self.ekspor()

    def _riwayat_baris(self, indeks: QModelIndex) -> None:
        b = self.model.baris(indeks.row())
        if b.rekaman_id is not None:
            tampilkan_riwayat(self, self.k, b.tabel, b.rekaman_id)

    def ekspor(self) -> Path | None:
        """Every row matching the filter to XLSX or CSV (the file type by its extension)."""
        saring = self.saringan()
        usulan = f"jejak-audit-{date.today():%Y%m%d}.xlsx"
        tujuan = pilih_berkas_ekspor(self, usulan)
        if tujuan is None:
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            baris = cari_jejak(self.k.db, saring, batas=None)
            if tujuan.suffix.lower() == ".csv":
                ekspor_csv(baris, tujuan)
            else:
                ekspor_xlsx(baris, tujuan)
        except OSError as exc:
            self.k.galat.emit(
                "Ekspor gagal", f"Berkas {tujuan.name} tidak dapat ditulis: {exc.strerror or exc}."
            )
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        pesan = f"Jejak audit diekspor ke {tujuan} ({format_angka(len(baris))} baris)."
        jendela = self.window()
        if isinstance(jendela, QMainWindow):
            jendela.statusBar().showMessage(pesan, 10000)
        else:
            dialog.kabari(self, "Ekspor jejak audit", pesan, galat=False)
        return tujuan


def _urut_pohon(unit: list[org.InfoUnit]) -> list[tuple[org.InfoUnit, int]]:
    """Units in tree order (each followed by the units below it) with their depth."""
    anak: dict[uuid.UUID | None, list[org.InfoUnit]] = {}
    ada = {u.id for u in unit}
    for u in unit:
        anak.setdefault(u.parent_id if u.parent_id in ada else None, []).append(u)
    hasil: list[tuple[org.InfoUnit, int]] = []

    def kunjungi(pid: uuid.UUID | None, d: int) -> None:
        for u in anak.get(pid, []):
            hasil.append((u, d))
            kunjungi(u.id, d + 1)

    kunjungi(None, 0)
    return hasil
