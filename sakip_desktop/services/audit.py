"""Reading the audit trail: browse and filter it, a record's history, export.

The trail is written by the session itself (storage/jejak.py) and is append-only in the
database, so this module only reads. Reading it needs no special role: it shows who did
what, which every reader of a SAKIP (the inspectorate included) may see.
"""

from __future__ import annotations

import csv
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from ..domain import JenisUnit
from ..errors import KesalahanPengguna, TidakDitemukan
from ..model import Base, Indikator, JejakAudit, UnitKerja
from ..storage import Database
from ..storage.jejak import ringkasan_rekaman

LABEL_TABEL = {
    "target": "Target",
    "realisasi": "Realisasi",
    "indikator": "Indikator",
    "node_kinerja": "Pohon kinerja",
    "perjanjian_kinerja": "Perjanjian Kinerja",
    "baris_pk": "Baris PK",
    "tahun_kinerja": "Kunci periode",
    "pengguna": "Pengguna",
    "pengaturan": "Pengaturan",
    "anggaran": "Anggaran",
    "realisasi_anggaran": "Realisasi anggaran",
    "revisi_anggaran": "Revisi anggaran",
    "tindak_lanjut": "Tindak lanjut",
    "berkas_bukti": "Berkas bukti",
    "risiko": "Risiko",
    "jabatan": "Jabatan",
    "pegawai": "Pegawai",
    "unit_kerja": "Unit kerja",
    "basis_data": "Basis data",
}
LABEL_AKSI = {
    "tambah": "Tambah",
    "ubah": "Ubah",
    "hapus": "Hapus",
    "buka-kunci": "Buka kunci",
    "tutup-triwulan": "Tutup triwulan",
    "kunci-target": "Kunci target",
    "ajukan": "Ajukan",
    "verifikasi": "Verifikasi",
    "pulihkan": "Pulihkan cadangan",
}
KOLOM_EKSPOR = (
    "Waktu",
    "Pengguna",
    "Aksi",
    "Tabel",
    "Rekaman",
    "Field",
    "Nilai lama",
    "Nilai baru",
    "Alasan",
    "Unit",
    "ID rekaman",
)


@dataclass(frozen=True)
class SaringAudit:
    """What the audit page filters by; every field is optional and they combine (AND)."""

    pengguna: str | None = None
    unit_id: uuid.UUID | None = None
    """A bidang or seksi: rows of that unit and every unit below it."""
    opd_id: uuid.UUID | None = None
    tabel: str | None = None
    rekaman_id: uuid.UUID | None = None
    aksi: str | None = None
    sejak: date | None = None
    """First day (local time), inclusive."""
    sampai: date | None = None
    """Last day (local time), inclusive."""
    cari: str | None = None
    """Text found in the field name, the old or new value or the reason."""


@dataclass(frozen=True)
class BarisAudit:
    """One audit row as the page, the CLI and the export show it."""

    id: uuid.UUID
    waktu: datetime
    """Aware, UTC; `waktu_lokal` for display."""
    pengguna: str | None
    aksi: str
    tabel: str
    rekaman_id: uuid.UUID | None
    rekaman: str | None
    """A readable label of the record as it is now ("IKU.1 · tahun=2020, …")."""
    field: str | None
    nilai_lama: str | None
    nilai_baru: str | None
    alasan: str | None
    opd_id: uuid.UUID | None
    unit_id: uuid.UUID | None
    unit: str | None

    @property
    def waktu_lokal(self) -> datetime:
        return self.waktu.astimezone()

    @property
    def label_tabel(self) -> str:
        return LABEL_TABEL.get(self.tabel, self.tabel.replace("_", " ").capitalize())

    @property
    def label_aksi(self) -> str:
        return LABEL_AKSI.get(self.aksi, self.aksi)

    def sebagai_dict(self) -> dict[str, Any]:
        """JSON-ready: ISO times (UTC), ids as strings."""
        return {
            "id": str(self.id),
            "waktu": self.waktu.isoformat(),
            "pengguna": self.pengguna,
            "aksi": self.aksi,
            "tabel": self.tabel,
            "rekaman_id": str(self.rekaman_id) if self.rekaman_id else None,
            "rekaman": self.rekaman,
            "field": self.field,
            "nilai_lama": self.nilai_lama,
            "nilai_baru": self.nilai_baru,
            "alasan": self.alasan,
            "unit": self.unit,
        }

    def sebagai_baris(self) -> list[str]:
        """The export columns (`KOLOM_EKSPOR`), as text."""
        return [
            self.waktu_lokal.strftime("%d-%m-%Y %H:%M:%S"),
            self.pengguna or "",
            self.label_aksi,
            self.label_tabel,
            self.rekaman or "",
            self.field or "",
            self.nilai_lama or "",
            self.nilai_baru or "",
            self.alasan or "",
            self.unit or "",
            str(self.rekaman_id) if self.rekaman_id else "",
        ]


def _utc(waktu: datetime) -> datetime:
    return waktu.replace(tzinfo=UTC) if waktu.tzinfo is None else waktu.astimezone(UTC)


def awal_hari(hari: date) -> datetime:
    """Local midnight of ``hari`` in UTC (the trail stores UTC)."""
    return datetime.combine(hari, time()).astimezone(UTC)


def subpohon_unit(sesi: Session, unit_id: uuid.UUID) -> set[uuid.UUID]:
    """A unit and every unit below it."""
    anak: dict[uuid.UUID | None, list[uuid.UUID]] = defaultdict(list)
    for uid, pid in sesi.execute(select(UnitKerja.id, UnitKerja.parent_id)):
        anak[pid].append(uid)
    hasil: set[uuid.UUID] = set()
    antrean = [unit_id]
    while antrean:
        u = antrean.pop()
        if u not in hasil:
            hasil.add(u)
            antrean.extend(anak[u])
    return hasil


def cari_unit(db: Database, teks: str) -> uuid.UUID:
    """A unit by its short code ("PK", "PK.1") or its name (whole or a unique part; a part
    that also fits seksi of the same name means the bidang)."""
    cari = teks.strip().casefold()
    with db.baca() as sesi:
        semua = sesi.scalars(select(UnitKerja)).all()
    for cocok in (
        [u for u in semua if (u.kode or "").casefold() == cari],
        [u for u in semua if u.nama.casefold() == cari],
        [u for u in semua if cari in u.nama.casefold()],
    ):
        bidang = [u for u in cocok if u.jenis is JenisUnit.BIDANG]
        if len(cocok) > 1 and len(bidang) == 1:
            cocok = bidang  # "Hubungan Industrial": the bidang, not its seksi of that name
        if len(cocok) == 1:
            return cocok[0].id
        if len(cocok) > 1:
            contoh = "; ".join(u.nama for u in cocok[:4])
            raise KesalahanPengguna(f"Unit {teks!r} cocok dengan beberapa unit ({contoh}…).")
    raise TidakDitemukan(f"Bidang/unit {teks!r} tidak ada.")


def _query(sesi: Session, saring: SaringAudit) -> Select[JejakAudit]:
    q = select(JejakAudit)
    if saring.pengguna:
        q = q.where(func.lower(JejakAudit.pengguna) == saring.pengguna.strip().casefold())
    if saring.unit_id is not None:
        q = q.where(JejakAudit.unit_id.in_(subpohon_unit(sesi, saring.unit_id)))
    if saring.opd_id is not None:
        q = q.where(JejakAudit.opd_id == saring.opd_id)
    if saring.tabel:
        q = q.where(JejakAudit.tabel == saring.tabel.strip())
    if saring.rekaman_id is not None:
        q = q.where(JejakAudit.rekaman_id == saring.rekaman_id)
    if saring.aksi:
        q = q.where(JejakAudit.aksi == saring.aksi.strip())
    if saring.sejak is not None:
        q = q.where(JejakAudit.waktu >= awal_hari(saring.sejak))
    if saring.sampai is not None:
        q = q.where(JejakAudit.waktu < awal_hari(saring.sampai + timedelta(days=1)))
    if saring.cari:
        pola = f"%{saring.cari.strip().lower()}%"
        q = q.where(
            or_(
                func.lower(JejakAudit.field).like(pola),
                func.lower(JejakAudit.nilai_lama).like(pola),
                func.lower(JejakAudit.nilai_baru).like(pola),
                func.lower(JejakAudit.alasan).like(pola),
            )
        )
    return q


def _kelas_tabel() -> dict[str, type[Any]]:
    return {m.class_.__tablename__: m.class_ for m in Base.registry.mappers}


def _label_rekaman(sesi: Session, jejak: Sequence[JejakAudit]) -> dict[uuid.UUID, str]:
    """Readable labels for the records of a page of rows, one query per table."""
    per_tabel: dict[str, set[uuid.UUID]] = defaultdict(set)
    for j in jejak:
        if j.rekaman_id is not None:
            per_tabel[j.tabel].add(j.rekaman_id)
    kelas = _kelas_tabel()
    label: dict[uuid.UUID, str] = {}
    kode_indikator: dict[uuid.UUID, str] = {}
    for tabel, ids in per_tabel.items():
        model = kelas.get(tabel)
        if model is None or not hasattr(model, "id"):
            continue
        for obj in sesi.scalars(select(model).where(model.id.in_(ids))):
            teks = ringkasan_rekaman(obj)
            ind_id = getattr(obj, "indikator_id", None)
            if ind_id is not None:
                if ind_id not in kode_indikator:
                    ind = sesi.get(Indikator, ind_id)
                    kode_indikator[ind_id] = ind.kode if ind is not None else "?"
                teks = f"{kode_indikator[ind_id]} · {teks}"
            label[obj.id] = teks
    return label


def _baris(sesi: Session, jejak: Sequence[JejakAudit]) -> list[BarisAudit]:
    label = _label_rekaman(sesi, jejak)
    unit_ids = {j.unit_id for j in jejak if j.unit_id is not None}
    nama_unit: dict[uuid.UUID, str] = {}
    if unit_ids:
        q = select(UnitKerja.id, UnitKerja.nama).where(UnitKerja.id.in_(unit_ids))
        nama_unit = {uid: nama for uid, nama in sesi.execute(q)}
    hasil = []
    for j in jejak:
        rekaman = label.get(j.rekaman_id) if j.rekaman_id else None
        if rekaman is None and j.aksi in {"tambah", "hapus"}:
            rekaman = j.nilai_baru or j.nilai_lama  # the record's summary, kept in the row
        hasil.append(
            BarisAudit(
                id=j.id,
                waktu=_utc(j.waktu),
                pengguna=j.pengguna,
                aksi=j.aksi,
                tabel=j.tabel,
                rekaman_id=j.rekaman_id,
                rekaman=rekaman,
                field=j.field,
                nilai_lama=j.nilai_lama,
                nilai_baru=j.nilai_baru,
                alasan=j.alasan,
                opd_id=j.opd_id,
                unit_id=j.unit_id,
                unit=nama_unit.get(j.unit_id) if j.unit_id else None,
            )
        )
    return hasil


def cari_jejak(
    db: Database,
    saring: SaringAudit | None = None,
    *,
    batas: int | None = 500,
    lewati: int = 0,
    terbaru_dulu: bool = True,
) -> list[BarisAudit]:
    """One page of the trail, newest first (``batas`` None = every row)."""
    with db.baca() as sesi:
        urut = JejakAudit.waktu.desc() if terbaru_dulu else JejakAudit.waktu.asc()
        q = _query(sesi, saring or SaringAudit()).order_by(urut, JejakAudit.id).offset(lewati)
        if batas is not None:
            q = q.limit(batas)
        return _baris(sesi, sesi.scalars(q).all())


def hitung_jejak(db: Database, saring: SaringAudit | None = None) -> int:
    """How many rows the filter matches (for the page's "1–500 dari 1.234")."""
    with db.baca() as sesi:
        sub = _query(sesi, saring or SaringAudit()).subquery()
        return sesi.scalar(select(func.count()).select_from(sub)) or 0


def riwayat_rekaman(db: Database, tabel: str, rekaman_id: uuid.UUID) -> list[BarisAudit]:
    """Every change of one record, oldest first (the form's "Riwayat" button)."""
    return cari_jejak(
        db, SaringAudit(tabel=tabel, rekaman_id=rekaman_id), batas=None, terbaru_dulu=False
    )


def riwayat_objek(db: Database, obj: Any) -> list[BarisAudit]:
    """`riwayat_rekaman` for a model object."""
    return riwayat_rekaman(db, obj.__tablename__, obj.id)


def pilihan_saring(db: Database) -> tuple[list[str], list[str], list[str]]:
    """The users, tables and actions present in the trail (for the filter lists)."""
    with db.baca() as sesi:

        def beda(kolom: Any) -> list[str]:
            return sorted(v for v in sesi.scalars(select(kolom).distinct()) if v)

        return beda(JejakAudit.pengguna), beda(JejakAudit.tabel), beda(JejakAudit.aksi)


def ekspor_csv(baris: Iterable[BarisAudit], tujuan: Path) -> Path:
    """CSV for Excel in Indonesian settings: UTF-8 with BOM, ';' between columns."""
    tujuan = Path(tujuan)
    with tujuan.open("w", encoding="utf-8-sig", newline="") as f:
        penulis = csv.writer(f, delimiter=";")
        penulis.writerow(KOLOM_EKSPOR)
        for b in baris:
            penulis.writerow(b.sebagai_baris())
    return tujuan


def ekspor_xlsx(baris: Iterable[BarisAudit], tujuan: Path) -> Path:
    """An Excel sheet with a bold, frozen header and a filter on every column."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    buku = Workbook()
    lembar = buku.active
    assert lembar is not None
    lembar.title = "Jejak audit"
    lembar.append(list(KOLOM_EKSPOR))
    for sel in lembar[1]:
        sel.font = Font(bold=True)
    for b in baris:
        lembar.append(b.sebagai_baris())
    lembar.freeze_panes = "A2"
    lembar.auto_filter.ref = lembar.dimensions
    for kolom, lebar in zip(
        "ABCDEFGHIJK", (19, 14, 14, 18, 40, 18, 24, 24, 30, 30, 38), strict=True
    ):
        lembar.column_dimensions[kolom].width = lebar
    buku.save(tujuan)
    return Path(tujuan)
