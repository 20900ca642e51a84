"""Pengaturan: user accounts, capaian bands and PK options, backups, the database, the idle lock.

Every change goes through the services, which check the acting user's role; the page only
mirrors them (a tab a role may not use says why, fields turn read-only). The backup settings
live in ``cadangan.json`` in the data folder (storage/cadangan.py), not in the database.
A restore replaces the open SQLite file: the engine's connections are closed first and again
after, then every page reloads (``dataBerubah("*")``).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ...angka import AngkaTidakSah, format_angka, format_tanggal, parse_angka
from ...errors import KesalahanPengguna
from ...kalkulasi import BAND_BAWAAN
from ...kalkulasi import BandCapaian as Band
from ...model import Opd
from ...services import organisasi as org
from ...services import pengaturan as atur
from ...services import pengguna as layanan_pengguna
from ...services.konteks import pilih_opd
from ...services.otorisasi import LABEL_PERAN, hak_akses, wajib_pulihkan_cadangan
from ...services.pelaku import Pelaku
from ...services.pengguna import InfoPengguna
from ...storage.cadangan import (
    InfoCadangan,
    PemeriksaanBerkas,
    PengaturanCadangan,
    baca_pengaturan_cadangan,
    buat_cadangan,
    daftar_cadangan,
    info_cadangan,
    periksa_berkas,
    pulihkan,
    simpan_pengaturan_cadangan,
)
from .. import dialog
from ..dialog_pengguna import (
    MODE_PERTAMA,
    MODE_TAMBAH,
    MODE_UBAH,
    DialogPengguna,
    IsianPengguna,
    tampilkan_sandi,
)
from ..konteks import GAGAL, Konteks
from .dasar import Halaman

LABEL_PERISTIWA = {
    "buka": "otomatis (saat dibuka)",
    "tutup": "otomatis (saat ditutup)",
    "manual": "manual",
    "sebelum-pulih": "sebelum pemulihan",
    "rusak": "berkas rusak",
}
LABEL_TABEL = {
    "opd": "OPD",
    "indikator": "indikator",
    "target": "target",
    "realisasi": "realisasi",
    "pengguna": "pengguna",
}
PERAN_PATH = Qt.ItemDataRole.UserRole


def _sel(teks: str, *, kanan: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(teks)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if kanan:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _keterangan(teks: str) -> QLabel:
    label = QLabel(teks)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(mid)")
    return label


def teks_waktu(c: InfoCadangan) -> str:
    return f"{format_tanggal(c.waktu.date())} {c.waktu:%H.%M.%S}"


def teks_ukuran(ukuran: int) -> str:
    """A file size in Indonesian format: KB below 10 MB, else MB with one decimal."""
    if ukuran < 10 * 1024 * 1024:
        return f"{format_angka(max(1, round(ukuran / 1024)))} KB"
    return f"{format_angka(Decimal(ukuran) / (1024 * 1024), 1)} MB"


def _warna_teks(warna: str) -> str:
    """Black or white, whichever reads better on ``warna``."""
    c = QColor(warna)
    terang = 0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue()
    return "#000000" if terang > 150 else "#ffffff"


def teks_pratinjau_band(band: list[Band]) -> str:
    """The bands as coloured chips with their ranges (rich text), highest first."""
    urut = sorted(band, key=lambda b: b.batas_bawah, reverse=True)
    baris = []
    for i, b in enumerate(urut):
        if i == 0:
            rentang = f"capaian ≥ {format_angka(b.batas_bawah)}%"
        elif i == len(urut) - 1:
            rentang = f"capaian &lt; {format_angka(urut[i - 1].batas_bawah)}%"
        else:
            rentang = (
                f"{format_angka(b.batas_bawah)}% ≤ capaian &lt; "
                f"{format_angka(urut[i - 1].batas_bawah)}%"
            )
        warna = b.warna if QColor.isValidColorName(b.warna) else "#ffffff"
        baris.append(
            f"<tr><td bgcolor='{warna}' style='color:{_warna_teks(warna)}; padding:4px 10px'>"
            f"<b>{escape(b.label)}</b></td><td style='padding:4px 10px'>{rentang}</td></tr>"
        )
    return "<table cellspacing='3'>" + "".join(baris) + "</table>"


# --- Pengguna ---------------------------------------------------------------------------------


class TabPengguna(QWidget):
    """The accounts (Administrator only). Services: services/pengguna.py."""

    KOLOM = ("Nama pengguna", "Nama", "Peran", "Jabatan", "Aktif", "Keterangan")

    def __init__(self, konteks: Konteks, induk: QWidget | None = None) -> None:
        super().__init__(induk)
        self.k = konteks
        tata = QVBoxLayout(self)
        self.label_larangan = QLabel("", objectName="labelLaranganPengguna")
        self.label_larangan.setWordWrap(True)
        self.label_larangan.setTextFormat(Qt.TextFormat.RichText)
        self.tombol_pertama = QPushButton(
            "Buat Administrator pertama…", objectName="tombolAdminPertama"
        )
        self.tombol_pertama.clicked.connect(self._admin_pertama)
        self.kotak_larangan = QWidget(objectName="kotakLaranganPengguna")
        tl = QVBoxLayout(self.kotak_larangan)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.label_larangan)
        tl.addWidget(self.tombol_pertama, alignment=Qt.AlignmentFlag.AlignLeft)
        tl.addStretch(1)
        tata.addWidget(self.kotak_larangan, 1)

        self.isi = QWidget(objectName="isiPengguna")
        ti = QVBoxLayout(self.isi)
        ti.setContentsMargins(0, 0, 0, 0)
        baris = QHBoxLayout()
        self.tombol_tambah = QPushButton("Tambah pengguna…", objectName="tombolTambahPengguna")
        self.tombol_ubah = QPushButton("Ubah…", objectName="tombolUbahPengguna")
        self.tombol_reset = QPushButton("Reset sandi…", objectName="tombolResetSandi")
        self.tombol_tambah.clicked.connect(self._tambah)
        self.tombol_ubah.clicked.connect(self._ubah)
        self.tombol_reset.clicked.connect(self._reset)
        for b in (self.tombol_tambah, self.tombol_ubah, self.tombol_reset):
            baris.addWidget(b)
        baris.addStretch(1)
        ti.addLayout(baris)
        self.tabel = QTableWidget(0, len(self.KOLOM), objectName="tabelPengguna")
        self.tabel.setHorizontalHeaderLabels(list(self.KOLOM))
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tabel.verticalHeader().setVisible(False)
        self.tabel.setAlternatingRowColors(True)
        kepala = self.tabel.horizontalHeader()
        kepala.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        kepala.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.tabel.itemSelectionChanged.connect(self._atur_tombol)
        self.tabel.doubleClicked.connect(lambda _i: self._ubah())
        ti.addWidget(self.tabel, 1)
        ti.addWidget(
            _keterangan(
                "Sandi disimpan sebagai hash argon2; sandi sementara hanya ditampilkan sekali dan "
                "harus diganti pengguna saat masuk. Administrator aktif terakhir tidak dapat "
                "dinonaktifkan atau diturunkan perannya."
            )
        )
        tata.addWidget(self.isi, 1)
        self._akun: list[InfoPengguna] = []
        self.dialog_aktif: DialogPengguna | None = None
        self.pesan_sandi: QMessageBox | None = None

    @property
    def boleh(self) -> bool:
        return hak_akses(self.k.pelaku).kelola_pengguna

    def segarkan(self) -> None:
        boleh = self.boleh
        ada = boleh or layanan_pengguna.ada_pengguna(self.k.db)
        pelaku = self.k.pelaku
        self.tombol_pertama.setVisible(not ada)
        if not ada:
            self.label_larangan.setText(
                "<b>Basis data ini belum memiliki akun pengguna</b> (mode satu pengguna: siapa "
                "pun yang membuka program bekerja sebagai Perencana). Buat akun Administrator "
                "pertama untuk memakai akun dan peran; setelah itu program meminta nama pengguna "
                "dan sandi setiap kali dibuka."
            )
        elif not boleh:
            self.label_larangan.setText(
                "<b>Hanya Administrator yang dapat mengelola akun pengguna.</b> Anda bekerja "
                f"sebagai {escape(pelaku.label)} ({LABEL_PERAN[pelaku.peran]}). Untuk menambah "
                "akun, mengubah peran atau mengatur ulang sandi, hubungi Administrator."
            )
        self.kotak_larangan.setVisible(not boleh)
        self.isi.setEnabled(boleh)
        self.isi.setVisible(boleh)
        if not boleh:
            self._akun = []
            self.tabel.setRowCount(0)
            return
        pilihan = self.terpilih()
        try:
            self._akun = layanan_pengguna.daftar_pengguna(self.k.db, pelaku)
        except KesalahanPengguna as exc:
            self.k.galat.emit("Pengguna", exc.pesan)
            self._akun = []
        self.tabel.setRowCount(len(self._akun))
        for i, a in enumerate(self._akun):
            ket = []
            if a.harus_ganti_sandi:
                ket.append("harus ganti sandi")
            if a.gagal_berturut:
                ket.append(f"gagal masuk {format_angka(a.gagal_berturut)}×")
            for k, teks in enumerate(
                (
                    a.username,
                    a.nama or "",
                    a.label_peran,
                    a.jabatan or "—",
                    "Ya" if a.aktif else "Tidak",
                    "; ".join(ket),
                )
            ):
                item = _sel(teks)
                if not a.aktif:
                    item.setForeground(Qt.GlobalColor.gray)
                self.tabel.setItem(i, k, item)
        if pilihan is not None:
            self.pilih(pilihan.username)
        self._atur_tombol()

    def terpilih(self) -> InfoPengguna | None:
        baris = self.tabel.currentRow()
        if not self.tabel.selectedItems() or not 0 <= baris < len(self._akun):
            return None
        return self._akun[baris]

    def pilih(self, username: str) -> None:
        for i, a in enumerate(self._akun):
            if a.username == username:
                self.tabel.selectRow(i)
                return

    def _atur_tombol(self) -> None:
        ada = self.terpilih() is not None
        self.tombol_ubah.setEnabled(ada)
        self.tombol_reset.setEnabled(ada)

    def _daftar_jabatan(self) -> list[tuple[uuid.UUID, str]]:
        with self.k.baca() as sesi:
            jabatan = org.daftar_jabatan_rinci(sesi, self.k.opd_id, date.today())
        return [(j.id, f"{j.nama} — {j.pemangku}" if j.pemangku else j.nama) for j in jabatan]

    def _buka(self, mode: str, simpan: Callable[[IsianPengguna], object], akun: Any = None) -> None:
        self.dialog_aktif = DialogPengguna(mode, self._daftar_jabatan(), simpan, akun, self)
        self.dialog_aktif.open()

    def _tambah(self) -> None:
        self._buka(MODE_TAMBAH, self._simpan_baru)

    def _simpan_baru(self, isian: IsianPengguna) -> None:
        info, sementara = layanan_pengguna.tambah_pengguna(
            self.k.db,
            self.k.pelaku,
            isian.username,
            isian.peran,
            sandi=isian.sandi,
            jabatan=isian.jabatan_id,
            nama=isian.nama or None,
        )
        self.k.dataBerubah.emit("pengguna")
        self.pilih(info.username)
        if sementara is not None:
            self.pesan_sandi = tampilkan_sandi(self, info.username, sementara)

    def _ubah(self) -> None:
        akun = self.terpilih()
        if akun is None:
            return

        def simpan(isian: IsianPengguna) -> None:
            layanan_pengguna.ubah_pengguna(
                self.k.db,
                self.k.pelaku,
                akun.username,
                peran=isian.peran,
                jabatan=isian.jabatan_id,
                nama=isian.nama or None,
                aktif=isian.aktif,
            )
            self.k.dataBerubah.emit("pengguna")

        self._buka(MODE_UBAH, simpan, akun)

    def _reset(self) -> None:
        akun = self.terpilih()
        if akun is None:
            return
        if not dialog.tanya(
            self,
            "Reset sandi",
            f"Buat sandi sementara baru untuk {akun.username}? Sandinya yang sekarang tidak "
            "berlaku lagi; pengguna harus mengganti sandi sementara saat masuk.",
            tombol_ya="Reset sandi",
        ):
            return
        try:
            sementara = layanan_pengguna.reset_sandi(self.k.db, self.k.pelaku, akun.username)
        except KesalahanPengguna as exc:
            self.k.galat.emit("Sandi tidak dapat diatur ulang", exc.pesan)
            return
        self.k.dataBerubah.emit("pengguna")
        if sementara is not None:
            self.pesan_sandi = tampilkan_sandi(self, akun.username, sementara)

    def _admin_pertama(self) -> None:
        def simpan(isian: IsianPengguna) -> None:
            assert isian.sandi is not None
            layanan_pengguna.buat_administrator_pertama(
                self.k.db, isian.username, isian.sandi, nama=isian.nama or None
            )
            self.k.dataBerubah.emit("pengguna")
            dialog.kabari(
                self,
                "Administrator dibuat",
                f"Akun {isian.username} dibuat. Mulai ulang program untuk masuk dengan akun "
                "ini; sejak itu setiap pengguna masuk dengan akunnya sendiri.",
                galat=False,
            )

        self._buka(MODE_PERTAMA, simpan)


# --- Capaian & PK -----------------------------------------------------------------------------


def _simpan_capaian(
    sesi: Session,
    pelaku: Pelaku,
    band: list[Band],
    nilai: dict[str, Any],
    opd_id: uuid.UUID,
) -> None:
    atur.simpan_band(sesi, pelaku, band, opd_id)
    for kunci, v in nilai.items():
        atur.simpan(sesi, pelaku, kunci, v, opd_id)


class TabCapaian(QWidget):
    """The capaian bands and the PK print options of the agency (services/pengaturan.py)."""

    def __init__(self, konteks: Konteks, induk: QWidget | None = None) -> None:
        super().__init__(induk)
        self.k = konteks
        self.kotor = False
        self._memuat = False
        tata = QVBoxLayout(self)
        self.label_hak = QLabel("", objectName="labelHakCapaian")
        self.label_hak.setWordWrap(True)
        tata.addWidget(self.label_hak)
        isi = QHBoxLayout()
        kotak_band = QGroupBox("Pita capaian")
        tb = QVBoxLayout(kotak_band)
        self.tabel_band = QTableWidget(0, 3, objectName="tabelBand")
        self.tabel_band.setHorizontalHeaderLabels(["Mulai dari (%)", "Label", "Warna"])
        self.tabel_band.verticalHeader().setVisible(False)
        self.tabel_band.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tabel_band.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel_band.itemChanged.connect(self._band_berubah)
        tb.addWidget(self.tabel_band, 1)
        baris = QHBoxLayout()
        self.tombol_tambah_band = QPushButton("Tambah pita", objectName="tombolTambahBand")
        self.tombol_hapus_band = QPushButton("Hapus pita", objectName="tombolHapusBand")
        self.tombol_warna = QPushButton("Pilih warna…", objectName="tombolWarnaBand")
        self.tombol_tambah_band.clicked.connect(self._tambah_band)
        self.tombol_hapus_band.clicked.connect(self._hapus_band)
        self.tombol_warna.clicked.connect(self._pilih_warna)
        for b in (self.tombol_tambah_band, self.tombol_hapus_band, self.tombol_warna):
            baris.addWidget(b)
        baris.addStretch(1)
        tb.addLayout(baris)
        tb.addWidget(QLabel("Pratinjau:"))
        self.pratinjau = QLabel("", objectName="pratinjauBand")
        self.pratinjau.setTextFormat(Qt.TextFormat.RichText)
        tb.addWidget(self.pratinjau)
        tb.addWidget(
            _keterangan(
                "Setiap capaian masuk pita dengan batas bawah tertinggi yang dilampauinya; pita "
                "terendah mulai dari 0 dan juga menampung capaian negatif."
            )
        )
        isi.addWidget(kotak_band, 3)

        kotak_pk = QGroupBox("Cetak Perjanjian Kinerja")
        fp = QFormLayout(kotak_pk)
        self.kertas = QComboBox(objectName="pilihKertasPk")
        self.kertas.addItem("A4 (210 × 297 mm)", "A4")
        self.kertas.addItem("F4 / Folio (215 × 330 mm)", "F4")
        self.kolom_satuan = QCheckBox(atur.LABEL["kolom_satuan_pk"], objectName="pilihSatuanPk")
        self.logo = QLineEdit(objectName="isianLogoKop")
        self.logo.setReadOnly(True)
        self.logo.setPlaceholderText("logo bawaan (netral)")
        baris_logo = QHBoxLayout()
        self.tombol_logo = QPushButton("Pilih logo…", objectName="tombolPilihLogo")
        self.tombol_tanpa_logo = QPushButton("Logo bawaan", objectName="tombolLogoBawaan")
        self.tombol_logo.clicked.connect(self._pilih_logo)
        self.tombol_tanpa_logo.clicked.connect(lambda: self._atur_logo(None))
        baris_logo.addWidget(self.tombol_logo)
        baris_logo.addWidget(self.tombol_tanpa_logo)
        self.gambar_logo = QLabel(objectName="gambarLogoKop")
        self.gambar_logo.setFixedHeight(72)
        fp.addRow("Ukuran kertas:", self.kertas)
        fp.addRow("", self.kolom_satuan)
        fp.addRow("Logo kop surat:", self.logo)
        fp.addRow("", baris_logo)
        fp.addRow("", self.gambar_logo)
        self.kertas.currentIndexChanged.connect(lambda _i: self._ubah())
        self.kolom_satuan.toggled.connect(lambda _b: self._ubah())
        isi.addWidget(kotak_pk, 2, alignment=Qt.AlignmentFlag.AlignTop)
        tata.addLayout(isi, 1)

        aksi = QHBoxLayout()
        aksi.addStretch(1)
        self.tombol_bawaan = QPushButton("Kembalikan bawaan", objectName="tombolBawaanCapaian")
        self.tombol_simpan = QPushButton("Simpan", objectName="tombolSimpanCapaian")
        self.tombol_bawaan.clicked.connect(self.kembalikan_bawaan)
        self.tombol_simpan.clicked.connect(self.simpan)
        aksi.addWidget(self.tombol_bawaan)
        aksi.addWidget(self.tombol_simpan)
        tata.addLayout(aksi)

    @property
    def boleh(self) -> bool:
        return self.k.pelaku.peran in atur.PENGELOLA

    # --- loading -----------------------------------------------------------------------------
    def segarkan(self) -> None:
        with self.k.baca() as sesi:
            band = atur.band_capaian(sesi, self.k.opd_id)
            kertas = atur.baca(sesi, "kertas_pk", self.k.opd_id)
            satuan = atur.baca(sesi, "kolom_satuan_pk", self.k.opd_id)
            logo = atur.baca(sesi, "logo_kop", self.k.opd_id)
        self._isi(band, str(kertas or "A4"), bool(satuan), logo)
        self.kotor = False
        boleh = self.boleh
        pelaku = self.k.pelaku
        self.label_hak.setText(
            ""
            if boleh
            else f"Hanya baca: {pelaku.label} ({LABEL_PERAN[pelaku.peran]}) tidak berwenang "
            "mengubah pengaturan; yang dapat mengubahnya Administrator dan Perencana."
        )
        self.label_hak.setVisible(not boleh)
        self.tabel_band.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            if boleh
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        for w in (
            self.tombol_tambah_band,
            self.tombol_hapus_band,
            self.tombol_warna,
            self.kertas,
            self.kolom_satuan,
            self.tombol_logo,
            self.tombol_tanpa_logo,
            self.tombol_bawaan,
            self.tombol_simpan,
        ):
            w.setEnabled(boleh)

    def _isi(self, band: list[Band], kertas: str, satuan: bool, logo: str | None) -> None:
        self._memuat = True
        try:
            urut = sorted(band, key=lambda b: b.batas_bawah, reverse=True)
            self.tabel_band.setRowCount(0)
            for b in urut:
                self._baris_band(format_angka(b.batas_bawah), b.label, b.warna)
            self.kertas.setCurrentIndex(max(self.kertas.findData(kertas.upper()), 0))
            self.kolom_satuan.setChecked(satuan)
            self._atur_logo(logo)
        finally:
            self._memuat = False
        self._perbarui_pratinjau()

    def _baris_band(self, batas: str, label: str, warna: str) -> None:
        i = self.tabel_band.rowCount()
        self.tabel_band.insertRow(i)
        self.tabel_band.setItem(i, 0, QTableWidgetItem(batas))
        self.tabel_band.setItem(i, 1, QTableWidgetItem(label))
        self.tabel_band.setItem(i, 2, QTableWidgetItem(warna))
        self._warnai(i)

    def _warnai(self, baris: int) -> None:
        item = self.tabel_band.item(baris, 2)
        if item is None:
            return
        teks = item.text().strip()
        self.tabel_band.blockSignals(True)
        if QColor.isValidColorName(teks):
            item.setBackground(QColor(teks))
            item.setForeground(QColor(_warna_teks(teks)))
        else:
            item.setBackground(QColor("#ffffff"))
            item.setForeground(QColor("#b00020"))
        self.tabel_band.blockSignals(False)

    def _band_berubah(self, item: QTableWidgetItem) -> None:
        if item.column() == 2:
            self._warnai(item.row())
        self._ubah()

    def _ubah(self) -> None:
        if self._memuat:
            return
        self.kotor = True
        self._perbarui_pratinjau()

    def _perbarui_pratinjau(self) -> None:
        try:
            band = self.band()
        except KesalahanPengguna as exc:
            self.pratinjau.setText(f"<span style='color:#b00020'>{escape(exc.pesan)}</span>")
            return
        self.pratinjau.setText(teks_pratinjau_band(band))

    def band(self) -> list[Band]:
        """The bands as typed; `KesalahanPengguna` for a number that is not one."""
        hasil = []
        for i in range(self.tabel_band.rowCount()):
            teks = [
                (self.tabel_band.item(i, k).text() if self.tabel_band.item(i, k) else "").strip()
                for k in range(3)
            ]
            try:
                batas = parse_angka(teks[0].rstrip("%"), nama_field=f"Pita baris {i + 1}")
            except AngkaTidakSah as exc:
                raise KesalahanPengguna(exc.pesan) from exc
            hasil.append(Band(batas, teks[1], teks[2]))
        return hasil

    # --- editing -----------------------------------------------------------------------------
    def _tambah_band(self) -> None:
        self._baris_band("0", "", "#888888")
        self.tabel_band.setCurrentCell(self.tabel_band.rowCount() - 1, 1)
        self._ubah()

    def _hapus_band(self) -> None:
        baris = self.tabel_band.currentRow()
        if baris >= 0:
            self.tabel_band.removeRow(baris)
            self._ubah()

    def _pilih_warna(self) -> None:
        baris = self.tabel_band.currentRow()
        item = self.tabel_band.item(baris, 2) if baris >= 0 else None
        if item is None:
            return
        warna = QColorDialog.getColor(QColor(item.text()), self, "Warna pita")
        if warna.isValid():
            item.setText(warna.name())

    def _pilih_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Logo kop surat", self.logo.text(), "Gambar (*.png *.jpg *.jpeg)"
        )
        if path:
            self._atur_logo(path)

    def _atur_logo(self, path: str | None) -> None:
        self.logo.setText(path or "")
        gambar = QPixmap(path) if path else QPixmap()
        if gambar.isNull():
            self.gambar_logo.setText(
                "" if not path else "Berkas gambar tidak dapat dibaca; PK memakai logo bawaan."
            )
            self.gambar_logo.setPixmap(QPixmap())
        else:
            self.gambar_logo.setPixmap(
                gambar.scaledToHeight(64, Qt.TransformationMode.SmoothTransformation)
            )
        self._ubah()

    def kembalikan_bawaan(self) -> None:
        """Fill the form with the program's defaults (saved with "Simpan")."""
        self._isi(
            list(BAND_BAWAAN),
            str(atur.BAWAAN["kertas_pk"]),
            bool(atur.BAWAAN["kolom_satuan_pk"]),
            atur.BAWAAN["logo_kop"],
        )
        self.kotor = True

    def simpan(self) -> bool:
        try:
            band = self.band()
        except KesalahanPengguna as exc:
            self.k.galat.emit("Pengaturan tidak dapat disimpan", exc.pesan)
            return False
        nilai = {
            "kertas_pk": self.kertas.currentData(),
            "kolom_satuan_pk": self.kolom_satuan.isChecked(),
            "logo_kop": self.logo.text() or None,
        }
        hasil = self.k.tulis(
            _simpan_capaian,
            band,
            nilai,
            self.k.opd_id,
            alasan="Ubah pita capaian dan pengaturan PK",
            area="pengaturan",
            judul_galat="Pengaturan tidak dapat disimpan",
        )
        if hasil is GAGAL:
            return False
        self.segarkan()
        return True


# --- Cadangan ---------------------------------------------------------------------------------


class TabCadangan(QWidget):
    """Backups of the SQLite file: where, how many, now, and restoring one (storage/cadangan.py)."""

    KOLOM = ("Waktu", "Ukuran", "Jenis", "Berkas")

    def __init__(self, konteks: Konteks, induk: QWidget | None = None) -> None:
        super().__init__(induk)
        self.k = konteks
        tata = QVBoxLayout(self)
        self.label_server = QLabel("", objectName="labelCadanganServer")
        self.label_server.setWordWrap(True)
        self.label_server.setTextFormat(Qt.TextFormat.RichText)
        tata.addWidget(self.label_server)

        self.kotak_atur = QGroupBox("Tempat cadangan")
        fa = QFormLayout(self.kotak_atur)
        fa.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        fa.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.folder = QLineEdit(objectName="isianFolderCadangan")
        self.folder.setReadOnly(True)
        baris_folder = QHBoxLayout()
        baris_folder.addWidget(self.folder, 1)
        self.tombol_folder = QPushButton("Pilih folder…", objectName="tombolPilihFolderCadangan")
        self.tombol_folder_bawaan = QPushButton("Bawaan", objectName="tombolFolderBawaan")
        self.tombol_folder.clicked.connect(self._pilih_folder)
        self.tombol_folder_bawaan.clicked.connect(lambda: self._atur_folder(None))
        baris_folder.addWidget(self.tombol_folder)
        baris_folder.addWidget(self.tombol_folder_bawaan)
        self.simpan_n = QSpinBox(objectName="isianJumlahCadangan")
        self.simpan_n.setRange(1, 1000)
        self.simpan_n.setSuffix(" cadangan")
        self.tombol_simpan = QPushButton(
            "Simpan pengaturan cadangan", objectName="tombolSimpanCadangan"
        )
        self.tombol_simpan.clicked.connect(self.simpan_pengaturan)
        isian_folder = QWidget()
        tf = QVBoxLayout(isian_folder)
        tf.setContentsMargins(0, 0, 0, 0)
        tf.addLayout(baris_folder)
        keterangan = _keterangan(
            "Sebaiknya di luar PC ini: drive USB atau folder jaringan. Cadangan otomatis dibuat "
            "saat basis data dibuka dan ditutup; cadangan manual dan salinan pengaman tidak "
            "pernah dihapus otomatis."
        )
        tf.addWidget(keterangan)
        fa.addRow("Folder:", isian_folder)
        baris_n = QHBoxLayout()
        self.simpan_n.setMinimumWidth(140)
        baris_n.addWidget(self.simpan_n)
        baris_n.addStretch(1)
        baris_n.addWidget(self.tombol_simpan)
        fa.addRow("Cadangan otomatis disimpan:", baris_n)
        tata.addWidget(self.kotak_atur)

        aksi = QHBoxLayout()
        self.tombol_cadangkan = QPushButton("Cadangkan sekarang", objectName="tombolCadangkan")
        self.tombol_pulihkan = QPushButton("Pulihkan…", objectName="tombolPulihkan")
        self.tombol_pulihkan_lain = QPushButton(
            "Pulihkan dari berkas lain…", objectName="tombolPulihkanBerkas"
        )
        self.tombol_buka_folder = QPushButton("Buka folder", objectName="tombolBukaFolder")
        self.tombol_cadangkan.clicked.connect(self.cadangkan)
        self.tombol_pulihkan.clicked.connect(self._pulihkan_terpilih)
        self.tombol_pulihkan_lain.clicked.connect(self._pulihkan_berkas)
        self.tombol_buka_folder.clicked.connect(self._buka_folder)
        for b in (
            self.tombol_cadangkan,
            self.tombol_pulihkan,
            self.tombol_pulihkan_lain,
            self.tombol_buka_folder,
        ):
            aksi.addWidget(b)
        aksi.addStretch(1)
        tata.addLayout(aksi)
        self.label_hasil = QLabel("", objectName="labelHasilCadangan")
        self.label_hasil.setWordWrap(True)
        self.label_hasil.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tata.addWidget(self.label_hasil)

        bawah = QHBoxLayout()
        self.tabel = QTableWidget(0, len(self.KOLOM), objectName="tabelCadangan")
        self.tabel.setHorizontalHeaderLabels(list(self.KOLOM))
        self.tabel.verticalHeader().setVisible(False)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tabel.setAlternatingRowColors(True)
        kepala = self.tabel.horizontalHeader()
        kepala.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        kepala.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.tabel.itemSelectionChanged.connect(self._pratinjau_terpilih)
        bawah.addWidget(self.tabel, 3)
        kotak_pratinjau = QGroupBox("Pratinjau cadangan terpilih")
        tp = QVBoxLayout(kotak_pratinjau)
        self.pratinjau = QLabel("Pilih cadangan di daftar.", objectName="pratinjauCadangan")
        self.pratinjau.setWordWrap(True)
        self.pratinjau.setTextFormat(Qt.TextFormat.RichText)
        self.pratinjau.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        tp.addWidget(self.pratinjau, 1)
        bawah.addWidget(kotak_pratinjau, 2)
        tata.addLayout(bawah, 1)
        self._daftar: list[InfoCadangan] = []
        self._folder_pilihan: Path | None = None
        self.hasil_pulih: Any = None

    # --- state -------------------------------------------------------------------------------
    @property
    def path_db(self) -> Path | None:
        return self.k.db.path

    def pengaturan(self) -> PengaturanCadangan:
        return baca_pengaturan_cadangan(self.k.folder_data)

    def folder_cadangan(self) -> Path | None:
        if self.path_db is None:
            return None
        return self.pengaturan().folder_untuk(self.path_db)

    def segarkan(self) -> None:
        sqlite = self.path_db is not None
        hak = hak_akses(self.k.pelaku)
        if not sqlite:
            self.label_server.setText(
                "<b>Basis data ini ada di server PostgreSQL.</b> Cadangan dan pemulihannya "
                "tugas pengelola server (<code>pg_dump</code> / <code>pg_restore</code>, "
                "terjadwal di server). Salinan SQLite untuk disimpan dapat dibuat dengan "
                "“Salin basis data…” di tab Basis data atau <code>sakip backup --out "
                "BERKAS</code>."
            )
        elif not hak.pulihkan_cadangan:
            pelaku = self.k.pelaku
            self.label_server.setText(
                "Semua pengguna dapat membuat cadangan. Mengubah tempat cadangan dan memulihkan "
                f"hanya untuk Administrator; Anda bekerja sebagai {pelaku.label} "
                f"({LABEL_PERAN[pelaku.peran]})."
            )
        self.label_server.setVisible(not sqlite or not hak.pulihkan_cadangan)
        pengaturan = self.pengaturan()
        self._folder_pilihan = pengaturan.folder
        self.simpan_n.setValue(pengaturan.simpan)
        folder = self.folder_cadangan()
        self.folder.setText(str(folder) if folder else "")
        for w in (self.folder, self.tombol_folder, self.tombol_folder_bawaan, self.simpan_n):
            w.setEnabled(sqlite and hak.ubah_pengaturan)
        self.tombol_simpan.setEnabled(sqlite and hak.ubah_pengaturan)
        self.kotak_atur.setEnabled(sqlite)
        self.tombol_cadangkan.setEnabled(sqlite)
        self.tombol_buka_folder.setEnabled(sqlite)
        self.tombol_pulihkan_lain.setEnabled(sqlite and hak.pulihkan_cadangan)
        self.tabel.setEnabled(sqlite)
        self._muat_daftar()

    def _muat_daftar(self) -> None:
        folder = self.folder_cadangan()
        pilihan = self.terpilih()
        self._daftar = daftar_cadangan(folder, self.path_db.stem) if folder and self.path_db else []
        self.tabel.setRowCount(len(self._daftar))
        for i, c in enumerate(self._daftar):
            for k, teks in enumerate(
                (
                    teks_waktu(c),
                    teks_ukuran(c.ukuran),
                    LABEL_PERISTIWA.get(c.peristiwa or "", "lain"),
                    c.path.name,
                )
            ):
                item = _sel(teks, kanan=k == 1)
                item.setData(PERAN_PATH, str(c.path))
                self.tabel.setItem(i, k, item)
        if pilihan is not None:
            for i, c in enumerate(self._daftar):
                if c.path == pilihan.path:
                    self.tabel.selectRow(i)
        self._pratinjau_terpilih()

    def terpilih(self) -> InfoCadangan | None:
        baris = self.tabel.currentRow()
        if not self.tabel.selectedItems() or not 0 <= baris < len(self._daftar):
            return None
        return self._daftar[baris]

    def _pratinjau_terpilih(self) -> None:
        c = self.terpilih()
        boleh = self.path_db is not None and hak_akses(self.k.pelaku).pulihkan_cadangan
        self.tombol_pulihkan.setEnabled(c is not None and boleh)
        if c is None:
            self.pratinjau.setText("Pilih cadangan di daftar untuk melihat isinya.")
            return
        self.pratinjau.setText(teks_pratinjau(c, periksa_berkas(c.path)))

    # --- settings ----------------------------------------------------------------------------
    def _pilih_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Folder cadangan", self.folder.text())
        if folder:
            self._atur_folder(Path(folder))

    def _atur_folder(self, folder: Path | None) -> None:
        self._folder_pilihan = folder
        if self.path_db is not None:
            tampil = PengaturanCadangan(folder, self.simpan_n.value()).folder_untuk(self.path_db)
            self.folder.setText(str(tampil))

    def simpan_pengaturan(self) -> bool:
        baru = PengaturanCadangan(self._folder_pilihan, self.simpan_n.value())
        try:
            from ...services.otorisasi import wajib_ubah_pengaturan

            wajib_ubah_pengaturan(self.k.pelaku)
            simpan_pengaturan_cadangan(self.k.folder_data, baru)
        except KesalahanPengguna as exc:
            self.k.galat.emit("Pengaturan cadangan tidak dapat disimpan", exc.pesan)
            return False
        self.label_hasil.setText(
            f"Pengaturan cadangan disimpan: {self.folder.text()}, {baru.simpan} cadangan "
            "otomatis terakhir disimpan."
        )
        self.segarkan()
        return True

    def _buka_folder(self) -> None:
        folder = self.folder_cadangan()
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # --- backup and restore ------------------------------------------------------------------
    def cadangkan(self) -> Path | None:
        folder = self.folder_cadangan()
        if folder is None:
            return None
        try:
            hasil = buat_cadangan(self.k.db, folder, "manual")
        except KesalahanPengguna as exc:
            self.k.galat.emit("Cadangan tidak dapat dibuat", exc.pesan)
            return None
        c = info_cadangan(hasil)
        self.label_hasil.setText(f"Cadangan dibuat: {hasil} ({teks_ukuran(c.ukuran)}).")
        self._muat_daftar()
        for i, x in enumerate(self._daftar):
            if x.path == hasil:
                self.tabel.selectRow(i)
        return hasil

    def _pulihkan_terpilih(self) -> None:
        c = self.terpilih()
        if c is not None:
            self.pulihkan(c.path)

    def _pulihkan_berkas(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Pulihkan dari berkas cadangan",
            self.folder.text(),
            "Basis data SAKIP (*.sqlite3 *.db);;Semua berkas (*)",
        )
        if path:
            self.pulihkan(Path(path))

    def pulihkan(self, cadangan: Path) -> bool:
        """Check, preview, confirm, then replace the open database with ``cadangan``."""
        path_db = self.path_db
        if path_db is None:
            return False
        judul = "Cadangan tidak dapat dipulihkan"
        try:
            wajib_pulihkan_cadangan(self.k.pelaku)
        except KesalahanPengguna as exc:
            self.k.galat.emit(judul, exc.pesan)
            return False
        cek = periksa_berkas(cadangan, menyeluruh=True)
        if not cek.sah:
            self.k.galat.emit(judul, f"{cadangan.name}: {cek.pesan}.")
            return False
        info = info_cadangan(cadangan)
        folder_pengaman = self.folder_cadangan() or path_db.parent / "cadangan"
        teks = (
            f"{teks_pratinjau_polos(info, cek)}\n\n"
            f"Seluruh data yang sekarang ada di {path_db.name} akan DIGANTI dengan isi cadangan "
            "ini; perubahan sesudah cadangan dibuat akan hilang dari basis data.\n\n"
            f"Salinan pengaman data sekarang disimpan lebih dulu di {folder_pengaman}, sehingga "
            "pemulihan ini dapat dibatalkan dengan memulihkan salinan itu."
        )
        if not dialog.tanya(self, "Pulihkan cadangan", teks, tombol_ya="Ganti data dan pulihkan"):
            return False
        db = self.k.db
        db.tutup()  # no pooled connection may keep the old file (or its WAL) open
        try:
            hasil = pulihkan(
                path_db,
                cadangan,
                folder_pengaman=folder_pengaman,
                kunci=self.k.kunci_berkas,
                pelaku=self.k.pelaku,
                alasan=f"Pulihkan dari cadangan {cadangan.name}",
            )
        except KesalahanPengguna as exc:
            self.k.galat.emit(judul, exc.pesan)
            return False
        finally:
            db.tutup()
        self.hasil_pulih = hasil
        grup = getattr(self.window(), "undo_group", None)
        for tumpukan in grup.stacks() if grup is not None else []:
            tumpukan.clear()  # an undo would replay an edit onto the restored data
        with self.k.baca() as sesi:
            if sesi.get(Opd, self.k.opd_id) is None:  # a backup of another agency's data
                self.k.opd_id = pilih_opd(sesi).id
        pesan = f"Basis data dipulihkan dari {cadangan.name} ({info.label})."
        if hasil.pengaman is not None:
            pesan += f" Data sebelumnya disimpan sebagai {hasil.pengaman}."
        self.label_hasil.setText(pesan)
        self.k.dataBerubah.emit("*")
        dialog.kabari(self, "Pemulihan selesai", pesan, galat=False)
        return True


def _isi_berkas(cek: PemeriksaanBerkas) -> list[str]:
    return [f"{format_angka(n)} {LABEL_TABEL.get(t, t)}" for t, n in (cek.jumlah or {}).items()]


def teks_pratinjau(c: InfoCadangan, cek: PemeriksaanBerkas) -> str:
    """What a backup holds, as rich text for the preview panel."""
    baris = [
        f"<b>{escape(c.path.name)}</b>",
        f"Dibuat: {teks_waktu(c)}",
        f"Ukuran: {teks_ukuran(c.ukuran)}",
        f"Jenis: {LABEL_PERISTIWA.get(c.peristiwa or '', 'lain')}",
    ]
    if cek.sah:
        baris.append(f"Isi: {', '.join(_isi_berkas(cek))}")
        baris.append(f"Versi skema: {cek.revisi}")
        baris.append("<span style='color:#1b5e20'>Berkas baik: dapat dipulihkan.</span>")
    else:
        baris.append(
            f"<span style='color:#b00020'>Tidak dapat dipakai: {escape(cek.pesan or '')}.</span>"
        )
    return "<br>".join(baris)


def teks_pratinjau_polos(c: InfoCadangan, cek: PemeriksaanBerkas) -> str:
    """The same as plain text, for the confirmation."""
    isi = ", ".join(_isi_berkas(cek)) or "—"
    return (
        f"Cadangan: {c.path.name}\nDibuat: {teks_waktu(c)}\nUkuran: {teks_ukuran(c.ukuran)}\n"
        f"Isi: {isi}"
    )


# --- Basis data -------------------------------------------------------------------------------


class TabBasisData(QWidget):
    """Which database is open, its schema, and the way to a server or a copy."""

    def __init__(self, konteks: Konteks, induk: QWidget | None = None) -> None:
        super().__init__(induk)
        self.k = konteks
        tata = QVBoxLayout(self)
        kotak = QGroupBox("Basis data yang terbuka")
        f = QFormLayout(kotak)
        self.jenis = QLabel(objectName="labelJenisBasisData")
        self.alamat = QLabel(objectName="labelAlamatBasisData")
        self.skema = QLabel(objectName="labelSkemaBasisData")
        self.folder = QLabel(objectName="labelFolderData")
        for w in (self.alamat, self.skema, self.folder):
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            w.setWordWrap(True)
        f.addRow("Jenis:", self.jenis)
        f.addRow("Alamat:", self.alamat)
        f.addRow("Versi skema:", self.skema)
        f.addRow("Folder data:", self.folder)
        tata.addWidget(kotak)
        aksi = QHBoxLayout()
        self.tombol_server = QPushButton("Sambungkan ke server…", objectName="tombolKeServer")
        self.tombol_salin = QPushButton("Salin basis data…", objectName="tombolSalinBasisData")
        self.tombol_server.clicked.connect(self._server)
        self.tombol_salin.clicked.connect(self._salin)
        aksi.addWidget(self.tombol_server)
        aksi.addWidget(self.tombol_salin)
        aksi.addStretch(1)
        tata.addLayout(aksi)
        tata.addWidget(
            _keterangan(
                "“Sambungkan ke server…” menyimpan alamat basis data bersama (PostgreSQL) untuk "
                "PC ini; berlaku saat program dibuka lagi. “Salin basis data…” memindahkan "
                "seluruh isi basis data ini ke basis data kosong (misalnya di server) lalu "
                "memverifikasi jumlah baris dan checksum setiap tabel."
            )
        )
        tata.addStretch(1)
        self.jendela_anak: QWidget | None = None

    def segarkan(self) -> None:
        from ...tentang import skema_basis_data

        db = self.k.db
        if db.path is not None:
            self.jenis.setText("Berkas SQLite di PC ini")
        elif db.adalah_postgresql:
            self.jenis.setText("Server PostgreSQL (basis data bersama)")
        else:
            self.jenis.setText("Basis data lain")
        self.alamat.setText(db.label)  # never the password
        self.skema.setText(skema_basis_data(db))
        self.folder.setText(str(self.k.folder_data))

    def _server(self) -> None:
        from ..dialog_koneksi import DialogKoneksi

        d = DialogKoneksi(self.k.folder_data, self)
        d.accepted.connect(
            lambda: dialog.kabari(
                self,
                "Koneksi disimpan",
                "Pengaturan basis data disimpan untuk PC ini dan berlaku saat program dibuka lagi.",
                galat=False,
            )
        )
        self.jendela_anak = d
        d.open()

    def _salin(self) -> None:
        from ..wizard_salin import WizardSalin

        db = self.k.db
        sumber = str(db.path) if db.path is not None else db.url
        w = WizardSalin(sumber, "", self)
        self.jendela_anak = w
        w.open()


# --- Kunci layar ------------------------------------------------------------------------------


class TabKunciLayar(QWidget):
    """Minutes without activity before the window locks (services/pengguna.py)."""

    def __init__(self, konteks: Konteks, induk: QWidget | None = None) -> None:
        super().__init__(induk)
        self.k = konteks
        tata = QVBoxLayout(self)
        kotak = QGroupBox("Kunci layar otomatis")
        f = QFormLayout(kotak)
        self.menit = QSpinBox(objectName="isianMenitKunci")
        self.menit.setRange(0, layanan_pengguna.KUNCI_LAYAR_MAKS)
        self.menit.setSuffix(" menit")
        self.menit.setSpecialValueText("Tidak pernah")
        self.tombol_simpan = QPushButton("Simpan", objectName="tombolSimpanKunci")
        self.tombol_simpan.clicked.connect(self.simpan)
        f.addRow("Kunci setelah diam:", self.menit)
        f.addRow("", self.tombol_simpan)
        tata.addWidget(kotak)
        self.keterangan = _keterangan("")
        self.keterangan.setObjectName("labelKeteranganKunci")
        tata.addWidget(self.keterangan)
        tata.addStretch(1)

    def segarkan(self) -> None:
        self.menit.setValue(layanan_pengguna.waktu_kunci_layar(self.k.db))
        boleh = hak_akses(self.k.pelaku).ubah_pengaturan
        self.menit.setEnabled(boleh)
        self.tombol_simpan.setEnabled(boleh)
        teks = (
            "Bila tidak ada ketikan atau gerakan tetikus selama waktu ini, jendela terkunci dan "
            "meminta sandi pengguna yang sedang bekerja. 0 = tidak pernah dikunci. Berlaku untuk "
            "semua PC yang memakai basis data ini."
        )
        if not layanan_pengguna.ada_pengguna(self.k.db):
            teks += " Basis data ini belum memakai akun pengguna, jadi layar belum dapat dikunci."
        if not boleh:
            teks += " Hanya Administrator yang dapat mengubahnya."
        self.keterangan.setText(teks)

    def simpan(self) -> bool:
        try:
            layanan_pengguna.atur_waktu_kunci_layar(self.k.db, self.k.pelaku, self.menit.value())
        except KesalahanPengguna as exc:
            self.k.galat.emit("Kunci layar tidak dapat disimpan", exc.pesan)
            return False
        self.k.dataBerubah.emit("pengaturan")
        return True


# --- the page ---------------------------------------------------------------------------------


class HalamanPengaturan(Halaman):
    kunci = "pengaturan"
    judul = "Pengaturan"

    def __init__(self, konteks: Konteks, parent: QWidget | None = None) -> None:
        super().__init__(konteks, parent)
        tata = QVBoxLayout(self)
        self.tab = QTabWidget(objectName="tabPengaturan")
        self.tab_pengguna = TabPengguna(konteks)
        self.tab_capaian = TabCapaian(konteks)
        self.tab_cadangan = TabCadangan(konteks)
        self.tab_basis_data = TabBasisData(konteks)
        self.tab_kunci = TabKunciLayar(konteks)
        for w, judul in (
            (self.tab_pengguna, "Pengguna"),
            (self.tab_capaian, "Capaian && PK"),
            (self.tab_cadangan, "Cadangan"),
            (self.tab_basis_data, "Basis data"),
            (self.tab_kunci, "Kunci layar"),
        ):
            self.tab.addTab(w, judul)
        tata.addWidget(self.tab)
        konteks.dataBerubah.connect(self._data_berubah)
        konteks.pelakuBerubah.connect(self.segarkan)

    def segarkan(self) -> None:
        self._basi = False
        self.tab_pengguna.segarkan()
        if not self.tab_capaian.kotor:  # never throw away what is being typed
            self.tab_capaian.segarkan()
        self.tab_cadangan.segarkan()
        self.tab_basis_data.segarkan()
        self.tab_kunci.segarkan()
        boleh = self.tab_pengguna.boleh
        self.tab.setTabToolTip(
            0, "" if boleh else "Hanya Administrator yang dapat mengelola akun pengguna."
        )

    def _data_berubah(self, _area: str) -> None:
        self.segarkan_bila_tampil()

    def ada_perubahan(self) -> bool:
        return self.tab_capaian.kotor

    def simpan(self) -> bool:
        if not self.tab_capaian.kotor:
            return True
        return self.tab_capaian.simpan()

    def buang_perubahan(self) -> None:
        self.tab_capaian.kotor = False
        self.tab_capaian.segarkan()
