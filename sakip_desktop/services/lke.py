"""LKE self-evaluation: the worksheet as versioned data, scoring and the grade.

The worksheet (components, sub-components, criteria, weights, answer values and grade
boundaries) is read from ``resources/lke/<kunci>.yaml`` (format ``sakip-lke/1``), so the
PermenPANRB 88/2021 worksheet and the older 12/2015 scheme are two data files, and a pemda
can add its own version without code. An evaluation (model/evaluasi.py) names the version
it was answered against.

Scoring (DOMAIN.md, "Evaluation"): Y/T count 1/0 and A–E 1; 0,75; 0,5; 0,25; 0; a
sub-component scores the mean of its criteria times its weight (an unanswered criterion
counts 0 and is reported as unanswered); a component is the sum of its sub-components; the
grade comes from the version's boundaries (> 90 AA … ≤ 30 D: exactly 90 is A).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputTidakSah, KesalahanPengguna, TidakDitemukan
from ..sumber_daya import folder_sumber_daya

FORMAT_LKE = "sakip-lke/1"
VERSI_BAWAAN = "permenpanrb-88-2021"
JENIS_JAWABAN = {"YT": ("Y", "T"), "AE": ("A", "B", "C", "D", "E")}


def folder_lke() -> Path:
    return folder_sumber_daya() / "lke"


@dataclass(frozen=True)
class Kriteria:
    kode: str
    uraian: str
    jawaban: str
    """"YT" or "AE": which answers the criterion takes."""
    bukti_otomatis: str | None = None
    """A key of services/lke_bukti.py: evidence the program itself can check."""

    @property
    def pilihan(self) -> tuple[str, ...]:
        return JENIS_JAWABAN[self.jawaban]


@dataclass(frozen=True)
class Subkomponen:
    kode: str
    nama: str
    aspek: str
    bobot: Decimal
    kriteria: tuple[Kriteria, ...]


@dataclass(frozen=True)
class Komponen:
    kode: str
    nama: str
    bobot: Decimal
    subkomponen: tuple[Subkomponen, ...]


@dataclass(frozen=True)
class BatasPredikat:
    lebih_dari: Decimal | None
    """The score must be strictly above this (None: the lowest grade)."""
    predikat: str
    uraian: str


@dataclass(frozen=True)
class LembarLke:
    """One worksheet version."""

    kunci: str
    nama: str
    dasar: str
    nilai_jawaban: Mapping[str, Decimal]
    predikat: tuple[BatasPredikat, ...]
    komponen: tuple[Komponen, ...]

    def semua_kriteria(self) -> Iterator[tuple[Komponen, Subkomponen, Kriteria]]:
        for k in self.komponen:
            for s in k.subkomponen:
                for c in s.kriteria:
                    yield k, s, c

    def kriteria(self, kode: str) -> Kriteria:
        for _k, _s, c in self.semua_kriteria():
            if c.kode == kode:
                return c
        raise TidakDitemukan(f"Kriteria {kode!r} tidak ada di lembar {self.nama}.")

    def predikat_untuk(self, nilai: Decimal) -> BatasPredikat:
        """The grade of a total: the first boundary the score is strictly above."""
        for b in self.predikat:
            if b.lebih_dari is None or nilai > b.lebih_dari:
                return b
        return self.predikat[-1]


# --- reading a worksheet file ------------------------------------------------------------------


def _galat(berkas: Path, dimana: str, pesan: str) -> KesalahanPengguna:
    return KesalahanPengguna(f"Lembar LKE {berkas.name}, {dimana}: {pesan}")


def _peta(berkas: Path, dimana: str, isi: Any, wajib: set[str], boleh: set[str]) -> dict:
    if not isinstance(isi, dict):
        raise _galat(berkas, dimana, "harus berupa pemetaan (kunci: nilai)")
    asing = set(isi) - wajib - boleh
    if asing:
        raise _galat(berkas, dimana, f"kunci tidak dikenal: {', '.join(sorted(map(str, asing)))}")
    kurang = wajib - set(isi)
    if kurang:
        raise _galat(berkas, dimana, f"kunci wajib tidak ada: {', '.join(sorted(kurang))}")
    return isi


def _angka(berkas: Path, dimana: str, v: Any) -> Decimal:
    if isinstance(v, bool) or not isinstance(v, int | float | str):
        raise _galat(berkas, dimana, f"bukan angka: {v!r}")
    try:
        return Decimal(str(v))
    except ArithmeticError:
        raise _galat(berkas, dimana, f"bukan angka: {v!r}") from None


def baca_lembar(berkas: Path) -> LembarLke:
    """Read and check one worksheet file: weights add up, codes are unique, answers known."""
    try:
        data = yaml.safe_load(berkas.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KesalahanPengguna(f"Lembar LKE {berkas.name} tidak dapat dibaca: {exc}") from None
    atas = _peta(
        berkas,
        "tingkat atas",
        data,
        {"format", "kunci", "nama", "nilai_jawaban", "predikat", "komponen"},
        {"dasar", "catatan"},
    )
    if atas["format"] != FORMAT_LKE:
        raise _galat(berkas, "format", f"harus {FORMAT_LKE}, bukan {atas['format']!r}")
    nilai = {
        str(k): _angka(berkas, f"nilai_jawaban.{k}", v) for k, v in atas["nilai_jawaban"].items()
    }
    for jenis, pilihan in JENIS_JAWABAN.items():
        for p in pilihan:
            if p not in nilai:
                raise _galat(berkas, "nilai_jawaban", f"nilai jawaban {p} ({jenis}) tidak ada")
    batas = []
    for i, b in enumerate(atas["predikat"]):
        b = _peta(berkas, f"predikat[{i}]", b, {"lebih_dari", "predikat", "uraian"}, set())
        ld = b["lebih_dari"]
        batas.append(
            BatasPredikat(
                None if ld is None else _angka(berkas, f"predikat[{i}]", ld),
                str(b["predikat"]),
                str(b["uraian"]),
            )
        )
    if not batas or batas[-1].lebih_dari is not None:
        raise _galat(berkas, "predikat", "predikat terakhir harus lebih_dari: null")
    kode_dipakai: set[str] = set()
    komponen = []
    for i, k in enumerate(atas["komponen"]):
        k = _peta(berkas, f"komponen[{i}]", k, {"kode", "nama", "bobot", "subkomponen"}, set())
        subs = []
        for j, s in enumerate(k["subkomponen"]):
            dimana = f"subkomponen {s.get('kode', j) if isinstance(s, dict) else j}"
            s = _peta(
                berkas, dimana, s, {"kode", "nama", "bobot", "jawaban", "kriteria"}, {"aspek"}
            )
            if s["jawaban"] not in JENIS_JAWABAN:
                raise _galat(berkas, dimana, f"jawaban harus YT atau AE, bukan {s['jawaban']!r}")
            kriteria = []
            for c in s["kriteria"]:
                c = _peta(berkas, dimana, c, {"kode", "uraian"}, {"bukti_otomatis", "jawaban"})
                kode = str(c["kode"])
                if kode in kode_dipakai:
                    raise _galat(berkas, dimana, f"kode kriteria {kode} dipakai dua kali")
                kode_dipakai.add(kode)
                kriteria.append(
                    Kriteria(
                        kode,
                        str(c["uraian"]),
                        c.get("jawaban", s["jawaban"]),
                        c.get("bukti_otomatis"),
                    )
                )
            if not kriteria:
                raise _galat(berkas, dimana, "tidak memiliki kriteria")
            subs.append(
                Subkomponen(
                    str(s["kode"]),
                    " ".join(str(s["nama"]).split()),
                    str(s.get("aspek", "")),
                    _angka(berkas, dimana, s["bobot"]),
                    tuple(kriteria),
                )
            )
        bobot = _angka(berkas, f"komponen {k['kode']}", k["bobot"])
        jumlah = sum((s.bobot for s in subs), Decimal(0))
        if jumlah != bobot:
            raise _galat(
                berkas,
                f"komponen {k['kode']}",
                f"bobot subkomponen berjumlah {jumlah}, bukan {bobot}",
            )
        komponen.append(Komponen(str(k["kode"]), str(k["nama"]), bobot, tuple(subs)))
    total = sum((k.bobot for k in komponen), Decimal(0))
    if total != 100:
        raise _galat(berkas, "komponen", f"bobot komponen berjumlah {total}, bukan 100")
    return LembarLke(
        kunci=str(atas["kunci"]),
        nama=str(atas["nama"]),
        dasar=str(atas.get("dasar", "")),
        nilai_jawaban=nilai,
        predikat=tuple(batas),
        komponen=tuple(komponen),
    )


@cache
def _lembar_berkas(path: str, _mtime: float) -> LembarLke:
    return baca_lembar(Path(path))


def daftar_lembar(folder_tambahan: Iterable[Path] = ()) -> list[LembarLke]:
    """Every worksheet version: the shipped ones and any in extra folders (a pemda's own)."""
    hasil: dict[str, LembarLke] = {}
    for folder in (folder_lke(), *folder_tambahan):
        if not folder.is_dir():
            continue
        for berkas in sorted(folder.glob("*.yaml")):
            lembar = _lembar_berkas(str(berkas), berkas.stat().st_mtime)
            hasil[lembar.kunci] = lembar
    return sorted(hasil.values(), key=lambda x: (x.kunci != VERSI_BAWAAN, x.kunci))


def lembar(kunci: str = VERSI_BAWAAN, folder_tambahan: Iterable[Path] = ()) -> LembarLke:
    for x in daftar_lembar(folder_tambahan):
        if x.kunci == kunci:
            return x
    ada = ", ".join(x.kunci for x in daftar_lembar(folder_tambahan))
    raise TidakDitemukan(f"Versi LKE {kunci!r} tidak dikenal. Versi yang ada: {ada}.")


# --- scoring -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SkorSubkomponen:
    kode: str
    nama: str
    bobot: Decimal
    nilai: Decimal
    terjawab: int
    jumlah_kriteria: int


@dataclass(frozen=True)
class SkorKomponen:
    kode: str
    nama: str
    bobot: Decimal
    nilai: Decimal
    sub: tuple[SkorSubkomponen, ...]

    @property
    def persen(self) -> Decimal:
        """The component's score as a share of its weight (for charts)."""
        return self.nilai / self.bobot * 100 if self.bobot else Decimal(0)


@dataclass(frozen=True)
class SkorLke:
    versi: str
    komponen: tuple[SkorKomponen, ...]
    total: Decimal
    predikat: str
    uraian_predikat: str
    terjawab: int
    jumlah_kriteria: int

    def ke_dict(self) -> dict[str, Any]:
        from ..angka import format_angka

        def f(x: Decimal) -> str:
            return format_angka(x, 2)

        return {
            "versi": self.versi,
            "total": f(self.total),
            "predikat": self.predikat,
            "uraian_predikat": self.uraian_predikat,
            "terjawab": self.terjawab,
            "jumlah_kriteria": self.jumlah_kriteria,
            "komponen": [
                {
                    "kode": k.kode,
                    "nama": k.nama,
                    "bobot": f(k.bobot),
                    "nilai": f(k.nilai),
                    "subkomponen": [
                        {
                            "kode": s.kode,
                            "nama": s.nama,
                            "bobot": f(s.bobot),
                            "nilai": f(s.nilai),
                            "terjawab": s.terjawab,
                            "jumlah_kriteria": s.jumlah_kriteria,
                        }
                        for s in k.sub
                    ],
                }
                for k in self.komponen
            ],
        }


def nilai_jawaban(lembar_: LembarLke, kriteria: Kriteria, jawaban: str | None) -> Decimal | None:
    """The value of one answer (None when unanswered); refuses an answer of the wrong kind."""
    if jawaban is None or not str(jawaban).strip():
        return None
    j = str(jawaban).strip().upper()
    if j not in kriteria.pilihan:
        raise InputTidakSah(
            f"Kriteria {kriteria.kode} dijawab {'/'.join(kriteria.pilihan)}, bukan {jawaban!r}.",
            field="jawaban",
        )
    return lembar_.nilai_jawaban[j]


def hitung_skor(lembar_: LembarLke, jawaban: Mapping[str, str | None]) -> SkorLke:
    """Score a set of answers (criterion code → Y/T/A–E) against a worksheet version."""
    asing = set(jawaban) - {c.kode for _k, _s, c in lembar_.semua_kriteria()}
    if asing:
        raise InputTidakSah(
            f"Kriteria tidak ada di {lembar_.nama}: {', '.join(sorted(asing))}.", field="kriteria"
        )
    komponen = []
    terjawab_total = 0
    jumlah_total = 0
    for k in lembar_.komponen:
        subs = []
        for s in k.subkomponen:
            nilai = [nilai_jawaban(lembar_, c, jawaban.get(c.kode)) for c in s.kriteria]
            terjawab = sum(1 for v in nilai if v is not None)
            jumlah = sum((v for v in nilai if v is not None), Decimal(0))
            # weight × sum / n rather than weight × (sum / n): exact where the ratio is
            subs.append(
                SkorSubkomponen(
                    s.kode, s.nama, s.bobot, jumlah * s.bobot / len(nilai), terjawab, len(nilai)
                )
            )
            terjawab_total += terjawab
            jumlah_total += len(nilai)
        komponen.append(
            SkorKomponen(
                k.kode, k.nama, k.bobot, sum((x.nilai for x in subs), Decimal(0)), tuple(subs)
            )
        )
    total = sum((k.nilai for k in komponen), Decimal(0))
    # Rounded to the two decimals the LKE prints before grading, so 89,999… is not "AA".
    total = total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    p = lembar_.predikat_untuk(total)
    return SkorLke(
        lembar_.kunci, tuple(komponen), total, p.predikat, p.uraian, terjawab_total, jumlah_total
    )


@dataclass(frozen=True)
class BandingKomponen:
    """A component this year beside last year (None when last year has no evaluation)."""

    kode: str
    nama: str
    nilai: Decimal
    nilai_lalu: Decimal | None

    @property
    def selisih(self) -> Decimal | None:
        return None if self.nilai_lalu is None else self.nilai - self.nilai_lalu


def banding(kini: SkorLke, lalu: SkorLke | None) -> list[BandingKomponen]:
    """Components side by side by code (a different version compares what shares a code)."""
    dulu = {k.kode: k.nilai for k in lalu.komponen} if lalu else {}
    return [BandingKomponen(k.kode, k.nama, k.nilai, dulu.get(k.kode)) for k in kini.komponen]
