"""Rencana Aksi per sasaran and quarter, and the risk register (Manajemen Risiko)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ...domain import JenisNode, Polaritas
from ...kalkulasi import NilaiTarget, hitung_capaian
from ...model import Indikator, Opd, RencanaAksi, Risiko
from .dasar import (
    BarisTabel,
    JenisBaris,
    Kolom,
    SelKepala,
    TabelLaporan,
    sel_angka,
    sel_persen,
    sel_teks,
)
from .umum import (
    ROMAWI,
    muat_pohon_laporan,
    nama_instansi,
    teks_periode,
    wajib_triwulan_sah,
)


def tabel_rencana_aksi(sesi: Session, opd: Opd, tahun: int, triwulan: int | None) -> TabelLaporan:
    """Planned actions per sasaran (one quarter, or the whole year by quarter), with their
    target, realization and capaian (realization / target)."""
    wajib_triwulan_sah(triwulan)
    pohon = muat_pohon_laporan(sesi, opd, tahun)
    q = select(RencanaAksi).where(
        RencanaAksi.tahun == tahun, RencanaAksi.node_id.in_(list(pohon.simpul))
    )
    if triwulan:
        q = q.where(RencanaAksi.triwulan == triwulan)
    aksi = list(sesi.scalars(q))
    indikator = {
        i.id: i
        for i in sesi.scalars(
            select(Indikator).where(
                Indikator.id.in_({a.indikator_id for a in aksi if a.indikator_id})
            )
        )
    }
    urutan = {nid: k for k, nid in enumerate(pohon.simpul)}
    aksi.sort(key=lambda a: (urutan[a.node_id], a.triwulan, a.urutan))
    kolom_n = 8
    baris: list[BarisTabel] = []
    lalu = None
    for no, a in enumerate(aksi, start=1):
        if a.node_id != lalu:
            lalu = a.node_id
            node = pohon.simpul[a.node_id].node
            label = "Sasaran" if node.jenis is JenisNode.SASARAN else node.jenis.label
            baris.append(
                BarisTabel([sel_teks(f"{label}: {node.uraian}", colspan=kolom_n)], JenisBaris.GRUP)
            )
        ind = indikator.get(a.indikator_id) if a.indikator_id else None
        capaian = hitung_capaian(
            a.realisasi, NilaiTarget(a.target) if a.target is not None else None, Polaritas.POSITIF
        )
        baris.append(
            BarisTabel(
                [
                    sel_teks(str(no)),
                    sel_teks(f"TW {ROMAWI[a.triwulan]}"),
                    sel_teks(f"{ind.kode} {ind.nama}" if ind else None),
                    sel_teks(a.uraian),
                    sel_angka(a.target),
                    sel_teks(a.satuan),
                    sel_angka(a.realisasi),
                    sel_persen(capaian),
                ]
            )
        )
    judul_tw = f"TRIWULAN {ROMAWI[triwulan]} " if triwulan else ""
    return TabelLaporan(
        nama="rencana-aksi",
        judul=["RENCANA AKSI", nama_instansi(opd).upper(), f"{judul_tw}TAHUN {tahun}"],
        instansi=nama_instansi(opd),
        periode=teks_periode(tahun, triwulan),
        kepala=[
            [
                SelKepala("No"),
                SelKepala("Triwulan"),
                SelKepala("Indikator"),
                SelKepala("Rencana Aksi"),
                SelKepala("Target"),
                SelKepala("Satuan"),
                SelKepala("Realisasi"),
                SelKepala("Capaian (%)"),
            ]
        ],
        kolom=[
            Kolom(4),
            Kolom(8),
            Kolom(28),
            Kolom(40),
            Kolom(9, angka=True),
            Kolom(10),
            Kolom(9, angka=True),
            Kolom(9, angka=True),
        ],
        baris=baris,
        lanskap=True,
        catatan=["Capaian = realisasi / target × 100; tanpa realisasi ditulis —."],
        tahun=tahun,
        triwulan=triwulan,
    )


def tabel_risiko(sesi: Session, opd: Opd, tahun: int, triwulan: int | None) -> TabelLaporan:
    """ "MANAJEMEN RISIKO / MITIGASI RESIKO": the year's register in its printed order."""
    risiko = sesi.scalars(
        select(Risiko)
        .where(Risiko.opd_id == opd.id, Risiko.tahun == tahun)
        .options(selectinload(Risiko.pemilik))
        .order_by(Risiko.urutan)
    ).all()
    baris = [
        BarisTabel(
            [
                sel_teks(str(no)),
                sel_teks(f"Level {r.level}"),
                sel_teks(r.pernyataan),
                sel_teks(r.pemilik_teks or (r.pemilik.nama if r.pemilik else None)),
                sel_teks(r.penyebab),
                sel_teks(r.dampak),
                sel_teks(r.pengendalian_ada),
                sel_teks(r.rencana_tindak),
            ]
        )
        for no, r in enumerate(risiko, start=1)
    ]
    return TabelLaporan(
        nama="risiko",
        judul=["MANAJEMEN RISIKO / MITIGASI RISIKO", nama_instansi(opd).upper(), f"TAHUN {tahun}"],
        instansi=nama_instansi(opd),
        periode=f"Tahun {tahun}",
        kepala=[
            [
                SelKepala("No"),
                SelKepala("Level"),
                SelKepala("Pernyataan Risiko"),
                SelKepala("Pemilik"),
                SelKepala("Penyebab"),
                SelKepala("Dampak"),
                SelKepala("Pengendalian yang Ada"),
                SelKepala("Rencana Tindak Pengendalian"),
            ]
        ],
        kolom=[
            Kolom(4),
            Kolom(7),
            Kolom(22),
            Kolom(13),
            Kolom(24),
            Kolom(24),
            Kolom(24),
            Kolom(24),
        ],
        baris=baris,
        lanskap=True,
        tahun=tahun,
    )
