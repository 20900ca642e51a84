"""Bring a Renstra in from a T-C.27 spreadsheet (or a sakip-data file): choose the file, say
which column is which when the layout is not the standard one, look at the preview with
every problem by sheet/row/column, then import all-or-nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..errors import KesalahanPengguna
from ..services.tc27 import (
    PemetaanKolom,
    PeranKolom,
    PerluKonfirmasi,
    Pratinjau,
    baca_pemetaan,
    impor_rencana,
    pratinjau_impor,
    simpan_pemetaan,
)
from ..services.tc27.lembar import huruf_kolom
from .konteks import Konteks

LABEL_STATUS = {"baru": "baru", "ubah": "berubah", "sama": "tetap", "": "baru"}


class HalamanBerkas(QWizardPage):
    def __init__(self, wiz: WizardImporRencana) -> None:
        super().__init__()
        self.wiz = wiz
        self.setTitle("Pilih berkas Renstra")
        self.setSubTitle(
            "Tabel T-C.27 Permendagri 86/2017 (.xlsx atau .xls) atau berkas data sakip-data/1 "
            "(.yaml). Tidak ada yang ditulis sebelum langkah terakhir."
        )
        tata = QVBoxLayout(self)
        baris = QHBoxLayout()
        self.berkas = QLineEdit(objectName="berkasImpor")
        self.berkas.setPlaceholderText("Pilih berkas…")
        pilih = QPushButton("Telusuri…")
        pilih.clicked.connect(self._telusuri)
        baris.addWidget(self.berkas, 1)
        baris.addWidget(pilih)
        tata.addLayout(baris)
        tata.addWidget(QLabel("OPD tujuan (kosongkan untuk OPD yang sedang dibuka):"))
        self.opd = QLineEdit(objectName="opdImpor")
        tata.addWidget(self.opd)
        self.berkas.textChanged.connect(self.completeChanged)

    def _telusuri(self) -> None:
        nama, _ = QFileDialog.getOpenFileName(
            self, "Berkas Renstra", "", "Renstra (*.xlsx *.xls *.yaml *.yml)"
        )
        if nama:
            self.berkas.setText(nama)

    def isComplete(self) -> bool:
        return Path(self.berkas.text().strip()).is_file()

    def validatePage(self) -> bool:
        self.wiz.path = Path(self.berkas.text().strip())
        self.wiz.nama_opd = self.opd.text().strip() or self.wiz.opd_aktif
        self.wiz.pemetaan = None
        if self.wiz.path.suffix.lower() in {".xlsx", ".xls"}:
            try:
                self.wiz.pemetaan = baca_pemetaan(self.wiz.k.db, self.wiz.path)
            except KesalahanPengguna as exc:
                self.wiz.k.galat.emit("Berkas tidak dapat dibaca", exc.pesan)
                return False
        return True


class HalamanPemetaan(QWizardPage):
    """Which column is which; starts from the recognised standard titles or a saved mapping."""

    def __init__(self, wiz: WizardImporRencana) -> None:
        super().__init__()
        self.wiz = wiz
        self.setTitle("Pemetaan kolom")
        self.setSubTitle(
            "Periksa peran setiap kolom. Kolom target dan pagu memerlukan tahunnya. Pemetaan "
            "dapat disimpan untuk berkas berikutnya dengan susunan yang sama."
        )
        tata = QVBoxLayout(self)
        self.tabel = QTableWidget(0, 4, objectName="tabelPemetaan")
        self.tabel.setHorizontalHeaderLabels(["Kolom", "Judul di berkas", "Peran", "Tahun"])
        self.tabel.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        tata.addWidget(self.tabel)
        self.kurang = QLabel(styleSheet="color: #b3261e;")
        self.kurang.setWordWrap(True)
        tata.addWidget(self.kurang)
        self.simpan = QCheckBox("Simpan pemetaan ini untuk berkas dengan susunan yang sama")
        tata.addWidget(self.simpan)

    def initializePage(self) -> None:
        p = self.wiz.pemetaan
        assert p is not None
        kolom = sorted(p.label)
        self.tabel.setRowCount(len(kolom))
        self._kolom = kolom
        for r, c in enumerate(kolom):
            self.tabel.setItem(r, 0, _sel(huruf_kolom(c)))
            contoh = ", ".join(p.contoh.get(c, [])[:2])
            judul = p.label.get(c, "") + (f"  (mis. {contoh})" if contoh else "")
            self.tabel.setItem(r, 1, _sel(judul))
            peran = QComboBox()
            peran.addItem("—", None)
            for pk in PeranKolom:
                peran.addItem(pk.label, pk.value)
            kp = p.kolom.get(c)
            if kp is not None and kp.peran is not None:
                peran.setCurrentIndex(peran.findData(kp.peran.value))
            tahun = QSpinBox(minimum=0, maximum=2100, specialValueText="—")
            tahun.setValue(kp.tahun if kp is not None and kp.tahun else 0)
            peran.currentIndexChanged.connect(self._ubah)
            tahun.valueChanged.connect(self._ubah)
            self.tabel.setCellWidget(r, 2, peran)
            self.tabel.setCellWidget(r, 3, tahun)
        self._ubah()

    def _terapkan(self) -> PemetaanKolom:
        p = self.wiz.pemetaan
        assert p is not None
        for r, c in enumerate(self._kolom):
            peran = self.tabel.cellWidget(r, 2).currentData()  # type: ignore[union-attr]
            tahun = self.tabel.cellWidget(r, 3).value()  # type: ignore[union-attr]
            if peran is None:
                p.kolom.pop(c, None)
            else:
                p.atur(c, PeranKolom(peran), tahun or None)
        return p

    def _ubah(self) -> None:
        kurang = self._terapkan().kurang()
        self.kurang.setText("Belum lengkap: " + "; ".join(kurang) if kurang else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.wiz.pemetaan is not None and self.wiz.pemetaan.lengkap

    def validatePage(self) -> bool:
        p = self._terapkan()
        p.sumber = "pengguna"
        if self.simpan.isChecked():
            try:
                simpan_pemetaan(self.wiz.k.db, self.wiz.k.pelaku, p)
            except KesalahanPengguna as exc:
                self.wiz.k.galat.emit("Pemetaan tidak disimpan", exc.pesan)
                return False
        return True


class HalamanPratinjau(QWizardPage):
    def __init__(self, wiz: WizardImporRencana) -> None:
        super().__init__()
        self.wiz = wiz
        self.setTitle("Pratinjau")
        tata = QVBoxLayout(self)
        self.ringkas = QLabel(objectName="ringkasPratinjau")
        self.ringkas.setWordWrap(True)
        tata.addWidget(self.ringkas)
        self.pohon = QTreeWidget(objectName="pohonPratinjau")
        self.pohon.setHeaderLabels(["Node / indikator", "Kode", "Status", "Baris"])
        tata.addWidget(self.pohon, 3)
        tata.addWidget(QLabel("Masalah (lembar, baris, kolom):"))
        self.masalah = QListWidget(objectName="daftarMasalah")
        tata.addWidget(self.masalah, 1)
        simpan = QPushButton("Simpan daftar masalah…")
        simpan.clicked.connect(self._simpan_masalah)
        tata.addWidget(simpan, alignment=Qt.AlignmentFlag.AlignRight)
        self.setuju = QCheckBox(
            "OPD ini sudah memiliki Renstra periode ini: terapkan perubahan di atas"
        )
        self.setuju.toggled.connect(self.completeChanged)
        tata.addWidget(self.setuju)

    def initializePage(self) -> None:
        try:
            prat = pratinjau_impor(
                self.wiz.k.db, self.wiz.path, opd=self.wiz.nama_opd, pemetaan=self.wiz.pemetaan
            )
        except KesalahanPengguna as exc:
            self.wiz.pratinjau = None
            self.ringkas.setText(exc.pesan)
            self.completeChanged.emit()
            return
        self.wiz.pratinjau = prat
        jumlah = prat.jumlah()
        bagian = [
            f"{nama}: " + ", ".join(f"{n} {LABEL_STATUS.get(s, s)}" for s, n in c.items())
            for nama, c in jumlah.items()
            if c
        ]
        tujuan = "OPD baru" if prat.opd_baru else "OPD yang ada"
        teks = f"<b>{prat.nama_berkas}</b> → {prat.opd_nama} ({tujuan})<br>" + "<br>".join(bagian)
        if prat.tanpa_perubahan:
            teks += "<br><b>Berkas ini sama dengan data yang ada: tidak ada yang berubah.</b>"
        if prat.galat:
            teks += f"<br><b style='color:#b3261e'>{len(prat.galat)} galat: impor ditolak.</b>"
        self.ringkas.setText(teks)
        self.pohon.clear()
        if prat.rencana is not None:
            for akar in prat.rencana.akar:
                self._isi(akar, None)
        self.pohon.expandToDepth(1)
        self.masalah.clear()
        for m in prat.masalah:
            self.masalah.addItem(str(m))
        self.setuju.setVisible(prat.perlu_konfirmasi)
        self.setuju.setChecked(False)
        self.completeChanged.emit()

    def _isi(self, n, induk: QTreeWidgetItem | None) -> None:  # type: ignore[no-untyped-def]
        item = QTreeWidgetItem(
            induk or self.pohon,
            [
                f"{n.jenis.label}: {n.uraian}",
                n.kode or "",
                LABEL_STATUS.get(n.status, n.status),
                str(n.baris or ""),
            ],
        )
        for ind in n.indikator:
            QTreeWidgetItem(item, [f"• {ind.nama}", "", LABEL_STATUS.get(ind.status, "")])
        for a in n.anak:
            self._isi(a, item)

    def _simpan_masalah(self) -> None:
        prat = self.wiz.pratinjau
        if prat is None:
            return
        nama, _ = QFileDialog.getSaveFileName(
            self, "Simpan daftar masalah", "masalah-impor.txt", "Teks (*.txt)"
        )
        if nama:
            Path(nama).write_text(prat.teks(), encoding="utf-8")

    def isComplete(self) -> bool:
        prat = self.wiz.pratinjau
        if prat is None or not prat.bisa_diimpor or prat.tanpa_perubahan:
            return False
        return not prat.perlu_konfirmasi or self.setuju.isChecked()

    def validatePage(self) -> bool:
        try:
            hasil = impor_rencana(
                self.wiz.k.db,
                self.wiz.k.pelaku,
                self.wiz.path,
                opd=self.wiz.nama_opd,
                pemetaan=self.wiz.pemetaan,
                konfirmasi=self.setuju.isChecked(),
            )
        except PerluKonfirmasi:
            self.setuju.setVisible(True)
            return False
        except KesalahanPengguna as exc:
            self.wiz.k.galat.emit("Impor ditolak", exc.pesan)
            return False
        self.wiz.hasil = hasil
        self.wiz.k.dataBerubah.emit("*")
        return True


class HalamanSelesai(QWizardPage):
    def __init__(self, wiz: WizardImporRencana) -> None:
        super().__init__()
        self.wiz = wiz
        self.setTitle("Impor selesai")
        self.teks = QLabel(objectName="hasilImpor")
        self.teks.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.teks)

    def initializePage(self) -> None:
        hasil = self.wiz.hasil
        jumlah = getattr(hasil, "jumlah", {}) or {}
        if not jumlah:
            self.teks.setText("Tidak ada yang berubah.")
            return
        rinci = ", ".join(f"{n} {nama.replace('_', ' ')}" for nama, n in sorted(jumlah.items()))
        self.teks.setText(
            f"Renstra dari {self.wiz.path.name} telah diimpor ke {self.wiz.nama_opd}: {rinci}. "
            "Perubahan tercatat di jejak audit."
        )


class WizardImporRencana(QWizard):
    """The four steps; the mapping step is skipped for a standard or a data file."""

    HAL_BERKAS, HAL_PEMETAAN, HAL_PRATINJAU, HAL_SELESAI = range(4)

    def __init__(self, k: Konteks, opd_aktif: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.k = k
        self.opd_aktif = opd_aktif
        self.path = Path()
        self.nama_opd = opd_aktif
        self.pemetaan: PemetaanKolom | None = None
        self.pratinjau: Pratinjau | None = None
        self.hasil: object = None
        self.setWindowTitle("Impor Renstra")
        self.setPage(self.HAL_BERKAS, HalamanBerkas(self))
        self.setPage(self.HAL_PEMETAAN, HalamanPemetaan(self))
        self.setPage(self.HAL_PRATINJAU, HalamanPratinjau(self))
        self.setPage(self.HAL_SELESAI, HalamanSelesai(self))
        self.resize(900, 640)

    def nextId(self) -> int:
        sekarang = self.currentId()
        if sekarang == self.HAL_BERKAS:
            perlu = self.pemetaan is not None and (
                not self.pemetaan.lengkap or self.pemetaan.sumber == "otomatis"
            )
            return self.HAL_PEMETAAN if perlu else self.HAL_PRATINJAU
        if sekarang == self.HAL_PEMETAAN:
            return self.HAL_PRATINJAU
        if sekarang == self.HAL_PRATINJAU:
            return self.HAL_SELESAI
        return -1


def _sel(teks: str):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QTableWidgetItem

    item = QTableWidgetItem(teks)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item
