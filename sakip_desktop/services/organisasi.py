"""The organisation: units, positions with their superior, people and who holds what.

Only the planning staff and the administrator change it (a position's holder decides who
signs a PK, so it is not for every user).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..domain import Eselon, JenisUnit, Peran, StatusPemangku
from ..errors import InputTidakSah, KesalahanPengguna, TidakDitemukan
from ..model import Jabatan, NodeKinerja, Pegawai, PemangkuJabatan, PerjanjianKinerja, UnitKerja
from .otorisasi import wajib_peran
from .pelaku import Pelaku

PENGELOLA = {Peran.ADMINISTRATOR, Peran.PERENCANA}


def _wajib(pelaku: Pelaku) -> None:
    wajib_peran(pelaku, PENGELOLA, "mengubah data organisasi")


def _teks_wajib(nilai: str | None, field: str, nama: str) -> str:
    teks = (nilai or "").strip()
    if not teks:
        raise InputTidakSah(f"{nama} wajib diisi.", field=field)
    return teks


@dataclass(frozen=True)
class InfoJabatan:
    id: uuid.UUID
    nama: str
    eselon: Eselon
    unit_id: uuid.UUID | None
    atasan_id: uuid.UUID | None
    pemangku: str | None
    """Holder today, with Plt./Plh. — None when vacant."""
    versi: int


@dataclass(frozen=True)
class InfoUnit:
    id: uuid.UUID
    parent_id: uuid.UUID | None
    jenis: JenisUnit
    nama: str
    kode: str | None
    versi: int


def pemangku_pada(sesi: Session, jabatan_id: uuid.UUID, tanggal: date) -> PemangkuJabatan | None:
    """Who held the position on ``tanggal`` (the latest start wins if periods overlap)."""
    return sesi.scalar(
        select(PemangkuJabatan)
        .where(
            PemangkuJabatan.jabatan_id == jabatan_id,
            PemangkuJabatan.mulai <= tanggal,
            or_(PemangkuJabatan.selesai.is_(None), PemangkuJabatan.selesai >= tanggal),
        )
        .order_by(PemangkuJabatan.mulai.desc())
        .limit(1)
    )


def daftar_unit(sesi: Session, opd_id: uuid.UUID) -> list[InfoUnit]:
    return [
        InfoUnit(u.id, u.parent_id, u.jenis, u.nama, u.kode, u.versi)
        for u in sesi.scalars(
            select(UnitKerja).where(UnitKerja.opd_id == opd_id).order_by(UnitKerja.urutan)
        )
    ]


def daftar_jabatan_rinci(sesi: Session, opd_id: uuid.UUID, tanggal: date) -> list[InfoJabatan]:
    hasil = []
    for j in sesi.scalars(
        select(Jabatan)
        .where(or_(Jabatan.opd_id == opd_id, Jabatan.opd_id.is_(None)))
        .order_by(Jabatan.urutan, Jabatan.nama)
    ):
        p = pemangku_pada(sesi, j.id, tanggal)
        nama = f"{p.status.awalan}{p.pegawai.nama_lengkap}" if p else None
        hasil.append(InfoJabatan(j.id, j.nama, j.eselon, j.unit_id, j.atasan_id, nama, j.versi))
    return hasil


def simpan_unit(
    sesi: Session,
    pelaku: Pelaku,
    opd_id: uuid.UUID,
    unit_id: uuid.UUID | None,
    *,
    jenis: JenisUnit,
    nama: str,
    kode: str | None = None,
    parent_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Add a unit (``unit_id`` None) or change one."""
    _wajib(pelaku)
    nama = _teks_wajib(nama, "nama", "Nama unit")
    if unit_id is None:
        urutan = sesi.scalar(
            select(func.count()).select_from(UnitKerja).where(UnitKerja.parent_id == parent_id)
        )
        unit = UnitKerja(
            opd_id=opd_id,
            parent_id=parent_id,
            jenis=jenis,
            nama=nama,
            kode=(kode or "").strip() or None,
            urutan=urutan or 0,
        )
        sesi.add(unit)
        sesi.flush()
        return unit.id
    unit = sesi.get(UnitKerja, unit_id)
    if unit is None:
        raise TidakDitemukan("Unit kerja tidak ditemukan.")
    unit.jenis, unit.nama, unit.kode = jenis, nama, (kode or "").strip() or None
    return unit.id


def hapus_unit(sesi: Session, pelaku: Pelaku, unit_id: uuid.UUID) -> None:
    """Delete an empty unit (no sub-units, no positions)."""
    _wajib(pelaku)
    unit = sesi.get(UnitKerja, unit_id)
    if unit is None:
        raise TidakDitemukan("Unit kerja tidak ditemukan.")
    if unit.anak:
        raise KesalahanPengguna(f"{unit.nama} masih memiliki {len(unit.anak)} unit di bawahnya.")
    n = sesi.scalar(select(func.count()).select_from(Jabatan).where(Jabatan.unit_id == unit_id))
    if n:
        raise KesalahanPengguna(f"{unit.nama} masih memiliki {n} jabatan; pindahkan dulu.")
    sesi.delete(unit)


def simpan_jabatan(
    sesi: Session,
    pelaku: Pelaku,
    opd_id: uuid.UUID,
    jabatan_id: uuid.UUID | None,
    *,
    nama: str,
    eselon: Eselon,
    unit_id: uuid.UUID | None,
    atasan_id: uuid.UUID | None,
    versi: int | None = None,
) -> uuid.UUID:
    """Add or change a position; its superior may not be itself or one of its subordinates."""
    _wajib(pelaku)
    nama = _teks_wajib(nama, "nama", "Nama jabatan")
    if jabatan_id is None:
        from ..model import Opd

        opd = sesi.get(Opd, opd_id)
        assert opd is not None
        jabatan = Jabatan(
            pemda_id=opd.pemda_id,
            opd_id=opd_id,
            nama=nama,
            eselon=eselon,
            unit_id=unit_id,
            atasan_id=atasan_id,
        )
        sesi.add(jabatan)
        sesi.flush()
        return jabatan.id
    jabatan = sesi.get(Jabatan, jabatan_id)
    if jabatan is None:
        raise TidakDitemukan("Jabatan tidak ditemukan.")
    if versi is not None and versi != jabatan.versi:
        from ..errors import KonflikVersi

        raise KonflikVersi(
            f"Jabatan ini sudah diubah oleh {jabatan.diubah_oleh or 'pengguna lain'}; muat ulang."
        )
    a = sesi.get(Jabatan, atasan_id) if atasan_id else None
    while a is not None:
        if a.id == jabatan_id:
            raise InputTidakSah(
                "Atasan tidak boleh jabatan itu sendiri atau bawahannya.", field="atasan"
            )
        a = a.atasan
    jabatan.nama, jabatan.eselon = nama, eselon
    jabatan.unit_id, jabatan.atasan_id = unit_id, atasan_id
    return jabatan.id


def hapus_jabatan(sesi: Session, pelaku: Pelaku, jabatan_id: uuid.UUID) -> None:
    """Delete a position that owns no tree node and signed no PK."""
    _wajib(pelaku)
    jabatan = sesi.get(Jabatan, jabatan_id)
    if jabatan is None:
        raise TidakDitemukan("Jabatan tidak ditemukan.")
    node = sesi.scalar(
        select(func.count()).select_from(NodeKinerja).where(NodeKinerja.pemilik_id == jabatan_id)
    )
    pk = sesi.scalar(
        select(func.count())
        .select_from(PerjanjianKinerja)
        .where(PerjanjianKinerja.jabatan_id == jabatan_id)
    )
    if node or pk:
        raise KesalahanPengguna(
            f"{jabatan.nama} tidak dapat dihapus: masih pemilik {node} node pohon kinerja "
            f"dan {pk} Perjanjian Kinerja."
        )
    for p in list(jabatan.pemangku):
        sesi.delete(p)
    sesi.delete(jabatan)


def simpan_pegawai(
    sesi: Session,
    pelaku: Pelaku,
    pemda_id: uuid.UUID,
    pegawai_id: uuid.UUID | None,
    *,
    nama: str,
    nip: str | None,
    gelar_depan: str | None = None,
    gelar_belakang: str | None = None,
    pangkat: str | None = None,
    golongan: str | None = None,
) -> uuid.UUID:
    """Add or change a person; the NIP is 18 digits and unique (empty for a regional head)."""
    _wajib(pelaku)
    nama = _teks_wajib(nama, "nama", "Nama pegawai")
    nip = (nip or "").replace(" ", "").strip() or None
    if nip is not None and (len(nip) != 18 or not nip.isdigit()):
        raise InputTidakSah(f"NIP harus 18 angka; tertulis {len(nip)} karakter.", field="nip")
    if nip is not None:
        lain = sesi.scalar(select(Pegawai).where(Pegawai.nip == nip))
        if lain is not None and lain.id != pegawai_id:
            raise InputTidakSah(f"NIP {nip} sudah dipakai {lain.nama_lengkap}.", field="nip")
    nilai = {
        "nama": nama,
        "nip": nip,
        "gelar_depan": (gelar_depan or "").strip() or None,
        "gelar_belakang": (gelar_belakang or "").strip() or None,
        "pangkat": (pangkat or "").strip() or None,
        "golongan": (golongan or "").strip() or None,
    }
    if pegawai_id is None:
        p = Pegawai(pemda_id=pemda_id, **nilai)
        sesi.add(p)
        sesi.flush()
        return p.id
    p = sesi.get(Pegawai, pegawai_id)
    if p is None:
        raise TidakDitemukan("Pegawai tidak ditemukan.")
    for k, v in nilai.items():
        setattr(p, k, v)
    return p.id


def tetapkan_pemangku(
    sesi: Session,
    pelaku: Pelaku,
    jabatan_id: uuid.UUID,
    pegawai_id: uuid.UUID,
    *,
    mulai: date,
    status: StatusPemangku = StatusPemangku.DEFINITIF,
) -> uuid.UUID:
    """Make ``pegawai`` the holder from ``mulai``; the previous holder's period ends the day
    before (history kept, so an old PK still shows who signed it)."""
    _wajib(pelaku)
    jabatan = sesi.get(Jabatan, jabatan_id)
    if jabatan is None or sesi.get(Pegawai, pegawai_id) is None:
        raise TidakDitemukan("Jabatan atau pegawai tidak ditemukan.")
    from datetime import timedelta

    for p in jabatan.pemangku:
        if p.selesai is None or p.selesai >= mulai:
            if p.mulai >= mulai:
                raise InputTidakSah(
                    f"Pemangku lain sudah tercatat mulai {p.mulai:%d-%m-%Y}; pilih tanggal "
                    "sesudahnya.",
                    field="mulai",
                )
            p.selesai = mulai - timedelta(days=1)
    baru = PemangkuJabatan(jabatan_id=jabatan_id, pegawai_id=pegawai_id, mulai=mulai, status=status)
    sesi.add(baru)
    sesi.flush()
    return baru.id


def daftar_pegawai(sesi: Session, pemda_id: uuid.UUID) -> list[tuple[uuid.UUID, str]]:
    return [
        (p.id, f"{p.nama_lengkap}" + (f" — {p.nip}" if p.nip else ""))
        for p in sesi.scalars(
            select(Pegawai).where(Pegawai.pemda_id == pemda_id).order_by(Pegawai.nama)
        )
    ]
