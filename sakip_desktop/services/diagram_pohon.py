"""The pohon kinerja as a picture: a box per node, laid out top-down, in points.

Two steps. `kumpulkan_diagram` reads the tree of a year from the database (statement,
indicators with the year's target, owner, the latest capaian and its band) into plain
`SimpulDiagram` nodes. `susun_tata_letak` (diagram_pohon_susun.py) is pure: it places the
boxes and draws the edges, and returns a `TataLetakPohon` that the PDF renderer
(reports/pohon_pdf.py) and the Qt view (gui/diagram_pohon.py) draw as is — so screen,
print and file agree. This module is the public face: callers import from here.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..angka import format_angka, format_persen, format_rentang
from ..domain import JenisNode
from ..errors import TidakDitemukan
from ..kalkulasi import NilaiTarget, band_untuk
from ..model import Opd, TautanCascading
from ..storage import Database
from .capaian import BarisCapaian, tabel_capaian
from .diagram_pohon_kotak import (
    KAKI,
    KEPALA,
    KERTAS,
    PAD,
    SKALA_TERBACA,
    TEPI,
    TINGGI_PITA,
    BarisTeks,
    Garis,
    IndikatorKotak,
    Kotak,
    SimpulDiagram,
    SumberDiagram,
    TataLetakPohon,
    area_gambar,
    bungkus,
    lebar_teks,
    semua_simpul,
    tumpang_tindih,
)
from .diagram_pohon_susun import susun_tata_letak
from .konteks import pilih_opd, renstra_untuk
from .pengaturan import band_capaian
from .pohon import SimpulPohon, muat_pohon, telusuri

__all__ = [
    "KAKI",
    "KEPALA",
    "KERTAS",
    "PAD",
    "SKALA_TERBACA",
    "TEPI",
    "TINGGI_PITA",
    "BarisTeks",
    "Garis",
    "IndikatorKotak",
    "Kotak",
    "LayananDiagramPohon",
    "SimpulDiagram",
    "SumberDiagram",
    "TataLetakPohon",
    "area_gambar",
    "bungkus",
    "cari_simpul",
    "kumpulkan_diagram",
    "lebar_teks",
    "pohon_dari",
    "singkat_jabatan",
    "susun_tata_letak",
    "teks_target",
    "tumpang_tindih",
]

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
    ids = {uuid.UUID(x.id) for a in akar for x in semua_simpul(a)}
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
