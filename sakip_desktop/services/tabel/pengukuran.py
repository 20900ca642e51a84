"""Measurement tables: Monitoring IKU and Pengukuran Capaian Kinerja Eselon II and III.

Capaian comes from services/capaian.py (`tabel_capaian`): the realization up to the report's
quarter against the YEARLY target, under each indicator's aggregation rule — the figure the
source prints (BPJS TW I 2020: 1,01 % of 5,15 % → 19,61 %). Quarters after the report's are
left empty; an empty quarter is shown "—", never 0.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import JenisNode
from ...model import Indikator, Opd, Realisasi, TindakLanjut
from ..capaian import BarisCapaian, tabel_capaian
from .dasar import (
    BarisTabel,
    JenisBaris,
    Kolom,
    SelKepala,
    SelTabel,
    TabelLaporan,
    sel_kosong_angka,
    sel_persen,
    sel_teks,
    teks_sel,
)
from .umum import (
    ROMAWI,
    keterangan_sampai,
    muat_pohon_laporan,
    nama_instansi,
    realisasi_indikator,
    sel_nilai,
    sel_target,
    teks_periode,
    wajib_triwulan_sah,
)

_TW = [SelKepala(ROMAWI[tw]) for tw in range(1, 5)]


def _realisasi_tw(
    b: BarisCapaian, ind: Indikator, per_tw: dict[int, Realisasi], sampai: int
) -> list[SelTabel]:
    sel = []
    for tw in range(1, 5):
        r = per_tw.get(tw)
        if tw > sampai or r is None:
            sel.append(sel_kosong_angka())
        elif r.nilai_teks and r.nilai is None:
            sel.append(sel_teks(r.nilai_teks))
        else:
            sel.append(sel_nilai(b.realisasi_triwulan[tw - 1], ind.satuan))
    return sel


def _judul_tw(triwulan: int | None) -> str:
    return f"s.d. TW {ROMAWI[triwulan]}" if triwulan else "Tahun"


def tabel_monitoring_iku(sesi: Session, opd: Opd, tahun: int, triwulan: int | None) -> TabelLaporan:
    """The source's "MONITORING IKU": sasaran, indikator, rumus, the year's target, targets
    and realizations TW I–IV, capaian and the quarter's tindak lanjut."""
    wajib_triwulan_sah(triwulan)
    sampai = triwulan or 4
    pohon = muat_pohon_laporan(sesi, opd, tahun)
    capaian = {b.indikator_id: b for b in tabel_capaian(sesi, opd, tahun, triwulan)}
    daftar = [
        (s.node, i)
        for s in pohon.semua()
        for i in s.node.indikator
        if i.iku and s.node.jenis is JenisNode.SASARAN
    ]
    ids = [i.id for _, i in daftar]
    realisasi = realisasi_indikator(sesi, ids, tahun)
    tindak: dict[uuid.UUID, dict[int, str]] = {}
    for t in sesi.scalars(
        select(TindakLanjut).where(TindakLanjut.indikator_id.in_(ids), TindakLanjut.tahun == tahun)
    ):
        tindak.setdefault(t.indikator_id, {})[t.triwulan] = t.uraian
    baris: list[BarisTabel] = []
    sebelumnya = None
    no = 0
    for node, ind in daftar:
        b = capaian[ind.id]
        baru = node.id != sebelumnya
        sebelumnya = node.id
        if baru:
            no += 1
        tl = tindak.get(ind.id, {})
        if triwulan:
            teks_tl = tl.get(triwulan)
        else:
            teks_tl = "\n".join(f"TW {ROMAWI[tw]}: {tl[tw]}" for tw in sorted(tl)) or None
        baris.append(
            BarisTabel(
                [
                    sel_teks(str(no) if baru else None),
                    sel_teks(node.uraian if baru else None),
                    sel_teks(ind.nama),
                    sel_teks(ind.rumus),
                    sel_target(b.target_tahunan, ind.satuan),
                    *[sel_nilai(t, ind.satuan) for t in b.target_triwulan],
                    *_realisasi_tw(b, ind, realisasi.get(ind.id, {}), sampai),
                    sel_persen(b.capaian_tahunan),
                    sel_teks(teks_tl),
                ]
            )
        )
    return TabelLaporan(
        nama="monitoring-iku",
        judul=["MONITORING IKU", nama_instansi(opd).upper(), teks_periode(tahun, triwulan).upper()],
        instansi=nama_instansi(opd),
        periode=teks_periode(tahun, triwulan),
        kepala=[
            [
                SelKepala("No", rowspan=2),
                SelKepala("Sasaran", rowspan=2),
                SelKepala("Indikator Sasaran", rowspan=2),
                SelKepala("Rumus", rowspan=2),
                SelKepala(f"Target Tahun {tahun}", rowspan=2),
                SelKepala("Target", colspan=4),
                SelKepala("Realisasi", colspan=4),
                SelKepala(f"Capaian {_judul_tw(triwulan)} (%)", rowspan=2),
                SelKepala("Tindak Lanjut", rowspan=2),
            ],
            _TW + _TW,
        ],
        kolom=[Kolom(4), Kolom(18), Kolom(22), Kolom(24), Kolom(8, angka=True)]
        + [Kolom(7, angka=True)] * 8
        + [Kolom(9, angka=True), Kolom(24)],
        baris=baris,
        lanskap=True,
        catatan=[
            "Capaian = realisasi sampai triwulan laporan dibanding target tahunan, menurut aturan "
            "agregasi tiap indikator. Triwulan tanpa realisasi ditulis —, bukan 0."
        ],
        tahun=tahun,
        triwulan=triwulan,
    )


def tabel_pengukuran_eselon_2(
    sesi: Session, opd: Opd, tahun: int, triwulan: int | None
) -> TabelLaporan:
    """ "PENGUKURAN CAPAIAN KINERJA ESELON II": the IKU of the Kepala Dinas per quarter."""
    wajib_triwulan_sah(triwulan)
    sampai = triwulan or 4
    pohon = muat_pohon_laporan(sesi, opd, tahun)
    capaian = {b.indikator_id: b for b in tabel_capaian(sesi, opd, tahun, triwulan)}
    daftar = [
        (s.node, i)
        for s in pohon.semua()
        for i in s.node.indikator
        if s.node.jenis is JenisNode.SASARAN and i.iku
    ]
    realisasi = realisasi_indikator(sesi, [i.id for _, i in daftar], tahun)
    baris: list[BarisTabel] = []
    tujuan_lalu = sasaran_lalu = None
    no_tujuan = no_sasaran = 0
    pemilik = None
    for no_ind, (node, ind) in enumerate(daftar, start=1):
        b = capaian[ind.id]
        tujuan = pohon.leluhur(node.id, JenisNode.TUJUAN)
        pemilik = pemilik or node.pemilik
        tujuan_baru = tujuan is not None and tujuan.id != tujuan_lalu
        if tujuan_baru:
            no_tujuan += 1
        sasaran_baru = node.id != sasaran_lalu
        if sasaran_baru:
            no_sasaran += 1
        tujuan_lalu, sasaran_lalu = (tujuan.id if tujuan else None), node.id
        per_tw = realisasi.get(ind.id, {})
        baris.append(
            BarisTabel(
                [
                    sel_teks(f"{no_tujuan}" if tujuan_baru else None),
                    sel_teks(tujuan.uraian if tujuan_baru and tujuan else None),
                    sel_teks(f"{no_sasaran}. {node.uraian}" if sasaran_baru else None),
                    sel_teks(f"{no_ind}. {ind.nama}"),
                    sel_target(b.target_tahunan, ind.satuan),
                    *_realisasi_tw(b, ind, per_tw, sampai),
                    sel_persen(b.capaian_tahunan),
                    sel_teks(keterangan_sampai(per_tw, sampai)),
                ]
            )
        )
    jabatan = (pemilik.nama if pemilik else "Kepala Dinas").upper()
    return TabelLaporan(
        nama="pengukuran-eselon-2",
        judul=[
            "PENGUKURAN CAPAIAN KINERJA",
            f"ESELON II {jabatan} {opd.pemda.nama.upper()}",
            teks_periode(tahun, triwulan).upper(),
        ],
        instansi=nama_instansi(opd),
        periode=teks_periode(tahun, triwulan),
        kepala=[
            [
                SelKepala("No", rowspan=2),
                SelKepala("Tujuan", rowspan=2),
                SelKepala("Sasaran", rowspan=2),
                SelKepala("Indikator Kinerja Utama (IKU)", rowspan=2),
                SelKepala("Target", rowspan=2),
                SelKepala("Realisasi Triwulan", colspan=4),
                SelKepala(f"Capaian {_judul_tw(triwulan)} (%)", rowspan=2),
                SelKepala("Ket", rowspan=2),
            ],
            _TW,
        ],
        kolom=[Kolom(4), Kolom(20), Kolom(22), Kolom(28), Kolom(8, angka=True)]
        + [Kolom(8, angka=True)] * 4
        + [Kolom(9, angka=True), Kolom(20)],
        baris=baris,
        lanskap=True,
        catatan=["Capaian = realisasi sampai triwulan laporan dibanding target tahunan."],
        tahun=tahun,
        triwulan=triwulan,
    )


def tabel_pengukuran_eselon_3(
    sesi: Session, opd: Opd, tahun: int, triwulan: int | None
) -> TabelLaporan:
    """ "PENGUKURAN CAPAIAN KINERJA ESELON III": program indicators of each bidang, grouped
    under the sasaran and IKU they serve; supporting programs last."""
    wajib_triwulan_sah(triwulan)
    sampai = triwulan or 4
    pohon = muat_pohon_laporan(sesi, opd, tahun)
    capaian = {b.indikator_id: b for b in tabel_capaian(sesi, opd, tahun, triwulan)}
    program_ids = [s.node.id for s in pohon.berjenis(JenisNode.PROGRAM)]
    realisasi = realisasi_indikator(
        sesi, [i.id for p in program_ids for i in pohon.simpul[p].node.indikator], tahun
    )
    kolom_n = 10
    baris: list[BarisTabel] = []

    def baris_program(prog_ids: list[uuid.UUID], no_awal: str) -> None:
        for j, pid in enumerate(prog_ids, start=1):
            prog = pohon.simpul[pid].node
            unit = prog.pemilik.unit.nama if prog.pemilik and prog.pemilik.unit else None
            label = f"Program {prog.uraian}" + (f"\n({unit})" if unit else "")
            for k, ind in enumerate(prog.indikator or [None]):
                if ind is None:
                    baris.append(
                        BarisTabel(
                            [sel_teks(f"{no_awal}{j}"), sel_teks(label)]
                            + [sel_teks(None)] * (kolom_n - 2)
                        )
                    )
                    continue
                b = capaian[ind.id]
                per_tw = realisasi.get(ind.id, {})
                baris.append(
                    BarisTabel(
                        [
                            sel_teks(f"{no_awal}{j}" if k == 0 else None),
                            sel_teks(label if k == 0 else None),
                            sel_teks(ind.nama),
                            sel_target(b.target_tahunan, ind.satuan),
                            *_realisasi_tw(b, ind, per_tw, sampai),
                            sel_persen(b.capaian_tahunan),
                            sel_teks(keterangan_sampai(per_tw, sampai)),
                        ]
                    )
                )

    for no, s in enumerate(pohon.berjenis(JenisNode.SASARAN), start=1):
        iku = [
            f"{ind.nama} (target {_teks(capaian[ind.id], ind)})"
            for ind in s.node.indikator
            if ind.id in capaian
        ]
        teks = f"Sasaran {no}: {s.node.uraian}" + ("\nIKU: " + "; ".join(iku) if iku else "")
        baris.append(BarisTabel([sel_teks(teks, colspan=kolom_n)], JenisBaris.GRUP))
        baris_program([a.node.id for a in s.anak if a.node.jenis is JenisNode.PROGRAM], f"{no}.")
    penunjang = [p for p in program_ids if pohon.leluhur(p, JenisNode.SASARAN) is None]
    if penunjang:
        baris.append(BarisTabel([sel_teks("Program penunjang", colspan=kolom_n)], JenisBaris.GRUP))
        baris_program(penunjang, "P.")
    return TabelLaporan(
        nama="pengukuran-eselon-3",
        judul=[
            "PENGUKURAN CAPAIAN KINERJA",
            f"ESELON III KEPALA BIDANG {nama_instansi(opd).upper()}",
            teks_periode(tahun, triwulan).upper(),
        ],
        instansi=nama_instansi(opd),
        periode=teks_periode(tahun, triwulan),
        kepala=[
            [
                SelKepala("No", rowspan=2),
                SelKepala("Program (Bidang)", rowspan=2),
                SelKepala("Indikator Program", rowspan=2),
                SelKepala("Target Program", rowspan=2),
                SelKepala("Realisasi Triwulan", colspan=4),
                SelKepala(f"Capaian {_judul_tw(triwulan)} (%)", rowspan=2),
                SelKepala("Ket", rowspan=2),
            ],
            _TW,
        ],
        kolom=[Kolom(5), Kolom(30), Kolom(30), Kolom(10, angka=True)]
        + [Kolom(9, angka=True)] * 4
        + [Kolom(9, angka=True), Kolom(20)],
        baris=baris,
        lanskap=True,
        catatan=["Capaian = realisasi sampai triwulan laporan dibanding target tahunan."],
        tahun=tahun,
        triwulan=triwulan,
    )


def _teks(b: BarisCapaian, ind: Indikator) -> str:
    return teks_sel(sel_target(b.target_tahunan, ind.satuan))
