"""SOP register (kepatuhan internal): each SOP with its document kept in the database.

The file itself is stored in the record (not as a path that could dangle), with its
SHA-256, so every PC on a shared database opens the same bytes and a damaged copy is
detected. To open it with the system viewer, `buka_sementara` writes it to a read-only
temporary file and returns the path; the window hands that path to QDesktopServices.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
import stat
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain import Peran
from ..errors import AksesDitolak, DatabaseBermasalah, InputTidakSah, KonflikVersi, TidakDitemukan
from ..model import NodeKinerja, ProsesBisnis, Sop, UnitKerja
from ..storage import Database
from .konteks import pilih_opd
from .otorisasi import LABEL_PERAN, PERAN_PENUH, unit_cakupan
from .pelaku import Pelaku

STATUS_SOP = {
    "draf": "Draf",
    "berlaku": "Berlaku",
    "direvisi": "Sedang direvisi",
    "dicabut": "Dicabut",
}
UKURAN_MAKS = 50 * 1024 * 1024
"""Largest document accepted (50 MB): a scanned SOP is a few MB; a shared database should
not carry video files."""


@dataclass(frozen=True)
class DataSop:
    judul: str
    nomor: str | None = None
    tahun: int | None = None
    unit_id: uuid.UUID | None = None
    status: str = "berlaku"
    proses_id: uuid.UUID | None = None
    node_id: uuid.UUID | None = None


@dataclass(frozen=True)
class RingkasanSop:
    id: uuid.UUID
    versi: int
    judul: str
    nomor: str | None
    tahun: int | None
    unit_id: uuid.UUID | None
    unit: str | None
    status: str
    proses_id: uuid.UUID | None
    proses: str | None
    node_id: uuid.UUID | None
    node: str | None
    nama_berkas: str | None
    jenis_mime: str | None
    sha256: str | None
    ukuran: int | None

    @property
    def label_status(self) -> str:
        return STATUS_SOP.get(self.status, self.status)

    @property
    def ada_berkas(self) -> bool:
        return self.sha256 is not None


@dataclass(frozen=True)
class BerkasSop:
    nama: str
    jenis_mime: str
    isi: bytes
    sha256: str


def _teks(nilai: str | None) -> str | None:
    if nilai is None:
        return None
    bersih = nilai.strip()
    return bersih or None


def _ringkas(sesi: Session, s: Sop) -> RingkasanSop:
    unit = sesi.get(UnitKerja, s.unit_id) if s.unit_id else None
    proses = sesi.get(ProsesBisnis, s.proses_id) if s.proses_id else None
    node = sesi.get(NodeKinerja, s.node_id) if s.node_id else None
    ukuran = sesi.scalar(select(func.length(Sop.isi)).where(Sop.id == s.id)) if s.sha256 else None
    return RingkasanSop(
        id=s.id,
        versi=s.versi,
        judul=s.judul,
        nomor=s.nomor,
        tahun=s.tahun,
        unit_id=s.unit_id,
        unit=unit.nama if unit else None,
        status=s.status,
        proses_id=s.proses_id,
        proses=proses.uraian if proses else None,
        node_id=s.node_id,
        node=node.uraian if node else None,
        nama_berkas=s.nama_berkas,
        jenis_mime=s.jenis_mime,
        sha256=s.sha256,
        ukuran=ukuran,
    )


def _ambil(sesi: Session, sop_id: uuid.UUID) -> Sop:
    s = sesi.get(Sop, sop_id)
    if s is None:
        raise TidakDitemukan("SOP itu tidak ada lagi (mungkin sudah dihapus).")
    return s


def _wajib_boleh(sesi: Session, pelaku: Pelaku, unit_id: uuid.UUID | None) -> None:
    """Perencana/Administrator keep the register; a Kabid the SOPs of units in scope."""
    if pelaku.peran in PERAN_PENUH:
        return
    if pelaku.peran is Peran.KABID and unit_id is not None:
        cakupan = unit_cakupan(sesi, pelaku)
        if cakupan is None or unit_id in cakupan:
            return
    raise AksesDitolak(
        f"Akses ditolak: {pelaku.label} ({LABEL_PERAN[pelaku.peran]}) tidak berwenang "
        "mengubah SOP unit ini."
    )


def _periksa(sesi: Session, data: DataSop) -> None:
    if not _teks(data.judul):
        raise InputTidakSah("Judul SOP wajib diisi.", field="judul")
    if data.status not in STATUS_SOP:
        raise InputTidakSah(
            f"Status SOP {data.status!r} tidak dikenal (pilih: {', '.join(STATUS_SOP)}).",
            field="status",
        )
    if data.tahun is not None and not 1900 <= data.tahun <= 2200:
        raise InputTidakSah(f"Tahun SOP {data.tahun} tidak wajar.", field="tahun")
    for model, nilai, apa in (
        (UnitKerja, data.unit_id, "Unit pemilik"),
        (ProsesBisnis, data.proses_id, "Proses bisnis"),
        (NodeKinerja, data.node_id, "Node pohon kinerja"),
    ):
        if nilai is not None and sesi.get(model, nilai) is None:
            raise TidakDitemukan(f"{apa} SOP yang dipilih tidak ada lagi.")


def _isi(s: Sop, data: DataSop) -> None:
    s.judul = _teks(data.judul) or ""
    s.nomor = _teks(data.nomor)
    s.tahun = data.tahun
    s.unit_id = data.unit_id
    s.status = data.status
    s.proses_id = data.proses_id
    s.node_id = data.node_id


def nama_aman(nama: str) -> str:
    """A file name safe on Windows and Linux, keeping the extension."""
    dasar = Path(nama).name
    bersih = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "_", dasar).strip(" .")
    return bersih[:150] or "dokumen"


class LayananSop:
    """The SOP register and its attached documents."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def daftar(self, *, opd: str | None = None) -> list[RingkasanSop]:
        with self.db.baca() as sesi:
            o = pilih_opd(sesi, opd)
            semua = sesi.scalars(
                select(Sop).where(Sop.opd_id == o.id).order_by(Sop.nomor, Sop.judul)
            ).all()
            return [_ringkas(sesi, s) for s in semua]

    def ambil(self, sop_id: uuid.UUID) -> RingkasanSop:
        with self.db.baca() as sesi:
            return _ringkas(sesi, _ambil(sesi, sop_id))

    def tambah(self, pelaku: Pelaku, data: DataSop, *, opd: str | None = None) -> RingkasanSop:
        with self.db.transaksi(pelaku, alasan="Tambah SOP") as sesi:
            o = pilih_opd(sesi, opd)
            _periksa(sesi, data)
            _wajib_boleh(sesi, pelaku, data.unit_id)
            s = Sop(opd_id=o.id)
            _isi(s, data)
            sesi.add(s)
            sesi.flush()
            return _ringkas(sesi, s)

    def ubah(
        self, pelaku: Pelaku, sop_id: uuid.UUID, data: DataSop, *, versi: int | None = None
    ) -> RingkasanSop:
        with self.db.transaksi(pelaku, alasan="Ubah SOP") as sesi:
            s = _ambil(sesi, sop_id)
            if versi is not None and versi != s.versi:
                raise KonflikVersi(
                    f"SOP “{s.judul[:60]}” sudah diubah oleh {s.diubah_oleh or 'pengguna lain'}."
                    " Muat ulang lalu ulangi perubahan Anda."
                )
            _wajib_boleh(sesi, pelaku, s.unit_id)
            _periksa(sesi, data)
            _wajib_boleh(sesi, pelaku, data.unit_id)
            _isi(s, data)
            sesi.flush()
            return _ringkas(sesi, s)

    def hapus(self, pelaku: Pelaku, sop_id: uuid.UUID) -> None:
        with self.db.transaksi(pelaku, alasan="Hapus SOP") as sesi:
            s = _ambil(sesi, sop_id)
            _wajib_boleh(sesi, pelaku, s.unit_id)
            sesi.delete(s)

    def lampirkan(
        self,
        pelaku: Pelaku,
        sop_id: uuid.UUID,
        berkas: Path | str | bytes,
        *,
        nama_berkas: str | None = None,
        jenis_mime: str | None = None,
    ) -> RingkasanSop:
        """Attach (or replace) the SOP's document: a path to read, or the bytes themselves."""
        if isinstance(berkas, bytes):
            isi = berkas
            if not nama_berkas:
                raise InputTidakSah("Nama berkas wajib diberikan.", field="nama_berkas")
        else:
            path = Path(berkas)
            if not path.is_file():
                raise TidakDitemukan(f"Berkas tidak ditemukan: {path}")
            if path.stat().st_size > UKURAN_MAKS:
                raise InputTidakSah(
                    f"Berkas {path.name} terlalu besar (maksimum 50 MB).", field="berkas"
                )
            isi = path.read_bytes()
            nama_berkas = nama_berkas or path.name
        if len(isi) > UKURAN_MAKS:
            raise InputTidakSah("Berkas terlalu besar (maksimum 50 MB).", field="berkas")
        if not isi:
            raise InputTidakSah(f"Berkas {nama_berkas} kosong.", field="berkas")
        nama = nama_aman(nama_berkas)
        mime = jenis_mime or mimetypes.guess_type(nama)[0] or "application/octet-stream"
        with self.db.transaksi(pelaku, alasan=f"Lampirkan dokumen SOP {nama}") as sesi:
            s = _ambil(sesi, sop_id)
            _wajib_boleh(sesi, pelaku, s.unit_id)
            s.isi = isi
            s.nama_berkas = nama
            s.jenis_mime = mime
            s.sha256 = hashlib.sha256(isi).hexdigest()
            sesi.flush()
            return _ringkas(sesi, s)

    def lepas_berkas(self, pelaku: Pelaku, sop_id: uuid.UUID) -> None:
        """Remove the attached document (the SOP stays in the register)."""
        with self.db.transaksi(pelaku, alasan="Lepas dokumen SOP") as sesi:
            s = _ambil(sesi, sop_id)
            _wajib_boleh(sesi, pelaku, s.unit_id)
            s.isi = None
            s.nama_berkas = None
            s.jenis_mime = None
            s.sha256 = None

    def baca_berkas(self, sop_id: uuid.UUID) -> BerkasSop:
        """The document's bytes, checked against the stored SHA-256."""
        with self.db.baca() as sesi:
            s = _ambil(sesi, sop_id)
            if s.sha256 is None:
                raise TidakDitemukan(f"SOP “{s.judul}” belum memiliki dokumen.")
            isi = s.isi or b""
            if hashlib.sha256(isi).hexdigest() != s.sha256:
                raise DatabaseBermasalah(
                    f"Dokumen SOP “{s.judul}” rusak di basis data (sidik SHA-256 tidak cocok). "
                    "Lampirkan ulang dokumennya atau pulihkan dari cadangan."
                )
            return BerkasSop(
                nama=s.nama_berkas or "dokumen",
                jenis_mime=s.jenis_mime or "application/octet-stream",
                isi=isi,
                sha256=s.sha256,
            )

    def buka_sementara(self, sop_id: uuid.UUID, folder: Path | None = None) -> Path:
        """Write the document to a read-only temporary file for the system viewer.

        The path depends on the content's hash, so opening the same document twice reuses
        the file, and an edited copy is never mistaken for the stored one.
        """
        berkas = self.baca_berkas(sop_id)
        dasar = folder or Path(tempfile.gettempdir()) / "sakip-desktop-sop"
        tujuan_folder = dasar / berkas.sha256[:16]
        tujuan_folder.mkdir(parents=True, exist_ok=True)
        tujuan = tujuan_folder / nama_aman(berkas.nama)
        if tujuan.exists():
            if hashlib.sha256(tujuan.read_bytes()).hexdigest() == berkas.sha256:
                return tujuan
            os.chmod(tujuan, stat.S_IWRITE | stat.S_IREAD)
            tujuan.unlink()
        tujuan.write_bytes(berkas.isi)
        os.chmod(tujuan, stat.S_IREAD)
        return tujuan
