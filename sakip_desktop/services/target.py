"""Targets per planning document (Renstra, Renja, PK), their revisions and their history.

A target belongs to one indicator, year, quarter (0 = the year) and document. The row with
the highest ``perubahan_ke`` is in force; a revision (Renstra perubahan, PK perubahan) adds
a row with the reason and document number, keeping the old one for the konsistensi check
and the history. Saving the same value again changes nothing, so an import can be re-run.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..angka import AngkaTidakSah, format_rentang, parse_rentang
from ..domain import DokumenTarget, JenisIndikator
from ..errors import InputTidakSah
from ..kalkulasi import NAMA_TRIWULAN, NilaiTarget, cek_target_triwulan
from ..model import Indikator, JejakAudit, Target
from ..storage import Database
from . import kunci, otorisasi
from .capaian import nilai_target
from .indikator import (
    ambil_indikator,
    catat_alasan,
    opd_indikator,
    periksa_nilai,
    periksa_predikat,
    teks_nilai,
    transaksi,
    wajib_tahun_dalam_periode,
)
from .pelaku import Pelaku

LABEL_DOKUMEN = {
    DokumenTarget.RENSTRA: "Renstra",
    DokumenTarget.RENJA: "Renja",
    DokumenTarget.PK: "PK",
}
"""Short document names for one-line messages ("Target IKU.1 tahun 2020 (Renja) …")."""


def teks_target(t: NilaiTarget | None, satuan: str | None) -> str:
    """A target as messages print it: "1,28%", "95,92%–96,89%", "WTP", "—"."""
    if t is None or t.kosong:
        return "—"
    if t.is_predikat:
        return str(t.teks)
    if t.nilai_maks is not None:
        return format_rentang(t.nilai, t.nilai_maks, satuan)
    return teks_nilai(t.nilai, satuan)


def periode_teks(tahun: int, triwulan: int) -> str:
    return f"tahun {tahun}" if triwulan == 0 else f"{NAMA_TRIWULAN[triwulan - 1]} {tahun}"


@dataclass(frozen=True)
class HasilTarget:
    """What a save did, for the window's status line and the CLI."""

    berubah: bool
    aksi: str
    """"tambah", "ubah", "perubahan", "hapus" or "tetap" (nothing changed)."""
    kode: str
    satuan: str
    tahun: int
    triwulan: int
    dokumen: DokumenTarget
    lama: NilaiTarget | None
    baru: NilaiTarget | None
    perubahan_ke: int | None
    peringatan: str | None = None
    """A disagreement between quarterly and yearly targets (cek_target_triwulan)."""

    @property
    def pesan(self) -> str:
        """One line saying what happened (the warning, if any, is in ``peringatan``)."""
        kepala = (
            f"Target {self.kode} {periode_teks(self.tahun, self.triwulan)} "
            f"({LABEL_DOKUMEN[self.dokumen]})"
        )
        lama, baru = teks_target(self.lama, self.satuan), teks_target(self.baru, self.satuan)
        teks = {
            "tambah": f"{kepala} ditambahkan: {baru}.",
            "ubah": f"{kepala} diubah: {lama} → {baru}."
            if lama != baru
            else f"{kepala} diperbarui (nomor dokumen); nilai tetap {baru}.",
            "perubahan": f"{kepala} diubah (perubahan ke-{self.perubahan_ke}): {lama} → {baru}.",
            "hapus": f"{kepala} dihapus (sebelumnya {lama}).",
        }.get(self.aksi)
        if teks is None:
            teks = f"{kepala} tidak berubah: {lama if self.lama else 'belum ada target'}."
        return teks


def nilai_target_dari_teks(ind: Indikator, teks: str) -> NilaiTarget:
    """Read a typed target for ``ind``: a number or range in Indonesian format, or a
    predicate for a text indicator ("95,92–96,89", "1,28", "WTP")."""
    if ind.jenis is JenisIndikator.PREDIKAT:
        if not teks.strip():
            raise InputTidakSah("Target predikat wajib diisi (misalnya WTP).", field="nilai")
        return NilaiTarget(teks=teks.strip())
    try:
        lo, hi = parse_rentang(teks, nama_field="nilai")
    except AngkaTidakSah as exc:
        raise InputTidakSah(exc.pesan, field="nilai") from None
    return NilaiTarget(nilai=lo, nilai_maks=hi)


def _sahkan_nilai(
    sesi: Session, ind: Indikator, nilai: NilaiTarget, apa: str
) -> tuple[object, object, object]:
    """(nilai, nilai_maks, nilai_teks) to store, after the checks for the indicator's kind."""
    if ind.jenis is JenisIndikator.PREDIKAT:
        if not nilai.is_predikat or nilai.nilai is not None:
            raise InputTidakSah(
                f"{apa}: indikator {ind.kode} bertarget predikat (misalnya WTP), bukan angka.",
                field="nilai",
            )
        return None, None, periksa_predikat(sesi, ind, str(nilai.teks), field="nilai", apa=apa)
    if nilai.teks is not None or nilai.nilai is None:
        raise InputTidakSah(f"{apa}: target harus berupa angka atau rentang.", field="nilai")
    periksa_nilai(ind, nilai.nilai, field="nilai", apa=apa)
    if nilai.nilai_maks is not None:
        periksa_nilai(ind, nilai.nilai_maks, field="nilai", apa=apa)
    return nilai.nilai, nilai.nilai_maks, None


def _sama(t: Target, nilai: tuple[object, object, object]) -> bool:
    return (t.nilai, t.nilai_maks, t.nilai_teks) == nilai


def _peringatan(sesi: Session, ind: Indikator, tahun: int, dokumen: DokumenTarget) -> str | None:
    """Quarterly vs yearly targets of one document, as they stand after the save."""
    if ind.jenis is JenisIndikator.PREDIKAT:
        return None
    sesi.flush()
    baris = sesi.scalars(
        select(Target).where(
            Target.indikator_id == ind.id, Target.tahun == tahun, Target.dokumen == dokumen
        )
    ).all()
    berlaku: dict[int, Target] = {}
    for t in baris:
        if t.triwulan not in berlaku or t.perubahan_ke > berlaku[t.triwulan].perubahan_ke:
            berlaku[t.triwulan] = t
    tahunan = berlaku.get(0)
    per_tw = [berlaku[tw].nilai if tw in berlaku else None for tw in range(1, 5)]
    return cek_target_triwulan(ind.agregasi, tahunan.nilai if tahunan else None, per_tw)


def simpan_target_rinci(
    sesi: Session,
    pelaku: Pelaku,
    indikator_id: uuid.UUID,
    tahun: int,
    triwulan: int,
    dokumen: DokumenTarget,
    nilai: NilaiTarget | None,
    *,
    alasan: str | None = None,
    nomor_dokumen: str | None = None,
    perubahan: bool = False,
) -> HasilTarget:
    """:func:`simpan_target`, returning what happened (old and new value, warnings)."""
    if not 0 <= triwulan <= 4:
        raise InputTidakSah(
            f"Triwulan harus 0 (tahunan) atau 1–4, bukan {triwulan}.", field="triwulan"
        )
    try:
        dokumen = DokumenTarget(dokumen)
    except ValueError:
        raise InputTidakSah(f"Dokumen target {dokumen!r} tidak dikenal.", field="dokumen") from None
    alasan = (alasan or "").strip() or None
    nomor_dokumen = (nomor_dokumen or "").strip() or None
    ind = ambil_indikator(sesi, indikator_id)
    wajib_tahun_dalam_periode(sesi, ind, tahun)
    otorisasi.wajib_ubah_rencana(sesi, pelaku, ind.node)
    apa = f"Target {ind.kode} {periode_teks(tahun, triwulan)}"
    if nilai is not None and nilai.kosong:
        nilai = None
    baru = _sahkan_nilai(sesi, ind, nilai, apa) if nilai is not None else None
    if perubahan and nilai is not None and alasan is None:
        raise InputTidakSah(
            f"{apa}: perubahan target memerlukan alasan (misalnya refocusing, PK perubahan).",
            field="alasan",
        )
    baris = sesi.scalars(
        select(Target)
        .where(
            Target.indikator_id == ind.id,
            Target.tahun == tahun,
            Target.triwulan == triwulan,
            Target.dokumen == dokumen,
        )
        .order_by(Target.perubahan_ke)
    ).all()
    berlaku = baris[-1] if baris else None
    lama = nilai_target(berlaku)

    def hasil(aksi: str, baris_baru: Target | None) -> HasilTarget:
        return HasilTarget(
            berubah=aksi != "tetap",
            aksi=aksi,
            kode=ind.kode,
            satuan=ind.satuan,
            tahun=tahun,
            triwulan=triwulan,
            dokumen=dokumen,
            lama=lama,
            baru=nilai_target(baris_baru),
            perubahan_ke=baris_baru.perubahan_ke if baris_baru is not None else None,
            peringatan=_peringatan(sesi, ind, tahun, dokumen) if aksi != "tetap" else None,
        )

    if baru is None and berlaku is None:
        return hasil("tetap", None)
    if (
        baru is not None
        and berlaku is not None
        and _sama(berlaku, baru)
        and nomor_dokumen in (None, berlaku.nomor_dokumen)
    ):
        return hasil("tetap", berlaku)
    for opd_id in opd_indikator(sesi, ind):
        kunci.wajib_target_terbuka(sesi, opd_id, tahun)
    catat_alasan(sesi, alasan)
    if baru is None:
        assert berlaku is not None
        sesi.delete(berlaku)
        return hasil("hapus", None)
    v, v_maks, v_teks = baru
    if berlaku is None or (perubahan and not _sama(berlaku, baru)):
        ke = 0 if berlaku is None else berlaku.perubahan_ke + 1
        rekaman = Target(
            indikator_id=ind.id,
            tahun=tahun,
            triwulan=triwulan,
            dokumen=dokumen,
            perubahan_ke=ke,
            nilai=v,
            nilai_maks=v_maks,
            nilai_teks=v_teks,
            alasan=alasan,
            nomor_dokumen=nomor_dokumen,
        )
        sesi.add(rekaman)
        return hasil("perubahan" if ke > 0 else "tambah", rekaman)
    # An edit of the row in force: its own reason stays (the audit row keeps this one).
    berlaku.nilai, berlaku.nilai_maks, berlaku.nilai_teks = v, v_maks, v_teks  # type: ignore[assignment]
    if nomor_dokumen is not None:
        berlaku.nomor_dokumen = nomor_dokumen
    return hasil("ubah", berlaku)


def simpan_target(
    sesi: Session,
    pelaku: Pelaku,
    indikator_id: uuid.UUID,
    tahun: int,
    triwulan: int,
    dokumen: DokumenTarget,
    nilai: NilaiTarget | None,
    *,
    alasan: str | None = None,
    nomor_dokumen: str | None = None,
    perubahan: bool = False,
) -> bool:
    """Save one target; True if something changed, False if it was already so.

    ``triwulan`` 0 is the yearly target. Without ``perubahan`` the row in force (highest
    ``perubahan_ke``) is edited, or created; with it a new revision row is added (``alasan``
    required) and the old rows stay. ``nilai`` None deletes the row in force (an earlier
    revision, if any, is then in force again).

    Refused: a year outside the indicator's plan period (InputTidakSah naming it), a locked
    year (DataTerkunci), a user who may not change this part of the plan (AksesDitolak),
    and values out of bounds for the unit (see ``indikator.periksa_nilai``). Saving the
    value in force again is not a change, so it passes even in a locked year.
    """
    return simpan_target_rinci(
        sesi,
        pelaku,
        indikator_id,
        tahun,
        triwulan,
        dokumen,
        nilai,
        alasan=alasan,
        nomor_dokumen=nomor_dokumen,
        perubahan=perubahan,
    ).berubah


# --- history ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class JejakTarget:
    """One audited change of a target row."""

    waktu: datetime
    pengguna: str | None
    aksi: str
    field: str | None
    nilai_lama: str | None
    nilai_baru: str | None
    alasan: str | None


@dataclass(frozen=True)
class RiwayatTarget:
    """One target row (an original or a revision) with who, when and why."""

    target_id: uuid.UUID
    dokumen: DokumenTarget
    triwulan: int
    perubahan_ke: int
    nilai: NilaiTarget
    alasan: str | None
    nomor_dokumen: str | None
    dibuat_oleh: str | None
    dibuat_pada: datetime
    diubah_oleh: str | None
    diubah_pada: datetime
    berlaku: bool
    jejak: tuple[JejakTarget, ...]


_URUTAN_DOKUMEN = {DokumenTarget.RENSTRA: 0, DokumenTarget.RENJA: 1, DokumenTarget.PK: 2}


def riwayat_target(
    sesi: Session,
    indikator_id: uuid.UUID,
    tahun: int,
    *,
    triwulan: int | None = None,
    dokumen: DokumenTarget | None = None,
) -> list[RiwayatTarget]:
    """Every target row of an indicator and year (optionally one quarter / document), in
    document, quarter and revision order, each with its audited changes."""
    ambil_indikator(sesi, indikator_id)
    syarat = [Target.indikator_id == indikator_id, Target.tahun == tahun]
    if triwulan is not None:
        syarat.append(Target.triwulan == triwulan)
    if dokumen is not None:
        syarat.append(Target.dokumen == dokumen)
    baris = sorted(
        sesi.scalars(select(Target).where(*syarat)),
        key=lambda t: (_URUTAN_DOKUMEN[t.dokumen], t.triwulan, t.perubahan_ke),
    )
    jejak: dict[uuid.UUID, list[JejakTarget]] = {}
    if baris:
        for j in sesi.scalars(
            select(JejakAudit)
            .where(JejakAudit.tabel == "target", JejakAudit.rekaman_id.in_([t.id for t in baris]))
            .order_by(JejakAudit.waktu)
        ):
            assert j.rekaman_id is not None
            jejak.setdefault(j.rekaman_id, []).append(
                JejakTarget(
                    j.waktu, j.pengguna, j.aksi, j.field, j.nilai_lama, j.nilai_baru, j.alasan
                )
            )
    tertinggi: dict[tuple[DokumenTarget, int], int] = {}
    for t in baris:
        k = (t.dokumen, t.triwulan)
        tertinggi[k] = max(tertinggi.get(k, -1), t.perubahan_ke)
    hasil = []
    for t in baris:
        riwayat = tuple(jejak.get(t.id, []))
        pembuat = next((j.pengguna for j in riwayat if j.aksi == "tambah"), None)
        nt = nilai_target(t)
        assert nt is not None
        hasil.append(
            RiwayatTarget(
                target_id=t.id,
                dokumen=t.dokumen,
                triwulan=t.triwulan,
                perubahan_ke=t.perubahan_ke,
                nilai=nt,
                alasan=t.alasan,
                nomor_dokumen=t.nomor_dokumen,
                dibuat_oleh=pembuat,
                dibuat_pada=t.dibuat_pada,
                diubah_oleh=t.diubah_oleh,
                diubah_pada=t.diubah_pada,
                berlaku=t.perubahan_ke == tertinggi[(t.dokumen, t.triwulan)],
                jejak=riwayat,
            )
        )
    return hasil


class LayananTarget:
    """Targets for the window and the CLI: one transaction per save."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def simpan(
        self,
        pelaku: Pelaku,
        indikator_id: uuid.UUID,
        tahun: int,
        triwulan: int,
        dokumen: DokumenTarget,
        nilai: NilaiTarget | None,
        *,
        alasan: str | None = None,
        nomor_dokumen: str | None = None,
        perubahan: bool = False,
    ) -> HasilTarget:
        with transaksi(self.db, pelaku, alasan) as sesi:
            return simpan_target_rinci(
                sesi,
                pelaku,
                indikator_id,
                tahun,
                triwulan,
                dokumen,
                nilai,
                alasan=alasan,
                nomor_dokumen=nomor_dokumen,
                perubahan=perubahan,
            )

    def riwayat(
        self,
        indikator_id: uuid.UUID,
        tahun: int,
        *,
        triwulan: int | None = None,
        dokumen: DokumenTarget | None = None,
    ) -> list[RiwayatTarget]:
        with self.db.baca() as sesi:
            return riwayat_target(sesi, indikator_id, tahun, triwulan=triwulan, dokumen=dokumen)
