"""Table models of the Perjanjian Kinerja page: the year's positions, a PK's versions, and a
PK's rows (sasaran · indikator · target, program/kegiatan · anggaran).

The models only translate the plain data of `services.pk` (`BarisDaftarPK`, `RingkasanPK`,
`BarisPKData`) for Qt. A cell edit is handed to a ``penyimpan`` callback (the page), which
writes it through the service and returns the stored row, or None when it was refused;
the model then shows the stored row, so the screen never claims a value the database
does not hold. A signed PK's rows are not editable at all.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..angka import format_angka, format_tanggal
from ..domain import Eselon, StatusPK
from ..reports.pk_pdf import teks_target
from ..services.pk import BarisDaftarPK, BarisPKData, RingkasanPK

Indeks = QModelIndex | QPersistentModelIndex

WARNA_STATUS = {
    None: QColor("#6b7378"),
    StatusPK.DRAF: QColor("#8a6100"),
    StatusPK.DITANDATANGANI: QColor("#1b7f3b"),
    StatusPK.DIGANTI: QColor("#6b7378"),
}
WARNA_KOSONG = QColor("#a61b1b")
WARNA_SELISIH = QColor("#fde7c8")
WARNA_BISA_UBAH = QColor("#fffdf0")

INDENTASI = {Eselon.KEPALA_DAERAH: 0, Eselon.II: 0, Eselon.III: 1, Eselon.IV: 2, Eselon.STAF: 3}


def label_versi(versi_ke: int) -> str:
    """ "PK asli" or "Perubahan ke-1"."""
    return "PK asli" if versi_ke == 0 else f"Perubahan ke-{versi_ke}"


def label_status(r: RingkasanPK | None) -> str:
    return "Belum disusun" if r is None else r.status.label


def teks_target_sel(b: BarisPKData) -> str:
    """The target as the cell shows it: "1,28%", "2.700", "95,92%–96,89%", "WTP", "—"."""
    return teks_target(b.target, b.satuan, dengan_satuan=False)


def teks_target_edit(b: BarisPKData) -> str:
    """The target as the editor starts: "1,28", "95,92–96,89", "WTP", ""."""
    t = b.target
    if t is None or t.kosong:
        return ""
    if t.is_predikat:
        return str(t.teks)
    teks = format_angka(t.nilai)
    return teks + ("–" + format_angka(t.nilai_maks) if t.nilai_maks is not None else "")


# --- the year's positions --------------------------------------------------------------------

K_JABATAN, K_PEMANGKU, K_STATUS = range(3)
JUDUL_DAFTAR = ("Jabatan", "Pemangku", "Status PK")

PERAN_BARIS_DAFTAR = Qt.ItemDataRole.UserRole + 1
"""The row's `BarisDaftarPK`."""
PERAN_JABATAN_ID = Qt.ItemDataRole.UserRole + 2
PERAN_CARI = Qt.ItemDataRole.UserRole + 6
"""What the search box matches: the full jabatan, unit, holder and status."""

SINGKATAN = (
    ("Kepala Subbagian ", "Kasubbag "),
    ("Kepala Bidang ", "Kabid "),
    ("Kepala Seksi ", "Kasi "),
)
"""The abbreviations offices use, so a long jabatan fits the list (full name as tooltip)."""


def singkat_jabatan(nama: str) -> str:
    """ "Kepala Seksi Penempatan Tenaga Kerja" → "Kasi Penempatan Tenaga Kerja"."""
    for panjang, pendek in SINGKATAN:
        if nama.startswith(panjang):
            return pendek + nama[len(panjang) :]
    return nama


def teks_status_daftar(b: BarisDaftarPK) -> str:
    """ "Belum disusun", "Draf", "Ditandatangani · perubahan ke-1"."""
    if b.pk is None:
        return "Belum disusun"
    if b.pk.versi_ke == 0:
        return b.pk.status.label
    return f"{b.pk.status.label} · perubahan ke-{b.pk.versi_ke}"


class ModelDaftarPK(QAbstractTableModel):
    """The positions of the agency in organisation order, with holder, PK status and
    version; the jabatan is indented by level (Kabid under the Kepala Dinas, …)."""

    def __init__(self) -> None:
        super().__init__()
        self._baris: list[BarisDaftarPK] = []

    def setel(self, baris: Sequence[BarisDaftarPK]) -> None:
        self.beginResetModel()
        self._baris = list(baris)
        self.endResetModel()

    def ganti(self, baru: BarisDaftarPK) -> None:
        """Replace one position's row (after a write) with a targeted dataChanged."""
        i = self.cari(baru.jabatan_id)
        if i < 0:
            return
        self._baris[i] = baru
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(JUDUL_DAFTAR) - 1))

    def baris(self, i: int) -> BarisDaftarPK:
        return self._baris[i]

    def semua(self) -> list[BarisDaftarPK]:
        return list(self._baris)

    def cari(self, jabatan_id: uuid.UUID) -> int:
        for i, b in enumerate(self._baris):
            if b.jabatan_id == jabatan_id:
                return i
        return -1

    def rowCount(self, parent: Indeks = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._baris)

    def columnCount(self, parent: Indeks = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(JUDUL_DAFTAR)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(JUDUL_DAFTAR)
        ):
            return JUDUL_DAFTAR[section]
        return None

    def data(self, index: Indeks, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._baris):
            return None
        b = self._baris[index.row()]
        k = index.column()
        if role == PERAN_BARIS_DAFTAR:
            return b
        if role == PERAN_JABATAN_ID:
            return b.jabatan_id
        if role == PERAN_CARI:
            bagian = (b.jabatan, singkat_jabatan(b.jabatan), b.unit, b.pemangku)
            return " ".join([*(t for t in bagian if t), teks_status_daftar(b)])
        if role == Qt.ItemDataRole.DisplayRole:
            if k == K_JABATAN:
                return "   " * INDENTASI.get(b.eselon, 0) + singkat_jabatan(b.jabatan)
            if k == K_PEMANGKU:
                return b.pemangku or "— kosong —"
            if k == K_STATUS:
                return teks_status_daftar(b)
        if role == Qt.ItemDataRole.ForegroundRole:
            if k == K_PEMANGKU and b.pemangku is None:
                return QBrush(WARNA_KOSONG)
            if k == K_STATUS:
                return QBrush(WARNA_STATUS[b.pk.status if b.pk else None])
        if role == Qt.ItemDataRole.FontRole and k == K_JABATAN and b.eselon is Eselon.II:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ToolTipRole:
            if k == K_STATUS and b.riwayat:
                return "\n".join(
                    f"{label_versi(r.versi_ke)}: {r.status.label}, {format_tanggal(r.tanggal)}"
                    for r in b.riwayat
                )
            unit = f"{b.unit} · " if b.unit else ""
            return f"{b.jabatan}\n{unit}{b.eselon.label}\nPemangku: {b.pemangku or 'kosong'}"
        return None


# --- one position's versions -------------------------------------------------------------------

KR_VERSI, KR_STATUS, KR_TANGGAL, KR_ALASAN = range(4)
JUDUL_RIWAYAT = ("Versi", "Status", "Tanggal", "Alasan perubahan")

PERAN_RINGKASAN = Qt.ItemDataRole.UserRole + 3
"""The row's `RingkasanPK`."""


class ModelRiwayatPK(QAbstractTableModel):
    """Every version of one position's PK for the year, the newest first."""

    def __init__(self) -> None:
        super().__init__()
        self._versi: list[RingkasanPK] = []

    def setel(self, riwayat: Sequence[RingkasanPK]) -> None:
        self.beginResetModel()
        self._versi = sorted(riwayat, key=lambda r: -r.versi_ke)
        self.endResetModel()

    def ringkasan(self, i: int) -> RingkasanPK:
        return self._versi[i]

    def cari(self, pk_id: uuid.UUID) -> int:
        for i, r in enumerate(self._versi):
            if r.id == pk_id:
                return i
        return -1

    def rowCount(self, parent: Indeks = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._versi)

    def columnCount(self, parent: Indeks = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(JUDUL_RIWAYAT)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(JUDUL_RIWAYAT)
        ):
            return JUDUL_RIWAYAT[section]
        return None

    def data(self, index: Indeks, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._versi):
            return None
        r = self._versi[index.row()]
        k = index.column()
        if role == PERAN_RINGKASAN:
            return r
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                KR_VERSI: label_versi(r.versi_ke),
                KR_STATUS: r.status.label,
                KR_TANGGAL: format_tanggal(r.tanggal),
                KR_ALASAN: r.alasan_perubahan or "",
            }.get(k)
        if role == Qt.ItemDataRole.ForegroundRole and k == KR_STATUS:
            return QBrush(WARNA_STATUS[r.status])
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.alasan_perubahan or None
        return None


# --- a PK's rows ------------------------------------------------------------------------------

PERAN_BARIS_PK = Qt.ItemDataRole.UserRole + 4
"""The row's `BarisPKData` as stored."""
PERAN_SELISIH = Qt.ItemDataRole.UserRole + 5
"""Why the row differs from the tree (a `SelisihPK.pesan`), else None."""

Penyimpan = Callable[[BarisPKData, str, str], BarisPKData | None]
"""(row, field "target"/"anggaran"/"keterangan", typed text) → the stored row, or None."""


class _ModelBarisPK(QAbstractTableModel):
    """Rows of one part of a PK; subclasses name the columns and which ones are edited."""

    JUDUL: ClassVar[tuple[str, ...]] = ()
    KOLOM_FIELD: ClassVar[dict[int, str]] = {}
    KOLOM_KANAN: ClassVar[frozenset[int]] = frozenset()

    def __init__(self) -> None:
        super().__init__()
        self._baris: list[BarisPKData] = []
        self._judul = list(self.JUDUL)
        self._selisih: dict[uuid.UUID, str] = {}
        self.boleh_ubah = False
        self.penyimpan: Penyimpan | None = None

    def setel(
        self,
        baris: Sequence[BarisPKData],
        *,
        boleh_ubah: bool,
        judul: Sequence[str] | None = None,
        selisih: dict[uuid.UUID, str] | None = None,
    ) -> None:
        self.beginResetModel()
        self._baris = list(baris)
        self.boleh_ubah = boleh_ubah
        self._judul = list(judul or self.JUDUL)
        self._selisih = dict(selisih or {})
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._judul) - 1)

    def semua(self) -> list[BarisPKData]:
        return list(self._baris)

    def baris(self, i: int) -> BarisPKData:
        return self._baris[i]

    def setel_selisih(self, selisih: dict[uuid.UUID, str]) -> None:
        """Mark the rows that differ from the tree (after an edit changed that)."""
        self._selisih = dict(selisih)
        if self._baris:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._baris) - 1, len(self._judul) - 1)
            )

    def cari(self, baris_id: uuid.UUID) -> int:
        for i, b in enumerate(self._baris):
            if b.id == baris_id:
                return i
        return -1

    def ganti(self, baru: BarisPKData) -> None:
        """Show a row as stored after an edit (or its undo)."""
        i = self.cari(baru.id) if baru.id else -1
        if i >= 0:
            self._baris[i] = baru
            self.dataChanged.emit(self.index(i, 0), self.index(i, len(self._judul) - 1))

    def rowCount(self, parent: Indeks = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._baris)

    def columnCount(self, parent: Indeks = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.JUDUL)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._judul)
        ):
            return self._judul[section]
        return None

    def flags(self, index: Indeks) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.sel_bisa_diubah(index):
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def sel_bisa_diubah(self, index: Indeks) -> bool:
        return (
            self.boleh_ubah
            and index.column() in self.KOLOM_FIELD
            and self._baris[index.row()].id is not None
        )

    def _tampil(self, b: BarisPKData, i: int, k: int) -> str | None:
        raise NotImplementedError

    def _edit(self, b: BarisPKData, k: int) -> str:
        field = self.KOLOM_FIELD[k]
        if field == "target":
            return teks_target_edit(b)
        if field == "anggaran":
            return "" if b.anggaran is None else format_angka(b.anggaran)
        return b.keterangan or ""

    def data(self, index: Indeks, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._baris):
            return None
        i, k = index.row(), index.column()
        b = self._baris[i]
        beda = self._selisih.get(b.id) if b.id else None
        if role == PERAN_BARIS_PK:
            return b
        if role == PERAN_SELISIH:
            return beda
        if role == Qt.ItemDataRole.DisplayRole:
            return self._tampil(b, i, k)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit(b, k) if k in self.KOLOM_FIELD else self._tampil(b, i, k)
        if role == Qt.ItemDataRole.TextAlignmentRole and k in self.KOLOM_KANAN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if beda:
                return QBrush(WARNA_SELISIH)
            if self.sel_bisa_diubah(index):
                return QBrush(WARNA_BISA_UBAH)
        if role == Qt.ItemDataRole.ToolTipRole:
            bagian = [t for t in (self._tampil(b, i, k), beda) if t]
            if self.sel_bisa_diubah(index):
                bagian.append("Klik dua kali untuk mengubah (draf).")
            return "\n".join(bagian) or None
        return None

    def setData(self, index: Indeks, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not self.sel_bisa_diubah(index) or self.penyimpan is None:
            return False
        b = self._baris[index.row()]
        k = index.column()
        teks = "" if value is None else str(value).strip()
        if teks == self._edit(b, k):
            return True
        baru = self.penyimpan(b, self.KOLOM_FIELD[k], teks)
        if baru is None:
            return False
        self.ganti(baru)
        return True

    @staticmethod
    def _baru_grup(semua: list[BarisPKData], i: int, teks: str | None, kunci: str) -> bool:
        """Whether row ``i`` starts a group (its ``kunci`` text differs from the row above),
        so repeated sasaran/program names show once, like the merged cells on paper."""
        return i == 0 or getattr(semua[i - 1], kunci) != teks


(KK_NO, KK_KODE, KK_SASARAN, KK_INDIKATOR, KK_TARGET, KK_SATUAN, KK_KETERANGAN) = range(7)

JUDUL_SASARAN = {
    Eselon.KEPALA_DAERAH: "Sasaran",
    Eselon.II: "Sasaran Strategis",
    Eselon.III: "Sasaran Program",
    Eselon.IV: "Sasaran Kegiatan",
    Eselon.STAF: "Rencana Hasil Kerja",
}


class ModelKinerjaPK(_ModelBarisPK):
    """Sasaran · indikator · target · satuan · keterangan; target and keterangan are
    edited in a draft. ``kode`` maps an indicator id to its code (IKU.1…)."""

    JUDUL = ("No", "Kode", "Sasaran", "Indikator Kinerja", "Target", "Satuan", "Keterangan")
    KOLOM_FIELD: ClassVar[dict[int, str]] = {KK_TARGET: "target", KK_KETERANGAN: "keterangan"}
    KOLOM_KANAN = frozenset({KK_TARGET})

    def __init__(self) -> None:
        super().__init__()
        self.kode: dict[uuid.UUID, str] = {}

    def setel_eselon(
        self,
        baris: Sequence[BarisPKData],
        eselon: Eselon,
        *,
        boleh_ubah: bool,
        kode: dict[uuid.UUID, str] | None = None,
        selisih: dict[uuid.UUID, str] | None = None,
    ) -> None:
        self.kode = dict(kode or {})
        judul = list(self.JUDUL)
        judul[KK_SASARAN] = JUDUL_SASARAN[eselon]
        self.setel(baris, boleh_ubah=boleh_ubah, judul=judul, selisih=selisih)

    def _nomor_sasaran(self, i: int) -> int:
        n = 0
        for j in range(i + 1):
            if self._baru_grup(self._baris, j, self._baris[j].uraian, "uraian"):
                n += 1
        return n

    def _tampil(self, b: BarisPKData, i: int, k: int) -> str | None:
        awal = self._baru_grup(self._baris, i, b.uraian, "uraian")
        if k == KK_NO:
            return str(self._nomor_sasaran(i)) if awal else ""
        if k == KK_KODE:
            return self.kode.get(b.indikator_id, "") if b.indikator_id else ""
        if k == KK_SASARAN:
            return b.uraian if awal else ""
        if k == KK_INDIKATOR:
            return b.indikator_teks or "—"
        if k == KK_TARGET:
            return teks_target_sel(b)
        if k == KK_SATUAN:
            return b.satuan or ""
        if k == KK_KETERANGAN:
            return b.keterangan or ""
        return None


KA_NO, KA_INDUK, KA_URAIAN, KA_ANGGARAN, KA_KETERANGAN = range(5)

JUDUL_ANGGARAN = {
    Eselon.KEPALA_DAERAH: ("", "Program"),
    Eselon.II: ("", "Program"),
    Eselon.III: ("Program", "Kegiatan"),
    Eselon.IV: ("Kegiatan", "Sub Kegiatan"),
    Eselon.STAF: ("", "Uraian"),
}


class ModelAnggaranPK(_ModelBarisPK):
    """Program/kegiatan/sub kegiatan (grouped under ``induk_teks``) · anggaran ·
    keterangan; anggaran and keterangan are edited in a draft."""

    JUDUL = ("No", "Induk", "Program", "Anggaran (Rp)", "Keterangan")
    KOLOM_FIELD: ClassVar[dict[int, str]] = {KA_ANGGARAN: "anggaran", KA_KETERANGAN: "keterangan"}
    KOLOM_KANAN = frozenset({KA_ANGGARAN})

    def setel_eselon(
        self,
        baris: Sequence[BarisPKData],
        eselon: Eselon,
        *,
        boleh_ubah: bool,
        selisih: dict[uuid.UUID, str] | None = None,
    ) -> None:
        induk, uraian = JUDUL_ANGGARAN[eselon]
        judul = list(self.JUDUL)
        judul[KA_INDUK], judul[KA_URAIAN] = induk or "Induk", uraian
        self.setel(baris, boleh_ubah=boleh_ubah, judul=judul, selisih=selisih)

    @property
    def ada_induk(self) -> bool:
        return any(b.induk_teks for b in self._baris)

    @property
    def total(self) -> Decimal:
        return sum((b.anggaran for b in self._baris if b.anggaran is not None), Decimal(0))

    def _tampil(self, b: BarisPKData, i: int, k: int) -> str | None:
        if k == KA_NO:
            return str(i + 1)
        if k == KA_INDUK:
            awal = self._baru_grup(self._baris, i, b.induk_teks, "induk_teks")
            return (b.induk_teks or "") if awal else ""
        if k == KA_URAIAN:
            return b.uraian
        if k == KA_ANGGARAN:
            return format_angka(b.anggaran)
        if k == KA_KETERANGAN:
            return b.keterangan or ""
        return None
