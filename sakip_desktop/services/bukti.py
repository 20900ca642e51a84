"""Evidence files of a quarter's realization, kept inside the database.

Kept as bytes in ``BerkasBukti`` (with their SHA-256), so a backup holds them and no path
can dangle when the database moves to another PC. Accepted: PDF, images and spreadsheets,
recognised by extension AND by their first bytes (a renamed .exe is not a PDF), up to a
size limit that is a setting (``ukuran_maks_bukti_mb``, default 20 MB). Attaching or deleting
follows the realization entry's rules: the same roles and scope, refused once the entry is
submitted or verified, or the quarter closed.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path, PureWindowsPath

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from ..angka import format_angka
from ..errors import DatabaseBermasalah, InputTidakSah, KesalahanPengguna, TidakDitemukan
from ..model import BerkasBukti, Indikator, Pengaturan, Realisasi
from ..storage import Database
from . import otorisasi
from .indikator import ambil_indikator, opd_indikator, transaksi
from .pelaku import Pelaku
from .realisasi import cari_realisasi, label_periode, wajib_draf, wajib_triwulan_terbuka

KUNCI_UKURAN_MAKS = "ukuran_maks_bukti_mb"
UKURAN_MAKS_BAWAAN_MB = 20
"""Documented default of the size limit (per file)."""

_ZIP = (b"PK\x03\x04",)
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
JENIS_BERKAS: dict[str, tuple[str, tuple[bytes, ...] | None]] = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".gif": ("image/gif", (b"GIF87a", b"GIF89a")),
    ".bmp": ("image/bmp", (b"BM",)),
    ".tif": ("image/tiff", (b"II*\x00", b"MM\x00*")),
    ".tiff": ("image/tiff", (b"II*\x00", b"MM\x00*")),
    ".webp": ("image/webp", (b"RIFF",)),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _ZIP),
    ".xls": ("application/vnd.ms-excel", _OLE),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", _ZIP),
    ".csv": ("text/csv", None),
}
"""Extension → (MIME type, accepted first bytes; None = plain text)."""


@dataclass(frozen=True)
class InfoBukti:
    """An evidence file without its bytes (what lists show)."""

    id: uuid.UUID
    realisasi_id: uuid.UUID
    nama_berkas: str
    jenis_mime: str
    ukuran: int
    sha256: str
    diunggah_oleh: str | None
    diunggah_pada: datetime

    @property
    def ukuran_teks(self) -> str:
        if self.ukuran >= 1024 * 1024:
            return f"{format_angka(Decimal(self.ukuran) / (1024 * 1024), 1)} MB"
        if self.ukuran >= 1024:
            return f"{format_angka(Decimal(self.ukuran) / 1024, 1)} KB"
        return f"{format_angka(self.ukuran)} bita"


def _info(b: BerkasBukti) -> InfoBukti:
    return InfoBukti(
        b.id,
        b.realisasi_id,
        b.nama_berkas,
        b.jenis_mime,
        b.ukuran,
        b.sha256,
        b.diunggah_oleh,
        b.diunggah_pada,
    )


def ukuran_maks(sesi: Session, opd_id: uuid.UUID | None = None) -> int:
    """The size limit in bytes: the agency's setting, else the global one, else 20 MB."""
    for oid in ([opd_id] if opd_id else []) + [None]:
        syarat = Pengaturan.opd_id == oid if oid else Pengaturan.opd_id.is_(None)
        baris = sesi.scalar(select(Pengaturan).where(syarat, Pengaturan.kunci == KUNCI_UKURAN_MAKS))
        if baris is not None:
            mb = Decimal(str(json.loads(baris.nilai)))
            return int(mb * 1024 * 1024)
    return UKURAN_MAKS_BAWAAN_MB * 1024 * 1024


def _nama_aman(nama: str) -> str:
    """The file's own name, without any folder (Windows or POSIX) and control characters."""
    dasar = PureWindowsPath(nama.replace("/", "\\")).name.strip()
    dasar = "".join(c for c in dasar if c.isprintable())
    if not dasar or dasar in {".", ".."}:
        raise InputTidakSah("Nama berkas bukti kosong atau tidak sah.", field="berkas")
    if len(dasar) > 255:
        akhiran = Path(dasar).suffix[:20]
        dasar = dasar[: 255 - len(akhiran)] + akhiran
    return dasar


def periksa_berkas(nama: str, isi: bytes, batas: int) -> tuple[str, str]:
    """(safe name, MIME type) of an acceptable evidence file; InputTidakSah otherwise."""
    nama = _nama_aman(nama)
    akhiran = Path(nama).suffix.lower()
    if akhiran not in JENIS_BERKAS:
        sah = ", ".join(sorted(a.lstrip(".").upper() for a in JENIS_BERKAS))
        raise InputTidakSah(
            f"Berkas {nama}: jenis berkas tidak diterima sebagai bukti. "
            f"Jenis yang diterima: {sah}.",
            field="berkas",
        )
    if not isi:
        raise InputTidakSah(f"Berkas {nama} kosong (0 bita).", field="berkas")
    if len(isi) > batas:
        raise InputTidakSah(
            f"Berkas {nama} berukuran {format_angka(Decimal(len(isi)) / 1048576, 1)} MB, "
            f"melebihi batas {format_angka(Decimal(batas) / 1048576, 1)} MB.",
            field="berkas",
        )
    mime, awalan = JENIS_BERKAS[akhiran]
    if awalan is None:
        if b"\x00" in isi[:8192]:
            raise InputTidakSah(f"Berkas {nama} bukan teks CSV.", field="berkas")
    elif not any(isi.startswith(a) for a in awalan) or (
        akhiran == ".webp" and isi[8:12] != b"WEBP"
    ):
        raise InputTidakSah(
            f"Isi berkas {nama} tidak cocok dengan jenisnya ({akhiran}); "
            "berkas mungkin rusak atau berganti nama.",
            field="berkas",
        )
    return nama, mime


def _entri_untuk_diubah(
    sesi: Session, pelaku: Pelaku, ind: Indikator, tahun: int, triwulan: int
) -> Realisasi:
    otorisasi.wajib_isi_realisasi(sesi, pelaku, ind)
    r = cari_realisasi(sesi, ind.id, tahun, triwulan)
    if r is None:
        raise KesalahanPengguna(
            f"Realisasi {ind.kode} {label_periode(tahun, triwulan)} belum diisi; "
            "isi realisasinya terlebih dahulu, lalu lampirkan buktinya."
        )
    wajib_triwulan_terbuka(sesi, ind, tahun, triwulan)
    wajib_draf(r, ind)
    return r


def lampirkan_bukti(
    sesi: Session,
    pelaku: Pelaku,
    indikator_id: uuid.UUID,
    tahun: int,
    triwulan: int,
    nama_berkas: str,
    isi: bytes,
) -> InfoBukti:
    """Attach a file to an entry; the same file (same SHA-256) twice is kept once."""
    ind = ambil_indikator(sesi, indikator_id)
    r = _entri_untuk_diubah(sesi, pelaku, ind, tahun, triwulan)
    opd = opd_indikator(sesi, ind)
    nama, mime = periksa_berkas(nama_berkas, isi, ukuran_maks(sesi, opd[0] if opd else None))
    sidik = hashlib.sha256(isi).hexdigest()
    sama = sesi.scalar(
        select(BerkasBukti).where(BerkasBukti.realisasi_id == r.id, BerkasBukti.sha256 == sidik)
    )
    if sama is not None:
        return _info(sama)
    b = BerkasBukti(
        realisasi_id=r.id,
        nama_berkas=nama,
        jenis_mime=mime,
        ukuran=len(isi),
        sha256=sidik,
        isi=bytes(isi),
        diunggah_oleh=pelaku.username,
    )
    sesi.add(b)
    sesi.flush()
    return _info(b)


def daftar_bukti(
    sesi: Session, indikator_id: uuid.UUID, tahun: int, triwulan: int
) -> list[InfoBukti]:
    """The files of one entry, oldest first (no bytes are read)."""
    r = cari_realisasi(sesi, indikator_id, tahun, triwulan)
    if r is None:
        return []
    return [
        _info(b)
        for b in sesi.scalars(
            select(BerkasBukti)
            .where(BerkasBukti.realisasi_id == r.id)
            .order_by(BerkasBukti.diunggah_pada, BerkasBukti.nama_berkas)
        )
    ]


def baca_bukti(sesi: Session, bukti_id: uuid.UUID) -> tuple[InfoBukti, bytes]:
    """A file's bytes, checked against the SHA-256 stored with them."""
    b = sesi.scalar(
        select(BerkasBukti).where(BerkasBukti.id == bukti_id).options(undefer(BerkasBukti.isi))
    )
    if b is None:
        raise TidakDitemukan("Berkas bukti tidak ditemukan (mungkin sudah dihapus).")
    isi = bytes(b.isi)
    if hashlib.sha256(isi).hexdigest() != b.sha256:
        raise DatabaseBermasalah(
            f"Berkas bukti {b.nama_berkas} rusak di basis data (sidik SHA-256 tidak cocok). "
            "Pulihkan dari cadangan."
        )
    return _info(b), isi


def hapus_bukti(sesi: Session, pelaku: Pelaku, bukti_id: uuid.UUID) -> None:
    """Delete an evidence file (same rules as attaching one)."""
    b = sesi.get(BerkasBukti, bukti_id)
    if b is None:
        raise TidakDitemukan("Berkas bukti tidak ditemukan (mungkin sudah dihapus).")
    r = b.realisasi
    ind = ambil_indikator(sesi, r.indikator_id)
    _entri_untuk_diubah(sesi, pelaku, ind, r.tahun, r.triwulan)
    sesi.delete(b)


class LayananBukti:
    """Evidence files for the window: one transaction per action."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def lampirkan(
        self,
        pelaku: Pelaku,
        indikator_id: uuid.UUID,
        tahun: int,
        triwulan: int,
        path: str | Path,
    ) -> InfoBukti:
        """Attach a file from disk (read whole; the size limit is checked before storing)."""
        berkas = Path(path)
        try:
            isi = berkas.read_bytes()
        except OSError as exc:
            raise KesalahanPengguna(f"Berkas {berkas} tidak dapat dibaca: {exc.strerror}") from exc
        return self.lampirkan_isi(pelaku, indikator_id, tahun, triwulan, berkas.name, isi)

    def lampirkan_isi(
        self,
        pelaku: Pelaku,
        indikator_id: uuid.UUID,
        tahun: int,
        triwulan: int,
        nama_berkas: str,
        isi: bytes,
    ) -> InfoBukti:
        with transaksi(self.db, pelaku) as sesi:
            return lampirkan_bukti(sesi, pelaku, indikator_id, tahun, triwulan, nama_berkas, isi)

    def daftar(self, indikator_id: uuid.UUID, tahun: int, triwulan: int) -> list[InfoBukti]:
        with self.db.baca() as sesi:
            return daftar_bukti(sesi, indikator_id, tahun, triwulan)

    def baca(self, bukti_id: uuid.UUID) -> tuple[InfoBukti, bytes]:
        with self.db.baca() as sesi:
            return baca_bukti(sesi, bukti_id)

    def simpan_ke(self, bukti_id: uuid.UUID, folder: str | Path) -> Path:
        """Write a file out (to open it with the system viewer); never overwrites."""
        info, isi = self.baca(bukti_id)
        tujuan = Path(folder) / info.nama_berkas
        n = 1
        while tujuan.exists():
            tujuan = Path(folder) / f"{Path(info.nama_berkas).stem} ({n}){tujuan.suffix}"
            n += 1
        tujuan.write_bytes(isi)
        return tujuan

    def hapus(self, pelaku: Pelaku, bukti_id: uuid.UUID, *, alasan: str | None = None) -> None:
        with transaksi(self.db, pelaku, alasan) as sesi:
            hapus_bukti(sesi, pelaku, bukti_id)
