"""The indicator form (Designer form ui/form_indikator.ui), with the aggregation rule
explained by an example, because "kumulatif" is used in both senses in the field."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ..angka import AngkaTidakSah, format_angka, parse_angka_opsional
from ..domain import Agregasi, JenisIndikator, Polaritas
from ..services.indikator import DataIndikator
from .hak import GAYA_PESAN_BACA, atur_hanya_baca
from .ui.ui_form_indikator import Ui_FormIndikator

SATUAN_UMUM = ("%", "orang", "perusahaan", "loker", "KK", "lokasi", "kali", "dokumen", "unit")

CONTOH_AGREGASI = {
    Agregasi.AKUMULASI: (
        "Akumulasi (arus, mis. orang dilatih): target triwulan adalah tambahan, target tahun = "
        "jumlahnya. Contoh: target 48 + 48 + 48 + 48 = 192; realisasi TW I 40 dan TW II 50 "
        "→ capaian s.d. TW II = 90 / 96."
    ),
    Agregasi.NILAI_AKHIR: (
        "Nilai akhir (tingkat, mis. persentase): target triwulan adalah tingkat di akhir "
        "triwulan, target TW IV = target tahun. Contoh BPJS: 1,01 / 2,02 / 3,17 / 5,15%; "
        "realisasi TW I 1,01% → capaian TW I 100%, terhadap tahun 1,01 / 5,15 = 19,61%."
    ),
    Agregasi.RATA_RATA: (
        "Rata-rata: capaian = rata-rata triwulan yang sudah terisi dibanding target. "
        "Contoh: realisasi 80 dan 90 → 85 dibanding target 90."
    ),
}


class EditorIndikator(QWidget):
    """Signals:
    kotorBerubah(bool): the form differs from the loaded indicator.
    """

    kotorBerubah = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FormIndikator()
        self.ui.setupUi(self)
        for s in SATUAN_UMUM:
            self.ui.satuan.addItem(s)
        for j in JenisIndikator:
            self.ui.jenis.addItem(j.label, j.value)
        for p in Polaritas:
            self.ui.polaritas.addItem(p.label, p.value)
        for a in Agregasi:
            self.ui.agregasi.addItem(a.label, a.value)
        self.ui.agregasi.currentIndexChanged.connect(self._jelaskan)
        self.ui.jenis.currentIndexChanged.connect(self._jenis_berubah)
        for w in (
            self.ui.kode,
            self.ui.komponen_a,
            self.ui.komponen_b,
            self.ui.baseline,
            self.ui.sumber_data,
        ):
            w.textChanged.connect(self._ubah)
        for w in (self.ui.nama, self.ui.rumus):
            w.textChanged.connect(self._ubah)
        for w in (self.ui.satuan, self.ui.jenis, self.ui.polaritas, self.ui.agregasi):
            w.currentIndexChanged.connect(self._ubah)
        self.ui.satuan.editTextChanged.connect(self._ubah)
        self.ui.iku.toggled.connect(self._ubah)
        self._awal: DataIndikator | None = None
        self._kotor = False
        self._hanya_baca = False
        self._gaya_pesan = self.ui.pesan.styleSheet()
        self.kosongkan()

    def kosongkan(self, *, boleh_ubah: bool = True, alasan: str = "") -> None:
        """An empty form (a new indicator, or a node without one)."""
        self.isi(DataIndikator(kode="", nama="", satuan="%"), boleh_ubah=boleh_ubah, alasan=alasan)
        self._awal = None

    def isi(self, data: DataIndikator, *, boleh_ubah: bool, alasan: str = "") -> None:
        """Show an indicator; read-only, saying why (``alasan``), when it may not be changed."""
        u = self.ui
        for w in self.findChildren(QWidget):
            w.blockSignals(True)
        u.kode.setText(data.kode)
        u.nama.setPlainText(data.nama)
        u.satuan.setCurrentText(data.satuan)
        u.jenis.setCurrentIndex(u.jenis.findData(JenisIndikator(data.jenis).value))
        u.polaritas.setCurrentIndex(u.polaritas.findData(Polaritas(data.polaritas).value))
        u.agregasi.setCurrentIndex(u.agregasi.findData(Agregasi(data.agregasi).value))
        u.rumus.setPlainText(data.rumus or "")
        u.komponen_a.setText(data.label_komponen_a or "")
        u.komponen_b.setText(data.label_komponen_b or "")
        u.iku.setChecked(bool(data.iku))
        u.baseline.setText(format_angka(data.baseline) if data.baseline is not None else "")
        u.sumber_data.setText(data.sumber_data or "")
        for w in self.findChildren(QWidget):
            w.blockSignals(False)
        self._hanya_baca = not boleh_ubah
        atur_hanya_baca(self, not boleh_ubah)
        u.pesan.setStyleSheet(self._gaya_pesan if boleh_ubah else GAYA_PESAN_BACA)
        u.pesan.setText(
            "" if boleh_ubah else (alasan or "Hanya baca: indikator ini di luar cakupan Anda.")
        )
        self._jelaskan()
        self._jenis_berubah()
        self._awal = data
        self._setel_kotor(False)

    def data(self) -> DataIndikator:
        """The form as service input; raises AngkaTidakSah for a bad baseline."""
        u = self.ui
        baseline: Decimal | None = parse_angka_opsional(u.baseline.text(), nama_field="Baseline")
        return DataIndikator(
            kode=u.kode.text().strip(),
            nama=u.nama.toPlainText().strip(),
            satuan=u.satuan.currentText().strip(),
            jenis=JenisIndikator(u.jenis.currentData()),
            polaritas=Polaritas(u.polaritas.currentData()),
            agregasi=Agregasi(u.agregasi.currentData()),
            rumus=u.rumus.toPlainText().strip() or None,
            label_komponen_a=u.komponen_a.text().strip() or None,
            label_komponen_b=u.komponen_b.text().strip() or None,
            baseline=baseline,
            baseline_tahun=self._awal.baseline_tahun if self._awal else None,
            sumber_data=u.sumber_data.text().strip() or None,
            penjelasan=self._awal.penjelasan if self._awal else None,
            iku=u.iku.isChecked(),
        )

    @property
    def kotor(self) -> bool:
        return self._kotor

    def _jelaskan(self) -> None:
        a = Agregasi(self.ui.agregasi.currentData())
        self.ui.penjelasan_agregasi.setText(CONTOH_AGREGASI[a])

    def _jenis_berubah(self) -> None:
        dari_komponen = JenisIndikator(self.ui.jenis.currentData()).dari_komponen
        for w in (
            self.ui.komponen_a,
            self.ui.komponen_b,
            self.ui.label_komponen_a,
            self.ui.label_komponen_b,
        ):
            w.setVisible(dari_komponen)

    @property
    def hanya_baca(self) -> bool:
        return self._hanya_baca

    def _ubah(self) -> None:
        if self._hanya_baca:
            return
        try:
            data = self.data()
            pesan = "" if data.kode and data.nama else "Kode dan nama wajib diisi."
        except AngkaTidakSah as exc:
            data, pesan = None, exc.pesan
        self.ui.pesan.setText(pesan)
        self._setel_kotor(data != self._awal)

    def _setel_kotor(self, nilai: bool) -> None:
        if nilai != self._kotor:
            self._kotor = nilai
            self.kotorBerubah.emit(nilai)
