"""Batch printing of a year's PKs: the options, a worker thread, progress with cancel, and
the summary of what could not be printed.

`LayananPK.cetak_massal` runs in a `QThreadPool` worker (reportlab takes seconds for a
whole agency); its progress callback emits a signal that the GUI thread shows in a
`QProgressDialog`, whose Batal sets a `threading.Event` the service checks before each
position. The summary (printed, vacant positions not printed, positions with an empty
target) stays in the dialog with a button to open the output.

Signals (`DialogCetakMassal`):
    kemajuan(int, int, str): positions done, total, label of the last one.
    selesai(object): the `HasilCetakMassal` once the worker is done (also when cancelled).
"""

from __future__ import annotations

import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from ..domain import JenisUnit
from ..errors import KesalahanPengguna
from ..model import UnitKerja
from ..services.pk import HasilCetakMassal, LayananPK
from .konteks import Konteks

JENIS_CAKUPAN = (JenisUnit.SEKRETARIAT, JenisUnit.BIDANG, JenisUnit.UPT)
"""Units offered as "one bidang": those whose head signs with the Kepala Dinas."""


class _SinyalPekerja(QObject):
    kemajuan = Signal(int, int, str)
    selesai = Signal(object)
    gagal = Signal(str)


class PekerjaCetakMassal(QRunnable):
    """Runs `LayananPK.cetak_massal` off the GUI thread; results come back by signal."""

    def __init__(
        self,
        layanan: LayananPK,
        tahun: int,
        out: Path,
        *,
        bidang: str | None,
        gabung: bool,
        kertas: str | None,
        batal: threading.Event,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.sinyal = _SinyalPekerja()
        self.layanan, self.tahun, self.out = layanan, tahun, out
        self.bidang, self.gabung, self.kertas, self.batal = bidang, gabung, kertas, batal

    def run(self) -> None:
        try:
            hasil = self.layanan.cetak_massal(
                self.tahun,
                self.out,
                bidang=self.bidang,
                gabung=self.gabung,
                kertas=self.kertas,
                kemajuan=self.sinyal.kemajuan.emit,
                batal=self.batal,
            )
        except KesalahanPengguna as exc:
            self.sinyal.gagal.emit(exc.pesan)
        except Exception:  # a bug: show it whole rather than losing it in a thread
            self.sinyal.gagal.emit("Kesalahan program:\n" + traceback.format_exc())
        else:
            self.sinyal.selesai.emit(hasil)


class DialogCetakMassal(QDialog):
    """Every PK of the chosen year (or of one bidang): one PDF per position in a folder, or
    one combined PDF."""

    kemajuan = Signal(int, int, str)
    selesai = Signal(object)

    def __init__(self, k: Konteks, layanan: LayananPK, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.k, self.layanan = k, layanan
        self.setObjectName("dialogCetakMassal")
        self.setWindowTitle(f"Cetak massal Perjanjian Kinerja {k.tahun}")
        self.hasil: HasilCetakMassal | None = None
        self.pesan_gagal: str | None = None
        self.progres: QProgressDialog | None = None
        self._batal = threading.Event()
        self._pekerja: PekerjaCetakMassal | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        dokumen = Path.home() / "Documents"
        self._folder_dasar = dokumen if dokumen.is_dir() else Path.home()
        self._tujuan = self._folder_dasar
        self._bangun()
        self.resize(640, 460)

    # --- form ------------------------------------------------------------------------------
    def _bangun(self) -> None:
        tata = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow("Tahun:", QLabel(f"<b>{self.k.tahun}</b>"))
        self.pilih_cakupan = QComboBox(objectName="pilihCakupanMassal")
        self.pilih_cakupan.addItem("Seluruh jabatan OPD", None)
        with self.k.baca() as sesi:
            for u in sesi.scalars(
                select(UnitKerja)
                .where(UnitKerja.opd_id == self.k.opd_id, UnitKerja.jenis.in_(JENIS_CAKUPAN))
                .order_by(UnitKerja.urutan, UnitKerja.nama)
            ):
                self.pilih_cakupan.addItem(u.nama, u.kode or u.nama)
        form.addRow("Cakupan:", self.pilih_cakupan)
        bentuk = QWidget()
        tb = QVBoxLayout(bentuk)
        tb.setContentsMargins(0, 0, 0, 0)
        self.opsi_per_jabatan = QRadioButton(
            "Satu PDF per jabatan (ke sebuah folder)", objectName="opsiPerJabatan"
        )
        self.opsi_gabung = QRadioButton("Satu berkas PDF gabungan", objectName="opsiGabung")
        self.opsi_per_jabatan.setChecked(True)
        grup = QButtonGroup(self)
        for r in (self.opsi_per_jabatan, self.opsi_gabung):
            grup.addButton(r)
            tb.addWidget(r)
        self.opsi_gabung.toggled.connect(lambda _b: self._saran_tujuan())
        form.addRow("Bentuk:", bentuk)
        self.pilih_kertas = QComboBox(objectName="pilihKertasMassal")
        opsi = self.layanan.opsi_cetak()
        self.pilih_kertas.addItem(f"Sesuai pengaturan ({opsi.kertas})", None)
        self.pilih_kertas.addItem("A4", "A4")
        self.pilih_kertas.addItem("F4 / Folio (215 × 330 mm)", "F4")
        form.addRow("Kertas:", self.pilih_kertas)
        baris = QHBoxLayout()
        self.edit_tujuan = QLineEdit(objectName="editTujuanMassal")
        tombol_pilih = QPushButton("Pilih…", objectName="tombolPilihTujuan")
        tombol_pilih.clicked.connect(self._pilih_tujuan)
        baris.addWidget(self.edit_tujuan, 1)
        baris.addWidget(tombol_pilih)
        form.addRow("Simpan ke:", baris)
        tata.addLayout(form)
        self._saran_tujuan()

        tata.addWidget(QLabel("<b>Ringkasan</b>"))
        self.ringkasan = QPlainTextEdit(objectName="ringkasanMassal")
        self.ringkasan.setReadOnly(True)
        self.ringkasan.setPlaceholderText(
            "Setelah dicetak: berapa PK dicetak, jabatan tanpa pemangku (tidak dicetak) dan "
            "jabatan dengan target kosong."
        )
        tata.addWidget(self.ringkasan, 1)
        tombol = QDialogButtonBox()
        self.tombol_cetak = tombol.addButton("Cetak", QDialogButtonBox.ButtonRole.AcceptRole)
        self.tombol_cetak.setObjectName("tombolMulaiMassal")
        self.tombol_buka = tombol.addButton("Buka hasil", QDialogButtonBox.ButtonRole.ActionRole)
        self.tombol_buka.setObjectName("tombolBukaHasilMassal")
        self.tombol_buka.setEnabled(False)
        tutup = tombol.addButton("Tutup", QDialogButtonBox.ButtonRole.RejectRole)
        self.tombol_cetak.clicked.connect(lambda: self.mulai())
        self.tombol_buka.clicked.connect(self._buka_hasil)
        tutup.clicked.connect(self.reject)
        tata.addWidget(tombol)

    def _saran_tujuan(self) -> None:
        """PK-2020.pdf (combined) or the folder PK-2020, in the folder last chosen."""
        nama = f"PK-{self.k.tahun}"
        self.edit_tujuan.setText(
            str(self._folder_dasar / (f"{nama}.pdf" if self.opsi_gabung.isChecked() else nama))
        )

    def _pilih_tujuan(self) -> None:
        if self.opsi_gabung.isChecked():
            nama, _ = QFileDialog.getSaveFileName(
                self, "Simpan PDF gabungan", self.edit_tujuan.text(), "PDF (*.pdf)"
            )
        else:
            nama = QFileDialog.getExistingDirectory(self, "Folder hasil", str(self._folder_dasar))
        if nama:
            self._folder_dasar = Path(nama).parent
            self.edit_tujuan.setText(nama)

    # --- running ---------------------------------------------------------------------------
    @property
    def berjalan(self) -> bool:
        return self._pekerja is not None

    def mulai(
        self, out: Path | None = None, *, gabung: bool | None = None, bidang: str | None = None
    ) -> bool:
        """Start the batch (the Cetak button; tests pass the options). False when the
        destination is missing or a batch is already running."""
        if self.berjalan:
            return False
        if gabung is not None:
            (self.opsi_gabung if gabung else self.opsi_per_jabatan).setChecked(True)
        if bidang is not None:
            i = self.pilih_cakupan.findData(bidang)
            if i < 0:
                i = self.pilih_cakupan.findText(bidang)
            self.pilih_cakupan.setCurrentIndex(max(i, 0))
        if out is not None:
            self.edit_tujuan.setText(str(out))
        teks = self.edit_tujuan.text().strip()
        if not teks:
            self.ringkasan.setPlainText("Isi dulu tempat menyimpan hasil.")
            return False
        tujuan = Path(teks).expanduser()
        gabung_ = self.opsi_gabung.isChecked()
        try:
            (tujuan.parent if gabung_ else tujuan).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.ringkasan.setPlainText(f"Folder {tujuan} tidak dapat dibuat: {exc}")
            return False
        self.hasil, self.pesan_gagal = None, None
        self._batal.clear()
        self._tujuan = tujuan
        self.ringkasan.setPlainText("Mencetak…")
        self.tombol_cetak.setEnabled(False)
        self.tombol_buka.setEnabled(False)
        self.progres = QProgressDialog(
            f"Menyiapkan PK {self.k.tahun}…", "Batal", 0, 0, self, objectName="progresMassal"
        )
        self.progres.setWindowTitle("Cetak massal PK")
        self.progres.setWindowModality(Qt.WindowModality.WindowModal)
        self.progres.setMinimumDuration(0)
        self.progres.setAutoClose(False)
        self.progres.setAutoReset(False)
        self.progres.canceled.connect(self.batalkan)
        self.progres.show()
        self._pekerja = PekerjaCetakMassal(
            self.layanan,
            self.k.tahun,
            tujuan,
            bidang=self.pilih_cakupan.currentData(),
            gabung=gabung_,
            kertas=self.pilih_kertas.currentData(),
            batal=self._batal,
        )
        s = self._pekerja.sinyal
        s.kemajuan.connect(self._kemajuan)
        s.selesai.connect(self._selesai)
        s.gagal.connect(self._gagal)
        self._pool.start(self._pekerja)
        return True

    def batalkan(self) -> None:
        """Ask the worker to stop before the next position (the progress dialog's Batal)."""
        if self.berjalan:
            self._batal.set()
            if self.progres is not None:
                self.progres.setLabelText("Membatalkan setelah PK yang sedang dicetak…")

    def _kemajuan(self, selesai: int, total: int, label: str) -> None:
        self.kemajuan.emit(selesai, total, label)
        p = self.progres
        if p is None or self._batal.is_set():
            return
        p.setMaximum(total)
        p.setLabelText(f"{selesai} dari {total}: {label}")
        # last: a modal QProgressDialog processes events in setValue, so the worker's
        # `selesai` may be handled (and the dialog closed) inside this call
        p.setValue(selesai)

    def _akhiri(self) -> None:
        self._pool.waitForDone()
        self._pekerja = None
        if self.progres is not None:
            self.progres.canceled.disconnect(self.batalkan)
            self.progres.close()
            self.progres.deleteLater()
            self.progres = None
        self.tombol_cetak.setEnabled(True)

    def _selesai(self, hasil: HasilCetakMassal) -> None:
        self._akhiri()
        self.hasil = hasil
        lokasi = "\n".join(str(p) for p in hasil.berkas[:3])
        if len(hasil.berkas) > 3:
            lokasi += f"\n… dan {len(hasil.berkas) - 3} berkas lain di {self._tujuan}"
        teks = hasil.ringkasan
        if lokasi:
            teks += f"\n\nBerkas:\n{lokasi}"
        elif hasil.dibatalkan and self.opsi_gabung.isChecked():
            teks += "\n\nBerkas gabungan tidak ditulis karena dibatalkan."
        self.ringkasan.setPlainText(teks)
        self.tombol_buka.setEnabled(bool(hasil.berkas))
        self.selesai.emit(hasil)

    def _gagal(self, pesan: str) -> None:
        self._akhiri()
        self.pesan_gagal = pesan
        self.ringkasan.setPlainText(f"Cetak massal gagal: {pesan}")
        self.selesai.emit(None)

    def _buka_hasil(self) -> None:
        if self.hasil is None or not self.hasil.berkas:
            return
        tujuan = self.hasil.berkas[0] if len(self.hasil.berkas) == 1 else self._tujuan
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(tujuan)))

    # --- closing -----------------------------------------------------------------------------
    def reject(self) -> None:
        """Closing while printing cancels and waits for the current position."""
        if self.berjalan:
            self.batalkan()
            self._pool.waitForDone()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.berjalan:
            self.batalkan()
            self._pool.waitForDone()
        super().closeEvent(event)
