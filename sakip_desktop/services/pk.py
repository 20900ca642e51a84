"""Perjanjian Kinerja: draft from the tree, edit, sign, revise (PK perubahan), print.

A PK goes draf → ditandatangani → (when a PK perubahan is signed) diganti. A signed PK is
locked: its rows and both parties are a snapshot that reprints identically after people
move or the tree changes. A PK perubahan is a new header (``versi_ke`` + 1) with a reason;
the earlier versions are kept and printable. Printing options and batch printing live in
`pk_cetak.py`, drafting from the tree and the printable data in `pk_susun.py`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..angka import AngkaTidakSah, format_tanggal, parse_rentang
from ..domain import Eselon, Peran, StatusPK
from ..errors import (
    AksesDitolak,
    DataTerkunci,
    InputTidakSah,
    KesalahanPengguna,
    KonflikVersi,
    TidakDitemukan,
)
from ..kalkulasi import NilaiTarget
from ..model import BarisPK, Jabatan, PerjanjianKinerja, sekarang
from ..storage import Database
from .konteks import pilih_opd
from .otorisasi import LABEL_PERAN, PERAN_PENUH, unit_cakupan
from .pelaku import Pelaku
from .pk_cetak import (
    Batal,
    HasilCetakMassal,
    Kemajuan,
    OpsiCetak,
    cetak_massal,
    dokumen_jabatan,
    nama_berkas_pk,
    opsi_cetak,
)
from .pk_susun import (
    KUNCI_LOGO,
    KUNCI_TEMPLAT,
    BarisPKData,
    DokumenPK,
    DrafPK,
    SelisihPK,
    cari_jabatan,
    cari_unit,
    data_baris,
    dokumen_draf,
    dokumen_tersimpan,
    isi_baris,
    isi_pihak,
    jabatan_opd,
    pihak_pada,
    selisih_pk,
    susun_draf,
    tanggal_bawaan,
    tempat_bawaan,
    unit_nama,
    versi_pk,
    wajib_pihak_lengkap,
)

PERAN_TANDA_TANGAN = {Peran.ADMINISTRATOR, Peran.PERENCANA, Peran.KEPALA_DINAS}

_TETAP: Any = object()
"""Marks an argument that was not given (None means "clear the field")."""


# --- permissions -------------------------------------------------------------------------------


def wajib_kelola_pk(sesi: Session, pelaku: Pelaku, jabatan: Jabatan) -> None:
    """Draft, edit, revise or delete a PK: Perencana/Admin for all, a Kabid for the
    positions of their bidang (their own, its Kasi and staf)."""
    if pelaku.peran in PERAN_PENUH:
        return
    if pelaku.peran is Peran.KABID:
        cakupan = unit_cakupan(sesi, pelaku)
        if cakupan is None or (jabatan.unit_id is not None and jabatan.unit_id in cakupan):
            return
    raise AksesDitolak(
        f"Akses ditolak: {pelaku.label} ({LABEL_PERAN[pelaku.peran]}) tidak berwenang "
        f"mengelola Perjanjian Kinerja {jabatan.nama}."
    )


def wajib_tandatangani_pk(pelaku: Pelaku, jabatan: Jabatan) -> None:
    """Record a PK as signed: Kepala Dinas, Administrator or Perencana."""
    if pelaku.peran not in PERAN_TANDA_TANGAN:
        raise AksesDitolak(
            f"Akses ditolak: {pelaku.label} ({LABEL_PERAN[pelaku.peran]}) tidak berwenang "
            f"menandatangani Perjanjian Kinerja {jabatan.nama}; hanya Kepala Dinas, "
            "Administrator atau Perencana."
        )


# --- plain data for the page ---------------------------------------------------------------------


@dataclass(frozen=True)
class RingkasanPK:
    """One stored PK version as the list shows it."""

    id: uuid.UUID
    versi: int
    jabatan_id: uuid.UUID
    tahun: int
    versi_ke: int
    status: StatusPK
    tanggal: date | None
    tempat: str | None
    pihak_pertama: str | None
    alasan_perubahan: str | None


@dataclass(frozen=True)
class BarisDaftarPK:
    """A position in the year's PK list: its holder and its PK versions (latest last)."""

    jabatan_id: uuid.UUID
    jabatan: str
    eselon: Eselon
    unit: str | None
    pemangku: str | None
    """Holder on the PK's date (or the year's default signing date); None when vacant."""
    riwayat: tuple[RingkasanPK, ...]

    @property
    def pk(self) -> RingkasanPK | None:
        """The latest version (the one in force once signed, or the draft being made)."""
        return self.riwayat[-1] if self.riwayat else None


# --- conversions ---------------------------------------------------------------------------------


def baca_target(nilai: NilaiTarget | Decimal | str | None) -> NilaiTarget | None:
    """A target typed on the page: "1,28", "95,92–96,89", a predicate ("WTP"), or empty."""
    if nilai is None or isinstance(nilai, NilaiTarget):
        return nilai
    if isinstance(nilai, Decimal):
        return NilaiTarget(nilai=nilai)
    teks = nilai.strip()
    if teks in ("", "—", "-"):
        return None
    try:
        lo, hi = parse_rentang(teks.rstrip("%").strip(), nama_field="Target")
    except AngkaTidakSah as exc:
        if any(c.isdigit() for c in teks):
            raise InputTidakSah(exc.pesan, field="target") from exc
        return NilaiTarget(teks=teks[:80])
    return NilaiTarget(nilai=lo, nilai_maks=hi)


# --- the service --------------------------------------------------------------------------------


class LayananPK:
    """PK pages and commands: list, draft, edit, sign, revise and print."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # reading ------------------------------------------------------------------------------------
    def daftar(
        self, tahun: int, *, opd: str | None = None, bidang: str | None = None
    ) -> list[BarisDaftarPK]:
        """Every position of the agency (or of one bidang) with its PK versions for ``tahun``."""
        with self.db.baca() as sesi:
            o = pilih_opd(sesi, opd)
            unit = cari_unit(sesi, o, bidang) if bidang else None
            semua_pk = sesi.scalars(
                select(PerjanjianKinerja)
                .where(PerjanjianKinerja.tahun == tahun)
                .order_by(PerjanjianKinerja.versi_ke)
            ).all()
            per_jabatan: dict[uuid.UUID, list[RingkasanPK]] = {}
            for pk in semua_pk:
                per_jabatan.setdefault(pk.jabatan_id, []).append(_ringkasan(pk))
            hasil = []
            for j in jabatan_opd(sesi, o, unit):
                riwayat = tuple(per_jabatan.get(j.id, []))
                if riwayat:
                    pemangku = riwayat[-1].pihak_pertama
                else:
                    p = pihak_pada(j, tanggal_bawaan(tahun))
                    pemangku = p.nama if p else None
                hasil.append(BarisDaftarPK(j.id, j.nama, j.eselon, unit_nama(j), pemangku, riwayat))
            return hasil

    def baca(self, pk_id: uuid.UUID) -> DokumenPK:
        with self.db.baca() as sesi:
            return dokumen_tersimpan(sesi, _pk(sesi, pk_id))

    def riwayat(self, jabatan_id: uuid.UUID, tahun: int) -> list[RingkasanPK]:
        """Every version of one position's PK for a year, the original first."""
        with self.db.baca() as sesi:
            return [_ringkasan(pk) for pk in versi_pk(sesi, jabatan_id, tahun)]

    def pratinjau(
        self,
        jabatan_id: uuid.UUID,
        tahun: int,
        *,
        tanggal: date | None = None,
        tempat: str | None = None,
    ) -> DokumenPK:
        """What a new PK would hold, drafted from the tree without storing it."""
        with self.db.baca() as sesi:
            jabatan = _jabatan(sesi, jabatan_id)
            draf = susun_draf(sesi, jabatan, tahun, tanggal or tanggal_bawaan(tahun))
            return dokumen_draf(sesi, draf, tempat)

    def selisih(self, pk_id: uuid.UUID, *, per_tanggal: date | None = None) -> list[SelisihPK]:
        """Where the PK's targets differ from the tree's for its year, and its anggaran from
        the pagu in force on ``per_tanggal`` (default today, or the end of a past year)."""
        with self.db.baca() as sesi:
            return selisih_pk(sesi, _pk(sesi, pk_id), per_tanggal)

    # writing ------------------------------------------------------------------------------------
    def susun(
        self,
        pelaku: Pelaku,
        jabatan_id: uuid.UUID,
        tahun: int,
        *,
        tanggal: date | None = None,
        tempat: str | None = None,
    ) -> DokumenPK:
        """Draft and store a position's PK for a year from the tree (status draf)."""
        with self.db.transaksi(pelaku, alasan=f"Susun PK {tahun}") as sesi:
            jabatan = _jabatan(sesi, jabatan_id)
            wajib_kelola_pk(sesi, pelaku, jabatan)
            ada = versi_pk(sesi, jabatan_id, tahun)
            if ada:
                raise KesalahanPengguna(
                    f"PK {tahun} {jabatan.nama} sudah ada ({ada[-1].status.label}, versi ke-"
                    f"{ada[-1].versi_ke}). Ubah draf itu, atau buat PK perubahan."
                )
            tanggal = tanggal or tanggal_bawaan(tahun)
            draf = susun_draf(sesi, jabatan, tahun, tanggal)
            wajib_pihak_lengkap(draf, jabatan)
            pk = PerjanjianKinerja(
                jabatan=jabatan,
                tahun=tahun,
                versi_ke=0,
                status=StatusPK.DRAF,
                tempat=tempat if tempat is not None else tempat_bawaan(sesi, jabatan),
                tanggal=tanggal,
                diubah_oleh=pelaku.username,
            )
            isi_pihak(pk, "pertama", draf.pertama)
            isi_pihak(pk, "kedua", draf.kedua)
            isi_baris(pk, [*draf.kinerja, *draf.anggaran])
            sesi.add(pk)
            sesi.flush()
            return dokumen_tersimpan(sesi, pk)

    def susun_ulang(
        self, pelaku: Pelaku, pk_id: uuid.UUID, *, versi: int | None = None
    ) -> DokumenPK:
        """Redraw a draft's rows and parties from the tree (edits to its rows are lost)."""
        with self.db.transaksi(pelaku, alasan="Susun ulang draf PK dari pohon kinerja") as sesi:
            pk = _pk_draf(sesi, pelaku, pk_id, versi)
            draf = susun_draf(sesi, pk.jabatan, pk.tahun, pk.tanggal or tanggal_bawaan(pk.tahun))
            wajib_pihak_lengkap(draf, pk.jabatan)
            isi_pihak(pk, "pertama", draf.pertama)
            isi_pihak(pk, "kedua", draf.kedua)
            isi_baris(pk, [*draf.kinerja, *draf.anggaran])
            pk.diubah_oleh = pelaku.username
            sesi.flush()
            return dokumen_tersimpan(sesi, pk)

    def ubah_kepala(
        self,
        pelaku: Pelaku,
        pk_id: uuid.UUID,
        *,
        tanggal: date | None = _TETAP,
        tempat: str | None = _TETAP,
        versi: int | None = None,
    ) -> DokumenPK:
        """Change a draft's place or date of signing; the parties follow the new date."""
        with self.db.transaksi(pelaku, alasan="Ubah tempat/tanggal PK") as sesi:
            pk = _pk_draf(sesi, pelaku, pk_id, versi)
            if tempat is not _TETAP:
                pk.tempat = (tempat or "").strip() or None
            if tanggal is not _TETAP:
                if tanggal is None:
                    raise InputTidakSah("Tanggal penandatanganan PK wajib diisi.", field="tanggal")
                pk.tanggal = tanggal
                isi_pihak(pk, "pertama", pihak_pada(pk.jabatan, tanggal))
                atasan = pk.jabatan.atasan
                isi_pihak(pk, "kedua", pihak_pada(atasan, tanggal) if atasan else None)
            pk.diubah_oleh = pelaku.username
            sesi.flush()
            return dokumen_tersimpan(sesi, pk)

    def ubah_baris(
        self,
        pelaku: Pelaku,
        baris_id: uuid.UUID,
        *,
        target: NilaiTarget | Decimal | str | None = _TETAP,
        anggaran: Decimal | None = _TETAP,
        keterangan: str | None = _TETAP,
        versi: int | None = None,
    ) -> BarisPKData:
        """Edit a draft's row: the target of a kinerja row, the anggaran of a budget row, the
        keterangan of either. A signed PK refuses (DataTerkunci)."""
        with self.db.transaksi(pelaku, alasan="Ubah baris PK") as sesi:
            b = sesi.get(BarisPK, baris_id)
            if b is None:
                raise TidakDitemukan("Baris PK tidak ditemukan (mungkin sudah disusun ulang).")
            _pk_draf(sesi, pelaku, b.pk_id, None)
            if versi is not None and versi != b.versi:
                raise KonflikVersi(
                    f'Baris PK "{b.indikator_teks or b.uraian}" sudah diubah oleh '
                    f"{b.diubah_oleh or 'pengguna lain'}; muat ulang lalu ulangi."
                )
            if target is not _TETAP:
                if b.bagian != "kinerja":
                    raise InputTidakSah("Baris anggaran tidak memiliki target.", field="target")
                t = baca_target(target)
                b.target = t.nilai if t else None
                b.target_maks = t.nilai_maks if t else None
                b.target_teks = t.teks if t else None
            if anggaran is not _TETAP:
                if b.bagian != "anggaran":
                    raise InputTidakSah(
                        "Anggaran hanya diisi pada baris program/kegiatan.", field="anggaran"
                    )
                if anggaran is not None and anggaran < 0:
                    raise InputTidakSah("Anggaran tidak boleh negatif.", field="anggaran")
                b.anggaran = anggaran
            if keterangan is not _TETAP:
                b.keterangan = (keterangan or "").strip() or None
            b.diubah_oleh = pelaku.username
            sesi.flush()
            return data_baris(b)

    def tandatangani(
        self, pelaku: Pelaku, pk_id: uuid.UUID, *, versi: int | None = None
    ) -> DokumenPK:
        """Record a draft as signed: the parties are taken again on its date and frozen with
        its rows; a PK perubahan supersedes the version it revises (status diganti)."""
        with self.db.transaksi(pelaku, alasan="Tanda tangan PK") as sesi:
            pk = _pk(sesi, pk_id)
            wajib_tandatangani_pk(pelaku, pk.jabatan)
            _wajib_draf(pk, versi)
            if pk.tanggal is None:
                raise InputTidakSah("Isi tanggal penandatanganan PK dulu.", field="tanggal")
            pertama = pihak_pada(pk.jabatan, pk.tanggal)
            atasan = pk.jabatan.atasan
            kedua = pihak_pada(atasan, pk.tanggal) if atasan else None
            cek = DrafPK(pk.jabatan, pk.tahun, pk.tanggal, pertama, kedua)
            wajib_pihak_lengkap(cek, pk.jabatan)
            isi_pihak(pk, "pertama", pertama)
            isi_pihak(pk, "kedua", kedua)
            pk.status = StatusPK.DITANDATANGANI
            pk.ditandatangani_pada = sekarang()
            pk.diubah_oleh = pelaku.username
            for lama in versi_pk(sesi, pk.jabatan_id, pk.tahun):
                if lama.versi_ke < pk.versi_ke and lama.status is StatusPK.DITANDATANGANI:
                    lama.status = StatusPK.DIGANTI
                    lama.diubah_oleh = pelaku.username
            sesi.flush()
            return dokumen_tersimpan(sesi, pk)

    def revisi(
        self,
        pelaku: Pelaku,
        pk_id: uuid.UUID,
        alasan: str,
        tanggal: date,
        *,
        tempat: str | None = None,
        susun_ulang: bool = True,
    ) -> DokumenPK:
        """Start a PK perubahan of a signed PK: a new draft (``versi_ke`` + 1) with the reason,
        drafted again from the tree on ``tanggal`` (``susun_ulang``) or copying the rows.
        The signed version stays in force until the perubahan is signed."""
        alasan = (alasan or "").strip()
        if not alasan:
            raise InputTidakSah(
                "Alasan PK perubahan wajib diisi (misalnya refocusing anggaran, pergantian "
                "pejabat).",
                field="alasan",
            )
        with self.db.transaksi(pelaku, alasan=f"PK perubahan: {alasan}") as sesi:
            lama = _pk(sesi, pk_id)
            jabatan = lama.jabatan
            wajib_kelola_pk(sesi, pelaku, jabatan)
            semua = versi_pk(sesi, lama.jabatan_id, lama.tahun)
            if lama.status is not StatusPK.DITANDATANGANI or semua[-1].id != lama.id:
                raise DataTerkunci(
                    f"Hanya PK terakhir yang sudah ditandatangani yang dapat diubah lewat PK "
                    f"perubahan (PK ini: {lama.status.label}, versi ke-{lama.versi_ke})."
                )
            if lama.tanggal is not None and tanggal < lama.tanggal:
                raise InputTidakSah(
                    f"Tanggal PK perubahan ({format_tanggal(tanggal)}) tidak boleh sebelum "
                    f"tanggal PK yang diubah ({format_tanggal(lama.tanggal)}).",
                    field="tanggal",
                )
            draf = susun_draf(sesi, jabatan, lama.tahun, tanggal)
            wajib_pihak_lengkap(draf, jabatan)
            baru = PerjanjianKinerja(
                jabatan=jabatan,
                tahun=lama.tahun,
                versi_ke=lama.versi_ke + 1,
                status=StatusPK.DRAF,
                alasan_perubahan=alasan,
                tempat=tempat if tempat is not None else lama.tempat,
                tanggal=tanggal,
                diubah_oleh=pelaku.username,
            )
            isi_pihak(baru, "pertama", draf.pertama)
            isi_pihak(baru, "kedua", draf.kedua)
            if susun_ulang:
                isi_baris(baru, [*draf.kinerja, *draf.anggaran])
            else:
                isi_baris(baru, [replace(data_baris(b), id=None) for b in lama.baris])
            sesi.add(baru)
            sesi.flush()
            return dokumen_tersimpan(sesi, baru)

    def hapus_draf(self, pelaku: Pelaku, pk_id: uuid.UUID, *, versi: int | None = None) -> None:
        """Delete a draft (a signed PK is never deleted)."""
        with self.db.transaksi(pelaku, alasan="Hapus draf PK") as sesi:
            sesi.delete(_pk_draf(sesi, pelaku, pk_id, versi))

    # printing -----------------------------------------------------------------------------------
    def opsi_cetak(self, opd: str | None = None) -> OpsiCetak:
        """The agency's paper (A4/F4), Satuan column and wording for PKs, from settings."""
        with self.db.baca() as sesi:
            return opsi_cetak(sesi, pilih_opd(sesi, opd).id)

    def cetak(
        self,
        pk_id: uuid.UUID,
        out: Path,
        *,
        kertas: str | None = None,
        kolom_satuan: bool | None = None,
    ) -> Path:
        """Write one stored PK (any version, superseded ones too) as a PDF."""
        with self.db.baca() as sesi:
            pk = _pk(sesi, pk_id)
            dokumen = dokumen_tersimpan(sesi, pk)
            opsi = opsi_cetak(sesi, pk.jabatan.opd_id, kertas, kolom_satuan)
        return opsi.tulis([dokumen], out)

    def cetak_jabatan(
        self,
        jabatan_id: uuid.UUID,
        tahun: int,
        out: Path,
        *,
        tanggal: date | None = None,
        tempat: str | None = None,
        kertas: str | None = None,
        kolom_satuan: bool | None = None,
    ) -> Path:
        """Write a position's PK for the year: its latest stored version, or (none stored)
        a draft made from the tree on ``tanggal``. A vacant position is refused."""
        with self.db.baca() as sesi:
            jabatan = _jabatan(sesi, jabatan_id)
            dokumen = dokumen_jabatan(sesi, jabatan, tahun, tanggal, tempat)
            wajib_pihak_lengkap(dokumen, jabatan)
            opsi = opsi_cetak(sesi, jabatan.opd_id, kertas, kolom_satuan)
        return opsi.tulis([dokumen], out)

    def cetak_dokumen(
        self,
        dokumen: list[DokumenPK],
        out: Path,
        *,
        opd: str | None = None,
        kertas: str | None = None,
        kolom_satuan: bool | None = None,
    ) -> Path:
        """Write PKs already read (e.g. a `pratinjau`) with the agency's print settings."""
        with self.db.baca() as sesi:
            opsi = opsi_cetak(sesi, pilih_opd(sesi, opd).id, kertas, kolom_satuan)
        return opsi.tulis(dokumen, out)

    def cetak_massal(
        self,
        tahun: int,
        out: Path,
        *,
        opd: str | None = None,
        bidang: str | None = None,
        gabung: bool = False,
        kertas: str | None = None,
        kolom_satuan: bool | None = None,
        tanggal: date | None = None,
        kemajuan: Kemajuan | None = None,
        batal: Batal | None = None,
    ) -> HasilCetakMassal:
        """Every PK of a year (or of one bidang), see `pk_cetak.cetak_massal`."""
        return cetak_massal(
            self.db,
            tahun,
            out,
            opd=opd,
            bidang=bidang,
            gabung=gabung,
            kertas=kertas,
            kolom_satuan=kolom_satuan,
            tanggal=tanggal,
            kemajuan=kemajuan,
            batal=batal,
        )

    def cetak_iku(
        self,
        tahun: int,
        out: Path,
        *,
        format: str = "pdf",
        opd: str | None = None,
        kertas: str | None = None,
        tanggal: date | None = None,
    ) -> Path:
        """The agency's IKU document for ``tahun`` as PDF or XLSX."""
        from ..reports.iku_iki import susun_iku, tulis_indikator

        with self.db.baca() as sesi:
            o = pilih_opd(sesi, opd)
            dokumen = susun_iku(sesi, o, tahun, tanggal)
            opsi = opsi_cetak(sesi, o.id, kertas)
        return tulis_indikator(dokumen, Path(out), format=format, kertas=opsi.kertas)

    def cetak_iki(
        self,
        jabatan_id: uuid.UUID,
        tahun: int,
        out: Path,
        *,
        format: str = "pdf",
        kertas: str | None = None,
        tanggal: date | None = None,
    ) -> Path:
        """One position's IKI for ``tahun`` as PDF or XLSX."""
        from ..reports.iku_iki import susun_iki, tulis_indikator

        with self.db.baca() as sesi:
            jabatan = _jabatan(sesi, jabatan_id)
            dokumen = susun_iki(sesi, jabatan, tahun, tanggal)
            opsi = opsi_cetak(sesi, jabatan.opd_id, kertas)
        return tulis_indikator(dokumen, Path(out), format=format, kertas=opsi.kertas)

    def cari_jabatan(self, nama: str, *, opd: str | None = None) -> uuid.UUID:
        """A position by its printed name (or a unique part of it), for the CLI."""
        with self.db.baca() as sesi:
            return cari_jabatan(sesi, pilih_opd(sesi, opd), nama).id


def _ringkasan(pk: PerjanjianKinerja) -> RingkasanPK:
    return RingkasanPK(
        id=pk.id,
        versi=pk.versi,
        jabatan_id=pk.jabatan_id,
        tahun=pk.tahun,
        versi_ke=pk.versi_ke,
        status=pk.status,
        tanggal=pk.tanggal,
        tempat=pk.tempat,
        pihak_pertama=pk.pertama_nama,
        alasan_perubahan=pk.alasan_perubahan,
    )


def _jabatan(sesi: Session, jabatan_id: uuid.UUID) -> Jabatan:
    jabatan = sesi.get(Jabatan, jabatan_id)
    if jabatan is None:
        raise TidakDitemukan("Jabatan tidak ditemukan.")
    return jabatan


def _pk(sesi: Session, pk_id: uuid.UUID) -> PerjanjianKinerja:
    pk = sesi.get(PerjanjianKinerja, pk_id, options=[selectinload(PerjanjianKinerja.baris)])
    if pk is None:
        raise TidakDitemukan("Perjanjian Kinerja tidak ditemukan (mungkin sudah dihapus).")
    return pk


def _wajib_draf(pk: PerjanjianKinerja, versi: int | None) -> None:
    if pk.status is not StatusPK.DRAF:
        raise DataTerkunci(
            f"PK {pk.tahun} {pk.jabatan.nama} (versi ke-{pk.versi_ke}) sudah "
            f"{pk.status.label.lower()} dan terkunci. Untuk mengubahnya buat PK perubahan."
        )
    if versi is not None and versi != pk.versi:
        raise KonflikVersi(
            f"PK {pk.tahun} {pk.jabatan.nama} sudah diubah oleh {pk.diubah_oleh or 'pengguna lain'}"
            "; muat ulang lalu ulangi."
        )


def _pk_draf(
    sesi: Session, pelaku: Pelaku, pk_id: uuid.UUID, versi: int | None
) -> PerjanjianKinerja:
    pk = _pk(sesi, pk_id)
    wajib_kelola_pk(sesi, pelaku, pk.jabatan)
    _wajib_draf(pk, versi)
    return pk


__all__ = [
    "KUNCI_LOGO",
    "KUNCI_TEMPLAT",
    "PERAN_TANDA_TANGAN",
    "BarisDaftarPK",
    "BarisPKData",
    "DokumenPK",
    "HasilCetakMassal",
    "LayananPK",
    "OpsiCetak",
    "RingkasanPK",
    "SelisihPK",
    "baca_target",
    "dokumen_jabatan",
    "nama_berkas_pk",
    "opsi_cetak",
    "wajib_kelola_pk",
    "wajib_tandatangani_pk",
]
