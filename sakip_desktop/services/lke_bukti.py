"""Evidence the program itself holds for LKE criteria, and the answer it suggests.

A worksheet criterion may name a ``bukti_otomatis`` key (resources/lke/*.yaml). Each key is
checked here against the database: a Renstra exists, IKU are defined, PKs are signed,
quarterly measurement was done, the LKjIP is drafted… Each check gives a share from 0 to 1,
a sentence saying what was found, and links to the records, so the evaluator sees why an
answer is suggested and can open the evidence. Suggestions are never saved on their own.

Links: ``renstra:<id>``, ``pk:<id>``, ``node:<id>``, ``tabel:<nama>:<tahun>`` (an exportable
table, services/tabel), ``lkjip:<tahun>``, ``lke:<tahun>``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain import Eselon, JenisNode, StatusPK, StatusRealisasi
from ..errors import TidakDitemukan
from ..model import (
    Anggaran,
    EvaluasiLke,
    Jabatan,
    JawabanLke,
    NodeKinerja,
    Opd,
    PerjanjianKinerja,
    Realisasi,
    RencanaAksi,
    Renstra,
    TahunKinerja,
    Target,
    TindakLanjut,
)
from .konteks import renstra_untuk
from .lke import Kriteria
from .lkjip_narasi import jumlah_terisi


@dataclass(frozen=True)
class BuktiProgram:
    """What the program found for one evidence key."""

    kunci: str
    rasio: Decimal
    """0 (nothing) … 1 (complete)."""
    uraian: str
    tautan: tuple[str, ...] = ()


@dataclass(frozen=True)
class SaranJawaban:
    kriteria: str
    jawaban: str
    bukti: BuktiProgram


def jawaban_dari_rasio(kriteria: Kriteria, rasio: Decimal) -> str:
    """Y only for complete evidence; A–E by the share found (1 · ≥ ¾ · ≥ ½ · > 0 · 0)."""
    if kriteria.jawaban == "YT":
        return "Y" if rasio >= 1 else "T"
    if rasio >= 1:
        return "A"
    if rasio >= Decimal("0.75"):
        return "B"
    if rasio >= Decimal("0.5"):
        return "C"
    return "D" if rasio > 0 else "E"


def _rasio(bagian: int, semua: int) -> Decimal:
    return Decimal(bagian) / Decimal(semua) if semua else Decimal(0)


@dataclass
class _Konteks:
    sesi: Session
    opd: Opd
    tahun: int
    renstra: Renstra | None
    nodes: list[NodeKinerja]

    @property
    def indikator_ids(self) -> list[uuid.UUID]:
        return [i.id for n in self.nodes for i in n.indikator]

    @property
    def iku(self) -> list:
        return [i for n in self.nodes for i in n.indikator if i.iku]


def _renstra_ada(k: _Konteks) -> BuktiProgram:
    if k.renstra is None:
        return BuktiProgram(
            "renstra_ada", Decimal(0), f"Tidak ada Renstra yang mencakup {k.tahun}."
        )
    r = k.renstra
    return BuktiProgram(
        "renstra_ada",
        Decimal(1),
        f"{r.nama or 'Renstra'} ({r.label}) tercatat dengan {len(k.nodes)} node pohon kinerja.",
        (f"renstra:{r.id}", "tabel:renstra:" + str(k.tahun)),
    )


def _hitung_target(k: _Konteks, dokumen: str) -> int:
    return (
        k.sesi.scalar(
            select(func.count())
            .select_from(Target)
            .where(
                Target.tahun == k.tahun,
                Target.dokumen == dokumen,
                Target.indikator_id.in_(k.indikator_ids),
            )
        )
        or 0
    )


def _renja_ada(k: _Konteks) -> BuktiProgram:
    n = _hitung_target(k, "renja")
    return BuktiProgram(
        "renja_ada",
        Decimal(1 if n else 0),
        f"{n} target Renja tahun {k.tahun} tercatat."
        if n
        else f"Belum ada target Renja {k.tahun}.",
        (f"tabel:renja:{k.tahun}",) if n else (),
    )


def _anggaran_ada(k: _Konteks) -> BuktiProgram:
    n = (
        k.sesi.scalar(
            select(func.count())
            .select_from(Anggaran)
            .where(Anggaran.tahun == k.tahun, Anggaran.node_id.in_([x.id for x in k.nodes]))
        )
        or 0
    )
    return BuktiProgram(
        "anggaran_ada",
        Decimal(1 if n else 0),
        f"Pagu {n} program/kegiatan tahun {k.tahun} tercatat dan dialokasikan ke sasaran."
        if n
        else f"Belum ada pagu anggaran {k.tahun}.",
        (f"tabel:alokasi-anggaran:{k.tahun}",) if n else (),
    )


def _sasaran(k: _Konteks) -> list[NodeKinerja]:
    return [n for n in k.nodes if n.jenis is JenisNode.SASARAN]


def _rencana_aksi_ada(k: _Konteks) -> BuktiProgram:
    sasaran = _sasaran(k)
    ada = set(
        k.sesi.scalars(
            select(RencanaAksi.node_id).where(
                RencanaAksi.tahun == k.tahun, RencanaAksi.node_id.in_([s.id for s in sasaran])
            )
        )
    )
    return BuktiProgram(
        "rencana_aksi_ada",
        _rasio(len(ada), len(sasaran)),
        f"Rencana aksi {k.tahun} ada untuk {len(ada)} dari {len(sasaran)} sasaran.",
        (f"tabel:rencana-aksi:{k.tahun}", *(f"node:{i}" for i in ada)),
    )


def _iku_ditetapkan(k: _Konteks) -> BuktiProgram:
    sasaran = _sasaran(k)
    ber_iku = [s for s in sasaran if any(i.iku for i in s.indikator)]
    return BuktiProgram(
        "iku_ditetapkan",
        _rasio(len(ber_iku), len(sasaran)),
        f"{len(k.iku)} IKU untuk {len(ber_iku)} dari {len(sasaran)} sasaran, dengan formulasi.",
        (f"tabel:iku:{k.tahun}",),
    )


def _pohon_berjenjang(k: _Konteks) -> BuktiProgram:
    tingkat = (JenisNode.TUJUAN, JenisNode.SASARAN, JenisNode.PROGRAM, JenisNode.KEGIATAN)
    ada = [t for t in tingkat if any(n.jenis is t for n in k.nodes)]
    return BuktiProgram(
        "pohon_berjenjang",
        _rasio(len(ada), len(tingkat)),
        "Pohon kinerja berjenjang: " + ", ".join(t.label.lower() for t in ada) + ".",
        ("pohon",),
    )


def _pk_ditandatangani(k: _Konteks) -> BuktiProgram:
    jabatan = k.sesi.scalars(
        select(Jabatan).where(
            Jabatan.opd_id == k.opd.id, Jabatan.eselon.in_([Eselon.II, Eselon.III, Eselon.IV])
        )
    ).all()
    ttd = k.sesi.scalars(
        select(PerjanjianKinerja).where(
            PerjanjianKinerja.tahun == k.tahun,
            PerjanjianKinerja.status == StatusPK.DITANDATANGANI,
            PerjanjianKinerja.jabatan_id.in_([j.id for j in jabatan]),
        )
    ).all()
    sudah = {p.jabatan_id for p in ttd}
    return BuktiProgram(
        "pk_ditandatangani",
        _rasio(len(sudah), len(jabatan)),
        f"PK {k.tahun} ditandatangani untuk {len(sudah)} dari {len(jabatan)} jabatan struktural.",
        tuple(f"pk:{p.id}" for p in ttd),
    )


def _triwulan_dinilai(k: _Konteks) -> int:
    ditutup = k.sesi.scalar(
        select(TahunKinerja.triwulan_ditutup).where(
            TahunKinerja.opd_id == k.opd.id, TahunKinerja.tahun == k.tahun
        )
    )
    if ditutup:
        return int(ditutup)
    terakhir = k.sesi.scalar(
        select(func.max(Realisasi.triwulan)).where(
            Realisasi.tahun == k.tahun, Realisasi.indikator_id.in_(k.indikator_ids)
        )
    )
    return int(terakhir or 1)


_ROMAWI = {1: "triwulan I", 2: "triwulan I–II", 3: "triwulan I–III", 4: "triwulan I–IV"}


def _pengukuran_triwulan(k: _Konteks) -> BuktiProgram:
    iku = k.iku
    tw = _triwulan_dinilai(k)
    terisi = set(
        k.sesi.execute(
            select(Realisasi.indikator_id, Realisasi.triwulan).where(
                Realisasi.tahun == k.tahun,
                Realisasi.triwulan <= tw,
                Realisasi.indikator_id.in_([i.id for i in iku]),
            )
        ).all()
    )
    return BuktiProgram(
        "pengukuran_triwulan",
        _rasio(len(terisi), len(iku) * tw),
        f"Realisasi IKU terisi {len(terisi)} dari {len(iku) * tw} isian "
        f"({len(iku)} IKU × {_ROMAWI[tw]}) tahun {k.tahun}.",
        (f"tabel:monitoring-iku:{k.tahun}",),
    )


def _realisasi_diverifikasi(k: _Konteks) -> BuktiProgram:
    semua = k.sesi.scalars(
        select(Realisasi.status).where(
            Realisasi.tahun == k.tahun, Realisasi.indikator_id.in_(k.indikator_ids)
        )
    ).all()
    sah = sum(1 for s in semua if s is StatusRealisasi.DIVERIFIKASI)
    return BuktiProgram(
        "realisasi_diverifikasi",
        _rasio(sah, len(semua)),
        f"{sah} dari {len(semua)} realisasi {k.tahun} sudah diverifikasi.",
        (f"tabel:pengukuran-eselon-2:{k.tahun}",),
    )


def _tindak_lanjut_ada(k: _Konteks) -> BuktiProgram:
    iku = k.iku
    ada = set(
        k.sesi.scalars(
            select(TindakLanjut.indikator_id).where(
                TindakLanjut.tahun == k.tahun, TindakLanjut.indikator_id.in_([i.id for i in iku])
            )
        )
    )
    return BuktiProgram(
        "tindak_lanjut_ada",
        _rasio(len(ada), len(iku)),
        f"Tindak lanjut Monitoring IKU {k.tahun} tercatat untuk {len(ada)} dari {len(iku)} IKU.",
        (f"tabel:monitoring-iku:{k.tahun}",),
    )


def _lkjip_disusun(k: _Konteks) -> BuktiProgram:
    terisi, semua = jumlah_terisi(k.sesi, k.opd.id, k.tahun)
    return BuktiProgram(
        "lkjip_disusun",
        _rasio(terisi, semua),
        f"Narasi LKjIP {k.tahun}: {terisi} dari {semua} bagian pokok sudah ditulis.",
        (f"lkjip:{k.tahun}",),
    )


def _lke_aplikasi(k: _Konteks) -> BuktiProgram:
    n = (
        k.sesi.scalar(
            select(func.count())
            .select_from(JawabanLke)
            .join(EvaluasiLke, EvaluasiLke.id == JawabanLke.evaluasi_id)
            .where(
                EvaluasiLke.opd_id == k.opd.id,
                EvaluasiLke.tahun == k.tahun,
                JawabanLke.jawaban.is_not(None),
            )
        )
        or 0
    )
    return BuktiProgram(
        "lke_aplikasi",
        Decimal(1 if n else 0),
        f"Evaluasi mandiri {k.tahun} diisi di SAKIP Desktop ({n} kriteria terjawab).",
        (f"lke:{k.tahun}",),
    )


PEMERIKSA: dict[str, Callable[[_Konteks], BuktiProgram]] = {
    "renstra_ada": _renstra_ada,
    "renja_ada": _renja_ada,
    "anggaran_ada": _anggaran_ada,
    "rencana_aksi_ada": _rencana_aksi_ada,
    "iku_ditetapkan": _iku_ditetapkan,
    "pohon_berjenjang": _pohon_berjenjang,
    "pk_ditandatangani": _pk_ditandatangani,
    "pengukuran_triwulan": _pengukuran_triwulan,
    "realisasi_diverifikasi": _realisasi_diverifikasi,
    "tindak_lanjut_ada": _tindak_lanjut_ada,
    "lkjip_disusun": _lkjip_disusun,
    "lke_aplikasi": _lke_aplikasi,
}


def bukti_program(sesi: Session, opd: Opd, tahun: int, kunci: set[str]) -> dict[str, BuktiProgram]:
    """Run the named checks (unknown keys are a worksheet error, named)."""
    asing = kunci - set(PEMERIKSA)
    if asing:
        raise TidakDitemukan(
            f"Bukti otomatis tidak dikenal di lembar LKE: {', '.join(sorted(asing))}."
        )
    try:
        renstra = renstra_untuk(sesi, opd, tahun)
    except TidakDitemukan:
        renstra = None
    nodes = (
        list(
            sesi.scalars(
                select(NodeKinerja)
                .where(NodeKinerja.renstra_id == renstra.id)
                .order_by(NodeKinerja.urutan)
            )
        )
        if renstra
        else []
    )
    k = _Konteks(sesi, opd, tahun, renstra, nodes)
    return {nama: PEMERIKSA[nama](k) for nama in sorted(kunci)}


def saran_jawaban(
    sesi: Session, opd: Opd, tahun: int, kriteria: list[Kriteria]
) -> dict[str, SaranJawaban]:
    """A suggested answer, with its evidence, for every criterion that names a check."""
    dengan = [c for c in kriteria if c.bukti_otomatis]
    bukti = bukti_program(sesi, opd, tahun, {str(c.bukti_otomatis) for c in dengan})
    return {
        c.kode: SaranJawaban(
            c.kode,
            jawaban_dari_rasio(c, bukti[str(c.bukti_otomatis)].rasio),
            bukti[str(c.bukti_otomatis)],
        )
        for c in dengan
    }
