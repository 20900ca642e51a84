"""The printed Perjanjian Kinerja (PermenPANRB 53/2014, Lampiran I), with reportlab.

Page 1 is the *lembar pernyataan* under the letterhead: title, the fixed opening, both
parties, the pledges, place and date over the right column, PIHAK KEDUA on the left and
PIHAK PERTAMA on the right. Then the *lampiran*: the level's performance table, the budget
table with its total, and the signatures again. The wording is a template (`TemplatPK`),
so a pemda can vary it through the ``templat_pk`` setting. Several PKs can go into one file;
each is numbered "Halaman X dari Y" on its own.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from ..angka import format_angka, format_tanggal
from ..domain import Eselon, StatusPK
from .fon import HURUF, HURUF_TEBAL, daftarkan_fon
from .halaman import kanvas_bernomor

if TYPE_CHECKING:
    from ..services.pk_susun import DokumenPK, KopSurat, Pihak

MM = 72 / 25.4
UKURAN_KERTAS = {"A4": (210 * MM, 297 * MM), "F4": (215 * MM, 330 * MM)}
"""A4, and F4/Folio as Indonesian offices use it (215 × 330 mm)."""


@dataclass(frozen=True)
class TemplatPK:
    """The PK's wording. ``{tahun}`` and ``{alasan}`` are filled in; <b>…</b> is bold."""

    judul: str = "PERJANJIAN KINERJA TAHUN {tahun}"
    judul_perubahan: str = "PERJANJIAN KINERJA PERUBAHAN TAHUN {tahun}"
    catatan_perubahan: str = "(Perubahan atas Perjanjian Kinerja Tahun {tahun}: {alasan})"
    pembuka: str = (
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan "
        "akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
    )
    pembuka_tunggal: str = (
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan "
        "akuntabel serta berorientasi pada hasil, yang bertanda tangan di bawah ini:"
    )
    sebutan_pertama: str = "selanjutnya disebut <b>PIHAK PERTAMA</b>."
    sebutan_kedua: str = (
        "selaku atasan langsung pihak pertama, selanjutnya disebut <b>PIHAK KEDUA</b>."
    )
    janji_pertama: str = (
        "<b>PIHAK PERTAMA</b> berjanji akan mewujudkan target kinerja yang seharusnya sesuai "
        "lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti "
        "yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian "
        "target kinerja tersebut menjadi tanggung jawab kami."
    )
    janji_kedua: str = (
        "<b>PIHAK KEDUA</b> akan melakukan supervisi yang diperlukan serta akan melakukan "
        "evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang "
        "diperlukan dalam rangka pemberian penghargaan dan sanksi."
    )
    janji_tunggal: str = (
        "berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian "
        "ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah "
        "ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target "
        "kinerja tersebut menjadi tanggung jawab saya."
    )
    label_pertama: str = "PIHAK PERTAMA,"
    label_kedua: str = "PIHAK KEDUA,"
    label_jumlah: str = "JUMLAH"

    @classmethod
    def dari_dict(cls, data: dict[str, Any]) -> TemplatPK:
        """A template with some texts replaced (the ``templat_pk`` setting); unknown keys
        are refused so a typo does not silently print the default."""
        kunci = {f.name for f in fields(cls)}
        asing = sorted(set(data) - kunci)
        if asing:
            raise ValueError(
                f"Kunci templat PK tidak dikenal: {', '.join(asing)}. "
                f"Yang dikenal: {', '.join(sorted(kunci))}."
            )
        return cls(**{k: str(v) for k, v in data.items()})


TEMPLAT_BAWAAN = TemplatPK()

KOLOM_KINERJA = {
    Eselon.KEPALA_DAERAH: "Sasaran",
    Eselon.II: "Sasaran Strategis",
    Eselon.III: "Sasaran Program",
    Eselon.IV: "Sasaran Kegiatan",
    Eselon.STAF: "Rencana Hasil Kerja",
}
KOLOM_ANGGARAN = {
    Eselon.KEPALA_DAERAH: ("Program", "Program"),
    Eselon.II: ("Program", "Program"),
    Eselon.III: ("Program", "Kegiatan"),
    Eselon.IV: ("Kegiatan", "Sub Kegiatan"),
}
"""Budget table columns by level: (group heading, line)."""


class Dibatalkan(Exception):
    """Printing stopped by the user; no file is left behind."""


def nip_cetak(nip: str) -> str:
    """NIP grouped as printed: 19680512 199403 1 007."""
    if len(nip) == 18 and nip.isdigit():
        return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    return nip


def teks_target(t: Any, satuan: str | None, dengan_satuan: bool = True) -> str:
    """A target as the PK prints it: "1,28%", "95,92%–96,89%", "192 orang", "WTP", "—"."""
    if t is None or t.kosong:
        return "—"
    if t.is_predikat:
        return str(t.teks)
    persen = (satuan or "").strip() == "%"
    teks = format_angka(t.nilai) + ("%" if persen else "")
    if t.nilai_maks is not None:
        teks += "–" + format_angka(t.nilai_maks) + ("%" if persen else "")
    if dengan_satuan and satuan and not persen:
        teks += f" {satuan.strip()}"
    return teks


def _rp(x: Decimal | None) -> str:
    return "—" if x is None else format_angka(x)


# --- styles ------------------------------------------------------------------------------------


class Gaya:
    """Paragraph styles, built once the fonts are registered."""

    def __init__(self) -> None:
        from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle

        daftarkan_fon()
        dasar = ParagraphStyle("dasar", fontName=HURUF, fontSize=11, leading=15.5)
        self.isi = ParagraphStyle("isi", parent=dasar, alignment=TA_JUSTIFY, spaceAfter=7)
        self.kiri = ParagraphStyle("kiri", parent=dasar, alignment=TA_LEFT)
        self.tengah = ParagraphStyle("tengah", parent=dasar, alignment=TA_CENTER)
        self.judul = ParagraphStyle(
            "judul",
            parent=dasar,
            fontName=HURUF_TEBAL,
            fontSize=12,
            leading=16,
            alignment=TA_CENTER,
        )
        self.catatan = ParagraphStyle(
            "catatan", parent=dasar, fontSize=9, leading=12, alignment=TA_CENTER
        )
        self.kop_pemda = ParagraphStyle(
            "kop1",
            parent=dasar,
            fontName=HURUF_TEBAL,
            fontSize=13.5,
            leading=17,
            alignment=TA_CENTER,
        )
        self.kop_opd = ParagraphStyle(
            "kop2",
            parent=dasar,
            fontName=HURUF_TEBAL,
            fontSize=17,
            leading=21,
            alignment=TA_CENTER,
        )
        self.kop_alamat = ParagraphStyle(
            "kop3", parent=dasar, fontSize=9, leading=11.5, alignment=TA_CENTER
        )
        self.sel = ParagraphStyle("sel", parent=dasar, fontSize=9.5, leading=12)
        self.sel_tengah = ParagraphStyle("selc", parent=self.sel, alignment=TA_CENTER)
        self.sel_kanan = ParagraphStyle("selr", parent=self.sel, alignment=TA_RIGHT)
        self.sel_kepala = ParagraphStyle(
            "selh", parent=self.sel, fontName=HURUF_TEBAL, alignment=TA_CENTER
        )
        self.ttd = ParagraphStyle("ttd", parent=dasar, alignment=TA_CENTER, leading=14)


# --- page 1: the lembar pernyataan ------------------------------------------------------------


def kop_flowables(kop: KopSurat, lebar: float, g: Gaya) -> list[Any]:
    from reportlab.platypus import HRFlowable, Image, Paragraph, Spacer, Table, TableStyle

    teks: list[Any] = [Paragraph(escape(f"PEMERINTAH {kop.pemda}".upper()), g.kop_pemda)]
    if kop.opd:
        teks.append(Paragraph(escape(kop.opd.upper()), g.kop_opd))
    baris1 = ", ".join(
        x for x in (kop.alamat, f"Telp. {kop.telepon}" if kop.telepon else None) if x
    )
    baris2 = " · ".join(
        x
        for x in (
            f"Laman: {kop.laman}" if kop.laman else None,
            f"Surel: {kop.surel}" if kop.surel else None,
        )
        if x
    )
    for b in (baris1, baris2):
        if b:
            teks.append(Paragraph(escape(b), g.kop_alamat))
    sisi = 26 * MM
    logo: Any = ""
    if kop.logo is not None:
        logo = Image(str(kop.logo), width=22 * MM, height=24 * MM, kind="proportional")
    tabel = Table([[logo, teks, ""]], colWidths=[sisi, lebar - 2 * sisi, sisi])
    tabel.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (0, 0), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return [
        tabel,
        HRFlowable(width="100%", thickness=2.6, color="black", spaceBefore=2, spaceAfter=1.2),
        HRFlowable(width="100%", thickness=0.7, color="black", spaceAfter=12),
        Spacer(1, 2),
    ]


def _judul(d: DokumenPK, t: TemplatPK, g: Gaya) -> list[Any]:
    from reportlab.platypus import Paragraph

    pola = t.judul_perubahan if d.perubahan else t.judul
    hasil = [Paragraph(escape(pola.format(tahun=d.tahun)), g.judul)]
    if d.perubahan and d.alasan_perubahan and t.catatan_perubahan:
        teks = t.catatan_perubahan.format(tahun=d.tahun, alasan=d.alasan_perubahan)
        hasil.append(Paragraph(escape(teks), g.catatan))
    return hasil


def _identitas(p: Pihak | None, sebutan: str, lebar: float, g: Gaya) -> list[Any]:
    from reportlab.platypus import Paragraph, Table, TableStyle

    nama = escape(p.nama) if p else "…………………………"
    jabatan = escape(p.jabatan_cetak) if p else "…………………………"
    data = [
        ["Nama", ":", Paragraph(nama, g.kiri)],
        ["Jabatan", ":", Paragraph(jabatan, g.kiri)],
    ]
    tabel = Table(data, colWidths=[24 * MM, 5 * MM, lebar - 39 * MM], hAlign="RIGHT")
    tabel.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (1, -1), HURUF, 11),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return [tabel, Paragraph(sebutan, g.isi)]


def kolom_pejabat(p: Pihak | None, label: str, g: Gaya) -> list[Any]:
    """One signature column, one cell per line so both columns line up: label, jabatan,
    room to sign and stamp, name, pangkat/golongan, NIP (none of these two for a Bupati)."""
    from reportlab.platypus import Paragraph

    judul = Paragraph(escape(label), g.ttd) if label else ""
    if p is None:
        return [judul, "", "", "", "", ""]
    jabatan = p.status.awalan + p.jabatan.upper() + ","
    pangkat = nip = ""
    if not p.kepala_daerah:
        pangkat = p.pangkat or ""
        nip = "NIP. " + (nip_cetak(p.nip) if p.nip else "")
    return [
        judul,
        Paragraph(escape(jabatan), g.ttd),
        "",
        Paragraph(f"<b><u>{escape(p.nama)}</u></b>", g.ttd),
        Paragraph(escape(pangkat), g.ttd) if pangkat else "",
        Paragraph(escape(nip), g.ttd) if nip else "",
    ]


def tabel_tanda_tangan(
    tempat_tanggal: str,
    kiri: list[Any],
    kanan: list[Any],
    lebar: float,
    g: Gaya,
    ruang: float = 24 * MM,
) -> Any:
    """Two signature columns (from `kolom_pejabat`) with the place and date over the right
    one, ``ruang`` high to sign and stamp, kept on one page."""
    from reportlab.platypus import KeepTogether, Paragraph, Table, TableStyle

    data: list[list[Any]] = [["", Paragraph(escape(tempat_tanggal), g.ttd)]]
    tinggi: list[float | None] = [None]
    for i, (a, b) in enumerate(zip(kiri, kanan, strict=True)):
        if i == 2:  # the room to sign and stamp
            data.append(["", ""])
            tinggi.append(ruang)
        elif a != "" or b != "":  # a line nobody has (a Bupati's NIP) takes no room
            data.append([a, b])
            tinggi.append(None)
    tabel = Table(data, colWidths=[lebar / 2, lebar / 2], rowHeights=tinggi)
    tabel.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return KeepTogether([tabel])


def tempat_tanggal(tempat: str | None, tanggal: date | None) -> str:
    """ "Lamongan, 2 Januari 2020"."""
    return ", ".join(x for x in (tempat, format_tanggal(tanggal) if tanggal else None) if x)


def _tanda_tangan(d: DokumenPK, t: TemplatPK, lebar: float, g: Gaya) -> Any:
    """PIHAK KEDUA left, PIHAK PERTAMA right (or the Bupati alone on the right)."""
    kanan = kolom_pejabat(d.pertama, "" if d.satu_penandatangan else t.label_pertama, g)
    kiri = [""] * 6 if d.satu_penandatangan else kolom_pejabat(d.kedua, t.label_kedua, g)
    return tabel_tanda_tangan(tempat_tanggal(d.tempat, d.tanggal), kiri, kanan, lebar, g)


def _lembar_pernyataan(d: DokumenPK, t: TemplatPK, lebar: float, g: Gaya) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    isi: list[Any] = [*kop_flowables(d.kop, lebar, g), *_judul(d, t, g), Spacer(1, 12)]
    if d.satu_penandatangan:
        isi.append(Paragraph(t.pembuka_tunggal, g.isi))
        isi.extend(_identitas(d.pertama, t.janji_tunggal, lebar, g))
    else:
        isi.append(Paragraph(t.pembuka, g.isi))
        isi.extend(_identitas(d.pertama, t.sebutan_pertama, lebar, g))
        isi.extend(_identitas(d.kedua, t.sebutan_kedua, lebar, g))
        isi.append(Paragraph(t.janji_pertama, g.isi))
        isi.append(Paragraph(t.janji_kedua, g.isi))
    isi.append(Spacer(1, 10))
    isi.append(_tanda_tangan(d, t, lebar, g))
    return isi


# --- the lampiran -------------------------------------------------------------------------------


def gaya_tabel(jumlah_kepala: int) -> list[tuple[Any, ...]]:
    return [
        ("GRID", (0, 0), (-1, -1), 0.6, "black"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, jumlah_kepala - 1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), "#E6E6E6"),
        ("FONT", (0, 1), (-1, 1), HURUF, 7.5),
        ("ALIGN", (0, 1), (-1, 1), "CENTER"),
        ("TOPPADDING", (0, 1), (-1, 1), 0),
        ("BOTTOMPADDING", (0, 1), (-1, 1), 1),
        ("TOPPADDING", (0, 0), (-1, 0), 4),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
    ]


def lebar_kolom(lebar: float, proporsi: Sequence[float]) -> list[float]:
    total = sum(proporsi)
    return [lebar * p / total for p in proporsi]


def _tabel_kinerja(d: DokumenPK, lebar: float, kolom_satuan: bool, g: Gaya) -> Any:
    """No · Sasaran · Indikator Kinerja · Target (· Satuan); rows of one sasaran share its
    number and its cell."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    indikator = "Indikator Kinerja Individu" if d.eselon is Eselon.STAF else "Indikator Kinerja"
    kepala = ["No", KOLOM_KINERJA[d.eselon], indikator, "Target"]
    proporsi = [9, 52, 79, 25]
    if kolom_satuan:
        kepala.append("Satuan")
        proporsi = [9, 45, 64, 22, 25]
    data: list[list[Any]] = [
        [Paragraph(k, g.sel_kepala) for k in kepala],
        [f"({i + 1})" for i in range(len(kepala))],
    ]
    gaya = gaya_tabel(2)
    nomor = 0
    awal = 2
    sebelum: str | None = None
    for b in d.kinerja:
        baru = b.uraian != sebelum
        if baru:
            if sebelum is not None and len(data) - 1 > awal:
                gaya += [
                    ("SPAN", (0, awal), (0, len(data) - 1)),
                    ("SPAN", (1, awal), (1, len(data) - 1)),
                ]
            nomor += 1
            awal = len(data)
            sebelum = b.uraian
        baris = [
            Paragraph(f"{nomor}." if baru else "", g.sel_tengah),
            Paragraph(escape(b.uraian) if baru else "", g.sel),
            Paragraph(escape(b.indikator_teks or "—"), g.sel),
            Paragraph(escape(teks_target(b.target, b.satuan, not kolom_satuan)), g.sel_tengah),
        ]
        if kolom_satuan:
            baris.append(Paragraph(escape(b.satuan or ""), g.sel_tengah))
        data.append(baris)
    if sebelum is not None and len(data) - 1 > awal:
        gaya += [("SPAN", (0, awal), (0, len(data) - 1)), ("SPAN", (1, awal), (1, len(data) - 1))]
    if not d.kinerja:
        kosong = Paragraph("(tidak ada sasaran dan indikator)", g.sel)
        data.append(["", kosong] + [""] * (len(kepala) - 2))
    tabel = Table(data, colWidths=lebar_kolom(lebar, proporsi), repeatRows=2)
    tabel.setStyle(TableStyle(gaya))
    return tabel


def _tabel_anggaran(d: DokumenPK, lebar: float, t: TemplatPK, g: Gaya) -> Any:
    """No · Program · Anggaran · Keterangan with the total; for Eselon III/IV the lines are
    grouped under their program/kegiatan in a column of its own."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    kelompok, butir = KOLOM_ANGGARAN.get(d.eselon, ("Program", "Program"))
    bergrup = any(b.induk_teks for b in d.anggaran)
    if bergrup:
        kepala = ["No", kelompok, butir, "Anggaran (Rp)", "Keterangan"]
        proporsi = [9, 44, 54, 30, 28]
    else:
        kepala = ["No", kelompok, "Anggaran (Rp)", "Keterangan"]
        proporsi = [9, 88, 38, 30]
    n = len(kepala)
    data: list[list[Any]] = [
        [Paragraph(k, g.sel_kepala) for k in kepala],
        [f"({i + 1})" for i in range(n)],
    ]
    gaya = gaya_tabel(2)
    nomor = 0
    awal = 2
    sebelum: object = object()
    for b in d.anggaran:
        ket = Paragraph(escape(b.keterangan or ""), g.sel)
        jumlah = Paragraph(_rp(b.anggaran), g.sel_kanan)
        if not bergrup:
            nomor += 1
            data.append(
                [
                    Paragraph(f"{nomor}.", g.sel_tengah),
                    Paragraph(escape(b.uraian), g.sel),
                    jumlah,
                    ket,
                ]
            )
            continue
        induk = b.induk_teks or b.uraian
        baru = induk != sebelum
        if baru:
            if len(data) - 1 > awal and nomor:
                gaya += [
                    ("SPAN", (0, awal), (0, len(data) - 1)),
                    ("SPAN", (1, awal), (1, len(data) - 1)),
                ]
            nomor += 1
            awal = len(data)
            sebelum = induk
        data.append(
            [
                Paragraph(f"{nomor}." if baru else "", g.sel_tengah),
                Paragraph(escape(induk) if baru else "", g.sel),
                Paragraph(escape(b.uraian) if b.induk_teks else "—", g.sel),
                jumlah,
                ket,
            ]
        )
    if bergrup and len(data) - 1 > awal and nomor:
        gaya += [("SPAN", (0, awal), (0, len(data) - 1)), ("SPAN", (1, awal), (1, len(data) - 1))]
    total = len(data)
    data.append(
        [Paragraph(f"<b>{escape(t.label_jumlah)}</b>", g.sel_tengah)]
        + [""] * (n - 3)
        + [Paragraph(f"<b>{_rp(d.total_anggaran)}</b>", g.sel_kanan), ""]
    )
    gaya += [
        ("SPAN", (0, total), (n - 3, total)),
        ("BACKGROUND", (0, total), (-1, total), "#F2F2F2"),
    ]
    tabel = Table(data, colWidths=lebar_kolom(lebar, proporsi), repeatRows=2)
    tabel.setStyle(TableStyle(gaya))
    return tabel


def _lampiran(d: DokumenPK, t: TemplatPK, lebar: float, kolom_satuan: bool, g: Gaya) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    judul = _judul(d, t, g)
    isi: list[Any] = judul[:1]
    if d.eselon is not Eselon.II and d.eselon is not Eselon.KEPALA_DAERAH:
        isi.append(Paragraph(escape(d.jabatan.upper()), g.judul))
    if d.kop.opd:
        isi.append(Paragraph(escape(f"{d.kop.opd} {d.kop.pemda}".upper()), g.judul))
    else:
        isi.append(Paragraph(escape(f"PEMERINTAH {d.kop.pemda}".upper()), g.judul))
    isi += judul[1:]  # the note of a PK perubahan, under the unit's name
    isi += [Spacer(1, 10), _tabel_kinerja(d, lebar, kolom_satuan, g)]
    if d.eselon is not Eselon.STAF:
        isi += [Spacer(1, 12), _tabel_anggaran(d, lebar, t, g)]
    isi += [Spacer(1, 14), _tanda_tangan(d, t, lebar, g)]
    return isi


# --- the document -------------------------------------------------------------------------------


def _kanvas(catatan_kiri: list[str]) -> type:
    """`kanvas_bernomor` numbering each PK of a combined file on its own ("Halaman 2 dari 3"),
    with that PK's own footnote (e.g. a superseded version says so)."""
    Dasar = kanvas_bernomor()

    class KanvasPK(Dasar):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self._segmen: list[int] = []
            self._segmen_kini = 0
            super().__init__(*args, **kwargs)

        def showPage(self) -> None:
            self._segmen.append(self._segmen_kini)
            super().showPage()

        def _kaki(self, total: int) -> None:
            nomor = self._pageNumber
            seg = self._segmen[nomor - 1]
            halaman = [i + 1 for i, s in enumerate(self._segmen) if s == seg]
            lebar, _ = self._pagesize
            self.saveState()
            self.setFont(HURUF, 7.5)
            self.setFillGray(0.35)
            self.drawString(28, 18, catatan_kiri[seg])
            self.drawRightString(
                lebar - 28, 18, f"Halaman {halaman.index(nomor) + 1} dari {len(halaman)}"
            )
            self.restoreState()

    return KanvasPK


def _penanda(indeks: int, saat_mulai: Callable[[int], None] | None) -> Any:
    """A zero-size flowable at the start of each PK: switches the page numbering and reports
    progress (and lets a cancel stop the build)."""
    from reportlab.platypus import Flowable

    class Penanda(Flowable):  # type: ignore[misc]
        def wrap(self, *_a: Any) -> tuple[float, float]:
            return 0, 0

        def draw(self) -> None:
            self.canv._segmen_kini = indeks
            if saat_mulai is not None:
                saat_mulai(indeks)

    return Penanda()


def tulis_pk_pdf(
    dokumen: Sequence[DokumenPK],
    out: Path,
    *,
    kertas: str = "A4",
    kolom_satuan: bool = True,
    templat: TemplatPK | None = None,
    saat_mulai: Callable[[int], None] | None = None,
) -> Path:
    """Write one or several PKs into one PDF, atomically (a failure or a cancel leaves no
    file). ``saat_mulai(i)`` is called as PK ``i`` starts; it may raise `Dibatalkan`."""
    from reportlab.platypus import PageBreak, SimpleDocTemplate

    if kertas.upper() not in UKURAN_KERTAS:
        raise ValueError(f"Kertas {kertas!r} tidak dikenal; pilih A4 atau F4.")
    if not dokumen:
        raise ValueError("Tidak ada PK untuk dicetak.")
    t = templat or TEMPLAT_BAWAAN
    g = Gaya()
    ukuran = UKURAN_KERTAS[kertas.upper()]
    kiri, kanan = 25 * MM, 20 * MM
    lebar = ukuran[0] - kiri - kanan
    cerita: list[Any] = []
    catatan: list[str] = []
    for i, d in enumerate(dokumen):
        if i:
            cerita.append(PageBreak())
        cerita.append(_penanda(i, saat_mulai))
        cerita += _lembar_pernyataan(d, t, lebar, g)
        cerita.append(PageBreak())
        cerita += _lampiran(d, t, lebar, kolom_satuan, g)
        teks = f"Dicetak {format_tanggal(date.today())} — SAKIP Desktop"
        if d.status is StatusPK.DIGANTI:
            teks += " · Versi ini sudah diganti oleh PK perubahan"
        catatan.append(teks)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, sementara = tempfile.mkstemp(prefix=".pk-", suffix=".pdf", dir=out.parent)
    os.close(fd)
    try:
        doc = SimpleDocTemplate(
            sementara,
            pagesize=ukuran,
            leftMargin=kiri,
            rightMargin=kanan,
            topMargin=12 * MM,
            bottomMargin=18 * MM,
            title=dokumen[0].label
            if len(dokumen) == 1
            else f"Perjanjian Kinerja {dokumen[0].tahun}",
            author="SAKIP Desktop",
            subject="Perjanjian Kinerja",
        )
        doc.build(cerita, canvasmaker=_kanvas(catatan))
        os.replace(sementara, out)
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise
    return out


__all__ = [
    "TEMPLAT_BAWAAN",
    "UKURAN_KERTAS",
    "Dibatalkan",
    "TemplatPK",
    "nip_cetak",
    "teks_target",
    "tulis_pk_pdf",
]
