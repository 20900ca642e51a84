"""Any `TabelLaporan` as a PDF (reportlab platypus): A4, landscape when wide, header rows
repeated on every page, title, agency, period, printed-on date and "Halaman X dari Y".

Fonts are embedded (reports/fon.py); numbers are written the Indonesian way by
`teks_sel` (services/tabel/dasar.py), so the PDF shows exactly what the window shows.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from ..angka import KOSONG, format_tanggal
from ..services.tabel.dasar import JenisBaris, SelTabel, TabelLaporan, tata_kepala, teks_sel
from .fon import HURUF, HURUF_TEBAL, daftarkan_fon
from .halaman import kanvas_bernomor

__all__ = ["baris_identitas", "tulis_pdf"]

MARGIN_MM = 12
_ABU_KEPALA = (0.86, 0.89, 0.94)
_ABU_GRUP = (0.93, 0.93, 0.93)


def _ukuran_huruf(tabel: TabelLaporan) -> float:
    """Smaller type for tables with many columns, so they fit the page width."""
    n = tabel.jumlah_kolom
    if n >= 13:
        return 6.8
    if n >= 10:
        return 7.3
    return 8.2


def _paragraf(teks: str, gaya: Any) -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(escape(teks).replace("\n", "<br/>"), gaya)


def baris_identitas(tabel: TabelLaporan) -> list[str]:
    """Agency and period under the title, unless the title lines already say them."""
    judul = " ".join(tabel.judul).upper()
    hasil = [t for t in (tabel.instansi, tabel.periode) if t.upper() not in judul]
    return hasil


def tulis_pdf(
    tabel: TabelLaporan,
    tujuan: str | Path | IO[bytes],
    *,
    dicetak: date | None = None,
) -> None:
    """Write ``tabel`` as a PDF to a path or a binary file object."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer

    tabel.periksa()
    daftarkan_fon()
    ukuran = landscape(A4) if tabel.lanskap else A4
    tanggal = dicetak or date.today()
    pt = _ukuran_huruf(tabel)
    g_judul = ParagraphStyle(
        "judul", fontName=HURUF_TEBAL, fontSize=11.5, leading=14, alignment=TA_CENTER
    )
    g_sub = ParagraphStyle("sub", fontName=HURUF, fontSize=8.5, leading=11, alignment=TA_CENTER)
    g_kepala = ParagraphStyle(
        "kepala", fontName=HURUF_TEBAL, fontSize=pt, leading=pt * 1.2, alignment=TA_CENTER
    )
    g_kiri = ParagraphStyle(
        "kiri", fontName=HURUF, fontSize=pt, leading=pt * 1.22, alignment=TA_LEFT
    )
    g_kanan = ParagraphStyle("kanan", parent=g_kiri, alignment=TA_RIGHT)
    g_tengah = ParagraphStyle("tengah", parent=g_kiri, alignment=TA_CENTER)
    g_catatan = ParagraphStyle("catatan", fontName=HURUF, fontSize=7.5, leading=9.5)

    lebar_bingkai = ukuran[0] - 2 * MARGIN_MM * mm
    total = sum(k.lebar for k in tabel.kolom)
    lebar_kolom = [lebar_bingkai * k.lebar / total for k in tabel.kolom]

    n_kepala = len(tabel.kepala)
    data: list[list[Any]] = [["" for _ in tabel.kolom] for _ in range(n_kepala)]
    gaya: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), HURUF),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.Color(0.35, 0.35, 0.35)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, n_kepala - 1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, n_kepala - 1), colors.Color(*_ABU_KEPALA)),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
    ]
    for p in tata_kepala(tabel.kepala):
        data[p.baris][p.kolom] = _paragraf(p.teks, g_kepala)
        if p.rowspan > 1 or p.colspan > 1:
            gaya.append(
                ("SPAN", (p.kolom, p.baris), (p.kolom + p.colspan - 1, p.baris + p.rowspan - 1))
            )

    def sel_pdf(sel: SelTabel, tebal: bool, angka_kolom: bool) -> Any:
        teks = teks_sel(sel)
        if sel.rata_kanan:
            g = g_kanan
        elif teks == KOSONG and angka_kolom:
            g = g_tengah
        else:
            g = g_kiri
        if sel.indent:
            g = ParagraphStyle(f"{g.name}-{sel.indent}", parent=g, leftIndent=sel.indent * 7)
        isi = escape(teks).replace("\n", "<br/>")
        if tebal or sel.tebal:
            isi = f"<b>{isi}</b>"
        return Paragraph(isi, g)

    for i, b in enumerate(tabel.baris):
        r = n_kepala + i
        baris: list[Any] = []
        c = 0
        for sel in b.sel:
            baris.append(sel_pdf(sel, b.tebal, tabel.kolom[c].angka))
            baris += [""] * (sel.colspan - 1)
            if sel.colspan > 1:
                gaya.append(("SPAN", (c, r), (c + sel.colspan - 1, r)))
            c += sel.colspan
        data.append(baris)
        if b.jenis is JenisBaris.GRUP:
            gaya.append(("BACKGROUND", (0, r), (-1, r), colors.Color(*_ABU_GRUP)))
        elif b.jenis in (JenisBaris.TOTAL, JenisBaris.SUBTOTAL):
            gaya.append(("LINEABOVE", (0, r), (-1, r), 1.1, colors.black))
    if not tabel.baris:
        data.append(
            [_paragraf("Tidak ada data untuk periode ini.", g_tengah)]
            + [""] * (tabel.jumlah_kolom - 1)
        )
        gaya.append(("SPAN", (0, n_kepala), (-1, n_kepala)))

    isi: list[Any] = [_paragraf(j, g_judul) for j in tabel.judul]
    isi.append(Spacer(1, 2))
    if identitas := baris_identitas(tabel):
        isi.append(_paragraf(" · ".join(identitas), g_sub))
    isi.append(Spacer(1, 6))
    t = LongTable(data, colWidths=lebar_kolom, repeatRows=n_kepala, hAlign="CENTER")
    t.setStyle(gaya)
    isi.append(t)
    if tabel.catatan:
        isi.append(Spacer(1, 5))
        isi += [_paragraf(f"Catatan: {c}", g_catatan) for c in tabel.catatan]

    judul_dok = " — ".join([*tabel.judul[:1], tabel.periode])
    doc = SimpleDocTemplate(
        tujuan if not isinstance(tujuan, Path) else str(tujuan),
        pagesize=ukuran,
        leftMargin=MARGIN_MM * mm,
        rightMargin=MARGIN_MM * mm,
        topMargin=MARGIN_MM * mm,
        bottomMargin=MARGIN_MM * mm + 4,
        title=judul_dok,
        author=tabel.instansi,
        subject=tabel.periode,
        creator="SAKIP Desktop",
        initialFontName=HURUF,  # so no base-14 Helvetica (not embedded) is referenced
    )
    kiri = f"{tabel.instansi} · Dicetak {format_tanggal(tanggal)} — SAKIP Desktop"
    doc.build(isi, canvasmaker=kanvas_bernomor(kiri))
