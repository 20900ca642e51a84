"""Start an empty database: the regency, the agency and its first Renstra period."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import JenisUnit, Peran
from ..errors import InputTidakSah, KesalahanPengguna
from ..model import Opd, Pemda, Renstra, TahunKinerja, UnitKerja
from .otorisasi import wajib_peran
from .pelaku import Pelaku
from .pengaturan import pasang_bawaan


def buat_opd(
    sesi: Session,
    pelaku: Pelaku,
    *,
    nama_pemda: str,
    nama_opd: str,
    singkatan: str | None,
    tahun_awal: int,
    tahun_akhir: int,
) -> uuid.UUID:
    """Create the pemda (or reuse it), the OPD with its top unit, and the Renstra years."""
    wajib_peran(pelaku, {Peran.ADMINISTRATOR, Peran.PERENCANA}, "membuat OPD baru")
    nama_pemda, nama_opd = nama_pemda.strip(), nama_opd.strip()
    if not nama_pemda:
        raise InputTidakSah("Nama pemerintah daerah wajib diisi.", field="nama_pemda")
    if not nama_opd:
        raise InputTidakSah("Nama OPD wajib diisi.", field="nama_opd")
    if not 1990 <= tahun_awal <= tahun_akhir <= tahun_awal + 10:
        raise InputTidakSah(
            f"Periode Renstra {tahun_awal}–{tahun_akhir} tidak masuk akal.", field="periode"
        )
    pasang_bawaan(sesi)
    pemda = sesi.scalar(select(Pemda).where(Pemda.nama == nama_pemda))
    if pemda is None:
        ibu_kota = nama_pemda.split(" ", 1)[-1]
        pemda = Pemda(nama=nama_pemda, ibu_kota=ibu_kota)
        sesi.add(pemda)
        sesi.flush()
    if sesi.scalar(select(Opd).where(Opd.pemda_id == pemda.id, Opd.nama == nama_opd)):
        raise KesalahanPengguna(f"OPD {nama_opd!r} sudah ada di {nama_pemda}.")
    opd = Opd(
        pemda_id=pemda.id,
        nama=nama_opd,
        singkatan=(singkatan or "").strip() or None,
        tempat_ttd=pemda.ibu_kota,
    )
    sesi.add(opd)
    sesi.flush()
    sesi.add(UnitKerja(opd_id=opd.id, jenis=JenisUnit.DINAS, nama=nama_opd, urutan=0))
    renstra = Renstra(
        opd_id=opd.id,
        tahun_awal=tahun_awal,
        tahun_akhir=tahun_akhir,
        nama=f"Renstra {nama_opd} {tahun_awal}-{tahun_akhir}",
    )
    sesi.add(renstra)
    sesi.flush()
    for tahun in range(tahun_awal, tahun_akhir + 1):
        sesi.add(TahunKinerja(opd_id=opd.id, renstra_id=renstra.id, tahun=tahun))
    sesi.flush()
    return opd.id
