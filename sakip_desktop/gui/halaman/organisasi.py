"""Organisasi: units as a tree with their positions; forms for a unit, a position, a person.

Only a Perencana or an Administrator changes the organisation (services/organisasi.py); for
anyone else the forms are read-only, the editing buttons hidden, and a badge says why.
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QByteArray, QDate, QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import Eselon, JenisUnit, StatusPemangku
from ...model import Jabatan, Opd, Pegawai, UnitKerja
from ...services import organisasi as org
from .. import dialog
from ..hak import BOLEH, Izin, Lencana, atur_hanya_baca, buka_riwayat, hak_jendela
from ..konteks import GAGAL, Konteks
from ..ui.ui_form_jabatan import Ui_FormJabatan
from ..ui.ui_form_pegawai import Ui_FormPegawai
from ..ui.ui_form_unit import Ui_FormUnit
from .dasar import Halaman

PERAN_UNIT = Qt.ItemDataRole.UserRole
PERAN_JENIS = Qt.ItemDataRole.UserRole + 1


class HalamanOrganisasi(Halaman):
    kunci = "organisasi"
    judul = "Organisasi"

    def __init__(self, konteks: Konteks, parent: QWidget | None = None) -> None:
        super().__init__(konteks, parent)
        tata = QVBoxLayout(self)
        tombol = QHBoxLayout()
        self.tombol_unit = QPushButton("Tambah unit", objectName="tombolTambahUnit")
        self.tombol_jabatan = QPushButton("Tambah jabatan", objectName="tombolTambahJabatan")
        self.tombol_hapus = QPushButton("Hapus", objectName="tombolHapusOrganisasi")
        self.tombol_unit.clicked.connect(self._tambah_unit)
        self.tombol_jabatan.clicked.connect(self._tambah_jabatan)
        self.tombol_hapus.clicked.connect(self.hapus)
        for b in (self.tombol_unit, self.tombol_jabatan, self.tombol_hapus):
            tombol.addWidget(b)
        tombol.addStretch(1)
        # Reading the history is open to every role, so it sits apart from the edit buttons.
        self.tombol_riwayat = QPushButton("Riwayat…", objectName="tombolRiwayatOrganisasi")
        self.tombol_riwayat.setToolTip("Riwayat perubahan unit atau jabatan terpilih.")
        self.tombol_riwayat.clicked.connect(lambda: self.riwayat())
        tombol.addWidget(self.tombol_riwayat)
        tata.addLayout(tombol)
        self.lencana = Lencana()
        tata.addWidget(self.lencana)
        self.pemisah = QSplitter(Qt.Orientation.Horizontal, objectName="pemisahOrganisasi")
        self.pohon = QTreeWidget(objectName="pohonOrganisasi")
        self.pohon.setHeaderLabels(["Unit / jabatan", "Pemangku"])
        self.pohon.currentItemChanged.connect(lambda *_: self._dipilih())
        self.pemisah.addWidget(self.pohon)
        self.tumpukan = QStackedWidget()
        self.pemisah.addWidget(self.tumpukan)
        tata.addWidget(self.pemisah, 1)

        self.form_unit = QWidget()
        self.ui_unit = Ui_FormUnit()
        self.ui_unit.setupUi(self.form_unit)
        for j in JenisUnit:
            self.ui_unit.jenis.addItem(j.label, j.value)
        self.tombol_simpan_unit = QPushButton("Simpan unit", objectName="tombolSimpanUnit")
        self.tombol_simpan_unit.clicked.connect(self._simpan_unit)
        self.form_unit.layout().addWidget(self.tombol_simpan_unit)
        self.tumpukan.addWidget(self.form_unit)

        halaman_jabatan = QWidget()
        tj = QVBoxLayout(halaman_jabatan)
        self.form_jabatan = QWidget()
        self.ui_jabatan = Ui_FormJabatan()
        self.ui_jabatan.setupUi(self.form_jabatan)
        for e in Eselon:
            self.ui_jabatan.eselon.addItem(e.label, e.value)
        tj.addWidget(self.form_jabatan)
        self.tombol_simpan_jabatan = QPushButton("Simpan jabatan", objectName="tombolSimpanJabatan")
        self.tombol_simpan_jabatan.clicked.connect(self._simpan_jabatan)
        tj.addWidget(self.tombol_simpan_jabatan, alignment=Qt.AlignmentFlag.AlignRight)
        kotak = QGroupBox("Pemangku jabatan")
        self.kotak_pemangku = kotak
        tk = QFormLayout(kotak)
        self.pilih_pegawai = QComboBox(objectName="pilihPegawai")
        self.mulai = QDateEdit(QDate.currentDate(), calendarPopup=True)
        self.mulai.setDisplayFormat("dd-MM-yyyy")
        self.status = QComboBox()
        for s, label in (
            (StatusPemangku.DEFINITIF, "Definitif"),
            (StatusPemangku.PLT, "Plt. (pelaksana tugas)"),
            (StatusPemangku.PLH, "Plh. (pelaksana harian)"),
        ):
            self.status.addItem(label, s.value)
        tk.addRow("Pegawai", self.pilih_pegawai)
        tk.addRow("Mulai", self.mulai)
        tk.addRow("Status", self.status)
        self.tombol_tetapkan = QPushButton("Tetapkan pemangku", objectName="tombolTetapkanPemangku")
        self.tombol_tetapkan.clicked.connect(self._tetapkan)
        tk.addRow(self.tombol_tetapkan)
        tj.addWidget(kotak)
        kotak_pegawai = QGroupBox("Data pegawai pemangku")
        tp = QVBoxLayout(kotak_pegawai)
        self.form_pegawai = QWidget()
        self.ui_pegawai = Ui_FormPegawai()
        self.ui_pegawai.setupUi(self.form_pegawai)
        tp.addWidget(self.form_pegawai)
        self.tombol_simpan_pegawai = QPushButton("Simpan pegawai", objectName="tombolSimpanPegawai")
        self.tombol_simpan_pegawai.clicked.connect(self._simpan_pegawai)
        tp.addWidget(self.tombol_simpan_pegawai, alignment=Qt.AlignmentFlag.AlignRight)
        tj.addWidget(kotak_pegawai)
        tj.addStretch(1)
        self.tumpukan.addWidget(halaman_jabatan)
        self.pemisah.setSizes([520, 520])
        self._jabatan: dict[uuid.UUID, org.InfoJabatan] = {}
        self._pegawai_pemangku: uuid.UUID | None = None
        self.hak = hak_jendela(konteks)
        self._izin: Izin = BOLEH
        self.k.pelakuBerubah.connect(self._terapkan_hak)
        self._terapkan_hak()

    # --- permissions ------------------------------------------------------------------------
    @property
    def izin(self) -> Izin:
        """Whether the acting user may change the organisation, and why not."""
        return self._izin

    def _terapkan_hak(self) -> None:
        """Mirror the services' rule for the acting user: read-only forms, hidden buttons."""
        self._izin = self.hak.izin_organisasi()
        boleh = bool(self._izin)
        for b in (
            self.tombol_unit,
            self.tombol_jabatan,
            self.tombol_hapus,
            self.tombol_simpan_unit,
            self.tombol_simpan_jabatan,
            self.tombol_tetapkan,
            self.tombol_simpan_pegawai,
        ):
            b.setVisible(boleh)
        for wadah in (self.form_unit, self.form_jabatan, self.kotak_pemangku, self.form_pegawai):
            atur_hanya_baca(wadah, not boleh)
        self.lencana.tampilkan(self._izin)

    # --- data -------------------------------------------------------------------------------
    def segarkan(self) -> None:
        terpilih = self._pilihan()
        with self.k.baca() as sesi:
            unit = org.daftar_unit(sesi, self.k.opd_id)
            jabatan = org.daftar_jabatan_rinci(sesi, self.k.opd_id, date.today())
            opd = sesi.get(Opd, self.k.opd_id)
            assert opd is not None
            self._pemda_id = opd.pemda_id
            pegawai = org.daftar_pegawai(sesi, opd.pemda_id)
        self._jabatan = {j.id: j for j in jabatan}
        self.pohon.clear()
        item_unit: dict[uuid.UUID, QTreeWidgetItem] = {}
        anak: dict[uuid.UUID | None, list[org.InfoUnit]] = {}
        for u in unit:
            anak.setdefault(u.parent_id, []).append(u)

        def tambah(u: org.InfoUnit, induk: QTreeWidgetItem | None) -> None:
            label = (
                u.nama
                if u.nama.lower().startswith(u.jenis.label.lower())
                else (f"{u.jenis.label} {u.nama}")
            )
            item = QTreeWidgetItem(induk or self.pohon, [label])
            item.setData(0, PERAN_UNIT, str(u.id))
            item.setData(0, PERAN_JENIS, "unit")
            item_unit[u.id] = item
            for j in jabatan_unit.get(u.id, []):
                item_jabatan(j, item)
            for a in anak.get(u.id, []):
                tambah(a, item)

        jabatan_unit: dict[uuid.UUID | None, list[org.InfoJabatan]] = {}
        for j in jabatan:
            jabatan_unit.setdefault(j.unit_id, []).append(j)

        def item_jabatan(j: org.InfoJabatan, induk: QTreeWidgetItem | None) -> None:
            item = QTreeWidgetItem(induk or self.pohon, [j.nama, j.pemangku or "— kosong —"])
            item.setData(0, PERAN_UNIT, str(j.id))
            item.setData(0, PERAN_JENIS, "jabatan")
            if j.pemangku is None:
                item.setForeground(1, Qt.GlobalColor.darkRed)

        for u in anak.get(None, []):
            tambah(u, None)
        for j in jabatan_unit.get(None, []):
            item_jabatan(j, None)
        self.pohon.expandAll()
        self.pohon.setColumnWidth(0, 430)
        self._isi_pilihan(unit, jabatan, pegawai)
        if terpilih:
            self._pilih(*terpilih)
        elif self.pohon.topLevelItemCount():
            self.pohon.setCurrentItem(self.pohon.topLevelItem(0))

    def _isi_pilihan(
        self,
        unit: list[org.InfoUnit],
        jabatan: list[org.InfoJabatan],
        pegawai: list[tuple[uuid.UUID, str]],
    ) -> None:
        u = self.ui_jabatan
        for combo, isi in (
            (u.unit, [(x.id, x.nama) for x in unit]),
            (u.atasan, [(x.id, x.nama) for x in jabatan]),
            (self.pilih_pegawai, pegawai),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("—", None)
            for i, nama in isi:
                combo.addItem(nama, str(i))
            combo.blockSignals(False)

    def _pilihan(self) -> tuple[str, str] | None:
        item = self.pohon.currentItem()
        if item is None:
            return None
        return item.data(0, PERAN_JENIS), item.data(0, PERAN_UNIT)

    def riwayat(self) -> QWidget | None:
        """The audit history of the selected unit or position."""
        pilihan = self._pilihan()
        tabel = {"unit": UnitKerja.__tablename__, "jabatan": Jabatan.__tablename__}
        if pilihan is None or pilihan[0] not in tabel:
            return buka_riwayat(self, self.k, "", None)
        return buka_riwayat(self, self.k, tabel[pilihan[0]], uuid.UUID(pilihan[1]))

    def _pilih(self, jenis: str, rid: str) -> None:
        for item in self.pohon.findItems(
            "*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive
        ):
            if item.data(0, PERAN_JENIS) == jenis and item.data(0, PERAN_UNIT) == rid:
                self.pohon.setCurrentItem(item)
                return

    def _dipilih(self) -> None:
        p = self._pilihan()
        if p is None:
            return
        jenis, rid = p
        with self.k.baca() as sesi:
            if jenis == "unit":
                unit = sesi.get(UnitKerja, uuid.UUID(rid))
                if unit is None:
                    return
                self.ui_unit.jenis.setCurrentIndex(self.ui_unit.jenis.findData(unit.jenis.value))
                self.ui_unit.nama.setText(unit.nama)
                self.ui_unit.kode.setText(unit.kode or "")
                self.tumpukan.setCurrentIndex(0)
                return
            j = sesi.get(Jabatan, uuid.UUID(rid))
            if j is None:
                return
            u = self.ui_jabatan
            u.nama.setText(j.nama)
            u.eselon.setCurrentIndex(u.eselon.findData(j.eselon.value))
            u.unit.setCurrentIndex(max(u.unit.findData(str(j.unit_id) if j.unit_id else None), 0))
            u.atasan.setCurrentIndex(
                max(u.atasan.findData(str(j.atasan_id) if j.atasan_id else None), 0)
            )
            pemangku = org.pemangku_pada(sesi, j.id, date.today())
            peg: Pegawai | None = pemangku.pegawai if pemangku else None
            self._pegawai_pemangku = peg.id if peg else None
            up = self.ui_pegawai
            for w, v in (
                (up.gelar_depan, peg.gelar_depan if peg else ""),
                (up.nama, peg.nama if peg else ""),
                (up.gelar_belakang, peg.gelar_belakang if peg else ""),
                (up.nip, peg.nip if peg else ""),
                (up.pangkat, peg.pangkat if peg else ""),
                (up.golongan, peg.golongan if peg else ""),
            ):
                w.setText(v or "")
            self.form_pegawai.setEnabled(peg is not None)
            self.tumpukan.setCurrentIndex(1)

    # --- writes -----------------------------------------------------------------------------
    def _uuid(self, data: object) -> uuid.UUID | None:
        return uuid.UUID(str(data)) if data else None

    def _simpan_unit(self) -> None:
        if not self._izin:
            return
        p = self._pilihan()
        if p is None or p[0] != "unit":
            return
        u = self.ui_unit
        hasil = self.k.tulis(
            org.simpan_unit,
            self.k.opd_id,
            uuid.UUID(p[1]),
            jenis=JenisUnit(u.jenis.currentData()),
            nama=u.nama.text(),
            kode=u.kode.text(),
            area="organisasi",
        )
        if hasil is not GAGAL:
            self.segarkan()

    def _tambah_unit(self) -> None:
        if not self._izin:
            return
        p = self._pilihan()
        induk = uuid.UUID(p[1]) if p and p[0] == "unit" else None
        hasil = self.k.tulis(
            org.simpan_unit,
            self.k.opd_id,
            None,
            jenis=JenisUnit.SEKSI,
            nama="Unit baru",
            parent_id=induk,
            area="organisasi",
        )
        if hasil is not GAGAL:
            self.segarkan()
            self._pilih("unit", str(hasil))
            self.ui_unit.nama.setFocus()
            self.ui_unit.nama.selectAll()

    def _simpan_jabatan(self) -> None:
        if not self._izin:
            return
        p = self._pilihan()
        if p is None or p[0] != "jabatan":
            return
        u = self.ui_jabatan
        jid = uuid.UUID(p[1])
        hasil = self.k.tulis(
            org.simpan_jabatan,
            self.k.opd_id,
            jid,
            nama=u.nama.text(),
            eselon=Eselon(u.eselon.currentData()),
            unit_id=self._uuid(u.unit.currentData()),
            atasan_id=self._uuid(u.atasan.currentData()),
            versi=self._jabatan[jid].versi if jid in self._jabatan else None,
            area="organisasi",
        )
        if hasil is not GAGAL:
            self.segarkan()

    def _tambah_jabatan(self) -> None:
        if not self._izin:
            return
        p = self._pilihan()
        unit = uuid.UUID(p[1]) if p and p[0] == "unit" else None
        hasil = self.k.tulis(
            org.simpan_jabatan,
            self.k.opd_id,
            None,
            nama="Jabatan baru",
            eselon=Eselon.STAF,
            unit_id=unit,
            atasan_id=None,
            area="organisasi",
        )
        if hasil is not GAGAL:
            self.segarkan()
            self._pilih("jabatan", str(hasil))

    def _simpan_pegawai(self) -> None:
        if not self._izin:
            return
        if self._pegawai_pemangku is None:
            return
        up = self.ui_pegawai
        hasil = self.k.tulis(
            org.simpan_pegawai,
            self._pemda_id,
            self._pegawai_pemangku,
            nama=up.nama.text(),
            nip=up.nip.text(),
            gelar_depan=up.gelar_depan.text(),
            gelar_belakang=up.gelar_belakang.text(),
            pangkat=up.pangkat.text(),
            golongan=up.golongan.text(),
            area="organisasi",
        )
        if hasil is not GAGAL:
            self.segarkan()

    def _tetapkan(self) -> None:
        if not self._izin:
            return
        p = self._pilihan()
        pegawai = self._uuid(self.pilih_pegawai.currentData())
        if p is None or p[0] != "jabatan" or pegawai is None:
            return
        d = self.mulai.date()
        hasil = self.k.tulis(
            org.tetapkan_pemangku,
            uuid.UUID(p[1]),
            pegawai,
            mulai=date(d.year(), d.month(), d.day()),
            status=StatusPemangku(self.status.currentData()),
            area="organisasi",
        )
        if hasil is not GAGAL:
            self.segarkan()

    def hapus(self) -> None:
        if not self._izin:
            return
        p = self._pilihan()
        if p is None:
            return
        item = self.pohon.currentItem()
        if not dialog.tanya(self, "Konfirmasi hapus", f"Hapus {item.text(0)}?", tombol_ya="Hapus"):
            return
        fungsi = org.hapus_unit if p[0] == "unit" else org.hapus_jabatan
        if self.k.tulis(fungsi, uuid.UUID(p[1]), area="organisasi") is not GAGAL:
            self.segarkan()

    def simpan_keadaan(self, s: QSettings) -> None:
        s.setValue("organisasi/pemisah", self.pemisah.saveState())

    def pulihkan_keadaan(self, s: QSettings) -> None:
        nilai = s.value("organisasi/pemisah")
        if isinstance(nilai, QByteArray):
            self.pemisah.restoreState(nilai)
