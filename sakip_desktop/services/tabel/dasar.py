"""A printable table described without Qt, reportlab or openpyxl: `TabelLaporan`.

Every document the office prints (Monitoring IKU, the eselon measurement pages, the budget
tables, the risk register…) is first built as a `TabelLaporan` from the database; the PDF
and XLSX renderers (reports/pdf_tabel.py, reports/xlsx_tabel.py) and the window's table
views all draw the same description, so the screen, the printout and the spreadsheet agree.

Cells hold typed values: text, or a `Decimal` with a `FormatSel` (persen, rupiah, angka).
Each renderer formats them itself — Indonesian text in the PDF, numbers with a number format
in the spreadsheet — so a spreadsheet keeps real numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from ...angka import KOSONG, format_angka, format_persen, format_rupiah

__all__ = [
    "BarisTabel",
    "FormatSel",
    "JenisBaris",
    "Kolom",
    "PosisiKepala",
    "SelKepala",
    "SelTabel",
    "TabelLaporan",
    "sel_angka",
    "sel_kosong_angka",
    "sel_persen",
    "sel_rupiah",
    "sel_teks",
    "tata_kepala",
    "teks_sel",
]


class FormatSel(StrEnum):
    """How a cell's value is shown."""

    TEKS = "teks"
    ANGKA = "angka"
    """A count or value: 1.234 or 1,28 (two decimals unless whole)."""
    PERSEN = "persen"
    """A percentage given as the number of percent (88,63 means 88,63 %)."""
    RUPIAH = "rupiah"
    """Money; the column header says "(Rp)", the cell shows 3.080.400.000."""


class JenisBaris(StrEnum):
    DATA = "data"
    GRUP = "grup"
    """A heading row for a group (a sasaran, a program): bold on a shaded background."""
    SUBTOTAL = "subtotal"
    TOTAL = "total"
    """The closing "Jumlah" row: bold with a heavier rule above."""


@dataclass(frozen=True)
class SelTabel:
    """One body cell.

    Attributes:
        nilai: text, a Decimal, or None: no value — "—" in a number cell (a number that
            does not exist, never 0), blank in a text cell.
        format: how a Decimal is shown; ignored for text.
        desimal: fixed decimals, or None for "two unless whole" (1,28 · 192 · 100%).
        satuan: unit written after a number in print ("orang"); None for none. A "%" unit is
            not repeated when the format is PERSEN.
        tebal: bold.
        indent: indentation steps (outline levels inside one column).
        colspan: how many columns the cell covers (group headings span the table).
    """

    nilai: str | Decimal | None = None
    format: FormatSel = FormatSel.TEKS
    desimal: int | None = None
    satuan: str | None = None
    tebal: bool = False
    indent: int = 0
    colspan: int = 1

    @property
    def angka(self) -> bool:
        return isinstance(self.nilai, Decimal)

    @property
    def rata_kanan(self) -> bool:
        """Numbers align right, text left; "—" in a number column stays centred."""
        return self.angka


@dataclass(frozen=True)
class SelKepala:
    """A header cell; ``colspan``/``rowspan`` merge it over columns or header rows."""

    teks: str
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True)
class Kolom:
    """Column hints: a width in characters (the renderers scale it) and whether it holds
    numbers, so an empty cell ("—") is centred and the XLSX column is wide enough."""

    lebar: float = 12
    angka: bool = False


@dataclass
class BarisTabel:
    sel: list[SelTabel]
    jenis: JenisBaris = JenisBaris.DATA

    @property
    def tebal(self) -> bool:
        return self.jenis is not JenisBaris.DATA


@dataclass
class TabelLaporan:
    """A whole printable table.

    Attributes:
        nama: the registry name (``monitoring-iku``) — also the default file name.
        judul: title lines, printed centred and bold ("MONITORING IKU", "TRIWULAN I TAHUN 2020").
        instansi: the agency ("Dinas Tenaga Kerja Kabupaten Lamongan").
        periode: the period in words ("Tahun 2020, Triwulan I").
        kepala: header rows, each a list of `SelKepala` laid out like HTML: a cell covered by
            a ``rowspan`` from a row above is not listed again (see `tata_kepala`).
        kolom: one `Kolom` per column.
        baris: the body rows; each row's cells (counting colspans) fill every column.
        lanskap: print on landscape A4 (wide tables).
        catatan: notes printed below the table.
        tahun, triwulan: what the table is about.
    """

    nama: str
    judul: list[str]
    instansi: str
    periode: str
    kepala: list[list[SelKepala]]
    kolom: list[Kolom]
    baris: list[BarisTabel] = field(default_factory=list)
    lanskap: bool = False
    catatan: list[str] = field(default_factory=list)
    tahun: int | None = None
    triwulan: int | None = None

    @property
    def jumlah_kolom(self) -> int:
        return len(self.kolom)

    def periksa(self) -> None:
        """Check that header and rows fill exactly the declared columns (a builder bug
        otherwise); renderers call it before drawing."""
        for posisi in tata_kepala(self.kepala):
            if posisi.kolom + posisi.colspan > self.jumlah_kolom:
                raise ValueError(f"{self.nama}: sel kepala {posisi.teks!r} melewati kolom")
        for i, b in enumerate(self.baris):
            lebar = sum(s.colspan for s in b.sel)
            if lebar != self.jumlah_kolom:
                raise ValueError(
                    f"{self.nama}: baris {i + 1} berisi {lebar} kolom, "
                    f"seharusnya {self.jumlah_kolom}"
                )


@dataclass(frozen=True)
class PosisiKepala:
    """A header cell placed on the grid (0-based row and column)."""

    baris: int
    kolom: int
    rowspan: int
    colspan: int
    teks: str


def tata_kepala(kepala: list[list[SelKepala]]) -> list[PosisiKepala]:
    """Place header cells on a grid, skipping positions taken by rowspans from above."""
    terisi: set[tuple[int, int]] = set()
    hasil: list[PosisiKepala] = []
    for r, baris in enumerate(kepala):
        c = 0
        for sel in baris:
            while (r, c) in terisi:
                c += 1
            hasil.append(PosisiKepala(r, c, sel.rowspan, sel.colspan, sel.teks))
            for dr in range(sel.rowspan):
                for dc in range(sel.colspan):
                    terisi.add((r + dr, c + dc))
            c += sel.colspan
    return hasil


def teks_sel(sel: SelTabel) -> str:
    """A cell as Indonesian text, the way the PDF and the screen show it."""
    v = sel.nilai
    if v is None:
        return "" if sel.format is FormatSel.TEKS else KOSONG
    if isinstance(v, str):
        return v
    if sel.format is FormatSel.PERSEN:
        teks = format_persen(v, sel.desimal)
    elif sel.format is FormatSel.RUPIAH:
        teks = format_rupiah(v).removeprefix("Rp ")
    else:
        teks = format_angka(v, sel.desimal)
    if sel.satuan and not (sel.format is FormatSel.PERSEN and sel.satuan.strip() == "%"):
        teks = f"{teks} {sel.satuan.strip()}"
    return teks


# --- short constructors for builders ---------------------------------------------------------


def sel_kosong_angka() -> SelTabel:
    """A number cell with no value ("—")."""
    return SelTabel(None, FormatSel.ANGKA)


def sel_teks(
    nilai: str | None, *, tebal: bool = False, indent: int = 0, colspan: int = 1
) -> SelTabel:
    return SelTabel(nilai, FormatSel.TEKS, tebal=tebal, indent=indent, colspan=colspan)


def sel_angka(
    nilai: Decimal | None,
    satuan: str | None = None,
    *,
    desimal: int | None = None,
    tebal: bool = False,
) -> SelTabel:
    """A value in its unit: a "%" unit makes it a percentage, others are written after it."""
    if satuan is not None and satuan.strip() == "%":
        return SelTabel(nilai, FormatSel.PERSEN, desimal=desimal, tebal=tebal)
    return SelTabel(nilai, FormatSel.ANGKA, desimal=desimal, satuan=satuan, tebal=tebal)


def sel_persen(nilai: Decimal | None, *, desimal: int | None = 2, tebal: bool = False) -> SelTabel:
    return SelTabel(nilai, FormatSel.PERSEN, desimal=desimal, tebal=tebal)


def sel_rupiah(nilai: Decimal | None, *, tebal: bool = False) -> SelTabel:
    return SelTabel(nilai, FormatSel.RUPIAH, tebal=tebal)
