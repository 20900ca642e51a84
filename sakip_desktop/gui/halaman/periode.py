"""Kunci Periode: close and reopen the quarters (realizations) and lock the year's targets.

The state comes from `services.kunci.status_kunci`; who closed or reopened what, when and
why comes from the audit trail of the year's record. Closing asks for confirmation;
reopening asks for a reason (required, kept in the trail). The buttons follow the acting
user's role (`hak_akses`), with a tooltip saying why one is grey; the services refuse
anyway. A change announces `dataBerubah("periode")` so other pages reload.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import Peran
from ...errors import KesalahanPengguna
from ...services import kunci
from ...services.audit import BarisAudit, riwayat_rekaman
from ...services.otorisasi import LABEL_PERAN, PERAN_BUKA_PERIODE, PERAN_TUTUP_PERIODE, hak_akses
from .. import dialog
from ..konteks import Konteks
from ..model_audit import K_KOLOM, K_REKAMAN, K_WAKTU, ModelAudit, format_waktu
from .dasar import Halaman

ROMAWI = ("I", "II", "III", "IV")
WARNA_TERBUKA = QColor("#1b7f3b")
WARNA_TERKUNCI = QColor("#a61b1b")


def _daftar_peran(peran: set[Peran]) -> str:
    """ "Administrator, Perencana dan Kepala Dinas"."""
    nama = [label for p, label in LABEL_PERAN.items() if p in peran]
    return ", ".join(nama[:-1]) + " dan " + nama[-1] if len(nama) > 1 else "".join(nama)


@dataclass(frozen=True)
class Peristiwa:
    """The last close/lock or reopening of a quarter or of the targets."""

    pengguna: str | None
    waktu_teks: str
    alasan: str | None

    @property
    def teks(self) -> str:
        return f"{self.pengguna or '—'}, {self.waktu_teks}"


@dataclass(frozen=True)
class RiwayatKunci:
    """What the trail of the year's record says about each lock."""

    triwulan: dict[int, Peristiwa]
    target: Peristiwa | None


def baca_riwayat_kunci(baris: list[BarisAudit], status: kunci.StatusKunci) -> RiwayatKunci:
    """The last event of each quarter and of the targets, from the year's audit rows
    (oldest first). A lock set when the year's record was created has no field row: the
    creation row stands for it."""
    tw: dict[int, Peristiwa] = {}
    target: Peristiwa | None = None
    dibuat: Peristiwa | None = None
    for b in baris:
        p = Peristiwa(b.pengguna, format_waktu(b.waktu), b.alasan)
        if b.aksi == "tambah":
            dibuat = p
        elif b.field == "triwulan_ditutup":
            try:
                lama, baru = int(b.nilai_lama or 0), int(b.nilai_baru or 0)
            except ValueError:
                continue
            for t in range(min(lama, baru) + 1, max(lama, baru) + 1):
                tw[t] = p
        elif b.field == "target_dikunci":
            target = p
    if dibuat is not None:
        for t in range(1, status.triwulan_ditutup + 1):
            tw.setdefault(t, dibuat)
        if status.target_dikunci and target is None:
            target = dibuat
    return RiwayatKunci(tw, target)


class HalamanPeriode(Halaman):
    kunci = "periode"
    judul = "Kunci Periode"

    def __init__(self, konteks: Konteks, parent: QWidget | None = None) -> None:
        super().__init__(konteks, parent)
        self.status = kunci.StatusKunci(konteks.opd_id, konteks.tahun, False, 0)
        self.riwayat = RiwayatKunci({}, None)
        tata = QVBoxLayout(self)
        self.judul_tahun = QLabel(objectName="judulPeriode")
        self.judul_tahun.setStyleSheet("font-size: 15px; font-weight: bold;")
        tata.addWidget(self.judul_tahun)
        tata.addWidget(self._bangun_target())
        tata.addWidget(self._bangun_triwulan())
        kotak = QGroupBox("Riwayat kunci tahun ini")
        tata_riwayat = QVBoxLayout(kotak)
        self.model_riwayat = ModelAudit()
        self.tabel_riwayat = QTableView(objectName="tabelRiwayatKunci")
        self.tabel_riwayat.setModel(self.model_riwayat)
        self.tabel_riwayat.setColumnHidden(K_REKAMAN, True)
        self.tabel_riwayat.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel_riwayat.horizontalHeader().setStretchLastSection(True)
        lebar_waktu = self.fontMetrics().horizontalAdvance("00-00-0000 00:00:00") + 14
        self.tabel_riwayat.setColumnWidth(K_WAKTU, lebar_waktu)
        self.tabel_riwayat.setColumnWidth(K_KOLOM, 130)
        self.tabel_riwayat.setAlternatingRowColors(True)
        tata_riwayat.addWidget(self.tabel_riwayat)
        tata.addWidget(kotak, 1)
        self.k.tahunBerubah.connect(lambda _t: self.segarkan())
        self.k.pelakuBerubah.connect(self._perbarui_tombol)
        self.k.dataBerubah.connect(self._data_berubah)

    # --- construction -----------------------------------------------------------------------
    def _bangun_target(self) -> QGroupBox:
        kotak = QGroupBox("Target tahun", objectName="kotakTarget")
        self.kotak_target = kotak
        tata = QHBoxLayout(kotak)
        self.label_target = QLabel(objectName="statusTarget")
        self.label_target.setTextFormat(Qt.TextFormat.RichText)
        tata.addWidget(self.label_target, 1)
        self.tombol_kunci_target = QPushButton("Kunci target tahun", objectName="tombolKunciTarget")
        self.tombol_buka_target = QPushButton("Buka kunci target…", objectName="tombolBukaTarget")
        self.tombol_kunci_target.clicked.connect(self.kunci_target)
        self.tombol_buka_target.clicked.connect(self.buka_target)
        tata.addWidget(self.tombol_kunci_target)
        tata.addWidget(self.tombol_buka_target)
        return kotak

    def _bangun_triwulan(self) -> QGroupBox:
        kotak = QGroupBox("Realisasi per triwulan", objectName="kotakTriwulan")
        tata = QVBoxLayout(kotak)
        self.tabel_tw = QTableWidget(4, 4, objectName="tabelTriwulan")
        self.tabel_tw.setHorizontalHeaderLabels(["Triwulan", "Status", "Terakhir oleh", "Alasan"])
        self.tabel_tw.verticalHeader().hide()
        self.tabel_tw.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel_tw.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tabel_tw.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        kepala = self.tabel_tw.horizontalHeader()
        kepala.setStretchLastSection(True)
        kepala.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tabel_tw.setColumnWidth(1, 110)
        self.tabel_tw.setColumnWidth(2, 230)
        tinggi = self.tabel_tw.horizontalHeader().sizeHint().height()
        tinggi += 4 * self.tabel_tw.verticalHeader().defaultSectionSize() + 4
        self.tabel_tw.setFixedHeight(tinggi)
        self.tabel_tw.itemSelectionChanged.connect(self._perbarui_tombol)
        tata.addWidget(self.tabel_tw)
        tombol = QHBoxLayout()
        self.tombol_tutup = QPushButton("Tutup triwulan", objectName="tombolTutupTriwulan")
        self.tombol_buka = QPushButton("Buka kembali…", objectName="tombolBukaTriwulan")
        self.tombol_tutup.clicked.connect(self.tutup_triwulan)
        self.tombol_buka.clicked.connect(self.buka_triwulan)
        tombol.addWidget(self.tombol_tutup)
        tombol.addWidget(self.tombol_buka)
        tombol.addStretch(1)
        tata.addLayout(tombol)
        catatan = QLabel(
            "Triwulan ditutup berurutan: menutup TW III juga menutup TW I dan II yang masih "
            "terbuka; membuka kembali TW II juga membuka TW III dan IV. Realisasi triwulan yang "
            f"ditutup tidak dapat diubah. Menutup: {_daftar_peran(PERAN_TUTUP_PERIODE)}; "
            f"membuka kembali (dengan alasan): {_daftar_peran(PERAN_BUKA_PERIODE)}."
        )
        catatan.setWordWrap(True)
        tata.addWidget(catatan)
        return kotak

    # --- data -------------------------------------------------------------------------------
    def segarkan(self) -> None:
        tahun = self.k.tahun
        self.status = kunci.status_kunci(self.k.db, tahun, self.k.opd_id)
        with self.k.baca() as sesi:
            nama_opd = self.k.opd(sesi).nama
            tk = kunci.tahun_kinerja(sesi, self.k.opd_id, tahun)
            tk_id = tk.id if tk is not None else None
        baris = riwayat_rekaman(self.k.db, "tahun_kinerja", tk_id) if tk_id else []
        self.riwayat = baca_riwayat_kunci(baris, self.status)
        self.model_riwayat.tetapkan([b for b in reversed(baris) if b.aksi != "tambah" or b.alasan])
        self._basi = False
        self.judul_tahun.setText(f"Kunci periode tahun {tahun} — {nama_opd}")
        self.kotak_target.setTitle(f"Target tahun {tahun}")
        self._isi_target()
        self._isi_triwulan()
        self._perbarui_tombol()

    def _isi_target(self) -> None:
        s, p = self.status, self.riwayat.target
        if s.target_dikunci:
            teks = f"<b style='color:{WARNA_TERKUNCI.name()}'>Dikunci</b>"
            teks += " — target tahun ini tidak dapat diubah sampai kuncinya dibuka."
            if p is not None:
                teks += f"<br>Dikunci oleh {p.teks}."
        else:
            teks = f"<b style='color:{WARNA_TERBUKA.name()}'>Terbuka</b>"
            teks += " — target tahun ini masih dapat diubah."
            if p is not None:
                teks += f"<br>Kunci dibuka oleh {p.teks}"
                teks += f" (alasan: {p.alasan})." if p.alasan else "."
        self.label_target.setText(teks)

    def _isi_triwulan(self) -> None:
        terpilih = self.triwulan_terpilih()
        for i in range(4):
            tw = i + 1
            ditutup = self.status.triwulan_terkunci(tw)
            p = self.riwayat.triwulan.get(tw)
            status = QTableWidgetItem("Ditutup" if ditutup else "Terbuka")
            status.setForeground(QBrush(WARNA_TERKUNCI if ditutup else WARNA_TERBUKA))
            oleh = ""
            if p is not None:
                oleh = ("Ditutup " if ditutup else "Dibuka kembali ") + p.teks
            alasan = p.alasan if p is not None and p.alasan and not ditutup else ""
            for c, item in enumerate(
                (QTableWidgetItem(f"TW {ROMAWI[i]}"), status, QTableWidgetItem(oleh))
            ):
                self.tabel_tw.setItem(i, c, item)
            self.tabel_tw.setItem(i, 3, QTableWidgetItem(alasan))
        if terpilih is None:  # the next quarter to close, else the last closed
            terpilih = min(self.status.triwulan_ditutup + 1, 4)
        self.tabel_tw.selectRow(terpilih - 1)

    def triwulan_terpilih(self) -> int | None:
        baris = self.tabel_tw.selectionModel().selectedRows()
        return baris[0].row() + 1 if baris else None

    def _perbarui_tombol(self) -> None:
        hak = hak_akses(self.k.pelaku)
        peran = LABEL_PERAN[self.k.pelaku.peran]
        tolak_tutup = (
            f"{peran} tidak berwenang menutup periode; hanya {_daftar_peran(PERAN_TUTUP_PERIODE)}."
        )
        tolak_buka = (
            f"{peran} tidak berwenang membuka kembali periode; "
            f"hanya {_daftar_peran(PERAN_BUKA_PERIODE)}."
        )
        s, tahun = self.status, self.k.tahun
        tw = self.triwulan_terpilih()

        def atur(
            tombol: QPushButton, boleh: bool, tolak: str, keadaan: str | None, tip: str
        ) -> None:
            tombol.setEnabled(boleh and keadaan is None)
            tombol.setToolTip(tolak if not boleh else keadaan or tip)

        atur(
            self.tombol_kunci_target,
            hak.tutup_periode,
            tolak_tutup,
            f"Target tahun {tahun} sudah dikunci." if s.target_dikunci else None,
            f"Kunci target tahun {tahun} (Renstra, Renja dan PK).",
        )
        atur(
            self.tombol_buka_target,
            hak.buka_periode,
            tolak_buka,
            None if s.target_dikunci else f"Target tahun {tahun} tidak sedang dikunci.",
            f"Buka kunci target tahun {tahun}; alasan wajib diisi.",
        )
        nama = f"TW {ROMAWI[tw - 1]}" if tw else ""
        if tw is None:
            keadaan_tutup: str | None = "Pilih triwulan di tabel."
            keadaan_buka: str | None = keadaan_tutup
        else:
            terkunci = s.triwulan_terkunci(tw)
            keadaan_tutup = f"{nama} {tahun} sudah ditutup." if terkunci else None
            keadaan_buka = None if terkunci else f"{nama} {tahun} belum ditutup."
        atur(
            self.tombol_tutup,
            hak.tutup_periode,
            tolak_tutup,
            keadaan_tutup,
            f"Tutup {nama} {tahun}: realisasinya tidak dapat diubah lagi.",
        )
        atur(
            self.tombol_buka,
            hak.buka_periode,
            tolak_buka,
            keadaan_buka,
            f"Buka kembali {nama} {tahun}; alasan wajib diisi.",
        )
        self.tombol_tutup.setText(f"Tutup {nama}" if tw else "Tutup triwulan")
        self.tombol_buka.setText(f"Buka kembali {nama}…" if tw else "Buka kembali…")

    def _data_berubah(self, area: str) -> None:
        if area == "periode":
            return  # our own change: already shown
        self.segarkan_bila_tampil()

    # --- writes -----------------------------------------------------------------------------
    def _jalankan(self, fungsi: Callable[[], object], judul: str) -> bool:
        try:
            fungsi()
        except KesalahanPengguna as exc:
            self.k.galat.emit(judul, exc.pesan)
            self.segarkan()
            return False
        self.segarkan()
        self.k.dataBerubah.emit("periode")
        return True

    def tutup_triwulan(self) -> bool:
        tw, tahun = self.triwulan_terpilih(), self.k.tahun
        if tw is None:
            return False
        nama = f"triwulan {ROMAWI[tw - 1]} tahun {tahun}"
        sebelumnya = [ROMAWI[t - 1] for t in range(self.status.triwulan_ditutup + 1, tw)]
        teks = f"Tutup {nama}? Realisasinya tidak dapat diubah lagi sampai dibuka kembali."
        if sebelumnya:
            teks += f" TW {', '.join(sebelumnya)} yang masih terbuka ikut ditutup."
        if not dialog.tanya(self, "Tutup triwulan", teks, tombol_ya="Tutup"):
            return False
        return self._jalankan(
            lambda: kunci.tutup_triwulan(self.k.db, self.k.pelaku, tahun, tw, self.k.opd_id),
            "Triwulan tidak ditutup",
        )

    def buka_triwulan(self) -> bool:
        tw, tahun = self.triwulan_terpilih(), self.k.tahun
        if tw is None:
            return False
        ikut = [ROMAWI[t - 1] for t in range(tw + 1, self.status.triwulan_ditutup + 1)]
        label = (
            f"Alasan membuka kembali TW {ROMAWI[tw - 1]} {tahun} (wajib, dicatat di jejak audit)"
        )
        if ikut:
            label += f"; TW {', '.join(ikut)} ikut dibuka"
        alasan = dialog.minta_teks(self, "Buka kembali triwulan", label + ":")
        if alasan is None:
            return False
        return self._jalankan(
            lambda: kunci.buka_triwulan(self.k.db, self.k.pelaku, tahun, tw, alasan, self.k.opd_id),
            "Triwulan tidak dibuka",
        )

    def kunci_target(self) -> bool:
        tahun = self.k.tahun
        teks = (
            f"Kunci target tahun {tahun}? Target Renstra, Renja dan PK tahun ini tidak dapat "
            "diubah lagi sampai kuncinya dibuka dengan alasan."
        )
        if not dialog.tanya(self, "Kunci target tahun", teks, tombol_ya="Kunci"):
            return False
        return self._jalankan(
            lambda: kunci.kunci_target_tahun(self.k.db, self.k.pelaku, tahun, self.k.opd_id),
            "Target tidak dikunci",
        )

    def buka_target(self) -> bool:
        tahun = self.k.tahun
        alasan = dialog.minta_teks(
            self,
            "Buka kunci target",
            f"Alasan membuka kunci target tahun {tahun} (wajib, dicatat di jejak audit):",
        )
        if alasan is None:
            return False
        return self._jalankan(
            lambda: kunci.buka_target_tahun(self.k.db, self.k.pelaku, tahun, alasan, self.k.opd_id),
            "Kunci target tidak dibuka",
        )
