"""Which column of a T-C.27 sheet holds what: finding the header, recognising the
standard column titles, and the column mapping a user sets for a layout that differs.

A mapping is remembered per file *shape* (the header texts of every column, in order):
the next file of the same shape is read with it without asking. Mappings are stored as
settings in the database (table ``pengaturan``, global, key ``pemetaan_tc27:<bentuk>``),
so every PC on a shared database knows them.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from openpyxl.utils import column_index_from_string
from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import InputTidakSah
from ...model import Pengaturan
from .lembar import Lembar, huruf_kolom
from .rencana import kunci_teks, rapikan

AWALAN_KUNCI = "pemetaan_tc27:"
BARIS_CARI_KEPALA = 25


class PeranKolom(StrEnum):
    """What a column holds."""

    TUJUAN = "tujuan"
    SASARAN = "sasaran"
    KODE = "kode"
    URAIAN = "uraian"
    INDIKATOR = "indikator"
    SATUAN = "satuan"
    BASELINE = "baseline"
    TARGET = "target"
    PAGU = "pagu"
    KONDISI_TARGET = "kondisi_target"
    KONDISI_PAGU = "kondisi_pagu"
    UNIT = "unit"
    LOKASI = "lokasi"
    ABAIKAN = "abaikan"

    @property
    def label(self) -> str:
        return _LABEL[self]

    @property
    def bertahun(self) -> bool:
        return self in (PeranKolom.TARGET, PeranKolom.PAGU)


_LABEL = {
    PeranKolom.TUJUAN: "Tujuan",
    PeranKolom.SASARAN: "Sasaran",
    PeranKolom.KODE: "Kode",
    PeranKolom.URAIAN: "Program dan Kegiatan",
    PeranKolom.INDIKATOR: "Indikator Kinerja",
    PeranKolom.SATUAN: "Satuan",
    PeranKolom.BASELINE: "Data Capaian pada Tahun Awal Perencanaan",
    PeranKolom.TARGET: "Target (per tahun)",
    PeranKolom.PAGU: "Rp / pagu (per tahun)",
    PeranKolom.KONDISI_TARGET: "Kondisi Akhir — Target",
    PeranKolom.KONDISI_PAGU: "Kondisi Akhir — Rp",
    PeranKolom.UNIT: "Perangkat Daerah Penanggung Jawab",
    PeranKolom.LOKASI: "Lokasi",
    PeranKolom.ABAIKAN: "(abaikan)",
}
WAJIB = (PeranKolom.KODE, PeranKolom.URAIAN, PeranKolom.INDIKATOR)


@dataclass
class KolomPeta:
    """The role of one column; ``tahun`` for a yearly target or pagu column, ``urutan_tahun``
    when the header only says "Tahun-n" (resolved against the period)."""

    peran: PeranKolom | None
    tahun: int | None = None
    urutan_tahun: int | None = None


@dataclass
class PemetaanKolom:
    """How to read one sheet: header rows, first data row, and each column's role.

    ``sumber`` says where the roles came from: "otomatis" (recognised standard titles),
    "tersimpan" (a saved mapping of this shape) or "pengguna" (set in this session).
    """

    lembar: str
    baris_kepala: tuple[int, int]
    baris_data: int
    label: dict[int, str]
    kolom: dict[int, KolomPeta]
    bentuk: str
    sumber: str = "otomatis"
    tahun_judul: tuple[int, int] | None = None
    pemda_judul: str | None = None
    contoh: dict[int, list[str]] = field(default_factory=dict)
    """The first few values of each column, for the mapping dialog."""
    dikenali: dict[int, KolomPeta] = field(default_factory=dict)

    # --- the mapping step ------------------------------------------------------------------
    def atur(self, kolom: str | int, peran: PeranKolom | str, tahun: int | None = None) -> None:
        """Say which column is which (``kolom`` as letter "F" or 1-based number)."""
        c = _indeks(kolom)
        p = PeranKolom(peran)
        if p.bertahun and tahun is None:
            raise InputTidakSah(f"Kolom {huruf_kolom(c)}: {p.label} perlu tahunnya.", field="tahun")
        if p is PeranKolom.BASELINE and tahun is None:
            dikenal = self.dikenali.get(c)
            tahun = dikenal.tahun if dikenal is not None else None
        self.kolom[c] = KolomPeta(p, tahun if p.bertahun or p is PeranKolom.BASELINE else None)
        self.sumber = "pengguna"

    def kolom_peran(self, peran: PeranKolom) -> list[int]:
        return sorted(c for c, k in self.kolom.items() if k.peran is peran)

    def tahun_kolom(self, c: int) -> int | None:
        k = self.kolom.get(c)
        return k.tahun if k else None

    def kurang(self) -> list[str]:
        """What still has to be mapped before the sheet can be read."""
        pesan = []
        for p in WAJIB:
            if not self.kolom_peran(p):
                pesan.append(f"kolom {p.label} belum ditentukan")
        if not self.kolom_peran(PeranKolom.TARGET):
            pesan.append("belum ada kolom target tahunan")
        dilihat: dict[tuple[PeranKolom, int], int] = {}
        for c, k in sorted(self.kolom.items()):
            if k.peran is not None and k.peran.bertahun and k.tahun is not None:
                lain = dilihat.setdefault((k.peran, k.tahun), c)
                if lain != c:
                    pesan.append(
                        f"kolom {huruf_kolom(lain)} dan {huruf_kolom(c)} sama-sama "
                        f"{k.peran.label.lower()} tahun {k.tahun}"
                    )
            if k.peran is not None and k.peran.bertahun and k.tahun is None:
                pesan.append(
                    f"tahun kolom {huruf_kolom(c)} ({self.label.get(c, '')}) belum diketahui"
                )
        return pesan

    @property
    def lengkap(self) -> bool:
        return not self.kurang()

    @property
    def tahun(self) -> list[int]:
        return sorted(
            {
                k.tahun
                for k in self.kolom.values()
                if k.peran is not None and k.peran.bertahun and k.tahun
            }
        )

    def tentukan_tahun(self, tahun_awal: int) -> None:
        """Resolve "Tahun-n" headers: Tahun-1 is the first year of the period."""
        for k in self.kolom.values():
            if k.tahun is None and k.urutan_tahun is not None:
                k.tahun = tahun_awal + k.urutan_tahun - 1

    # --- storage ---------------------------------------------------------------------------
    def ke_json(self) -> dict[str, Any]:
        return {
            "versi": 1,
            "baris_kepala": list(self.baris_kepala),
            "baris_data": self.baris_data,
            "kolom": {
                huruf_kolom(c): {"peran": k.peran.value, **({"tahun": k.tahun} if k.tahun else {})}
                for c, k in sorted(self.kolom.items())
                if k.peran is not None
            },
        }

    def pakai_json(self, data: dict[str, Any]) -> None:
        """Take the roles of a saved mapping (the header position of this file is kept)."""
        self.kolom = {
            column_index_from_string(h): KolomPeta(PeranKolom(v["peran"]), v.get("tahun"))
            for h, v in data["kolom"].items()
        }
        self.baris_data = int(data.get("baris_data", self.baris_data))
        self.sumber = "tersimpan"


def _indeks(kolom: str | int) -> int:
    if isinstance(kolom, int):
        return kolom
    try:
        return column_index_from_string(kolom.strip().upper())
    except ValueError:
        raise InputTidakSah(f"{kolom!r} bukan huruf kolom (A, B, …, AA).", field="kolom") from None


# --- recognising the standard titles -----------------------------------------------------------

_TAHUN = re.compile(r"\b((?:19|20)\d\d)\b")
_TAHUN_KE = re.compile(r"tahun\s*(?:ke)?\s*[-–]?\s*(\d{1,2})\b(?!\d)")
_UANG = re.compile(r"\brp\b|pagu|pendanaan|\bdana\b|anggaran")
_PERIODE = re.compile(r"((?:19|20)\d\d)\s*(?:[-–—/]|s\.?\s*d\.?|sampai)\s*((?:19|20)\d\d)")


def kenali(label: str) -> KolomPeta:
    """The role of a column from its joined header texts ("… | Tahun-1 (2017) | Rp")."""
    t = kunci_teks(label)
    if not t:
        return KolomPeta(None)
    akhir = kunci_teks(label.split("|")[-1])
    tahun_m = _TAHUN.search(t)
    tahun = int(tahun_m[1]) if tahun_m else None
    ke_m = _TAHUN_KE.search(t)
    ke = int(ke_m[1]) if ke_m and not tahun_m else None
    if "indikator" in t:
        return KolomPeta(PeranKolom.INDIKATOR)
    if "kondisi" in t and "akhir" in t:
        return KolomPeta(
            PeranKolom.KONDISI_PAGU if _UANG.search(akhir) else PeranKolom.KONDISI_TARGET
        )
    if ("capaian" in t and "awal" in t) or "kondisi awal" in t or "baseline" in t:
        return KolomPeta(PeranKolom.BASELINE, tahun)
    if tahun is not None or ke is not None:
        if _UANG.search(akhir) or (akhir == t and _UANG.search(t)):
            return KolomPeta(PeranKolom.PAGU, tahun, ke)
        return KolomPeta(PeranKolom.TARGET, tahun, ke)
    if t.startswith("kode") or t == "kode rekening":
        return KolomPeta(PeranKolom.KODE)
    if "satuan" in t:
        return KolomPeta(PeranKolom.SATUAN)
    if "lokasi" in t:
        return KolomPeta(PeranKolom.LOKASI)
    if "penanggung" in t or "unit kerja" in t or "perangkat daerah" in t:
        return KolomPeta(PeranKolom.UNIT)
    if "program" in t or "kegiatan" in t:
        return KolomPeta(PeranKolom.URAIAN)
    if t.startswith("sasaran"):
        return KolomPeta(PeranKolom.SASARAN)
    if t.startswith("tujuan"):
        return KolomPeta(PeranKolom.TUJUAN)
    if t in ("no", "no.", "nomor", "no urut"):
        return KolomPeta(PeranKolom.ABAIKAN)
    return KolomPeta(None)


def _teks(lembar: Lembar, r: int, c: int, kepala: bool = True) -> str:
    sel = lembar.sel_kepala(r, c) if kepala else lembar.sel(r, c)
    return rapikan(sel.nilai) if not sel.kosong else ""


def _baris_kepala_awal(lembar: Lembar) -> int | None:
    """The first header row: the first row where three or more titles are recognised."""
    for r in range(1, min(len(lembar.baris), BARIS_CARI_KEPALA) + 1):
        dikenal = {
            kenali(_teks(lembar, r, c, kepala=False)).peran
            for c in range(1, lembar.jumlah_kolom + 1)
        }
        dikenal.discard(None)
        if len(dikenal) >= 3 and PeranKolom.INDIKATOR in dikenal:
            return r
    return None


_SUB_KEPALA = re.compile(r"\b(target|rp|tahun|pagu|kinerja|dana|anggaran|satuan|k|(19|20)\d\d)\b")
_NOMOR_KOLOM = re.compile(r"\(?\d{1,2}\)?")


def _baris_nomor(lembar: Lembar, r: int) -> bool:
    """The "(1) (2) (3) …" row many templates put under the header."""
    isi = [_teks(lembar, r, c, kepala=False) for c in range(1, lembar.jumlah_kolom + 1)]
    isi = [t for t in isi if t]
    return len(isi) >= 3 and all(_NOMOR_KOLOM.fullmatch(t) for t in isi)


def _akhir_kepala(lembar: Lembar, awal: int) -> int:
    akhir = awal
    for g in lembar.gabungan:
        if g.baris1 == awal:
            akhir = max(akhir, g.baris2)
    while akhir + 1 <= len(lembar.baris) and akhir - awal < 3:
        r = akhir + 1
        isi = [_teks(lembar, r, c, kepala=False) for c in range(1, lembar.jumlah_kolom + 1)]
        isi = [t for t in isi if t]
        if isi and all(_SUB_KEPALA.search(t.casefold()) and len(t) < 40 for t in isi):
            akhir = r
        else:
            break
    return akhir


def _label_kolom(lembar: Lembar, r1: int, r2: int, c: int) -> str:
    bagian: list[str] = []
    for r in range(r1, r2 + 1):
        t = _teks(lembar, r, c)
        if t and (not bagian or bagian[-1] != t):
            bagian.append(t)
    return " | ".join(bagian)


def periode_judul(lembar: Lembar, sampai_baris: int) -> tuple[int, int] | None:
    """A period in the title rows above the header ("RENSTRA … TAHUN 2021-2026")."""
    for r in range(1, sampai_baris):
        for c in range(1, lembar.jumlah_kolom + 1):
            m = _PERIODE.search(_teks(lembar, r, c, kepala=False))
            if m and int(m[1]) < int(m[2]):
                return int(m[1]), int(m[2])
    return None


_PEMDA = re.compile(
    r"\b(kabupaten|kota)\s+([a-z][a-z .'-]*?)\s*(?=\btahun\b|\d|$|,)", re.IGNORECASE
)


def pemda_judul(lembar: Lembar, sampai_baris: int) -> str | None:
    """The regency named in the title rows ("… KABUPATEN LAMONGAN TAHUN …")."""
    for r in range(1, sampai_baris):
        for c in range(1, lembar.jumlah_kolom + 1):
            m = _PEMDA.search(_teks(lembar, r, c, kepala=False))
            if m and m[2].strip():
                return f"{m[1].title()} {m[2].strip().title()}"
    return None


def bentuk_dari_label(label: dict[int, str], tinggi: int) -> str:
    """The shape of a file: its header texts per column, hashed (16 hex digits)."""
    isi = [kunci_teks(label.get(c, "")) for c in range(1, max(label, default=0) + 1)]
    while isi and not isi[-1]:
        isi.pop()
    data = json.dumps({"tinggi": tinggi, "kolom": isi}, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def deteksi_pemetaan(lembar: Lembar) -> PemetaanKolom | None:
    """Find the header of a sheet and recognise its columns; None if it has no header."""
    awal = _baris_kepala_awal(lembar)
    if awal is None:
        return None
    akhir = _akhir_kepala(lembar, awal)
    data = akhir + 1
    if data <= len(lembar.baris) and _baris_nomor(lembar, data):
        data += 1
    label = {}
    for c in range(1, lembar.jumlah_kolom + 1):
        t = _label_kolom(lembar, awal, akhir, c)
        if t:
            label[c] = t
    kolom = {c: kenali(t) for c, t in label.items()}
    judul = periode_judul(lembar, awal)
    contoh: dict[int, list[str]] = {}
    for r in range(data, len(lembar.baris) + 1):
        for c in label:
            teks = _teks(lembar, r, c, kepala=False)
            if teks and len(contoh.setdefault(c, [])) < 3:
                contoh[c].append(teks[:60])
    pemetaan = PemetaanKolom(
        lembar=lembar.nama,
        baris_kepala=(awal, akhir),
        baris_data=data,
        label=label,
        kolom={c: KolomPeta(k.peran, k.tahun, k.urutan_tahun) for c, k in kolom.items()},
        bentuk=bentuk_dari_label(label, akhir - awal + 1),
        tahun_judul=judul,
        pemda_judul=pemda_judul(lembar, awal),
        contoh=contoh,
        dikenali=kolom,
    )
    if judul is not None:
        pemetaan.tentukan_tahun(judul[0])
    return pemetaan


# --- remembering mappings ----------------------------------------------------------------------


def cari_pemetaan(sesi: Session, bentuk: str) -> dict[str, Any] | None:
    """The saved mapping of a file shape, if any."""
    baris = sesi.scalar(
        select(Pengaturan).where(
            Pengaturan.opd_id.is_(None), Pengaturan.kunci == AWALAN_KUNCI + bentuk
        )
    )
    return json.loads(baris.nilai) if baris is not None else None


def tulis_pemetaan(sesi: Session, pemetaan: PemetaanKolom) -> None:
    """Store (or replace) the mapping for its shape, inside the caller's transaction."""
    kunci = AWALAN_KUNCI + pemetaan.bentuk
    nilai = json.dumps(pemetaan.ke_json(), ensure_ascii=False, sort_keys=True)
    baris = sesi.scalar(
        select(Pengaturan).where(Pengaturan.opd_id.is_(None), Pengaturan.kunci == kunci)
    )
    if baris is None:
        sesi.add(Pengaturan(opd_id=None, kunci=kunci, nilai=nilai))
    elif baris.nilai != nilai:
        baris.nilai = nilai
