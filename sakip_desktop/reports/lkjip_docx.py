"""The LKjIP as an editable DOCX (python-docx) that an office can retouch in Word or Writer.

Same content and order as the PDF (reports/lkjip_pdf.py). Headings use Word's built-in
"Heading 1/2/3" styles and a TOC field is inserted, so the word processor builds the table
of contents (update fields on open); the footer carries a PAGE field. Charts are drawn as
PNG images with Pillow (a word processor cannot take reportlab's vector drawing).
"""

from __future__ import annotations

import io
import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..angka import format_angka, format_rupiah, format_tanggal
from ..errors import KesalahanPengguna
from ..services.lkjip import DokumenLkjip, SasaranLkjip
from ..services.lkjip_narasi import BAGIAN_SASARAN
from ..sumber_daya import folder_sumber_daya
from .lkjip_pdf import PETUNJUK, WARNA_SERI, persen


def _docx() -> Any:
    try:
        import docx
    except ImportError:  # pragma: no cover - depends on the installation
        raise KesalahanPengguna(
            "Ekspor DOCX memerlukan paket python-docx (pip install python-docx); "
            "gunakan PDF sementara itu."
        ) from None
    return docx


def grafik_png(s: SasaranLkjip, tahun: int) -> bytes:
    """The sasaran's capaian chart as a PNG (200 dpi at 15 × 6 cm)."""
    from PIL import Image, ImageDraw, ImageFont

    lebar, tinggi = 1180, 470
    img = Image.new("RGB", (lebar, tinggi), "white")
    g = ImageDraw.Draw(img)
    fon = ImageFont.truetype(str(folder_sumber_daya() / "fonts" / "LiberationSans-Regular.ttf"), 20)
    kecil = ImageFont.truetype(
        str(folder_sumber_daya() / "fonts" / "LiberationSans-Regular.ttf"), 16
    )
    kiri, bawah, atas = 90, tinggi - 70, 30
    kanan = min(lebar - 260, kiri + 60 + 240 * len(s.baris))
    nilai = [[r.capaian for r in b.riwayat] + [b.capaian] for b in s.baris]
    tertinggi = max([Decimal(100), *(v for n in nilai for v in n if v is not None)]) * Decimal(
        "1.15"
    )

    def y(v: Decimal) -> float:
        return bawah - float(v / tertinggi) * (bawah - atas)

    for langkah in range(0, int(tertinggi) + 1, 50 if tertinggi > 150 else 25):
        yy = y(Decimal(langkah))
        g.line([(kiri - 6, yy), (kiri, yy)], fill="black")
        g.text((kiri - 12, yy), f"{langkah}%", fill="black", font=kecil, anchor="rm")
    g.line([(kiri, atas), (kiri, bawah), (kanan, bawah)], fill="black", width=2)
    lebar_grup = (kanan - kiri) / max(1, len(s.baris))
    batang = lebar_grup * 0.8 / 3
    for i, (b, n) in enumerate(zip(s.baris, nilai, strict=True)):
        x0 = kiri + i * lebar_grup + lebar_grup * 0.1
        for j, v in enumerate(n):
            if v is None:
                continue
            xa = x0 + j * batang
            g.rectangle([xa, y(v), xa + batang - 2, bawah], fill=WARNA_SERI[j])
            g.text(
                (xa + batang / 2, y(v) - 4),
                format_angka(v, 2),
                fill="black",
                font=kecil,
                anchor="md",
            )
        g.text((x0 + lebar_grup * 0.4, bawah + 10), b.kode, fill="black", font=fon, anchor="ma")
    y100 = y(Decimal(100))
    for xx in range(kiri, int(kanan), 14):
        g.line([(xx, y100), (xx + 7, y100)], fill="#c0392b", width=2)
    for j, th in enumerate((tahun - 2, tahun - 1, tahun)):
        yy = atas + 10 + j * 32
        g.rectangle([kanan + 40, yy, kanan + 62, yy + 22], fill=WARNA_SERI[j])
        g.text((kanan + 72, yy + 11), f"Capaian {th}", fill="black", font=fon, anchor="lm")
    g.text(
        (kiri, tinggi - 28),
        f"Grafik capaian indikator Sasaran {s.nomor} tahun {tahun - 2}–{tahun}",
        fill="black",
        font=kecil,
    )
    keluar = io.BytesIO()
    img.save(keluar, format="PNG", dpi=(200, 200))
    return keluar.getvalue()


def _field(paragraf: Any, instruksi: str) -> None:
    """Insert a Word field (TOC, PAGE) the word processor computes."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraf.add_run()
    for jenis, teks in (("begin", None), (None, instruksi), ("separate", None), ("end", None)):
        if jenis is None:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = teks
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), jenis)
        run._r.append(el)


class _Penulis:
    def __init__(self, d: DokumenLkjip) -> None:
        docx = _docx()
        from docx.shared import Cm, Pt

        self.d = d
        self.doc = docx.Document()
        self.Cm, self.Pt = Cm, Pt
        bagian = self.doc.sections[0]
        bagian.page_width, bagian.page_height = Cm(21), Cm(29.7)
        bagian.left_margin = bagian.right_margin = Cm(2.5)
        bagian.top_margin = bagian.bottom_margin = Cm(2.2)
        gaya = self.doc.styles["Normal"]
        gaya.font.name = "Arial"
        gaya.font.size = Pt(11)
        kaki = bagian.footer.paragraphs[0]
        kaki.text = f"{d.judul} — {d.opd} · Halaman "
        _field(kaki, "PAGE")

    def judul(self, teks: str, tingkat: int) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        h = self.doc.add_heading(teks, level=tingkat)
        if tingkat == 1:
            h.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def narasi(self, teks: str, kunci: str, petunjuk: str | None = None) -> None:
        bagian = [b.strip() for b in (teks or "").replace("\r", "").split("\n\n") if b.strip()]
        if not bagian:
            p = self.doc.add_paragraph()
            r = p.add_run(f"[Narasi belum diisi: {petunjuk or PETUNJUK.get(kunci, '')}]")
            r.italic = True
            return
        for b in bagian:
            self.doc.add_paragraph(b)

    def tabel(
        self, kepala: list[str], baris: list[tuple[str, ...]], kanan: set[int] = frozenset()
    ) -> None:  # type: ignore[assignment]
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        t = self.doc.add_table(rows=1, cols=len(kepala))
        t.style = "Table Grid"
        for sel, teks in zip(t.rows[0].cells, kepala, strict=True):
            sel.text = ""
            r = sel.paragraphs[0].add_run(teks)
            r.bold = True
        for b in baris:
            sel = t.add_row().cells
            for j, teks in enumerate(b):
                sel[j].text = teks
                if j in kanan:
                    sel[j].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for row in t.rows:
            for c in row.cells:
                for p in c.paragraphs:
                    for r in p.runs:
                        r.font.size = self.Pt(9)
        self.doc.add_paragraph()

    def halaman_baru(self) -> None:
        self.doc.add_page_break()


def tulis_lkjip_docx(d: DokumenLkjip, tujuan: Path) -> Path:
    """Write the report as DOCX (atomically)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    w = _Penulis(d)
    doc, n = w.doc, d.narasi
    for teks, ukuran in ((d.judul, 20), (d.opd.upper(), 14), (d.pemda.upper(), 14)):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(teks)
        r.bold = True
        r.font.size = w.Pt(ukuran)
    if d.logo is not None and d.logo.is_file():
        doc.add_picture(str(d.logo), width=w.Cm(3.5))
        doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    w.halaman_baru()
    w.judul("KATA PENGANTAR", 1)
    w.narasi(n.get("kata_pengantar", ""), "kata_pengantar")
    p = d.kepala
    for teks in (
        f"{d.tempat}, {format_tanggal(d.tanggal)}",
        (p.jabatan_cetak if p else d.jabatan_kepala).upper(),
        "",
        "",
        p.nama if p else "(nama)",
        (p.pangkat or "") if p else "",
        f"NIP. {p.nip}" if p and p.nip else "",
    ):
        doc.add_paragraph(teks).paragraph_format.left_indent = w.Cm(9)
    w.halaman_baru()
    doc.add_paragraph().add_run("DAFTAR ISI").bold = True
    _field(doc.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u')
    w.halaman_baru()
    w.judul("IKHTISAR EKSEKUTIF", 1)
    w.narasi(n.get("ikhtisar", ""), "ikhtisar")
    w.tabel(
        ["Kode", "Indikator", "Target", "Realisasi", "Capaian"],
        [
            (b.kode, b.indikator, b.target, b.realisasi, persen(b.capaian))
            for s in d.sasaran
            for b in s.baris
        ],
        {2, 3, 4},
    )
    w.halaman_baru()
    w.judul("BAB I PENDAHULUAN", 1)
    for kunci, judul in (
        ("bab1.latar_belakang", "A. Latar Belakang"),
        ("bab1.tugas_fungsi", "B. Tugas Pokok dan Fungsi"),
        ("bab1.struktur", "C. Struktur Organisasi dan Sumber Daya Manusia"),
        ("bab1.isu_strategis", "D. Isu Strategis"),
    ):
        w.judul(judul, 2)
        w.narasi(n.get(kunci, ""), kunci)
        if kunci == "bab1.struktur" and d.struktur:
            w.tabel(["Unit kerja", "Jabatan", "Pejabat"], [b.sel for b in d.struktur])
    w.halaman_baru()
    w.judul("BAB II PERENCANAAN KINERJA", 1)
    w.narasi(n.get("bab2.pengantar", ""), "bab2.pengantar")
    w.judul("A. Rencana Strategis", 2)
    tahun = [str(t) for t in d.renstra_tahun]
    w.tabel(
        ["Tujuan / Sasaran", "Indikator", *tahun],
        [(f"{b.jenis}: {b.uraian}", b.indikator, *b.target) for b in d.renstra],
        set(range(2, 2 + len(tahun))),
    )
    w.judul("B. Indikator Kinerja Utama", 2)
    w.tabel(
        ["Sasaran Strategis", "Indikator Kinerja Utama", "Formulasi", f"Target {d.tahun}"],
        [b.sel for b in d.iku],
        {3},
    )
    w.judul(f"C. Perjanjian Kinerja Tahun {d.tahun}", 2)
    doc.add_paragraph(d.pk_keterangan)
    w.tabel(
        ["Sasaran Strategis", "Indikator Kinerja", "Target"], [b.sel for b in d.pk_kinerja], {2}
    )
    w.halaman_baru()
    w.judul("BAB III AKUNTABILITAS KINERJA", 1)
    w.judul("A. Capaian Kinerja Organisasi", 2)
    w.narasi(n.get("bab3.pengantar", ""), "bab3.pengantar")
    for s in d.sasaran:
        w.judul(f"Sasaran {s.nomor}: {s.uraian}", 3)
        if not s.baris:
            continue
        w.tabel(
            ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian", "Kategori"],
            [
                (str(i), b.indikator, b.target, b.realisasi, persen(b.capaian), b.band or "—")
                for i, b in enumerate(s.baris, start=1)
            ],
            {2, 3, 4},
        )
        th = [r.tahun for r in s.baris[0].riwayat]
        w.tabel(
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
            {1, 2, 3, 4, 5},
        )
        doc.add_picture(io.BytesIO(grafik_png(s, d.tahun)), width=w.Cm(15))
        for sub, judul, petunjuk in BAGIAN_SASARAN:
            doc.add_paragraph().add_run(judul).bold = True
            w.narasi(s.narasi.get(sub, ""), sub, petunjuk)
    w.judul("B. Realisasi Anggaran", 2)
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
        w.tabel(
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
            {2, 3, 4, 5, 6},
        )
    else:
        doc.add_paragraph(f"Data anggaran tahun {d.tahun} belum dicatat.")
    w.narasi(n.get("bab3.anggaran", ""), "bab3.anggaran")
    w.halaman_baru()
    w.judul("BAB IV PENUTUP", 1)
    w.narasi(n.get("bab4.penutup", ""), "bab4.penutup")
    w.halaman_baru()
    w.judul("LAMPIRAN", 1)
    w.judul(f"Lampiran 1. Perjanjian Kinerja Tahun {d.tahun}", 2)
    doc.add_paragraph(d.pk_keterangan)
    w.tabel(
        ["Sasaran Strategis", "Indikator Kinerja", "Target"], [b.sel for b in d.pk_kinerja], {2}
    )
    if d.pk_anggaran:
        w.tabel(["Program", "Anggaran"], [b.sel for b in d.pk_anggaran], {1})
    w.judul(f"Lampiran 2. Pengukuran Kinerja Tahun {d.tahun}", 2)
    w.tabel(
        ["Kode", "Indikator", "Target", "Realisasi", "Capaian"],
        [b.sel for b in d.pengukuran],
        {2, 3, 4},
    )
    doc.core_properties.title = d.judul
    doc.core_properties.author = "SAKIP Desktop"

    tujuan = Path(tujuan)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    fd, sementara = tempfile.mkstemp(suffix=".docx", dir=tujuan.parent)
    os.close(fd)
    try:
        doc.save(sementara)
        os.chmod(sementara, 0o644)  # mkstemp makes it private; a report is an ordinary file
        os.replace(sementara, tujuan)
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise
    return tujuan
