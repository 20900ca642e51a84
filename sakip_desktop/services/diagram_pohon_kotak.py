"""The boxes of the pohon kinerja diagram: page geometry, typography, text measured with
the embedded font's metrics, and the plain data the layout takes and returns.

Split from services/diagram_pohon.py (reading the tree) and diagram_pohon_susun.py (placing
the boxes); renderers import these names through services.diagram_pohon.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from ..angka import format_angka, format_persen
from ..kalkulasi import BandCapaian
from ..reports.fon import HURUF, HURUF_MIRING, HURUF_TEBAL

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
    target: str | None
    """None: no target line (the process map, which is not about one year)."""
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
    keterangan: str | None = None
    """A small line under the statement (the process map: the node it maps to)."""


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


def campur_putih(warna: str, putih: float) -> str:
    """Mix a hex colour with white (``putih`` 0..1)."""
    r, g, b = (int(warna[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(round(c + (255 - c) * putih) for c in (r, g, b)))


@dataclass
class IsiKotak:
    """A node's wrapped text for one box width, and the resulting height."""

    baris: tuple[BarisTeks, ...]
    tinggi: float


def isi_kotak(s: SimpulDiagram, w: float) -> IsiKotak:
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
    if s.keterangan:
        tulis(s.keterangan, "target")
    for ind in s.indikator:
        y += 2.0
        tulis(f"{ind.kode} {ind.nama}".strip(), "indikator")
        if ind.target is not None:
            tulis(f"Target: {ind.target}", "target", 6.0)
        if ind.capaian is not None:
            kapan = f" {ind.keterangan_capaian}" if ind.keterangan_capaian else ""
            warna = s.band.warna if s.band else None
            tulis(f"Capaian{kapan}: {format_persen(ind.capaian)}", "capaian", 6.0, warna)
    if s.pemilik:
        y += 2.0
        tulis(s.pemilik, "pemilik")
    return IsiKotak(tuple(baris), y + PAD)


class UkurKotak:
    """Box contents per (node, width), measured once per layout run."""

    def __init__(self, lebar: float = LEBAR_KOTAK) -> None:
        self.lebar = lebar
        """The standard box width of this layout run."""
        self._isi: dict[tuple[int, int], IsiKotak] = {}
        self._kelompok: dict[int, list[list[tuple[SimpulDiagram, int]]]] = {}
        self._tinggi_kel: dict[int, list[float]] = {}
        self._ideal: dict[int, float] = {}

    def kelompok(self, s: SimpulDiagram) -> list[list[tuple[SimpulDiagram, int]]]:
        if id(s) not in self._kelompok:
            self._kelompok[id(s)] = kelompok_turunan(s)
        return self._kelompok[id(s)]

    def tinggi_kelompok(self, s: SimpulDiagram) -> list[float]:
        """Height of each child's group (the child and its descendants, stacked)."""
        if id(s) not in self._tinggi_kel:
            self._tinggi_kel[id(s)] = [
                sum(self.isi(x, self.lebar).tinggi for x, _ in kel) + CELAH_ITEM * (len(kel) - 1)
                for kel in self.kelompok(s)
            ]
        return self._tinggi_kel[id(s)]

    def isi(self, s: SimpulDiagram, w: float) -> IsiKotak:
        kunci = (id(s), int(w * 10 + 0.5))
        if kunci not in self._isi:
            self._isi[kunci] = isi_kotak(s, w)
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


def semua_simpul(s: SimpulDiagram) -> Iterator[SimpulDiagram]:
    yield s
    for a in s.anak:
        yield from semua_simpul(a)


def legenda(bands: Sequence[BandCapaian]) -> tuple[tuple[str, str], ...]:
    """The capaian colours for the title bar (none for a drawing without capaian)."""
    if not bands:
        return ()
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


def kelompok_turunan(s: SimpulDiagram) -> list[list[tuple[SimpulDiagram, int]]]:
    """Each child with its descendants in pre-order, with their depth below ``s``."""

    def jalan(x: SimpulDiagram, d: int) -> Iterator[tuple[SimpulDiagram, int]]:
        yield x, d
        for a in x.anak:
            yield from jalan(a, d + 1)

    return [list(jalan(a, 1)) for a in s.anak]
