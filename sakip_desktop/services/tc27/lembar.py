"""Reading a workbook (.xlsx through openpyxl, .xls through xlrd) into plain grids.

Everything after this module works on `Lembar`: rows of `Sel` with the merged ranges, so
the header and row logic is the same for both file kinds and can be tested without files.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from ...errors import KesalahanPengguna

BATAS_BARIS = 20000
"""A Renstra has hundreds of rows; more than this is not a T-C.27 table."""


@dataclass(frozen=True)
class Sel:
    """A cell's value: text, a number as Decimal, or None. ``persen`` when the cell's number
    format shows it as a percentage (0,0128 shown as 1,28%)."""

    nilai: str | Decimal | None = None
    persen: bool = False

    @property
    def kosong(self) -> bool:
        return self.nilai is None or (isinstance(self.nilai, str) and not self.nilai.strip())


@dataclass(frozen=True)
class Gabungan:
    """A merged range, 1-based and inclusive."""

    baris1: int
    kolom1: int
    baris2: int
    kolom2: int


@dataclass
class Lembar:
    """One worksheet: ``baris[r-1][c-1]`` is the cell at row r, column c (1-based)."""

    nama: str
    baris: list[list[Sel]]
    gabungan: list[Gabungan] = field(default_factory=list)

    @property
    def jumlah_kolom(self) -> int:
        return max((len(b) for b in self.baris), default=0)

    def sel(self, r: int, c: int) -> Sel:
        if 1 <= r <= len(self.baris) and 1 <= c <= len(self.baris[r - 1]):
            return self.baris[r - 1][c - 1]
        return Sel()

    def sel_kepala(self, r: int, c: int) -> Sel:
        """The value shown at (r, c): a merged range shows its top-left value everywhere."""
        for g in self.gabungan:
            if g.baris1 <= r <= g.baris2 and g.kolom1 <= c <= g.kolom2:
                return self.sel(g.baris1, g.kolom1)
        return self.sel(r, c)


def huruf_kolom(c: int) -> str:
    """1 → "A", 27 → "AA" (what the user sees in the spreadsheet)."""
    return get_column_letter(c)


def sidik_berkas(path: Path) -> str:
    """SHA-256 of the file, to name exactly which file was imported."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for blok in iter(lambda: f.read(1 << 16), b""):
            h.update(blok)
    return h.hexdigest()


def _nilai(v: Any) -> str | Decimal | None:
    if v is None:
        return None
    if isinstance(v, bool):
        return "ya" if v else "tidak"
    if isinstance(v, int):
        return Decimal(v)
    if isinstance(v, float):
        return Decimal(repr(v))
    if isinstance(v, datetime | date):
        return v.isoformat()
    teks = str(v)
    return teks if teks.strip() else None


def baca_buku(path: Path) -> list[Lembar]:
    """Every sheet of an .xlsx/.xlsm or .xls workbook."""
    path = Path(path)
    if not path.exists():
        raise KesalahanPengguna(f"Berkas tidak ditemukan: {path}")
    akhiran = path.suffix.lower()
    if akhiran in (".xlsx", ".xlsm"):
        return _baca_xlsx(path)
    if akhiran == ".xls":
        return _baca_xls(path)
    raise KesalahanPengguna(
        f"{path.name}: jenis berkas {akhiran or '(tanpa akhiran)'} tidak didukung; "
        "gunakan .xlsx, .xls, atau berkas data .yaml."
    )


def _baca_xlsx(path: Path) -> list[Lembar]:
    from openpyxl import load_workbook

    try:
        buku = load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise KesalahanPengguna(
            f"{path.name}: bukan berkas Excel yang dapat dibaca ({exc})."
        ) from None
    hasil = []
    try:
        for ws in buku.worksheets:
            if ws.max_row > BATAS_BARIS:
                raise KesalahanPengguna(
                    f"{path.name}, lembar {ws.title!r}: {ws.max_row} baris, terlalu banyak "
                    "untuk tabel T-C.27."
                )
            baris = [
                [Sel(_nilai(c.value), "%" in (c.number_format or "")) for c in row]
                for row in ws.iter_rows()
            ]
            gab = [
                Gabungan(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges
            ]
            hasil.append(Lembar(ws.title, baris, gab))
    finally:
        buku.close()
    return hasil


def _baca_xls(path: Path) -> list[Lembar]:
    try:
        import xlrd
    except ImportError:
        raise KesalahanPengguna(
            "Membaca berkas .xls memerlukan paket xlrd, yang tidak terpasang. "
            "Simpan berkas sebagai .xlsx lalu impor lagi."
        ) from None
    try:
        buku = xlrd.open_workbook(str(path), formatting_info=True)
    except Exception as exc:  # xlrd.XLRDError and struct errors for damaged files
        raise KesalahanPengguna(
            f"{path.name}: bukan berkas .xls yang dapat dibaca ({exc})."
        ) from None
    hasil = []
    for sh in buku.sheets():
        baris = []
        for r in range(sh.nrows):
            isi = []
            for c in range(sh.ncols):
                sel = sh.cell(r, c)
                persen = False
                if sel.ctype == xlrd.XL_CELL_NUMBER:
                    xf = buku.xf_list[sel.xf_index]
                    fmt = buku.format_map.get(xf.format_key)
                    persen = fmt is not None and "%" in fmt.format_str
                    isi.append(Sel(Decimal(repr(sel.value)), persen))
                elif sel.ctype == xlrd.XL_CELL_DATE:
                    isi.append(Sel(_nilai(xlrd.xldate_as_datetime(sel.value, buku.datemode))))
                elif sel.ctype == xlrd.XL_CELL_BOOLEAN:
                    isi.append(Sel(_nilai(bool(sel.value))))
                else:
                    isi.append(Sel(_nilai(sel.value) if sel.value != "" else None))
            baris.append(isi)
        gab = [Gabungan(r1 + 1, c1 + 1, r2, c2) for r1, r2, c1, c2 in sh.merged_cells]
        hasil.append(Lembar(sh.name, baris, gab))
    buku.release_resources()
    return hasil
