"""Drafting a Perjanjian Kinerja from the performance tree, and the plain data it prints from.

A PK row is a copy of the tree at one moment: the sasaran and indicators the position owns
with the target in force for the year (PK document, else Renja, else Renstra), and the
program/kegiatan/sub kegiatan it manages with the pagu in force on the signing date. The
parties are whoever holds the position and its superior on that date. Everything here only
reads; `services/pk.py` stores and locks what is drafted.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..angka import format_rupiah, format_tanggal
from ..domain import Eselon, JenisNode, StatusPemangku, StatusPK
from ..errors import KesalahanPengguna, TidakDitemukan
from ..kalkulasi import NilaiTarget
from ..model import (
    BarisPK,
    Indikator,
    Jabatan,
    Opd,
    PemangkuJabatan,
    Pemda,
    Pengaturan,
    PerjanjianKinerja,
    Renstra,
    Target,
    UnitKerja,
)
from ..reports.pk_pdf import TemplatPK, teks_target
from ..sumber_daya import folder_sumber_daya
from .anggaran import pagu_berlaku
from .capaian import target_berlaku
from .konteks import renstra_untuk
from .pohon import SimpulPohon, muat_pohon, telusuri

JENIS_KINERJA: dict[Eselon, tuple[JenisNode, ...]] = {
    Eselon.KEPALA_DAERAH: (JenisNode.SASARAN_RPJMD,),
    Eselon.II: (JenisNode.SASARAN,),
    Eselon.III: (JenisNode.PROGRAM,),
    Eselon.IV: (JenisNode.KEGIATAN, JenisNode.SUB_KEGIATAN),
    Eselon.STAF: (JenisNode.RENCANA_HASIL_KERJA,),
}
"""The nodes whose sasaran and indicators make a position's PK, by level (DOMAIN.md)."""

_URUTAN_ESELON = {e: i for i, e in enumerate(JENIS_KINERJA)}

KUNCI_LOGO = "logo_kop"
"""Setting (per agency, else global): path of the letterhead logo, as a JSON string."""
KUNCI_TEMPLAT = "templat_pk"
"""Setting (per agency, else global): a JSON object replacing some of the PK's wording
(keys of `reports.pk_pdf.TemplatPK`)."""
LOGO_CONTOH = folder_sumber_daya() / "logo" / "logo-kop-contoh.png"


@dataclass(frozen=True)
class Pihak:
    """One party of a PK as printed (a snapshot once signed)."""

    nama: str
    nip: str | None
    pangkat: str | None
    jabatan: str
    status: StatusPemangku = StatusPemangku.DEFINITIF
    pegawai_id: uuid.UUID | None = None
    kepala_daerah: bool = False
    """A Bupati/Wali Kota: no NIP and no pangkat line under the signature."""

    @property
    def jabatan_cetak(self) -> str:
        """The jabatan with "Plt. "/"Plh. " before it for an acting holder."""
        return self.status.awalan + self.jabatan


@dataclass(frozen=True)
class BarisPKData:
    """One lampiran row: ``bagian`` "kinerja" (sasaran · indikator · target) or "anggaran"
    (program/kegiatan · anggaran, ``induk_teks`` the heading it is grouped under)."""

    bagian: str
    urutan: int
    uraian: str
    indikator_teks: str | None = None
    target: NilaiTarget | None = None
    satuan: str | None = None
    anggaran: Decimal | None = None
    keterangan: str | None = None
    induk_teks: str | None = None
    node_id: uuid.UUID | None = None
    indikator_id: uuid.UUID | None = None
    id: uuid.UUID | None = None
    versi: int | None = None


@dataclass(frozen=True)
class KopSurat:
    """The letterhead: PEMERINTAH KABUPATEN …, the agency, its address, the logo."""

    pemda: str
    opd: str | None = None
    alamat: str | None = None
    telepon: str | None = None
    surel: str | None = None
    laman: str | None = None
    logo: Path | None = None


@dataclass(frozen=True)
class DokumenPK:
    """Everything a PK prints from, detached from the database.

    ``id`` is None for a PK drafted on the fly and not saved (headless printing of a year
    nobody has drafted yet).
    """

    id: uuid.UUID | None
    versi: int | None
    jabatan_id: uuid.UUID
    jabatan: str
    eselon: Eselon
    unit: str | None
    tahun: int
    versi_ke: int
    status: StatusPK
    tempat: str | None
    tanggal: date | None
    pertama: Pihak | None
    kedua: Pihak | None
    kinerja: tuple[BarisPKData, ...]
    anggaran: tuple[BarisPKData, ...]
    kop: KopSurat
    alasan_perubahan: str | None = None

    @property
    def perubahan(self) -> bool:
        return self.versi_ke > 0

    @property
    def satu_penandatangan(self) -> bool:
        """The Bupati's own PK: one signatory, no PIHAK KEDUA."""
        return self.eselon is Eselon.KEPALA_DAERAH

    @property
    def total_anggaran(self) -> Decimal:
        return sum((b.anggaran for b in self.anggaran if b.anggaran is not None), Decimal(0))

    @property
    def label(self) -> str:
        jenis = f"PK Perubahan ke-{self.versi_ke}" if self.perubahan else "PK"
        return f"{jenis} {self.tahun} — {self.jabatan}"


@dataclass
class DrafPK:
    """What the tree gives for one position, year and date, before it is stored."""

    jabatan: Jabatan
    tahun: int
    tanggal: date
    pertama: Pihak | None
    kedua: Pihak | None
    kinerja: list[BarisPKData] = field(default_factory=list)
    anggaran: list[BarisPKData] = field(default_factory=list)

    @property
    def tanpa_target(self) -> list[str]:
        """Indicators with no target for the year (and a note if there is no row at all)."""
        if not self.kinerja:
            return ["tidak ada sasaran/indikator milik jabatan ini di pohon kinerja"]
        return [
            b.indikator_teks or b.uraian
            for b in self.kinerja
            if b.target is None or b.target.kosong
        ]


def tanggal_bawaan(tahun: int) -> date:
    """The first working day of the year (2 January, or the Monday after a weekend): PKs are
    signed at the start of the year, before any refocusing changes the pagu."""
    d = date(tahun, 1, 2)
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


# --- parties ---------------------------------------------------------------------------------


def pemangku_pada(jabatan: Jabatan, tanggal: date) -> PemangkuJabatan | None:
    """Who held ``jabatan`` on ``tanggal`` (the latest appointment if two overlap)."""
    kandidat = [
        p
        for p in jabatan.pemangku
        if p.mulai <= tanggal and (p.selesai is None or p.selesai >= tanggal)
    ]
    return max(kandidat, key=lambda p: p.mulai) if kandidat else None


def pihak_pada(jabatan: Jabatan, tanggal: date) -> Pihak | None:
    """The holder of ``jabatan`` on ``tanggal`` as a PK party, None when vacant."""
    pemangku = pemangku_pada(jabatan, tanggal)
    if pemangku is None:
        return None
    p = pemangku.pegawai
    kepala_daerah = jabatan.eselon is Eselon.KEPALA_DAERAH
    return Pihak(
        nama=p.nama_lengkap,
        nip=None if kepala_daerah else p.nip,
        pangkat=None if kepala_daerah else p.pangkat_golongan,
        jabatan=jabatan.nama,
        status=pemangku.status,
        pegawai_id=p.id,
        kepala_daerah=kepala_daerah,
    )


# --- the tree --------------------------------------------------------------------------------


def renstra_jabatan(sesi: Session, jabatan: Jabatan, tahun: int) -> list[Renstra]:
    """The plans a position's PK draws on: its agency's, or every agency's for the Bupati."""
    if jabatan.opd_id is not None:
        opd = sesi.get(Opd, jabatan.opd_id)
        assert opd is not None
        return [renstra_untuk(sesi, opd, tahun)]
    semua = sesi.scalars(
        select(Renstra)
        .join(Opd, Opd.id == Renstra.opd_id)
        .where(Opd.pemda_id == jabatan.pemda_id)
        .where(Renstra.tahun_awal <= tahun, Renstra.tahun_akhir >= tahun)
        .order_by(Opd.nama)
    ).all()
    if not semua:
        raise TidakDitemukan(f"Tidak ada Renstra yang mencakup tahun {tahun}.")
    return list(semua)


def simpul_urut(sesi: Session, renstra: Iterable[Renstra]) -> list[SimpulPohon]:
    """Every node of the plans in tree order, an RPJMD node shared by plans only once."""
    hasil: list[SimpulPohon] = []
    sudah: set[uuid.UUID] = set()
    for r in renstra:
        for s in telusuri(muat_pohon(sesi, r)):
            if s.node.id not in sudah:
                sudah.add(s.node.id)
                hasil.append(s)
    return hasil


def target_tahun(
    sesi: Session, indikator_ids: Iterable[uuid.UUID], tahun: int
) -> dict[uuid.UUID, NilaiTarget | None]:
    """The yearly target in force per indicator (PK, else Renja, else Renstra)."""
    ids = list(indikator_ids)
    baris: dict[uuid.UUID, list[Target]] = defaultdict(list)
    for t in sesi.scalars(
        select(Target).where(Target.tahun == tahun, Target.indikator_id.in_(ids))
    ):
        baris[t.indikator_id].append(t)
    return {i: target_berlaku(baris[i]).tahunan for i in ids}


def _pagu_simpul(simpul: SimpulPohon, pagu: dict[uuid.UUID, Decimal]) -> Decimal | None:
    """A node's own pagu, else the sum of its descendants' (budgets sit on kegiatan)."""
    if simpul.node.id in pagu:
        return pagu[simpul.node.id]
    bagian = [p for a in simpul.anak if (p := _pagu_simpul(a, pagu)) is not None]
    return sum(bagian, Decimal(0)) if bagian else None


def _pernyataan(simpul: SimpulPohon) -> str:
    """What the PK prints as the sasaran: a program's/kegiatan's own sasaran text."""
    n = simpul.node
    return (n.sasaran or n.uraian) if n.jenis in _BERSASARAN else n.uraian


_BERSASARAN = {JenisNode.PROGRAM, JenisNode.KEGIATAN, JenisNode.SUB_KEGIATAN}


def _baris_anggaran(
    jabatan: Jabatan, semua: list[SimpulPohon], milik: list[SimpulPohon]
) -> Iterator[tuple[SimpulPohon, str | None]]:
    """The budget lines of a PK with their grouping heading, by level (DOMAIN.md)."""
    if jabatan.eselon in (Eselon.KEPALA_DAERAH, Eselon.II):
        for s in semua:
            if s.node.jenis is JenisNode.PROGRAM:
                yield s, None
    elif jabatan.eselon is Eselon.III:
        for prog in (s for s in milik if s.node.jenis is JenisNode.PROGRAM):
            kegiatan = [a for a in prog.anak if a.node.jenis is JenisNode.KEGIATAN]
            if not kegiatan:
                yield prog, None
            for k in kegiatan:
                yield k, prog.node.uraian
    elif jabatan.eselon is Eselon.IV:
        for keg in (s for s in milik if s.node.jenis is JenisNode.KEGIATAN):
            sub = [a for a in keg.anak if a.node.jenis is JenisNode.SUB_KEGIATAN]
            if not sub:
                yield keg, None
            for sk in sub:
                yield sk, keg.node.uraian


def susun_draf(sesi: Session, jabatan: Jabatan, tahun: int, tanggal: date) -> DrafPK:
    """Draft one position's PK from the tree: parties on ``tanggal``, targets of ``tahun``,
    pagu in force on ``tanggal`` (so a PK perubahan after a refocusing shows the cut)."""
    semua = simpul_urut(sesi, renstra_jabatan(sesi, jabatan, tahun))
    jenis = JENIS_KINERJA[jabatan.eselon]
    milik = [s for s in semua if s.node.pemilik_id == jabatan.id and s.node.jenis in jenis]
    atasan = jabatan.atasan
    draf = DrafPK(
        jabatan=jabatan,
        tahun=tahun,
        tanggal=tanggal,
        pertama=pihak_pada(jabatan, tanggal),
        kedua=pihak_pada(atasan, tanggal) if atasan is not None else None,
    )
    target = target_tahun(sesi, (i.id for s in milik for i in s.node.indikator), tahun)
    for s in milik:
        indikator: list[Indikator | None] = list(s.node.indikator) or [None]
        for ind in indikator:
            draf.kinerja.append(
                BarisPKData(
                    bagian="kinerja",
                    urutan=len(draf.kinerja),
                    uraian=_pernyataan(s),
                    indikator_teks=ind.nama if ind else None,
                    target=target.get(ind.id) if ind else None,
                    satuan=ind.satuan if ind else None,
                    node_id=s.node.id,
                    indikator_id=ind.id if ind else None,
                )
            )
    pagu = pagu_berlaku(sesi, (s.node.id for s in semua), tahun, tanggal)
    for s, induk in _baris_anggaran(jabatan, semua, milik):
        draf.anggaran.append(
            BarisPKData(
                bagian="anggaran",
                urutan=len(draf.anggaran),
                uraian=s.node.uraian,
                anggaran=_pagu_simpul(s, pagu),
                induk_teks=induk,
                node_id=s.node.id,
            )
        )
    return draf


# --- positions and units -----------------------------------------------------------------------


def _unit_urut(sesi: Session, opd_id: uuid.UUID) -> list[UnitKerja]:
    """The agency's units in pre-order (dinas, sekretariat and its subbagian, bidang…)."""
    semua = sesi.scalars(
        select(UnitKerja).where(UnitKerja.opd_id == opd_id).order_by(UnitKerja.urutan)
    ).all()
    anak: dict[uuid.UUID | None, list[UnitKerja]] = defaultdict(list)
    for u in semua:
        anak[u.parent_id].append(u)
    hasil: list[UnitKerja] = []

    def jalan(u: UnitKerja) -> None:
        hasil.append(u)
        for a in anak.get(u.id, []):
            jalan(a)

    for akar in anak.get(None, []):
        jalan(akar)
    return hasil


def subtree_unit(sesi: Session, unit: UnitKerja) -> set[uuid.UUID]:
    """A unit and every unit below it."""
    hasil = {unit.id}
    for u in _unit_urut(sesi, unit.opd_id):
        if u.parent_id in hasil:
            hasil.add(u.id)
    return hasil


def cari_unit(sesi: Session, opd: Opd, teks: str) -> UnitKerja:
    """A unit by its code ("PK") or name, for "every PK of one bidang"."""
    cari = teks.strip().casefold()
    unit = _unit_urut(sesi, opd.id)
    for u in unit:
        if cari in {(u.kode or "").casefold(), u.nama.casefold()}:
            return u
    cocok = [u for u in unit if cari in u.nama.casefold()]
    if len(cocok) == 1:
        return cocok[0]
    daftar = ", ".join(f"{u.kode} ({u.nama})" if u.kode else u.nama for u in unit)
    raise TidakDitemukan(f"Unit/bidang {teks!r} tidak ditemukan. Pilih salah satu: {daftar}.")


def jabatan_opd(sesi: Session, opd: Opd, unit: UnitKerja | None = None) -> list[Jabatan]:
    """Positions that sign a PK in the agency (all but the Bupati), unit by unit in the
    organisation's order, the head of a unit before its staff; ``unit`` limits to a subtree."""
    urut_unit = {u.id: i for i, u in enumerate(_unit_urut(sesi, opd.id))}
    batas = subtree_unit(sesi, unit) if unit is not None else None
    semua = sesi.scalars(
        select(Jabatan)
        .where(Jabatan.opd_id == opd.id)
        .options(
            selectinload(Jabatan.pemangku).selectinload(PemangkuJabatan.pegawai),
            selectinload(Jabatan.unit),
        )
    ).all()
    pilih = [j for j in semua if batas is None or j.unit_id in batas]
    return sorted(
        pilih,
        key=lambda j: (
            urut_unit.get(j.unit_id, len(urut_unit)) if j.unit_id else -1,
            _URUTAN_ESELON[j.eselon],
            j.urutan,
            j.nama,
        ),
    )


def cari_jabatan(sesi: Session, opd: Opd, teks: str) -> Jabatan:
    """A position by its name as printed, exactly or by a unique part of it ("Kabid IPK" does
    not work, "Informasi Pasar Kerja dan" does); the Bupati too."""
    cari = " ".join(teks.split()).casefold()
    semua = list(jabatan_opd(sesi, opd))
    kd = sesi.scalars(
        select(Jabatan).where(
            Jabatan.pemda_id == opd.pemda_id, Jabatan.eselon == Eselon.KEPALA_DAERAH
        )
    ).all()
    semua.extend(kd)
    for j in semua:
        if j.nama.casefold() == cari:
            return j
    cocok = [j for j in semua if cari in j.nama.casefold()]
    if len(cocok) == 1:
        return cocok[0]
    if cocok:
        daftar = "; ".join(j.nama for j in cocok[:8])
        raise TidakDitemukan(f"Jabatan {teks!r} cocok dengan beberapa jabatan: {daftar}.")
    raise TidakDitemukan(f"Jabatan {teks!r} tidak ada di {opd.nama}.")


def opd_jabatan(sesi: Session, jabatan: Jabatan, opd: Opd | None = None) -> Opd | None:
    """The agency a position belongs to (None for the Bupati unless one is given)."""
    if jabatan.opd_id is not None:
        return sesi.get(Opd, jabatan.opd_id)
    return opd


# --- stored PKs as printable data, and their agreement with the tree -----------------------------


def target_baris(b: BarisPK) -> NilaiTarget | None:
    if b.target is None and b.target_maks is None and b.target_teks is None:
        return None
    return NilaiTarget(nilai=b.target, nilai_maks=b.target_maks, teks=b.target_teks)


def data_baris(b: BarisPK) -> BarisPKData:
    return BarisPKData(
        bagian=b.bagian,
        urutan=b.urutan,
        uraian=b.uraian,
        indikator_teks=b.indikator_teks,
        target=target_baris(b),
        satuan=b.satuan,
        anggaran=b.anggaran,
        keterangan=b.keterangan,
        induk_teks=b.induk_teks,
        node_id=b.node_id,
        indikator_id=b.indikator_id,
        id=b.id,
        versi=b.versi,
    )


def pihak_tersimpan(pk: PerjanjianKinerja, awal: str, kepala_daerah: bool) -> Pihak | None:
    nama = getattr(pk, f"{awal}_nama")
    if nama is None:
        return None
    return Pihak(
        nama=nama,
        nip=getattr(pk, f"{awal}_nip"),
        pangkat=getattr(pk, f"{awal}_pangkat"),
        jabatan=getattr(pk, f"{awal}_jabatan") or "",
        status=getattr(pk, f"{awal}_status") or StatusPemangku.DEFINITIF,
        pegawai_id=getattr(pk, f"{awal}_pegawai_id"),
        kepala_daerah=kepala_daerah,
    )


def isi_pihak(pk: PerjanjianKinerja, awal: str, pihak: Pihak | None) -> None:
    setattr(pk, f"{awal}_pegawai_id", pihak.pegawai_id if pihak else None)
    setattr(pk, f"{awal}_nama", pihak.nama if pihak else None)
    setattr(pk, f"{awal}_nip", pihak.nip if pihak else None)
    setattr(pk, f"{awal}_pangkat", pihak.pangkat if pihak else None)
    setattr(pk, f"{awal}_jabatan", pihak.jabatan if pihak else None)
    setattr(pk, f"{awal}_status", pihak.status if pihak else None)


def _pengaturan(sesi: Session, kunci: str, opd_id: uuid.UUID | None) -> Any:
    """A setting of this module (not in services/pengaturan's list): agency, else global."""
    for oid in ([opd_id] if opd_id else []) + [None]:
        syarat = Pengaturan.opd_id == oid if oid else Pengaturan.opd_id.is_(None)
        baris = sesi.scalar(select(Pengaturan).where(syarat, Pengaturan.kunci == kunci))
        if baris is not None:
            return json.loads(baris.nilai)
    return None


def templat_pk(sesi: Session, opd_id: uuid.UUID | None) -> TemplatPK:
    """The PK wording: the default, with the ``templat_pk`` setting's replacements."""
    nilai = _pengaturan(sesi, KUNCI_TEMPLAT, opd_id)
    if not nilai:
        return TemplatPK()
    if not isinstance(nilai, dict):
        raise KesalahanPengguna(f"Pengaturan {KUNCI_TEMPLAT} harus berupa objek JSON.")
    try:
        return TemplatPK.dari_dict(nilai)
    except ValueError as exc:
        raise KesalahanPengguna(f"Pengaturan {KUNCI_TEMPLAT}: {exc}") from exc


def logo_kop(sesi: Session, opd_id: uuid.UUID | None) -> Path:
    """The letterhead logo: setting ``logo_kop`` (agency, else global), else the neutral
    placeholder shipped in resources/logo."""
    nilai = _pengaturan(sesi, KUNCI_LOGO, opd_id)
    if not nilai:
        return LOGO_CONTOH
    path = Path(str(nilai)).expanduser()
    if not path.is_file():
        raise KesalahanPengguna(
            f"Berkas logo kop surat tidak ditemukan: {path} (pengaturan {KUNCI_LOGO}). "
            "Perbaiki di Pengaturan."
        )
    return path


def tempat_bawaan(sesi: Session, jabatan: Jabatan) -> str | None:
    """Where a PK is signed by default: the agency's ``tempat_ttd``, the regency's capital
    for the Bupati."""
    if jabatan.opd_id is not None:
        opd = sesi.get(Opd, jabatan.opd_id)
        return opd.tempat_ttd if opd else None
    pemda = sesi.get(Pemda, jabatan.pemda_id)
    return pemda.ibu_kota if pemda else None


def kop_surat(sesi: Session, jabatan: Jabatan, opd: Opd | None) -> KopSurat:
    """The letterhead: the agency's for its positions, the regency's for the Bupati."""
    if opd is None or jabatan.opd_id is None:
        pemda = sesi.get(Pemda, jabatan.pemda_id)
        return KopSurat(pemda=pemda.nama if pemda else "", logo=logo_kop(sesi, None))
    return KopSurat(
        pemda=opd.pemda.nama,
        opd=opd.nama,
        alamat=opd.alamat,
        telepon=opd.telepon,
        surel=opd.surel,
        laman=opd.laman,
        logo=logo_kop(sesi, opd.id),
    )


def unit_nama(jabatan: Jabatan) -> str | None:
    return jabatan.unit.nama if jabatan.unit is not None else None


def dokumen_tersimpan(sesi: Session, pk: PerjanjianKinerja) -> DokumenPK:
    """A stored PK as printable data."""
    jabatan = pk.jabatan
    opd = sesi.get(Opd, jabatan.opd_id) if jabatan.opd_id else None
    kd_kedua = jabatan.atasan is not None and jabatan.atasan.eselon is Eselon.KEPALA_DAERAH
    baris = [data_baris(b) for b in pk.baris]
    return DokumenPK(
        id=pk.id,
        versi=pk.versi,
        jabatan_id=jabatan.id,
        jabatan=jabatan.nama,
        eselon=jabatan.eselon,
        unit=unit_nama(jabatan),
        tahun=pk.tahun,
        versi_ke=pk.versi_ke,
        status=pk.status,
        tempat=pk.tempat,
        tanggal=pk.tanggal,
        pertama=pihak_tersimpan(pk, "pertama", jabatan.eselon is Eselon.KEPALA_DAERAH),
        kedua=pihak_tersimpan(pk, "kedua", kd_kedua),
        kinerja=tuple(b for b in baris if b.bagian == "kinerja"),
        anggaran=tuple(b for b in baris if b.bagian == "anggaran"),
        kop=kop_surat(sesi, jabatan, opd),
        alasan_perubahan=pk.alasan_perubahan,
    )


def dokumen_draf(sesi: Session, draf: DrafPK, tempat: str | None) -> DokumenPK:
    """A PK drafted on the fly (not stored) as printable data."""
    jabatan = draf.jabatan
    opd = sesi.get(Opd, jabatan.opd_id) if jabatan.opd_id else None
    return DokumenPK(
        id=None,
        versi=None,
        jabatan_id=jabatan.id,
        jabatan=jabatan.nama,
        eselon=jabatan.eselon,
        unit=unit_nama(jabatan),
        tahun=draf.tahun,
        versi_ke=0,
        status=StatusPK.DRAF,
        tempat=tempat if tempat is not None else tempat_bawaan(sesi, jabatan),
        tanggal=draf.tanggal,
        pertama=draf.pertama,
        kedua=draf.kedua,
        kinerja=tuple(draf.kinerja),
        anggaran=tuple(draf.anggaran),
        kop=kop_surat(sesi, jabatan, opd),
    )


def isi_baris(pk: PerjanjianKinerja, baris: list[BarisPKData]) -> None:
    pk.baris = [
        BarisPK(
            bagian=b.bagian,
            urutan=i,
            node_id=b.node_id,
            indikator_id=b.indikator_id,
            induk_teks=b.induk_teks,
            uraian=b.uraian,
            indikator_teks=b.indikator_teks,
            target=b.target.nilai if b.target else None,
            target_maks=b.target.nilai_maks if b.target else None,
            target_teks=b.target.teks if b.target else None,
            satuan=b.satuan,
            anggaran=b.anggaran,
            keterangan=b.keterangan,
        )
        for i, b in enumerate(baris)
    ]


def wajib_pihak_lengkap(draf: DrafPK | DokumenPK, jabatan: Jabatan) -> None:
    """Refuse a PK with a vacant party: it must never print with empty names."""
    tanggal = format_tanggal(draf.tanggal)
    if draf.pertama is None:
        raise TidakDitemukan(
            f"Jabatan {jabatan.nama} tidak ada pemangkunya pada {tanggal}: "
            "isi pemangku jabatan (atau Plt./Plh.) dulu."
        )
    if jabatan.eselon is Eselon.KEPALA_DAERAH:
        return
    if jabatan.atasan is None:
        raise TidakDitemukan(f"Jabatan {jabatan.nama} belum punya atasan langsung (pihak kedua).")
    if draf.kedua is None:
        raise TidakDitemukan(
            f"Atasan {jabatan.nama}, yaitu {jabatan.atasan.nama}, tidak ada pemangkunya pada "
            f"{tanggal}: isi pemangku jabatan (atau Plt./Plh.) dulu."
        )


@dataclass(frozen=True)
class SelisihPK:
    """A PK row that no longer agrees with the tree (shown on the PK page)."""

    jenis: str
    """"target", "anggaran", "hilang" (no longer in the tree) or "baru" (not in the PK)."""
    uraian: str
    indikator: str | None
    nilai_pk: str
    nilai_pohon: str
    baris_id: uuid.UUID | None = None

    @property
    def pesan(self) -> str:
        apa = self.indikator or self.uraian
        if self.jenis == "hilang":
            return f"{apa}: ada di PK tetapi tidak lagi di pohon kinerja."
        if self.jenis == "baru":
            return f"{apa}: ada di pohon kinerja ({self.nilai_pohon}) tetapi belum di PK."
        if self.jenis == "anggaran":
            return f"{apa}: anggaran PK {self.nilai_pk}, pagu berlaku {self.nilai_pohon}."
        return f"{apa}: PK {self.nilai_pk}, pohon kinerja {self.nilai_pohon}."


def selisih_pk(
    sesi: Session, pk: PerjanjianKinerja, per_tanggal: date | None = None
) -> list[SelisihPK]:
    """Compare a PK's rows with the tree: the targets of its year in force (PK document, else
    Renja, else Renstra), the pagu in force on ``per_tanggal`` (default today, or the end of a
    past year — so an original PK shows the cuts of a later refocusing), rows gone or new."""
    tanggal = per_tanggal or min(date.today(), date(pk.tahun, 12, 31))
    draf = susun_draf(sesi, pk.jabatan, pk.tahun, tanggal)
    pohon_kinerja = {b.indikator_id: b for b in draf.kinerja if b.indikator_id}
    target = {i: b.target for i, b in pohon_kinerja.items()}
    hasil: list[SelisihPK] = []
    ada: set[uuid.UUID] = set()
    for b in pk.baris:
        if b.bagian != "kinerja" or b.indikator_teks is None:
            continue
        if b.indikator_id is None or b.indikator_id not in pohon_kinerja:
            hasil.append(SelisihPK("hilang", b.uraian, b.indikator_teks, "", "", b.id))
            continue
        ada.add(b.indikator_id)
        t_pk, t_pohon = target_baris(b), target.get(b.indikator_id)
        if not _target_sama(t_pk, t_pohon):
            hasil.append(
                SelisihPK(
                    "target",
                    b.uraian,
                    b.indikator_teks,
                    teks_target(t_pk, b.satuan),
                    teks_target(t_pohon, b.satuan),
                    b.id,
                )
            )
    for iid, baru in pohon_kinerja.items():
        if iid not in ada:
            teks = teks_target(baru.target, baru.satuan)
            hasil.append(SelisihPK("baru", baru.uraian, baru.indikator_teks, "", teks))
    pagu_akhir = {b.node_id: b.anggaran for b in draf.anggaran}
    for b in pk.baris:
        if b.bagian == "anggaran" and b.node_id in pagu_akhir:
            sekarang_ = pagu_akhir[b.node_id]
            if (b.anggaran or Decimal(0)) != (sekarang_ or Decimal(0)):
                hasil.append(
                    SelisihPK(
                        "anggaran",
                        b.uraian,
                        None,
                        format_rupiah(b.anggaran),
                        format_rupiah(sekarang_),
                        b.id,
                    )
                )
    return hasil


def _target_sama(a: NilaiTarget | None, b: NilaiTarget | None) -> bool:
    if a is None or a.kosong:
        return b is None or b.kosong
    if b is None or b.kosong:
        return False
    return (
        a.nilai == b.nilai and a.nilai_maks == b.nilai_maks and (a.teks or None) == (b.teks or None)
    )


def versi_pk(sesi: Session, jabatan_id: uuid.UUID, tahun: int) -> list[PerjanjianKinerja]:
    """Every version of one position's PK for a year, the original first."""
    return list(
        sesi.scalars(
            select(PerjanjianKinerja)
            .where(PerjanjianKinerja.jabatan_id == jabatan_id, PerjanjianKinerja.tahun == tahun)
            .order_by(PerjanjianKinerja.versi_ke)
        )
    )
