"""Planning tables: Matriks Renstra (targets of every year) and Indikator Kinerja Utama."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import DokumenTarget, JenisNode
from ...model import Indikator, Opd, TautanCascading
from .dasar import BarisTabel, JenisBaris, Kolom, SelKepala, TabelLaporan, sel_teks
from .umum import (
    PohonLaporan,
    muat_pohon_laporan,
    nama_instansi,
    sel_target,
    target_indikator,
)

_JENIS_RENSTRA = (JenisNode.TUJUAN, JenisNode.SASARAN, JenisNode.PROGRAM)
_INDENT = {JenisNode.TUJUAN: 0, JenisNode.SASARAN: 1, JenisNode.PROGRAM: 2}


def tabel_renstra(sesi: Session, opd: Opd, tahun: int, triwulan: int | None) -> TabelLaporan:
    """Tujuan, sasaran and programs of the Renstra holding ``tahun``, with the Renstra's
    target for every year of its period (the latest Renstra perubahan counts)."""
    pohon = muat_pohon_laporan(sesi, opd, tahun)
    renstra = pohon.renstra
    tahun_periode = list(renstra.tahun)
    simpul = [
        s
        for s in pohon.semua()
        if s.node.jenis in _JENIS_RENSTRA and pohon.leluhur(s.node.id, JenisNode.TUJUAN)
    ]
    ids = [i.id for s in simpul for i in s.node.indikator]
    target = target_indikator(sesi, ids, tahun_periode, DokumenTarget.RENSTRA)
    kepala = [
        [
            SelKepala("No", rowspan=2),
            SelKepala("Tujuan / Sasaran / Program", rowspan=2),
            SelKepala("Indikator Kinerja", rowspan=2),
            SelKepala("Formulasi Perhitungan", rowspan=2),
            SelKepala("Satuan", rowspan=2),
            SelKepala("Target", colspan=len(tahun_periode)),
        ],
        [SelKepala(str(t)) for t in tahun_periode],
    ]
    kolom = [Kolom(4), Kolom(30), Kolom(30), Kolom(30), Kolom(8)] + [
        Kolom(8, angka=True) for _ in tahun_periode
    ]
    baris: list[BarisTabel] = []
    nomor = _Penomor()
    for s in simpul:
        n = s.node
        no = nomor.untuk(n.jenis)
        label = f"{n.jenis.label}: {n.uraian}"
        jenis_baris = JenisBaris.GRUP if n.jenis is JenisNode.TUJUAN else JenisBaris.DATA
        inds: list[Indikator | None] = list(n.indikator) or [None]
        for k, ind in enumerate(inds):
            awal = [
                sel_teks(no if k == 0 else None),
                sel_teks(label if k == 0 else None, indent=_INDENT[n.jenis]),
            ]
            if ind is None:
                sisa = [sel_teks(None)] * (3 + len(tahun_periode))
            else:
                sisa = [sel_teks(ind.nama), sel_teks(ind.rumus), sel_teks(ind.satuan)] + [
                    sel_target(
                        target[(ind.id, t)].tahunan if (ind.id, t) in target else None,
                        ind.satuan,
                        tulis_satuan=False,
                    )
                    for t in tahun_periode
                ]
            baris.append(BarisTabel(awal + sisa, jenis_baris))
    return TabelLaporan(
        nama="renstra",
        judul=[
            f"MATRIKS RENSTRA {opd.nama.upper()}",
            f"TAHUN {renstra.tahun_awal}–{renstra.tahun_akhir}",
        ],
        instansi=nama_instansi(opd),
        periode=f"Renstra {renstra.label}",
        kepala=kepala,
        kolom=kolom,
        baris=baris,
        lanskap=True,
        catatan=["Target menurut dokumen Renstra (perubahan terakhir bila ada)."],
        tahun=tahun,
    )


class _Penomor:
    """Numbers sasaran 1, 2, … and their programs 1.1, 1.2, …; tujuan are not numbered."""

    def __init__(self) -> None:
        self.sasaran = 0
        self.program = 0

    def untuk(self, jenis: JenisNode) -> str | None:
        if jenis is JenisNode.SASARAN:
            self.sasaran += 1
            self.program = 0
            return str(self.sasaran)
        if jenis is JenisNode.PROGRAM:
            self.program += 1
            return f"{self.sasaran}.{self.program}"
        return None


def program_pendukung(sesi: Session, pohon: PohonLaporan) -> dict[uuid.UUID, list[str]]:
    """Programs serving each sasaran-level indicator: the sasaran's own programs, and those
    linked to it or to the indicator by cascading (directly or through a kegiatan)."""
    tautan = sesi.scalars(
        select(TautanCascading).where(TautanCascading.node_bawah_id.in_(list(pohon.simpul)))
    ).all()
    hasil: dict[uuid.UUID, list[str]] = {}
    for s in pohon.berjenis(JenisNode.SASARAN):
        for ind in s.node.indikator:
            program: list[uuid.UUID] = [
                a.node.id for a in s.anak if a.node.jenis is JenisNode.PROGRAM
            ]
            for t in tautan:
                if t.indikator_atas_id == ind.id or (
                    t.indikator_atas_id is None and t.node_atas_id == s.node.id
                ):
                    prog = pohon.leluhur(t.node_bawah_id, JenisNode.PROGRAM)
                    if prog is not None and prog.id not in program:
                        program.append(prog.id)
            hasil[ind.id] = [pohon.simpul[p].node.uraian for p in program]
    return hasil


def tabel_iku(sesi: Session, opd: Opd, tahun: int, triwulan: int | None) -> TabelLaporan:
    """The agency's Indikator Kinerja Utama with formula, the year's target in force,
    the position answering for it and the programs that support it."""
    pohon = muat_pohon_laporan(sesi, opd, tahun)
    daftar = [(s, i) for s in pohon.semua() for i in s.node.indikator if i.iku]
    target = target_indikator(sesi, [i.id for _, i in daftar], tahun)
    pendukung = program_pendukung(sesi, pohon)
    kepala = [
        [
            SelKepala("No"),
            SelKepala("Sasaran Strategis"),
            SelKepala("Indikator Kinerja Utama"),
            SelKepala("Formulasi Perhitungan"),
            SelKepala("Satuan"),
            SelKepala(f"Target {tahun}"),
            SelKepala("Sumber Data"),
            SelKepala("Penanggung Jawab"),
            SelKepala("Program Pendukung"),
        ]
    ]
    kolom = [Kolom(4), Kolom(22), Kolom(26), Kolom(28), Kolom(7), Kolom(9, angka=True)]
    kolom += [Kolom(16), Kolom(16), Kolom(28)]
    baris: list[BarisTabel] = []
    sebelumnya = None
    no = 0
    for s, ind in daftar:
        baru = s.node.id != sebelumnya
        if baru:
            no += 1
        sebelumnya = s.node.id
        t = target.get((ind.id, tahun))
        program = pendukung.get(ind.id, [])
        baris.append(
            BarisTabel(
                [
                    sel_teks(str(no) if baru else None),
                    sel_teks(s.node.uraian if baru else None),
                    sel_teks(ind.nama),
                    sel_teks(ind.rumus),
                    sel_teks(ind.satuan),
                    sel_target(t.tahunan if t else None, ind.satuan, tulis_satuan=False),
                    sel_teks(ind.sumber_data),
                    sel_teks(s.node.pemilik.nama if s.node.pemilik else None),
                    sel_teks("\n".join(f"• {p}" for p in program) if program else None),
                ]
            )
        )
    return TabelLaporan(
        nama="iku",
        judul=["INDIKATOR KINERJA UTAMA", f"{nama_instansi(opd).upper()}", f"TAHUN {tahun}"],
        instansi=nama_instansi(opd),
        periode=f"Tahun {tahun}",
        kepala=kepala,
        kolom=kolom,
        baris=baris,
        lanskap=True,
        catatan=[
            "Target tahun berjalan: Perjanjian Kinerja, bila tidak ada Renja, "
            "bila tidak ada Renstra (perubahan terakhir)."
        ],
        tahun=tahun,
    )
