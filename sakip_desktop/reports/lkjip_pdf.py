"""The LKjIP as PDF: A4, cover, Kata Pengantar, table of contents, chapters, lampiran.

reportlab platypus with two passes (``multiBuild``) so the table of contents carries page
numbers; "Halaman X dari Y" on every page (reports/halaman.py); embedded Liberation Sans
(reports/fon.py); one bar chart per sasaran drawn as vector graphics (reportlab.graphics).
Empty narrative blocks print their hint in grey so the draft shows what is left to write.
"""

from __future__ import annotations

import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from ..angka import format_angka, format_persen, format_rupiah, format_tanggal
from ..services.lkjip import DokumenLkjip, SasaranLkjip
from ..services.lkjip_narasi import BAGIAN_SASARAN, BAGIAN_TETAP
from .fon import HURUF, HURUF_MIRING, HURUF_TEBAL, daftarkan_fon
from .halaman import kanvas_bernomor

PETUNJUK = {b.kunci: b.petunjuk for b in BAGIAN_TETAP}
WARNA_SERI = ("#9db4d6", "#5b84c4", "#1f4e96")


def persen(x: Decimal | None) -> str:
    return format_persen(x) if x is not None else "—"


class _Gaya:
    def __init__(self) -> None:
        from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle

        self.judul = ParagraphStyle(
            "judul",
            fontName=HURUF_TEBAL,
            fontSize=14,
            leading=18,
            alignment=TA_CENTER,
            spaceAfter=10,
        )
        self.sampul = ParagraphStyle("sampul", parent=self.judul, fontSize=18, leading=24)
        self.h1 = ParagraphStyle(
            "h1",
            fontName=HURUF_TEBAL,
            fontSize=13,
            leading=17,
            alignment=TA_CENTER,
            spaceAfter=12,
        )
        self.h2 = ParagraphStyle(
            "h2", fontName=HURUF_TEBAL, fontSize=11, leading=14, spaceBefore=10, spaceAfter=5
        )
        self.h3 = ParagraphStyle(
            "h3", fontName=HURUF_TEBAL, fontSize=10, leading=13, spaceBefore=7, spaceAfter=3
        )
        self.isi = ParagraphStyle(
            "isi",
            fontName=HURUF,
            fontSize=10,
            leading=14.5,
            alignment=TA_JUSTIFY,
            spaceAfter=6,
            firstLineIndent=18,
        )
        self.kosong = ParagraphStyle(
            "kosong",
            parent=self.isi,
            fontName=HURUF_MIRING,
            textColor="#7a7a7a",
            firstLineIndent=0,
        )
        self.sel = ParagraphStyle("sel", fontName=HURUF, fontSize=8.5, leading=10.5)
        self.sel_kepala = ParagraphStyle(
            "selk", parent=self.sel, fontName=HURUF_TEBAL, alignment=TA_CENTER
        )
        self.sel_kanan = ParagraphStyle("selr", parent=self.sel, alignment=TA_RIGHT)
        self.catatan = ParagraphStyle("cat", fontName=HURUF, fontSize=8, leading=10)
        self.tengah = ParagraphStyle(
            "tengah", parent=self.isi, alignment=TA_CENTER, firstLineIndent=0
        )
        self.toc = [
            ParagraphStyle("toc0", fontName=HURUF_TEBAL, fontSize=10, leading=15),
            ParagraphStyle("toc1", fontName=HURUF, fontSize=9.5, leading=13, leftIndent=16),
            ParagraphStyle("toc2", fontName=HURUF, fontSize=9, leading=12, leftIndent=32),
        ]


def _judul(teks: str, gaya: Any, tingkat: int) -> Any:
    from reportlab.platypus import Paragraph

    p = Paragraph(escape(teks), gaya)
    p._toc = (tingkat, teks)  # type: ignore[attr-defined]
    return p


def _narasi(teks: str, kunci: str, g: _Gaya, petunjuk: str | None = None) -> list[Any]:
    from reportlab.platypus import Paragraph

    bagian = [b.strip() for b in (teks or "").replace("\r", "").split("\n\n") if b.strip()]
    if not bagian:
        hint = petunjuk or PETUNJUK.get(kunci, "")
        return [Paragraph(escape(f"[Narasi belum diisi: {hint}]"), g.kosong)]
    return [Paragraph(escape(b).replace("\n", "<br/>"), g.isi) for b in bagian]


def _tabel(
    kepala: list[str],
    baris: list[tuple[str, ...]],
    lebar: list[float],
    g: _Gaya,
    *,
    kanan: set[int] | None = None,
    tebal: set[int] | None = None,
) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import LongTable, Paragraph

    kanan = kanan or set()
    data = [[Paragraph(escape(k), g.sel_kepala) for k in kepala]]
    for i, b in enumerate(baris):
        sel = []
        for j, teks in enumerate(b):
            isi = escape(teks).replace("\n", "<br/>")
            if tebal and i in tebal:
                isi = f"<b>{isi}</b>"
            sel.append(Paragraph(isi, g.sel_kanan if j in kanan else g.sel))
        data.append(sel)
    total = sum(lebar)
    from reportlab.lib.units import mm

    lebar_pt = [160 * mm * x / total for x in lebar]
    t = LongTable(data, colWidths=lebar_pt, repeatRows=1)
    t.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), HURUF),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.Color(0.35, 0.35, 0.35)),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.86, 0.89, 0.94)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
    )
    return t


def grafik_sasaran(s: SasaranLkjip, tahun: int) -> Any:
    """Capaian per indicator for the three years, as grouped bars (vector), 100% marked."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing, Line, String
    from reportlab.lib import colors
    from reportlab.lib.units import mm

    tahun_seri = (tahun - 2, tahun - 1, tahun)
    seri: list[list[float | None]] = [[], [], []]
    for b in s.baris:
        nilai = [r.capaian for r in b.riwayat] + [b.capaian]
        for i, v in enumerate(nilai):
            seri[i].append(float(v) if v is not None else None)
    tertinggi = max([100.0, *(v for sr in seri for v in sr if v is not None)])
    d = Drawing(160 * mm, 62 * mm)
    c = VerticalBarChart()
    # a narrow chart for one or two indicators, so the bars do not become slabs
    lebar = min(160 * mm - 140, 40 + 110 * len(s.baris))
    c.x, c.y, c.width, c.height = 38, 30, lebar, 62 * mm - 48
    c.data = [[v if v is not None else 0 for v in sr] for sr in seri]
    c.categoryAxis.categoryNames = [b.kode for b in s.baris]
    c.categoryAxis.labels.fontName = HURUF
    c.categoryAxis.labels.fontSize = 7.5
    c.valueAxis.valueMin = 0
    c.valueAxis.valueMax = tertinggi * 1.15
    c.valueAxis.labels.fontName = HURUF
    c.valueAxis.labels.fontSize = 7
    c.valueAxis.labelTextFormat = lambda v: format_angka(Decimal(str(round(v))), 0) + "%"
    c.groupSpacing = 8
    c.barSpacing = 1
    for i, warna in enumerate(WARNA_SERI):
        c.bars[i].fillColor = colors.HexColor(warna)
        c.bars[i].strokeColor = None
    c.barLabelFormat = lambda v: (
        format_angka(Decimal(str(v)).quantize(Decimal("0.01")), 2) if v else ""
    )
    c.barLabels.fontName = HURUF
    c.barLabels.fontSize = 6.2
    c.barLabels.nudge = 6
    d.add(c)
    y100 = c.y + c.height * 100 / c.valueAxis.valueMax
    d.add(
        Line(
            c.x,
            y100,
            c.x + c.width,
            y100,
            strokeColor=colors.HexColor("#c0392b"),
            strokeDashArray=[3, 2],
            strokeWidth=0.8,
        )
    )
    d.add(
        String(
            c.x + c.width + 3,
            y100 - 3,
            "100%",
            fontName=HURUF,
            fontSize=7,
            fillColor=colors.HexColor("#c0392b"),
        )
    )
    lg = Legend()
    lg.x, lg.y = c.x + c.width + 32, c.y + c.height - 4
    lg.fontName = HURUF
    lg.fontSize = 7.5
    lg.colorNamePairs = [
        (colors.HexColor(w), f"Capaian {th}") for w, th in zip(WARNA_SERI, tahun_seri, strict=True)
    ]
    d.add(lg)
    d.add(
        String(
            c.x,
            6,
            f"Grafik capaian indikator Sasaran {s.nomor} tahun {tahun - 2}–{tahun}",
            fontName=HURUF,
            fontSize=7.5,
        )
    )
    return d


def _grafik_flowable(gambar: Any) -> Any:
    """A Drawing as a flowable whose renderer starts from our font, not Helvetica.

    reportlab's renderer opens every drawing with ``setFont`` from its defaults
    (Helvetica), which would add a non-embedded font to the PDF.
    """
    from reportlab.graphics import renderPDF, shapes
    from reportlab.platypus import Flowable

    class Grafik(Flowable):
        def wrap(self, *_a: Any) -> tuple[float, float]:
            return gambar.width, gambar.height

        def draw(self) -> None:
            lama = shapes.STATE_DEFAULTS["fontName"]
            shapes.STATE_DEFAULTS["fontName"] = HURUF
            try:
                renderPDF.draw(gambar, self.canv, 0, 0)
            finally:
                shapes.STATE_DEFAULTS["fontName"] = lama

    return Grafik()


def _bab3_sasaran(d: DokumenLkjip, s: SasaranLkjip, g: _Gaya) -> list[Any]:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    isi: list[Any] = [_judul(f"Sasaran {s.nomor}: {s.uraian}", g.h3, 2)]
    if not s.baris:
        return [*isi, Paragraph("Sasaran ini belum memiliki indikator dengan target.", g.kosong)]
    isi.append(
        _tabel(
            ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian", "Kategori"],
            [
                (str(i), b.indikator, b.target, b.realisasi, persen(b.capaian), b.band or "—")
                for i, b in enumerate(s.baris, start=1)
            ],
            [5, 48, 14, 14, 12, 18],
            g,
            kanan={2, 3, 4},
        )
    )
    for b in s.baris:
        if b.capaian is not None:
            kalimat = (
                f"Capaian indikator {b.indikator} tahun {d.tahun} sebesar {persen(b.capaian)}"
                f"{f' ({b.band})' if b.band else ''}: realisasi {b.realisasi} dari target "
                f"{b.target}."
            )
        else:
            kalimat = (
                f"Indikator {b.indikator} tahun {d.tahun} belum memiliki capaian "
                f"(realisasi {b.realisasi}, target {b.target})."
            )
        isi.append(Paragraph(escape(kalimat), g.isi))
    isi.append(Paragraph("Perbandingan dengan tahun sebelumnya dan target akhir Renstra:", g.isi))
    th = [r.tahun for r in s.baris[0].riwayat]
    isi.append(
        _tabel(
            [
                "Indikator",
                f"Realisasi {th[0]}",
                f"Realisasi {th[1]}",
                f"Realisasi {d.tahun}",
                "Target akhir Renstra",
                "Capaian thd target akhir",
            ],
            [
                (
                    b.indikator,
                    b.riwayat[0].realisasi,
                    b.riwayat[1].realisasi,
                    b.realisasi,
                    b.target_akhir,
                    persen(b.capaian_akhir),
                )
                for b in s.baris
            ],
            [40, 14, 14, 14, 16, 16],
            g,
            kanan={1, 2, 3, 4, 5},
        )
    )
    isi.append(Spacer(1, 6))
    isi.append(KeepTogether([_grafik_flowable(grafik_sasaran(s, d.tahun))]))
    for sub, judul, petunjuk in BAGIAN_SASARAN:
        isi.append(Paragraph(escape(judul), g.h3))
        isi.extend(_narasi(s.narasi.get(sub, ""), sub, g, petunjuk))
    return isi


def _ttd(d: DokumenLkjip, g: _Gaya) -> list[Any]:
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Spacer, Table

    kanan = ParagraphStyle("ttd", fontName=HURUF, fontSize=10, leading=13, alignment=TA_LEFT)
    p = d.kepala
    baris = [
        f"{d.tempat}, {format_tanggal(d.tanggal)}",
        (p.jabatan_cetak if p else d.jabatan_kepala).upper(),
        d.pemda.upper(),
    ]
    bawah = [
        f"<b><u>{escape(p.nama)}</u></b>" if p else "(nama)",
        escape(p.pangkat or "") if p else "",
    ]
    if p and p.nip:
        bawah.append(f"NIP. {escape(p.nip)}")
    sel = (
        [Paragraph(escape(t), kanan) for t in baris]
        + [Spacer(1, 48)]
        + [Paragraph(t, kanan) for t in bawah if t]
    )
    from reportlab.lib.units import mm

    t = Table([["", sel]], colWidths=[85 * mm, 75 * mm])
    t.setStyle([("FONTNAME", (0, 0), (-1, -1), HURUF)])
    return [Spacer(1, 12), t]


class _Dokumen:
    """BaseDocTemplate that feeds headings to the table of contents and PDF outline."""

    @staticmethod
    def buat(path: str, judul: str) -> Any:
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import mm
        from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

        class Dok(BaseDocTemplate):
            def afterFlowable(self, f: Any) -> None:
                toc = getattr(f, "_toc", None)
                if toc is None:
                    return
                tingkat, teks = toc
                kunci = f"h{id(f)}"
                self.canv.bookmarkPage(kunci)
                self.canv.addOutlineEntry(teks, kunci, level=tingkat, closed=tingkat > 0)
                self.notify("TOCEntry", (tingkat, teks, self.page, kunci))

        dok = Dok(
            path,
            pagesize=A4,
            leftMargin=25 * mm,
            rightMargin=25 * mm,
            topMargin=22 * mm,
            bottomMargin=22 * mm,
            title=judul,
            author="SAKIP Desktop",
            creator="SAKIP Desktop",
            initialFontName=HURUF,
        )
        bingkai = Frame(dok.leftMargin, dok.bottomMargin, dok.width, dok.height, id="isi")
        dok.addPageTemplates([PageTemplate(id="biasa", frames=[bingkai])])
        return dok


def tulis_lkjip_pdf(d: DokumenLkjip, tujuan: Path) -> Path:
    """Write the report (atomically: a half-written file never replaces a good one)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, PageBreak, Paragraph, Spacer, TableStyle
    from reportlab.platypus.tableofcontents import TableOfContents

    daftarkan_fon()
    g = _Gaya()
    n = d.narasi
    isi: list[Any] = [Spacer(1, 50 * mm), Paragraph(escape(d.judul), g.sampul), Spacer(1, 12)]
    if d.logo is not None and d.logo.is_file():
        isi += [
            Image(str(d.logo), width=35 * mm, height=35 * mm, kind="proportional"),
            Spacer(1, 14),
        ]
    isi += [
        Paragraph(escape(d.opd.upper()), g.judul),
        Paragraph(escape(d.pemda.upper()), g.judul),
        Spacer(1, 60 * mm),
        Paragraph(escape(f"{d.tempat}, {d.tanggal.year}"), g.tengah),
        PageBreak(),
        _judul("KATA PENGANTAR", g.h1, 0),
        *_narasi(n.get("kata_pengantar", ""), "kata_pengantar", g),
        *_ttd(d, g),
        PageBreak(),
        Paragraph("DAFTAR ISI", g.h1),
    ]
    toc = TableOfContents()
    toc.levelStyles = g.toc
    toc.dotsMinLevel = 0
    toc.tableStyle = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), HURUF),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    isi += [toc, PageBreak(), _judul("IKHTISAR EKSEKUTIF", g.h1, 0)]
    isi += _narasi(n.get("ikhtisar", ""), "ikhtisar", g)
    ringkas = [
        (b.kode, b.indikator, b.target, b.realisasi, persen(b.capaian))
        for s in d.sasaran
        for b in s.baris
    ]
    if ringkas:
        isi += [
            Paragraph(f"Ringkasan capaian Indikator Kinerja Utama tahun {d.tahun}:", g.isi),
            _tabel(
                ["Kode", "Indikator", "Target", "Realisasi", "Capaian"],
                ringkas,
                [10, 52, 13, 13, 12],
                g,
                kanan={2, 3, 4},
            ),
        ]
    isi += [PageBreak(), _judul("BAB I PENDAHULUAN", g.h1, 0)]
    for kunci, judul in (
        ("bab1.latar_belakang", "A. Latar Belakang"),
        ("bab1.tugas_fungsi", "B. Tugas Pokok dan Fungsi"),
        ("bab1.struktur", "C. Struktur Organisasi dan Sumber Daya Manusia"),
        ("bab1.isu_strategis", "D. Isu Strategis"),
    ):
        isi += [_judul(judul, g.h2, 1), *_narasi(n.get(kunci, ""), kunci, g)]
        if kunci == "bab1.struktur" and d.struktur:
            isi.append(
                _tabel(
                    ["Unit kerja", "Jabatan", "Pejabat"],
                    [b.sel for b in d.struktur],
                    [40, 35, 25],
                    g,
                    tebal={i for i, b in enumerate(d.struktur) if b.tebal},
                )
            )
    isi += [PageBreak(), _judul("BAB II PERENCANAAN KINERJA", g.h1, 0)]
    isi += _narasi(n.get("bab2.pengantar", ""), "bab2.pengantar", g)
    isi += [
        _judul("A. Rencana Strategis", g.h2, 1),
        Paragraph(escape(f"{d.renstra_nama}: tujuan, sasaran, indikator dan target."), g.isi),
    ]
    if d.renstra:
        tahun = [str(t) for t in d.renstra_tahun]
        isi.append(
            _tabel(
                ["Tujuan / Sasaran", "Indikator", *tahun],
                [(f"{b.jenis}: {b.uraian}", b.indikator, *b.target) for b in d.renstra],
                [24, 28, *(10 for _ in tahun)],
                g,
                kanan=set(range(2, 2 + len(tahun))),
            )
        )
    isi += [
        _judul("B. Indikator Kinerja Utama", g.h2, 1),
        _tabel(
            ["Sasaran Strategis", "Indikator Kinerja Utama", "Formulasi", f"Target {d.tahun}"],
            [b.sel for b in d.iku],
            [25, 30, 33, 12],
            g,
            kanan={3},
        ),
    ]
    isi += [
        _judul(f"C. Perjanjian Kinerja Tahun {d.tahun}", g.h2, 1),
        Paragraph(escape(d.pk_keterangan), g.isi),
    ]
    if d.pk_kinerja:
        isi.append(
            _tabel(
                ["Sasaran Strategis", "Indikator Kinerja", "Target"],
                [b.sel for b in d.pk_kinerja],
                [38, 46, 16],
                g,
                kanan={2},
            )
        )
    isi += [
        PageBreak(),
        _judul("BAB III AKUNTABILITAS KINERJA", g.h1, 0),
        _judul("A. Capaian Kinerja Organisasi", g.h2, 1),
    ]
    isi += _narasi(n.get("bab3.pengantar", ""), "bab3.pengantar", g)
    for s in d.sasaran:
        isi += _bab3_sasaran(d, s, g)
    isi += [_judul("B. Realisasi Anggaran", g.h2, 1)]
    if d.anggaran:
        baris = [
            (
                a.sasaran,
                a.indikator or "—",
                format_rupiah(a.pagu),
                format_rupiah(a.realisasi),
                persen(a.serapan),
                persen(a.capaian),
                format_angka(a.efisiensi, 2) if a.efisiensi is not None else "—",
            )
            for a in d.anggaran
        ]
        baris.append(
            (
                "Jumlah",
                "",
                format_rupiah(d.total_pagu),
                format_rupiah(d.total_realisasi),
                persen(d.total_serapan),
                "",
                "",
            )
        )
        isi.append(
            _tabel(
                [
                    "Sasaran",
                    "Indikator",
                    "Pagu",
                    "Realisasi",
                    "Serapan",
                    "Capaian kinerja",
                    "Efisiensi (poin)",
                ],
                baris,
                [20, 24, 16, 15, 9, 9, 9],
                g,
                kanan={2, 3, 4, 5, 6},
                tebal={len(baris) - 1},
            )
        )
        isi.append(
            Paragraph(
                escape(
                    "Efisiensi = capaian kinerja dikurangi serapan anggaran (poin persen); "
                    "nilai positif berarti kinerja tercapai dengan anggaran yang lebih kecil."
                ),
                g.catatan,
            )
        )
    else:
        isi.append(Paragraph(escape(f"Data anggaran tahun {d.tahun} belum dicatat."), g.kosong))
    isi += _narasi(n.get("bab3.anggaran", ""), "bab3.anggaran", g)
    isi += [PageBreak(), _judul("BAB IV PENUTUP", g.h1, 0)]
    isi += _narasi(n.get("bab4.penutup", ""), "bab4.penutup", g)
    isi += _ttd(d, g)
    isi += [
        PageBreak(),
        _judul("LAMPIRAN", g.h1, 0),
        _judul(f"Lampiran 1. Perjanjian Kinerja Tahun {d.tahun}", g.h2, 1),
        Paragraph(escape(d.pk_keterangan), g.isi),
    ]
    if d.pk_kinerja:
        isi.append(
            _tabel(
                ["Sasaran Strategis", "Indikator Kinerja", "Target"],
                [b.sel for b in d.pk_kinerja],
                [38, 46, 16],
                g,
                kanan={2},
            )
        )
    if d.pk_anggaran:
        isi += [
            Spacer(1, 6),
            _tabel(["Program", "Anggaran"], [b.sel for b in d.pk_anggaran], [70, 30], g, kanan={1}),
        ]
    isi += [
        _judul(f"Lampiran 2. Pengukuran Kinerja Tahun {d.tahun}", g.h2, 1),
        _tabel(
            ["Kode", "Indikator", "Target", "Realisasi", "Capaian"],
            [b.sel for b in d.pengukuran],
            [11, 51, 13, 13, 12],
            g,
            kanan={2, 3, 4},
            tebal={i for i, b in enumerate(d.pengukuran) if b.tebal},
        ),
    ]

    tujuan = Path(tujuan)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    fd, sementara = tempfile.mkstemp(suffix=".pdf", dir=tujuan.parent)
    os.close(fd)
    try:
        dok = _Dokumen.buat(sementara, d.judul)
        dok.multiBuild(isi, canvasmaker=kanvas_bernomor(f"{d.judul} — {d.opd}"))
        os.chmod(sementara, 0o644)  # mkstemp makes it private; a report is an ordinary file
        os.replace(sementara, tujuan)
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise
    return tujuan
