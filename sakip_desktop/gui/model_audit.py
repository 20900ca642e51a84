"""The audit trail as a Qt table: fetched page by page, values in Indonesian format.

The trail can hold a hundred thousand rows, so `ModelAudit` asks `services.audit` for the
count once and then for one page (`UKURAN_HALAMAN` rows) at a time as the view scrolls
(`canFetchMore` / `fetchMore`). It only reads: the trail is append-only.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from sqlalchemy import Boolean, Date, DateTime, Numeric

from ..angka import format_angka, format_tanggal
from ..model import Base
from ..services.audit import BarisAudit, SaringAudit, cari_jejak, hitung_jejak
from ..storage import Database

UKURAN_HALAMAN = 500
KOLOM = (
    "Waktu",
    "Pengguna",
    "Aksi",
    "Rekaman",
    "Kolom",
    "Nilai lama",
    "Nilai baru",
    "Alasan",
)
K_WAKTU, K_PENGGUNA, K_AKSI, K_REKAMAN, K_KOLOM, K_LAMA, K_BARU, K_ALASAN = range(len(KOLOM))
PERAN_BARIS = Qt.ItemDataRole.UserRole + 1
"""`data(…, PERAN_BARIS)` gives the row's `BarisAudit`."""

_DESIMAL = re.compile(r"^-?\d+(?:\.\d+)?$")
_NILAI_RINGKAS = re.compile(r"\b(nilai(?:_maks)?=)(-?\d+(?:\.\d+)?)")


def format_desimal(teks: str) -> str:
    """A machine decimal ("1234.5") the Indonesian way ("1.234,50") without losing digits:
    whole values without decimals, others with at least two ("1.285" → "1,285")."""
    try:
        nilai = Decimal(teks)
    except InvalidOperation:
        return teks
    if nilai == nilai.to_integral_value():
        return format_angka(nilai, 0)
    eksponen = nilai.normalize().as_tuple().exponent
    desimal = -eksponen if isinstance(eksponen, int) else 2
    return format_angka(nilai, max(2, desimal))


def _jenis_kolom(tabel: str, field: str | None) -> Any:
    if field is None:
        return None
    t = Base.metadata.tables.get(tabel)
    if t is None or field not in t.c:
        return None
    return t.c[field].type


def teks_nilai(tabel: str, field: str | None, nilai: str | None) -> str:
    """An audited value as the page shows it: numbers, dates and yes/no in Indonesian.

    The trail stores values as machine text ("1234.5", "2020-03-31", "True"); the column's
    type says how to read them back, so a year (an integer column) stays "2020".
    """
    if nilai is None:
        return ""
    jenis = _jenis_kolom(tabel, field)
    if jenis is None:  # a summary of an added/deleted record ("tahun=2020, …, nilai=210")
        return _NILAI_RINGKAS.sub(lambda m: m.group(1) + format_desimal(m.group(2)), nilai)
    if isinstance(jenis, Boolean):
        return {"True": "Ya", "False": "Tidak"}.get(nilai, nilai)
    if isinstance(jenis, Numeric) and _DESIMAL.match(nilai):
        return format_desimal(nilai)
    if isinstance(jenis, DateTime):
        try:
            return format_waktu(datetime.fromisoformat(nilai))
        except ValueError:
            return nilai
    if isinstance(jenis, Date):
        try:
            return format_tanggal(date.fromisoformat(nilai))
        except ValueError:
            return nilai
    return nilai


def format_waktu(waktu: datetime) -> str:
    """Local time, Indonesian order: "31-03-2020 14:05:09"."""
    if waktu.tzinfo is not None:
        waktu = waktu.astimezone()
    return waktu.strftime("%d-%m-%Y %H:%M:%S")


def label_kolom(field: str | None) -> str:
    return (field or "").replace("_", " ")


def label_rekaman(b: BarisAudit) -> str:
    """ "Target: IKP.01 · tahun=2020, …" (the kind of record, then the record)."""
    if not b.rekaman:
        return b.label_tabel
    return f"{b.label_tabel}: {teks_nilai(b.tabel, None, b.rekaman)}"


def sel(b: BarisAudit, kolom: int) -> str:
    """The text of one cell."""
    if kolom == K_WAKTU:
        return format_waktu(b.waktu)
    if kolom == K_PENGGUNA:
        return b.pengguna or "—"
    if kolom == K_AKSI:
        return b.label_aksi
    if kolom == K_REKAMAN:
        return label_rekaman(b)
    if kolom == K_KOLOM:
        return label_kolom(b.field)
    if kolom == K_LAMA:
        return teks_nilai(b.tabel, b.field, b.nilai_lama)
    if kolom == K_BARU:
        return teks_nilai(b.tabel, b.field, b.nilai_baru)
    if kolom == K_ALASAN:
        return b.alasan or ""
    return ""


Indeks = QModelIndex | QPersistentModelIndex


class ModelAudit(QAbstractTableModel):
    """Audit rows, newest first, loaded a page at a time; or a fixed list (`tetapkan`)."""

    def __init__(self, db: Database | None = None, ukuran_halaman: int = UKURAN_HALAMAN) -> None:
        super().__init__()
        self.db = db
        self.ukuran_halaman = ukuran_halaman
        self.saring = SaringAudit()
        self.terbaru_dulu = True
        self._baris: list[BarisAudit] = []
        self._total = 0

    # --- loading ---------------------------------------------------------------------------
    def muat(self, saring: SaringAudit, *, terbaru_dulu: bool = True) -> int:
        """Count the rows matching ``saring`` and load the first page; returns the count."""
        assert self.db is not None
        self.beginResetModel()
        self.saring = saring
        self.terbaru_dulu = terbaru_dulu
        self._total = hitung_jejak(self.db, saring)
        self._baris = self._ambil(0) if self._total else []
        self.endResetModel()
        return self._total

    def tetapkan(self, baris: list[BarisAudit]) -> None:
        """Show exactly these rows (a record's history), without paging."""
        self.beginResetModel()
        self._baris = list(baris)
        self._total = len(self._baris)
        self.endResetModel()

    def _ambil(self, lewati: int) -> list[BarisAudit]:
        assert self.db is not None
        return cari_jejak(
            self.db,
            self.saring,
            batas=self.ukuran_halaman,
            lewati=lewati,
            terbaru_dulu=self.terbaru_dulu,
        )

    @property
    def total(self) -> int:
        """Rows matching the filter (loaded or not)."""
        return self._total

    @property
    def dimuat(self) -> int:
        return len(self._baris)

    def muat_semua(self) -> None:
        """Fetch every remaining page (tests, "go to the oldest row")."""
        while self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Indeks = QModelIndex()) -> bool:
        return not parent.isValid() and self.db is not None and len(self._baris) < self._total

    def fetchMore(self, parent: Indeks = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        baru = self._ambil(len(self._baris))
        if not baru:  # rows vanished from the filter meanwhile: stop asking
            self._total = len(self._baris)
            return
        awal = len(self._baris)
        self.beginInsertRows(QModelIndex(), awal, awal + len(baru) - 1)
        self._baris.extend(baru)
        self.endInsertRows()

    # --- reading ---------------------------------------------------------------------------
    def baris(self, r: int) -> BarisAudit:
        return self._baris[r]

    def semua_baris(self) -> list[BarisAudit]:
        """The rows loaded so far."""
        return list(self._baris)

    def rowCount(self, parent: Indeks = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._baris)

    def columnCount(self, parent: Indeks = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(KOLOM)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return KOLOM[section] if 0 <= section < len(KOLOM) else None
        return format_angka(section + 1)

    def data(self, index: Indeks, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._baris):
            return None
        b = self._baris[index.row()]
        kolom = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            teks = sel(b, kolom)
            return teks if len(teks) <= 200 else teks[:199] + "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            if kolom == K_REKAMAN:
                bagian = [label_rekaman(b)]
                if b.unit:
                    bagian.append(f"Unit: {b.unit}")
                if b.rekaman_id:
                    bagian.append(f"ID: {b.rekaman_id}")
                    bagian.append("Klik dua kali untuk melihat riwayat rekaman ini.")
                return "\n".join(bagian)
            teks = sel(b, kolom)
            return teks if len(teks) > 30 else None
        if role == PERAN_BARIS:
            return b
        if role == Qt.ItemDataRole.TextAlignmentRole and kolom in (K_LAMA, K_BARU):
            jenis = _jenis_kolom(b.tabel, b.field)
            if isinstance(jenis, Numeric):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Indeks) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
