"""Dasbor: the year at a glance — per sasaran and IKU, target vs realization by quarter,
the capaian band, budget absorption — and the early warning list beside it.

Everything comes from services.peringatan (`data_dasbor`, the same capaian as every printed
table) and services.anggaran (`ringkasan_anggaran`). Clicking a warning, or a quarter of a
chart, opens the Realisasi page on that indicator and quarter.
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from html import escape

from PySide6.QtCore import QDate, QLocale, QSettings, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...angka import format_persen, format_rupiah, format_tanggal
from ...errors import KesalahanPengguna
from ...kalkulasi import NAMA_TRIWULAN, band_untuk, persentase, realisasi_sampai, target_sampai
from ...kalkulasi import BandCapaian as Band
from ...services.anggaran import RingkasanAnggaran, ringkasan_anggaran
from ...services.konteks import renstra_untuk
from ...services.pengaturan import band_capaian
from ...services.peringatan import (
    DataDasbor,
    IndikatorDasbor,
    Peringatan,
    SasaranDasbor,
    data_dasbor,
)
from ..grafik import BilahSerapan, DataGrafik, GrafikTriwulan, html_legenda_band, pucat, teks_angka
from ..konteks import Konteks
from .dasar import Halaman

TINGKAT_PERINGATAN = (
    ("Sasaran & program (tingkat 0–3)", 3),
    ("Hanya IKU & tujuan (tingkat 0–2)", 2),
    ("Semua tingkat", None),
)
PERAN_PERINGATAN = Qt.ItemDataRole.UserRole + 1


def data_grafik(
    s: SasaranDasbor, i: IndikatorDasbor, bands: list[Band] | tuple[Band, ...]
) -> DataGrafik:
    """The chart of one indicator: the quarter's (cumulated) target and realization, as
    capaian compares them, each realization coloured by its capaian band."""
    target: list[Decimal | None] = []
    realisasi: list[Decimal | None] = []
    warna: list[str | None] = []
    keterangan: list[str] = []
    for n in range(1, 5):
        t = target_sampai(i.agregasi, i.target_triwulan, n)
        punya = i.realisasi_triwulan[n - 1] is not None
        r = realisasi_sampai(i.agregasi, i.realisasi_triwulan, n) if punya else None
        cap = i.capaian_triwulan[n - 1]
        cap_thn = i.capaian_tahunan_triwulan[n - 1]
        band = band_untuk(cap if cap is not None else cap_thn, bands)
        target.append(t)
        realisasi.append(r)
        warna.append(band.warna if band else None)
        teks = (
            f"{NAMA_TRIWULAN[n - 1]}: target {teks_angka(t, i.satuan)}, "
            f"realisasi {teks_angka(r, i.satuan)}"
        )
        if cap is not None:
            teks += f"\nCapaian triwulan {format_persen(cap)}" + (
                f" ({band.label})" if band else ""
            )
        if cap_thn is not None:
            teks += f"\nCapaian terhadap target tahun {format_persen(cap_thn)}"
        keterangan.append(teks + "\nKlik untuk membuka isian realisasinya.")
    tahunan = i.target_tahunan.nilai if i.target_tahunan is not None else None
    sub = i.agregasi.label.lower()
    if i.agregasi.value == "akumulasi":
        sub += " (kumulatif s.d. triwulan)"
    return DataGrafik(
        judul=f"{i.kode} · {i.nama}",
        satuan=i.satuan,
        target=tuple(target),
        realisasi=tuple(realisasi),
        target_tahunan=tahunan,
        warna=tuple(warna),
        keterangan=tuple(keterangan),
        subjudul=f"{sub}; satuan {i.satuan}",
    )


def anggaran_per_indikator(
    r: RingkasanAnggaran,
) -> dict[uuid.UUID, tuple[Decimal, Decimal | None]]:
    """Indicator (or, for budget of a sasaran without a named IKU, the sasaran's node id) →
    (pagu, realization)."""
    hasil: dict[uuid.UUID, tuple[Decimal, Decimal | None]] = {}
    for b in r.baris:
        kunci = b.indikator_id or b.sasaran_id
        pagu, real = hasil.get(kunci, (Decimal(0), None))
        if b.realisasi is not None:
            real = (real or Decimal(0)) + b.realisasi
        hasil[kunci] = (pagu + b.pagu, real)
    return hasil


class KartuIndikator(QFrame):
    """One IKU of a sasaran: chart, capaian chip and budget bar."""

    def __init__(
        self,
        s: SasaranDasbor,
        i: IndikatorDasbor,
        bands: list[Band],
        anggaran: tuple[Decimal, Decimal | None] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.sasaran, self.indikator = s, i
        self.setObjectName("kartuIndikator")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#kartuIndikator { background: palette(base); border-radius: 4px; }")
        tata = QVBoxLayout(self)
        tata.setContentsMargins(8, 6, 8, 8)
        tata.setSpacing(4)
        kepala = QLabel(f"<b>{escape(s.kode or '')} {escape(s.uraian)}</b>")
        kepala.setObjectName("judulSasaran")
        kepala.setToolTip(s.uraian)
        tata.addWidget(kepala)
        self.grafik = GrafikTriwulan(self)
        self.grafik.atur(data_grafik(s, i, bands))
        self.grafik.setToolTip(i.nama)
        tata.addWidget(self.grafik, 1)
        self.label_capaian = QLabel(objectName="capaianTahun")
        band = i.band
        if i.capaian_tahunan is None:
            teks = "Capaian terhadap target tahun: — (belum ada realisasi)"
            gaya = "background:#f4f6f7; color:#5d6d7e;"
        else:
            label = f" · {band.label}" if band else ""
            teks = (
                f"Capaian terhadap target tahun: <b>{format_persen(i.capaian_tahunan)}</b>{label}"
            )
            warna = band.warna if band else "#7f8c8d"
            gaya = (
                f"background:{pucat(warna, 0.8).name()}; border-left: 5px solid {warna};"
                "color:#1c2833;"
            )
        self.label_capaian.setText(teks)
        self.label_capaian.setStyleSheet(f"QLabel {{ {gaya} padding: 2px 6px; }}")
        tata.addWidget(self.label_capaian)
        baris = QHBoxLayout()
        baris.addWidget(QLabel("Serapan anggaran:"))
        self.bilah = BilahSerapan(self)
        if anggaran is None:
            self.bilah.atur(None, None, None)
        else:
            pagu, real = anggaran
            self.bilah.atur(pagu, real, persentase(real, pagu))
        baris.addWidget(self.bilah, 1)
        tata.addLayout(baris)
        self.label_anggaran = QLabel(objectName="rincianAnggaran")
        self.label_anggaran.setStyleSheet("color:#5d6d7e;")
        if anggaran is not None:
            pagu, real = anggaran
            dipakai = format_rupiah(real) if real is not None else "Rp 0"
            self.label_anggaran.setText(f"{dipakai} dari pagu {format_rupiah(pagu)}")
        else:
            self.label_anggaran.setText("Tidak ada anggaran yang dialokasikan ke IKU ini.")
        tata.addWidget(self.label_anggaran)
        self.setMinimumHeight(250)


class HalamanDasbor(Halaman):
    kunci = "dashboard"
    judul = "Dasbor"

    def __init__(self, konteks: Konteks, parent: QWidget | None = None) -> None:
        super().__init__(konteks, parent)
        self._tanggal_diatur = False
        self.data: DataDasbor | None = None
        self.kartu: list[KartuIndikator] = []
        self._bangun()
        self.k.tahunBerubah.connect(self._tahun_berubah)
        self.k.dataBerubah.connect(self._data_berubah)

    # --- layout -------------------------------------------------------------------------
    def _bangun(self) -> None:
        tata = QVBoxLayout(self)
        atas = QHBoxLayout()
        atas.addWidget(QLabel("Per tanggal:"))
        self.pilih_tanggal = QDateEdit(objectName="pilihTanggalDasbor")
        self.pilih_tanggal.setCalendarPopup(True)
        self.pilih_tanggal.setLocale(
            QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
        )
        self.pilih_tanggal.setDisplayFormat("d MMMM yyyy")
        self.pilih_tanggal.setToolTip(
            "Triwulan yang sudah lewat pada tanggal ini (atau sudah ditutup) dan belum diisi "
            "masuk daftar peringatan."
        )
        self.pilih_tanggal.dateChanged.connect(self._tanggal_dipilih)
        atas.addWidget(self.pilih_tanggal)
        self.ringkasan = QLabel(objectName="ringkasanDasbor")
        self.ringkasan.setWordWrap(True)
        atas.addWidget(self.ringkasan, 1)
        tata.addLayout(atas)
        self.legenda = QLabel(objectName="legendaDasbor")
        self.legenda.setWordWrap(True)
        tata.addWidget(self.legenda)

        pemisah = QSplitter(Qt.Orientation.Horizontal, objectName="pemisahDasbor")
        self.gulir = QScrollArea(objectName="gulirKartu")
        self.gulir.setWidgetResizable(True)
        self.gulir.setFrameShape(QFrame.Shape.NoFrame)
        self.wadah = QWidget()
        self.kisi = QGridLayout(self.wadah)
        self.kisi.setContentsMargins(0, 0, 4, 0)
        self.kisi.setSpacing(8)
        self.gulir.setWidget(self.wadah)
        pemisah.addWidget(self.gulir)

        kanan = QWidget()
        tk = QVBoxLayout(kanan)
        tk.setContentsMargins(4, 0, 0, 0)
        self.judul_peringatan = QLabel("<b>Peringatan dini</b>", objectName="judulPeringatan")
        tk.addWidget(self.judul_peringatan)
        self.pilih_tingkat = QComboBox(objectName="pilihTingkatPeringatan")
        for label, tingkat in TINGKAT_PERINGATAN:
            self.pilih_tingkat.addItem(label, tingkat)
        self.pilih_tingkat.currentIndexChanged.connect(lambda _i: self._isi_peringatan())
        tk.addWidget(self.pilih_tingkat)
        self.daftar_peringatan = QListWidget(objectName="daftarPeringatan")
        self.daftar_peringatan.setWordWrap(True)
        self.daftar_peringatan.setAlternatingRowColors(False)
        self.daftar_peringatan.setSpacing(1)
        self.daftar_peringatan.itemClicked.connect(self._peringatan_diklik)
        self.daftar_peringatan.itemActivated.connect(self._peringatan_diklik)
        tk.addWidget(self.daftar_peringatan, 1)
        catatan = QLabel("Klik peringatan untuk membuka isian realisasinya.")
        catatan.setStyleSheet("color:#5d6d7e;")
        catatan.setWordWrap(True)
        tk.addWidget(catatan)
        pemisah.addWidget(kanan)
        pemisah.setStretchFactor(0, 3)
        pemisah.setStretchFactor(1, 1)
        pemisah.setSizes([780, 330])
        self.pemisah = pemisah
        tata.addWidget(pemisah, 1)

    # --- loading ------------------------------------------------------------------------
    def hari_ini(self) -> date:
        return self.pilih_tanggal.date().toPython()  # type: ignore[no-any-return]

    def _tanggal_bawaan(self) -> date:
        """Today, or the year's last day when the year is over (or its first if ahead)."""
        return min(max(date.today(), date(self.k.tahun, 1, 1)), date(self.k.tahun, 12, 31))

    def atur_tanggal(self, tanggal: date) -> None:
        """Measure the warnings as of ``tanggal`` (kept until the year changes)."""
        self._tanggal_diatur = True
        self.pilih_tanggal.setDate(QDate(tanggal.year, tanggal.month, tanggal.day))

    def segarkan(self) -> None:
        self._basi = False
        if not self._tanggal_diatur:
            self.pilih_tanggal.blockSignals(True)
            t = self._tanggal_bawaan()
            self.pilih_tanggal.setDate(QDate(t.year, t.month, t.day))
            self.pilih_tanggal.blockSignals(False)
        try:
            with self.k.baca() as sesi:
                opd = self.k.opd(sesi)
                data = data_dasbor(sesi, opd, self.k.tahun, hari_ini=self.hari_ini())
                anggaran = ringkasan_anggaran(
                    sesi, renstra_untuk(sesi, opd, self.k.tahun), self.k.tahun
                )
                bands = band_capaian(sesi, opd.id)
        except KesalahanPengguna as exc:
            self.data = None
            self._isi_kartu(None, None, [])
            self.ringkasan.setText(f"<span style='color:#8b1a1a'>{escape(exc.pesan)}</span>")
            self.daftar_peringatan.clear()
            return
        self.data = data
        self._isi_kartu(data, anggaran, bands)
        self._isi_ringkasan(data, anggaran)
        self.legenda.setText(
            "<span style='color:#7f8c8d'>▭</span> target triwulan &nbsp; "
            "■ realisasi (warna = pita capaian triwulan) &nbsp; "
            "<span style='color:#c0392b'>- - -</span> target tahun<br>Pita capaian: "
            + html_legenda_band(bands)
        )
        self._isi_peringatan()

    def _isi_kartu(
        self, data: DataDasbor | None, anggaran: RingkasanAnggaran | None, bands: list[Band]
    ) -> None:
        while self.kisi.count():
            item = self.kisi.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        self.kartu = []
        if data is None or anggaran is None:
            return
        per_ind = anggaran_per_indikator(anggaran)
        kolom = 2
        for s in data.sasaran:
            for i in s.indikator:
                kartu = KartuIndikator(
                    s, i, bands, per_ind.get(i.indikator_id) or per_ind.get(s.node_id)
                )
                kartu.grafik.triwulanDiklik.connect(
                    lambda tw, iid=i.indikator_id: self.buka_realisasi(iid, tw)
                )
                n = len(self.kartu)
                self.kisi.addWidget(kartu, n // kolom, n % kolom)
                self.kartu.append(kartu)
        if not self.kartu:
            kosong = QLabel("Belum ada sasaran dengan indikator pada tahun ini.")
            self.kisi.addWidget(kosong, 0, 0)
        self.kisi.setRowStretch(len(self.kartu) // kolom + 1, 1)

    def _isi_ringkasan(self, data: DataDasbor, anggaran: RingkasanAnggaran) -> None:
        meleset = sum(1 for p in data.peringatan if p.jenis == "meleset")
        kosong = sum(1 for p in data.peringatan if p.jenis == "belum_diisi")
        if anggaran.total_realisasi is None:
            uang = f"belum ada realisasi dari {format_rupiah(anggaran.total_pagu)}"
        else:
            uang = (
                f"<b>{format_persen(anggaran.total_serapan)}</b> "
                f"({format_rupiah(anggaran.total_realisasi)} dari "
                f"{format_rupiah(anggaran.total_pagu)})"
            )
        self.ringkasan.setText(
            f"<b>Tahun {data.tahun}</b> per {format_tanggal(data.hari_ini)} · serapan anggaran "
            f"sasaran {uang} · <span style='color:#c0392b'><b>{meleset}</b> indikator "
            f"diproyeksikan meleset</span> · <span style='color:#9a5b00'><b>{kosong}</b> "
            "belum diisi untuk triwulan yang lewat</span>"
        )

    def peringatan_tampil(self) -> list[Peringatan]:
        """The warnings the list shows under the level filter, in order."""
        if self.data is None:
            return []
        batas = self.pilih_tingkat.currentData()
        return [
            p
            for p in self.data.peringatan
            if batas is None or (p.level is not None and p.level <= batas)
        ]

    def _isi_peringatan(self) -> None:
        self.daftar_peringatan.clear()
        daftar = self.peringatan_tampil()
        semua = self.data.peringatan if self.data else ()
        for jenis, judul, warna in (
            ("meleset", "Diproyeksikan meleset dari target tahun", "#c0392b"),
            ("belum_diisi", "Realisasi belum diisi (triwulan sudah lewat)", "#9a5b00"),
        ):
            pilih = [p for p in daftar if p.jenis == jenis]
            total = sum(1 for p in semua if p.jenis == jenis)
            kepala = QListWidgetItem(
                f"{judul}: {len(pilih)}" + (f" dari {total}" if total != len(pilih) else "")
            )
            f = kepala.font()
            f.setBold(True)
            kepala.setFont(f)
            kepala.setForeground(QBrush(QColor(warna)))
            kepala.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.daftar_peringatan.addItem(kepala)
            for p in pilih:
                item = QListWidgetItem(f"● {p.pesan}")
                item.setData(PERAN_PERINGATAN, p)
                item.setToolTip(f"{p.kode} — {p.indikator}\nSasaran: {p.sasaran}")
                item.setForeground(QBrush(QColor("#1c2833")))
                item.setBackground(QBrush(pucat(warna, 0.9)))
                self.daftar_peringatan.addItem(item)
        n = len(daftar)
        self.judul_peringatan.setText(f"<b>Peringatan dini</b> ({n})")

    # --- opening the entry page ---------------------------------------------------------
    def _peringatan_diklik(self, item: QListWidgetItem) -> None:
        p = item.data(PERAN_PERINGATAN)
        if isinstance(p, Peringatan):
            tw = p.triwulan[0] if p.jenis == "belum_diisi" else p.triwulan[-1]
            self.buka_realisasi(p.indikator_id, tw)

    def buka_realisasi(self, indikator_id: uuid.UUID, triwulan: int) -> bool:
        """Open the Realisasi page on an indicator and quarter; False when the acting user
        does not see that indicator there (it belongs to another unit)."""
        jendela = self.window()
        buka = getattr(jendela, "buka_halaman", None)
        if buka is None:
            return False
        buka("realisasi")
        halaman = jendela.halaman_aktif()  # type: ignore[attr-defined]
        if getattr(halaman, "kunci", "") != "realisasi":
            return False  # the user chose to stay on the page they were leaving
        if halaman.tampilkan_indikator(indikator_id, triwulan):
            return True
        self.k.galat.emit(
            "Indikator tidak ditampilkan",
            f"Indikator ini bukan milik unit {self.k.pelaku.label}, sehingga tidak ada di "
            "halaman Realisasi Anda.",
        )
        return False

    # --- reacting -----------------------------------------------------------------------
    def _tanggal_dipilih(self, _d: QDate) -> None:
        self._tanggal_diatur = True
        self.segarkan()

    def _tahun_berubah(self, _t: int) -> None:
        self._tanggal_diatur = False
        self._data_berubah("*")

    def _data_berubah(self, _area: str) -> None:
        self.segarkan_bila_tampil()

    def simpan_keadaan(self, s: QSettings) -> None:
        s.setValue("dasbor/tingkat", self.pilih_tingkat.currentIndex())

    def pulihkan_keadaan(self, s: QSettings) -> None:
        i = s.value("dasbor/tingkat")
        if i is not None and 0 <= int(i) < self.pilih_tingkat.count():
            self.pilih_tingkat.setCurrentIndex(int(i))
