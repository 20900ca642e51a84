"""Renja: sasaran → program → kegiatan, with indicators, Renja targets and the planned pagu.

A kegiatan is listed under the sasaran its budget serves (services/anggaran.py), as the
source's Renja lists the UMK kegiatan under "Meningkatnya Kesejahteraan Pekerja" although
its program sits under another sasaran. The pagu is the plan's, before any revision.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy.orm import Session

from ...domain import DokumenTarget, JenisNode
from ...model import Indikator, NodeKinerja, Opd
from ..anggaran import pagu_awal, ringkasan_anggaran
from .dasar import (
    BarisTabel,
    JenisBaris,
    Kolom,
    SelKepala,
    SelTabel,
    TabelLaporan,
    sel_angka,
    sel_rupiah,
    sel_teks,
)
from .umum import PohonLaporan, muat_pohon_laporan, nama_instansi, target_indikator

_INDENT = {JenisNode.SASARAN: 0, JenisNode.PROGRAM: 1, JenisNode.KEGIATAN: 2}


def _kegiatan_dari(pohon: PohonLaporan, node_id: uuid.UUID) -> uuid.UUID:
    keg = pohon.leluhur(node_id, JenisNode.KEGIATAN)
    return keg.id if keg is not None else node_id


def tabel_renja(sesi: Session, opd: Opd, tahun: int, triwulan: int | None) -> TabelLaporan:
    pohon = muat_pohon_laporan(sesi, opd, tahun)
    ringkasan = ringkasan_anggaran(sesi, pohon.renstra, tahun)
    garis = ringkasan.garis_anggaran()
    pagu = pagu_awal(sesi, garis, tahun)
    # kegiatan → its pagu and the sasaran its budget serves (None: supporting program)
    pagu_kegiatan: dict[uuid.UUID, Decimal] = {}
    sasaran_kegiatan: dict[uuid.UUID, uuid.UUID | None] = {}
    for b in ringkasan.baris:
        for nid in b.node_ids:
            k = _kegiatan_dari(pohon, nid)
            pagu_kegiatan[k] = pagu_kegiatan.get(k, Decimal(0)) + pagu.get(nid, Decimal(0))
            sasaran_kegiatan[k] = b.sasaran_id
    for p in ringkasan.penunjang:
        for nid in p.node_ids:
            k = _kegiatan_dari(pohon, nid)
            pagu_kegiatan[k] = pagu_kegiatan.get(k, Decimal(0)) + pagu.get(nid, Decimal(0))
            sasaran_kegiatan[k] = None
    for s in pohon.berjenis(JenisNode.KEGIATAN):
        if s.node.id not in sasaran_kegiatan:
            sas = pohon.leluhur(s.node.id, JenisNode.SASARAN)
            sasaran_kegiatan[s.node.id] = sas.id if sas else None
    target = target_indikator(sesi, [i.id for i in pohon.indikator()], tahun, DokumenTarget.RENJA)

    def baris_node(node: NodeKinerja, no: str | None, anggaran: Decimal | None) -> list[BarisTabel]:
        jenis = JenisBaris.GRUP if node.jenis is JenisNode.SASARAN else JenisBaris.DATA
        inds: list[Indikator | None] = list(node.indikator) or [None]
        hasil = []
        for k, ind in enumerate(inds):
            t = target.get((ind.id, tahun)) if ind else None
            nilai_t = t.tahunan.nilai if t and t.tahunan and t.tahunan.nilai_maks is None else None
            teks_t = t.tahunan.teks if t and t.tahunan else None
            sel_t: SelTabel = sel_teks(teks_t) if teks_t else sel_angka(nilai_t, desimal=None)
            hasil.append(
                BarisTabel(
                    [
                        sel_teks(no if k == 0 else None),
                        sel_teks(
                            f"{node.jenis.label}: {node.uraian}" if k == 0 else None,
                            indent=_INDENT.get(node.jenis, 2),
                        ),
                        sel_teks(ind.nama if ind else None),
                        sel_t,
                        sel_teks(ind.satuan if ind else None),
                        sel_rupiah(anggaran, tebal=jenis is JenisBaris.GRUP)
                        if k == 0
                        else sel_teks(None),
                    ],
                    jenis,
                )
            )
        return hasil

    def kegiatan_program(program: NodeKinerja, sasaran_id: uuid.UUID | None) -> list[NodeKinerja]:
        return [
            s.node
            for s in pohon.semua()
            if s.node.jenis is JenisNode.KEGIATAN
            and pohon.leluhur(s.node.id, JenisNode.PROGRAM) is program
            and sasaran_kegiatan.get(s.node.id) == sasaran_id
        ]

    def bagian(
        programs: list[NodeKinerja], sasaran_id: uuid.UUID | None, awalan: str
    ) -> tuple[list[BarisTabel], Decimal]:
        hasil: list[BarisTabel] = []
        total = Decimal(0)
        for j, prog in enumerate(programs, start=1):
            keg = kegiatan_program(prog, sasaran_id)
            jumlah = sum((pagu_kegiatan.get(k.id, Decimal(0)) for k in keg), Decimal(0))
            total += jumlah
            hasil += baris_node(prog, f"{awalan}{j}", jumlah if keg else None)
            for m, k in enumerate(keg, start=1):
                hasil += baris_node(k, f"{awalan}{j}.{m}", pagu_kegiatan.get(k.id))
        return hasil, total

    def program_untuk(sasaran_id: uuid.UUID | None) -> list[NodeKinerja]:
        """Programs with kegiatan serving this sasaran, and the sasaran's own programs
        that have no kegiatan at all."""
        hasil: list[NodeKinerja] = []
        for s in pohon.berjenis(JenisNode.PROGRAM):
            prog = s.node
            induk = pohon.leluhur(prog.id, JenisNode.SASARAN)
            milik = (induk.id if induk else None) == sasaran_id
            tanpa_kegiatan = not any(
                a.node.jenis is JenisNode.KEGIATAN for a in pohon.simpul[prog.id].anak
            )
            if kegiatan_program(prog, sasaran_id) or (milik and tanpa_kegiatan):
                hasil.append(prog)
        return hasil

    baris: list[BarisTabel] = []
    total = Decimal(0)
    for no, s in enumerate(pohon.berjenis(JenisNode.SASARAN), start=1):
        isi, jumlah = bagian(program_untuk(s.node.id), s.node.id, f"{no}.")
        total += jumlah
        baris += baris_node(s.node, str(no), jumlah)
        baris += isi
    penunjang = program_untuk(None)
    if penunjang:
        isi, jumlah = bagian(penunjang, None, "P.")
        total += jumlah
        baris.append(
            BarisTabel(
                [
                    sel_teks(None),
                    sel_teks("Program penunjang (tanpa sasaran)"),
                    sel_teks(None),
                    sel_teks(None),
                    sel_teks(None),
                    sel_rupiah(jumlah, tebal=True),
                ],
                JenisBaris.GRUP,
            )
        )
        baris += isi
    baris.append(
        BarisTabel(
            [sel_teks(None), sel_teks("Jumlah", tebal=True)]
            + [sel_teks(None)] * 3
            + [sel_rupiah(total, tebal=True)],
            JenisBaris.TOTAL,
        )
    )
    return TabelLaporan(
        nama="renja",
        judul=["RENCANA KERJA (RENJA)", nama_instansi(opd).upper(), f"TAHUN {tahun}"],
        instansi=nama_instansi(opd),
        periode=f"Tahun {tahun}",
        kepala=[
            [
                SelKepala("No"),
                SelKepala("Sasaran / Program / Kegiatan"),
                SelKepala("Indikator Kinerja"),
                SelKepala("Target"),
                SelKepala("Satuan"),
                SelKepala("Anggaran (Rp)"),
            ]
        ],
        kolom=[
            Kolom(6),
            Kolom(44),
            Kolom(44),
            Kolom(9, angka=True),
            Kolom(11),
            Kolom(15, angka=True),
        ],
        baris=baris,
        lanskap=True,
        catatan=[
            "Target menurut dokumen Renja; anggaran menurut pagu awal tahun (sebelum "
            "refocusing atau perubahan).",
            "Kegiatan dicantumkan di bawah sasaran yang dilayani anggarannya (tautan cascading).",
        ],
        tahun=tahun,
    )
