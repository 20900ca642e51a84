"""Placing the boxes of the pohon kinerja diagram (pure Python, no database, no Qt).

Rows follow the tree's levels, top-down. Subtrees are packed side by side as tightly as
their row contours allow (Reingold–Tilford style: a parent is centred over its first and
last child, a subtree moves left until some row would come closer than the gap). A wide
tree does not fit a page that way (the Disnaker demo has 26 staff tasks under 23
kegiatan), so from a chosen row down the descendants of a node are stacked as an indented
list below it, split into columns of at most a chosen height — the usual compact
organisation-chart form. The row, the column height and the box width are chosen by
trying the candidates and keeping the layout that fits the target page (A3 landscape by
default) at the largest scale; a tree that fits without stacking is never stacked.

Boxes of a single-child chain widen up to their subtree's width so long statements take
fewer lines; the regency's context above level 0 (visi → misi → tujuan RPJMD) is one
ribbon across the top; roots outside the cascade (supporting programs) go to a free
corner. No two boxes overlap (tests check it for 500 nodes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from .diagram_pohon_kotak import (
    ABU,
    BATANG,
    CELAH_H,
    CELAH_ITEM,
    CELAH_KELOMPOK,
    CELAH_KOLOM,
    CELAH_PITA,
    CELAH_RANTAI,
    CELAH_V,
    INDENT,
    LEBAR_KOTAK,
    PILIHAN_LEBAR,
    Garis,
    Kotak,
    SimpulDiagram,
    SumberDiagram,
    TataLetakPohon,
    UkurKotak,
    area_gambar,
    campur_putih,
    legenda,
    semua_simpul,
    tumpang_tindih,
)

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


class _Penyusun:
    def __init__(self, ukur: UkurKotak, rencana: _Rencana, baris_maks: int) -> None:
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
    akar: Sequence[SimpulDiagram], ukur: UkurKotak, rencana: _Rencana, baris_maks: int, dasar: int
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
    tempat: list[_Tempat], ukur: UkurKotak
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


def _buat_kotak(t: _Tempat, ukur: UkurKotak, y: float) -> Kotak:
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
        warna_isi=campur_putih(b.warna, 0.86) if b else "#f7f9f9",
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


def _rencana_kandidat(akar: Sequence[SimpulDiagram], ukur: UkurKotak, dasar: int) -> list[_Rencana]:
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
    ukur: UkurKotak,
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


def _dengan_pita(pita: Sequence[SimpulDiagram], pohon: _Hasil, ukur: UkurKotak) -> _Hasil:
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
    leg = legenda(sumber.bands)
    if not sumber.akar:
        return TataLetakPohon(
            (), (), 0.0, 0.0, sumber.judul, sumber.subjudul, leg, kertas, 1.0, None
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

    def susun_dengan(ukur: UkurKotak, rencana: _Rencana, garis: bool) -> _Hasil:
        return _gabung(
            _dengan_pita(pita, _bagian(utama, ukur, rencana, dasar, baris_maks, garis), ukur),
            _bagian(lain, ukur, rencana, dasar, baris_maks, garis) if lain else None,
        )

    terbaik: tuple[float, UkurKotak, _Rencana] | None = None
    jumlah = sum(1 for a in susun for _ in semua_simpul(a))
    pilihan = PILIHAN_LEBAR if jumlah <= 200 else (LEBAR_KOTAK,)
    for ukur in (UkurKotak(lebar) for lebar in pilihan):
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
        legenda=leg,
        kertas=kertas,
        skala_muat=_skala(hasil.lebar, hasil.tinggi, kertas),
        baris_tumpuk=rencana.baris_tumpuk,
    )
