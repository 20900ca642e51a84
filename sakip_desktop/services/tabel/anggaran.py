"""Budget tables: allocation per sasaran, realization per quarter, budget beside
performance, and the refocusing list. Figures come from services/anggaran.py."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from ...angka import format_tanggal
from ...kalkulasi import persentase, realisasi_tahun
from ...model import Opd
from ..anggaran import RingkasanAnggaran, daftar_revisi, ringkasan_anggaran
from ..capaian import tabel_capaian
from ..konteks import renstra_untuk
from .dasar import (
    BarisTabel,
    JenisBaris,
    Kolom,
    SelKepala,
    SelTabel,
    TabelLaporan,
    sel_persen,
    sel_rupiah,
    sel_teks,
)
from .umum import (
    ROMAWI,
    nama_instansi,
    sel_nilai,
    sel_target,
    teks_periode,
    wajib_triwulan_sah,
)

_CATATAN_PAGU = (
    "Pagu yang berlaku pada {tanggal} (akhir periode laporan), termasuk refocusing/perubahan "
    "sampai tanggal itu."
)
_TANPA_ANGGARAN = "Belum ada anggaran tercatat untuk tahun {tahun}."
_CATATAN_PENUNJANG = (
    "Program penunjang (tanpa sasaran) dilaporkan terpisah dan tidak masuk % anggaran per sasaran."
)


def _ringkasan(sesi: Session, opd: Opd, tahun: int, triwulan: int | None) -> RingkasanAnggaran:
    wajib_triwulan_sah(triwulan)
    return ringkasan_anggaran(sesi, renstra_untuk(sesi, opd, tahun), tahun, triwulan)


def _sasaran_sel(r: RingkasanAnggaran) -> list[tuple[str | None, str | None, bool]]:
    """(No, sasaran text) shown on the first indicator row of each sasaran."""
    hasil = []
    lalu = None
    no = 0
    for b in r.baris:
        baru = b.sasaran_id != lalu
        lalu = b.sasaran_id
        if baru:
            no += 1
        hasil.append((str(no) if baru else None, b.sasaran if baru else None, baru))
    return hasil


def _teks_indikator(kode: str | None, nama: str | None) -> str:
    return nama if nama else "(tidak ditautkan ke satu indikator)"


def tabel_alokasi_anggaran(
    sesi: Session, opd: Opd, tahun: int, triwulan: int | None
) -> TabelLaporan:
    """ "ALOKASI ANGGARAN PER SASARAN": pagu per sasaran and IKU with its share."""
    r = _ringkasan(sesi, opd, tahun, triwulan)
    baris: list[BarisTabel] = []
    for (no, sas, _), b in zip(_sasaran_sel(r), r.baris, strict=True):
        baris.append(
            BarisTabel(
                [
                    sel_teks(no),
                    sel_teks(sas),
                    sel_teks(_teks_indikator(b.indikator_kode, b.indikator)),
                    sel_rupiah(b.pagu),
                    sel_persen(b.porsi),
                ]
            )
        )
    baris.append(
        BarisTabel(
            [
                sel_teks(None),
                sel_teks("Jumlah", colspan=2),
                sel_rupiah(r.total_pagu),
                sel_persen(persentase(r.total_pagu, r.total_pagu)),
            ],
            JenisBaris.TOTAL,
        )
    )
    catatan = [_CATATAN_PAGU.format(tanggal=format_tanggal(r.per_tanggal))]
    if r.penunjang:
        baris.append(
            BarisTabel([sel_teks("Program penunjang (tanpa sasaran)", colspan=5)], JenisBaris.GRUP)
        )
        for j, p in enumerate(r.penunjang, start=1):
            baris.append(
                BarisTabel(
                    [
                        sel_teks(f"P.{j}"),
                        sel_teks(f"Program {p.uraian}", colspan=2),
                        sel_rupiah(p.pagu),
                        sel_teks(None),
                    ]
                )
            )
        baris.append(
            BarisTabel(
                [
                    sel_teks(None),
                    sel_teks("Jumlah seluruh anggaran", colspan=2),
                    sel_rupiah(r.total_pagu_semua),
                    sel_teks(None),
                ],
                JenisBaris.TOTAL,
            )
        )
        catatan.append(_CATATAN_PENUNJANG)
    if not r.baris and not r.penunjang:
        baris, catatan = [], [_TANPA_ANGGARAN.format(tahun=tahun)]
    return TabelLaporan(
        nama="alokasi-anggaran",
        judul=[
            "ALOKASI ANGGARAN PER SASARAN",
            nama_instansi(opd).upper(),
            teks_periode(tahun, triwulan).upper(),
        ],
        instansi=nama_instansi(opd),
        periode=teks_periode(tahun, triwulan),
        kepala=[
            [
                SelKepala("No"),
                SelKepala("Sasaran Strategis"),
                SelKepala("Indikator"),
                SelKepala("Anggaran (Rp)"),
                SelKepala("% Anggaran"),
            ]
        ],
        kolom=[Kolom(5), Kolom(30), Kolom(40), Kolom(16, angka=True), Kolom(10, angka=True)],
        baris=baris,
        lanskap=False,
        catatan=catatan,
        tahun=tahun,
        triwulan=triwulan,
    )


def tabel_realisasi_anggaran(
    sesi: Session, opd: Opd, tahun: int, triwulan: int | None
) -> TabelLaporan:
    """ "REALISASI ANGGARAN PER SASARAN": % of the pagu spent in each quarter and so far."""
    r = _ringkasan(sesi, opd, tahun, triwulan)
    sampai = triwulan or 4

    def persen_tw(per_tw: tuple[Decimal | None, ...], pagu: Decimal) -> list[SelTabel]:
        return [sel_persen(persentase(per_tw[tw], pagu)) for tw in range(4)]

    baris: list[BarisTabel] = []
    for (no, sas, _), b in zip(_sasaran_sel(r), r.baris, strict=True):
        baris.append(
            BarisTabel(
                [
                    sel_teks(no),
                    sel_teks(sas),
                    sel_teks(_teks_indikator(b.indikator_kode, b.indikator)),
                    sel_persen(b.porsi),
                    sel_rupiah(b.pagu),
                    *persen_tw(b.realisasi_triwulan, b.pagu),
                    sel_rupiah(b.realisasi),
                    sel_persen(b.serapan),
                ]
            )
        )
    total_tw = tuple(_jumlah([b.realisasi_triwulan[tw] for b in r.baris]) for tw in range(4))
    baris.append(
        BarisTabel(
            [
                sel_teks(None),
                sel_teks("Jumlah", colspan=2),
                sel_persen(persentase(r.total_pagu, r.total_pagu)),
                sel_rupiah(r.total_pagu),
                *persen_tw(total_tw, r.total_pagu),
                sel_rupiah(r.total_realisasi),
                sel_persen(r.total_serapan),
            ],
            JenisBaris.TOTAL,
        )
    )
    catatan = [_CATATAN_PAGU.format(tanggal=format_tanggal(r.per_tanggal))]
    if r.penunjang:
        baris.append(
            BarisTabel([sel_teks("Program penunjang (tanpa sasaran)", colspan=11)], JenisBaris.GRUP)
        )
        for j, p in enumerate(r.penunjang, start=1):
            baris.append(
                BarisTabel(
                    [
                        sel_teks(f"P.{j}"),
                        sel_teks(f"Program {p.uraian}", colspan=2),
                        sel_teks(None),
                        sel_rupiah(p.pagu),
                        *persen_tw(p.realisasi_triwulan, p.pagu),
                        sel_rupiah(p.realisasi),
                        sel_persen(p.serapan),
                    ]
                )
            )
        catatan.append(_CATATAN_PENUNJANG)
    if not r.baris and not r.penunjang:
        baris, catatan = [], [_TANPA_ANGGARAN.format(tahun=tahun)]
    return TabelLaporan(
        nama="realisasi-anggaran",
        judul=[
            "REALISASI ANGGARAN PER SASARAN",
            nama_instansi(opd).upper(),
            teks_periode(tahun, triwulan).upper(),
        ],
        instansi=nama_instansi(opd),
        periode=teks_periode(tahun, triwulan),
        kepala=[
            [
                SelKepala("No", rowspan=2),
                SelKepala("Sasaran Strategis", rowspan=2),
                SelKepala("Indikator", rowspan=2),
                SelKepala("% Anggaran", rowspan=2),
                SelKepala("Anggaran (Rp)", rowspan=2),
                SelKepala("% Realisasi Triwulan", colspan=4),
                SelKepala(f"Realisasi s.d. TW {ROMAWI[sampai]} (Rp)", rowspan=2),
                SelKepala(f"% Realisasi Tahun {tahun}", rowspan=2),
            ],
            [SelKepala(ROMAWI[tw]) for tw in range(1, 5)],
        ],
        kolom=[Kolom(5), Kolom(24), Kolom(30), Kolom(9, angka=True), Kolom(15, angka=True)]
        + [Kolom(8, angka=True)] * 4
        + [Kolom(15, angka=True), Kolom(10, angka=True)],
        baris=baris,
        lanskap=True,
        catatan=catatan,
        tahun=tahun,
        triwulan=triwulan,
    )


def _jumlah(nilai: list[Decimal | None]) -> Decimal | None:
    terisi = [v for v in nilai if v is not None]
    return sum(terisi, Decimal(0)) if terisi else None


def tabel_anggaran_kinerja(
    sesi: Session, opd: Opd, tahun: int, triwulan: int | None
) -> TabelLaporan:
    """ "REALISASI ANGGARAN DENGAN KINERJA": capaian kinerja beside serapan anggaran per IKU."""
    r = _ringkasan(sesi, opd, tahun, triwulan)
    sampai = triwulan or 4
    kinerja = {b.indikator_id: b for b in tabel_capaian(sesi, opd, tahun, triwulan)}
    baris: list[BarisTabel] = []
    for (no, sas, _), b in zip(_sasaran_sel(r), r.baris, strict=True):
        k = kinerja.get(b.indikator_id) if b.indikator_id else None
        if k is not None:
            real = realisasi_tahun(k.agregasi, k.realisasi_triwulan, sampai)
            sel_kinerja = [
                sel_target(k.target_tahunan, k.satuan),
                sel_teks(k.realisasi_teks) if k.realisasi_teks else sel_nilai(real, k.satuan),
                sel_persen(k.capaian_tahunan),
            ]
        else:
            sel_kinerja = [sel_teks(None)] * 3
        baris.append(
            BarisTabel(
                [
                    sel_teks(no),
                    sel_teks(sas),
                    sel_teks(_teks_indikator(b.indikator_kode, b.indikator)),
                    *sel_kinerja,
                    sel_rupiah(b.pagu),
                    sel_rupiah(b.realisasi),
                    sel_persen(b.serapan),
                ]
            )
        )
    baris.append(
        BarisTabel(
            [
                sel_teks(None),
                sel_teks("Jumlah", colspan=2),
                *[sel_teks(None)] * 3,
                sel_rupiah(r.total_pagu),
                sel_rupiah(r.total_realisasi),
                sel_persen(r.total_serapan),
            ],
            JenisBaris.TOTAL,
        )
    )
    tw = f"TW {ROMAWI[sampai]}"
    catatan = [
        "Capaian kinerja: realisasi sampai triwulan laporan dibanding target tahunan.",
        _CATATAN_PAGU.format(tanggal=format_tanggal(r.per_tanggal)),
    ]
    if not r.baris and not r.penunjang:
        baris, catatan = [], [_TANPA_ANGGARAN.format(tahun=tahun)]
    return TabelLaporan(
        nama="anggaran-kinerja",
        judul=[
            "REALISASI ANGGARAN DENGAN KINERJA",
            nama_instansi(opd).upper(),
            teks_periode(tahun, triwulan).upper(),
        ],
        instansi=nama_instansi(opd),
        periode=teks_periode(tahun, triwulan),
        kepala=[
            [
                SelKepala("No", rowspan=2),
                SelKepala("Sasaran", rowspan=2),
                SelKepala("Indikator", rowspan=2),
                SelKepala(f"Realisasi Kinerja s.d. {tw}", colspan=3),
                SelKepala(f"Realisasi Anggaran s.d. {tw}", colspan=3),
            ],
            [
                SelKepala("Target"),
                SelKepala("Realisasi"),
                SelKepala("Capaian (%)"),
                SelKepala("Pagu (Rp)"),
                SelKepala("Realisasi (Rp)"),
                SelKepala("Serapan (%)"),
            ],
        ],
        kolom=[Kolom(5), Kolom(24), Kolom(32)]
        + [Kolom(9, angka=True)] * 3
        + [Kolom(15, angka=True), Kolom(15, angka=True), Kolom(9, angka=True)],
        baris=baris,
        lanskap=True,
        catatan=catatan,
        tahun=tahun,
        triwulan=triwulan,
    )


def tabel_refocusing(sesi: Session, opd: Opd, tahun: int, triwulan: int | None) -> TabelLaporan:
    """ "DATA REFOCUSING": each cut with the pagu before and after, and the total."""
    revisi = daftar_revisi(sesi, renstra_untuk(sesi, opd, tahun), tahun, jenis="refocusing")
    baris: list[BarisTabel] = []
    for no, rv in enumerate(revisi, start=1):
        baris.append(
            BarisTabel(
                [
                    sel_teks(str(no)),
                    sel_teks(rv.program),
                    sel_teks(rv.kegiatan),
                    sel_rupiah(rv.pagu_semula),
                    sel_rupiah(-rv.selisih),
                    sel_rupiah(rv.pagu_menjadi),
                    sel_teks(format_tanggal(rv.tanggal)),
                    sel_teks(rv.alasan),
                ]
            )
        )
    total = sum((-rv.selisih for rv in revisi), Decimal(0))
    semula = _jumlah([rv.pagu_semula for rv in revisi])
    menjadi = _jumlah([rv.pagu_menjadi for rv in revisi])
    baris.append(
        BarisTabel(
            [
                sel_teks(None),
                sel_teks("Jumlah", colspan=2),
                sel_rupiah(semula),
                sel_rupiah(total),
                sel_rupiah(menjadi),
                sel_teks(None),
                sel_teks(None),
            ],
            JenisBaris.TOTAL,
        )
    )
    upaya: list[str] = []
    for rv in revisi:
        if rv.upaya and rv.upaya not in upaya:
            upaya.append(rv.upaya)
    return TabelLaporan(
        nama="refocusing",
        judul=["DATA REFOCUSING ANGGARAN", nama_instansi(opd).upper(), f"TAHUN {tahun}"],
        instansi=nama_instansi(opd),
        periode=f"Tahun {tahun}",
        kepala=[
            [
                SelKepala("No"),
                SelKepala("Program"),
                SelKepala("Kegiatan"),
                SelKepala("Pagu Semula (Rp)"),
                SelKepala("Refocusing (Rp)"),
                SelKepala("Pagu Setelah Refocusing (Rp)"),
                SelKepala("Tanggal"),
                SelKepala("Alasan"),
            ]
        ],
        kolom=[
            Kolom(4),
            Kolom(24),
            Kolom(30),
            Kolom(14, angka=True),
            Kolom(14, angka=True),
            Kolom(14, angka=True),
            Kolom(13),
            Kolom(22),
        ],
        baris=baris,
        lanskap=True,
        catatan=[f"Upaya/strategi: {u}" for u in upaya],
        tahun=tahun,
    )
