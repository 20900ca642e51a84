"""Printing PKs: the print options from settings, and batch printing of a year.

Batch printing takes each position's latest stored PK, or drafts one from the tree; a vacant
position (or a vacant superior) is reported and never printed with empty names. Progress is
reported per position and a cancel stops before the next one.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ..errors import InputTidakSah, TidakDitemukan
from ..model import Jabatan
from ..reports.pk_pdf import UKURAN_KERTAS, Dibatalkan, TemplatPK
from ..storage import Database
from .konteks import pilih_opd
from .pengaturan import baca as baca_pengaturan
from .pk_susun import (
    DokumenPK,
    cari_unit,
    dokumen_draf,
    dokumen_tersimpan,
    jabatan_opd,
    susun_draf,
    tanggal_bawaan,
    templat_pk,
    versi_pk,
    wajib_pihak_lengkap,
)

Kemajuan = Callable[[int, int, str], None]
"""Progress callback: (positions done, total, label of the last one)."""
Batal = Callable[[], bool] | Any
"""Cancel: a callable returning True, or an object with ``is_set()`` (threading.Event)."""


def _fungsi_batal(batal: Batal | None) -> Callable[[], bool]:
    if batal is None:
        return lambda: False
    if hasattr(batal, "is_set"):
        return lambda: bool(batal.is_set())
    return lambda: bool(batal())


@dataclass
class HasilCetakMassal:
    """What a batch printed, and which positions it could not print and why."""

    tahun: int
    total: int
    selesai: int = 0
    berkas: list[Path] = field(default_factory=list)
    dicetak: list[str] = field(default_factory=list)
    tanpa_pemangku: list[str] = field(default_factory=list)
    """Vacant positions (or vacant superiors): not printed."""
    tanpa_target: list[str] = field(default_factory=list)
    """Printed, but some indicator has no target for the year."""
    dibatalkan: bool = False

    @property
    def ringkasan(self) -> str:
        """A short report in Bahasa Indonesia for the window and the CLI."""
        baris = [
            f"{len(self.dicetak)} dari {self.total} PK tahun {self.tahun} dicetak"
            + (" (dibatalkan)." if self.dibatalkan else ".")
        ]
        if self.tanpa_pemangku:
            baris.append(f"Tidak dicetak, jabatan tanpa pemangku ({len(self.tanpa_pemangku)}):")
            baris += [f"  - {t}" for t in self.tanpa_pemangku]
        if self.tanpa_target:
            baris.append(f"Dicetak dengan target kosong ({len(self.tanpa_target)}):")
            baris += [f"  - {t}" for t in self.tanpa_target]
        return "\n".join(baris)


@dataclass(frozen=True)
class OpsiCetak:
    """How PKs print: paper, the optional Satuan column, the wording."""

    kertas: str
    kolom_satuan: bool
    templat: TemplatPK

    def tulis(
        self,
        dokumen: list[DokumenPK],
        out: Path,
        saat_mulai: Callable[[int], None] | None = None,
    ) -> Path:
        from ..reports.pk_pdf import tulis_pk_pdf

        return tulis_pk_pdf(
            dokumen,
            Path(out),
            kertas=self.kertas,
            kolom_satuan=self.kolom_satuan,
            templat=self.templat,
            saat_mulai=saat_mulai,
        )


def opsi_cetak(
    sesi: Session,
    opd_id: uuid.UUID | None,
    kertas: str | None = None,
    kolom_satuan: bool | None = None,
) -> OpsiCetak:
    """Print options: the arguments where given, else the settings kertas_pk,
    kolom_satuan_pk and templat_pk."""
    k = (kertas or str(baca_pengaturan(sesi, "kertas_pk", opd_id) or "A4")).upper()
    if k not in UKURAN_KERTAS:
        raise InputTidakSah(f"Kertas {k!r} tidak dikenal; pilih A4 atau F4.", field="kertas")
    s = kolom_satuan
    if s is None:
        s = bool(baca_pengaturan(sesi, "kolom_satuan_pk", opd_id))
    return OpsiCetak(k, s, templat_pk(sesi, opd_id))


def dokumen_jabatan(
    sesi: Session, jabatan: Jabatan, tahun: int, tanggal: date | None, tempat: str | None
) -> DokumenPK:
    """A position's latest stored PK for the year, else a draft from the tree."""
    versi = versi_pk(sesi, jabatan.id, tahun)
    if versi:
        return dokumen_tersimpan(sesi, versi[-1])
    draf = susun_draf(sesi, jabatan, tahun, tanggal or tanggal_bawaan(tahun))
    return dokumen_draf(sesi, draf, tempat)


def _tanpa_target(d: DokumenPK) -> str | None:
    if not d.kinerja:
        return "tidak ada sasaran/indikator di pohon kinerja"
    kosong = [b for b in d.kinerja if b.target is None or b.target.kosong]
    if not kosong:
        return None
    nama = "; ".join((b.indikator_teks or b.uraian)[:70] for b in kosong[:3])
    lagi = f" dan {len(kosong) - 3} lainnya" if len(kosong) > 3 else ""
    return f"{len(kosong)} indikator tanpa target ({nama}{lagi})"


def nama_berkas_pk(d: DokumenPK, urut: int) -> str:
    """PK-2020-01-kepala-dinas-tenaga-kerja.pdf (…-perubahan-1.pdf for a PK perubahan)."""
    slug = re.sub(r"[^a-z0-9]+", "-", d.jabatan.casefold()).strip("-")[:80]
    akhiran = f"-perubahan-{d.versi_ke}" if d.perubahan else ""
    return f"PK-{d.tahun}-{urut:02d}-{slug}{akhiran}.pdf"


def cetak_massal(
    db: Database,
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
    """Every PK of a year (or of one bidang): one PDF per position in the folder ``out``,
    or all in the file ``out`` (``gabung``). A position's latest stored PK is printed, or
    a draft from the tree. Vacant positions are reported, never printed with empty
    names. ``kemajuan(selesai, total, label)`` after each position; ``batal`` (a callable
    or an object with ``is_set()``) stops before the next one — a combined file is then
    not written at all."""
    berhenti = _fungsi_batal(batal)
    lapor = kemajuan or (lambda *_: None)
    with db.baca() as sesi:
        o = pilih_opd(sesi, opd)
        unit = cari_unit(sesi, o, bidang) if bidang else None
        semua = jabatan_opd(sesi, o, unit)
        opsi = opsi_cetak(sesi, o.id, kertas, kolom_satuan)
        hasil = HasilCetakMassal(tahun=tahun, total=len(semua))
        siap: list[tuple[int, DokumenPK]] = []
        for urut, j in enumerate(semua, start=1):
            if berhenti():
                hasil.dibatalkan = True
                return hasil
            dokumen = dokumen_jabatan(sesi, j, tahun, tanggal, None)
            try:
                wajib_pihak_lengkap(dokumen, j)
            except TidakDitemukan as exc:
                hasil.tanpa_pemangku.append(exc.pesan)
                hasil.selesai += 1
                lapor(hasil.selesai, hasil.total, f"Dilewati: {j.nama}")
                continue
            kosong = _tanpa_target(dokumen)
            if kosong:
                hasil.tanpa_target.append(f"{j.nama}: {kosong}")
            siap.append((urut, dokumen))
    if not gabung:
        folder = Path(out)
        for urut, d in siap:
            if berhenti():
                hasil.dibatalkan = True
                return hasil
            hasil.berkas.append(opsi.tulis([d], folder / nama_berkas_pk(d, urut)))
            hasil.dicetak.append(d.label)
            hasil.selesai += 1
            lapor(hasil.selesai, hasil.total, d.label)
        return hasil

    def saat_mulai(i: int) -> None:
        if i:
            hasil.selesai += 1
            lapor(hasil.selesai, hasil.total, siap[i - 1][1].label)
        if berhenti():
            raise Dibatalkan

    if not siap:
        return hasil
    try:
        hasil.berkas.append(opsi.tulis([d for _, d in siap], Path(out), saat_mulai))
    except Dibatalkan:
        hasil.dibatalkan = True
        return hasil
    hasil.dicetak.extend(d.label for _, d in siap)
    hasil.selesai += 1
    lapor(hasil.selesai, hasil.total, siap[-1][1].label)
    return hasil
