"""The pohon kinerja as a picture: a box per node, laid out top-down, in points.

Two steps. `kumpulkan_diagram` reads the tree of a year from the database (statement,
indicators with the year's target, owner, the latest capaian and its band) into plain
`SimpulDiagram` nodes. `susun_tata_letak` is pure: it places the boxes and draws the
edges, and returns a `TataLetakPohon` that the PDF renderer (reports/pohon_pdf.py) and
the Qt view (gui/diagram_pohon.py) draw as is — so screen, print and file agree.

Layout. Rows follow the tree's levels, top-down. Subtrees are packed side by side as
tightly as their row contours allow (Reingold–Tilford style: a parent is centred over its
first and last child, a subtree moves left until some row would come closer than the
gap). A wide tree does not fit a page that way (the Disnaker demo has 26 staff tasks under
23 kegiatan), so from a chosen row down the descendants of a node are stacked as an
indented list below it, split into columns of at most a chosen height — the usual compact
organisation-chart form. The row and the column height are chosen by trying the
candidates and keeping the layout that fits the target page (A3 landscape by default)
at the largest scale; a tree that fits without stacking is never stacked. Boxes of a
single-child chain (visi, misi…) widen up to their subtree's width so their long
statements take fewer lines. No two boxes overlap (tests check it for 500 nodes).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..angka import format_angka, format_persen, format_rentang
from ..domain import JenisNode
from ..errors import TidakDitemukan
from ..kalkulasi import BandCapaian, NilaiTarget, band_untuk
from ..model import Opd, TautanCascading
from ..reports.fon import HURUF, HURUF_MIRING, HURUF_TEBAL
from ..storage import Database
from .capaian import BarisCapaian, tabel_capaian
from .konteks import pilih_opd, renstra_untuk
from .pengaturan import band_capaian
from .pohon import SimpulPohon, muat_pohon, telusuri

# --- page geometry (shared with reports/pohon_pdf.py) ------------------------------------
KERTAS = {"A3": (1190.55, 841.89), "A4": (841.89, 595.28)}
"""Landscape page sizes in points (width, height)."""
TEPI = 24.0
KEPALA = 40.0
"""Room for the title and legend above the drawing."""
KAKI = 28.0
"""Room for "Halaman X dari Y" below it."""
SKALA_TERBACA = 0.65
"""Smallest scale at which the drawing stays readable on paper: indicator text 7 pt →
4,5 pt, statements 8 pt → 5,2 pt. Below it the PDF is split over pages."""


def area_gambar(kertas: str = "A3") -> tuple[float, float]:
    """Width and height available for the drawing on a landscape page."""
    lebar, tinggi = KERTAS[kertas]
    return lebar - 2 * TEPI, tinggi - TEPI - KEPALA - KAKI


# --- box typography ----------------------------------------------------------------------
LEBAR_KOTAK = 150.0
PILIHAN_LEBAR = (130.0, 150.0, 170.0)
"""Box widths tried for a stacked layout (a plain tree keeps `LEBAR_KOTAK`)."""
PAD = 4.5
TINGGI_PITA = 11.0
CELAH_H = 12.0
CELAH_V = 22.0
CELAH_RANTAI = 14.0
CELAH_PITA = 24.0
CELAH_ITEM = 5.0
CELAH_KELOMPOK = 9.0
CELAH_KOLOM = 12.0
INDENT = 12.0
BATANG = 10.0
KELIPATAN_LEBAR = (1.0, 1.5, 2.0, 2.5, 3.0)
ABU = "#7f8c8d"


@dataclass(frozen=True)
class Gaya:
    huruf: str
    ukuran: float
    jarak: float
    warna: str


GAYA = {
    "jenis": Gaya(HURUF_TEBAL, 6.5, 7.8, "#ffffff"),
    "judul": Gaya(HURUF_TEBAL, 8.0, 9.3, "#1c2833"),
    "indikator": Gaya(HURUF, 7.0, 8.1, "#1c2833"),
    "target": Gaya(HURUF, 7.0, 8.1, "#34495e"),
    "capaian": Gaya(HURUF_TEBAL, 7.0, 8.1, "#1c2833"),
    "pemilik": Gaya(HURUF_MIRING, 6.5, 7.6, "#566573"),
}

Pengukur = Callable[[str, str, float], float]


@cache
def _pengukur_reportlab() -> Pengukur:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from ..reports.fon import daftarkan_fon

    daftarkan_fon()
    return stringWidth


def lebar_teks(teks: str, huruf: str, ukuran: float) -> float:
    """Width of a text in points, from the embedded font's metrics."""
    return float(_pengukur_reportlab()(teks, huruf, ukuran))


@cache
def _lebar_kata(kata: str, huruf: str, ukuran: float) -> float:
    return lebar_teks(kata, huruf, ukuran)


def bungkus(teks: str, huruf: str, ukuran: float, lebar: float) -> list[str]:
    """Greedy word wrap into lines no wider than ``lebar``; over-long words are cut.

    Widths add up word by word (the embedded fonts are not kerned, so the sum is exact).
    """
    spasi = _lebar_kata(" ", huruf, ukuran)
    hasil: list[str] = []
    baris: list[str] = []
    terpakai = 0.0
    for kata in teks.split():
        w = _lebar_kata(kata, huruf, ukuran)
        if baris and terpakai + spasi + w <= lebar:
            baris.append(kata)
            terpakai += spasi + w
            continue
        if baris:
            hasil.append(" ".join(baris))
        while w > lebar and len(kata) > 1:
            n = len(kata) - 1
            while n > 1 and lebar_teks(kata[:n], huruf, ukuran) > lebar:
                n -= 1
            hasil.append(kata[:n])
            kata = kata[n:]
            w = _lebar_kata(kata, huruf, ukuran)
        baris, terpakai = [kata], w
    if baris:
        hasil.append(" ".join(baris))
    return hasil or [""]


# --- input: plain nodes ------------------------------------------------------------------


@dataclass(frozen=True)
class IndikatorKotak:
    kode: str
    nama: str
    target: str
    capaian: Decimal | None = None
    keterangan_capaian: str | None = None
    """"TW I", "Tahun"… where the capaian was measured."""


@dataclass
class SimpulDiagram:
    """A node as the diagram needs it (plain Python, no session)."""

    id: str
    peringkat: int
    """Row rank of its kind (visi 0 … rencana hasil kerja 9); places extra roots."""
    label_jenis: str
    pernyataan: str
    indikator: list[IndikatorKotak] = field(default_factory=list)
    pemilik: str | None = None
    band: BandCapaian | None = None
    anak: list[SimpulDiagram] = field(default_factory=list)
    konteks: bool = False
    """Above level 0 (the regency's visi, misi, tujuan): a leading chain of these is drawn
    as a ribbon across the top instead of one row each."""


@dataclass(frozen=True)
class SumberDiagram:
    akar: list[SimpulDiagram]
    tautan: list[tuple[str, str]]
    """Cascading links (upper id, lower id) besides the parent links."""
    judul: str
    subjudul: str
    bands: tuple[BandCapaian, ...]


# --- output: what the renderers draw ------------------------------------------------------


@dataclass(frozen=True)
class BarisTeks:
    teks: str
    gaya: str
    x: float
    """Offset from the box's left edge."""
    y: float
    """Baseline offset from the box's top edge."""
    huruf: str
    ukuran: float
    warna: str


@dataclass(frozen=True)
class Kotak:
    id: str
    x: float
    y: float
    w: float
    h: float
    baris: tuple[BarisTeks, ...]
    warna_pita: str
    warna_isi: str
    pernyataan: str


@dataclass(frozen=True)
class Garis:
    dari: str
    ke: str
    jenis: str
    """"induk" (parent → child) or "tautan" (a cascading link, drawn dashed)."""
    titik: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class TataLetakPohon:
    kotak: tuple[Kotak, ...]
    garis: tuple[Garis, ...]
    lebar: float
    tinggi: float
    judul: str
    subjudul: str
    legenda: tuple[tuple[str, str], ...]
    kertas: str
    skala_muat: float
    """Scale at which the whole drawing fits the drawing area of one page of ``kertas``."""
    baris_tumpuk: int | None
    """Row from which descendants are stacked (None: a plain top-down tree)."""

    def kotak_id(self, id_: str) -> Kotak:
        return next(k for k in self.kotak if k.id == id_)


def tumpang_tindih(kotak: Sequence[Kotak], celah: float = 0.0) -> list[tuple[str, str]]:
    """Pairs of boxes that overlap (or come closer than ``celah``); a sweep over x."""
    urut = sorted(kotak, key=lambda k: k.x)
    hasil = []
    aktif: list[Kotak] = []
    for k in urut:
        aktif = [a for a in aktif if a.x + a.w + celah > k.x]
        for a in aktif:
            if a.y < k.y + k.h + celah and k.y < a.y + a.h + celah:
                hasil.append((a.id, k.id))
        aktif.append(k)
    return hasil


# --- box content -------------------------------------------------------------------------


def _campur(warna: str, putih: float) -> str:
    """Mix a hex colour with white (``putih`` 0..1)."""
    r, g, b = (int(warna[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(round(c + (255 - c) * putih) for c in (r, g, b)))


@dataclass
class _Isi:
    """A node's wrapped text for one box width, and the resulting height."""

    baris: tuple[BarisTeks, ...]
    tinggi: float


def _isi_kotak(s: SimpulDiagram, w: float) -> _Isi:
    lebar = w - 2 * PAD
    baris: list[BarisTeks] = []
    g = GAYA["jenis"]
    baris.append(
        BarisTeks(s.label_jenis, "jenis", PAD, TINGGI_PITA - 3.2, g.huruf, g.ukuran, g.warna)
    )
    y = TINGGI_PITA + 2.0

    def tulis(teks: str, gaya: str, indent: float = 0.0, warna: str | None = None) -> None:
        nonlocal y
        g = GAYA[gaya]
        for t in bungkus(teks, g.huruf, g.ukuran, lebar - indent):
            y += g.jarak
            garis_dasar = y - (g.jarak - g.ukuran) / 2 - g.ukuran * 0.2
            baris.append(
                BarisTeks(t, gaya, PAD + indent, garis_dasar, g.huruf, g.ukuran, warna or g.warna)
            )

    tulis(s.pernyataan, "judul")
    for ind in s.indikator:
        y += 2.0
        tulis(f"{ind.kode} {ind.nama}".strip(), "indikator")
        tulis(f"Target: {ind.target}", "target", 6.0)
        if ind.capaian is not None:
            kapan = f" {ind.keterangan_capaian}" if ind.keterangan_capaian else ""
            warna = s.band.warna if s.band else None
            tulis(f"Capaian{kapan}: {format_persen(ind.capaian)}", "capaian", 6.0, warna)
    if s.pemilik:
        y += 2.0
        tulis(s.pemilik, "pemilik")
    return _Isi(tuple(baris), y + PAD)


class _Ukur:
    """Box contents per (node, width), measured once per layout run."""

    def __init__(self, lebar: float = LEBAR_KOTAK) -> None:
        self.lebar = lebar
        """The standard box width of this layout run."""
        self._isi: dict[tuple[int, int], _Isi] = {}
        self._kelompok: dict[int, list[list[tuple[SimpulDiagram, int]]]] = {}
        self._tinggi_kel: dict[int, list[float]] = {}
        self._ideal: dict[int, float] = {}

    def kelompok(self, s: SimpulDiagram) -> list[list[tuple[SimpulDiagram, int]]]:
        if id(s) not in self._kelompok:
            self._kelompok[id(s)] = _kelompok(s)
        return self._kelompok[id(s)]

    def tinggi_kelompok(self, s: SimpulDiagram) -> list[float]:
        """Height of each child's group (the child and its descendants, stacked)."""
        if id(s) not in self._tinggi_kel:
            self._tinggi_kel[id(s)] = [
                sum(self.isi(x, self.lebar).tinggi for x, _ in kel) + CELAH_ITEM * (len(kel) - 1)
                for kel in self.kelompok(s)
            ]
        return self._tinggi_kel[id(s)]

    def isi(self, s: SimpulDiagram, w: float) -> _Isi:
        kunci = (id(s), int(w * 10 + 0.5))
        if kunci not in self._isi:
            self._isi[kunci] = _isi_kotak(s, w)
        return self._isi[kunci]

    def ideal(self, s: SimpulDiagram) -> float:
        """The narrowest width (from `KELIPATAN_LEBAR`) at which the box is nearly as low
        as it can get: what a box may grow to when its subtree leaves room."""
        if id(s) not in self._ideal:
            terendah = self.isi(s, self.lebar * KELIPATAN_LEBAR[-1]).tinggi
            w = self.lebar
            for k in KELIPATAN_LEBAR:
                w = self.lebar * k
                if self.isi(s, w).tinggi <= terendah * 1.1:
                    break
            self._ideal[id(s)] = w
        return self._ideal[id(s)]


# --- layout ------------------------------------------------------------------------------

Kontur = dict[int, tuple[float, float]]


@dataclass
class _Blok:
    """A laid-out subtree: its root box relative to the block's left edge (x = 0)."""

    simpul: SimpulDiagram
    baris: int
    x: float
    w: float
    kontur: Kontur
    anak: list[tuple[_Blok, float]] = field(default_factory=list)
    kolom: list[tuple[float, list[tuple[SimpulDiagram, int, float]]]] | None = None
    kolom_lebar: float = LEBAR_KOTAK
    """A stacked block: columns (x offset, items (node, depth, y offset)) below the root."""


@dataclass(frozen=True)
class _Rencana:
    baris_tumpuk: int | None
    tinggi_kolom: float


def _kelompok(s: SimpulDiagram) -> list[list[tuple[SimpulDiagram, int]]]:
    """Each child with its descendants in pre-order, with their depth below ``s``."""

    def jalan(x: SimpulDiagram, d: int) -> Iterator[tuple[SimpulDiagram, int]]:
        yield x, d
        for a in x.anak:
            yield from jalan(a, d + 1)

    return [list(jalan(a, 1)) for a in s.anak]


class _Penyusun:
    def __init__(self, ukur: _Ukur, rencana: _Rencana, baris_maks: int) -> None:
        self.ukur = ukur
        self.rencana = rencana
        self.baris_maks = baris_maks

    def susun(self, s: SimpulDiagram, baris: int, akar: bool) -> _Blok:
        tumpuk = self.rencana.baris_tumpuk
        if s.anak and tumpuk is not None and (baris == tumpuk or (akar and baris > tumpuk)):
            return self._tumpuk(s, baris)
        if not s.anak:
            w = self.ukur.lebar
            return _Blok(s, baris, 0.0, w, {baris: (0.0, w)})
        kontur: Kontur = {}
        anak: list[tuple[_Blok, float]] = []
        for a in s.anak:
            b = self.susun(a, baris + 1, False)
            geser = 0.0
            if anak:
                bersama = kontur.keys() & b.kontur.keys()
                geser = max(kontur[r][1] + CELAH_H - b.kontur[r][0] for r in bersama)
            anak.append((b, geser))
            for r, (kiri, kanan) in b.kontur.items():
                lama = kontur.get(r)
                kiri, kanan = kiri + geser, kanan + geser
                kontur[r] = (min(lama[0], kiri), max(lama[1], kanan)) if lama else (kiri, kanan)
        pertama, g0 = anak[0]
        terakhir, g1 = anak[-1]
        tengah = (g0 + pertama.x + pertama.w / 2 + g1 + terakhir.x + terakhir.w / 2) / 2
        rentang = max(k[1] for k in kontur.values()) - min(k[0] for k in kontur.values())
        w = max(self.ukur.lebar, min(self.ukur.ideal(s), rentang))
        kontur[baris] = (tengah - w / 2, tengah + w / 2)
        return self._normal(_Blok(s, baris, tengah - w / 2, w, kontur, anak))

    def _tumpuk(self, s: SimpulDiagram, baris: int) -> _Blok:
        kelompok = self.ukur.kelompok(s)
        batas = self.rencana.tinggi_kolom
        kolom: list[list[list[tuple[SimpulDiagram, int]]]] = [[]]
        tinggi = 0.0
        for kel, t in zip(kelompok, self.ukur.tinggi_kelompok(s), strict=True):
            if kolom[-1] and tinggi + CELAH_KELOMPOK + t > batas:
                kolom.append([])
                tinggi = 0.0
            tinggi += (CELAH_KELOMPOK if kolom[-1] else 0.0) + t
            kolom[-1].append(kel)
        hasil: list[tuple[float, list[tuple[SimpulDiagram, int, float]]]] = []
        x = 0.0
        for isi_kolom in kolom:
            item: list[tuple[SimpulDiagram, int, float]] = []
            y = 0.0
            dalam = 1
            for i, kel in enumerate(isi_kolom):
                if i:
                    y += CELAH_KELOMPOK - CELAH_ITEM
                for x_simpul, d in kel:
                    item.append((x_simpul, d, y))
                    y += self.ukur.isi(x_simpul, self.ukur.lebar).tinggi + CELAH_ITEM
                    dalam = max(dalam, d)
            hasil.append((x, item))
            x += BATANG + INDENT * (dalam - 1) + self.ukur.lebar + CELAH_KOLOM
        lebar_blok = x - CELAH_KOLOM
        w = max(self.ukur.lebar, min(self.ukur.ideal(s), lebar_blok))
        geser = max(0.0, (w - lebar_blok) / 2)
        hasil = [(cx + geser, it) for cx, it in hasil]
        lebar = max(w, lebar_blok)
        kontur: Kontur = {baris: ((lebar - w) / 2, (lebar + w) / 2)}
        for r in range(baris + 1, self.baris_maks + 2):
            kontur[r] = (geser, geser + lebar_blok)
        return _Blok(s, baris, (lebar - w) / 2, w, kontur, kolom=hasil, kolom_lebar=self.ukur.lebar)

    @staticmethod
    def _normal(b: _Blok) -> _Blok:
        kiri = min(k[0] for k in b.kontur.values())
        if kiri:
            b.x -= kiri
            b.anak = [(a, g - kiri) for a, g in b.anak]
            b.kontur = {r: (k[0] - kiri, k[1] - kiri) for r, k in b.kontur.items()}
        return b


def _susun_hutan(
    akar: Sequence[SimpulDiagram], ukur: _Ukur, rencana: _Rencana, baris_maks: int, dasar: int
) -> tuple[list[tuple[_Blok, float]], float]:
    """Lay out every root side by side; returns the blocks with their offsets."""
    penyusun = _Penyusun(ukur, rencana, baris_maks)
    kontur: Kontur = {}
    hasil: list[tuple[_Blok, float]] = []
    for a in akar:
        b = penyusun.susun(a, a.peringkat - dasar, True)
        geser = 0.0
        if hasil:
            bersama = kontur.keys() & b.kontur.keys()
            geser = max(
                (kontur[r][1] + CELAH_H * 2 - b.kontur[r][0] for r in bersama),
                default=max(k[1] for k in kontur.values()) + CELAH_H * 2,
            )
        hasil.append((b, geser))
        for r, (kiri, kanan) in b.kontur.items():
            lama = kontur.get(r)
            kiri, kanan = kiri + geser, kanan + geser
            kontur[r] = (min(lama[0], kiri), max(lama[1], kanan)) if lama else (kiri, kanan)
    lebar = max(k[1] for k in kontur.values())
    return hasil, lebar


@dataclass
class _Tempat:
    simpul: SimpulDiagram
    x: float
    w: float
    baris: int
    dy: float | None = None
    """For a stacked item: offset below the top of its block."""
    induk: _Tempat | None = None
    kolom_x: float = 0.0
    dalam: int = 0
    akar_tumpuk: _Tempat | None = None
    """For a stacked item: the node whose block it is in (the block hangs below it)."""


def _tempatkan(hutan: list[tuple[_Blok, float]]) -> list[_Tempat]:
    hasil: list[_Tempat] = []

    def jalan(b: _Blok, geser: float, induk: _Tempat | None) -> None:
        t = _Tempat(b.simpul, geser + b.x, b.w, b.baris, induk=induk)
        hasil.append(t)
        for a, g in b.anak:
            jalan(a, geser + g, t)
        if b.kolom is not None:
            for kx, items in b.kolom:
                tumpukan: list[_Tempat] = []
                for s, d, dy in items:
                    del tumpukan[d - 1 :]
                    ind = tumpukan[-1] if tumpukan else t
                    x = geser + kx + BATANG + INDENT * (d - 1)
                    it = _Tempat(s, x, b.kolom_lebar, b.baris, dy, ind, geser + kx, d, t)
                    hasil.append(it)
                    tumpukan.append(it)

    for b, g in hutan:
        jalan(b, g, None)
    return hasil


def _koordinat(
    tempat: list[_Tempat], ukur: _Ukur
) -> tuple[dict[int, tuple[float, float, float]], list[Kotak], dict[str, tuple[_Tempat, Kotak]]]:
    """Row tops from the tallest box of each row, then every box's position."""
    tinggi_baris: dict[int, float] = {}
    for t in tempat:
        if t.dy is None:
            h = ukur.isi(t.simpul, t.w).tinggi
            tinggi_baris[t.baris] = max(tinggi_baris.get(t.baris, 0.0), h)
    # Below a row whose links all go straight down (single children), a small gap is enough.
    anak_h: dict[int, int] = {}
    lebar_celah: dict[int, float] = {}
    for t in tempat:
        if t.induk is None:
            continue
        if t.dy is not None:
            lebar_celah[t.induk.baris] = CELAH_V
        else:
            anak_h[id(t.induk)] = anak_h.get(id(t.induk), 0) + 1
            if anak_h[id(t.induk)] > 1:
                lebar_celah[t.induk.baris] = CELAH_V
    atas: dict[int, float] = {}
    y = 0.0
    for r in range(max(tinggi_baris) + 2):
        atas[r] = y
        if r in tinggi_baris:
            y += tinggi_baris[r] + lebar_celah.get(r, CELAH_RANTAI)
    baris_info = {r: (atas[r], tinggi_baris.get(r, 0.0), atas[r + 1]) for r in tinggi_baris}
    kotak: list[Kotak] = []
    peta: dict[str, tuple[_Tempat, Kotak]] = {}
    for t in tempat:
        if t.dy is None or t.akar_tumpuk is None:
            ky = atas[t.baris]
        else:  # a block starts right below its own root box, not below the whole row
            a = t.akar_tumpuk
            ky = atas[a.baris] + ukur.isi(a.simpul, a.w).tinggi + CELAH_V + t.dy
        k = _buat_kotak(t, ukur, ky)
        kotak.append(k)
        peta[k.id] = (t, k)
    return baris_info, kotak, peta


def _buat_kotak(t: _Tempat, ukur: _Ukur, y: float) -> Kotak:
    isi = ukur.isi(t.simpul, t.w)
    b = t.simpul.band
    return Kotak(
        id=t.simpul.id,
        x=round(t.x, 2),
        y=round(y, 2),
        w=round(t.w, 2),
        h=round(isi.tinggi, 2),
        baris=isi.baris,
        warna_pita=b.warna if b else ABU,
        warna_isi=_campur(b.warna, 0.86) if b else "#f7f9f9",
        pernyataan=t.simpul.pernyataan,
    )


def _garis_induk(
    peta: dict[str, tuple[_Tempat, Kotak]], baris_info: dict[int, tuple[float, float, float]]
) -> list[Garis]:
    hasil = []
    for t, k in peta.values():
        if t.induk is None:
            continue
        p = peta[t.induk.simpul.id][1]
        pcx, pbawah = p.x + p.w / 2, p.y + p.h
        if t.dy is None:
            atas_induk, tinggi_induk, _ = baris_info[t.induk.baris]
            bus = (atas_induk + tinggi_induk + k.y) / 2
            titik = ((pcx, pbawah), (pcx, bus), (k.x + k.w / 2, bus), (k.x + k.w / 2, k.y))
        elif t.dalam == 1:
            bus = k.y - t.dy - CELAH_V / 2
            bx = t.kolom_x + BATANG / 2
            ty = k.y + min(12.0, k.h / 2)
            titik = ((pcx, pbawah), (pcx, bus), (bx, bus), (bx, ty), (k.x, ty))
        else:
            bx = p.x + INDENT / 2
            ty = k.y + min(12.0, k.h / 2)
            titik = ((bx, pbawah), (bx, ty), (k.x, ty))
        hasil.append(
            Garis(p.id, k.id, "induk", tuple((round(a, 2), round(b, 2)) for a, b in titik))
        )
    return hasil


def _garis_tautan(
    peta: dict[str, tuple[_Tempat, Kotak]], tautan: Sequence[tuple[str, str]]
) -> list[Garis]:
    """Cascading links between drawn nodes, except those the parent links already show."""
    hasil = []
    sudah = set()
    for atas_id, bawah_id in tautan:
        if atas_id not in peta or bawah_id not in peta or (atas_id, bawah_id) in sudah:
            continue
        leluhur = peta[bawah_id][0].induk
        while leluhur is not None and leluhur.simpul.id != atas_id:
            leluhur = leluhur.induk
        if leluhur is not None:
            continue
        sudah.add((atas_id, bawah_id))
        a, b = peta[atas_id][1], peta[bawah_id][1]
        titik = ((b.x + b.w * 0.75, b.y), (a.x + a.w * 0.75, a.y + a.h))
        hasil.append(Garis(atas_id, bawah_id, "tautan", titik))
    return hasil


def _rencana_kandidat(akar: Sequence[SimpulDiagram], ukur: _Ukur, dasar: int) -> list[_Rencana]:
    """Stacking rows × column heights worth trying."""
    per_baris: dict[int, list[SimpulDiagram]] = {}

    def jalan(s: SimpulDiagram, r: int) -> None:
        if s.anak:
            per_baris.setdefault(r, []).append(s)
        for a in s.anak:
            jalan(a, r + 1)

    for a in akar:
        jalan(a, a.peringkat - dasar)
    hasil = [_Rencana(None, 0.0)]
    for r, induk in sorted(per_baris.items()):
        maks = max(t for s in induk for t in ukur.tinggi_kelompok(s))
        total = max(
            sum(ukur.tinggi_kelompok(s)) + CELAH_KELOMPOK * (len(s.anak) - 1) for s in induk
        )
        kandidat = {maks, total}
        langkah = 12
        for i in range(1, langkah):
            kandidat.add(maks + (total - maks) * i / langkah)
        hasil.extend(_Rencana(r, t) for t in sorted(kandidat))
    return hasil


def _skala(lebar: float, tinggi: float, kertas: str) -> float:
    aw, ah = area_gambar(kertas)
    return min(aw / lebar, ah / tinggi)


@dataclass
class _Hasil:
    kotak: list[Kotak]
    garis: list[Garis]
    peta: dict[str, tuple[_Tempat, Kotak]]

    @property
    def lebar(self) -> float:
        return max(k.x + k.w for k in self.kotak)

    @property
    def tinggi(self) -> float:
        return max(k.y + k.h for k in self.kotak)


def _geser(h: _Hasil, dx: float, dy: float) -> _Hasil:
    kotak = [replace(k, x=round(k.x + dx, 2), y=round(k.y + dy, 2)) for k in h.kotak]
    garis = [
        replace(g, titik=tuple((round(x + dx, 2), round(y + dy, 2)) for x, y in g.titik))
        for g in h.garis
    ]
    baru = {k.id: k for k in kotak}
    return _Hasil(kotak, garis, {i: (t, baru[i]) for i, (t, _) in h.peta.items()})


def _bagian(
    akar: Sequence[SimpulDiagram],
    ukur: _Ukur,
    rencana: _Rencana,
    dasar: int,
    baris_maks: int,
    garis: bool = True,
) -> _Hasil:
    """Lay out a forest; the edges only when asked (not while comparing candidates)."""
    hutan, _ = _susun_hutan(akar, ukur, rencana, baris_maks, dasar)
    tempat = _tempatkan(hutan)
    info, kotak, peta = _koordinat(tempat, ukur)
    return _Hasil(kotak, _garis_induk(peta, info) if garis else [], peta)


def _dengan_pita(pita: Sequence[SimpulDiagram], pohon: _Hasil, ukur: _Ukur) -> _Hasil:
    """The leading context chain (visi → misi → tujuan RPJMD) as one row of boxes, left to
    right, above the tree; the last one links down to the tree's root."""
    if not pita:
        return pohon
    isi = [(s, ukur.ideal(s)) for s in pita]
    for f in (1.25, 1.5, 2.0, 2.5, 3.0):  # widen the ribbon while the tree below is wider
        lebih = [(s, w * f) for s, w in isi]
        if sum(w for _, w in lebih) + CELAH_PITA * (len(isi) - 1) > pohon.lebar:
            break
        isi = lebih
    tinggi = max(ukur.isi(s, w).tinggi for s, w in isi)
    lebar = sum(w for _, w in isi) + CELAH_PITA * (len(isi) - 1)
    akar = next(k for i, (t, k) in pohon.peta.items() if t.induk is None and t.baris >= 0)
    akar_cx = akar.x + akar.w / 2
    x = min(max(0.0, akar_cx + isi[-1][1] / 2 - lebar), max(0.0, pohon.lebar - lebar))
    pohon = _geser(pohon, max(0.0, -x), tinggi + CELAH_V)
    kotak: list[Kotak] = []
    peta: dict[str, tuple[_Tempat, Kotak]] = {}
    garis: list[Garis] = []
    sebelum: _Tempat | None = None
    for s, w in isi:
        t = _Tempat(s, x, w, -1, induk=sebelum)
        k = _buat_kotak(t, ukur, 0.0)
        if kotak:
            a = kotak[-1]
            y = min(a.h, k.h) / 2
            garis.append(Garis(a.id, k.id, "induk", ((a.x + a.w, y), (k.x, y))))
        kotak.append(k)
        peta[k.id] = (t, k)
        sebelum = t
        x += w + CELAH_PITA
    akar = next(k for i, (t, k) in pohon.peta.items() if t.induk is None and t.baris >= 0)
    pohon.peta[akar.id][0].induk = sebelum
    a = kotak[-1]
    bus = a.h + (akar.y - a.h) / 2
    titik = (
        (a.x + a.w / 2, a.h),
        (a.x + a.w / 2, bus),
        (akar.x + akar.w / 2, bus),
        (akar.x + akar.w / 2, akar.y),
    )
    garis.append(Garis(a.id, akar.id, "induk", tuple((round(p, 2), round(q, 2)) for p, q in titik)))
    return _Hasil(kotak + pohon.kotak, garis + pohon.garis, {**peta, **pohon.peta})


def _gabung(utama: _Hasil, lain: _Hasil | None) -> _Hasil:
    """Put the extra roots (supporting programs outside the cascade) in a free corner of
    the main tree, else to its right."""
    if lain is None:
        return utama
    kanan = utama.lebar - lain.lebar
    tingkat = [*sorted({k.y for k in utama.kotak})[:3], utama.tinggi - lain.tinggi]
    for x, y in ((x, y) for y in tingkat for x in (kanan, 0.0)):
        coba = _geser(lain, x, y)
        milik_lain = {k.id for k in coba.kotak}
        bentrok = any(
            (p[0] in milik_lain) != (p[1] in milik_lain)
            for p in tumpang_tindih([*utama.kotak, *coba.kotak], CELAH_H * 2)
        )
        if x >= 0 and y >= 0 and not bentrok:
            break
    else:
        coba = _geser(lain, utama.lebar + CELAH_H * 3, 0.0)
    return _Hasil(
        [*utama.kotak, *coba.kotak], [*utama.garis, *coba.garis], {**utama.peta, **coba.peta}
    )


def susun_tata_letak(sumber: SumberDiagram, *, kertas: str = "A3") -> TataLetakPohon:
    """Place every box and edge of ``sumber``, choosing the arrangement that fits a
    landscape page of ``kertas`` at the largest scale (a plain tree when it fits at 1:1)."""
    legenda = _legenda(sumber.bands)
    if not sumber.akar:
        return TataLetakPohon(
            (), (), 0.0, 0.0, sumber.judul, sumber.subjudul, legenda, kertas, 1.0, None
        )
    dasar = min(a.peringkat for a in sumber.akar)
    utama = [a for a in sumber.akar if a.peringkat == dasar]
    lain = [a for a in sumber.akar if a.peringkat != dasar]
    pita: list[SimpulDiagram] = []
    if len(utama) == 1:
        puncak = utama[0]
        while puncak.konteks and len(puncak.anak) == 1:
            pita.append(puncak)
            puncak = puncak.anak[0]
        if pita and all(a.peringkat >= puncak.peringkat for a in lain):
            utama, dasar = [puncak], puncak.peringkat
        else:
            pita = []

    def dalam(s: SimpulDiagram, r: int) -> int:
        return max([r, *(dalam(a, r + 1) for a in s.anak)])

    susun = utama + lain
    baris_maks = max(dalam(a, a.peringkat - dasar) for a in susun)

    def susun_dengan(ukur: _Ukur, rencana: _Rencana, garis: bool) -> _Hasil:
        return _gabung(
            _dengan_pita(pita, _bagian(utama, ukur, rencana, dasar, baris_maks, garis), ukur),
            _bagian(lain, ukur, rencana, dasar, baris_maks, garis) if lain else None,
        )

    terbaik: tuple[float, _Ukur, _Rencana] | None = None
    jumlah = sum(1 for a in susun for _ in _semua(a))
    pilihan = PILIHAN_LEBAR if jumlah <= 200 else (LEBAR_KOTAK,)
    for ukur in (_Ukur(lebar) for lebar in pilihan):
        for rencana in _rencana_kandidat(susun, ukur, dasar):
            if rencana.baris_tumpuk is None and ukur.lebar != LEBAR_KOTAK:
                continue
            hasil = susun_dengan(ukur, rencana, False)
            nilai = min(_skala(hasil.lebar, hasil.tinggi, kertas), 1.0)
            if rencana.baris_tumpuk is not None:
                nilai -= 0.005  # a plain tree wins a tie
            if terbaik is None or nilai > terbaik[0] + 1e-9:
                terbaik = (nilai, ukur, rencana)
    assert terbaik is not None
    _, ukur, rencana = terbaik
    hasil = susun_dengan(ukur, rencana, True)
    garis = hasil.garis + _garis_tautan(hasil.peta, sumber.tautan)
    return TataLetakPohon(
        kotak=tuple(hasil.kotak),
        garis=tuple(garis),
        lebar=round(hasil.lebar, 2),
        tinggi=round(hasil.tinggi, 2),
        judul=sumber.judul,
        subjudul=sumber.subjudul,
        legenda=legenda,
        kertas=kertas,
        skala_muat=_skala(hasil.lebar, hasil.tinggi, kertas),
        baris_tumpuk=rencana.baris_tumpuk,
    )


def _legenda(bands: Sequence[BandCapaian]) -> tuple[tuple[str, str], ...]:
    urut = sorted(bands, key=lambda b: b.batas_bawah, reverse=True)
    hasil = []
    for i, b in enumerate(urut):
        if i == 0:
            teks = f"≥ {format_angka(b.batas_bawah)}%"
        elif i == len(urut) - 1:
            teks = f"< {format_angka(urut[i - 1].batas_bawah)}%"
        else:
            teks = f"{format_angka(b.batas_bawah)}–< {format_angka(urut[i - 1].batas_bawah)}%"
        hasil.append((f"{b.label} ({teks})", b.warna))
    hasil.append(("Belum ada capaian", ABU))
    return tuple(hasil)


# --- reading the tree from the database --------------------------------------------------

_PERINGKAT = {j: i for i, j in enumerate(JenisNode)}
_TW = {1: "TW I", 2: "TW II", 3: "TW III", 4: "TW IV"}


_SINGKATAN = (
    ("Kepala Subbagian ", "Kasubbag "),
    ("Kepala Seksi ", "Kasi "),
    ("Kepala Bidang ", "Kabid "),
)


def singkat_jabatan(nama: str) -> str:
    """The position as the cascading charts of the source write it ("Kabid …", "Kasi …")."""
    for panjang, pendek in _SINGKATAN:
        if nama.startswith(panjang):
            return pendek + nama[len(panjang) :]
    return nama


def teks_target(t: NilaiTarget | None, satuan: str) -> str:
    """A target as the tree prints it: "1,28%", "95,92%–96,89%", "192 orang", "—"."""
    if t is None or (t.nilai is None and t.teks is None):
        return "—"
    if t.teks is not None:
        return t.teks
    if t.nilai_maks is not None:
        return format_rentang(t.nilai, t.nilai_maks, satuan)
    if satuan.strip() == "%":
        return format_persen(t.nilai, None)
    return f"{format_angka(t.nilai)} {satuan}".strip()


def _capaian_terakhir(
    sesi: Session, opd: Opd, tahun: int, tahunan: list[BarisCapaian]
) -> dict[uuid.UUID, tuple[Decimal, str]]:
    """Each indicator's latest capaian: at its last quarter with a realization, against
    that quarter's target (else against the year's)."""
    terakhir: dict[uuid.UUID, int] = {}
    for b in tahunan:
        isi = [i + 1 for i, v in enumerate(b.realisasi_triwulan) if v is not None]
        if b.realisasi_teks is not None and not isi:
            isi = [4]
        if isi:
            terakhir[b.indikator_id] = isi[-1]
    hasil: dict[uuid.UUID, tuple[Decimal, str]] = {}
    for tw in sorted(set(terakhir.values())):
        for b in tabel_capaian(sesi, opd, tahun, tw):
            if terakhir.get(b.indikator_id) != tw:
                continue
            if b.capaian is not None:
                hasil[b.indikator_id] = (b.capaian, _TW[tw])
            elif b.capaian_tahunan is not None:
                hasil[b.indikator_id] = (b.capaian_tahunan, f"s.d. {_TW[tw]} thd target tahun")
    return hasil


def cari_simpul(akar: list[SimpulPohon], dari: str | uuid.UUID) -> SimpulPohon:
    """The node of a loaded tree with this code (case-insensitive) or id."""
    semua = list(telusuri(akar))
    if isinstance(dari, uuid.UUID):
        for s in semua:
            if s.node.id == dari:
                return s
        raise TidakDitemukan("Node awal diagram tidak ada di pohon kinerja tahun ini.")
    kunci = dari.strip().casefold()
    for s in semua:
        if (s.node.kode or "").casefold() == kunci:
            return s
    contoh = ", ".join(s.node.kode for s in semua if s.node.kode)[:200]
    raise TidakDitemukan(
        f"Kode node {dari!r} tidak ada di pohon kinerja (kode yang ada: {contoh}…)."
    )


def pohon_dari(akar: list[SimpulPohon], dari: str | uuid.UUID | None) -> list[SimpulPohon]:
    """The whole forest, or the subtree of node ``dari`` (a code or an id)."""
    return akar if dari is None else [cari_simpul(akar, dari)]


def kumpulkan_diagram(
    sesi: Session, opd: Opd, tahun: int, dari: str | uuid.UUID | None = None
) -> SumberDiagram:
    """The tree of the Renstra holding ``tahun`` (from node ``dari`` — a code or an id —
    down, else all of it from the visi), with targets and latest capaian of ``tahun``."""
    renstra = renstra_untuk(sesi, opd, tahun)
    pohon = muat_pohon(sesi, renstra)
    awal = pohon_dari(pohon, dari)
    tahunan = tabel_capaian(sesi, opd, tahun)
    per_ind = {b.indikator_id: b for b in tahunan}
    capaian = _capaian_terakhir(sesi, opd, tahun, tahunan)
    bands = band_capaian(sesi, opd.id)

    def bangun(s: SimpulPohon) -> SimpulDiagram:
        n = s.node
        indikator = []
        nilai: list[Decimal] = []
        for ind in n.indikator:
            b = per_ind.get(ind.id)
            cap = capaian.get(ind.id)
            if cap is not None:
                nilai.append(cap[0])
            indikator.append(
                IndikatorKotak(
                    kode=ind.kode,
                    nama=ind.nama,
                    target=teks_target(b.target_tahunan if b else None, ind.satuan),
                    capaian=cap[0] if cap else None,
                    keterangan_capaian=cap[1] if cap else None,
                )
            )
        label = n.jenis.label + (f" {n.kode}" if n.kode else "")
        if n.level is not None:
            label += f" · Level {n.level}"
        return SimpulDiagram(
            id=str(n.id),
            peringkat=_PERINGKAT[n.jenis],
            label_jenis=label,
            pernyataan=n.uraian,
            indikator=indikator,
            pemilik=singkat_jabatan(n.pemilik.nama) if n.pemilik else None,
            band=band_untuk(min(nilai), bands) if nilai else None,
            anak=[bangun(a) for a in s.anak],
            konteks=n.level is None,
        )

    akar = [bangun(s) for s in awal]
    ids = {uuid.UUID(x.id) for a in akar for x in _semua(a)}
    tautan = [
        (str(t.node_atas_id), str(t.node_bawah_id))
        for t in sesi.scalars(select(TautanCascading).where(TautanCascading.node_bawah_id.in_(ids)))
        if t.node_atas_id in ids
    ]
    judul = f"Pohon Kinerja {opd.nama} — Tahun {tahun}"
    sub = f"Renstra {renstra.label}. Warna kotak: capaian terakhir indikator terlemah."
    if dari is not None:
        n = awal[0].node
        sub = f"Mulai dari {n.jenis.label} {n.kode or ''}: {n.uraian}. " + sub
    return SumberDiagram(akar, tautan, judul, sub, tuple(bands))


def _semua(s: SimpulDiagram) -> Iterator[SimpulDiagram]:
    yield s
    for a in s.anak:
        yield from _semua(a)


class LayananDiagramPohon:
    """The diagram for the window and the CLI."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def sumber(
        self, tahun: int, dari: str | uuid.UUID | None = None, *, opd: str | None = None
    ) -> SumberDiagram:
        with self.db.baca() as sesi:
            return kumpulkan_diagram(sesi, pilih_opd(sesi, opd), tahun, dari)

    def tata_letak(
        self,
        tahun: int,
        dari: str | uuid.UUID | None = None,
        *,
        opd: str | None = None,
        kertas: str = "A3",
    ) -> TataLetakPohon:
        return susun_tata_letak(self.sumber(tahun, dari, opd=opd), kertas=kertas)
