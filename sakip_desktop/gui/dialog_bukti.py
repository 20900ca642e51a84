"""Evidence files of one quarter's realization: list, attach, open, delete.

The files live inside the database (services.bukti); to open one it is written to a
temporary folder and handed to the system viewer. Attaching several files at once is one
user action, so one transaction: either all are kept or none. `PanelBukti` sits in the
Realisasi page; `DialogBukti` wraps it for other pages.

`pilih_berkas` and `buka_berkas` are module functions so tests can replace the file
chooser and the system viewer.
"""

from __future__ import annotations

import tempfile
import uuid
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ..angka import format_angka, format_tanggal
from ..errors import KesalahanPengguna
from ..services.bukti import (
    JENIS_BERKAS,
    InfoBukti,
    LayananBukti,
    daftar_bukti,
    hapus_bukti,
    lampirkan_bukti,
    ukuran_maks,
)
from ..services.pelaku import Pelaku
from ..services.realisasi import EntriRealisasi, label_periode
from . import dialog
from .konteks import GAGAL, Konteks

SARINGAN_BERKAS = (
    "Bukti dukung ("
    + " ".join(f"*{a}" for a in JENIS_BERKAS)
    + ");;PDF (*.pdf);;Gambar (*.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp)"
    + ";;Lembar kerja (*.xlsx *.xls *.ods *.csv)"
)


def pilih_berkas(induk: QWidget | None, judul: str) -> list[str]:
    """Ask for one or more files to attach (tests replace this function)."""
    nama, _ = QFileDialog.getOpenFileNames(induk, judul, "", SARINGAN_BERKAS)
    return list(nama)


def buka_berkas(path: Path) -> bool:
    """Open a file with the system's viewer (tests replace this function)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def lampirkan_banyak(
    sesi: Session,
    pelaku: Pelaku,
    indikator_id: uuid.UUID,
    tahun: int,
    triwulan: int,
    berkas: list[tuple[str, bytes]],
) -> list[InfoBukti]:
    """Attach several files in the caller's transaction (all or none)."""
    return [
        lampirkan_bukti(sesi, pelaku, indikator_id, tahun, triwulan, nama, isi)
        for nama, isi in berkas
    ]


class PanelBukti(QWidget):
    """The evidence list of the entry shown, with Lampirkan / Buka / Hapus."""

    def __init__(self, konteks: Konteks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.k = konteks
        self.entri: EntriRealisasi | None = None
        self._bukti: list[InfoBukti] = []
        self._folder_buka: Path | None = None
        self._terkunci = ""
        tata = QVBoxLayout(self)
        tata.setContentsMargins(0, 0, 0, 0)
        self.judul = QLabel("<b>Bukti dukung</b>", objectName="judulBukti")
        tata.addWidget(self.judul)
        self.daftar = QListWidget(objectName="daftarBukti")
        self.daftar.setAlternatingRowColors(True)
        self.daftar.itemDoubleClicked.connect(lambda _i: self.buka())
        self.daftar.currentRowChanged.connect(lambda _r: self._perbarui_tombol())
        tata.addWidget(self.daftar, 1)
        self.info = QLabel(objectName="infoBukti")
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: #5d6d7e;")
        tata.addWidget(self.info)
        baris = QHBoxLayout()
        self.tombol_lampirkan = QPushButton("Lampirkan…", objectName="tombolLampirkan")
        self.tombol_buka = QPushButton("Buka", objectName="tombolBukaBukti")
        self.tombol_hapus = QPushButton("Hapus", objectName="tombolHapusBukti")
        self.tombol_lampirkan.clicked.connect(lambda: self.lampirkan())
        self.tombol_buka.clicked.connect(lambda: self.buka())
        self.tombol_hapus.clicked.connect(lambda: self.hapus())
        for w in (self.tombol_lampirkan, self.tombol_buka, self.tombol_hapus):
            baris.addWidget(w)
        tata.addLayout(baris)
        self.tampilkan(None)

    # --- showing ------------------------------------------------------------------------
    def tampilkan(self, entri: EntriRealisasi | None, *, belum_disimpan: bool = False) -> None:
        """Show the files of an entry (None: nothing selected). ``belum_disimpan``: the row
        has unsaved edits, so attaching waits for the save."""
        self.entri = entri
        self._bukti = []
        if entri is not None and entri.realisasi_id is not None:
            with self.k.baca() as sesi:
                self._bukti = daftar_bukti(sesi, entri.indikator_id, entri.tahun, entri.triwulan)
        self.daftar.clear()
        for b in self._bukti:
            item = QListWidgetItem(f"{b.nama_berkas}  ({b.ukuran_teks})")
            item.setToolTip(
                f"{b.nama_berkas}\n{b.jenis_mime}, {b.ukuran_teks}\n"
                f"Diunggah {format_tanggal(b.diunggah_pada.date())} oleh "
                f"{b.diunggah_oleh or '—'}\nSHA-256 {b.sha256[:16]}…"
            )
            item.setData(Qt.ItemDataRole.UserRole, b.id)
            self.daftar.addItem(item)
        if self._bukti:
            self.daftar.setCurrentRow(0)
        self._terkunci = self._alasan_terkunci(entri, belum_disimpan)
        if entri is None:
            self.info.setText("Pilih indikator untuk melihat bukti dukungnya.")
        elif self._terkunci:
            self.info.setText(self._terkunci)
        else:
            self.info.setText(
                "PDF, gambar atau lembar kerja; disimpan di dalam basis data (ikut tercadang)."
            )
        self.judul.setText(
            f"<b>Bukti dukung</b> ({len(self._bukti)})"
            if entri is None
            else f"<b>Bukti dukung {entri.kode} {label_periode(entri.tahun, entri.triwulan)}</b>"
            f" ({len(self._bukti)})"
        )
        self._perbarui_tombol()

    @staticmethod
    def _alasan_terkunci(e: EntriRealisasi | None, belum_disimpan: bool) -> str:
        if e is None:
            return ""
        if not e.boleh_isi:
            return "Indikator ini bukan milik unit Anda: bukti hanya dapat dibuka."
        if e.triwulan_ditutup:
            return "Triwulan sudah ditutup: bukti tidak dapat ditambah atau dihapus."
        if not e.dapat_diubah:
            return (
                f"Realisasi sudah {e.status.label.lower() if e.status else 'dikunci'}: "
                "bukti hanya dapat dibuka."
            )
        if belum_disimpan:
            return "Simpan isian realisasi ini (Ctrl+S) sebelum melampirkan bukti."
        if e.realisasi_id is None:
            return "Isi dan simpan realisasinya dahulu, lalu lampirkan buktinya."
        return ""

    def _perbarui_tombol(self) -> None:
        boleh = self.entri is not None and not self._terkunci
        self.tombol_lampirkan.setEnabled(boleh)
        ada = self.daftar.currentRow() >= 0
        self.tombol_buka.setEnabled(ada)
        self.tombol_hapus.setEnabled(boleh and ada)

    def bukti_terpilih(self) -> InfoBukti | None:
        r = self.daftar.currentRow()
        return self._bukti[r] if 0 <= r < len(self._bukti) else None

    # --- actions ------------------------------------------------------------------------
    def lampirkan(self, path: list[str] | None = None) -> bool:
        """Attach files (asks for them unless given); True when attached."""
        e = self.entri
        if e is None or self._terkunci:
            return False
        daftar = path if path is not None else pilih_berkas(self, "Lampirkan bukti dukung")
        if not daftar:
            return False
        with self.k.baca() as sesi:
            batas = ukuran_maks(sesi, self.k.opd_id)
        berkas: list[tuple[str, bytes]] = []
        for p in map(Path, daftar):
            try:
                ukuran = p.stat().st_size
                if ukuran > batas:  # refuse before reading a huge file into memory
                    mb = format_angka(Decimal(ukuran) / 1048576, 1)
                    raise KesalahanPengguna(
                        f"Berkas {p.name} berukuran {mb} MB, melebihi batas "
                        f"{format_angka(Decimal(batas) / 1048576, 1)} MB."
                    )
                berkas.append((p.name, p.read_bytes()))
            except OSError as exc:
                self.k.galat.emit(
                    "Bukti tidak dapat dilampirkan",
                    f"Berkas {p} tidak dapat dibaca: {exc.strerror}",
                )
                return False
            except KesalahanPengguna as exc:
                self.k.galat.emit("Bukti tidak dapat dilampirkan", exc.pesan)
                return False
        hasil = self.k.tulis(
            lampirkan_banyak,
            e.indikator_id,
            e.tahun,
            e.triwulan,
            berkas,
            area="realisasi",
            judul_galat="Bukti tidak dapat dilampirkan",
        )
        return hasil is not GAGAL

    def buka(self) -> Path | None:
        """Write the selected file to a temporary folder and open it with the system."""
        b = self.bukti_terpilih()
        if b is None:
            return None
        if self._folder_buka is None:
            self._folder_buka = Path(tempfile.mkdtemp(prefix="sakip-bukti-"))
        try:
            path = LayananBukti(self.k.db).simpan_ke(b.id, self._folder_buka)
        except KesalahanPengguna as exc:
            self.k.galat.emit("Bukti tidak dapat dibuka", exc.pesan)
            return None
        if not buka_berkas(path):
            self.k.galat.emit(
                "Bukti tidak dapat dibuka",
                f"Tidak ada program untuk membuka {b.nama_berkas}. Berkasnya ada di {path}.",
            )
        return path

    def hapus(self) -> bool:
        """Delete the selected file after confirmation; True when deleted."""
        b = self.bukti_terpilih()
        if b is None or self._terkunci:
            return False
        if not dialog.tanya(
            self,
            "Hapus bukti",
            f"Hapus berkas bukti “{b.nama_berkas}” dari basis data?",
            tombol_ya="Hapus",
        ):
            return False
        hasil = self.k.tulis(
            hapus_bukti, b.id, area="realisasi", judul_galat="Bukti tidak dapat dihapus"
        )
        return hasil is not GAGAL


class DialogBukti(QDialog):
    """The evidence panel in a window of its own (for pages other than Realisasi)."""

    def __init__(
        self, konteks: Konteks, entri: EntriRealisasi, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            f"Bukti dukung {entri.kode} {label_periode(entri.tahun, entri.triwulan)}"
        )
        self.setObjectName("dialogBukti")
        tata = QVBoxLayout(self)
        self.panel = PanelBukti(konteks, self)
        tata.addWidget(self.panel)
        tombol = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        tombol.rejected.connect(self.reject)
        tata.addWidget(tombol)
        self.panel.tampilkan(entri)
        konteks.dataBerubah.connect(self._data_berubah)
        self.resize(460, 360)

    def _data_berubah(self, area: str) -> None:
        if area in ("realisasi", "*") and self.panel.entri is not None:
            self.panel.tampilkan(self.panel.entri)
