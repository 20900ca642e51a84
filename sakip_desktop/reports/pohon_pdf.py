"""The pohon kinerja diagram as a PDF (reportlab), A3 or A4 landscape.

The layout (services/diagram_pohon.py) is drawn scaled to fit one page. When that scale
would make the text unreadable (below `SKALA_TERBACA`), the drawing is printed at a
reading scale over several pages instead: first an overview page with the grid of parts,
then one page per part. Neighbouring parts overlap by a strip, marked in the margins, so
the sheets can be trimmed and taped together.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..services.diagram_pohon import (
    KEPALA,
    KERTAS,
    SKALA_TERBACA,
    TEPI,
    TINGGI_PITA,
    Garis,
    Kotak,
    TataLetakPohon,
    area_gambar,
)
from .fon import HURUF, HURUF_TEBAL, daftarkan_fon
from .halaman import kanvas_bernomor

SKALA_UBIN = 0.85
"""Scale of the parts when the drawing is split over pages."""
TUMPANG = 28.0
"""Overlap between neighbouring parts, in points on paper (1 cm)."""
WARNA_GARIS = "#7f8c8d"
WARNA_TAUTAN = "#8e44ad"


@dataclass(frozen=True)
class HasilPdfPohon:
    halaman: int
    skala: float
    ubin: tuple[int, int] | None
    """(rows, columns) of parts when split, else None."""


@dataclass(frozen=True)
class _Peta:
    """Drawing coordinates (points, y down) → page coordinates (y up)."""

    x0: float
    y0: float
    skala: float

    def titik(self, x: float, y: float) -> tuple[float, float]:
        return self.x0 + x * self.skala, self.y0 - y * self.skala


def _warna(c: Any, hex_: str, isi: bool = True) -> None:
    from reportlab.lib.colors import HexColor

    (c.setFillColor if isi else c.setStrokeColor)(HexColor(hex_))


def _kotak(c: Any, k: Kotak, p: _Peta) -> None:
    s = p.skala
    x, yatas = p.titik(k.x, k.y)
    w, h = k.w * s, k.h * s
    r = 3.0 * s
    pita = TINGGI_PITA * s
    _warna(c, k.warna_isi)
    c.roundRect(x, yatas - h, w, h, r, stroke=0, fill=1)
    _warna(c, k.warna_pita)
    c.roundRect(x, yatas - pita, w, pita, r, stroke=0, fill=1)
    c.rect(x, yatas - pita, w, pita - r, stroke=0, fill=1)
    _warna(c, k.warna_pita, isi=False)
    c.setLineWidth(0.8 * s)
    c.roundRect(x, yatas - h, w, h, r, stroke=1, fill=0)
    for b in k.baris:
        _warna(c, b.warna)
        c.setFont(b.huruf, b.ukuran * s)
        bx, by = p.titik(k.x + b.x, k.y + b.y)
        c.drawString(bx, by, b.teks)


def _garis(c: Any, g: Garis, p: _Peta) -> None:
    s = p.skala
    titik = [p.titik(x, y) for x, y in g.titik]
    jalur = c.beginPath()
    jalur.moveTo(*titik[0])
    for t in titik[1:]:
        jalur.lineTo(*t)
    if g.jenis == "tautan":
        _warna(c, WARNA_TAUTAN, isi=False)
        c.setDash(4 * s, 3 * s)
        c.setLineWidth(1.0 * s)
    else:
        _warna(c, WARNA_GARIS, isi=False)
        c.setDash()
        c.setLineWidth(0.8 * s)
    c.drawPath(jalur, stroke=1, fill=0)
    c.setDash()
    if g.jenis == "tautan":  # arrowhead at the upper node
        (x1, y1), (x2, y2) = titik[-2], titik[-1]
        sudut = math.atan2(y2 - y1, x2 - x1)
        panjang = 6 * s
        kepala = c.beginPath()
        kepala.moveTo(x2, y2)
        for d in (0.4, -0.4):
            kepala.lineTo(x2 - panjang * math.cos(sudut + d), y2 - panjang * math.sin(sudut + d))
        kepala.close()
        _warna(c, WARNA_TAUTAN)
        c.drawPath(kepala, stroke=0, fill=1)


def _gambar(
    c: Any, tata: TataLetakPohon, p: _Peta, batas: tuple[float, float, float, float] | None
) -> None:
    """Draw edges, boxes, then cascading links; only what meets ``batas`` (x0, y0, x1, y1)."""

    def kena(x0: float, y0: float, x1: float, y1: float) -> bool:
        if batas is None:
            return True
        return x0 <= batas[2] and x1 >= batas[0] and y0 <= batas[3] and y1 >= batas[1]

    def kena_garis(g: Garis) -> bool:
        xs = [t[0] for t in g.titik]
        ys = [t[1] for t in g.titik]
        return kena(min(xs), min(ys), max(xs), max(ys))

    for g in tata.garis:
        if g.jenis == "induk" and kena_garis(g):
            _garis(c, g, p)
    for k in tata.kotak:
        if kena(k.x, k.y, k.x + k.w, k.y + k.h):
            _kotak(c, k, p)
    for g in tata.garis:
        if g.jenis == "tautan" and kena_garis(g):
            _garis(c, g, p)


def _kepala(c: Any, tata: TataLetakPohon, kertas: str, keterangan: str | None) -> None:
    lebar, tinggi = KERTAS[kertas]
    y = tinggi - TEPI - 12
    _warna(c, "#1c2833")
    c.setFont(HURUF_TEBAL, 13)
    c.drawString(TEPI, y, tata.judul)
    c.setFont(HURUF, 7.5)
    _warna(c, "#34495e")
    c.drawString(TEPI, y - 12, tata.subjudul)
    if keterangan:
        c.setFont(HURUF_TEBAL, 8)
        c.drawString(TEPI, y - 24, keterangan)
    # legend, right-aligned: bands, "no capaian", cascading link
    x = lebar - TEPI
    c.setFont(HURUF, 7)
    butir = [(label, warna, False) for label, warna in tata.legenda]
    if any(g.jenis == "tautan" for g in tata.garis):
        butir.append(("Tautan cascading (mendukung node lain)", WARNA_TAUTAN, True))
    for label, warna, garis in reversed(butir):
        lebar_teks = c.stringWidth(label, HURUF, 7)
        x -= lebar_teks
        _warna(c, "#34495e")
        c.drawString(x, y - 2, label)
        x -= 14
        if garis:
            _warna(c, warna, isi=False)
            c.setDash(3, 2)
            c.setLineWidth(1)
            c.line(x, y + 0.5, x + 11, y + 0.5)
            c.setDash()
        else:
            _warna(c, warna)
            c.rect(x + 1, y - 2, 9, 7, stroke=0, fill=1)
        x -= 10


def _klip(c: Any, x: float, y: float, w: float, h: float) -> None:
    jalur = c.beginPath()
    jalur.rect(x, y, w, h)
    c.clipPath(jalur, stroke=0, fill=0)


def _tanda_potong(c: Any, kertas: str, kanan: float | None, bawah: float | None) -> None:
    """Marks in the margins where the next part begins (right/below), for trimming."""
    tinggi = KERTAS[kertas][1]
    aw, ah = area_gambar(kertas)
    atas = tinggi - TEPI - KEPALA
    _warna(c, "#c0392b", isi=False)
    _warna(c, "#c0392b")
    c.setLineWidth(0.6)
    c.setFont(HURUF, 6)
    if kanan is not None:
        x = TEPI + kanan
        for y0, y1 in ((atas + 2, atas + 10), (atas - ah - 10, atas - ah - 2)):
            c.line(x, y0, x, y1)
        c.drawString(x + 2, atas + 4, "awal bagian kanan")
        c.line(TEPI + aw, atas + 2, TEPI + aw, atas + 10)
    if bawah is not None:
        y = atas - bawah
        for x0, x1 in ((TEPI - 10, TEPI - 2), (TEPI + aw + 2, TEPI + aw + 10)):
            c.line(x0, y, x1, y)
        c.drawRightString(TEPI + aw + 10, y + 2, "awal bagian bawah")


def tulis_pdf_pohon(
    tata: TataLetakPohon,
    tujuan: Path | str | IO[bytes],
    *,
    kertas: str = "A3",
    skala_min: float = SKALA_TERBACA,
) -> HasilPdfPohon:
    """Write the diagram to ``tujuan``; one page if it fits readably, else parts."""
    from reportlab.pdfgen.canvas import Canvas

    if kertas not in KERTAS:
        raise ValueError(f"Kertas {kertas!r} tidak dikenal (A3 atau A4)")
    daftarkan_fon()
    kelas: type[Canvas] = kanvas_bernomor()
    c = kelas(str(tujuan) if isinstance(tujuan, Path | str) else tujuan, pagesize=KERTAS[kertas])
    c.setTitle(tata.judul)
    c.setAuthor("SAKIP Desktop")
    c.setSubject(tata.subjudul)
    aw, ah = area_gambar(kertas)
    x0, atas = TEPI, KERTAS[kertas][1] - TEPI - KEPALA
    if not tata.kotak:
        _kepala(c, tata, kertas, "Pohon kinerja kosong.")
        c.showPage()
        c.save()
        return HasilPdfPohon(1, 1.0, None)
    muat = min(aw / tata.lebar, ah / tata.tinggi, 1.0)
    if muat >= skala_min:
        _kepala(c, tata, kertas, None)
        dx = (aw - tata.lebar * muat) / 2
        _gambar(c, tata, _Peta(x0 + dx, atas, muat), None)
        c.showPage()
        c.save()
        return HasilPdfPohon(1, muat, None)

    s = max(SKALA_UBIN, skala_min)
    dw, dh = tata.lebar * s, tata.tinggi * s
    kolom = max(1, math.ceil((dw - TUMPANG) / (aw - TUMPANG)))
    baris = max(1, math.ceil((dh - TUMPANG) / (ah - TUMPANG)))
    langkah_x = (dw - aw) / (kolom - 1) if kolom > 1 else 0.0
    langkah_y = (dh - ah) / (baris - 1) if baris > 1 else 0.0

    def batas_bagian(r: int, k: int) -> tuple[float, float, float, float]:
        ox, oy = k * langkah_x, r * langkah_y
        return ox / s, oy / s, (ox + aw) / s, (oy + ah) / s

    def berisi(b: tuple[float, float, float, float]) -> bool:
        return any(
            x.x <= b[2] and x.x + x.w >= b[0] and x.y <= b[3] and x.y + x.h >= b[1]
            for x in tata.kotak
        )

    # parts that hold no box are not printed (a tall narrow column leaves many empty)
    bagian = [(r, k) for r in range(baris) for k in range(kolom) if berisi(batas_bagian(r, k))]
    nomor = {rk: i + 1 for i, rk in enumerate(bagian)}
    total = len(bagian)
    # overview page: the whole drawing with the grid of parts
    _kepala(
        c,
        tata,
        kertas,
        f"Ikhtisar: gambar dicetak dalam {total} bagian (kisi {baris} × {kolom}; "
        "bagian tanpa kotak tidak dicetak).",
    )
    kecil = min(aw / tata.lebar, ah / tata.tinggi)
    _gambar(c, tata, _Peta(x0, atas, kecil), None)
    _warna(c, "#c0392b", isi=False)
    _warna(c, "#c0392b")
    c.setLineWidth(1)
    for (r, k), n in nomor.items():
        bx, by, bx1, by1 = batas_bagian(r, k)
        c.rect(x0 + bx * kecil, atas - by1 * kecil, (bx1 - bx) * kecil, (by1 - by) * kecil)
        c.setFont(HURUF_TEBAL, 10)
        c.drawString(x0 + bx * kecil + 4, atas - by * kecil - 12, str(n))
    c.showPage()
    for r, k in bagian:
        ox, oy = k * langkah_x, r * langkah_y
        _kepala(
            c,
            tata,
            kertas,
            f"Bagian {nomor[(r, k)]} dari {total} (baris {r + 1}, kolom {k + 1} dari "
            f"{baris} × {kolom}); skala {round(s * 100)}%.",
        )
        _tanda_potong(
            c,
            kertas,
            langkah_x if k < kolom - 1 else None,
            langkah_y if r < baris - 1 else None,
        )
        c.saveState()
        _klip(c, x0, atas - ah, aw, ah)
        _gambar(c, tata, _Peta(x0 - ox, atas + oy, s), batas_bagian(r, k))
        c.restoreState()
        c.showPage()
    c.save()
    return HasilPdfPohon(total + 1, s, (baris, kolom))


def tulis_berkas_pohon(tata: TataLetakPohon, tujuan: Path, *, kertas: str = "A3") -> str:
    """Write the diagram as PDF or PNG by the file's suffix; returns a one-line summary.

    PNG goes through Qt (offscreen when there is no display), imported only here, so the
    core stays free of Qt for every other use.
    """
    from ..errors import InputTidakSah

    if not tujuan.parent.exists():
        raise InputTidakSah(f"Folder tujuan tidak ada: {tujuan.parent}", field="out")
    akhiran = tujuan.suffix.lower()
    if akhiran == ".pdf":
        h = tulis_pdf_pohon(tata, tujuan, kertas=kertas)
        bagian = f", dibagi {h.halaman - 1} bagian + ikhtisar" if h.ubin else ""
        return (
            f"Diagram pohon kinerja ditulis ke {tujuan}: {h.halaman} halaman {kertas} "
            f"landscape, skala {round(h.skala * 100)}%{bagian}."
        )
    if akhiran == ".png":
        from ..gui.diagram_pohon import tulis_png_pohon

        ukuran = tulis_png_pohon(tata, tujuan)
        return (
            f"Diagram pohon kinerja ditulis ke {tujuan}: "
            f"{ukuran.width()} × {ukuran.height()} piksel (150 dpi)."
        )
    raise InputTidakSah(
        f"Akhiran berkas {tujuan.name!r} tidak dikenal: pakai .pdf atau .png.", field="out"
    )
