"""The realization entry table of one quarter: what is stored, what is typed, and its preview.

Rows are the `EntriRealisasi` lines of services.realisasi. What the user types stays in the
model as text until it is saved, so a refused value is still on screen (red, with the
reason as tooltip) and a failed save loses nothing. Every keystroke recomputes the row
with `services.realisasi.pratinjau` — the same bounds and capaian engine as the save — so a
derived indicator shows its percentage while the components are typed.

`perubahan` turns the typed rows into `PerubahanBaris` (old and new values), which
`simpan_perubahan` writes inside ONE transaction (the page calls it through
`Konteks.tulis`); undo writes the old values back the same way.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from sqlalchemy.orm import Session

from ..angka import AngkaTidakSah, format_angka, format_persen, format_rentang, parse_angka_opsional
from ..domain import JenisIndikator, StatusRealisasi
from ..kalkulasi import NilaiTarget
from ..services.pelaku import Pelaku
from ..services.realisasi import (
    EntriRealisasi,
    Pratinjau,
    label_periode,
    pratinjau,
    simpan_realisasi_rinci,
)
from ..services.tindak_lanjut import simpan_tindak_lanjut
from .grafik import pucat, teks_angka

Indeks = QModelIndex | QPersistentModelIndex

(
    K_KODE,
    K_INDIKATOR,
    K_SATUAN,
    K_TARGET_TW,
    K_TARGET_TAHUN,
    K_KOMPONEN_A,
    K_KOMPONEN_B,
    K_REALISASI,
    K_CAPAIAN_TW,
    K_CAPAIAN_TAHUN,
    K_STATUS,
    K_BUKTI,
    K_CATATAN,
    K_KETERANGAN,
    K_TINDAK_LANJUT,
) = range(15)

JUDUL_KOLOM = (
    "Kode",
    "Indikator",
    "Satuan",
    "Target TW",
    "Target\ntahun",
    "Komponen A\n(N / bagian)",
    "Komponen B\n(N−1 / seluruh)",
    "Realisasi",
    "Capaian\nthd TW",
    "Capaian\nthd tahun",
    "Status",
    "Bukti",
    "Catatan bukti",
    "Keterangan",
    "Tindak lanjut",
)

PERAN_ENTRI = Qt.ItemDataRole.UserRole + 1
"""The row's `EntriRealisasi` (as loaded, without what is typed)."""
PERAN_INDIKATOR_ID = Qt.ItemDataRole.UserRole + 2
PERAN_GALAT = Qt.ItemDataRole.UserRole + 3
"""Why the cell's typed value is refused, else None."""
PERAN_DIUBAH = Qt.ItemDataRole.UserRole + 4
"""True when the cell holds an unsaved edit."""
PERAN_BAND = Qt.ItemDataRole.UserRole + 5
"""The capaian band (`kalkulasi.BandCapaian`) of a capaian cell, else None."""
PERAN_KETIK = Qt.ItemDataRole.UserRole + 6
"""setData role of a keystroke: recompute the row, but do not announce a refusal yet."""

FIELD_KOLOM = {
    K_KOMPONEN_A: "a",
    K_KOMPONEN_B: "b",
    K_REALISASI: "nilai",
    K_CATATAN: "catatan",
    K_KETERANGAN: "keterangan",
    K_TINDAK_LANJUT: "tindak_lanjut",
}
KOLOM_FIELD = {v: k for k, v in FIELD_KOLOM.items()}
FIELD_REALISASI = ("a", "b", "nilai", "catatan", "keterangan")
"""Fields saved through simpan_realisasi (tindak lanjut has its own service)."""
KOLOM_ANGKA = {K_TARGET_TW, K_TARGET_TAHUN, K_KOMPONEN_A, K_KOMPONEN_B, K_REALISASI}
KOLOM_ANGKA |= {K_CAPAIAN_TW, K_CAPAIAN_TAHUN, K_BUKTI}

LABEL_KOMPONEN = {
    JenisIndikator.PERSENTASE_PENINGKATAN: ("Jumlah tahun N", "Jumlah tahun N−1"),
    JenisIndikator.PERSENTASE_PENYELESAIAN: ("Bagian (terselesaikan)", "Keseluruhan (yang ada)"),
}

KOLOM_ISIAN = {K_KOMPONEN_A, K_KOMPONEN_B, K_REALISASI, K_CATATAN, K_KETERANGAN}
"""Entry columns: grey where the row (or the indicator's kind) does not take input."""

WARNA_DIUBAH = QColor("#fff3c4")
WARNA_TERKUNCI = QColor("#f0f2f3")
WARNA_GALAT = QColor("#f5c6cb")
WARNA_TEKS_GALAT = QColor("#8b1a1a")
WARNA_STATUS = {
    StatusRealisasi.DRAF: QColor("#7d6608"),
    StatusRealisasi.DIAJUKAN: QColor("#1f5fa8"),
    StatusRealisasi.DIVERIFIKASI: QColor("#1b7f3b"),
}


def label_komponen(e: EntriRealisasi) -> tuple[str, str]:
    """The names of the two raw counts of a derived indicator."""
    a, b = LABEL_KOMPONEN.get(e.jenis, ("Komponen A", "Komponen B"))
    return e.label_komponen_a or a, e.label_komponen_b or b


def teks_target_sel(t: NilaiTarget | None, satuan: str) -> str:
    """A target in a cell: "5,15%", "192", "95,92%–96,89%", "WTP", "—"."""
    if t is None or t.kosong:
        return "—"
    if t.is_predikat:
        return str(t.teks)
    if t.nilai_maks is not None:
        return format_rentang(t.nilai, t.nilai_maks, "%" if satuan.strip() == "%" else None)
    return teks_angka(t.nilai, satuan)


# --- what a save writes -------------------------------------------------------------------


@dataclass(frozen=True)
class IsianRealisasi:
    """One entry's fields as simpan_realisasi takes them."""

    nilai: Decimal | None = None
    komponen: tuple[Decimal | None, Decimal | None] | None = None
    nilai_teks: str | None = None
    catatan: str | None = None
    keterangan: str | None = None
    sumber_data: str | None = None


@dataclass(frozen=True)
class PerubahanBaris:
    """A row's edit: (old, new) of the entry and of the follow-up; None = untouched."""

    indikator_id: uuid.UUID
    kode: str
    realisasi: tuple[IsianRealisasi, IsianRealisasi] | None = None
    tindak_lanjut: tuple[str | None, str | None] | None = None


def simpan_perubahan(
    sesi: Session,
    pelaku: Pelaku,
    tahun: int,
    triwulan: int,
    perubahan: Sequence[PerubahanBaris],
    *,
    balik: bool = False,
) -> list[str]:
    """Write every edited row in the caller's transaction; ``balik`` writes the old values
    (undo). Returns one message per change. Any refusal aborts the whole transaction."""
    pesan: list[str] = []
    i = 0 if balik else 1
    for p in perubahan:
        if p.realisasi is not None:
            isi = p.realisasi[i]
            komponen = isi.komponen
            if komponen is not None and komponen == (None, None):
                komponen = None
            hasil = simpan_realisasi_rinci(
                sesi,
                pelaku,
                p.indikator_id,
                tahun,
                triwulan,
                nilai=isi.nilai,
                komponen=komponen,  # type: ignore[arg-type]  # a missing count is refused there
                nilai_teks=isi.nilai_teks,
                catatan=isi.catatan,
                keterangan=isi.keterangan,
                sumber_data=isi.sumber_data,
            )
            if hasil.berubah:
                pesan.append(hasil.pesan)
        if p.tindak_lanjut is not None:
            teks = p.tindak_lanjut[i]
            if simpan_tindak_lanjut(sesi, pelaku, p.indikator_id, tahun, triwulan, teks):
                periode = label_periode(tahun, triwulan)
                pesan.append(
                    f"Tindak lanjut {p.kode} {periode} "
                    + ("disimpan." if (teks or "").strip() else "dihapus.")
                )
    return pesan


def isian_tersimpan(e: EntriRealisasi) -> IsianRealisasi:
    """What is stored now, as simpan_realisasi would take it back (for undo)."""
    komponen = None
    if e.jenis.dari_komponen and (e.komponen_a is not None or e.komponen_b is not None):
        komponen = (e.komponen_a, e.komponen_b)
    return IsianRealisasi(
        nilai=None if e.jenis.dari_komponen else e.nilai,
        komponen=komponen,
        nilai_teks=e.nilai_teks,
        catatan=e.catatan,
        keterangan=e.keterangan,
        sumber_data=e.sumber_data,
    )


# --- the model ----------------------------------------------------------------------------


@dataclass
class _Baris:
    entri: EntriRealisasi
    tindak_lanjut: str | None
    isian: dict[str, str] = field(default_factory=dict)
    """Field → the text typed and not saved."""
    galat: dict[str, str] = field(default_factory=dict)
    pratinjau: Pratinjau | None = None
    versi_dasar: tuple[uuid.UUID | None, int | None] | None = None
    """(realisasi_id, versi) of the entry when the user started typing on the row: the save
    is checked against it, so a reload under the typed values never hides someone else's
    save (Konteks.tulis ``versi_dimuat``)."""


def _teks_tersimpan(b: _Baris, f: str) -> str:
    e = b.entri
    if f == "a":
        return format_angka(e.komponen_a) if e.komponen_a is not None else ""
    if f == "b":
        return format_angka(e.komponen_b) if e.komponen_b is not None else ""
    if f == "nilai":
        if e.jenis is JenisIndikator.PREDIKAT:
            return e.nilai_teks or ""
        return format_angka(e.nilai) if e.nilai is not None else ""
    if f == "tindak_lanjut":
        return b.tindak_lanjut or ""
    return str(getattr(e, f) or "")


def _angka_field(b: _Baris, f: str) -> bool:
    return f in ("a", "b") or (f == "nilai" and b.entri.jenis is not JenisIndikator.PREDIKAT)


class ModelRealisasi(QAbstractTableModel):
    """Signals:
    isianBerubah(): what is typed (or its validity) changed; the page updates its buttons.
    galatIsian(str): a committed value is refused; the message explains why.
    """

    isianBerubah = Signal()
    galatIsian = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._baris: list[_Baris] = []
        self.tahun = 0
        self.triwulan = 1

    # --- loading ------------------------------------------------------------------------
    def setel(
        self,
        entri: Sequence[EntriRealisasi],
        tindak_lanjut: dict[uuid.UUID, str],
        tahun: int,
        triwulan: int,
        *,
        pertahankan: bool = False,
    ) -> None:
        """Show a quarter's entries; ``pertahankan`` keeps what is typed on rows that stay
        (same year and quarter), dropping edits that now equal what is stored."""
        lama = {
            b.entri.indikator_id: b
            for b in self._baris
            if pertahankan and b.isian and (self.tahun, self.triwulan) == (tahun, triwulan)
        }
        self.beginResetModel()
        self.tahun, self.triwulan = tahun, triwulan
        self._baris = [_Baris(e, tindak_lanjut.get(e.indikator_id)) for e in entri]
        for b in self._baris:
            sebelum = lama.get(b.entri.indikator_id)
            if sebelum is not None:
                for f, teks in sebelum.isian.items():
                    if not self._sama(b, f, teks):
                        b.isian[f] = teks
                b.versi_dasar = sebelum.versi_dasar
            self._catat_versi(b)
            self._hitung(b)
        self.endResetModel()
        self.isianBerubah.emit()

    def entri(self, baris: int) -> EntriRealisasi:
        return self._baris[baris].entri

    def semua_entri(self) -> list[EntriRealisasi]:
        return [b.entri for b in self._baris]

    def tindak_lanjut(self, baris: int) -> str:
        """The follow-up text shown for a row (typed, else stored)."""
        b = self._baris[baris]
        return b.isian.get("tindak_lanjut", b.tindak_lanjut or "")

    def baris_indikator(self, indikator_id: uuid.UUID) -> int:
        for i, b in enumerate(self._baris):
            if b.entri.indikator_id == indikator_id:
                return i
        return -1

    # --- typed values -------------------------------------------------------------------
    @staticmethod
    def _catat_versi(b: _Baris) -> None:
        """Remember the entry's version at the first edit; forget it with the last."""
        if not set(FIELD_REALISASI) & set(b.isian):
            b.versi_dasar = None
        elif b.versi_dasar is None:
            b.versi_dasar = (b.entri.realisasi_id, b.entri.versi)

    def versi_dimuat(self) -> dict[uuid.UUID, int]:
        """Entry id → the version the typing started from, for every edited stored entry."""
        return {
            rid: versi
            for b in self._baris
            if b.versi_dasar is not None
            for rid, versi in [b.versi_dasar]
            if rid is not None and versi is not None
        }

    def buang_yang_berubah(self) -> list[str]:
        """Drop the typed values of entries someone else saved since the typing started (the
        user decided the conflict: theirs, or merged); returns their codes."""
        kode = []
        for b in self._baris:
            if b.versi_dasar is None:
                continue
            if b.versi_dasar != (b.entri.realisasi_id, b.entri.versi):
                for f in FIELD_REALISASI:
                    b.isian.pop(f, None)
                b.versi_dasar = None
                self._hitung(b)
                kode.append(b.entri.kode)
        if kode:
            self.beginResetModel()
            self.endResetModel()
            self.isianBerubah.emit()
        return kode

    def _sama(self, b: _Baris, f: str, teks: str) -> bool:
        """Is ``teks`` what is stored already (so no edit)?"""
        if _angka_field(b, f):
            try:
                baru = parse_angka_opsional(teks)
            except AngkaTidakSah:
                return False
            lama_teks = _teks_tersimpan(b, f)
            lama = parse_angka_opsional(lama_teks) if lama_teks else None
            return baru == lama
        return teks.strip() == _teks_tersimpan(b, f).strip()

    def _nilai(self, b: _Baris, f: str) -> Decimal | None:
        """A numeric field's value, typed or stored (parse errors are recorded apart)."""
        teks = b.isian.get(f, _teks_tersimpan(b, f))
        try:
            return parse_angka_opsional(teks)
        except AngkaTidakSah:
            return None

    def _hitung(self, b: _Baris) -> None:
        """Check the typed fields and recompute the value and capaian preview."""
        e = b.entri
        b.galat = {}
        b.pratinjau = None
        a_lbl, b_lbl = label_komponen(e)
        nama = {"a": a_lbl, "b": b_lbl, "nilai": "Realisasi"}
        for f, teks in b.isian.items():
            if _angka_field(b, f):
                try:
                    parse_angka_opsional(teks, nama_field=f"{e.kode} {nama[f]}")
                except AngkaTidakSah as exc:
                    b.galat[f] = exc.pesan
        numerik = {"a", "b", "nilai"} & set(b.isian)
        if not numerik or b.galat or e.jenis is JenisIndikator.PREDIKAT:
            return
        if e.jenis.dari_komponen:
            p = pratinjau(e, komponen=(self._nilai(b, "a"), self._nilai(b, "b")))
        else:
            p = pratinjau(e, nilai=self._nilai(b, "nilai"))
        if p.galat:
            sasaran = ("a", "b") if e.jenis.dari_komponen else ("nilai",)
            for f in sasaran:
                b.galat[f] = p.galat
            return
        b.pratinjau = p

    def periksa_lengkap(self) -> list[str]:
        """Before saving: a derived entry needs both counts (or neither). Marks the empty
        count and returns every reason the typed values cannot be saved."""
        for r, b in enumerate(self._baris):
            e = b.entri
            if not e.jenis.dari_komponen or not {"a", "b"} & set(b.isian) or b.galat:
                continue
            a, bb = self._nilai(b, "a"), self._nilai(b, "b")
            if (a is None) != (bb is None):
                kosong = "b" if bb is None else "a"
                lbl = label_komponen(e)
                isi, hilang = (lbl[0], lbl[1]) if kosong == "b" else (lbl[1], lbl[0])
                b.galat[kosong] = (
                    f"{e.kode} {hilang}: wajib diisi bila {isi} diisi (atau kosongkan keduanya)."
                )
                b.pratinjau = None
                self.dataChanged.emit(self.index(r, 0), self.index(r, K_TINDAK_LANJUT))
        self.isianBerubah.emit()
        return self.daftar_galat()

    def daftar_galat(self) -> list[str]:
        pesan: list[str] = []
        for b in self._baris:
            for teks in b.galat.values():
                if teks not in pesan:
                    pesan.append(teks)
        return pesan

    def ada_perubahan(self) -> bool:
        return any(b.isian for b in self._baris)

    def baris_diubah(self, baris: int, *, hanya_realisasi: bool = False) -> bool:
        """Unsaved edits on a row (``hanya_realisasi``: of the entry itself, not the
        follow-up text)."""
        isian = self._baris[baris].isian
        return bool(set(FIELD_REALISASI) & set(isian)) if hanya_realisasi else bool(isian)

    def jumlah_baris_diubah(self) -> int:
        return sum(1 for b in self._baris if b.isian)

    def buang_perubahan(self) -> None:
        self.beginResetModel()
        for b in self._baris:
            b.isian.clear()
            b.versi_dasar = None
            self._hitung(b)
        self.endResetModel()
        self.isianBerubah.emit()

    def perubahan(self) -> list[PerubahanBaris]:
        """Every edited row as (old, new) values; call after `periksa_lengkap` is clean."""
        hasil = []
        for b in self._baris:
            if not b.isian:
                continue
            e = b.entri
            realisasi = None
            if set(FIELD_REALISASI) & set(b.isian):
                lama = isian_tersimpan(e)
                catatan = b.isian.get("catatan", e.catatan or "").strip() or None
                keterangan = b.isian.get("keterangan", e.keterangan or "").strip() or None
                if e.jenis.dari_komponen:
                    a, bb = self._nilai(b, "a"), self._nilai(b, "b")
                    baru = IsianRealisasi(
                        komponen=None if a is None and bb is None else (a, bb),
                        catatan=catatan,
                        keterangan=keterangan,
                        sumber_data=e.sumber_data,
                    )
                elif e.jenis is JenisIndikator.PREDIKAT:
                    teks = b.isian.get("nilai", e.nilai_teks or "").strip() or None
                    baru = IsianRealisasi(
                        nilai_teks=teks,
                        catatan=catatan,
                        keterangan=keterangan,
                        sumber_data=e.sumber_data,
                    )
                else:
                    baru = IsianRealisasi(
                        nilai=self._nilai(b, "nilai"),
                        catatan=catatan,
                        keterangan=keterangan,
                        sumber_data=e.sumber_data,
                    )
                realisasi = (lama, baru)
            tindak = None
            if "tindak_lanjut" in b.isian:
                tindak = (b.tindak_lanjut, b.isian["tindak_lanjut"].strip() or None)
            hasil.append(PerubahanBaris(e.indikator_id, e.kode, realisasi, tindak))
        return hasil

    # --- Qt model -----------------------------------------------------------------------
    def rowCount(self, parent: Indeks = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._baris)

    def columnCount(self, parent: Indeks = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(JUDUL_KOLOM)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return JUDUL_KOLOM[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _TIP_KOLOM.get(section)
        return None

    def flags(self, index: Indeks) -> Qt.ItemFlag:
        dasar = super().flags(index)
        if index.isValid() and self._boleh_ubah(self._baris[index.row()], index.column()):
            return dasar | Qt.ItemFlag.ItemIsEditable
        return dasar

    def _boleh_ubah(self, b: _Baris, kolom: int) -> bool:
        e = b.entri
        if kolom == K_TINDAK_LANJUT:
            return e.boleh_isi or e.boleh_verifikasi
        if kolom in (K_KOMPONEN_A, K_KOMPONEN_B):
            return e.jenis.dari_komponen and e.dapat_diubah
        if kolom == K_REALISASI:
            return not e.jenis.dari_komponen and e.dapat_diubah
        if kolom in (K_CATATAN, K_KETERANGAN):
            return e.dapat_diubah
        return False

    def _alasan_terkunci(self, e: EntriRealisasi) -> str:
        if not e.boleh_isi:
            return "Indikator ini bukan milik unit Anda: hanya dapat dibaca."
        if e.triwulan_ditutup:
            return "Triwulan ini sudah ditutup: realisasinya tidak dapat diubah."
        if e.status is not None and e.status is not StatusRealisasi.DRAF:
            return (
                f"Realisasi sudah {e.status.label.lower()}. Minta Kepala Bidang membukanya "
                "kembali (dengan alasan) sebelum mengubahnya."
            )
        return ""

    def setData(self, index: Indeks, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role not in (Qt.ItemDataRole.EditRole, PERAN_KETIK) or not index.isValid():
            return False
        f = FIELD_KOLOM.get(index.column())
        b = self._baris[index.row()]
        if f is None or not self._boleh_ubah(b, index.column()):
            return False
        teks = "" if value is None else str(value)
        if self._sama(b, f, teks):
            b.isian.pop(f, None)
        else:
            b.isian[f] = teks
        self._catat_versi(b)
        self._hitung(b)
        r = index.row()
        self.dataChanged.emit(self.index(r, 0), self.index(r, K_TINDAK_LANJUT))
        self.isianBerubah.emit()
        if role == Qt.ItemDataRole.EditRole and f in b.galat:
            self.galatIsian.emit(b.galat[f])
        return True

    def data(self, index: Indeks, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        b = self._baris[index.row()]
        e, k = b.entri, index.column()
        f = FIELD_KOLOM.get(k)
        if role == PERAN_ENTRI:
            return e
        if role == PERAN_INDIKATOR_ID:
            return e.indikator_id
        if role == PERAN_GALAT:
            return b.galat.get(f) if f else None
        if role == PERAN_DIUBAH:
            return f in b.isian if f else False
        if role == PERAN_BAND:
            return self._band(b, k)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._tampil(b, k)
        if role == Qt.ItemDataRole.EditRole:
            return b.isian.get(f, _teks_tersimpan(b, f)) if f else self._tampil(b, k)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(b, k)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            rata = Qt.AlignmentFlag.AlignRight if k in KOLOM_ANGKA else Qt.AlignmentFlag.AlignLeft
            return int(rata | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if f and f in b.galat:
                return QBrush(WARNA_GALAT)
            if f and f in b.isian:
                return QBrush(WARNA_DIUBAH)
            band = self._band(b, k)
            if band is not None:
                return QBrush(pucat(band.warna, 0.72))
            if k in KOLOM_ISIAN and not self._boleh_ubah(b, k):
                return QBrush(WARNA_TERKUNCI)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if f and f in b.galat:
                return QBrush(WARNA_TEKS_GALAT)
            if k == K_STATUS and e.status is not None:
                return QBrush(WARNA_STATUS[e.status])
            if k == K_STATUS or (k == K_REALISASI and e.jenis.dari_komponen):
                return QBrush(QColor("#5d6d7e"))
            return None
        if role == Qt.ItemDataRole.FontRole:
            f_ = QFont()
            if k in (K_KODE, K_INDIKATOR) and e.level is not None and e.level <= 2:
                f_.setBold(True)
                return f_
            if b.pratinjau is not None and k in (K_REALISASI, K_CAPAIAN_TW, K_CAPAIAN_TAHUN):
                f_.setItalic(True)
                return f_
            return None
        return None

    def _capaian(self, b: _Baris, k: int) -> Decimal | None:
        if b.pratinjau is not None:
            return b.pratinjau.capaian if k == K_CAPAIAN_TW else b.pratinjau.capaian_tahunan
        if b.galat and ({"a", "b", "nilai"} & set(b.galat)):
            return None
        return b.entri.capaian if k == K_CAPAIAN_TW else b.entri.capaian_tahunan

    def _band(self, b: _Baris, k: int):  # type: ignore[no-untyped-def]
        if k not in (K_CAPAIAN_TW, K_CAPAIAN_TAHUN):
            return None
        if b.pratinjau is not None:
            return b.pratinjau.band if k == K_CAPAIAN_TW else b.pratinjau.band_tahunan
        if b.galat and ({"a", "b", "nilai"} & set(b.galat)):
            return None
        return b.entri.band if k == K_CAPAIAN_TW else b.entri.band_tahunan

    def nilai_tampil(self, b: _Baris) -> Decimal | None:
        """The realization shown: the preview of what is typed, else the stored value."""
        if b.pratinjau is not None:
            return b.pratinjau.nilai
        if b.galat and ({"a", "b", "nilai"} & set(b.galat)):
            return None
        return b.entri.nilai

    def _tampil(self, b: _Baris, k: int) -> str:
        e = b.entri
        if k == K_KODE:
            return e.kode
        if k == K_INDIKATOR:
            return e.indikator
        if k == K_SATUAN:
            return e.satuan
        if k == K_TARGET_TW:
            return teks_angka(e.target_triwulan, e.satuan)
        if k == K_TARGET_TAHUN:
            return teks_target_sel(e.target_tahunan, e.satuan)
        if k in (K_KOMPONEN_A, K_KOMPONEN_B):
            if not e.jenis.dari_komponen:
                return ""
            f = FIELD_KOLOM[k]
            if f in b.isian:
                if f in b.galat and _angka_field(b, f):
                    try:
                        parse_angka_opsional(b.isian[f])
                    except AngkaTidakSah:
                        return b.isian[f]
                v = self._nilai(b, f)
                return format_angka(v) if v is not None else ""
            return _teks_tersimpan(b, f)
        if k == K_REALISASI:
            if e.jenis is JenisIndikator.PREDIKAT:
                return b.isian.get("nilai", e.nilai_teks or "—")
            if "nilai" in b.isian and "nilai" in b.galat:
                return b.isian["nilai"]
            if "nilai" in b.isian and b.pratinjau is None:
                return b.isian["nilai"] or "—"
            return teks_angka(self.nilai_tampil(b), e.satuan)
        if k in (K_CAPAIAN_TW, K_CAPAIAN_TAHUN):
            return format_persen(self._capaian(b, k))
        if k == K_STATUS:
            return e.status.label if e.status is not None else "Belum diisi"
        if k == K_BUKTI:
            return str(e.jumlah_berkas) if e.jumlah_berkas else "—"
        medan = FIELD_KOLOM.get(k)
        if medan is not None:
            return b.isian.get(medan, _teks_tersimpan(b, medan))
        return ""

    def _tip(self, b: _Baris, k: int) -> str | None:
        e = b.entri
        f = FIELD_KOLOM.get(k)
        if f and f in b.galat:
            return b.galat[f]
        terkunci = self._alasan_terkunci(e) if f and not self._boleh_ubah(b, k) else ""
        if k == K_INDIKATOR:
            return f"{e.kode} — {e.indikator}\nSasaran: {e.sasaran}"
        if k in (K_KOMPONEN_A, K_KOMPONEN_B):
            if not e.jenis.dari_komponen:
                return "Indikator ini diisi satu nilai di kolom Realisasi."
            nama = label_komponen(e)[0 if k == K_KOMPONEN_A else 1]
            return f"{nama} (bilangan bulat, format Indonesia: 10.202). {terkunci}".strip()
        if k == K_REALISASI:
            if e.jenis.dari_komponen:
                return f"Dihitung dari komponen ({e.jenis.label.lower()})."
            return f"Ketik angka format Indonesia (1,28 atau 2.700). {terkunci}".strip()
        if k in (K_CAPAIAN_TW, K_CAPAIAN_TAHUN):
            band = self._band(b, k)
            if band is None:
                return "Belum ada capaian (tanpa realisasi atau tanpa target)."
            terhadap = "target triwulan" if k == K_CAPAIAN_TW else "target tahun"
            return f"{band.label}: capaian terhadap {terhadap}."
        if k == K_BUKTI:
            return f"{e.jumlah_berkas} berkas bukti dukung (lihat panel Bukti dukung di bawah)."
        if k == K_TARGET_TAHUN:
            return f"Target tahun {e.tahun}: {teks_target_sel(e.target_tahunan, e.satuan)}"
        if k == K_STATUS and e.status is StatusRealisasi.DIVERIFIKASI:
            return f"Diverifikasi oleh {e.diverifikasi_oleh or '—'}"
        if k == K_TARGET_TW and e.target_sampai is not None:
            sampai = teks_target_sel(e.target_sampai, e.satuan)
            return f"Target yang dibandingkan s.d. triwulan ini: {sampai}"
        return terkunci or None


_TIP_KOLOM = {
    K_TARGET_TW: "Target triwulan ini (tambahan untuk akumulasi, tingkat untuk nilai akhir).",
    K_KOMPONEN_A: "Persentase peningkatan: jumlah tahun N. Persentase penyelesaian: bagian.",
    K_KOMPONEN_B: "Persentase peningkatan: jumlah tahun N−1. Persentase penyelesaian: keseluruhan.",
    K_CAPAIAN_TW: "Capaian terhadap target triwulan (menurut aturan agregasi indikator).",
    K_CAPAIAN_TAHUN: "Capaian terhadap target tahun dengan triwulan sampai yang ini.",
    K_TINDAK_LANJUT: "Tindak lanjut triwulan ini (kolom terakhir Monitoring IKU).",
}
