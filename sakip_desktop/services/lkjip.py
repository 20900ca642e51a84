"""The LKjIP of a year as plain data (PermenPANRB 53/2014, Lampiran II), for the PDF and DOCX.

Every table and chart comes from the database: the organisation (BAB I), the Renstra, IKU
and PK of the year (BAB II), the capaian per sasaran and indicator against the target, the
two earlier years and the Renstra end target, and the budget per sasaran with its serapan
and efficiency (BAB III), the PK and the measurement table (Lampiran). The paragraphs come
from the narrative the agency saved for the year (services/lkjip_narasi.py).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import DokumenTarget, Eselon, JenisNode
from ..errors import TidakDitemukan
from ..kalkulasi import NilaiTarget, hitung_capaian
from ..model import Jabatan, Opd, Target, UnitKerja
from ..storage import Database
from .anggaran import ringkasan_anggaran
from .capaian import BarisCapaian, nilai_target, tabel_capaian
from .konsistensi import pk_berlaku
from .konteks import pilih_opd, renstra_untuk
from .lkjip_narasi import baca_narasi, kunci_sasaran, sasaran_rencana
from .pk_susun import Pihak, logo_kop, pemangku_pada, pihak_pada, susun_draf, tanggal_bawaan
from .pohon import muat_pohon, telusuri
from .target import teks_target


@dataclass(frozen=True)
class RiwayatTahun:
    tahun: int
    realisasi: str
    capaian: Decimal | None


@dataclass(frozen=True)
class BarisKinerja:
    """One indicator of a sasaran in BAB III."""

    kode: str
    indikator: str
    satuan: str
    target: str
    realisasi: str
    capaian: Decimal | None
    band: str | None
    riwayat: tuple[RiwayatTahun, ...]
    """The two earlier years, oldest first."""
    target_akhir: str
    """The Renstra's target for its last year."""
    capaian_akhir: Decimal | None
    """Realisasi of the year against the Renstra end target."""


@dataclass(frozen=True)
class BarisAnggaranLkjip:
    sasaran: str
    indikator: str | None
    pagu: Decimal
    realisasi: Decimal | None
    serapan: Decimal | None
    capaian: Decimal | None
    efisiensi: Decimal | None
    """Capaian kinerja minus serapan anggaran, in percentage points (positive: efficient)."""


@dataclass(frozen=True)
class SasaranLkjip:
    nomor: int
    node_id: uuid.UUID
    uraian: str
    baris: tuple[BarisKinerja, ...]
    narasi: dict[str, str]


@dataclass(frozen=True)
class BarisRenstra:
    jenis: str
    uraian: str
    indikator: str
    target: tuple[str, ...]
    """One per year of the Renstra period."""


@dataclass(frozen=True)
class BarisSederhana:
    """A row of a plain table (IKU, PK, struktur, pengukuran): cells as text."""

    sel: tuple[str, ...]
    tebal: bool = False


@dataclass
class DokumenLkjip:
    tahun: int
    opd: str
    pemda: str
    tempat: str
    tanggal: date
    logo: Path | None
    kepala: Pihak | None
    jabatan_kepala: str
    narasi: dict[str, str]
    struktur: list[BarisSederhana] = field(default_factory=list)
    renstra_nama: str = ""
    renstra_tahun: tuple[int, ...] = ()
    renstra: list[BarisRenstra] = field(default_factory=list)
    iku: list[BarisSederhana] = field(default_factory=list)
    pk_kinerja: list[BarisSederhana] = field(default_factory=list)
    pk_anggaran: list[BarisSederhana] = field(default_factory=list)
    pk_keterangan: str = ""
    sasaran: list[SasaranLkjip] = field(default_factory=list)
    anggaran: list[BarisAnggaranLkjip] = field(default_factory=list)
    total_pagu: Decimal | None = None
    total_realisasi: Decimal | None = None
    total_serapan: Decimal | None = None
    pengukuran: list[BarisSederhana] = field(default_factory=list)

    @property
    def judul(self) -> str:
        return f"LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN {self.tahun}"


def _teks_nilai(nilai: Decimal | None, satuan: str) -> str:
    return teks_target(NilaiTarget(nilai=nilai) if nilai is not None else None, satuan)


def _realisasi(b: BarisCapaian) -> str:
    if b.realisasi_teks:
        return b.realisasi_teks
    return _teks_nilai(b.realisasi, b.satuan)


def _capaian_tahun(sesi: Session, opd: Opd, tahun: int) -> dict[uuid.UUID, BarisCapaian]:
    try:
        return {b.indikator_id: b for b in tabel_capaian(sesi, opd, tahun)}
    except TidakDitemukan:
        return {}


def tanggal_laporan(tahun: int) -> date:
    """The LKjIP is signed early the next year: the end of March, or today if earlier."""
    return min(date.today(), date(tahun + 1, 3, 31)) if date.today().year > tahun else date.today()


def _kepala_dinas(sesi: Session, opd: Opd) -> Jabatan | None:
    return sesi.scalars(
        select(Jabatan).where(Jabatan.opd_id == opd.id, Jabatan.eselon == Eselon.II)
    ).first()


def _struktur(sesi: Session, opd: Opd, tanggal: date) -> list[BarisSederhana]:
    units = sesi.scalars(select(UnitKerja).where(UnitKerja.opd_id == opd.id)).all()
    anak: dict[uuid.UUID | None, list[UnitKerja]] = {}
    for u in units:
        anak.setdefault(u.parent_id, []).append(u)
    for daftar in anak.values():
        daftar.sort(key=lambda u: (u.urutan if hasattr(u, "urutan") else 0, u.nama))
    jabatan = sesi.scalars(
        select(Jabatan).where(
            Jabatan.opd_id == opd.id, Jabatan.eselon.in_([Eselon.II, Eselon.III, Eselon.IV])
        )
    ).all()
    per_unit: dict[uuid.UUID, Jabatan] = {}
    for j in jabatan:
        if j.unit_id is not None and j.unit_id not in per_unit:
            per_unit[j.unit_id] = j
    hasil: list[BarisSederhana] = []

    def jalan(induk: uuid.UUID | None, d: int) -> None:
        for u in anak.get(induk, []):
            j = per_unit.get(u.id)
            p = pemangku_pada(j, tanggal) if j else None
            nama = p.status.awalan + p.pegawai.nama_lengkap if p else "—"
            hasil.append(
                BarisSederhana(("   " * d + u.nama, j.nama if j else "—", nama), tebal=d == 0)
            )
            jalan(u.id, d + 1)

    jalan(None, 0)
    return hasil


def _renstra(
    sesi: Session, opd: Opd, tahun: int, doc: DokumenLkjip
) -> dict[uuid.UUID, Target | None]:
    renstra = renstra_untuk(sesi, opd, tahun)
    doc.renstra_nama = renstra.nama or f"Renstra {renstra.label}"
    doc.renstra_tahun = tuple(renstra.tahun)
    pasangan = [
        (s.node, ind)
        for s in telusuri(muat_pohon(sesi, renstra))
        if s.node.renstra_id == renstra.id and s.node.jenis in (JenisNode.TUJUAN, JenisNode.SASARAN)
        for ind in s.node.indikator
    ]
    ids = [ind.id for _, ind in pasangan]
    per: dict[tuple[uuid.UUID, int], Target] = {}
    for t in sesi.scalars(
        select(Target).where(
            Target.indikator_id.in_(ids),
            Target.dokumen == DokumenTarget.RENSTRA,
            Target.triwulan == 0,
        )
    ):
        k = (t.indikator_id, t.tahun)
        if k not in per or t.perubahan_ke > per[k].perubahan_ke:
            per[k] = t
    for node, ind in pasangan:
        doc.renstra.append(
            BarisRenstra(
                node.jenis.label,
                node.uraian,
                ind.nama,
                tuple(
                    teks_target(nilai_target(per.get((ind.id, th))), ind.satuan)
                    for th in renstra.tahun
                ),
            )
        )
    akhir: dict[uuid.UUID, Target | None] = {}
    for s in telusuri(muat_pohon(sesi, renstra)):
        for ind in s.node.indikator:
            akhir[ind.id] = per.get((ind.id, renstra.tahun_akhir))
    return akhir


def susun_lkjip(sesi: Session, opd: Opd, tahun: int) -> DokumenLkjip:
    """Everything the year's LKjIP prints, read in one session."""
    tanggal = tanggal_laporan(tahun)
    kadis = _kepala_dinas(sesi, opd)
    doc = DokumenLkjip(
        tahun=tahun,
        opd=opd.nama,
        pemda=opd.pemda.nama,
        tempat=opd.tempat_ttd or opd.pemda.ibu_kota or "",
        tanggal=tanggal,
        logo=logo_kop(sesi, opd.id),
        kepala=pihak_pada(kadis, tanggal) if kadis else None,
        jabatan_kepala=kadis.nama if kadis else f"Kepala {opd.nama}",
        narasi=baca_narasi(sesi, opd.id, tahun),
    )
    doc.struktur = _struktur(sesi, opd, tanggal)
    renstra = renstra_untuk(sesi, opd, tahun)
    target_akhir = _renstra(sesi, opd, tahun, doc)
    kini = _capaian_tahun(sesi, opd, tahun)
    dulu = {th: _capaian_tahun(sesi, opd, th) for th in (tahun - 2, tahun - 1)}
    for s in telusuri(muat_pohon(sesi, renstra)):
        for ind in s.node.indikator:
            if ind.iku and s.node.renstra_id == renstra.id:
                b = kini.get(ind.id)
                doc.iku.append(
                    BarisSederhana(
                        (
                            s.node.uraian,
                            ind.nama,
                            ind.rumus or "—",
                            teks_target(b.target_tahunan if b else None, ind.satuan),
                        )
                    )
                )
    # BAB III: per sasaran
    for nomor, node in enumerate(sasaran_rencana(sesi, opd, tahun), start=1):
        baris = []
        for ind in node.indikator:
            b = kini.get(ind.id)
            if b is None:
                continue
            t_akhir = target_akhir.get(ind.id)
            akhir = nilai_target(t_akhir)
            baris.append(
                BarisKinerja(
                    kode=ind.kode,
                    indikator=ind.nama,
                    satuan=ind.satuan,
                    target=teks_target(b.target_tahunan, ind.satuan),
                    realisasi=_realisasi(b),
                    capaian=b.capaian_tahunan,
                    band=b.band.label if b.band else None,
                    riwayat=tuple(
                        RiwayatTahun(
                            th,
                            _realisasi(dulu[th][ind.id]) if ind.id in dulu[th] else "—",
                            dulu[th][ind.id].capaian_tahunan if ind.id in dulu[th] else None,
                        )
                        for th in (tahun - 2, tahun - 1)
                    ),
                    target_akhir=teks_target(akhir, ind.satuan),
                    capaian_akhir=hitung_capaian(b.realisasi, akhir, ind.polaritas)
                    if akhir is not None and b.realisasi is not None
                    else None,
                )
            )
        doc.sasaran.append(
            SasaranLkjip(
                nomor,
                node.id,
                node.uraian,
                tuple(baris),
                {
                    sub: doc.narasi.get(kunci_sasaran(node.id, sub), "")
                    for sub in ("analisis", "sebab", "solusi")
                },
            )
        )
    # BAB III B: budget
    r = ringkasan_anggaran(sesi, renstra, tahun)
    for a in r.baris:
        cap = kini[a.indikator_id].capaian_tahunan if a.indikator_id in kini else None
        doc.anggaran.append(
            BarisAnggaranLkjip(
                a.sasaran,
                a.indikator,
                a.pagu,
                a.realisasi,
                a.serapan,
                cap,
                cap - a.serapan if cap is not None and a.serapan is not None else None,
            )
        )
    if r.baris:
        doc.total_pagu, doc.total_realisasi, doc.total_serapan = (
            r.total_pagu,
            r.total_realisasi,
            r.total_serapan,
        )
    _pk(sesi, opd, tahun, kadis, doc)
    for b in kini.values():
        if b.target_tahunan is None and b.realisasi is None:
            continue
        doc.pengukuran.append(
            BarisSederhana(
                (
                    b.kode,
                    b.indikator,
                    teks_target(b.target_tahunan, b.satuan),
                    _realisasi(b),
                    _persen(b.capaian_tahunan),
                ),
                tebal=b.level is not None and b.level <= 2,
            )
        )
    return doc


def _persen(x: Decimal | None) -> str:
    from ..angka import format_persen

    return format_persen(x) if x is not None else "—"


def _pk(sesi: Session, opd: Opd, tahun: int, kadis: Jabatan | None, doc: DokumenLkjip) -> None:
    """The Kepala Dinas' PK: the signed (or latest stored) one, else a draft from the tree."""
    from ..angka import format_rupiah
    from .pk_susun import target_baris

    if kadis is None:
        doc.pk_keterangan = "Jabatan Kepala Dinas (Eselon II) belum dicatat."
        return
    tersimpan = next((p for p in pk_berlaku(sesi, opd, tahun) if p.jabatan_id == kadis.id), None)
    if tersimpan is not None:
        doc.pk_keterangan = (
            f"Perjanjian Kinerja {kadis.nama} tahun {tahun}"
            + (f" (perubahan ke-{tersimpan.versi_ke})" if tersimpan.versi_ke else "")
            + f", status {tersimpan.status.label.lower()}."
        )
        for b in tersimpan.baris:
            if b.bagian == "kinerja":
                doc.pk_kinerja.append(
                    BarisSederhana(
                        (b.uraian, b.indikator_teks or "—", teks_target(target_baris(b), b.satuan))
                    )
                )
            else:
                doc.pk_anggaran.append(BarisSederhana((b.uraian, format_rupiah(b.anggaran))))
        return
    draf = susun_draf(sesi, kadis, tahun, tanggal_bawaan(tahun))
    doc.pk_keterangan = (
        f"Perjanjian Kinerja {kadis.nama} tahun {tahun} belum tersimpan; "
        "disusun dari pohon kinerja."
    )
    for b in draf.kinerja:
        doc.pk_kinerja.append(
            BarisSederhana((b.uraian, b.indikator_teks or "—", teks_target(b.target, b.satuan)))
        )
    for b in draf.anggaran:
        doc.pk_anggaran.append(BarisSederhana((b.uraian, format_rupiah(b.anggaran))))


class LayananLkjip:
    """Draft the LKjIP of a year to PDF or DOCX."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def susun(self, tahun: int, opd: str | None = None) -> DokumenLkjip:
        with self.db.baca() as sesi:
            return susun_lkjip(sesi, pilih_opd(sesi, opd), tahun)

    def tulis(self, tahun: int, tujuan: Path, *, opd: str | None = None) -> Path:
        """Write the report; the format follows the extension (.pdf or .docx)."""
        from ..errors import InputTidakSah

        doc = self.susun(tahun, opd)
        akhiran = tujuan.suffix.lower()
        if akhiran == ".pdf":
            from ..reports.lkjip_pdf import tulis_lkjip_pdf

            return tulis_lkjip_pdf(doc, tujuan)
        if akhiran == ".docx":
            from ..reports.lkjip_docx import tulis_lkjip_docx

            return tulis_lkjip_docx(doc, tujuan)
        raise InputTidakSah(
            f"Berkas keluaran LKjIP harus .pdf atau .docx, bukan {tujuan.name!r}.", field="out"
        )
