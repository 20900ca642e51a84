"""Any `TabelLaporan` as an XLSX sheet (openpyxl): real numbers with number formats,
merged headers, frozen header rows, column widths that fit, A4 print setup fitted to the
page width (landscape when wide), header rows repeated on every printed page.

Numbers are stored as numbers and shown through number formats ('#,##0', '#,##0.00',
'0.00%'), so a spreadsheet program in the Indonesian locale shows 3.080.400.000 and 88,63%
and the user can still compute with them. Percentages are stored as fractions (88,63 % is
0,8863) as spreadsheets expect; a value with no number is written "—".
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from ..angka import KOSONG, format_tanggal
from ..services.tabel.dasar import (
    FormatSel,
    JenisBaris,
    SelTabel,
    TabelLaporan,
    tata_kepala,
    teks_sel,
)

__all__ = ["format_angka_xlsx", "isi_lembar", "nilai_xlsx", "tulis_xlsx"]

_WARNA_KEPALA = "DCE3EF"
_WARNA_GRUP = "EDEDED"
_LEBAR_MAKS = 60.0
HURUF = "Arial"
"""Metric-compatible with the PDF's Liberation Sans; every office PC has it or a substitute."""
_UKURAN = 10
_TINGGI_BARIS = 12.75
"""Points per text line at size 10: row heights are set (spreadsheet programs do not always
recompute them for wrapped text when they open a file)."""


def _bulat(x: Decimal) -> bool:
    return x == x.to_integral_value()


def format_angka_xlsx(sel: SelTabel) -> str | None:
    """The number format for a numeric cell, following `teks_sel`'s decimals rule."""
    v = sel.nilai
    if not isinstance(v, Decimal):
        return None
    if sel.format is FormatSel.PERSEN:
        desimal = sel.desimal if sel.desimal is not None else (0 if _bulat(v) else 2)
        return "0%" if desimal == 0 else "0." + "0" * desimal + "%"
    desimal = sel.desimal if sel.desimal is not None else (0 if _bulat(v) else 2)
    pola = "#,##0" if desimal == 0 else "#,##0." + "0" * desimal
    if sel.satuan and sel.format is FormatSel.ANGKA:
        satuan = sel.satuan.strip().replace('"', "")
        pola += f' "{satuan}"'
    return pola


def nilai_xlsx(sel: SelTabel) -> Any:
    """What goes into the cell: a number (percentages as fractions), text, or "—"."""
    v = sel.nilai
    if isinstance(v, Decimal):
        return v / 100 if sel.format is FormatSel.PERSEN else v
    if v is None:
        return "" if sel.format is FormatSel.TEKS else KOSONG
    return v


def _lebar_teks(teks: str) -> float:
    return max((len(b) for b in teks.split("\n")), default=0)


def isi_lembar(ws: Any, tabel: TabelLaporan, *, dicetak: date | None = None) -> int:
    """Fill worksheet ``ws`` with ``tabel``; returns the first body row (1-based)."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    tabel.periksa()
    n = tabel.jumlah_kolom
    tipis = Side(style="thin", color="808080")
    tebal = Side(style="medium", color="000000")
    bingkai = Border(left=tipis, right=tipis, top=tipis, bottom=tipis)
    akhir = get_column_letter(n)

    r = 1
    for j in tabel.judul:
        ws.cell(r, 1, j).font = Font(name=HURUF, bold=True, size=12)
        ws.cell(r, 1).alignment = Alignment(horizontal="center")
        ws.merge_cells(f"A{r}:{akhir}{r}")
        r += 1
    identitas = f"{tabel.instansi} · {tabel.periode}"
    tanggal = dicetak or date.today()
    ws.cell(r, 1, f"{identitas} · Dicetak {format_tanggal(tanggal)}").font = Font(
        name=HURUF, size=9, italic=True
    )
    ws.cell(r, 1).alignment = Alignment(horizontal="center")
    ws.merge_cells(f"A{r}:{akhir}{r}")
    r += 2

    awal_kepala = r
    isi_kepala = Font(name=HURUF, size=_UKURAN, bold=True)
    latar_kepala = PatternFill("solid", fgColor=_WARNA_KEPALA)
    rata_kepala = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for dr in range(len(tabel.kepala)):
        for c in range(1, n + 1):
            sel = ws.cell(awal_kepala + dr, c)
            sel.border = bingkai
            sel.fill = latar_kepala
            sel.font = isi_kepala
            sel.alignment = rata_kepala
    for p in tata_kepala(tabel.kepala):
        baris, kolom = awal_kepala + p.baris, p.kolom + 1
        ws.cell(baris, kolom, p.teks)
        if p.rowspan > 1 or p.colspan > 1:
            ws.merge_cells(
                start_row=baris,
                start_column=kolom,
                end_row=baris + p.rowspan - 1,
                end_column=kolom + p.colspan - 1,
            )
    awal_isi = awal_kepala + len(tabel.kepala)

    lebar = [k.lebar for k in tabel.kolom]
    latar_grup = PatternFill("solid", fgColor=_WARNA_GRUP)
    r = awal_isi
    for b in tabel.baris:
        c = 1
        for sel in b.sel:
            cell = ws.cell(r, c, nilai_xlsx(sel))
            fmt = format_angka_xlsx(sel)
            if fmt:
                cell.number_format = fmt
            kanan = sel.rata_kanan
            tengah = sel.nilai is None and tabel.kolom[c - 1].angka
            cell.alignment = Alignment(
                horizontal="right" if kanan else "center" if tengah else "left",
                vertical="top",
                wrap_text=not kanan,
                indent=sel.indent * 2,
            )
            cell.font = Font(name=HURUF, size=_UKURAN, bold=b.tebal or sel.tebal)
            for dc in range(sel.colspan):
                ws.cell(r, c + dc).border = Border(
                    left=tipis,
                    right=tipis,
                    bottom=tipis,
                    top=tebal if b.jenis is JenisBaris.TOTAL else tipis,
                )
                if b.jenis is JenisBaris.GRUP:
                    ws.cell(r, c + dc).fill = latar_grup
            if sel.colspan > 1:
                ws.merge_cells(
                    start_row=r, start_column=c, end_row=r, end_column=c + sel.colspan - 1
                )
            elif kanan:
                # numbers must never show "###": widen the column to the printed text
                lebar[c - 1] = max(lebar[c - 1], len(teks_sel(sel)) + 2)
            c += sel.colspan
        r += 1
    for p in tata_kepala(tabel.kepala):
        if p.colspan == 1:
            kata = max((len(k) for k in p.teks.split()), default=0)
            lebar[p.kolom] = max(lebar[p.kolom], kata + 2)
    lebar_akhir = [min(w * 1.1 + 1, _LEBAR_MAKS) for w in lebar]
    for i, w in enumerate(lebar_akhir, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    _atur_tinggi(ws, tabel, awal_kepala, lebar_akhir)

    if tabel.catatan:
        r += 1
        for cat in tabel.catatan:
            ws.cell(r, 1, f"Catatan: {cat}").font = Font(name=HURUF, size=9, italic=True)
            ws.cell(r, 1).alignment = Alignment(wrap_text=True, vertical="top")
            ws.merge_cells(f"A{r}:{akhir}{r}")
            ws.row_dimensions[r].height = 13 * (1 + _lebar_teks(cat) // max(sum(lebar), 1))
            r += 1

    ws.freeze_panes = ws.cell(awal_isi, 1)
    ws.print_title_rows = f"{awal_kepala}:{awal_isi - 1}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if tabel.lanskap else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.print_options.horizontalCentered = True
    ws.oddFooter.left.text = tabel.instansi
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = "Halaman &P dari &N"
    ws.oddFooter.right.size = 8
    return awal_isi


def _jumlah_baris_teks(teks: str, lebar: float) -> int:
    """Lines a wrapped text takes in a column ``lebar`` characters wide (a safe estimate)."""
    muat = max(int(lebar * 1.15) - 1, 1)
    total = 0
    for bagian in teks.split("\n"):
        total += max(1, -(-len(bagian) // muat))
    return total


def _atur_tinggi(ws: Any, tabel: TabelLaporan, awal_kepala: int, lebar: list[float]) -> None:
    for p in tata_kepala(tabel.kepala):
        w = sum(lebar[p.kolom : p.kolom + p.colspan])
        baris = _jumlah_baris_teks(p.teks, w)
        r = awal_kepala + p.baris + p.rowspan - 1
        tinggi = max(
            ws.row_dimensions[r].height or 0, baris * _TINGGI_BARIS + 4 - (p.rowspan - 1) * 15
        )
        ws.row_dimensions[r].height = tinggi
    awal_isi = awal_kepala + len(tabel.kepala)
    for i, b in enumerate(tabel.baris):
        c = 0
        garis = 1
        for sel in b.sel:
            w = sum(lebar[c : c + sel.colspan]) - sel.indent * 2
            if not sel.rata_kanan:
                garis = max(garis, _jumlah_baris_teks(teks_sel(sel), w))
            c += sel.colspan
        ws.row_dimensions[awal_isi + i].height = garis * _TINGGI_BARIS + 3


def tulis_xlsx(
    tabel: TabelLaporan, tujuan: str | Path | IO[bytes], *, dicetak: date | None = None
) -> None:
    """Write ``tabel`` as a one-sheet workbook to a path or a binary file object."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = _nama_lembar(tabel.judul[0] if tabel.judul else tabel.nama)
    isi_lembar(ws, tabel, dicetak=dicetak)
    wb.properties.title = " — ".join(tabel.judul)
    wb.properties.creator = "SAKIP Desktop"
    wb.save(tujuan if not isinstance(tujuan, Path) else str(tujuan))


def _nama_lembar(teks: str) -> str:
    """A sheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
    bersih = "".join("-" if ch in "[]:*?/\\" else ch for ch in teks).strip()
    return (bersih or "Tabel")[:31]
