"""The IKU document (Indikator Kinerja Utama of the agency) and the IKI of one position
(Indikator Kinerja Individu), as PDF (reportlab) and XLSX (openpyxl).

Both read the performance tree through the PK drafting rules, so the IKU, the IKI and the
PK show the same indicators with the same target of the year.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import Eselon
from ..kalkulasi import NilaiTarget
from ..model import Indikator, Jabatan, Opd
from ..services.konteks import renstra_untuk
from ..services.pk_susun import (
    KopSurat,
    Pihak,
    kop_surat,
    pihak_pada,
    simpul_urut,
    susun_draf,
    tanggal_bawaan,
    target_tahun,
    tempat_bawaan,
)
from .pk_pdf import (
    MM,
    Gaya,
    gaya_tabel,
    kolom_pejabat,
    kop_flowables,
    lebar_kolom,
    nip_cetak,
    tabel_tanda_tangan,
    teks_target,
)

# --- data --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisIndikator:
    """One line of the IKU or IKI table."""

    sasaran: str
    kode: str
    indikator: str
    satuan: str | None
    formula: str | None
    target: NilaiTarget | None
    sumber_data: str | None
    penanggung_jawab: str | None = None


@dataclass(frozen=True)
class DokumenIndikator:
    """An IKU document (``jabatan`` None) or one position's IKI."""

    jenis: str
    """"iku" or "iki"."""
    judul: str
    tahun: int
    kop: KopSurat
    kolom_sasaran: str
    baris: tuple[BarisIndikator, ...]
    tempat: str | None
    tanggal: date
    pejabat: Pihak | None
    """Who sets the IKU (the Kepala Dinas), or the position holder of the IKI."""
    atasan: Pihak | None = None
    jabatan: str | None = None
    unit: str | None = None


def _formula(ind: Indikator) -> str | None:
    bagian = [x.strip() for x in (ind.rumus, ind.penjelasan) if x and x.strip()]
    return "\n".join(bagian) or None


def susun_iku(sesi: Session, opd: Opd, tahun: int, tanggal: date | None = None) -> DokumenIndikator:
    """The agency's IKU in tree order, with the target of ``tahun`` and who answers for it."""
    renstra = renstra_untuk(sesi, opd, tahun)
    pasangan = [
        (s, ind) for s in simpul_urut(sesi, [renstra]) for ind in s.node.indikator if ind.iku
    ]
    target = target_tahun(sesi, (ind.id for _, ind in pasangan), tahun)
    kepala = sesi.scalars(
        select(Jabatan).where(Jabatan.opd_id == opd.id, Jabatan.eselon == Eselon.II)
    ).first()
    tanggal = tanggal or tanggal_bawaan(tahun)
    contoh = kepala or next((s.node.pemilik for s, _ in pasangan if s.node.pemilik), None)
    return DokumenIndikator(
        jenis="iku",
        judul=f"INDIKATOR KINERJA UTAMA (IKU) TAHUN {tahun}",
        tahun=tahun,
        kop=kop_surat(sesi, contoh, opd) if contoh else KopSurat(opd.pemda.nama, opd.nama),
        kolom_sasaran="Sasaran Strategis",
        baris=tuple(
            BarisIndikator(
                sasaran=s.node.uraian,
                kode=ind.kode,
                indikator=ind.nama,
                satuan=ind.satuan,
                formula=_formula(ind),
                target=target.get(ind.id),
                sumber_data=ind.sumber_data,
                penanggung_jawab=s.node.pemilik.nama if s.node.pemilik else None,
            )
            for s, ind in pasangan
        ),
        tempat=opd.tempat_ttd,
        tanggal=tanggal,
        pejabat=pihak_pada(kepala, tanggal) if kepala else None,
        jabatan=kepala.nama if kepala else None,
    )


KOLOM_SASARAN_IKI = {
    Eselon.KEPALA_DAERAH: "Sasaran",
    Eselon.II: "Sasaran Strategis",
    Eselon.III: "Sasaran Program",
    Eselon.IV: "Sasaran Kegiatan",
    Eselon.STAF: "Rencana Hasil Kerja",
}


def susun_iki(
    sesi: Session, jabatan: Jabatan, tahun: int, tanggal: date | None = None
) -> DokumenIndikator:
    """A position's IKI: the indicators of the nodes it owns (as in its PK), with formula,
    the target of ``tahun`` and the data source."""
    tanggal = tanggal or tanggal_bawaan(tahun)
    draf = susun_draf(sesi, jabatan, tahun, tanggal)
    opd = sesi.get(Opd, jabatan.opd_id) if jabatan.opd_id else None
    baris = []
    for b in draf.kinerja:
        ind = sesi.get(Indikator, b.indikator_id) if b.indikator_id else None
        baris.append(
            BarisIndikator(
                sasaran=b.uraian,
                kode=ind.kode if ind else "",
                indikator=b.indikator_teks or "—",
                satuan=b.satuan,
                formula=_formula(ind) if ind else None,
                target=b.target,
                sumber_data=ind.sumber_data if ind else None,
            )
        )
    return DokumenIndikator(
        jenis="iki",
        judul=f"INDIKATOR KINERJA INDIVIDU (IKI) TAHUN {tahun}",
        tahun=tahun,
        kop=kop_surat(sesi, jabatan, opd),
        kolom_sasaran=KOLOM_SASARAN_IKI[jabatan.eselon],
        baris=tuple(baris),
        tempat=tempat_bawaan(sesi, jabatan),
        tanggal=tanggal,
        pejabat=draf.pertama,
        atasan=draf.kedua,
        jabatan=jabatan.nama,
        unit=jabatan.unit.nama if jabatan.unit else None,
    )


# --- PDF -----------------------------------------------------------------------------------------


def _identitas_iki(d: DokumenIndikator, lebar: float, g: Gaya) -> Any:
    from reportlab.platypus import Paragraph, Table, TableStyle

    p = d.pejabat
    baris = [
        ("Nama", p.nama if p else "—"),
        ("NIP", nip_cetak(p.nip) if p and p.nip else "—"),
        ("Pangkat/Golongan", (p.pangkat or "—") if p else "—"),
        ("Jabatan", p.jabatan_cetak if p else (d.jabatan or "—")),
        ("Unit Kerja", d.unit or d.kop.opd or "—"),
        ("Atasan Langsung", d.atasan.jabatan_cetak if d.atasan else "—"),
    ]
    data = [[k, ":", Paragraph(escape(v), g.sel)] for k, v in baris]
    tabel = Table(data, colWidths=[38 * MM, 4 * MM, lebar - 42 * MM], hAlign="LEFT")
    tabel.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (1, -1), g.sel.fontName, g.sel.fontSize),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
            ]
        )
    )
    return tabel


def _tabel(d: DokumenIndikator, lebar: float, g: Gaya) -> Any:
    from reportlab.platypus import Paragraph, Table, TableStyle

    iku = d.jenis == "iku"
    kepala = ["No", d.kolom_sasaran, "Indikator Kinerja Utama" if iku else "Indikator Kinerja"]
    kepala += ["Formula / Penjelasan", "Satuan", f"Target {d.tahun}", "Sumber Data"]
    proporsi = [10, 40, 50, 68, 18, 22, 32]
    if iku:
        kepala.append("Penanggung Jawab")
        proporsi.append(34)
    data: list[list[Any]] = [
        [Paragraph(k, g.sel_kepala) for k in kepala],
        [f"({i + 1})" for i in range(len(kepala))],
    ]
    gaya = gaya_tabel(2)
    nomor, awal, sebelum = 0, 2, None
    for b in d.baris:
        baru = b.sasaran != sebelum
        if baru:
            if sebelum is not None and len(data) - 1 > awal:
                gaya += [("SPAN", (0, awal), (0, len(data) - 1))]
                gaya += [("SPAN", (1, awal), (1, len(data) - 1))]
            nomor, awal, sebelum = nomor + 1, len(data), b.sasaran
        isi = [
            Paragraph(f"{nomor}." if baru else "", g.sel_tengah),
            Paragraph(escape(b.sasaran) if baru else "", g.sel),
            Paragraph(escape(b.indikator), g.sel),
            Paragraph(escape(b.formula or "—").replace("\n", "<br/>"), g.sel),
            Paragraph(escape(b.satuan or ""), g.sel_tengah),
            Paragraph(escape(teks_target(b.target, b.satuan, False)), g.sel_tengah),
            Paragraph(escape(b.sumber_data or "—"), g.sel),
        ]
        if iku:
            isi.append(Paragraph(escape(b.penanggung_jawab or "—"), g.sel))
        data.append(isi)
    if sebelum is not None and len(data) - 1 > awal:
        gaya += [("SPAN", (0, awal), (0, len(data) - 1)), ("SPAN", (1, awal), (1, len(data) - 1))]
    if not d.baris:
        data.append(["", Paragraph("(tidak ada indikator)", g.sel)] + [""] * (len(kepala) - 2))
    tabel = Table(data, colWidths=lebar_kolom(lebar, proporsi), repeatRows=2)
    tabel.setStyle(TableStyle(gaya))
    return tabel


def _atomik(out: Path, akhiran: str) -> tuple[Path, str]:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, sementara = tempfile.mkstemp(prefix=".sakip-", suffix=akhiran, dir=out.parent)
    os.close(fd)
    return out, sementara


def tulis_indikator_pdf(d: DokumenIndikator, out: Path, *, kertas: str = "A4") -> Path:
    """The IKU or IKI as a landscape PDF under the letterhead, with the signatures."""
    from reportlab.lib.pagesizes import landscape
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    from .halaman import kanvas_bernomor
    from .pk_pdf import UKURAN_KERTAS, tempat_tanggal

    ukuran = landscape(UKURAN_KERTAS[kertas.upper()])
    kiri = kanan = 15 * MM
    lebar = ukuran[0] - kiri - kanan
    g = Gaya()
    cerita: list[Any] = [*kop_flowables(d.kop, lebar, g), Paragraph(escape(d.judul), g.judul)]
    if d.jenis == "iku" and d.kop.opd:
        cerita.append(Paragraph(escape(f"{d.kop.opd} {d.kop.pemda}".upper()), g.judul))
    cerita.append(Spacer(1, 8))
    if d.jenis == "iki":
        cerita += [_identitas_iki(d, lebar, g), Spacer(1, 8)]
    cerita += [_tabel(d, lebar, g), Spacer(1, 6)]
    if d.jenis == "iki":
        kiri_ttd = kolom_pejabat(d.atasan, "Atasan Langsung,", g)
        kanan_ttd = kolom_pejabat(d.pejabat, "Pegawai yang Bersangkutan,", g)
    else:
        kiri_ttd = [""] * 6
        kanan_ttd = kolom_pejabat(d.pejabat, "", g)
    cerita.append(
        tabel_tanda_tangan(
            tempat_tanggal(d.tempat, d.tanggal), kiri_ttd, kanan_ttd, lebar, g, 18 * MM
        )
    )
    out, sementara = _atomik(out, ".pdf")
    try:
        SimpleDocTemplate(
            sementara,
            pagesize=ukuran,
            leftMargin=kiri,
            rightMargin=kanan,
            topMargin=10 * MM,
            bottomMargin=16 * MM,
            title=d.judul.title(),
            author="SAKIP Desktop",
        ).build(cerita, canvasmaker=kanvas_bernomor())
        os.replace(sementara, out)
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise
    return out


# --- XLSX ----------------------------------------------------------------------------------------

FORMAT_BULAT = "#,##0"
FORMAT_DESIMAL = "#,##0.00"
"""Number formats: Excel shows them with the reader's separators (1.234,56 in Indonesia).
Percentages are stored as fractions (1,28 % is 0,0128) shown through "0.00%", as in
`xlsx_tabel`, so the reader can compute with them."""


def _nilai_sel(t: NilaiTarget | None, satuan: str | None) -> tuple[Any, str | None]:
    """A target as a cell value and number format: numbers stay numbers."""
    if t is None or t.kosong:
        return "—", None
    if t.is_predikat or t.nilai_maks is not None:
        return teks_target(t, satuan, False), None
    assert t.nilai is not None
    nilai = t.nilai
    bulat = nilai == nilai.to_integral_value()
    if (satuan or "").strip() == "%":
        return nilai / 100, ("0%" if bulat else "0.00%")
    return (int(nilai) if bulat else nilai), (FORMAT_BULAT if bulat else FORMAT_DESIMAL)


_TINGGI_BARIS = 12.75
"""Points per text line at size 10: row heights are set because spreadsheet programs do not
always recompute them for wrapped text when they open a file."""


def _tinggi_baris(sel: Any, lebar: list[int]) -> float:
    baris = 1
    for c, w in zip(sel, lebar, strict=False):
        if isinstance(c.value, str):
            per_baris = max(1, int(w * 1.1))
            n = sum(max(1, -(-len(bagian) // per_baris)) for bagian in c.value.split("\n"))
            baris = max(baris, n)
    return baris * _TINGGI_BARIS + 3


def tulis_indikator_xlsx(d: DokumenIndikator, out: Path) -> Path:
    """The IKU or IKI as a worksheet: title, header row frozen, numbers as numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    iku = d.jenis == "iku"
    wb = Workbook()
    ws = wb.active
    ws.title = ("IKU " if iku else "IKI ") + str(d.tahun)
    kepala = ["No", d.kolom_sasaran, "Kode", "Indikator", "Formula / Penjelasan", "Satuan"]
    kepala += [f"Target {d.tahun}", "Sumber Data"] + (["Penanggung Jawab"] if iku else [])
    lebar = [5, 40, 10, 50, 60, 12, 14, 28, 34]
    ws.append([d.judul])
    ws.append([f"{d.kop.opd or ''} {d.kop.pemda}".strip().upper()])
    if not iku and d.pejabat is not None:
        ws.append([f"{d.pejabat.nama} — NIP {d.pejabat.nip or '—'} — {d.pejabat.jabatan_cetak}"])
    ws.append([])
    ws.append(kepala)
    baris_kepala = ws.max_row
    tebal = Font(name="Arial", size=10, bold=True)
    biasa = Font(name="Arial", size=10)
    garis = Side(style="thin")
    kotak = Border(left=garis, right=garis, top=garis, bottom=garis)
    for c in ws[1]:
        c.font = Font(name="Arial", bold=True, size=13)
    for c in ws[baris_kepala]:
        c.font = tebal
        c.fill = PatternFill("solid", fgColor="E6E6E6")
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.border = kotak
    nomor, sebelum = 0, None
    for b in d.baris:
        if b.sasaran != sebelum:
            nomor, sebelum = nomor + 1, b.sasaran
        nilai, fmt = _nilai_sel(b.target, b.satuan)
        isi = [nomor, b.sasaran, b.kode, b.indikator, b.formula or "—", b.satuan or "", nilai]
        isi += [b.sumber_data or "—"] + ([b.penanggung_jawab or "—"] if iku else [])
        ws.append(isi)
        for c in ws[ws.max_row]:
            c.alignment = Alignment(vertical="top", wrap_text=True)
            c.border = kotak
            c.font = biasa
        for kolom in (1, 6):
            ws.cell(row=ws.max_row, column=kolom).alignment = Alignment(
                horizontal="center", vertical="top", wrap_text=True
            )
        sel = ws.cell(row=ws.max_row, column=7)
        if fmt:
            sel.number_format = fmt
            sel.alignment = Alignment(horizontal="right", vertical="top")
    for i, w in enumerate(lebar[: len(kepala)], start=1):
        ws.column_dimensions[ws.cell(row=baris_kepala, column=i).column_letter].width = w
    for r in range(baris_kepala, ws.max_row + 1):
        ws.row_dimensions[r].height = _tinggi_baris(ws[r], lebar)
    ws.freeze_panes = ws.cell(row=baris_kepala + 1, column=1)
    ws.print_title_rows = f"{baris_kepala}:{baris_kepala}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    out, sementara = _atomik(out, ".xlsx")
    try:
        wb.save(sementara)
        os.replace(sementara, out)
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise
    return out


def tulis_indikator(d: DokumenIndikator, out: Path, *, format: str, kertas: str = "A4") -> Path:
    """PDF or XLSX by ``format`` ("pdf" or "xlsx")."""
    jenis = format.casefold()
    if jenis == "pdf":
        return tulis_indikator_pdf(d, out, kertas=kertas)
    if jenis == "xlsx":
        return tulis_indikator_xlsx(d, out)
    raise ValueError(f"Format {format!r} tidak dikenal; pilih pdf atau xlsx.")


__all__ = [
    "BarisIndikator",
    "DokumenIndikator",
    "susun_iki",
    "susun_iku",
    "tulis_indikator",
    "tulis_indikator_pdf",
    "tulis_indikator_xlsx",
]
