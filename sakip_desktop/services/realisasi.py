"""Quarterly realizations: entry with sane bounds, and the draf → diajukan → diverifikasi flow.

Staff of a seksi (or bidang) enter what was achieved in a quarter; for a derived indicator
they type the two raw counts and the percentage is computed (kalkulasi.nilai_dari_komponen).
They submit the entry (diajukan); the Kabid in scope, the Kepala Dinas or an administrator
verifies it (diverifikasi). A submitted or verified entry cannot be edited until someone
allowed to verify reopens it, with a reason that goes into the audit trail. A closed
quarter (services.kunci) refuses every change. An empty entry is not a zero: it deletes
the row, and the quarter shows "—". The entry page reads :func:`daftar_entri` and shows
capaian while the user types with :func:`pratinjau`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..angka import format_angka
from ..domain import Agregasi, JenisIndikator, Peran, Polaritas, StatusRealisasi
from ..errors import DataTerkunci, InputTidakSah, KesalahanPengguna
from ..kalkulasi import (
    BAND_BAWAAN,
    NAMA_TRIWULAN,
    KomponenTidakSah,
    NilaiTarget,
    band_untuk,
    capaian_tahunan,
    capaian_triwulan,
    nilai_dari_komponen,
)
from ..kalkulasi import BandCapaian as Band
from ..model import BerkasBukti, Indikator, Opd, Realisasi, sekarang
from ..storage import Database
from . import kunci, otorisasi
from .capaian import tabel_capaian
from .indikator import (
    SifatIndikator,
    ambil_indikator,
    catat_alasan,
    opd_indikator,
    periksa_nilai,
    periksa_predikat,
    teks_nilai,
    transaksi,
    wajib_tahun_dalam_periode,
)
from .konteks import pilih_opd
from .pelaku import Pelaku
from .pengaturan import baca as baca_pengaturan
from .pengaturan import band_capaian

PERAN_BACA_SEMUA = {Peran.ADMINISTRATOR, Peran.PERENCANA, Peran.KEPALA_DINAS, Peran.PEMBACA}
"""Roles whose entry page lists every indicator; the others see their unit's."""


def label_periode(tahun: int, triwulan: int) -> str:
    return f"{NAMA_TRIWULAN[triwulan - 1]} {tahun}"


def _wajib_triwulan_sah(triwulan: int) -> None:
    if not 1 <= triwulan <= 4:
        raise InputTidakSah(f"Triwulan harus 1–4, bukan {triwulan}.", field="triwulan")


def cari_realisasi(
    sesi: Session, indikator_id: uuid.UUID, tahun: int, triwulan: int
) -> Realisasi | None:
    return sesi.scalar(
        select(Realisasi).where(
            Realisasi.indikator_id == indikator_id,
            Realisasi.tahun == tahun,
            Realisasi.triwulan == triwulan,
        )
    )


def wajib_triwulan_terbuka(sesi: Session, ind: Indikator, tahun: int, triwulan: int) -> None:
    """The quarter must be open for every agency the indicator belongs to."""
    for opd_id in opd_indikator(sesi, ind):
        kunci.wajib_triwulan_terbuka(sesi, opd_id, tahun, triwulan)


def wajib_draf(r: Realisasi, ind: Indikator) -> None:
    """A submitted or verified entry is frozen until it is reopened."""
    if r.status is not StatusRealisasi.DRAF:
        raise DataTerkunci(
            f"Realisasi {ind.kode} {label_periode(r.tahun, r.triwulan)} sudah "
            f"{r.status.label.lower()}. Minta Kepala Bidang (atau yang berwenang memverifikasi) "
            "membukanya kembali dengan alasan sebelum mengubahnya."
        )


# --- entry ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class HasilRealisasi:
    """What a save did, for the window's status line and the CLI."""

    berubah: bool
    aksi: str
    """"tambah", "ubah", "hapus" or "tetap"."""
    kode: str
    satuan: str
    tahun: int
    triwulan: int
    lama: Decimal | None
    lama_teks: str | None
    baru: Decimal | None
    baru_teks: str | None
    komponen: tuple[Decimal, Decimal] | None

    def _teks(self, nilai: Decimal | None, teks: str | None) -> str:
        return teks if teks is not None else teks_nilai(nilai, self.satuan)

    @property
    def pesan(self) -> str:
        kepala = f"Realisasi {self.kode} {label_periode(self.tahun, self.triwulan)}"
        lama, baru = self._teks(self.lama, self.lama_teks), self._teks(self.baru, self.baru_teks)
        if self.komponen is not None:
            a, b = self.komponen
            baru += f" (komponen {format_angka(a)} / {format_angka(b)})"
        if self.aksi == "tambah":
            return f"{kepala} disimpan: {baru}."
        if self.aksi == "ubah":
            return f"{kepala} diubah: {lama} → {baru}."
        if self.aksi == "hapus":
            return f"{kepala} dihapus (sebelumnya {lama}); triwulan ini kosong."
        return f"{kepala} tidak berubah: {baru}."


def _teks_bersih(teks: str | None) -> str | None:
    if teks is None:
        return None
    bersih = teks.strip()
    return bersih or None


class SifatKomponen(SifatIndikator, Protocol):
    """An indicator or an entry line: what checking two raw counts needs."""

    @property
    def label_komponen_a(self) -> str | None: ...

    @property
    def label_komponen_b(self) -> str | None: ...


def _periksa_komponen(
    ind: SifatKomponen, komponen: tuple[Decimal, Decimal], apa: str
) -> Decimal | None:
    """Check the two raw counts and compute the derived value from them."""
    label = (ind.label_komponen_a or "Komponen A", ind.label_komponen_b or "Komponen B")
    for nama, x in zip(label, komponen, strict=True):
        if x is None:
            raise InputTidakSah(f"{apa}: {nama} wajib diisi.", field="komponen")
        if not x.is_finite() or abs(x) >= Decimal(10) ** 15:
            raise InputTidakSah(f"{apa}: {nama} bukan angka yang wajar.", field="komponen")
        if x >= 0 and x != x.to_integral_value():
            raise InputTidakSah(
                f"{apa}: {nama} adalah hitungan, harus bilangan bulat (bukan {format_angka(x)}).",
                field="komponen",
            )
    try:
        nilai = nilai_dari_komponen(ind.jenis, komponen[0], komponen[1])
    except KomponenTidakSah as exc:
        raise InputTidakSah(f"{apa}: {exc.pesan}", field="komponen") from None
    if nilai is not None:
        periksa_nilai(ind, nilai, field="komponen", apa=apa)
    return nilai


def _nilai_baru(
    sesi: Session,
    ind: Indikator,
    apa: str,
    nilai: Decimal | None,
    komponen: tuple[Decimal, Decimal] | None,
    nilai_teks: str | None,
) -> tuple[Decimal | None, str | None, Decimal | None, Decimal | None]:
    """(nilai, nilai_teks, komponen_a, komponen_b) to store, checked for the indicator's kind."""
    if ind.jenis is JenisIndikator.PREDIKAT:
        if nilai is not None or komponen is not None:
            raise InputTidakSah(
                f"{apa}: indikator {ind.kode} diisi dengan predikat (misalnya WTP), bukan angka.",
                field="nilai_teks",
            )
        if nilai_teks is None:
            return None, None, None, None
        return (
            None,
            periksa_predikat(sesi, ind, nilai_teks, field="nilai_teks", apa=apa),
            None,
            None,
        )
    if nilai_teks is not None:
        raise InputTidakSah(
            f"{apa}: isian harus angka, bukan teks '{nilai_teks}'.", field="nilai_teks"
        )
    if ind.jenis.dari_komponen:
        if komponen is None:
            if nilai is None:
                return None, None, None, None
            raise InputTidakSah(
                f"{apa}: {ind.jenis.label.lower()} dihitung dari dua angka mentah; isi "
                f"{ind.label_komponen_a or 'komponen A'} dan "
                f"{ind.label_komponen_b or 'komponen B'}.",
                field="komponen",
            )
        hitung = _periksa_komponen(ind, komponen, apa)
        if nilai is not None and nilai != hitung:
            raise InputTidakSah(
                f"{apa}: nilai {teks_nilai(nilai, ind.satuan)} tidak sama dengan hasil hitung "
                f"komponennya ({teks_nilai(hitung, ind.satuan)}).",
                field="nilai",
            )
        return hitung, None, komponen[0], komponen[1]
    if komponen is not None:
        raise InputTidakSah(
            f"{apa}: indikator {ind.jenis.label.lower()} diisi satu nilai, tanpa komponen.",
            field="komponen",
        )
    if nilai is not None:
        periksa_nilai(ind, nilai, field="nilai", apa=apa)
    return nilai, None, None, None


def simpan_realisasi_rinci(
    sesi: Session,
    pelaku: Pelaku,
    indikator_id: uuid.UUID,
    tahun: int,
    triwulan: int,
    *,
    nilai: Decimal | None = None,
    komponen: tuple[Decimal, Decimal] | None = None,
    nilai_teks: str | None = None,
    catatan: str | None = None,
    keterangan: str | None = None,
    sumber_data: str | None = None,
) -> HasilRealisasi:
    """:func:`simpan_realisasi`, returning what happened (old and new value)."""
    _wajib_triwulan_sah(triwulan)
    ind = ambil_indikator(sesi, indikator_id)
    wajib_tahun_dalam_periode(sesi, ind, tahun)
    otorisasi.wajib_isi_realisasi(sesi, pelaku, ind)
    apa = f"Realisasi {ind.kode} {label_periode(tahun, triwulan)}"
    v, v_teks, a, b = _nilai_baru(sesi, ind, apa, nilai, komponen, _teks_bersih(nilai_teks))
    isi = {
        "nilai": v,
        "nilai_teks": v_teks,
        "komponen_a": a,
        "komponen_b": b,
        "catatan": _teks_bersih(catatan),
        "keterangan": _teks_bersih(keterangan),
        "sumber_data": _teks_bersih(sumber_data),
    }
    r = cari_realisasi(sesi, ind.id, tahun, triwulan)

    def hasil(aksi: str) -> HasilRealisasi:
        return HasilRealisasi(
            berubah=aksi != "tetap",
            aksi=aksi,
            kode=ind.kode,
            satuan=ind.satuan,
            tahun=tahun,
            triwulan=triwulan,
            lama=lama[0],
            lama_teks=lama[1],
            baru=v,
            baru_teks=v_teks,
            komponen=(a, b) if a is not None and b is not None else None,
        )

    lama = (r.nilai, r.nilai_teks) if r is not None else (None, None)
    kosong = all(x is None for x in isi.values())
    if r is None and kosong:
        return hasil("tetap")
    if r is not None and all(getattr(r, k) == x for k, x in isi.items()):
        return hasil("tetap")
    wajib_triwulan_terbuka(sesi, ind, tahun, triwulan)
    if r is not None:
        wajib_draf(r, ind)
    if kosong:
        assert r is not None
        jumlah = sesi.scalar(
            select(func.count()).select_from(BerkasBukti).where(BerkasBukti.realisasi_id == r.id)
        )
        if jumlah:
            raise KesalahanPengguna(
                f"{apa} masih memiliki {jumlah} berkas bukti. Hapus berkasnya terlebih dahulu "
                "bila realisasi ini memang dikosongkan."
            )
        sesi.delete(r)
        return hasil("hapus")
    if r is None:
        sesi.add(
            Realisasi(
                indikator_id=ind.id,
                tahun=tahun,
                triwulan=triwulan,
                status=StatusRealisasi.DRAF,
                **isi,
            )
        )
        return hasil("tambah")
    for k, x in isi.items():
        setattr(r, k, x)
    return hasil("ubah")


def simpan_realisasi(
    sesi: Session,
    pelaku: Pelaku,
    indikator_id: uuid.UUID,
    tahun: int,
    triwulan: int,
    *,
    nilai: Decimal | None = None,
    komponen: tuple[Decimal, Decimal] | None = None,
    nilai_teks: str | None = None,
    catatan: str | None = None,
    keterangan: str | None = None,
    sumber_data: str | None = None,
) -> bool:
    """Save one quarter's realization; True if something changed.

    A derived indicator (``JenisIndikator.dari_komponen``) takes ``komponen`` (A, B) and
    its value is computed; a predicate indicator takes ``nilai_teks``; others ``nilai``.
    Everything None deletes the entry (an empty quarter is not a zero). Refused with the
    reason (InputTidakSah naming the field): a percentage beyond ±1.000, a negative or
    fractional count, a part larger than its whole, text where a number belongs. Also
    refused: a user out of scope (AksesDitolak), a closed quarter or a submitted/verified
    entry (DataTerkunci). Saving what is already stored is no change, and passes.
    """
    return simpan_realisasi_rinci(
        sesi,
        pelaku,
        indikator_id,
        tahun,
        triwulan,
        nilai=nilai,
        komponen=komponen,
        nilai_teks=nilai_teks,
        catatan=catatan,
        keterangan=keterangan,
        sumber_data=sumber_data,
    ).berubah


# --- status flow -----------------------------------------------------------------------------


def _entri_wajib(sesi: Session, ind: Indikator, tahun: int, triwulan: int) -> Realisasi:
    r = cari_realisasi(sesi, ind.id, tahun, triwulan)
    if r is None:
        raise KesalahanPengguna(
            f"Realisasi {ind.kode} {label_periode(tahun, triwulan)} belum diisi."
        )
    return r


def ajukan(
    sesi: Session, pelaku: Pelaku, indikator_id: uuid.UUID, tahun: int, triwulan: int
) -> bool:
    """Submit a draft entry for verification (by whoever may enter it); True if it changed."""
    _wajib_triwulan_sah(triwulan)
    ind = ambil_indikator(sesi, indikator_id)
    otorisasi.wajib_isi_realisasi(sesi, pelaku, ind)
    r = _entri_wajib(sesi, ind, tahun, triwulan)
    if r.status is StatusRealisasi.DIAJUKAN:
        return False
    if r.status is StatusRealisasi.DIVERIFIKASI:
        raise DataTerkunci(
            f"Realisasi {ind.kode} {label_periode(tahun, triwulan)} sudah diverifikasi."
        )
    if r.nilai is None and r.nilai_teks is None and r.komponen_a is None:
        raise KesalahanPengguna(
            f"Realisasi {ind.kode} {label_periode(tahun, triwulan)} belum berisi nilai; "
            "isi nilainya sebelum diajukan."
        )
    wajib_triwulan_terbuka(sesi, ind, tahun, triwulan)
    sesi.info.setdefault("aksi", "ajukan")
    r.status = StatusRealisasi.DIAJUKAN
    return True


def verifikasi(
    sesi: Session, pelaku: Pelaku, indikator_id: uuid.UUID, tahun: int, triwulan: int
) -> bool:
    """Verify a submitted entry (otorisasi.wajib_verifikasi); records who and when."""
    _wajib_triwulan_sah(triwulan)
    ind = ambil_indikator(sesi, indikator_id)
    otorisasi.wajib_verifikasi(sesi, pelaku, ind)
    r = _entri_wajib(sesi, ind, tahun, triwulan)
    if r.status is StatusRealisasi.DIVERIFIKASI:
        return False
    if r.status is StatusRealisasi.DRAF:
        raise KesalahanPengguna(
            f"Realisasi {ind.kode} {label_periode(tahun, triwulan)} masih draf; "
            "ajukan terlebih dahulu sebelum diverifikasi."
        )
    wajib_triwulan_terbuka(sesi, ind, tahun, triwulan)
    sesi.info.setdefault("aksi", "verifikasi")
    r.status = StatusRealisasi.DIVERIFIKASI
    r.diverifikasi_oleh = pelaku.username
    r.diverifikasi_pada = sekarang()
    return True


def buka_kembali(
    sesi: Session,
    pelaku: Pelaku,
    indikator_id: uuid.UUID,
    tahun: int,
    triwulan: int,
    alasan: str,
) -> bool:
    """Return a submitted or verified entry to draft, with a required reason.

    Only roles allowed to verify may reopen; the reason is written on the audit rows of
    the change (the session's ``alasan``).
    """
    _wajib_triwulan_sah(triwulan)
    ind = ambil_indikator(sesi, indikator_id)
    otorisasi.wajib_verifikasi(sesi, pelaku, ind)
    alasan = (alasan or "").strip()
    if not alasan:
        raise InputTidakSah(
            f"Membuka kembali realisasi {ind.kode} {label_periode(tahun, triwulan)} "
            "memerlukan alasan.",
            field="alasan",
        )
    r = _entri_wajib(sesi, ind, tahun, triwulan)
    if r.status is StatusRealisasi.DRAF:
        return False
    wajib_triwulan_terbuka(sesi, ind, tahun, triwulan)
    catat_alasan(sesi, alasan)
    sesi.info.setdefault("aksi", "buka-kunci")
    r.status = StatusRealisasi.DRAF
    r.diverifikasi_oleh = None
    r.diverifikasi_pada = None
    return True


# --- the entry page ------------------------------------------------------------------------


@dataclass(frozen=True)
class EntriRealisasi:
    """One line of the realization entry page for a quarter."""

    indikator_id: uuid.UUID
    kode: str
    indikator: str
    sasaran: str
    level: int | None
    satuan: str
    jenis: JenisIndikator
    agregasi: Agregasi
    polaritas: Polaritas
    label_komponen_a: str | None
    label_komponen_b: str | None
    target_triwulan: Decimal | None
    """This quarter's own target (an increment under akumulasi, a level under nilai akhir)."""
    target_sampai: NilaiTarget | None
    """What capaian of the quarter compares with (cumulated under the aggregation rule)."""
    target_tahunan: NilaiTarget | None
    realisasi_id: uuid.UUID | None
    nilai: Decimal | None
    nilai_teks: str | None
    komponen_a: Decimal | None
    komponen_b: Decimal | None
    realisasi_sampai: Decimal | None
    catatan: str | None
    keterangan: str | None
    sumber_data: str | None
    status: StatusRealisasi | None
    diverifikasi_oleh: str | None
    diverifikasi_pada: datetime | None
    jumlah_berkas: int
    versi: int | None
    capaian: Decimal | None
    """Against the quarter's target."""
    band: Band | None
    capaian_tahunan: Decimal | None
    """Against the yearly target, with the quarters up to this one."""
    band_tahunan: Band | None
    triwulan_ditutup: bool
    boleh_isi: bool
    boleh_verifikasi: bool
    tahun: int = 0
    triwulan: int = 1
    target_per_triwulan: tuple[Decimal | None, ...] = (None, None, None, None)
    """The four quarterly targets in force (TW I … TW IV), for :func:`pratinjau`."""
    realisasi_per_triwulan: tuple[Decimal | None, ...] = (None, None, None, None)
    bands: tuple[Band, ...] = BAND_BAWAAN
    batas_atas: Decimal | None = None
    """The capaian cap setting (None = none), so a preview caps as the tables do."""

    @property
    def dapat_diubah(self) -> bool:
        """The window enables the fields: allowed, quarter open, and still a draft."""
        return (
            self.boleh_isi
            and not self.triwulan_ditutup
            and self.status in (None, StatusRealisasi.DRAF)
        )


def daftar_entri(
    sesi: Session, pelaku: Pelaku, opd: Opd, tahun: int, triwulan: int
) -> list[EntriRealisasi]:
    """The indicators the user's unit owns (all of them for Perencana, Administrator,
    Kepala Dinas and Pembaca), with targets, the entry, its status and capaian.

    Capaian comes from services.capaian (the same numbers as every printed table).
    """
    _wajib_triwulan_sah(triwulan)
    baris = tabel_capaian(sesi, opd, tahun, triwulan)
    ids = [b.indikator_id for b in baris]
    indikator = {i.id: i for i in sesi.scalars(select(Indikator).where(Indikator.id.in_(ids)))}
    cakupan = None if pelaku.peran in PERAN_BACA_SEMUA else otorisasi.unit_cakupan(sesi, pelaku)
    unit_per_node: dict[uuid.UUID, uuid.UUID | None] = {}

    def milik(ind: Indikator) -> bool:
        if cakupan is None:
            return True
        if ind.node_id not in unit_per_node:
            unit_per_node[ind.node_id] = otorisasi.unit_node(sesi, ind.node)
        return unit_per_node[ind.node_id] in cakupan

    entri = {
        r.indikator_id: r
        for r in sesi.scalars(
            select(Realisasi).where(
                Realisasi.tahun == tahun,
                Realisasi.triwulan == triwulan,
                Realisasi.indikator_id.in_(ids),
            )
        )
    }
    berkas = dict(
        sesi.execute(
            select(BerkasBukti.realisasi_id, func.count())
            .where(BerkasBukti.realisasi_id.in_([r.id for r in entri.values()]))
            .group_by(BerkasBukti.realisasi_id)
        ).all()
    )
    tk = kunci.tahun_kinerja(sesi, opd.id, tahun)
    ditutup = tk is not None and triwulan <= tk.triwulan_ditutup
    bands = tuple(band_capaian(sesi, opd.id))
    batas = baca_pengaturan(sesi, "batas_atas_capaian", opd.id)
    batas_atas = Decimal(str(batas)) if batas is not None else None
    hasil = []
    for b in baris:
        ind = indikator[b.indikator_id]
        if not milik(ind):
            continue
        r = entri.get(ind.id)
        hasil.append(
            EntriRealisasi(
                indikator_id=ind.id,
                kode=b.kode,
                indikator=b.indikator,
                sasaran=b.sasaran,
                level=b.level,
                satuan=b.satuan,
                jenis=b.jenis,
                agregasi=b.agregasi,
                polaritas=b.polaritas,
                label_komponen_a=ind.label_komponen_a,
                label_komponen_b=ind.label_komponen_b,
                target_triwulan=b.target_triwulan[triwulan - 1],
                target_sampai=b.target,
                target_tahunan=b.target_tahunan,
                realisasi_id=r.id if r else None,
                nilai=r.nilai if r else None,
                nilai_teks=r.nilai_teks if r else None,
                komponen_a=r.komponen_a if r else None,
                komponen_b=r.komponen_b if r else None,
                realisasi_sampai=b.realisasi,
                catatan=r.catatan if r else None,
                keterangan=r.keterangan if r else None,
                sumber_data=r.sumber_data if r else None,
                status=r.status if r else None,
                diverifikasi_oleh=r.diverifikasi_oleh if r else None,
                diverifikasi_pada=r.diverifikasi_pada if r else None,
                jumlah_berkas=berkas.get(r.id, 0) if r else 0,
                versi=r.versi if r else None,
                capaian=b.capaian,
                band=b.band,
                capaian_tahunan=b.capaian_tahunan,
                band_tahunan=band_untuk(b.capaian_tahunan, bands),
                triwulan_ditutup=ditutup,
                boleh_isi=otorisasi.diizinkan(otorisasi.wajib_isi_realisasi, sesi, pelaku, ind),
                boleh_verifikasi=otorisasi.diizinkan(otorisasi.wajib_verifikasi, sesi, pelaku, ind),
                tahun=tahun,
                triwulan=triwulan,
                target_per_triwulan=b.target_triwulan,
                realisasi_per_triwulan=b.realisasi_triwulan,
                bands=bands,
                batas_atas=batas_atas,
            )
        )
    return hasil


@dataclass(frozen=True)
class Pratinjau:
    """What the entry page shows while the user types, before anything is saved."""

    nilai: Decimal | None
    capaian: Decimal | None
    band: Band | None
    capaian_tahunan: Decimal | None
    band_tahunan: Band | None
    galat: str | None = None
    """The reason the typed value would be refused (shown at the field), else None."""
    field: str | None = None


def pratinjau(
    entri: EntriRealisasi,
    *,
    nilai: Decimal | None = None,
    komponen: tuple[Decimal | None, Decimal | None] | None = None,
) -> Pratinjau:
    """The value and capaian an entry would have with what is typed now (no database).

    A derived indicator computes its value from the two counts as soon as both are there;
    the bounds are those :func:`simpan_realisasi` applies, and capaian uses the same engine
    functions as services.capaian, so the preview equals the saved result. Predicate
    indicators are not previewed (their scale lives in the database).
    """
    kosong = Pratinjau(None, None, None, None, None)
    if entri.jenis is JenisIndikator.PREDIKAT:
        return kosong
    apa = f"Realisasi {entri.kode} {label_periode(entri.tahun, entri.triwulan)}"
    try:
        if entri.jenis.dari_komponen:
            if komponen is None or komponen[0] is None or komponen[1] is None:
                v = None
            else:
                v = _periksa_komponen(entri, (komponen[0], komponen[1]), apa)
        else:
            v = nilai
            if v is not None:
                periksa_nilai(entri, v, field="nilai", apa=apa)
    except InputTidakSah as exc:
        return replace(kosong, galat=exc.pesan, field=exc.field)
    r_tw = list(entri.realisasi_per_triwulan)
    r_tw[entri.triwulan - 1] = v
    cap = capaian_triwulan(
        entri.agregasi,
        r_tw,
        entri.target_per_triwulan,
        entri.triwulan,
        entri.polaritas,
        batas_atas=entri.batas_atas,
    )
    cap_thn = capaian_tahunan(
        entri.agregasi,
        r_tw,
        entri.target_tahunan,
        entri.polaritas,
        sampai=entri.triwulan,
        batas_atas=entri.batas_atas,
    )
    return Pratinjau(
        v, cap, band_untuk(cap, entri.bands), cap_thn, band_untuk(cap_thn, entri.bands)
    )


class LayananRealisasi:
    """Realization entry and its status flow for the window and the CLI."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def simpan(
        self,
        pelaku: Pelaku,
        indikator_id: uuid.UUID,
        tahun: int,
        triwulan: int,
        *,
        nilai: Decimal | None = None,
        komponen: tuple[Decimal, Decimal] | None = None,
        nilai_teks: str | None = None,
        catatan: str | None = None,
        keterangan: str | None = None,
        sumber_data: str | None = None,
    ) -> HasilRealisasi:
        with transaksi(self.db, pelaku) as sesi:
            return simpan_realisasi_rinci(
                sesi,
                pelaku,
                indikator_id,
                tahun,
                triwulan,
                nilai=nilai,
                komponen=komponen,
                nilai_teks=nilai_teks,
                catatan=catatan,
                keterangan=keterangan,
                sumber_data=sumber_data,
            )

    def ajukan(self, pelaku: Pelaku, indikator_id: uuid.UUID, tahun: int, triwulan: int) -> bool:
        with transaksi(self.db, pelaku) as sesi:
            return ajukan(sesi, pelaku, indikator_id, tahun, triwulan)

    def verifikasi(
        self, pelaku: Pelaku, indikator_id: uuid.UUID, tahun: int, triwulan: int
    ) -> bool:
        with transaksi(self.db, pelaku) as sesi:
            return verifikasi(sesi, pelaku, indikator_id, tahun, triwulan)

    def buka_kembali(
        self, pelaku: Pelaku, indikator_id: uuid.UUID, tahun: int, triwulan: int, alasan: str
    ) -> bool:
        with transaksi(self.db, pelaku, alasan) as sesi:
            return buka_kembali(sesi, pelaku, indikator_id, tahun, triwulan, alasan)

    def daftar_entri(
        self, pelaku: Pelaku, tahun: int, triwulan: int, opd: str | None = None
    ) -> list[EntriRealisasi]:
        with self.db.baca() as sesi:
            return daftar_entri(sesi, pelaku, pilih_opd(sesi, opd), tahun, triwulan)
